// The in-memory search index against its reference, the store's FTS5 query:
// the same documents in both, many queries, the same ranked answers.
#include "synoptic/serve/internal/search_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "synoptic/store/store.h"

namespace synoptic::serve {
namespace {

// Words with a skewed frequency (the first ones appear in most documents),
// upper and lower case, diacritics and digits.
const std::vector<std::string>& Vocabulary() {
  static const std::vector<std::string> v = {
      "the",      "minister", "talks",   "Talks",    "agreement", "said",
      "border",   "trade",    "Café",    "cafe",     "ÉLYSÉE",    "élysée",
      "rail",     "freight",  "quota",   "fishing",  "2024",      "harbour",
      "envoy",    "treaty",   "Zürich",  "zurich",   "summit",    "ports",
      "grain",    "visa",     "pipeline", "ceasefire", "drone",   "vote",
      "ministry", "embassy",  "sanctions", "loan",    "bank",      "strike",
      "north",    "south",    "coast",   "island",   "river",     "delta"};
  return v;
}

std::string Words(std::mt19937* rng, size_t count) {
  const auto& v = Vocabulary();
  // Zipf-like: the index is the floor of a squared uniform draw.
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> punct(0, 9);
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    const double x = u(*rng);
    const size_t k = std::min(v.size() - 1, static_cast<size_t>(x * x * v.size()));
    if (!out.empty()) out += (punct(*rng) == 0 ? ", " : punct(*rng) == 1 ? ".\n" : " ");
    out += v[k];
  }
  return out;
}

class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("synoptic_search_index_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto tok = store::TextTokenizer::Create();
    ASSERT_TRUE(tok.ok()) << tok.status().ToString();
    tokenizer_ = std::move(tok).value();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `n` generated documents to a store and to an index.
  void Fill(size_t n, uint32_t seed) {
    auto s = store::Store::Open((dir_ / "s.db").string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    std::mt19937 rng(seed);
    std::uniform_int_distribution<size_t> len(0, 300), tlen(0, 8);
    std::vector<SearchDoc> docs;
    for (size_t i = 0; i < n; ++i) {
      DocAnalysis a;
      a.doc.id = "d" + std::to_string(i);
      a.doc.source = "s" + std::to_string(i % 7);
      a.doc.title = Words(&rng, tlen(rng));
      a.doc.text = Words(&rng, len(rng));
      auto put = store_->PutDocument(a);
      ASSERT_TRUE(put.ok()) << put.status().ToString();
      docs.push_back(SearchDoc{a.doc.id, a.doc.title, a.doc.source, a.doc.text});
    }
    auto built = SearchIndex::Build(std::move(docs), tokenizer_.get());
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    index_ = std::move(built).value();
  }

  // Same answer as the store: equal ranks position by position, and every
  // hit ranked strictly above the last one (no tie at the cut) is the same
  // document in both.
  void ExpectSameAsStore(const std::string& q, size_t limit) {
    auto ours = index_->Search(q, limit, tokenizer_.get());
    auto ref = store_->Search(q, limit);
    ASSERT_TRUE(ours.ok()) << q << ": " << ours.status().ToString();
    ASSERT_TRUE(ref.ok()) << q << ": " << ref.status().ToString();
    ASSERT_EQ(ours->size(), ref->size()) << q;
    std::map<std::string, double> ref_rank;
    for (const auto& h : *ref) ref_rank[h.doc_id] = h.rank;
    for (size_t i = 0; i < ours->size(); ++i) {
      EXPECT_EQ((*ours)[i].rank, (*ref)[i].rank) << q << " at " << i;
      if ((*ours)[i].rank < ref->back().rank) {
        auto it = ref_rank.find((*ours)[i].doc_id);
        ASSERT_NE(it, ref_rank.end()) << q << ": " << (*ours)[i].doc_id;
        EXPECT_EQ(it->second, (*ours)[i].rank) << q;
      }
    }
    ++compared_;
    if (!ours->empty()) ++nonempty_;
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::TextTokenizer> tokenizer_;
  std::unique_ptr<store::Store> store_;
  std::shared_ptr<const SearchIndex> index_;
  size_t compared_ = 0, nonempty_ = 0;
};

TEST_F(SearchIndexTest, RanksExactlyAsFts5OnOneWordQueries) {
  Fill(900, 1);
  for (const auto& w : Vocabulary()) {
    for (size_t limit : {1, 7, 20, 100}) ExpectSameAsStore(w, limit);
  }
  EXPECT_EQ(nonempty_, compared_);  // every vocabulary word occurs
}

TEST_F(SearchIndexTest, RanksExactlyAsFts5OnSeveralWords) {
  Fill(900, 2);
  std::mt19937 rng(7);
  const auto& v = Vocabulary();
  std::uniform_int_distribution<size_t> pick(0, v.size() - 1);
  for (int i = 0; i < 300; ++i) {
    std::string q = v[pick(rng)] + " " + v[pick(rng)];
    if (i % 3 == 0) q += "\t" + v[pick(rng)];
    ExpectSameAsStore(q, i % 2 ? 20 : 5);
  }
  ExpectSameAsStore("talks talks", 20);  // a repeated word counts twice
  ExpectSameAsStore("  TALKS   Minister ", 20);
  ExpectSameAsStore("cafe élysée zurich", 20);  // folded like FTS5
  EXPECT_GT(nonempty_, 200u);
}

TEST_F(SearchIndexTest, UnknownWordsFindNothingAndPhrasesAreLeftToTheStore) {
  Fill(50, 3);
  auto none = index_->Search("talks nonexistentword", 20, tokenizer_.get());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto phrase = index_->Search("talks U.S.", 20, tokenizer_.get());
  EXPECT_EQ(phrase.status().code(), StatusCode::kNotSupported);
  auto punct = index_->Search("talks ,", 20, tokenizer_.get());
  EXPECT_EQ(punct.status().code(), StatusCode::kNotSupported);
  EXPECT_EQ(index_->Search(" \t", 20, tokenizer_.get()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SearchIndex, SnippetMarksTheMatchedWordsInTheirOwnSpelling) {
  auto tok = store::TextTokenizer::Create();
  ASSERT_TRUE(tok.ok());
  std::string text;
  for (int i = 0; i < 40; ++i) text += "filler" + std::to_string(i) + " ";
  text += "The envoy met at the Café Élysée on Friday,\n\nafter long talks. ";
  for (int i = 0; i < 40; ++i) text += "tail" + std::to_string(i) + " ";
  std::vector<SearchDoc> docs = {{"a", "Envoy visit", "wire", text},
                                 {"b", "Other", "wire", "no match here"}};
  auto index = SearchIndex::Build(std::move(docs), tok->get());
  ASSERT_TRUE(index.ok());
  auto hits = (*index)->Search("cafe elysee talks", 5, tok->get());
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  const std::string& s = (*hits)[0].snippet;
  EXPECT_NE(s.find("[Café] [Élysée] on Friday, after long [talks]"),
            std::string::npos)
      << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u) << s;  // cut at the start
  EXPECT_EQ(s.substr(s.size() - 4), " …") << s;
  EXPECT_EQ(s.find("filler0"), std::string::npos) << s;
  EXPECT_LT((*hits)[0].rank, 0);
}

TEST(SearchIndex, EmptyIndexAndEmptyDocuments) {
  auto tok = store::TextTokenizer::Create();
  ASSERT_TRUE(tok.ok());
  auto empty = SearchIndex::Build({}, tok->get());
  ASSERT_TRUE(empty.ok());
  auto hits = (*empty)->Search("anything", 10, tok->get());
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
  auto blank = SearchIndex::Build({{"a", "", "", ""}, {"b", "word", "", ""}},
                                  tok->get());
  ASSERT_TRUE(blank.ok());
  hits = (*blank)->Search("word", 10, tok->get());
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].doc_id, "b");
  EXPECT_EQ((*hits)[0].snippet, "");
}

}  // namespace
}  // namespace synoptic::serve
