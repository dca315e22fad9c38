// PLACEHOLDER
#include "synoptic/report/report.h"
namespace synoptic::report {
Result<Format> ParseFormat(std::string_view) { return Format::kJson; }
Result<Format> FormatFromPath(std::string_view) { return Format::kJson; }
std::string RenderJson(const Report&) { return "{}"; }
std::string RenderMarkdown(const Report&) { return ""; }
std::string RenderHtml(const Report&) { return ""; }
std::string RenderDocumentLine(const DocAnalysis&) { return "{}"; }
std::string SerializeAnalysis(const DocAnalysis&) { return "{}"; }
Result<DocAnalysis> DeserializeAnalysis(std::string_view) { return DocAnalysis{}; }
}  // namespace synoptic::report
