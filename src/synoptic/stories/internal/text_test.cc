#include "synoptic/stories/internal/text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace synoptic::stories::internal {
namespace {

TEST(StoriesText, SentenceSplitKeepsInitialsAndAbbreviations) {
  DocAnalysis a;
  a.doc.text = "Mr. J. Smith arrived. He left!\n\nNew paragraph here";
  const auto spans = SentenceSpans(a);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(a.doc.text.substr(spans[0].begin, spans[0].size()),
            "Mr. J. Smith arrived.");
  EXPECT_EQ(a.doc.text.substr(spans[1].begin, spans[1].size()), "He left!");
  EXPECT_EQ(a.doc.text.substr(spans[2].begin, spans[2].size()),
            "New paragraph here");
}

TEST(StoriesText, SentenceSpansPreferTheNlpSentences) {
  DocAnalysis a;
  a.doc.text = "One. Two three.";
  a.sentences.push_back({{0, 15}, 0, 0, 0});
  a.sentences.push_back({{10, 99}, 0, 0, 0});  // out of range: dropped
  const auto spans = SentenceSpans(a);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].end, 15u);
}

TEST(StoriesText, WordsFoldCaseNumbersAndPossessives) {
  std::vector<Word> w;
  SplitWords("Kremlin's 12,000 troops; the KREMLIN", &w);
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(w[0].hash, w[4].hash);  // "Kremlin's" ~ "KREMLIN"
  EXPECT_TRUE(w[1].digits);
  EXPECT_EQ(w[1].hash, WordHash("12000"));
  EXPECT_TRUE(w[3].stop);
  EXPECT_FALSE(w[2].stop);
}

TEST(StoriesText, TfIdfIsUnitLengthAndFavoursRareTerms) {
  Idf idf;
  const uint64_t common = WordHash("summit"), rare = WordHash("vladivostok");
  idf.AddDocument({common});
  idf.AddDocument({common});
  idf.AddDocument({common, rare});
  const SparseVec v = TfIdf({common, rare}, {}, 1.0, idf);
  ASSERT_EQ(v.size(), 2u);
  double norm = 0;
  float w_common = 0, w_rare = 0;
  for (const auto& [k, w] : v) {
    norm += w * w;
    (k == common ? w_common : w_rare) = w;
  }
  EXPECT_NEAR(norm, 1.0, 1e-6);
  EXPECT_GT(w_rare, w_common);
  EXPECT_NEAR(Dot(v, v), 1.0, 1e-6);
}

TEST(StoriesText, TrimClampsHostileSpans) {
  const std::string t = "  abc  ";
  const ByteSpan s = Trim(t, {1, 500});
  EXPECT_EQ(s.begin, 2u);
  EXPECT_EQ(s.end, 5u);
  EXPECT_TRUE(Trim(t, {400, 500}).empty());
}

TEST(StoriesText, LowerWordLowersWithoutAllocating) {
  EXPECT_EQ(LowerWord("Signed").view(), "signed");
  EXPECT_TRUE(LowerWord("AFTER") == "after");
  EXPECT_EQ(LowerWord("").view(), "");
  // A long word is cut and so matches no short listed word.
  const std::string long_word(40, 'A');
  EXPECT_EQ(LowerWord(long_word).view(), std::string(32, 'a'));
}

}  // namespace
}  // namespace synoptic::stories::internal
