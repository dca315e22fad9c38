#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synoptic/stories/internal/context.h"

namespace synoptic::stories::internal {
namespace {

TEST(StoriesAnalysis, DatePrefixKeepsOnlyIsoPrefixes) {
  EXPECT_EQ(DatePrefix("2023-09-13"), "2023-09-13");
  EXPECT_EQ(DatePrefix("2023-09-13T10:00"), "2023-09-13");
  EXPECT_EQ(DatePrefix("2023-09"), "2023-09");
  EXPECT_EQ(DatePrefix("2023"), "2023");
  EXPECT_EQ(DatePrefix("XXXX-09-13"), "");
  EXPECT_EQ(DatePrefix("2024-W25"), "");
  EXPECT_EQ(DatePrefix("P3D"), "");
  EXPECT_EQ(DatePrefix("2023-13"), "");
  EXPECT_EQ(DatePrefix("2023-02-30"), "");
}

TEST(StoriesAnalysis, ShortTextCutsAtAWordAndStaysValidUtf8) {
  const std::string t = "  Crowds lined the streets of Pyongyang.  ";
  EXPECT_EQ(ShortText(t, {0, static_cast<uint32_t>(t.size())}, 100),
            "Crowds lined the streets of Pyongyang.");
  EXPECT_EQ(ShortText(t, {0, static_cast<uint32_t>(t.size())}, 20),
            "Crowds lined the\u2026");
  const std::string cyr = "\u041c\u043e\u0441\u043a\u0432\u0430";  // 12 bytes
  const std::string cut = ShortText(cyr, {0, 12}, 5);
  EXPECT_EQ(cut, "\u041c\u043e\u2026");
  EXPECT_EQ(ShortText(cyr, {0, 99}, 5), "");  // hostile span
}

TEST(StoriesAnalysis, ParseDayRejectsPartialDates) {
  int64_t d = 0;
  EXPECT_TRUE(ParseDay("1970-01-02", &d));
  EXPECT_EQ(d, 1);
  EXPECT_FALSE(ParseDay("2023-09", &d));
  EXPECT_FALSE(ParseDay("", &d));
}

}  // namespace
}  // namespace synoptic::stories::internal

namespace synoptic::stories::internal {
namespace {

using Counts = std::vector<std::pair<std::string, int64_t>>;

Counts Of(std::string_view s) {
  std::vector<Word> scratch;
  return CountPhrases(s, &scratch);
}

TEST(StoriesAnalysis, CountPhrasesFindTheCountedNoun) {
  EXPECT_EQ(Of("At least 15 people were killed in the raid."),
            (Counts{{"people", 15}}));
  EXPECT_EQ(Of("The blast killed 12, including three children."),
            (Counts{{"killed", 12}, {"children", 3}}));
  EXPECT_EQ(Of("Some 12,000 troops crossed the border."),
            (Counts{{"troop", 12000}}));
  EXPECT_EQ(Of("Police said 40 Palestinian civilians were hurt."),
            (Counts{{"civilian", 40}}));
}

TEST(StoriesAnalysis, CountPhrasesSkipDatesAndUnits) {
  EXPECT_TRUE(Of("They met on 13 September 2023 in the east.").empty());
  EXPECT_TRUE(Of("The governor imposed a 24-hour curfew.").empty());
  EXPECT_TRUE(Of("It was his first visit in 24 years.").empty());
  EXPECT_TRUE(Of("Prices rose 3 percent in May.").empty());
}

TEST(StoriesAnalysis, ToneCountsJudgementWordsWithNegation) {
  std::vector<Word> scratch;
  // 2 positive of 10 words.
  EXPECT_DOUBLE_EQ(
      Tone("The talks were warm and the leaders praised each other today",
           &scratch),
      100.0 * 2 / 11);
  EXPECT_LT(Tone("Critics condemned the visit as a threat.", &scratch), 0);
  // Negation flips the next few words.
  EXPECT_LT(Tone("The meeting was not friendly.", &scratch), 0);
  EXPECT_GT(Tone("Officials did not condemn the plan.", &scratch), 0);
  EXPECT_DOUBLE_EQ(Tone("The ship docked at noon.", &scratch), 0.0);
  EXPECT_DOUBLE_EQ(Tone("", &scratch), 0.0);
}

}  // namespace
}  // namespace synoptic::stories::internal
