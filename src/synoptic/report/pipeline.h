// The analysis pipeline: per-document stages on N threads, then the
// cross-document stage.
//
// An Analyzer holds the loaded models (shared, read-only) and analyses one
// record at a time; it is safe to call Analyze() from several threads at
// once. AnalyzeAll() runs records on `jobs` threads and returns results in
// input order, so the output is identical for any number of jobs.
#ifndef SYNOPTIC_REPORT_PIPELINE_H_
#define SYNOPTIC_REPORT_PIPELINE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/ingest/reader.h"
#include "synoptic/report/report.h"

namespace synoptic::report {

struct PipelineOptions {
  std::string models_dir = "models";
  int jobs = 0;                          // 0: all cores
  std::optional<civil::Date> dct;        // --dct for inputs that state none
  ingest::ReaderOptions reader;
};

class Analyzer {
 public:
  static Result<std::unique_ptr<Analyzer>> Create(Env* env,
                                                  const PipelineOptions& options);
  ~Analyzer();
  // Extract, annotate, time, actors, events. kEmpty etc. on unusable input.
  Result<DocAnalysis> Analyze(const ingest::InputRecord& record) const;
  // The same in two steps: the page's document (extraction, --dct), then
  // the per-document stages on it (AnalyzeAll runs cross-page template
  // removal between them).
  Result<DocAnalysis> Extract(const ingest::InputRecord& record) const;
  void Complete(DocAnalysis* a) const;

 private:
  Analyzer();
  struct Models;
  std::unique_ptr<Models> models_;
  PipelineOptions options_;
};

// Called as records pass a stage (from worker threads, serialized): first
// "extract" for every record, then "analyse" (nlp through events).
using ProgressFn = std::function<void(std::string_view stage, size_t done, size_t total)>;
// Called once per record in input order as soon as it and all records before
// it are done (for streaming output); serialized, never concurrently.
using EmitFn = std::function<void(size_t index, const Result<DocAnalysis>& result)>;

// Analyses records on options.jobs threads. Results come back in input
// order; a record that fails becomes an InputError in *errors. Between
// extraction and the later stages, the paragraphs that recur on many pages
// of one site are removed as its template (extract/site_templates.h).
std::vector<DocAnalysis> AnalyzeAll(const Analyzer& analyzer,
                                    std::vector<ingest::InputRecord> records,
                                    int jobs, std::vector<InputError>* errors,
                                    const ProgressFn& progress,
                                    const EmitFn& emit = nullptr);

// Cross-document stage over analysed documents; fills a Report. Documents
// with identical content are kept once (Report::duplicate_inputs lists the
// other copies).
Report BuildReport(std::vector<DocAnalysis> docs, std::vector<InputError> errors,
                   std::string generated, std::string version);

}  // namespace synoptic::report

#endif  // SYNOPTIC_REPORT_PIPELINE_H_
