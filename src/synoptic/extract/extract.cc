// PLACEHOLDER: replaced by the extract implementation.
#include "synoptic/extract/extract.h"
namespace synoptic::extract {
Result<Document> ExtractDocument(const ingest::InputRecord& r, const ExtractOptions&) {
  Document d; d.text = r.body; d.source = r.source; return d;
}
std::string DetectLanguage(std::string_view, bool) { return "und"; }
}  // namespace synoptic::extract
