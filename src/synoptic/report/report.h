// The report: one object (schema synoptic.report/1, design.md §4) rendered
// as JSON, Markdown or a self-contained HTML page.
//
// Spans are bytes internally; every rendering converts them to code points
// into the document's `text`. All article text is escaped in Markdown and
// HTML. Thread-safety: renderers are pure functions of the Report.
#ifndef SYNOPTIC_REPORT_REPORT_H_
#define SYNOPTIC_REPORT_REPORT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/stories/stories.h"

namespace synoptic::report {

inline constexpr std::string_view kSchema = "synoptic.report/1";

struct Report {
  std::vector<DocAnalysis> docs;
  stories::StoryResult stories;
  std::vector<InputError> errors;
  // Inputs whose content equals an earlier document: (source, kept source).
  std::vector<std::pair<std::string, std::string>> duplicate_inputs;
  std::string generated;   // ISO 8601 UTC time of the run
  std::string version;     // synoptic version string
};

enum class Format { kMarkdown, kHtml, kJson, kJsonLines };
// "md", "html", "json", "jsonl"; kInvalidArgument otherwise.
Result<Format> ParseFormat(std::string_view name);
// From a file name's extension (".md", ".html", ".json", ".jsonl").
Result<Format> FormatFromPath(std::string_view path);

std::string RenderJson(const Report& report);
std::string RenderMarkdown(const Report& report);
std::string RenderHtml(const Report& report);
// One line (no trailing newline) describing one analysed document, for
// --format jsonl streaming: the document with its entities, times, events
// and quotes, spans in code points.
std::string RenderDocumentLine(const DocAnalysis& doc);

// One document's fields alone (id, source, url, site, title, authors,
// published, published_from, language, text, ...) as a one-line JSON object:
// the record of `synoptic extract --format jsonl`.
std::string RenderDocumentJson(const Document& doc);

// Lossless round trip of a DocAnalysis (byte spans), used by the store.
std::string SerializeAnalysis(const DocAnalysis& doc);
Result<DocAnalysis> DeserializeAnalysis(std::string_view data);

}  // namespace synoptic::report

#endif  // SYNOPTIC_REPORT_REPORT_H_
