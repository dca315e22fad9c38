// The JSON report (schema synoptic.report/1) and the lossless per-document
// codec used by the store. This file is the one adapter for nlohmann::json in
// the report stage.
//
// Spans are converted from bytes to code points here, once per document,
// through a utf8::OffsetMap built once per document and reused for every span.
#include <nlohmann/json.hpp>

#include "synoptic/core/utf8.h"
#include "synoptic/report/internal/view.h"
#include "synoptic/report/report.h"

namespace synoptic::report {
namespace {

using Json = nlohmann::ordered_json;

Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json SpanJson(const ReportView& v, uint32_t doc, ByteSpan span) {
  return Json{{"doc", v.DocId(doc)},
              {"start", v.Cp(doc, span.begin)},
              {"end", v.Cp(doc, span.end)}};
}

Json CitationJson(const ReportView& v, const stories::Citation& c) {
  Json j = SpanJson(v, c.doc, c.span);
  j["text"] = c.text;
  return j;
}

Json DocumentJson(const Document& d) {
  Json j{{"id", d.id},
         {"source", d.source},
         {"url", Nullable(d.url)},
         {"site", Nullable(d.site)},
         {"title", Nullable(d.title)},
         {"authors", d.authors},
         {"published", Nullable(d.published)},
         {"published_from", DateSourceName(d.published_from)},
         {"language", d.language.empty() ? "und" : d.language},
         {"text", d.text}};
  j["format"] = InputFormatName(d.format);
  j["modified"] = Nullable(d.modified);
  return j;
}

Json EventJson(const ReportView& v, uint32_t doc_index, uint32_t event_index) {
  const DocAnalysis& a = v.report().docs[doc_index];
  const Event& e = a.events[event_index];
  const utf8::OffsetMap& m = v.Map(doc_index);
  Json j{{"id", v.EventId(doc_index, event_index)},
         {"type", e.type},
         {"code", e.code},
         {"source", Nullable(v.EntityId(doc_index, e.source))},
         {"target", Nullable(v.EntityId(doc_index, e.target))},
         {"location", Nullable(v.EntityId(doc_index, e.location))},
         {"date", Nullable(e.date)},
         {"modality", ModalityName(e.modality)},
         {"attributed_to", Nullable(v.AttributionName(doc_index, e.attributed_to))},
         {"doc", a.doc.id},
         {"start", m.ToCodePoint(e.evidence.begin)},
         {"end", m.ToCodePoint(e.evidence.end)},
         {"cluster", Nullable(v.ClusterIdOfDoc(doc_index))}};
  j["root_code"] = e.root_code;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["plover"] = Nullable(e.plover);
  j["trigger"] = v.Text(doc_index, e.trigger);
  j["text"] = v.Text(doc_index, e.evidence);
  return j;
}

// The whole report as one JSON object (built once; the callers dump it).
Json ReportJson(const Report& report) {
  const ReportView v(report);
  const auto& st = report.stories;
  Json j;
  j["schema"] = kSchema;
  j["generated"] = report.generated;
  j["version"] = report.version;

  Json docs = Json::array();
  for (const auto& a : report.docs) docs.push_back(DocumentJson(a.doc));
  j["documents"] = std::move(docs);

  Json ents = Json::array();
  for (const auto& e : st.entities) {
    Json mentions = Json::array();
    for (const auto& [doc, span] : e.mentions) {
      mentions.push_back(SpanJson(v, doc, span));
    }
    ents.push_back(Json{{"id", e.id},
                        {"name", e.name},
                        {"type", EntityTypeName(e.type)},
                        {"code", Nullable(e.code)},
                        {"aliases", e.aliases},
                        {"mentions", std::move(mentions)},
                        {"key", e.key}});
  }
  j["entities"] = std::move(ents);

  Json times = Json::array();
  for (uint32_t d = 0; d < report.docs.size(); ++d) {
    for (const auto& t : report.docs[d].times) {
      Json tj = SpanJson(v, d, t.span);
      tj["text"] = v.Text(d, t.span);
      tj["type"] = TimexTypeName(t.type);
      tj["value"] = t.value;
      tj["anchor"] = TimexAnchorName(t.anchor);
      if (!t.mod.empty()) tj["mod"] = t.mod;
      times.push_back(std::move(tj));
    }
  }
  j["times"] = std::move(times);

  Json events = Json::array();
  for (uint32_t d = 0; d < report.docs.size(); ++d) {
    for (uint32_t e = 0; e < report.docs[d].events.size(); ++e) {
      events.push_back(EventJson(v, d, e));
    }
  }
  j["events"] = std::move(events);

  Json quotes = Json::array();
  for (uint32_t d = 0; d < report.docs.size(); ++d) {
    for (const auto& q : report.docs[d].quotes) {
      Json qj = SpanJson(v, d, q.span);
      qj["text"] = v.Text(d, q.span);
      qj["speaker"] = Nullable(v.EntityId(d, q.speaker));
      qj["speaker_text"] = Nullable(q.speaker_text);
      qj["direct"] = q.direct;
      qj["cue"] = Nullable(q.cue);
      quotes.push_back(std::move(qj));
    }
  }
  j["quotes"] = std::move(quotes);

  Json clusters = Json::array();
  for (const auto& c : st.clusters) {
    Json cdocs = Json::array();
    for (uint32_t d : c.docs) cdocs.push_back(v.DocId(d));
    Json cevents = Json::array();
    for (const auto& r : c.events) cevents.push_back(v.EventId(r.doc, r.index));
    Json summary = Json::array();
    for (const auto& s : c.summary) summary.push_back(CitationJson(v, s));
    Json dups = Json::array();
    for (const auto& group : c.duplicates) {
      Json g = Json::array();
      for (uint32_t d : group) g.push_back(v.DocId(d));
      dups.push_back(std::move(g));
    }
    Json comparison = Json::array();
    for (const auto& cc : c.comparison) {
      Json cites = Json::array();
      for (const auto& ct : cc.citations) cites.push_back(CitationJson(v, ct));
      comparison.push_back(Json{{"about", cc.about},
                                {"outlets", cc.outlets},
                                {"single_source", cc.outlets.size() == 1},
                                {"missing", cc.missing},
                                {"citations", std::move(cites)}});
    }
    Json portrayal = Json::array();
    for (const auto& p : c.portrayal) {
      portrayal.push_back(Json{{"outlet", p.outlet},
                               {"entity", st.entities[p.entity].id},
                               {"tone", p.tone},
                               {"sentences", p.sentences},
                               {"example", CitationJson(v, p.example)}});
    }
    clusters.push_back(Json{{"id", c.id},
                            {"title", c.title},
                            {"documents", std::move(cdocs)},
                            {"date", Nullable(c.date)},
                            {"events", std::move(cevents)},
                            {"summary", std::move(summary)},
                            {"sources", c.sources},
                            {"duplicates", std::move(dups)},
                            {"comparison", std::move(comparison)},
                            {"portrayal", std::move(portrayal)}});
  }
  j["clusters"] = std::move(clusters);

  Json lines = Json::array();
  for (const auto& s : st.storylines) {
    lines.push_back(
        Json{{"id", s.id}, {"title", s.title}, {"clusters", s.clusters}});
  }
  j["storylines"] = std::move(lines);

  Json timeline = Json::array();
  for (const auto& t : st.timeline) {
    Json cites = Json::array();
    for (const auto& c : t.citations) cites.push_back(CitationJson(v, c));
    timeline.push_back(Json{{"date", t.date},
                            {"text", t.text},
                            {"cluster", Nullable(t.cluster)},
                            {"citations", std::move(cites)}});
  }
  j["timeline"] = std::move(timeline);

  Json dis = Json::array();
  for (const auto& d : st.disagreements) {
    Json claims = Json::array();
    for (const auto& c : d.claims) {
      Json cj = CitationJson(v, c.citation);
      cj["value"] = c.value;
      claims.push_back(std::move(cj));
    }
    dis.push_back(Json{{"about", d.about},
                       {"cluster", Nullable(d.cluster)},
                       {"claims", std::move(claims)}});
  }
  j["disagreements"] = std::move(dis);

  Json rels = Json::array();
  for (const auto& r : st.relations) {
    Json evs = Json::array();
    for (const auto& e : r.events) evs.push_back(v.EventId(e.doc, e.index));
    rels.push_back(Json{{"a", r.a},
                        {"b", r.b},
                        {"period", r.period},
                        {"cooperation", r.cooperation},
                        {"conflict", r.conflict},
                        {"events", std::move(evs)}});
  }
  j["relations"] = std::move(rels);

  Json errors = Json::array();
  for (const auto& e : report.errors) {
    errors.push_back(
        Json{{"source", e.source}, {"code", e.code}, {"message", e.message}});
  }
  j["errors"] = std::move(errors);
  Json dup = Json::array();
  for (const auto& [source, kept] : report.duplicate_inputs) {
    dup.push_back(Json{{"source", source}, {"same_as", kept}});
  }
  j["duplicate_inputs"] = std::move(dup);
  return j;
}

}  // namespace

std::string RenderJson(const Report& report) {
  return ReportJson(report).dump(2, ' ', false, Json::error_handler_t::replace) +
         "\n";
}

std::string RenderDocumentJson(const Document& doc) {
  return DocumentJson(doc).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string RenderDocumentLine(const DocAnalysis& a) {
  // A one-document report: the same shapes as the full report's items.
  Report single;
  single.docs.push_back(a);
  single.stories.entity_map.resize(1);
  single.stories.doc_cluster.assign(1, -1);
  // Document-local entities stand in for global ones.
  for (size_t i = 0; i < a.entities.size(); ++i) {
    stories::GlobalEntity g;
    g.id = "E" + std::to_string(i + 1);
    g.key = a.entities[i].key;
    g.name = a.entities[i].name;
    g.type = a.entities[i].type;
    g.code = a.entities[i].code;
    g.aliases = a.entities[i].aliases;
    single.stories.entities.push_back(std::move(g));
    single.stories.entity_map[0].push_back(static_cast<int32_t>(i));
  }
  for (const auto& m : a.mentions) {
    if (m.entity >= 0 && static_cast<size_t>(m.entity) < a.entities.size()) {
      single.stories.entities[m.entity].mentions.emplace_back(0, m.span);
    }
  }
  Json full = ReportJson(single);
  Json line;
  line["document"] = full["documents"][0];
  for (const char* key : {"entities", "times", "events", "quotes"}) {
    line[key] = full[key];
  }
  return line.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// ---- lossless codec (byte spans) for the store ----

namespace {

Json SpanPair(ByteSpan s) { return Json::array({s.begin, s.end}); }
ByteSpan ReadSpan(const Json& j) {
  return ByteSpan{j.at(0).get<uint32_t>(), j.at(1).get<uint32_t>()};
}

}  // namespace

std::string SerializeAnalysis(const DocAnalysis& a) {
  const Document& d = a.doc;
  Json j;
  j["v"] = 1;
  Json doc{{"id", d.id},           {"source", d.source},
           {"format", static_cast<int>(d.format)},
           {"url", d.url},         {"site", d.site},
           {"title", d.title},     {"authors", d.authors},
           {"published", d.published},
           {"published_from", static_cast<int>(d.published_from)},
           {"modified", d.modified},
           {"crawled", d.crawled}, {"language", d.language},
           {"text", d.text},       {"paragraph_kinds", d.paragraph_kinds}};
  Json paras = Json::array();
  for (const auto& p : d.paragraphs) paras.push_back(SpanPair(p));
  doc["paragraphs"] = std::move(paras);
  doc["stats"] = Json::array({d.stats.input_bytes, d.stats.blocks_total,
                              d.stats.blocks_kept, d.stats.chars_dropped});
  j["doc"] = std::move(doc);

  Json toks = Json::array();
  for (const auto& t : a.tokens) {
    toks.push_back(Json::array({t.begin, t.end, static_cast<int>(t.pos),
                                t.flags, t.head, t.lemma_id}));
  }
  j["tokens"] = std::move(toks);
  Json sents = Json::array();
  for (const auto& s : a.sentences) {
    sents.push_back(Json::array({s.span.begin, s.span.end, s.first_token,
                                 s.end_token, s.paragraph}));
  }
  j["sentences"] = std::move(sents);
  Json ments = Json::array();
  for (const auto& m : a.mentions) {
    ments.push_back(Json::array({m.span.begin, m.span.end,
                                 static_cast<int>(m.type),
                                 static_cast<int>(m.kind), m.sentence, m.entity}));
  }
  j["mentions"] = std::move(ments);
  Json ents = Json::array();
  for (const auto& e : a.entities) {
    ents.push_back(Json{{"key", e.key},
                        {"name", e.name},
                        {"type", static_cast<int>(e.type)},
                        {"code", e.code},
                        {"aliases", e.aliases}});
  }
  j["entities"] = std::move(ents);
  Json times = Json::array();
  for (const auto& t : a.times) {
    times.push_back(Json{{"span", SpanPair(t.span)},
                         {"type", static_cast<int>(t.type)},
                         {"value", t.value},
                         {"mod", t.mod},
                         {"anchor", static_cast<int>(t.anchor)},
                         {"relative", t.relative}});
  }
  j["times"] = std::move(times);
  Json events = Json::array();
  for (const auto& e : a.events) {
    events.push_back(Json{{"type", e.type},
                          {"code", e.code},
                          {"root_code", e.root_code},
                          {"quad", e.quad_class},
                          {"goldstein", e.goldstein},
                          {"plover", e.plover},
                          {"source", e.source},
                          {"target", e.target},
                          {"location", e.location},
                          {"time", e.time},
                          {"date", e.date},
                          {"modality", static_cast<int>(e.modality)},
                          {"attributed_to", e.attributed_to},
                          {"evidence", SpanPair(e.evidence)},
                          {"trigger", SpanPair(e.trigger)}});
  }
  j["events"] = std::move(events);
  Json quotes = Json::array();
  for (const auto& q : a.quotes) {
    quotes.push_back(Json{{"span", SpanPair(q.span)},
                          {"speaker", q.speaker},
                          {"speaker_text", q.speaker_text},
                          {"direct", q.direct},
                          {"cue", q.cue}});
  }
  j["quotes"] = std::move(quotes);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<DocAnalysis> DeserializeAnalysis(std::string_view data) {
  DocAnalysis a;
  try {
    const Json j = Json::parse(data);
    if (j.at("v").get<int>() != 1) {
      return NotSupported("stored analysis has unknown version " +
                          j.at("v").dump());
    }
    const Json& doc = j.at("doc");
    Document& d = a.doc;
    d.id = doc.at("id").get<std::string>();
    d.source = doc.at("source").get<std::string>();
    d.format = static_cast<InputFormat>(doc.at("format").get<int>());
    d.url = doc.at("url").get<std::string>();
    d.site = doc.at("site").get<std::string>();
    d.title = doc.at("title").get<std::string>();
    d.authors = doc.at("authors").get<std::vector<std::string>>();
    d.published = doc.at("published").get<std::string>();
    d.published_from = static_cast<DateSource>(doc.at("published_from").get<int>());
    d.modified = doc.at("modified").get<std::string>();
    d.crawled = doc.at("crawled").get<std::string>();
    d.language = doc.at("language").get<std::string>();
    d.text = doc.at("text").get<std::string>();
    d.paragraph_kinds = doc.at("paragraph_kinds").get<std::vector<uint8_t>>();
    for (const auto& p : doc.at("paragraphs")) d.paragraphs.push_back(ReadSpan(p));
    const auto& stats = doc.at("stats");
    d.stats = {stats.at(0).get<uint32_t>(), stats.at(1).get<uint32_t>(),
               stats.at(2).get<uint32_t>(), stats.at(3).get<uint32_t>()};
    for (const auto& t : j.at("tokens")) {
      a.tokens.push_back(Token{t.at(0).get<uint32_t>(), t.at(1).get<uint32_t>(),
                               static_cast<Pos>(t.at(2).get<int>()),
                               t.at(3).get<uint8_t>(), t.at(4).get<uint32_t>(),
                               t.at(5).get<uint32_t>()});
    }
    for (const auto& s : j.at("sentences")) {
      a.sentences.push_back(Sentence{{s.at(0).get<uint32_t>(), s.at(1).get<uint32_t>()},
                                     s.at(2).get<uint32_t>(), s.at(3).get<uint32_t>(),
                                     s.at(4).get<uint32_t>()});
    }
    for (const auto& m : j.at("mentions")) {
      a.mentions.push_back(Mention{{m.at(0).get<uint32_t>(), m.at(1).get<uint32_t>()},
                                   static_cast<EntityType>(m.at(2).get<int>()),
                                   static_cast<MentionKind>(m.at(3).get<int>()),
                                   m.at(4).get<uint32_t>(), m.at(5).get<int32_t>()});
    }
    for (const auto& e : j.at("entities")) {
      a.entities.push_back(LocalEntity{e.at("key").get<std::string>(),
                                       e.at("name").get<std::string>(),
                                       static_cast<EntityType>(e.at("type").get<int>()),
                                       e.at("code").get<std::string>(),
                                       e.at("aliases").get<std::vector<std::string>>()});
    }
    for (const auto& t : j.at("times")) {
      Timex x;
      x.span = ReadSpan(t.at("span"));
      x.type = static_cast<TimexType>(t.at("type").get<int>());
      x.value = t.at("value").get<std::string>();
      x.mod = t.at("mod").get<std::string>();
      x.anchor = static_cast<TimexAnchor>(t.at("anchor").get<int>());
      x.relative = t.at("relative").get<bool>();
      a.times.push_back(std::move(x));
    }
    for (const auto& e : j.at("events")) {
      Event x;
      x.type = e.at("type").get<std::string>();
      x.code = e.at("code").get<std::string>();
      x.root_code = e.at("root_code").get<std::string>();
      x.quad_class = e.at("quad").get<uint8_t>();
      x.goldstein = e.at("goldstein").get<double>();
      x.plover = e.value("plover", std::string());  // absent in older stores
      x.source = e.at("source").get<int32_t>();
      x.target = e.at("target").get<int32_t>();
      x.location = e.at("location").get<int32_t>();
      x.time = e.at("time").get<int32_t>();
      x.date = e.at("date").get<std::string>();
      x.modality = static_cast<Modality>(e.at("modality").get<int>());
      x.attributed_to = e.at("attributed_to").get<std::string>();
      x.evidence = ReadSpan(e.at("evidence"));
      x.trigger = ReadSpan(e.at("trigger"));
      a.events.push_back(std::move(x));
    }
    for (const auto& q : j.at("quotes")) {
      Quote x;
      x.span = ReadSpan(q.at("span"));
      x.speaker = q.at("speaker").get<int32_t>();
      x.speaker_text = q.at("speaker_text").get<std::string>();
      x.direct = q.at("direct").get<bool>();
      x.cue = q.at("cue").get<std::string>();
      a.quotes.push_back(std::move(x));
    }
  } catch (const std::exception& e) {
    return Corrupt(std::string("stored analysis is not readable: ") + e.what());
  }
  // Spans must lie inside the text: a damaged record must not crash renderers.
  const auto n = static_cast<uint32_t>(a.doc.text.size());
  auto bad = [n](ByteSpan s) { return s.begin > s.end || s.end > n; };
  for (const auto& p : a.doc.paragraphs) if (bad(p)) return Corrupt("paragraph span out of range");
  for (const auto& t : a.tokens) if (t.begin > t.end || t.end > n) return Corrupt("token out of range");
  for (const auto& s : a.sentences) if (bad(s.span)) return Corrupt("sentence out of range");
  for (const auto& m : a.mentions) if (bad(m.span)) return Corrupt("mention out of range");
  for (const auto& t : a.times) if (bad(t.span)) return Corrupt("time out of range");
  for (const auto& e : a.events) if (bad(e.evidence) || bad(e.trigger)) return Corrupt("event out of range");
  for (const auto& q : a.quotes) if (bad(q.span)) return Corrupt("quote out of range");
  return a;
}

}  // namespace synoptic::report
