#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "synoptic/report/report.h"

namespace synoptic::report {
namespace {

using Json = nlohmann::json;

ByteSpan Find(const std::string& text, std::string_view part) {
  const size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  return ByteSpan{static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

// A two-document report built by hand: a multi-byte name before the cited
// sentence checks code point offsets; a script tag checks escaping.
Report SampleReport() {
  Report r;
  r.generated = "2026-01-02T03:04:05Z";
  r.version = "test";
  DocAnalysis a;
  a.doc.id = "aaaaaaaaaaaaaaaa";
  a.doc.source = "corpus/a.html";
  a.doc.site = "Harbour Gazette";
  a.doc.title = "Ministers of Ruritania and Zenda meet";
  a.doc.published = "2025-03-04";
  a.doc.published_from = DateSource::kMeta;
  a.doc.language = "en";
  a.doc.text =
      "Zoë Marek met Otto Lind in Strelsau on Monday.\n\n"
      "The talks lasted three hours. <script>alert(1)</script>";
  a.doc.paragraphs = {Find(a.doc.text, "Zoë Marek met Otto Lind in Strelsau on Monday."),
                      Find(a.doc.text, "The talks lasted three hours. <script>alert(1)</script>")};
  a.doc.paragraph_kinds = {0, 0};
  a.sentences = {Sentence{a.doc.paragraphs[0], 0, 0, 0},
                 Sentence{Find(a.doc.text, "The talks lasted three hours."), 0, 0, 1},
                 Sentence{Find(a.doc.text, "<script>alert(1)</script>"), 0, 0, 1}};
  a.entities = {LocalEntity{"kb:marek", "Zoë Marek", EntityType::kPerson, "RURGOV", {"Zoë Marek"}},
                LocalEntity{"kb:lind", "Otto Lind", EntityType::kPerson, "ZENGOV", {"Otto Lind"}}};
  a.mentions = {Mention{Find(a.doc.text, "Zoë Marek"), EntityType::kPerson, MentionKind::kName, 0, 0},
                Mention{Find(a.doc.text, "Otto Lind"), EntityType::kPerson, MentionKind::kName, 0, 1}};
  Timex t;
  t.span = Find(a.doc.text, "Monday");
  t.value = "2025-03-03";
  t.anchor = TimexAnchor::kDct;
  t.relative = true;
  a.times = {t};
  Event e;
  e.type = "meet";
  e.code = "040";
  e.root_code = "04";
  e.quad_class = 1;
  e.goldstein = 1.0;
  e.plover = "CONSULT";
  e.source = 0;
  e.target = 1;
  e.time = 0;
  e.date = "2025-03-03";
  e.evidence = a.sentences[0].span;
  e.trigger = Find(a.doc.text, "met");
  a.events = {e};
  a.quotes = {Quote{Find(a.doc.text, "The talks lasted three hours."), 0, "", false, "said"}};
  r.docs.push_back(a);

  DocAnalysis b;
  b.doc.id = "bbbbbbbbbbbbbbbb";
  b.doc.source = "corpus/b.txt";
  b.doc.title = "Talks in Strelsau";
  b.doc.language = "en";
  b.doc.text = "The talks lasted five hours, officials said.";
  b.doc.paragraphs = {ByteSpan{0, static_cast<uint32_t>(b.doc.text.size())}};
  r.docs.push_back(b);

  auto& st = r.stories;
  st.entities = {stories::GlobalEntity{"E1", "kb:marek", "Zoë Marek", EntityType::kPerson, "RURGOV",
                                       {"Zoë Marek"}, {{0, a.mentions[0].span}}},
                 stories::GlobalEntity{"E2", "kb:lind", "Otto Lind", EntityType::kPerson, "ZENGOV",
                                       {"Otto Lind"}, {{0, a.mentions[1].span}}}};
  st.entity_map = {{0, 1}, {}};
  stories::Cluster c;
  c.id = "C1";
  c.title = "Marek meets Lind";
  c.docs = {0, 1};
  c.date = "2025-03-03";
  c.events = {stories::EventRef{0, 0}};
  c.summary = {stories::Citation{0, a.sentences[0].span, "Zoë Marek met Otto Lind in Strelsau on Monday."}};
  c.sources = {"Harbour Gazette"};  // as stories gives it: named sites only
  st.clusters = {c};
  st.doc_cluster = {0, 0};
  st.storylines = {stories::Storyline{"S1", "Ruritania – Zenda", {"C1"}}};
  st.timeline = {stories::TimelineEntry{"2025-03-03", "Marek met Lind", "C1", c.summary}};
  st.disagreements = {stories::Disagreement{
      "duration of talks", "C1",
      {stories::Claim{"three hours", {0, a.sentences[1].span, "The talks lasted three hours."}},
       stories::Claim{"five hours", {1, b.doc.paragraphs[0], b.doc.text}}}}};
  st.relations = {stories::Relation{"E1", "E2", "2025-03", 1.0, 0.0, {stories::EventRef{0, 0}}}};
  r.errors = {InputError{"corpus/broken.warc", "truncated", "truncated WARC record"}};
  return r;
}

TEST(RenderJson, HasEveryContractKey) {
  const Json j = Json::parse(RenderJson(SampleReport()));
  EXPECT_EQ(j["schema"], "synoptic.report/1");
  for (const char* key : {"documents", "entities", "times", "events", "quotes", "clusters",
                          "storylines", "timeline", "disagreements", "relations", "errors"}) {
    ASSERT_TRUE(j.contains(key)) << key;
    EXPECT_TRUE(j[key].is_array()) << key;
  }
  EXPECT_EQ(j["documents"].size(), 2u);
  EXPECT_EQ(j["errors"][0]["code"], "truncated");
}

TEST(RenderJson, SpansCountCodePointsNotBytes) {
  const Report r = SampleReport();
  const Json j = Json::parse(RenderJson(r));
  // "Otto Lind" starts at byte 15 but code point 14 ("ë" is two bytes), as
  // Python's len("Zoë Marek met ") == 14.
  ASSERT_EQ(r.docs[0].mentions[1].span.begin, 15u);
  const Json& lind = j["entities"][1]["mentions"][0];
  EXPECT_EQ(lind["start"], 14);
  EXPECT_EQ(lind["end"], 23);
  EXPECT_EQ(lind["doc"], "aaaaaaaaaaaaaaaa");
  const Json& ev = j["events"][0];
  EXPECT_EQ(ev["source"], "E1");
  EXPECT_EQ(ev["target"], "E2");
  EXPECT_EQ(ev["cluster"], "C1");
  EXPECT_TRUE(ev["location"].is_null());
  EXPECT_EQ(ev["modality"], "asserted");
  EXPECT_EQ(ev["id"], "aaaaaaaaaaaaaaaa-e1");
  EXPECT_EQ(j["times"][0]["text"], "Monday");
  EXPECT_EQ(j["times"][0]["anchor"], "dct");
  EXPECT_EQ(j["quotes"][0]["speaker"], "E1");
  EXPECT_FALSE(j["quotes"][0]["direct"].get<bool>());
  EXPECT_EQ(j["disagreements"][0]["claims"][1]["doc"], "bbbbbbbbbbbbbbbb");
  EXPECT_EQ(j["documents"][1]["published"], nullptr);
  EXPECT_EQ(j["documents"][0]["published_from"], "meta");
}

TEST(RenderHtml, EscapesArticleTextAndLinksCitationsToSentences) {
  const std::string html = RenderHtml(SampleReport());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  // The summary cites sentence 0 of doc 1: an anchor and a link to it.
  EXPECT_NE(html.find("id=\"d1-0\""), std::string::npos);
  EXPECT_NE(html.find("href=\"#d1-0\""), std::string::npos);
  // The disagreement's second claim points at doc 2's sentence.
  EXPECT_NE(html.find("href=\"#d2-0\""), std::string::npos);
  EXPECT_NE(html.find("Sources disagree"), std::string::npos);
  EXPECT_NE(html.find("truncated WARC record"), std::string::npos);
}

TEST(RenderMarkdown, SaysTheSameThingsAsHtml) {
  const std::string md = RenderMarkdown(SampleReport());
  EXPECT_NE(md.find("#### Marek meets Lind — 2025-03-03"), std::string::npos);
  // Every report is listed: the outlet, or the file name when none is known.
  EXPECT_NE(md.find("Sources (2 reports): Harbour Gazette, b.txt"), std::string::npos);
  EXPECT_NE(md.find("**Sources disagree** on duration of talks"), std::string::npos);
  EXPECT_NE(md.find("](#d1-0)"), std::string::npos);
  EXPECT_NE(md.find("<a id=\"d1-0\"></a>"), std::string::npos);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("| 2025-03-03 |"), std::string::npos);
}

TEST(Formats, ComeFromNamesAndExtensions) {
  EXPECT_EQ(*ParseFormat("HTML"), Format::kHtml);
  EXPECT_FALSE(ParseFormat("pdf").ok());
  EXPECT_EQ(*FormatFromPath("out/report.json"), Format::kJson);
  EXPECT_EQ(*FormatFromPath("r.jsonl"), Format::kJsonLines);
  EXPECT_FALSE(FormatFromPath("out.d/report").ok());
}

TEST(Codec, RoundTripsEveryField) {
  const Report r = SampleReport();
  const DocAnalysis& a = r.docs[0];
  auto back = DeserializeAnalysis(SerializeAnalysis(a));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(SerializeAnalysis(*back), SerializeAnalysis(a));
  EXPECT_EQ(back->doc.text, a.doc.text);
  EXPECT_EQ(back->events[0].trigger, a.events[0].trigger);
  EXPECT_EQ(back->events[0].plover, "CONSULT");
  EXPECT_EQ(back->doc.published_from, DateSource::kMeta);
  // Records stored before events carried a PLOVER category still read.
  std::string old = SerializeAnalysis(a);
  old.replace(old.find(",\"plover\":\"CONSULT\""), 19, "");
  auto older = DeserializeAnalysis(old);
  ASSERT_TRUE(older.ok()) << older.status().ToString();
  EXPECT_EQ(older->events[0].plover, "");
  EXPECT_EQ(older->events[0].code, "040");
}

TEST(Codec, RejectsDamagedRecords) {
  EXPECT_EQ(DeserializeAnalysis("{not json").status().code(), StatusCode::kCorrupt);
  std::string s = SerializeAnalysis(SampleReport().docs[0]);
  s.replace(s.find("\"v\":1"), 5, "\"v\":9");
  EXPECT_EQ(DeserializeAnalysis(s).status().code(), StatusCode::kNotSupported);
  // A span pointing past the text must not get through.
  DocAnalysis a = SampleReport().docs[0];
  a.times[0].span.end = 100000;
  EXPECT_EQ(DeserializeAnalysis(SerializeAnalysis(a)).status().code(), StatusCode::kCorrupt);
}

TEST(RenderDocumentLine, IsOneLineWithTheDocumentAndItsLayers) {
  const std::string line = RenderDocumentLine(SampleReport().docs[0]);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const Json j = Json::parse(line);
  EXPECT_EQ(j["document"]["id"], "aaaaaaaaaaaaaaaa");
  EXPECT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["entities"].size(), 2u);
  EXPECT_EQ(j["events"][0]["source"], "E1");
}

}  // namespace
}  // namespace synoptic::report
