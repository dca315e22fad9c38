#include "synoptic/time/timex.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "synoptic/core/env.h"

namespace synoptic::time {
namespace {

using civil::Date;

// "[text] TYPE value [mod=MOD] anchor [rel]": one golden line.
std::string Describe(std::string_view text, const Timex& t) {
  std::string s =
      "[" + std::string(text.substr(t.span.begin, t.span.size())) + "] ";
  s += TimexTypeName(t.type);
  s += " " + t.value;
  if (!t.mod.empty()) s += " mod=" + t.mod;
  s += " ";
  s += TimexAnchorName(t.anchor);
  if (t.relative) s += " rel";
  return s;
}

std::vector<std::string> Tag(std::string_view text, std::optional<Date> dct) {
  std::vector<std::string> out;
  for (const Timex& t : TagText(text, dct, {}))
    out.push_back(Describe(text, t));
  return out;
}

const Timex* Find(const std::vector<Timex>& v, std::string_view text,
                  std::string_view surface) {
  for (const Timex& t : v) {
    if (text.substr(t.span.begin, t.span.size()) == surface) return &t;
  }
  return nullptr;
}

// ---- golden files: testdata/time/*.test ----
//
// Each file holds cases separated by "====": comment lines ("#"), a
// "dct: YYYY-MM-DD|none" line, the input lines, "----", the expected lines.
// Set SYN_UPDATE_GOLDEN=1 to rewrite the expected parts from the output.

struct Case {
  std::vector<std::string> header;  // comments and the dct line
  std::optional<Date> dct;
  std::string input;
  std::vector<std::string> expected;
};

std::vector<Case> ParseGolden(const std::string& data) {
  std::vector<Case> cases;
  Case cur;
  bool in_expected = false, have_input = false;
  std::istringstream in(data);
  std::string line;
  auto flush = [&] {
    if (have_input || !cur.header.empty()) cases.push_back(cur);
    cur = Case();
    in_expected = have_input = false;
  };
  while (std::getline(in, line)) {
    if (line == "====") {
      flush();
    } else if (line == "----") {
      in_expected = true;
    } else if (in_expected) {
      if (!line.empty()) cur.expected.push_back(line);
    } else if (!have_input && (line.empty() || line[0] == '#')) {
      cur.header.push_back(line);
    } else if (!have_input && line.rfind("dct:", 0) == 0) {
      cur.header.push_back(line);
      std::string v = line.substr(4);
      v.erase(0, v.find_first_not_of(' '));
      if (v != "none") cur.dct = civil::ParseIsoDate(v);
    } else {
      if (have_input) cur.input += "\n";
      cur.input += line;
      have_input = true;
    }
  }
  flush();
  return cases;
}

TEST(TimexGolden, MatchesTestdata) {
  Env* env = DefaultEnv();
  const std::string dir = std::string(SYN_SOURCE_DIR) + "/testdata/time";
  auto files = env->ListFilesRecursive(dir);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  const bool update = std::getenv("SYN_UPDATE_GOLDEN") != nullptr;
  int checked = 0;
  for (const std::string& path : files.value()) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".test") continue;
    auto data = env->ReadFile(path, 1 << 20);
    ASSERT_TRUE(data.ok()) << path;
    std::vector<Case> cases = ParseGolden(data.value());
    std::string rewritten;
    for (size_t ci = 0; ci < cases.size(); ++ci) {
      const Case& c = cases[ci];
      std::vector<std::string> got = Tag(c.input, c.dct);
      EXPECT_EQ(got, c.expected) << path << " case " << ci + 1 << ":\n"
                                 << c.input;
      ++checked;
      if (ci > 0) rewritten += "====\n";
      for (const auto& h : c.header) rewritten += h + "\n";
      rewritten += c.input + "\n----\n";
      for (const auto& g : got) rewritten += g + "\n";
    }
    if (update) {
      ASSERT_TRUE(env->WriteFile(path, rewritten).ok());
    }
  }
  EXPECT_GE(checked, 20);
}

// ---- unit tests ----

TEST(Timex, TenseDecidesWeekdayDirection) {
  const Date dct{2024, 6, 19};  // Wednesday
  const std::string past = "The ministers met on Tuesday.";
  const std::string future = "The ministers will meet on Tuesday.";
  auto p = TagText(past, dct, {});
  auto f = TagText(future, dct, {});
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(p[0].value, "2024-06-18");
  EXPECT_EQ(f[0].value, "2024-06-25");
  EXPECT_EQ(p[0].anchor, TimexAnchor::kDct);
  EXPECT_TRUE(p[0].relative);
}

TEST(Timex, WeekdayArithmeticCrossesMonthAndYearEnds) {
  // DCT Tuesday 2024-10-01: last Friday is in September.
  auto a = TagText("Officials said on Friday that the plan failed.",
                   Date{2024, 10, 1}, {});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].value, "2024-09-27");
  // DCT Saturday 2022-12-31: the coming Monday is in the next year.
  auto b =
      TagText("Parliament will reconvene on Monday.", Date{2022, 12, 31}, {});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].value, "2023-01-02");
  // Same-day weekday in past narration is the DCT itself.
  auto c = TagText("The vote was held Saturday.", Date{2022, 12, 31}, {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, "2022-12-31");
  // "next week" across a year end is an ISO week of the next ISO year.
  auto d = TagText("Talks resume next week.", Date{2024, 12, 27}, {});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].value, "2025-W01");
}

TEST(Timex, NoAnchorLeavesValuesUnderspecified) {
  const std::string text =
      "He arrived on Tuesday, left on 13 September and returns next month.";
  auto v = TagText(text, std::nullopt, {});
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].value, "XXXX-WXX-2");
  EXPECT_EQ(v[1].value, "XXXX-09-13");
  EXPECT_EQ(v[2].value, "XXXX-XX");
  for (const Timex& t : v) {
    EXPECT_EQ(t.anchor, TimexAnchor::kNone);
    EXPECT_TRUE(t.relative);
  }
}

TEST(Timex, AbsoluteDatesAreNotRelative) {
  auto v = TagText("Signed on 13 September 2023.", Date{2024, 1, 1}, {});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].value, "2023-09-13");
  EXPECT_EQ(v[0].anchor, TimexAnchor::kNone);
  EXPECT_FALSE(v[0].relative);
}

TEST(Timex, InferredAnchorKindIsRecorded) {
  TimeOptions opt;
  opt.anchor_kind = TimexAnchor::kInferred;
  auto v = TagText("It rained yesterday.", Date{2024, 3, 1}, opt);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].value, "2024-02-29");
  EXPECT_EQ(v[0].anchor, TimexAnchor::kInferred);
}

TEST(Timex, NumbersInWords) {
  const std::string text =
      "It took twenty-one days, then ninety nine years, a dozen months, "
      "one hundred years and two weeks.";
  auto v = TagText(text, std::nullopt, {});
  std::vector<std::string> values;
  for (const Timex& t : v) values.push_back(t.value);
  EXPECT_EQ(values,
            (std::vector<std::string>{"P21D", "P99Y", "P12M", "P100Y", "P2W"}));
}

TEST(Timex, ModalMayAndVerbMarchAreNotMonths) {
  const Date dct{2024, 6, 19};
  EXPECT_TRUE(TagText("Kim may meet Putin soon.", dct, {}).empty());
  EXPECT_TRUE(TagText("May I ask a question?", dct, {}).empty());
  EXPECT_TRUE(TagText("Thousands march through the city.", dct, {}).empty());
  EXPECT_TRUE(TagText("They will March to the square.", dct, {}).empty());
  // ...but the months are found where they are dates.
  const std::string text = "The law passed in May and took effect on March 3.";
  auto v = TagText(text, dct, {});
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].value, "2024-05");
  EXPECT_EQ(v[1].value, "2024-03-03");
}

TEST(Timex, NamesAndCountsAreNotDates) {
  const Date dct{2024, 6, 19};
  EXPECT_TRUE(
      TagText("The Sunday Times and the Friday Prayers.", dct, {}).empty());
  EXPECT_TRUE(TagText("Officials counted 2019 people and 1,850 cars.", dct, {})
                  .empty());
  EXPECT_TRUE(
      TagText("The index closed at 2045 points, up 3.5%.", dct, {}).empty());
  EXPECT_TRUE(TagText("Prices fall in spring sales.", dct, {}).size() <= 1);
  EXPECT_TRUE(TagText("Call 555-2019 or visit room 1999.", dct, {}).empty());
}

TEST(Timex, YearsNeedContext) {
  const Date dct{2024, 6, 19};
  auto v = TagText("Since 2019 the group has grown; by 2030 it may double.",
                   dct, {});
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].value, "2019");
  EXPECT_EQ(v[1].value, "2030");
}

TEST(Timex, SpansExcludePrepositions) {
  const std::string text =
      "Talks resumed on Monday and ended in the third quarter.";
  auto v = TagText(text, Date{2024, 6, 19}, {});
  EXPECT_NE(Find(v, text, "Monday"), nullptr);
  EXPECT_NE(Find(v, text, "the third quarter"), nullptr);
}

TEST(Timex, AnaphoricDatesFollowTheLastMention) {
  const std::string text =
      "The flood hit on 2 March 2020. Three days later the dam broke. "
      "A year earlier engineers had warned.";
  auto v = TagText(text, Date{2024, 6, 19}, {});
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[1].value, "2020-03-05");
  EXPECT_EQ(v[2].value, "2019-03-05");
}

TEST(Timex, TagTimesUsesSentencesWhenPresent) {
  DocAnalysis a;
  a.doc.text = "Leaders met Tuesday. They will meet again Friday";
  // Two sentences given by hand, as the nlp stage would.
  Sentence s1;
  s1.span = {0, 20};
  Sentence s2;
  s2.span = {21, static_cast<uint32_t>(a.doc.text.size())};
  a.sentences = {s1, s2};
  a.times.push_back(Timex{});  // replaced, not appended to
  TagTimes(Date{2024, 6, 19}, {}, &a);
  ASSERT_EQ(a.times.size(), 2u);
  EXPECT_EQ(a.times[0].value, "2024-06-18");
  EXPECT_EQ(a.times[1].value, "2024-06-21");
}

TEST(Timex, SpansAreValidOnHostileInput) {
  std::string junk;
  for (int i = 0; i < 2000; ++i)
    junk += "\xE2\x80\x93 1/1/1 May - 12:99 \xC3\xA9 the ";
  auto v = TagText(junk, Date{2024, 6, 19}, {});
  for (const Timex& t : v) {
    EXPECT_LE(t.span.begin, t.span.end);
    EXPECT_LE(t.span.end, junk.size());
  }
  TimeOptions capped;
  capped.max_timexes = 3;
  std::string many;
  for (int i = 0; i < 50; ++i) many += "On 1 May 2020 and ";
  EXPECT_EQ(TagText(many, std::nullopt, capped).size(), 3u);
}

TEST(Timex, ComputedHolidays) {
  // Easter moves: 2019-04-21, 2024-03-31, 2038-04-25 (the latest possible).
  EXPECT_EQ(TagText("Easter 2019", std::nullopt, {})[0].value, "2019-04-21");
  EXPECT_EQ(TagText("Easter 2024", std::nullopt, {})[0].value, "2024-03-31");
  EXPECT_EQ(TagText("Easter 2038", std::nullopt, {})[0].value, "2038-04-25");
  // Last Monday of May; fourth Thursday of November.
  EXPECT_EQ(TagText("Memorial Day 2021", std::nullopt, {})[0].value,
            "2021-05-31");
  EXPECT_EQ(TagText("Thanksgiving 2023", std::nullopt, {})[0].value,
            "2023-11-23");
  // Common words stay words.
  EXPECT_TRUE(
      TagText("a new year of good news", Date{2024, 6, 19}, {}).empty());
}

}  // namespace
}  // namespace synoptic::time
