// Tests for the lazy per-sentence parse of the events stage (dep_view.h),
// over the shipped tagger and parser.
#include "synoptic/events/internal/dep_view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "synoptic/events/internal/doc_view.h"

namespace synoptic::events::internal {
namespace {

std::shared_ptr<const ParseModels> Models() {
  static std::shared_ptr<const ParseModels> m = [] {
    auto r =
        LoadParseModels(DefaultEnv(), std::string(SYN_SOURCE_DIR) + "/models");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : nullptr;
  }();
  return m;
}

// One document of space-separated words; a sentence ends after each ".".
struct Doc {
  DocAnalysis a;
  DocView v;
  std::deque<std::string> lowered;  // stable storage for v.low
  explicit Doc(std::string_view text) {
    a.doc.text = std::string(text);
    size_t i = 0;
    uint32_t first = 0;
    while (i < text.size()) {
      size_t e = text.find(' ', i);
      if (e == std::string_view::npos) e = text.size();
      Token t;
      t.begin = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(e);
      const std::string_view w = text.substr(i, e - i);
      if (w.size() > 1 && std::all_of(w.begin(), w.end(), [](char c) {
            return c >= 'A' && c <= 'Z';
          })) {
        t.flags |= kTokAllCaps;
      }
      a.tokens.push_back(t);
      if (text.substr(i, e - i) == ".") {
        Sentence s;
        s.first_token = first;
        s.end_token = static_cast<uint32_t>(a.tokens.size());
        s.span = {a.tokens[first].begin, t.end};
        a.sentences.push_back(s);
        first = s.end_token;
      }
      i = e + 1;
    }
    v.a = &a;
    v.sentences = a.sentences;
    for (const Token& t : a.tokens) {
      lowered.emplace_back(text.substr(t.begin, t.end - t.begin));
      for (char& c : lowered.back()) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
    }
    for (const std::string& l : lowered) v.low.push_back(l);
  }
};

TEST(LazyParse, MissingModelsAreNotFound) {
  MemEnv env;
  auto r = LoadParseModels(&env, "none");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(LazyParse, ParsesOnlyTheSentencesAskedForOnce) {
  ASSERT_NE(Models(), nullptr);
  Doc d("The weather was mild . Brazil attacked Canada on Monday .");
  LazyParse p(*Models(), d.v);
  EXPECT_FALSE(p.Parsed(1));
  ASSERT_TRUE(p.Ensure(1));
  ASSERT_TRUE(p.Ensure(1));
  EXPECT_EQ(p.sentences_parsed(), 1u);
  EXPECT_FALSE(p.Parsed(0));
  EXPECT_FALSE(p.Ensure(7));  // no such sentence
  // Tokens 5.. : Brazil attacked Canada on Monday .
  const uint32_t brazil = 5, attacked = 6, canada = 7, monday = 9;
  EXPECT_EQ(p.head(attacked), attacked);
  EXPECT_EQ(p.rel(attacked), Rel::kRoot);
  EXPECT_EQ(p.head(brazil), attacked);
  EXPECT_EQ(p.rel(brazil), Rel::kNsubj);
  EXPECT_EQ(p.head(canada), attacked);
  EXPECT_EQ(p.rel(canada), Rel::kObj);
  EXPECT_EQ(p.upos(attacked), Pos::kVerb);
  // Children in text order, each pointing back to its head.
  std::vector<uint32_t> kids(p.kids_begin(attacked), p.kids_end(attacked));
  ASSERT_GE(kids.size(), 3u);
  EXPECT_EQ(kids.front(), brazil);
  EXPECT_TRUE(std::is_sorted(kids.begin(), kids.end()));
  for (uint32_t k : kids) EXPECT_EQ(p.head(k), attacked);
  EXPECT_NE(std::find(kids.begin(), kids.end(), monday), kids.end());
}

TEST(LazyParse, PassiveSubjectAndAgent) {
  ASSERT_NE(Models(), nullptr);
  Doc d("Canada was attacked by Brazil .");
  LazyParse p(*Models(), d.v);
  ASSERT_TRUE(p.Ensure(0));
  EXPECT_EQ(p.rel(0), Rel::kNsubjPass);
  EXPECT_EQ(p.rel(1), Rel::kAuxPass);
  EXPECT_EQ(p.head(4), 2u);
  EXPECT_TRUE(p.rel(4) == Rel::kOblAgent || p.rel(4) == Rel::kObl);
}

TEST(LazyParse, DatelineIsLeftOutOfTheParse) {
  ASSERT_NE(Models(), nullptr);
  Doc d("MOSCOW , March 21 ( Wire ) \xE2\x80\x93 Brazil attacked Canada .");
  LazyParse p(*Models(), d.v);
  ASSERT_TRUE(p.Ensure(0));
  const uint32_t brazil = 8, attacked = 9;
  for (uint32_t t = 0; t < brazil; ++t) {
    EXPECT_EQ(p.head(t), t) << t;
    EXPECT_EQ(p.kids_begin(t), p.kids_end(t)) << t;
  }
  EXPECT_EQ(p.rel(attacked), Rel::kRoot);
  EXPECT_EQ(p.head(brazil), attacked);
  EXPECT_EQ(p.rel(brazil), Rel::kNsubj);
}

TEST(LazyParse, OverlongSentenceIsNotParsed) {
  ASSERT_NE(Models(), nullptr);
  std::string text;
  for (uint32_t i = 0; i <= LazyParse::kMaxWords; ++i) text += "word ";
  text += ".";
  Doc d(text);
  LazyParse p(*Models(), d.v);
  EXPECT_FALSE(p.Ensure(0));
  EXPECT_FALSE(p.Parsed(0));
  EXPECT_EQ(p.sentences_parsed(), 0u);
}

}  // namespace
}  // namespace synoptic::events::internal
