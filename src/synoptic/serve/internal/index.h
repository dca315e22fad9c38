// The read side of `synoptic serve`: an immutable snapshot of one report,
// cut into ready-to-send JSON pieces.
//
// Built once per store state from report::RenderJson (so every API object is
// the report contract's object, docs/report.schema.json, with a few added
// convenience fields such as entity names next to entity ids), then never
// changed: readers share it through std::shared_ptr<const Index> from any
// number of threads without locks. An ingest builds a new Index and swaps
// the pointer.
#ifndef SYNOPTIC_SERVE_INTERNAL_INDEX_H_
#define SYNOPTIC_SERVE_INTERNAL_INDEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synoptic/core/status.h"
#include "synoptic/report/report.h"

namespace synoptic::serve {

// One list endpoint: compact JSON per item, in list order, and for each
// filter name ("cluster", "doc", "period", ...) the positions of the items
// carrying each value.
struct Collection {
  std::vector<std::string> items;
  std::unordered_map<std::string,
                     std::unordered_map<std::string, std::vector<uint32_t>>>
      facets;
  // Positions of the items matching filter `name` = `value`; nullptr when
  // the collection has no such filter; an empty vector when nothing matches.
  const std::vector<uint32_t>* Filter(const std::string& name,
                                      const std::string& value) const;
  bool HasFacet(const std::string& name) const {
    return facets.count(name) > 0;
  }
};

class Index {
 public:
  // Cuts `report` into collections and per-id detail objects. kInternal if
  // the report's own JSON cannot be read back (a bug).
  static Result<std::shared_ptr<const Index>> Build(
      const report::Report& report);
  // The same from the report's JSON text (report::RenderJson), so a caller
  // can free the Report before the text is parsed (peak memory).
  static Result<std::shared_ptr<const Index>> FromJson(std::string json);

  // Content fingerprint: equal for equal stores (document ids and errors),
  // different after any change. Part of every ETag.
  uint64_t generation() const { return generation_; }

  // "documents", "entities", "events", "clusters", "storylines", "timeline",
  // "relations", "disagreements", "errors"; nullptr for other names.
  const Collection* Find(std::string_view name) const;
  // Detail objects by id; nullptr when unknown.
  const std::string* Document(const std::string& id) const;
  const std::string* Cluster(const std::string& id) const;
  const std::string* Storyline(const std::string& id) const;
  // Document summary (no text) by id, used to decorate search hits.
  const std::string* DocumentSummary(const std::string& id) const;
  // {"documents": N, "clusters": N, ...}: the counts behind /api/health.
  const std::string& Counts() const { return counts_; }
  // Sorted distinct relation periods, as a JSON array.
  const std::string& Periods() const { return periods_; }

 private:
  Index() = default;
  uint64_t generation_ = 0;
  std::unordered_map<std::string, Collection> collections_;
  const Collection* documents_list_ = nullptr;  // collections_["documents"]
  std::unordered_map<std::string, std::string> documents_;
  std::unordered_map<std::string, uint32_t> document_pos_;
  std::unordered_map<std::string, std::string> clusters_;
  std::unordered_map<std::string, std::string> storylines_;
  std::string counts_;
  std::string periods_;
};

}  // namespace synoptic::serve

#endif  // SYNOPTIC_SERVE_INTERNAL_INDEX_H_
