// Per-document stages on a fixed pool of threads, results in input order.
//
// Work is handed out through one atomic counter (no queue, no locks on the
// hot path); each worker writes only its own result slot, so the output is
// identical for any number of jobs. Results are emitted to the caller in
// input order through a small reorder window guarded by a mutex.
#include "synoptic/report/pipeline.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "synoptic/actors/actors.h"
#include "synoptic/events/events.h"
#include "synoptic/events/plover.h"
#include "synoptic/extract/extract.h"
#include "synoptic/extract/site_templates.h"
#include "synoptic/nlp/nlp.h"
#include "synoptic/stories/stories.h"
#include "synoptic/time/timex.h"

namespace synoptic::report {

struct Analyzer::Models {
  std::shared_ptr<const nlp::NlpModel> nlp;
  std::shared_ptr<const actors::ActorKb> kb;
  std::shared_ptr<const events::EventLexicon> lexicon;
  std::shared_ptr<const events::PloverMap> plover;
  nlp::NlpOptions nlp_options;
};

Analyzer::Analyzer() = default;
Analyzer::~Analyzer() = default;

Result<std::unique_ptr<Analyzer>> Analyzer::Create(Env* env,
                                                   const PipelineOptions& options) {
  std::unique_ptr<Analyzer> a(new Analyzer());
  a->options_ = options;
  a->models_ = std::make_unique<Models>();
  a->models_->nlp_options.models_dir = options.models_dir;
  SYN_ASSIGN_OR_RETURN(a->models_->nlp,
                       nlp::LoadNlpModel(env, a->models_->nlp_options));
  actors::ActorOptions ao;
  ao.models_dir = options.models_dir;
  SYN_ASSIGN_OR_RETURN(a->models_->kb, actors::LoadActorKb(env, ao));
  events::EventOptions eo;
  eo.models_dir = options.models_dir;
  SYN_ASSIGN_OR_RETURN(a->models_->lexicon, events::LoadEventLexicon(env, eo));
  SYN_ASSIGN_OR_RETURN(a->models_->plover,
                       events::PloverMap::Load(env, options.models_dir));
  return a;
}

Result<DocAnalysis> Analyzer::Analyze(const ingest::InputRecord& record) const {
  SYN_ASSIGN_OR_RETURN(DocAnalysis a, Extract(record));
  Complete(&a);
  return a;
}

Result<DocAnalysis> Analyzer::Extract(const ingest::InputRecord& record) const {
  extract::ExtractOptions xo;
  DocAnalysis a;
  SYN_ASSIGN_OR_RETURN(a.doc, extract::ExtractDocument(record, xo));
  if (a.doc.published.empty() && options_.dct) {
    a.doc.published = civil::FormatDate(*options_.dct);
    a.doc.published_from = DateSource::kOption;
  }
  return a;
}

void Analyzer::Complete(DocAnalysis* out) const {
  DocAnalysis& a = *out;
  std::optional<civil::Date> date;
  if (auto d = civil::ParseIsoDate(a.doc.published)) date = *d;
  nlp::Annotate(*models_->nlp, models_->nlp_options, &a);
  time::TimeOptions time_options;
  time_options.language = a.doc.language;
  time::TagTimes(date, time_options, &a);
  actors::ResolveActors(*models_->kb, date, &a);
  events::ExtractEvents(*models_->lexicon, &a);
  for (Event& e : a.events) {
    if (const events::PloverEntry* p = models_->plover->Find(e.code)) {
      e.plover = p->category;
    }
  }
}

std::vector<DocAnalysis> AnalyzeAll(const Analyzer& analyzer,
                                    std::vector<ingest::InputRecord> records,
                                    int jobs, std::vector<InputError>* errors,
                                    const ProgressFn& progress,
                                    const EmitFn& emit) {
  const size_t n = records.size();
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<size_t>(static_cast<size_t>(jobs), std::max<size_t>(n, 1)));
  auto run = [jobs](const std::function<void()>& worker) {
    std::vector<std::thread> pool;
    for (int t = 1; t < jobs; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
  };

  // 1. Extraction, then the site templates across the extracted pages.
  std::vector<std::optional<Result<DocAnalysis>>> slots(n);
  std::atomic<size_t> next{0};
  std::mutex mu;
  size_t extracted = 0;  // guarded by mu
  run([&] {
    for (;;) {
      const size_t i = next.fetch_add(1);
      if (i >= n) return;
      slots[i].emplace(analyzer.Extract(records[i]));
      // Free the raw page as soon as it is extracted.
      std::string().swap(records[i].body);
      if (progress) {
        std::lock_guard<std::mutex> lock(mu);
        progress("extract", ++extracted, n);
      }
    }
  });
  {
    std::vector<Document*> extracted;
    for (auto& s : slots) {
      if (s->ok()) extracted.push_back(&s->value().doc);
    }
    extract::RemoveSiteTemplates(extracted);
  }

  // 2. The per-document stages; results emitted in input order.
  std::vector<bool> ready(n, false);  // guarded by mu
  size_t done = 0;
  size_t emitted = 0;
  next = 0;
  run([&] {
    for (;;) {
      const size_t i = next.fetch_add(1);
      if (i >= n) return;
      if (slots[i]->ok()) analyzer.Complete(&slots[i]->value());
      std::lock_guard<std::mutex> lock(mu);
      ++done;
      ready[i] = true;
      while (emitted < n && ready[emitted]) {
        if (emit) emit(emitted, *slots[emitted]);
        ++emitted;
      }
      if (progress) progress("analyse", done, n);
    }
  });

  std::vector<DocAnalysis> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    auto& r = *slots[i];
    if (r.ok()) {
      out.push_back(std::move(r).value());
    } else if (errors != nullptr) {
      errors->push_back(InputError{records[i].source,
                                   std::string(StatusCodeName(r.status().code())),
                                   r.status().message()});
    }
  }
  return out;
}

Report BuildReport(std::vector<DocAnalysis> docs, std::vector<InputError> errors,
                   std::string generated, std::string version) {
  Report report;
  // The same content read twice (a file given twice, a page in two crawls)
  // is one document; later copies are noted, not silently dropped.
  std::vector<DocAnalysis> unique;
  unique.reserve(docs.size());
  std::unordered_map<std::string, size_t> seen;
  for (auto& d : docs) {
    auto [it, inserted] = seen.emplace(d.doc.id, unique.size());
    if (inserted) {
      unique.push_back(std::move(d));
    } else {
      report.duplicate_inputs.push_back({d.doc.source, unique[it->second].doc.source});
    }
  }
  report.docs = std::move(unique);
  report.stories = stories::BuildStories(&report.docs, stories::StoryOptions{});
  report.errors = std::move(errors);
  report.generated = std::move(generated);
  report.version = std::move(version);
  return report;
}

}  // namespace synoptic::report
