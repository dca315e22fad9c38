// Read-only lookups over a Report shared by the renderers: code point
// offsets, ids of documents, events, entities and clusters, text of spans.
// Built once per rendering (O(total text)); not thread-safe to build, safe
// to read from many threads.
#ifndef SYNOPTIC_REPORT_INTERNAL_VIEW_H_
#define SYNOPTIC_REPORT_INTERNAL_VIEW_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synoptic/core/utf8.h"
#include "synoptic/report/report.h"

namespace synoptic::report {

class ReportView {
 public:
  explicit ReportView(const Report& report);

  const Report& report() const { return report_; }
  const utf8::OffsetMap& Map(uint32_t doc) const { return maps_[doc]; }
  const std::string& DocId(uint32_t doc) const { return report_.docs[doc].doc.id; }
  uint32_t Cp(uint32_t doc, uint32_t byte) const {
    return maps_[doc].ToCodePoint(byte);
  }
  // The text of a span, clamped to the document.
  std::string Text(uint32_t doc, ByteSpan span) const;
  // "<docid>-e<n>" (1-based), stable for a document's content.
  std::string EventId(uint32_t doc, uint32_t event) const;
  // Global entity id of a document-local entity index; "" for -1/unknown.
  std::string EntityId(uint32_t doc, int32_t local) const;
  // Display name of a global entity id ("" if unknown).
  std::string EntityName(const std::string& id) const;
  std::string EntityNameOfLocal(uint32_t doc, int32_t local) const;
  // attributed_to values are entity keys or phrases: keys become names.
  std::string AttributionName(uint32_t doc, const std::string& value) const;
  std::string ClusterIdOfDoc(uint32_t doc) const;
  // Byte offset of the start of the sentence (or paragraph) containing
  // `byte`; used as a link anchor for citations.
  uint32_t SentenceStart(uint32_t doc, uint32_t byte) const;

 private:
  const Report& report_;
  std::vector<utf8::OffsetMap> maps_;
  std::unordered_map<std::string, size_t> entity_by_id_;
  std::unordered_map<std::string, size_t> entity_by_key_;
};

}  // namespace synoptic::report

#endif  // SYNOPTIC_REPORT_INTERNAL_VIEW_H_
