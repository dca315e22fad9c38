#include "synoptic/serve/internal/index.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "synoptic/serve/serve_test_util.h"

namespace synoptic::serve {
namespace {

using Json = nlohmann::json;

std::shared_ptr<const Index> Built() {
  auto index = Index::Build(testing::MakeReport());
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  return *index;
}

TEST(Index, ListsEveryCollectionOfTheReport) {
  auto index = Built();
  for (const char* name :
       {"documents", "entities", "events", "clusters", "storylines", "timeline",
        "relations", "disagreements", "errors"}) {
    ASSERT_NE(index->Find(name), nullptr) << name;
  }
  EXPECT_EQ(index->Find("documents")->items.size(), 3u);
  EXPECT_EQ(index->Find("events")->items.size(), 3u);
  EXPECT_EQ(index->Find("errors")->items.size(), 1u);
  EXPECT_EQ(index->Find("nonsense"), nullptr);
}

TEST(Index, DocumentListItemsLeaveOutTheText) {
  auto index = Built();
  const Json d = Json::parse(index->Find("documents")->items[0]);
  EXPECT_FALSE(d.contains("text"));
  EXPECT_EQ(d["chars"], 61);  // code points, not bytes
  EXPECT_EQ(d["cluster"], "C1");
  EXPECT_EQ(Json::parse(index->Find("documents")->items[2])["cluster"],
            nullptr);
}

TEST(Index, DocumentDetailHasCodePointSpansOfItsOwnParts) {
  auto index = Built();
  ASSERT_NE(index->Document("d1"), nullptr);
  const Json d = Json::parse(*index->Document("d1"));
  const std::string text = d["document"]["text"];
  EXPECT_EQ(d["events"].size(), 2u);
  ASSERT_EQ(d["entities"].size(), 2u);
  // "Max Ode" starts at byte 13 but code point 12 ("ë" is two bytes).
  for (const auto& e : d["entities"]) {
    if (e["name"] == "Max Ode") {
      ASSERT_EQ(e["mentions"].size(), 1u);
      EXPECT_EQ(e["mentions"][0]["start"], 12);
      EXPECT_EQ(e["mentions"][0]["end"], 19);
    }
  }
  ASSERT_EQ(d["times"].size(), 1u);
  EXPECT_EQ(d["times"][0]["text"], "later");
  const Json d2 = Json::parse(*index->Document("d2"));
  ASSERT_EQ(d2["quotes"].size(), 1u);
  EXPECT_EQ(d2["quotes"][0]["speaker_name"], "Max Ode");
  EXPECT_EQ(index->Document("nope"), nullptr);
}

TEST(Index, EventsCarryActorNamesBesideIds) {
  auto index = Built();
  const Json e = Json::parse(index->Find("events")->items[0]);
  EXPECT_EQ(e["source"], "E1");
  EXPECT_EQ(e["source_name"], "Zoë Ray");
  EXPECT_EQ(e["target_name"], "Max Ode");
}

TEST(Index, ClusterComparisonFindsSingleSourceClaims) {
  auto index = Built();
  ASSERT_NE(index->Cluster("C1"), nullptr);
  const Json c = Json::parse(*index->Cluster("C1"));
  const Json& cmp = c["comparison"];
  EXPECT_EQ(cmp["outlets"], 2);
  ASSERT_EQ(cmp["claims"].size(), 2u);
  // The meeting is reported by both outlets and comes first; the visit by one.
  EXPECT_EQ(cmp["claims"][0]["type"], "meet");
  EXPECT_EQ(cmp["claims"][0]["outlets"], 2);
  EXPECT_FALSE(cmp["claims"][0]["single_source"]);
  EXPECT_EQ(cmp["claims"][1]["type"], "visit");
  EXPECT_TRUE(cmp["claims"][1]["single_source"]);
  EXPECT_EQ(cmp["claims"][1]["reports"][0]["outlet"], "Alpha");
  EXPECT_EQ(c["disagreements"].size(), 1u);
  EXPECT_EQ(c["disagreements"][0]["claims"][1]["site"], "Beta");
  EXPECT_EQ(c["storyline"]["id"], "S1");
  EXPECT_EQ(c["documents"].size(), 2u);
}

TEST(Index, StorylineDetailHoldsItsClustersAndDates) {
  auto index = Built();
  const Json s = Json::parse(*index->Storyline("S1"));
  EXPECT_EQ(s["storyline"]["first_date"], "2024-01-02");
  EXPECT_EQ(s["storyline"]["document_count"], 2);
  ASSERT_EQ(s["clusters"].size(), 1u);
  EXPECT_EQ(s["clusters"][0]["id"], "C1");
  const Json item = Json::parse(index->Find("storylines")->items[0]);
  ASSERT_EQ(item["cluster_briefs"].size(), 1u);
  EXPECT_EQ(item["cluster_briefs"][0]["title"], "Ray meets Ode");
  EXPECT_EQ(item["cluster_briefs"][0]["documents"], 2);
  EXPECT_EQ(Json::parse(index->Find("timeline")->items[0])["cluster_title"],
            "Ray meets Ode");
}

TEST(Index, FacetsSelectItemsByValue) {
  auto index = Built();
  const Collection* events = index->Find("events");
  const auto* in_c1 = events->Filter("cluster", "C1");
  ASSERT_NE(in_c1, nullptr);
  EXPECT_EQ(in_c1->size(), 3u);
  ASSERT_NE(events->Filter("doc", "d2"), nullptr);
  EXPECT_EQ(events->Filter("doc", "d2")->size(), 1u);
  EXPECT_TRUE(events->Filter("cluster", "C9")->empty());
  EXPECT_EQ(events->Filter("colour", "red"), nullptr);
  EXPECT_EQ(index->Periods(), "[\"2024-01\"]");
}

TEST(Index, GenerationFollowsContent) {
  auto a = Built();
  auto b = Built();
  EXPECT_EQ(a->generation(), b->generation());
  report::Report r = testing::MakeReport();
  r.docs.pop_back();
  r.stories.doc_cluster.pop_back();
  r.stories.entity_map.pop_back();
  auto c = Index::Build(r);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a->generation(), (*c)->generation());
}

TEST(Index, HostileTextStaysDataInsideJson) {
  report::Report r;
  DocAnalysis a = testing::MakeDoc(
      "h1", "Evil", "Quote: </script><script>alert(1)</script> \"x\" \\ end");
  a.entities.clear();
  r.docs = {a};
  r.stories.entity_map = {{}};
  r.stories.doc_cluster = {-1};
  auto index = Index::Build(r);
  ASSERT_TRUE(index.ok());
  const Json d = Json::parse(*(*index)->Document("h1"));
  EXPECT_EQ(d["document"]["text"], a.doc.text);  // round-trips exactly
}

}  // namespace
}  // namespace synoptic::serve

namespace synoptic::serve {
namespace {

TEST(Index, LargeClusterDetailsAreCapped) {
  report::Report r;
  stories::Cluster cl;
  cl.id = "C1";
  cl.title = "Big";
  for (int i = 0; i < 150; ++i) {
    DocAnalysis a = testing::MakeDoc("doc" + std::to_string(i),
                                     "Site " + std::to_string(i % 7),
                                     "Zoë Ray met Max Ode again.");
    a.events = {testing::MakeEvent(a, "meet", "036", 0, 1)};
    cl.docs.push_back(static_cast<uint32_t>(i));
    cl.events.push_back({static_cast<uint32_t>(i), 0});
    r.docs.push_back(std::move(a));
    r.stories.entity_map.push_back({-1, -1});
    r.stories.doc_cluster.push_back(0);
  }
  r.stories.clusters = {cl};
  r.stories.storylines = {stories::Storyline{"S1", "Big line", {"C1"}}};
  auto index = Index::Build(r);
  ASSERT_TRUE(index.ok());
  const nlohmann::json c = nlohmann::json::parse(*(*index)->Cluster("C1"));
  EXPECT_EQ(c["documents"].size(), 100u);
  EXPECT_EQ(c["documents_total"], 150);
  EXPECT_EQ(c["events_total"], 150);
  EXPECT_EQ(c["cluster"]["document_count"], 150);
  EXPECT_EQ(c["comparison"]["sources"].size(), 100u);
  EXPECT_EQ(c["comparison"]["outlets"], 7);
  ASSERT_EQ(c["comparison"]["claims"].size(), 1u);
  EXPECT_EQ(c["comparison"]["claims"][0]["outlets"], 7);
  const nlohmann::json s = nlohmann::json::parse(*(*index)->Storyline("S1"));
  EXPECT_EQ(s["clusters"][0]["documents"].size(), 20u);
  EXPECT_TRUE(s["clusters"][0]["truncated"]);
  // The list endpoint keeps the report's full cluster object.
  const nlohmann::json item =
      nlohmann::json::parse((*index)->Find("clusters")->items[0]);
  EXPECT_EQ(item["documents"].size(), 150u);
}

}  // namespace
}  // namespace synoptic::serve
