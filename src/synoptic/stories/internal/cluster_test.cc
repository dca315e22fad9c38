#include "synoptic/stories/internal/cluster.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synoptic/stories/internal/text.h"

namespace synoptic::stories::internal {
namespace {

// A record about one happening: its words, its actors and its date.
DocFeatures Doc(const std::vector<std::string>& words,
                std::vector<uint32_t> entities, int64_t pub_day,
                int64_t event_day = kNoDay) {
  DocFeatures f;
  std::vector<uint64_t> terms;
  for (const std::string& w : words) terms.push_back(WordHash(w));
  Idf idf;
  f.terms = TfIdf(terms, {}, 1.0, idf);
  for (const auto& [t, w] : f.terms) f.salient.push_back(t);
  for (uint32_t e : entities) {
    f.entities.emplace_back(e, 1.0f);
    f.key_entities.push_back(e);
  }
  f.pub_day = pub_day;
  f.event_day = event_day;
  return f;
}

std::vector<uint32_t> Cluster(const std::vector<DocFeatures>& docs,
                              const ClusterOptions& o = ClusterOptions()) {
  std::vector<const DocFeatures*> in;
  for (const DocFeatures& d : docs) in.push_back(&d);
  return ClusterOnline(in, o);
}

const std::vector<std::string> kSummit = {"leaders", "summit", "talks",
                                          "treaty",  "pact",   "defence"};

TEST(StoriesCluster, SameActorsMonthsApartAreTwoHappenings) {
  const std::vector<DocFeatures> docs = {
      Doc(kSummit, {1, 2}, 1000, 1000), Doc(kSummit, {1, 2}, 1001, 1000),
      Doc(kSummit, {1, 2}, 1270, 1270), Doc(kSummit, {1, 2}, 1272, 1270)};
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 0, 1, 1}));
}

TEST(StoriesCluster, DailyReportsDoNotChainIntoOneHappening) {
  // The same words and actors every third day for a month: coverage that
  // drifts day by day must not make one cluster of a month of happenings.
  std::vector<DocFeatures> docs;
  for (int64_t day = 1000; day <= 1030; day += 3) {
    docs.push_back(Doc(kSummit, {1, 2}, day));
  }
  const std::vector<uint32_t> c = Cluster(docs);
  EXPECT_EQ(c.front(), c[1]);  // three days apart: one happening
  EXPECT_NE(c.front(), c.back());
}

TEST(StoriesCluster, ReportsNamingOtherPeopleStartANewCluster) {
  // Two reports name people 1 and 2; a third, same words and day, names
  // people 5 and 6 (another meeting told in the same words); a fourth names
  // person 1 again.
  std::vector<DocFeatures> docs = {
      Doc(kSummit, {1, 2, 9}, 1000), Doc(kSummit, {1, 2, 9}, 1000),
      Doc(kSummit, {5, 6, 9}, 1000), Doc(kSummit, {1, 9}, 1001)};
  docs[0].people = {1, 2};
  docs[1].people = {1, 2};
  docs[2].people = {5, 6};
  docs[3].people = {1};
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 0, 1, 0}));
  // One report is enough to know a cluster's people by.
  std::vector<DocFeatures> two = {docs[0], docs[2]};
  EXPECT_EQ(Cluster(two), (std::vector<uint32_t>{0, 1}));
}

TEST(StoriesCluster, ReportNamingTheClustersPeopleElsewhereJoins) {
  // The second report puts person 7 first (someone quoted) but names
  // person 1, whom the first report put first: same happening.
  std::vector<DocFeatures> docs = {Doc(kSummit, {1, 2, 9}, 1000),
                                   Doc(kSummit, {7, 9}, 1000)};
  docs[0].people = {1, 2};
  docs[1].people = {7};
  docs[1].entities.insert(docs[1].entities.begin(), {1, 0.2f});
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 0}));
  // Without that mention the two never name each other's people.
  docs[1].entities.erase(docs[1].entities.begin());
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 1}));
}

const std::vector<std::string> kLaunch = {"rocket",  "launch", "pad",
                                          "booster", "orbit",  "engine"};

// Options under which every report starts its own cluster, so that only
// the second pass can bring them together.
ClusterOptions SplitFirst() {
  ClusterOptions o;
  o.threshold = 1.01;
  o.merge_threshold = 0.25;
  return o;
}

TEST(StoriesCluster, SecondPassMergesClustersOfOneHappening) {
  const std::vector<DocFeatures> docs = {Doc(kSummit, {1, 2}, 1000),
                                         Doc(kSummit, {1, 2}, 1001),
                                         Doc(kLaunch, {3, 4}, 1001)};
  ClusterOptions o = SplitFirst();
  o.merge_threshold = 0;
  EXPECT_EQ(Cluster(docs, o), (std::vector<uint32_t>{0, 1, 2}));
  o.merge_threshold = 0.25;
  EXPECT_EQ(Cluster(docs, o), (std::vector<uint32_t>{0, 0, 2}));
}

TEST(StoriesCluster, SecondPassKeepsDistantDatesAndOtherPeopleApart) {
  // A week apart: two happenings, however alike.
  std::vector<DocFeatures> docs = {Doc(kSummit, {1, 2}, 1000),
                                   Doc(kSummit, {1, 2}, 1007)};
  EXPECT_EQ(Cluster(docs, SplitFirst()), (std::vector<uint32_t>{0, 1}));
  // Same day, but each cluster's main people are others (a person the
  // other side also names is not enough for whole clusters).
  docs = {Doc(kSummit, {1, 2, 5, 9}, 1000), Doc(kSummit, {1, 5, 6, 9}, 1000)};
  docs[0].people = {1, 2};
  docs[1].people = {5, 6};
  EXPECT_EQ(Cluster(docs, SplitFirst()), (std::vector<uint32_t>{0, 1}));
  docs[1].people = {1, 6};
  EXPECT_EQ(Cluster(docs, SplitFirst()), (std::vector<uint32_t>{0, 0}));
}

TEST(StoriesCluster, CommentaryAWeekLaterJoins) {
  const std::vector<DocFeatures> docs = {Doc(kSummit, {1, 2}, 1000, 1000),
                                         Doc(kSummit, {1, 2}, 1008)};
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 0}));
}

TEST(StoriesCluster, UndatedDocumentJoinsByTextAndActors) {
  const std::vector<DocFeatures> docs = {
      Doc(kSummit, {1, 2}, 1000, 1000),
      Doc({"flood", "river", "rain", "villages", "evacuated"}, {7}, 1000),
      Doc({"flood", "river", "rain", "dam"}, {7}, kNoDay)};
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 1, 1}));
}

TEST(StoriesCluster, UnrelatedSameDayStaysApart) {
  const std::vector<DocFeatures> docs = {
      Doc(kSummit, {1, 2}, 1000),
      Doc({"goal", "match", "league", "striker"}, {9}, 1000)};
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 1}));
}

TEST(StoriesCluster, FullClusterTakesNoMore) {
  const std::vector<DocFeatures> docs = {Doc(kSummit, {1, 2}, 1000),
                                         Doc(kSummit, {1, 2}, 1000),
                                         Doc(kSummit, {1, 2}, 1000)};
  ClusterOptions o;
  o.max_cluster_docs = 2;
  EXPECT_EQ(Cluster(docs, o), (std::vector<uint32_t>{0, 0, 1}));
}

// Moves of one visit: from country `from` to country `to`.
Moves Visit(const char* from, const char* to, float w = 1.0f) {
  return {{MoveKey(CountryOf(from), CountryOf(to)), w}};
}

TEST(StoriesCluster, UndatedVisitsInOppositeDirectionsStayApart) {
  std::vector<DocFeatures> docs = {
      Doc(kSummit, {1, 2}, kNoDay), Doc(kSummit, {1, 2}, kNoDay),
      Doc(kSummit, {1, 2}, kNoDay), Doc(kSummit, {1, 2}, kNoDay)};
  docs[0].moves = Visit("BRA", "ARG");
  docs[1].moves = Visit("ARG", "BRA");
  docs[2].moves = Visit("BRA", "ARG", 0.5f);  // an announcement
  // docs[3] says nothing of who travelled: it joins by text.
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 1, 0, 0}));
  // Without the signature the identical texts make one cluster.
  ClusterOptions o;
  o.conflict_factor = 1.0;
  EXPECT_EQ(Cluster(docs, o), (std::vector<uint32_t>{0, 0, 0, 0}));
}

TEST(StoriesCluster, DatesThatAgreeOutweighTheSignature) {
  // A report of a visit and, two days later, one that mostly covers the
  // return visit it announced: the dates say one happening.
  std::vector<DocFeatures> docs = {Doc(kSummit, {1, 2}, 1000, 1000),
                                   Doc(kSummit, {1, 2}, 1002)};
  docs[0].moves = Visit("BRA", "ARG");
  docs[1].moves = Visit("ARG", "BRA");
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 0}));
  // Undated, the same second report is kept apart.
  docs[1].pub_day = kNoDay;
  EXPECT_EQ(Cluster(docs), (std::vector<uint32_t>{0, 1}));
}

}  // namespace
}  // namespace synoptic::stories::internal
