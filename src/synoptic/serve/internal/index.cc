// Cutting one report into the pieces the API sends.
//
// The report is rendered once by report::RenderJson (the contract's own
// writer, so spans are already code points and every object has the
// contract's fields) and read back; each list item and each detail object is
// then dumped to a compact string once. A request only concatenates
// strings, so reads cost the same whether the store holds ten articles or a
// hundred thousand. Fields added here (names next to ids, counts, the
// per-cluster source comparison) are additions the contract allows.
#include "synoptic/serve/internal/index.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "synoptic/core/hash.h"

namespace synoptic::serve {
namespace {

using Json = nlohmann::ordered_json;

// Entity mentions kept per entity in list items; the full count is given.
constexpr size_t kListMentions = 50;
// Caps on the lists inside one detail answer, so a cluster of thousands of
// articles still answers in a few hundred kilobytes; the complete lists are
// paged at /api/documents?cluster=ID and /api/events?cluster=ID.
constexpr size_t kDetailDocuments = 100;
constexpr size_t kDetailIds = 200;  // ids kept in the detail's cluster object
constexpr size_t kDetailClaims = 60;
constexpr size_t kDetailTimeline = 100;
constexpr size_t kDetailDisagreements = 50;
constexpr size_t kBriefIds = 20;  // ids kept per cluster inside a storyline

// A copy of a cluster object whose documents[] and events[] keep at most
// `n` ids; document_count and event_count give the totals.
Json CutCluster(const Json& c, size_t n) {
  Json out = Json::object();
  for (const auto& [key, value] : c.items()) {
    if ((key == "documents" || key == "events") && value.size() > n) {
      out[key] = Json(std::vector<Json>(value.begin(), value.begin() + n));
    } else {
      out[key] = value;
    }
  }
  out["document_count"] = c["documents"].size();
  out["event_count"] = c["events"].size();
  out["truncated"] = c["documents"].size() > n || c["events"].size() > n;
  return out;
}

// The first `n` items of an array.
Json Head(Json&& a, size_t n) {
  if (a.size() <= n) return std::move(a);
  return Json(std::vector<Json>(std::make_move_iterator(a.begin()),
                                std::make_move_iterator(a.begin() + n)));
}

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>()
                                          : std::string();
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void AddFacet(Collection* c, const std::string& name, const std::string& value,
              uint32_t pos) {
  auto& by_value = c->facets[name];
  if (!value.empty()) by_value[value].push_back(pos);
}

// Per-document pieces of the reader view.
struct DocParts {
  Json entities = Json::array();
  Json times = Json::array();
  Json events = Json::array();
  Json quotes = Json::array();
};

}  // namespace

const std::vector<uint32_t>* Collection::Filter(
    const std::string& name, const std::string& value) const {
  static const std::vector<uint32_t> kNone;
  auto f = facets.find(name);
  if (f == facets.end()) return nullptr;
  auto v = f->second.find(value);
  return v == f->second.end() ? &kNone : &v->second;
}

Result<std::shared_ptr<const Index>> Index::Build(
    const report::Report& report) {
  return FromJson(report::RenderJson(report));
}

Result<std::shared_ptr<const Index>> Index::FromJson(std::string json) {
  Json r;
  try {
    r = Json::parse(json);
  } catch (const std::exception& e) {
    return Internal(std::string("report JSON does not parse: ") + e.what());
  }
  std::string().swap(json);  // the parsed tree replaces the text
  if (!r.is_object() || !r.contains("documents")) {
    return Internal("report JSON without documents");
  }
  std::shared_ptr<Index> index(new Index());

  // Generation: a fingerprint of what the store holds.
  std::string fp;
  for (const auto& d : r["documents"]) fp += Str(d, "id") + ",";
  fp += "|" + std::to_string(r["errors"].size());
  index->generation_ = Hash64(fp) | 1;  // never 0

  // Lookups shared by the pieces below.
  std::unordered_map<std::string, std::string> entity_name;
  for (const auto& e : r["entities"])
    entity_name[Str(e, "id")] = Str(e, "name");
  auto name_of = [&](const Json& j, const char* key) -> Json {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return nullptr;
    auto n = entity_name.find(it->get<std::string>());
    return n == entity_name.end() ? Json(nullptr) : Json(n->second);
  };
  std::unordered_map<std::string, std::string> doc_cluster;
  for (const auto& c : r["clusters"]) {
    for (const auto& d : c["documents"])
      doc_cluster[d.get<std::string>()] = Str(c, "id");
  }
  std::unordered_map<std::string, Json> cluster_storyline;
  for (const auto& s : r["storylines"]) {
    for (const auto& c : s["clusters"]) {
      cluster_storyline[c.get<std::string>()] =
          Json{{"id", Str(s, "id")}, {"title", Str(s, "title")}};
    }
  }
  std::unordered_map<std::string, std::string> cluster_title;
  for (const auto& c : r["clusters"])
    cluster_title[Str(c, "id")] = Str(c, "title");
  auto cluster_of = [&](const std::string& doc) -> Json {
    auto it = doc_cluster.find(doc);
    return it == doc_cluster.end() ? Json(nullptr) : Json(it->second);
  };

  // Documents: list items without the text; details built after the parts.
  std::unordered_map<std::string, Json> summaries;
  std::unordered_map<std::string, DocParts> parts;
  Collection& docs = index->collections_["documents"];
  index->documents_list_ = &docs;  // map nodes never move
  docs.facets["cluster"];
  docs.facets["site"];
  for (const auto& d : r["documents"]) {
    Json s = d;
    const std::string id = Str(d, "id");
    s.erase("text");
    s["chars"] = CodePoints(Str(d, "text"));
    s["cluster"] = cluster_of(id);
    const auto pos = static_cast<uint32_t>(docs.items.size());
    index->document_pos_[id] = pos;
    AddFacet(&docs, "cluster", doc_cluster.count(id) ? doc_cluster[id] : "",
             pos);
    AddFacet(&docs, "site", Str(d, "site"), pos);
    docs.items.push_back(Dump(s));
    summaries[id] = std::move(s);
    parts[id];
  }

  // Entities: most mentioned first; per-document mentions go to the reader.
  {
    std::vector<const Json*> order;
    for (const auto& e : r["entities"]) order.push_back(&e);
    std::stable_sort(order.begin(), order.end(),
                     [](const Json* a, const Json* b) {
                       return (*a)["mentions"].size() > (*b)["mentions"].size();
                     });
    Collection& ents = index->collections_["entities"];
    ents.facets["type"];
    for (const Json* e : order) {
      Json item = *e;
      const size_t n = (*e)["mentions"].size();
      if (n > kListMentions) {
        Json cut = Json::array();
        for (size_t i = 0; i < kListMentions; ++i)
          cut.push_back((*e)["mentions"][i]);
        item["mentions"] = std::move(cut);
      }
      item["mention_count"] = n;
      AddFacet(&ents, "type", Str(*e, "type"),
               static_cast<uint32_t>(ents.items.size()));
      ents.items.push_back(Dump(item));
      std::map<std::string, Json> by_doc;
      for (const auto& m : (*e)["mentions"]) {
        auto& arr = by_doc[Str(m, "doc")];
        if (arr.is_null()) arr = Json::array();
        arr.push_back(Json{{"start", m["start"]}, {"end", m["end"]}});
      }
      for (auto& [doc, spans] : by_doc) {
        auto p = parts.find(doc);
        if (p == parts.end()) continue;
        p->second.entities.push_back(Json{{"id", (*e)["id"]},
                                          {"name", (*e)["name"]},
                                          {"type", (*e)["type"]},
                                          {"code", (*e)["code"]},
                                          {"mentions", std::move(spans)}});
      }
    }
  }

  for (const auto& t : r["times"]) {
    auto p = parts.find(Str(t, "doc"));
    if (p != parts.end()) p->second.times.push_back(t);
  }
  for (auto q : r["quotes"]) {
    q["speaker_name"] = name_of(q, "speaker");
    auto p = parts.find(Str(q, "doc"));
    if (p != parts.end()) p->second.quotes.push_back(std::move(q));
  }

  // Events, with names beside actor ids.
  std::unordered_map<std::string, Json> events_by_id;
  {
    Collection& evs = index->collections_["events"];
    for (const char* f : {"cluster", "doc", "entity", "type"}) evs.facets[f];
    for (auto e : r["events"]) {
      e["source_name"] = name_of(e, "source");
      e["target_name"] = name_of(e, "target");
      e["location_name"] = name_of(e, "location");
      const auto pos = static_cast<uint32_t>(evs.items.size());
      AddFacet(&evs, "cluster", Str(e, "cluster"), pos);
      AddFacet(&evs, "doc", Str(e, "doc"), pos);
      AddFacet(&evs, "type", Str(e, "type"), pos);
      AddFacet(&evs, "entity", Str(e, "source"), pos);
      if (Str(e, "target") != Str(e, "source")) {
        AddFacet(&evs, "entity", Str(e, "target"), pos);
      }
      evs.items.push_back(Dump(e));
      auto p = parts.find(Str(e, "doc"));
      if (p != parts.end()) p->second.events.push_back(e);
      // Key first: nlohmann's operator= takes its argument by value, so the
      // move would happen before the key is read.
      std::string eid = Str(e, "id");
      events_by_id[std::move(eid)] = std::move(e);
    }
  }

  // Reader details.
  for (const auto& d : r["documents"]) {
    const std::string id = Str(d, "id");
    DocParts& p = parts[id];
    Json detail{{"document", d},
                {"cluster", cluster_of(id)},
                {"entities", std::move(p.entities)},
                {"times", std::move(p.times)},
                {"events", std::move(p.events)},
                {"quotes", std::move(p.quotes)}};
    index->documents_[id] = Dump(detail);
  }

  // Timeline and disagreements, filterable by cluster.
  std::unordered_map<std::string, Json> cluster_timeline, cluster_disagreements;
  {
    Collection& tl = index->collections_["timeline"];
    tl.facets["cluster"];
    for (auto t : r["timeline"]) {
      auto title = cluster_title.find(Str(t, "cluster"));
      t["cluster_title"] =
          title == cluster_title.end() ? Json(nullptr) : Json(title->second);
      AddFacet(&tl, "cluster", Str(t, "cluster"),
               static_cast<uint32_t>(tl.items.size()));
      tl.items.push_back(Dump(t));
      auto& arr = cluster_timeline[Str(t, "cluster")];
      if (arr.is_null()) arr = Json::array();
      arr.push_back(t);
    }
    Collection& dis = index->collections_["disagreements"];
    dis.facets["cluster"];
    for (auto d : r["disagreements"]) {
      for (auto& c : d["claims"]) {
        auto s = summaries.find(Str(c, "doc"));
        c["site"] = s == summaries.end() ? Json(nullptr) : s->second["site"];
      }
      AddFacet(&dis, "cluster", Str(d, "cluster"),
               static_cast<uint32_t>(dis.items.size()));
      dis.items.push_back(Dump(d));
      auto& arr = cluster_disagreements[Str(d, "cluster")];
      if (arr.is_null()) arr = Json::array();
      arr.push_back(std::move(d));
    }
  }

  // Clusters: list items and details with the source comparison.
  std::unordered_map<std::string, Json> cluster_items;
  {
    Collection& cl = index->collections_["clusters"];
    cl.facets["storyline"];
    for (const auto& c : r["clusters"]) {
      const std::string cid = Str(c, "id");
      Json item = c;
      auto sl = cluster_storyline.find(cid);
      const Json storyline =
          sl == cluster_storyline.end() ? Json(nullptr) : sl->second;
      item["storyline"] = storyline.is_null() ? Json(nullptr) : storyline["id"];
      AddFacet(&cl, "storyline",
               storyline.is_null() ? "" : Str(storyline, "id"),
               static_cast<uint32_t>(cl.items.size()));
      cl.items.push_back(Dump(item));

      // Who reports what: one row per (event type, source actor, target
      // actor), one cell per outlet; a row carried by one outlet while
      // others cover the cluster is a single-source claim.
      Json sources = Json::array();
      Json cdocs = Json::array();
      std::set<std::string> outlets;
      std::unordered_map<std::string, std::string> outlet_of;
      for (const auto& did : c["documents"]) {
        const std::string id = did.get<std::string>();
        auto s = summaries.find(id);
        if (s == summaries.end()) continue;
        std::string outlet = Str(s->second, "site");
        if (outlet.empty()) outlet = Str(s->second, "source");
        outlet_of[id] = outlet;
        outlets.insert(outlet);
        cdocs.push_back(s->second);
        const DocParts& p = parts[id];
        Json src{{"doc", id},
                 {"outlet", outlet},
                 {"site", s->second["site"]},
                 {"title", s->second["title"]},
                 {"published", s->second["published"]},
                 {"url", s->second["url"]},
                 {"events", p.events.size()},
                 {"quotes", p.quotes.size()}};
        sources.push_back(std::move(src));
      }
      std::vector<std::string> row_order;
      std::unordered_map<std::string, Json> rows;
      std::unordered_map<std::string, std::set<std::string>> row_outlets;
      size_t cevents_n = 0;
      for (const auto& eid : c["events"]) {
        auto ev = events_by_id.find(eid.get<std::string>());
        if (ev == events_by_id.end()) continue;
        const Json& e = ev->second;
        ++cevents_n;
        const std::string key = Str(e, "type") + "\x1f" + Str(e, "source") +
                                "\x1f" + Str(e, "target");
        auto [it, fresh] = rows.try_emplace(key);
        if (fresh) {
          row_order.push_back(key);
          it->second =
              Json{{"type", e["type"]},       {"code", e["code"]},
                   {"source", e["source"]},   {"source_name", e["source_name"]},
                   {"target", e["target"]},   {"target_name", e["target_name"]},
                   {"reports", Json::array()}};
        }
        const std::string doc = Str(e, "doc");
        const std::string& outlet = outlet_of[doc];
        if (!row_outlets[key].insert(outlet).second)
          continue;  // one per outlet
        it->second["reports"].push_back(Json{{"doc", doc},
                                             {"outlet", outlet},
                                             {"start", e["start"]},
                                             {"end", e["end"]},
                                             {"text", e["text"]},
                                             {"modality", e["modality"]},
                                             {"date", e["date"]}});
      }
      // Widely reported claims first, then in the order first reported.
      std::stable_sort(row_order.begin(), row_order.end(),
                       [&](const std::string& a, const std::string& b) {
                         return row_outlets[a].size() > row_outlets[b].size();
                       });
      Json claims = Json::array();
      for (const auto& key : row_order) {
        Json row = std::move(rows[key]);
        row["outlets"] = row_outlets[key].size();
        row["single_source"] =
            row_outlets[key].size() == 1 && outlets.size() > 1;
        claims.push_back(std::move(row));
      }
      auto tl = cluster_timeline.find(cid);
      auto dis = cluster_disagreements.find(cid);
      const size_t ndocs = cdocs.size(), nevents = cevents_n,
                   nsources = sources.size(), nclaims = claims.size();
      Json timeline = tl == cluster_timeline.end() ? Json::array() : tl->second;
      Json disagreements =
          dis == cluster_disagreements.end() ? Json::array() : dis->second;
      const size_t ntimeline = timeline.size(), ndis = disagreements.size();
      // Events are not repeated here (page them at /api/events?cluster=ID):
      // in a cluster of thousands of articles they would dominate the answer.
      Json detail{{"cluster", CutCluster(item, kDetailIds)},
                  {"storyline", storyline},
                  {"documents", Head(std::move(cdocs), kDetailDocuments)},
                  {"documents_total", ndocs},
                  {"events_total", nevents},
                  {"timeline", Head(std::move(timeline), kDetailTimeline)},
                  {"timeline_total", ntimeline},
                  {"disagreements",
                   Head(std::move(disagreements), kDetailDisagreements)},
                  {"disagreements_total", ndis},
                  {"comparison",
                   Json{{"outlets", outlets.size()},
                        {"sources", Head(std::move(sources), kDetailDocuments)},
                        {"sources_total", nsources},
                        {"claims", Head(std::move(claims), kDetailClaims)},
                        {"claims_total", nclaims}}}};
      index->clusters_[cid] = Dump(detail);
      cluster_items[cid] = std::move(item);
    }
  }

  // Storylines: with first and last dates; details hold their clusters.
  {
    Collection& sl = index->collections_["storylines"];
    for (const auto& s : r["storylines"]) {
      Json item = s;
      Json clusters = Json::array();
      Json brief =
          Json::array();  // what a list of storylines shows per cluster
      std::string first, last;
      size_t ndocs = 0;
      for (const auto& cid : s["clusters"]) {
        auto c = cluster_items.find(cid.get<std::string>());
        if (c == cluster_items.end()) continue;
        const std::string date = Str(c->second, "date");
        if (!date.empty() && (first.empty() || date < first)) first = date;
        if (!date.empty() && date > last) last = date;
        ndocs += c->second["documents"].size();
        brief.push_back(Json{{"id", c->second["id"]},
                             {"title", c->second["title"]},
                             {"date", c->second["date"]},
                             {"documents", c->second["documents"].size()}});
        clusters.push_back(CutCluster(c->second, kBriefIds));
      }
      item["cluster_briefs"] = std::move(brief);
      item["first_date"] = first.empty() ? Json(nullptr) : Json(first);
      item["last_date"] = last.empty() ? Json(nullptr) : Json(last);
      item["document_count"] = ndocs;
      sl.items.push_back(Dump(item));
      index->storylines_[Str(s, "id")] =
          Dump(Json{{"storyline", item}, {"clusters", std::move(clusters)}});
    }
  }

  // Relations, with names, filterable by period and entity.
  {
    Collection& rel = index->collections_["relations"];
    rel.facets["period"];
    rel.facets["entity"];
    std::set<std::string> periods;
    for (auto x : r["relations"]) {
      x["a_name"] = name_of(x, "a");
      x["b_name"] = name_of(x, "b");
      const auto pos = static_cast<uint32_t>(rel.items.size());
      AddFacet(&rel, "period", Str(x, "period"), pos);
      AddFacet(&rel, "entity", Str(x, "a"), pos);
      AddFacet(&rel, "entity", Str(x, "b"), pos);
      periods.insert(Str(x, "period"));
      rel.items.push_back(Dump(x));
    }
    index->periods_ =
        Dump(Json(std::vector<std::string>(periods.begin(), periods.end())));
  }

  {
    Collection& err = index->collections_["errors"];
    for (const auto& e : r["errors"]) err.items.push_back(Dump(e));
    for (const auto& d : r["duplicate_inputs"]) {
      Json e{{"source", d["source"]},
             {"code", "duplicate"},
             {"message", "same content as " + Str(d, "same_as")},
             {"same_as", d["same_as"]}};
      err.items.push_back(Dump(e));
    }
  }

  char gen[17];
  std::snprintf(gen, sizeof gen, "%016llx",
                static_cast<unsigned long long>(index->generation_));
  index->counts_ = Dump(Json{{"generation", gen},
                             {"documents", r["documents"].size()},
                             {"entities", r["entities"].size()},
                             {"events", r["events"].size()},
                             {"clusters", r["clusters"].size()},
                             {"storylines", r["storylines"].size()},
                             {"relations", r["relations"].size()},
                             {"disagreements", r["disagreements"].size()},
                             {"errors", r["errors"].size()}});
  return std::shared_ptr<const Index>(std::move(index));
}

const Collection* Index::Find(std::string_view name) const {
  auto it = collections_.find(std::string(name));
  return it == collections_.end() ? nullptr : &it->second;
}

const std::string* Index::Document(const std::string& id) const {
  auto it = documents_.find(id);
  return it == documents_.end() ? nullptr : &it->second;
}

const std::string* Index::Cluster(const std::string& id) const {
  auto it = clusters_.find(id);
  return it == clusters_.end() ? nullptr : &it->second;
}

const std::string* Index::Storyline(const std::string& id) const {
  auto it = storylines_.find(id);
  return it == storylines_.end() ? nullptr : &it->second;
}

const std::string* Index::DocumentSummary(const std::string& id) const {
  auto it = document_pos_.find(id);
  if (it == document_pos_.end() || documents_list_ == nullptr) return nullptr;
  return &documents_list_->items[it->second];
}

}  // namespace synoptic::serve
