// A small report built by hand for the serve tests: two outlets reporting
// one meeting, one of them also a visit; names with non-ASCII letters so
// code point and byte offsets differ.
#ifndef SYNOPTIC_SERVE_SERVE_TEST_UTIL_H_
#define SYNOPTIC_SERVE_SERVE_TEST_UTIL_H_

#include <string>

#include "synoptic/report/report.h"

namespace synoptic::serve::testing {

inline DocAnalysis MakeDoc(std::string id, std::string site, std::string text) {
  DocAnalysis a;
  a.doc.id = std::move(id);
  a.doc.source = a.doc.id + ".html";
  a.doc.site = std::move(site);
  a.doc.title = "Title of " + a.doc.id;
  a.doc.published = "2024-01-02";
  a.doc.language = "en";
  a.doc.text = std::move(text);
  a.doc.paragraphs = {{0, static_cast<uint32_t>(a.doc.text.size())}};
  a.entities = {
      LocalEntity{"kb:zoe", "Zoë Ray", EntityType::kPerson, "", {"Zoë Ray"}},
      LocalEntity{"kb:max", "Max Ode", EntityType::kPerson, "", {"Max Ode"}}};
  return a;
}

inline ByteSpan Find(const DocAnalysis& a, const std::string& s) {
  const auto at = static_cast<uint32_t>(a.doc.text.find(s));
  return {at, at + static_cast<uint32_t>(s.size())};
}

inline Event MakeEvent(const DocAnalysis& a, std::string type, std::string code,
                       int32_t source, int32_t target) {
  Event e;
  e.type = std::move(type);
  e.code = std::move(code);
  e.root_code = e.code.substr(0, 2);
  e.source = source;
  e.target = target;
  e.date = "2024-01-02";
  e.evidence = {0, static_cast<uint32_t>(a.doc.text.size())};
  e.trigger = Find(a, "met");
  return e;
}

inline report::Report MakeReport() {
  report::Report r;
  DocAnalysis a =
      MakeDoc("d1", "Alpha",
              "Zoë Ray met Max Ode in Ålborg. Zoë Ray later toured the port.");
  a.events = {MakeEvent(a, "meet", "036", 0, 1),
              MakeEvent(a, "visit", "042", 0, -1)};
  a.times = {Timex{Find(a, "later"), TimexType::kDate, "2024-01-03"}};
  DocAnalysis b =
      MakeDoc("d2", "Beta", "In Oslo, Max Ode said Zoë Ray met him.");
  b.events = {MakeEvent(b, "meet", "036", 0, 1)};
  b.quotes = {Quote{Find(b, "Zoë Ray met him"), 1, "", false, "said"}};
  DocAnalysis c = MakeDoc("d3", "", "An unrelated note about rain.");
  c.entities.clear();

  stories::StoryResult& st = r.stories;
  stories::GlobalEntity zoe{"E1", "kb:zoe",    "Zoë Ray", EntityType::kPerson,
                            "",   {"Zoë Ray"}, {}};
  zoe.mentions = {{0, Find(a, "Zoë Ray")}, {1, Find(b, "Zoë Ray")}};
  stories::GlobalEntity max{"E2", "kb:max",    "Max Ode", EntityType::kPerson,
                            "",   {"Max Ode"}, {}};
  max.mentions = {{0, Find(a, "Max Ode")}, {1, Find(b, "Max Ode")}};
  st.entities = {zoe, max};
  st.entity_map = {{0, 1}, {0, 1}, {}};
  stories::Cluster cl;
  cl.id = "C1";
  cl.title = "Ray meets Ode";
  cl.docs = {0, 1};
  cl.date = "2024-01-02";
  cl.events = {{0, 0}, {0, 1}, {1, 0}};
  cl.summary = {stories::Citation{0, Find(a, "Zoë Ray met Max Ode in Ålborg."),
                                  "Zoë Ray met Max Ode in Ålborg."}};
  cl.sources = {"Alpha", "Beta"};
  st.clusters = {cl};
  st.doc_cluster = {0, 0, -1};
  st.storylines = {stories::Storyline{"S1", "Ray – Ode", {"C1"}}};
  st.timeline = {stories::TimelineEntry{
      "2024-01-02",
      "Ray met Ode",
      "C1",
      {stories::Citation{0, Find(a, "Zoë Ray met"), "Zoë Ray met"}}}};
  st.disagreements = {stories::Disagreement{
      "location of meet",
      "C1",
      {stories::Claim{"Ålborg",
                      stories::Citation{0, Find(a, "Ålborg"), "Ålborg"}},
       stories::Claim{"Oslo", stories::Citation{1, Find(b, "Oslo"), "Oslo"}}}}};
  st.relations = {
      stories::Relation{"E1", "E2", "2024-01", 2.8, 0, {{0, 0}, {1, 0}}}};
  r.docs = {std::move(a), std::move(b), std::move(c)};
  r.errors = {InputError{"bad.warc", "corrupt", "not a WARC file"}};
  r.generated = "2024-01-05T00:00:00Z";
  r.version = "test";
  return r;
}

}  // namespace synoptic::serve::testing

#endif  // SYNOPTIC_SERVE_SERVE_TEST_UTIL_H_
