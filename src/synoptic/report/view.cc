#include "synoptic/report/internal/view.h"

#include <algorithm>
#include <iterator>

namespace synoptic::report {

ReportView::ReportView(const Report& report) : report_(report) {
  maps_.reserve(report.docs.size());
  for (const auto& a : report.docs) maps_.emplace_back(a.doc.text);
  const auto& ents = report.stories.entities;
  for (size_t i = 0; i < ents.size(); ++i) {
    entity_by_id_.emplace(ents[i].id, i);
    entity_by_key_.emplace(ents[i].key, i);
  }
}

std::string ReportView::Text(uint32_t doc, ByteSpan span) const {
  const std::string& t = report_.docs[doc].doc.text;
  const size_t b = std::min<size_t>(span.begin, t.size());
  const size_t e = std::min<size_t>(std::max(span.end, span.begin), t.size());
  return t.substr(b, e - b);
}

std::string ReportView::EventId(uint32_t doc, uint32_t event) const {
  return DocId(doc) + "-e" + std::to_string(event + 1);
}

std::string ReportView::EntityId(uint32_t doc, int32_t local) const {
  if (local < 0) return "";
  const auto& map = report_.stories.entity_map;
  if (doc >= map.size() || static_cast<size_t>(local) >= map[doc].size()) return "";
  const int32_t g = map[doc][local];
  if (g < 0 || static_cast<size_t>(g) >= report_.stories.entities.size()) return "";
  return report_.stories.entities[g].id;
}

std::string ReportView::EntityName(const std::string& id) const {
  auto it = entity_by_id_.find(id);
  return it == entity_by_id_.end() ? "" : report_.stories.entities[it->second].name;
}

std::string ReportView::EntityNameOfLocal(uint32_t doc, int32_t local) const {
  const std::string id = EntityId(doc, local);
  if (!id.empty()) return EntityName(id);
  const auto& ents = report_.docs[doc].entities;
  if (local >= 0 && static_cast<size_t>(local) < ents.size()) return ents[local].name;
  return "";
}

std::string ReportView::AttributionName(uint32_t doc, const std::string& value) const {
  if (value.empty()) return value;
  auto it = entity_by_key_.find(value);
  if (it != entity_by_key_.end()) return report_.stories.entities[it->second].name;
  for (const auto& e : report_.docs[doc].entities) {
    if (e.key == value) return e.name;
  }
  return value;
}

std::string ReportView::ClusterIdOfDoc(uint32_t doc) const {
  const auto& dc = report_.stories.doc_cluster;
  if (doc >= dc.size() || dc[doc] < 0) return "";
  return report_.stories.clusters[dc[doc]].id;
}

uint32_t ReportView::SentenceStart(uint32_t doc, uint32_t byte) const {
  // Sentences (and paragraphs) are in text order: the last one starting at
  // or before `byte` is found by binary search, not by a scan per citation.
  const DocAnalysis& a = report_.docs[doc];
  if (!a.sentences.empty()) {
    auto it = std::upper_bound(
        a.sentences.begin(), a.sentences.end(), byte,
        [](uint32_t b, const Sentence& s) { return b < s.span.begin; });
    return it == a.sentences.begin() ? 0 : std::prev(it)->span.begin;
  }
  const auto& paras = a.doc.paragraphs;
  auto it = std::upper_bound(paras.begin(), paras.end(), byte,
                             [](uint32_t b, const ByteSpan& p) { return b < p.begin; });
  return it == paras.begin() ? 0 : std::prev(it)->begin;
}

}  // namespace synoptic::report
