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

std::vector<std::string> TagIn(std::string_view language, std::string_view text,
                               std::optional<Date> dct) {
  TimeOptions o;
  o.language = std::string(language);
  std::vector<std::string> out;
  for (const Timex& t : TagText(text, dct, o)) out.push_back(Describe(text, t));
  return out;
}

TEST(Timex, MonthNamesOfTheDocumentsLanguage) {
  using V = std::vector<std::string>;
  EXPECT_EQ(TagIn("fr", "Le sommet du 13 septembre 2023 à Vostotchny.", {}),
            V{"[13 septembre 2023] DATE 2023-09-13 none"});
  EXPECT_EQ(TagIn("fr", "Depuis le 1er janvier 2020.", {}),
            V{"[1er janvier 2020] DATE 2020-01-01 none"});
  EXPECT_EQ(TagIn("de", "Am 13. September 2023 und im März 2024.", {}),
            (V{"[13. September 2023] DATE 2023-09-13 none",
               "[März 2024] DATE 2024-03 none"}));
  EXPECT_EQ(TagIn("es", "La cumbre del 13 de septiembre de 2023.", {}),
            V{"[13 de septiembre de 2023] DATE 2023-09-13 none"});
  EXPECT_EQ(TagIn("pt-BR", "A visita de junho de 2024.", {}),
            V{"[junho de 2024] DATE 2024-06 none"});
  EXPECT_EQ(TagIn("pl", "Spotkanie 13 września 2023 r.", {}),
            V{"[13 września 2023] DATE 2023-09-13 none"});
  EXPECT_EQ(TagIn("ru", "Встреча 13 сентября 2023 года.", {}),
            V{"[13 сентября 2023] DATE 2023-09-13 none"});
  EXPECT_EQ(TagIn("nl", "Op 13 maart 2023 in Den Haag.", {}),
            V{"[13 maart 2023] DATE 2023-03-13 none"});
  // Weekdays too, resolved like English ones ("mardi" is a "Mardi Gras"
  // cue in English).
  EXPECT_EQ(TagIn("fr", "Mardi, les dirigeants ont signé.", Date{2023, 9, 15}),
            V{"[Mardi] DATE 2023-09-12 dct rel"});
}

TEST(Timex, ForeignNamesOnlyInTheirLanguage) {
  using V = std::vector<std::string>;
  // English "Mars" is the planet; "mayo" and "13 de" mean nothing.
  EXPECT_EQ(Tag("NASA built Mars 2020 rovers.", std::nullopt), V{});
  EXPECT_EQ(TagIn("fr", "Mars 2020 fut froid.", {}),
            V{"[Mars 2020] DATE 2020-03 none"});
  EXPECT_EQ(Tag("On 13 de mayo de 2023.", std::nullopt), V{});
  EXPECT_EQ(TagIn("en", "Le 13 septembre 2023.", {}), V{});
  // An unsupported language reads as English.
  EXPECT_EQ(TagIn("xx", "On 13 September 2023.", {}),
            V{"[13 September 2023] DATE 2023-09-13 none"});
}

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

TEST(Timex, MoreHolidaysByRule) {
  auto v = [](std::string_view text) {
    auto t = TagText(text, std::nullopt, {});
    return t.size() == 1 ? t[0].value : "(" + std::to_string(t.size()) + ")";
  };
  EXPECT_EQ(v("black friday 2013"), "2013-11-29");
  EXPECT_EQ(v("St. Patrick's Day 2019"), "2019-03-17");
  EXPECT_EQ(v("Pentecost 2013"), "2013-05-19");
  EXPECT_EQ(v("whit monday 2013"), "2013-05-20");
  EXPECT_EQ(v("Orthodox Easter 2018"), "2018-04-08");
  EXPECT_EQ(v("Orthodox Easter 2016"), "2016-05-01");
  EXPECT_EQ(v("Martin Luther King Day 2014"), "2014-01-20");
  // Boss's Day moves off weekends: 16 Oct 2016 is a Sunday.
  EXPECT_EQ(v("boss's day 2016"), "2016-10-17");
  EXPECT_EQ(v("new year's eve 2020"), "2020-12-31");
  // The words alone are not holidays.
  EXPECT_TRUE(TagText("a black cat on a palm tree", Date{2024, 6, 19}, {})
                  .empty());
}

TEST(Timex, DayAfterTomorrowAndDayBeforeYesterday) {
  const Date dct{2024, 2, 28};
  auto a = TagText("They return the day after tomorrow.", dct, {});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].value, "2024-03-01");
  auto b = TagText("He left the day before yesterday.", dct, {});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].value, "2024-02-26");
}

TEST(Timex, DayOfMonthForms) {
  const Date dct{2024, 6, 19};
  auto one = [&](std::string_view text) {
    auto t = TagText(text, dct, {});
    return t.size() == 1 ? Describe(text, t[0]) : std::to_string(t.size());
  };
  EXPECT_EQ(one("It ends on the first of march 2025."),
            "[first of march 2025] DATE 2025-03-01 none");
  EXPECT_EQ(one("It began on February the 15th 2021."),
            "[February the 15th 2021] DATE 2021-02-15 none");
  EXPECT_EQ(one("The vote is on the first Tuesday of October 2014."),
            "[the first Tuesday of October 2014] DATE 2014-10-07 none");
  EXPECT_EQ(one("Filing closes on the last day of February 2016."),
            "[the last day of February 2016] DATE 2016-02-29 none");
  // "on the 15th" alone: this month's, or next month's when ahead.
  EXPECT_EQ(one("Payments resumed on the 15th."),
            "[the 15th] DATE 2024-06-15 dct rel");
  EXPECT_EQ(one("The board will meet on the 2nd."),
            "[the 2nd] DATE 2024-07-02 dct rel");
  // A day range before its month: the first day is a date of its own.
  auto r = TagText("The fair runs from 13 to 15 July 2024.", dct, {});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(Describe("The fair runs from 13 to 15 July 2024.", r[0]),
            "[13] DATE 2024-07-13 none");
  EXPECT_EQ(r[1].value, "2024-07-15");
}

TEST(Timex, ClockForms) {
  const Date dct{2024, 6, 19};
  auto one = [&](std::string_view text) {
    auto t = TagText(text, dct, {});
    return t.size() == 1 ? t[0].value : std::to_string(t.size());
  };
  EXPECT_EQ(one("Doors open at 15h30."), "2024-06-19T15:30");
  EXPECT_EQ(one("Doors open at 15h."), "2024-06-19T15:00");
  EXPECT_EQ(one("The call starts at 3:30p today"), "2024-06-19T15:30");
  EXPECT_EQ(one("It was 8 in the evening"), "2024-06-19T20:00");
  EXPECT_EQ(one("They left at a quarter past 3pm"), "2024-06-19T15:15");
  EXPECT_EQ(one("They left at half past three"), "2024-06-19T03:30");
  EXPECT_EQ(one("It ended at ten to midnight"), "2024-06-19T23:50");
  EXPECT_EQ(one("The rally starts tomorrow afternoon at 5"),
            "2024-06-20T17:00");
  EXPECT_EQ(one("The rally starts 8 tonight"), "2024-06-19T20:00");
  EXPECT_EQ(one("Trading halted at 1030 GMT"), "2024-06-19T10:30");
  // The second clock's pm holds for the first in a range.
  auto r = TagText("Polls open 3-4pm", dct, {});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].value, "2024-06-19T15:00");
  EXPECT_EQ(r[1].value, "2024-06-19T16:00");
  // Counts and phone numbers are not clocks.
  auto d = TagText("It takes two to three weeks.", dct, {});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].type, TimexType::kDuration);
  EXPECT_TRUE(TagText("call at 650-650-6500", dct, {}).empty());
  EXPECT_TRUE(TagText("shares fell to about 549, then rose", dct, {}).empty());
}

TEST(Timex, PossessiveWeekdayLooksBack) {
  // DCT Monday 1989-10-30: "Thursday's" is last Thursday even in a sentence
  // about the future.
  auto t = TagText("Traders will study Thursday's closing price.",
                   Date{1989, 10, 30}, {});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "1989-10-26");
}

TEST(Timex, WeekdayPicksTheYearOfItsDate) {
  // 10 Feb is a Sunday in 2013, not in 2014.
  TimeOptions future;
  future.unknown_tense_is_future = true;
  auto t = TagText("Sunday, Feb 10", Date{2013, 2, 12}, future);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2013-02-10");
}

TEST(Timex, UnknownTenseIsFutureForAssistants) {
  TimeOptions future;
  future.unknown_tense_is_past = false;
  future.unknown_tense_is_future = true;
  const Date dct{2013, 2, 12};  // Tuesday
  auto f = TagText("friday", dct, future);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, "2013-02-15");
  auto t = TagText("tuesday", dct, future);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2013-02-19");
  auto x = TagText("christmas", dct, future);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].value, "2013-12-25");
  // An explicit past cue still wins.
  auto p = TagText("We met on friday.", dct, future);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].value, "2013-02-08");
}

TEST(Timex, SinceAndSeasonsLookBack) {
  // "since March" is before the DCT whatever the verb says.
  auto a = TagText("The carrier has been on patrol since March and will "
                   "return next month.",
                   Date{1990, 2, 13}, {});
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a[0].value, "1989-03");
  // In February, last fall is the fall of the previous year.
  auto b = TagText("Hiring began last fall.", Date{1998, 2, 6}, {});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].value, "1997-FA");
}

TEST(Timex, FractionalDurations) {
  const Date dct{2024, 6, 19};
  auto v = [&](std::string_view text) {
    auto t = TagText(text, dct, {});
    return t.size() == 1 ? t[0].value : std::to_string(t.size());
  };
  EXPECT_EQ(v("It lasted half an hour."), "PT30M");
  EXPECT_EQ(v("It lasted a quarter of an hour."), "PT15M");
  EXPECT_EQ(v("It lasted three-quarters of an hour."), "PT45M");
  EXPECT_EQ(v("It lasted 2 1/2 years."), "P2Y6M");
  EXPECT_EQ(v("It lasted five and a half hours."), "PT5H30M");
  EXPECT_EQ(v("It lasted a minute and a half."), "PT1M30S");
  EXPECT_EQ(v("It lasted 2.5 hours."), "PT2H30M");
  EXPECT_EQ(v("It lasted half a day."), "PT12H");
}

TEST(Timex, QuartersNamedWithTheirYear) {
  const Date dct{1989, 10, 26};
  auto v = [&](std::string_view text) {
    auto t = TagText(text, dct, {});
    return t.size() == 1 ? t[0].value : std::to_string(t.size());
  };
  EXPECT_EQ(v("Profit fell from the 1988 third quarter."), "1988-Q3");
  EXPECT_EQ(v("Sales rose in this year's second quarter."), "1989-Q2");
  EXPECT_EQ(v("Output will grow in next year's first quarter."), "1990-Q1");
  // The latest quarter is the last finished one.
  EXPECT_EQ(v("Earnings rose in the latest quarter."), "1989-Q3");
}

TEST(Timex, EarliestDateLooksAhead) {
  // DCT Monday 2000-04-03: "as early as Tuesday" is tomorrow even though
  // the sentence narrates in the past.
  auto t = TagText("Officials said he could arrive as early as Tuesday.",
                   Date{2000, 4, 3}, {});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2000-04-04");
}

TEST(Timex, AnaphoricAndRelativeUnits) {
  const Date dct{2013, 2, 12};
  auto last = [&](std::string_view text) {
    auto t = TagText(text, dct, {});
    return t.empty() ? std::string("-") : t.back().value;
  };
  EXPECT_EQ(last("The plant opened in 1988 and closed later that year."),
            "1988");
  EXPECT_EQ(last("Rent is due on the 20th of next month."), "2013-03-20");
  EXPECT_EQ(last("Shipments resume the week of March 6."), "2013-W10");
  EXPECT_EQ(last("Sales will peak at Thanksgiving of next year."),
            "2014-11-27");
  EXPECT_EQ(last("The pageant was on Easter Sunday two thousand ten."),
            "2010-04-04");
  EXPECT_EQ(last("Profit rose in the latest period."), "2012-Q4");
  // Seasons: in February, "this summer" is the coming one, "this winter"
  // the one under way, "last fall" the previous year's.
  EXPECT_EQ(last("Prices rise this summer."), "2013-SU");
  EXPECT_EQ(last("This winter was cold."), "2012-WI");
  EXPECT_EQ(last("Prices rose last fall."), "2012-FA");
}

TEST(Timex, SpelledClocksAndPartsOfDay) {
  const Date dct{2013, 2, 12};
  auto v = [&](std::string_view text) {
    auto t = TagText(text, dct, {});
    return t.size() == 1 ? t[0].value : std::to_string(t.size());
  };
  EXPECT_EQ(v("The bell rang at ten thirty am"), "2013-02-12T10:30");
  EXPECT_EQ(v("The bell rang at four twenty-three p.m."), "2013-02-12T16:23");
  EXPECT_EQ(v("The bell rang at eight tonight"), "2013-02-12T20:00");
  EXPECT_EQ(v("We met on Feb. 15 in the morning"), "2013-02-15TMO");
  // An hour glued to "h" after "in" is a length, not a clock.
  auto d = TagText("Back in 1h", dct, {});
  for (const Timex& t : d) EXPECT_NE(t.type, TimexType::kTime);
}

// ---- issue 5: phenomena added with the tuning/check split ----

TimeOptions Assistant(int minute_of_day, std::optional<int> utc_offset) {
  TimeOptions o;
  o.unknown_tense_is_past = false;
  o.unknown_tense_is_future = true;
  o.anchor_minute_of_day = minute_of_day;
  o.anchor_utc_offset_minutes = utc_offset;
  return o;
}

std::string OneValue(std::string_view text, std::optional<Date> dct,
                     const TimeOptions& o) {
  auto t = TagText(text, dct, o);
  return t.size() == 1 ? t[0].value : "(" + std::to_string(t.size()) + ")";
}

TEST(Timex, ClockWithAnchorTimeOfDayIsTheNextSuchTime) {
  const Date dct{2021, 5, 4};
  const TimeOptions at_0430 = Assistant(4 * 60 + 30, std::nullopt);
  // Said at 04:30: 3 a.m. has passed, so it is tomorrow's; a bare "3:30"
  // is this afternoon's; a time in the current hour is not past yet.
  EXPECT_EQ(OneValue("Wake me at 3am", dct, at_0430), "2021-05-05T03:00");
  EXPECT_EQ(OneValue("Call her at 3:30", dct, at_0430), "2021-05-04T15:30");
  EXPECT_EQ(OneValue("It starts at 4:45", dct, at_0430), "2021-05-04T04:45");
  EXPECT_EQ(OneValue("Lunch at 12:15", dct, at_0430), "2021-05-04T12:15");
  // A news DCT has no time of day: the stated clock on the DCT's day.
  EXPECT_EQ(OneValue("The blast came at 3am", dct, {}), "2021-05-04T03:00");
}

TEST(Timex, ZonedClocksConvertOnlyWhenTheAnchorZoneIsKnown) {
  const Date dct{2021, 5, 4};  // Tuesday
  const TimeOptions utc_minus_2 = Assistant(-1, -120);
  EXPECT_EQ(OneValue("Thursday 8:00 GMT", dct, utc_minus_2),
            "2021-05-06T06:00");
  EXPECT_EQ(OneValue("Thursday 9 am (BST)", dct, utc_minus_2),
            "2021-05-06T06:00");
  EXPECT_EQ(OneValue("the call is at 8:00 pst", dct, utc_minus_2),
            "2021-05-04T14:00");
  // Crossing midnight backwards moves the day.
  EXPECT_EQ(OneValue("Friday 1:00 GMT", dct, utc_minus_2), "2021-05-06T23:00");
  // Without the anchor's zone TimeML keeps the stated wall-clock time.
  EXPECT_EQ(OneValue("Trading will resume Thursday 8:00 GMT", dct, {}),
            "2021-05-06T08:00");
}

TEST(Timex, ClockRangesShareTheirDay) {
  const Date dct{2021, 5, 4};  // Tuesday
  TimeOptions future = Assistant(-1, std::nullopt);
  auto v = TagText("between 9:30 and 11:00 on Thursday", dct, future);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].value, "2021-05-06T09:30");
  EXPECT_EQ(v[1].value, "2021-05-06T11:00");
  auto w = TagText("The office is open Friday from 9 to 11 a.m.", dct, future);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[1].value, "2021-05-07T09:00");
  EXPECT_EQ(w[2].value, "2021-05-07T11:00");
  // A spelled second clock lends its pm to the first.
  auto x = TagText("from 3:30 to six p.m.", dct, future);
  ASSERT_EQ(x.size(), 2u);
  EXPECT_EQ(x[0].value, "2021-05-04T15:30");
}

TEST(Timex, WeeksAndDaysCountedWithinAMonthOrYear) {
  auto v = [](std::string_view text) {
    return OneValue(text, Date{2013, 2, 12}, {});
  };
  // Weeks of a month are the Monday-to-Sunday weeks wholly inside it.
  EXPECT_EQ(v("the first week of October 2014"), "2014-W41");
  EXPECT_EQ(v("in the last week of September 2014"), "2014-W39");
  EXPECT_EQ(v("the second last week of October 2018"), "2018-W42");
  EXPECT_EQ(v("the third last week of 2018"), "2018-W50");
  EXPECT_EQ(v("the fifth last day of May 2013"), "2013-05-27");
  EXPECT_EQ(v("the last weekend of October 2013"), "2013-W43-WE");
  // No DCT, no year: underspecified, never guessed.
  EXPECT_EQ(OneValue("the first week of March", std::nullopt, {}), "XXXX-WXX");
}

TEST(Timex, CountedWeekdays) {
  const Date dct{2013, 2, 12};  // Tuesday
  EXPECT_EQ(OneValue("three Fridays from now", dct, {}), "2013-03-01");
  EXPECT_EQ(OneValue("They met 2 Thursdays ago.", dct, {}), "2013-01-31");
  EXPECT_EQ(OneValue("We fly the Friday after next.", dct, {}), "2013-02-22");
  auto s = TagText("The market opens on Sundays.", dct, {});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].type, TimexType::kSet);
  EXPECT_EQ(s[0].value, "XXXX-WXX-7");
}

TEST(Timex, FractionsOfAnHourAndClockWords) {
  const Date dct{2013, 2, 12};
  EXPECT_EQ(OneValue("back in 1/2 hour", dct, {}), "PT30M");
  EXPECT_EQ(OneValue("back in 3/4h", dct, {}), "PT45M");
  EXPECT_EQ(OneValue("back in 1h", dct, {}), "PT1H");
  EXPECT_EQ(OneValue("at 3 o'clock in the afternoon", dct, {}),
            "2013-02-12T15:00");
  EXPECT_EQ(OneValue("at 3 oclock pm", dct, {}), "2013-02-12T15:00");
  EXPECT_EQ(OneValue("the bus left around 1030", dct, {}), "2013-02-12T10:30");
  EXPECT_EQ(OneValue("the bus left 330 p.m.", dct, {}), "2013-02-12T15:30");
  EXPECT_EQ(OneValue("Prices are high at the moment", dct, {}), "PRESENT_REF");
  // Scores and counts stay what they are.
  EXPECT_TRUE(TagText("He scored 1/2 of the goals.", dct, {}).empty());
}

TEST(Timex, WeekdayAbbreviationsThatAreNoWords) {
  const Date dct{2013, 2, 12};
  TimeOptions future = Assistant(-1, std::nullopt);
  EXPECT_EQ(OneValue("thu", dct, future), "2013-02-14");
  EXPECT_EQ(OneValue("Fri.", dct, future), "2013-02-15");
  EXPECT_EQ(OneValue("Sat at 8 pm", dct, future), "2013-02-16T20:00");
  // "sun", "sat", "wed", "mon" alone are words.
  EXPECT_TRUE(TagText("The sun sat low and they wed.", dct, future).empty());
}

TEST(Timex, YearsInListsAndAttributiveYears) {
  const Date dct{1999, 4, 19};
  auto values = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const Timex& t : TagText(text, dct, {})) out.push_back(t.value);
    return out;
  };
  EXPECT_EQ(values("It happened in 1994, 1995 and 1997."),
            (std::vector<std::string>{"1994", "1995", "1997"}));
  EXPECT_EQ(values("Earnings fall in both 1990 and 1991."),
            (std::vector<std::string>{"1990", "1991"}));
  EXPECT_EQ(values("He bought bonds due 1993."),
            (std::vector<std::string>{"1993"}));
  EXPECT_EQ(values("That 1978 resolution stands."),
            (std::vector<std::string>{"1978"}));
  // Counts in a list are not years.
  EXPECT_TRUE(values("They sent 1500 and 1600 troops.").empty());
}

TEST(Timex, AccountingYearEndedIsALength) {
  const std::string text =
      "Revenue rose in the fiscal year ended March 31, 1999.";
  auto v = TagText(text, Date{1999, 6, 1}, {});
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(Describe(text, v[0]), "[the fiscal year] DURATION P1Y none");
  EXPECT_EQ(v[1].value, "1999-03-31");
}

TEST(Timex, DaysCountedFromAStatedDay) {
  EXPECT_EQ(
      OneValue("They met three days after Easter 2013.", std::nullopt, {}),
      "2013-04-03");
  EXPECT_EQ(
      OneValue("It closed two weeks before May 3, 2020.", std::nullopt, {}),
      "2020-04-19");
}

// ---- feasts of other calendars (internal/calendars.h) ----

TEST(Timex, HebrewFeastsBeginTheEveningBefore) {
  // The Hebrew day runs from sunset: Passover 5784 (15 Nisan = 23 April
  // 2024) begins on the evening of 22 April.
  EXPECT_EQ(OneValue("Passover 2024", std::nullopt, {}), "2024-04-22");
  EXPECT_EQ(OneValue("Hanukkah 2023", std::nullopt, {}), "2023-12-07");
  EXPECT_EQ(OneValue("Rosh Hashanah 2023", std::nullopt, {}), "2023-09-15");
  EXPECT_EQ(OneValue("Yom Kippur 2024", std::nullopt, {}), "2024-10-11");
  // Independence Day moves off a Monday (5 Iyar 5784 = 13 May 2024) to
  // Tuesday, so it begins on the evening of the 13th, not the 12th.
  EXPECT_EQ(OneValue("Yom Ha'atzmaut 2024", std::nullopt, {}), "2024-05-13");
  const Date dct{2024, 3, 1};
  auto t = TagText("Unlike last Passover, the families will gather after "
                   "next Passover.",
                   dct, {});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2023-04-05");
  EXPECT_EQ(t[1].value, "2024-04-22");
  EXPECT_EQ(t[1].anchor, TimexAnchor::kDct);
  EXPECT_EQ(OneValue("The vote is set for Passover of next year.", dct, {}),
            "2025-04-12");
}

TEST(Timex, IslamicFeastsFollowUmmAlQura) {
  EXPECT_EQ(OneValue("Ramadan 2024", std::nullopt, {}), "2024-03-11");
  EXPECT_EQ(OneValue("Eid al-Fitr 2024", std::nullopt, {}), "2024-04-10");
  EXPECT_EQ(OneValue("Eid al-Adha 2024", std::nullopt, {}), "2024-06-16");
  // A lunar feast can come twice in one Gregorian year: the first counts.
  EXPECT_EQ(OneValue("Eid ul-Fitr 2000", std::nullopt, {}), "2000-01-08");
  // News: the DCT anchors it, and tense picks the side.
  const Timex* x = nullptr;
  auto news = TagText("Talks will resume after Eid al-Fitr, officials said.",
                      Date{2024, 3, 25}, {});
  x = Find(news, "Talks will resume after Eid al-Fitr, officials said.",
           "Eid al-Fitr");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->value, "2024-04-10");
  EXPECT_EQ(x->anchor, TimexAnchor::kDct);
  EXPECT_TRUE(x->relative);
  const Date may{2024, 5, 1};
  EXPECT_EQ(OneValue("Markets were closed during Ramadan.", may, {}),
            "2024-03-11");
  // Bare "Eid" is either feast: the last one before the anchor was al-Fitr,
  // the next one is al-Adha.
  EXPECT_EQ(OneValue("He went home for last Eid.", may, {}), "2024-04-10");
  EXPECT_EQ(OneValue("He will go home for next Eid.", may, {}), "2024-06-16");
}

TEST(Timex, FeastsWithoutAnchorStayUnderspecified) {
  auto t = TagText("Talks will resume after Eid al-Fitr.", std::nullopt, {});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "XXXX-XX-XX");
  EXPECT_EQ(t[0].anchor, TimexAnchor::kNone);
  EXPECT_TRUE(t[0].relative);
  EXPECT_EQ(OneValue("ahead of the Lunar New Year", std::nullopt, {}),
            "XXXX-XX-XX");
  EXPECT_EQ(OneValue("during Diwali", std::nullopt, {}), "XXXX-XX-XX");
}

TEST(Timex, ChineseFeasts) {
  EXPECT_EQ(OneValue("Lunar New Year 2024", std::nullopt, {}), "2024-02-10");
  EXPECT_EQ(OneValue("the Mid-Autumn Festival 2024", std::nullopt, {}),
            "2024-09-17");
  EXPECT_EQ(OneValue("Shops shut ahead of the Lunar New Year.",
                     Date{2025, 1, 20}, {}),
            "2025-01-29");
  // Words of common English need a capital or a year.
  EXPECT_TRUE(TagText("a spring festival of music", Date{2024, 6, 1}, {})
                  .empty());
}

TEST(Timex, HinduFeastsFromSunAndMoon) {
  // Lunar: the day whose sunrise (or the feast's own hour) falls in the
  // tithi; solar: the day the sun enters the sidereal sign.
  EXPECT_EQ(OneValue("Diwali 2023", std::nullopt, {}), "2023-11-12");
  EXPECT_EQ(OneValue("Holi 2024", std::nullopt, {}), "2024-03-25");
  EXPECT_EQ(OneValue("Navratri 2023", std::nullopt, {}), "2023-10-15");
  EXPECT_EQ(OneValue("Ganesh Chaturthi 2023", std::nullopt, {}),
            "2023-09-19");
  EXPECT_EQ(OneValue("Raksha Bandhan 2024", std::nullopt, {}), "2024-08-19");
  EXPECT_EQ(OneValue("Makar Sankranti 2024", std::nullopt, {}), "2024-01-15");
  EXPECT_EQ(OneValue("Markets will close for Diwali.", Date{2024, 10, 1}, {}),
            "2024-10-31");
}

TEST(Timex, ManyFeastNamesStayCheap) {
  // One computation per (feast, year), a bounded number per text.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Diwali 2020, Ramadan 2021. ";
  for (int y = 1800; y < 2200; ++y) text += "Holi " + std::to_string(y) + ". ";
  auto t = TagText(text, Date{2024, 1, 1}, {});
  ASSERT_GE(t.size(), 4000u);
  EXPECT_EQ(t[0].value, "2020-11-14");
  EXPECT_EQ(t[3999].value, "2021-04-13");
}

TEST(Timex, EasterCycleSeasons) {
  EXPECT_EQ(OneValue("Lent 2024", std::nullopt, {}), "2024-02-14");
  EXPECT_EQ(OneValue("Great Lent 2024", std::nullopt, {}), "2024-03-18");
  EXPECT_TRUE(TagText("The bank lent them money.", Date{2024, 3, 1}, {})
                  .empty());
}

TEST(Timex, HolidayOfAShiftedYear) {
  const Date dct{2013, 2, 12};
  EXPECT_EQ(OneValue("Diwali in five years", dct, {}), "2018-11-07");
  EXPECT_EQ(OneValue("Thanksgiving 1 year ago", dct, {}), "2012-11-22");
}

TEST(Timex, BusinessEdgeAbbreviations) {
  const Date dct{2024, 6, 19};
  auto t = TagText("Numbers are due at the EOM, targets by EOY.", dct, {});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2024-06");
  EXPECT_EQ(t[0].mod, "END");
  EXPECT_EQ(t[1].value, "2024");
  EXPECT_EQ(t[1].mod, "END");
  EXPECT_EQ(OneValue("Plans are reviewed at BOY.", dct, {}), "2024");
  // "boy" is a word; a capitalised headline is not shorthand either.
  EXPECT_TRUE(TagText("The boy left.", dct, {}).empty());
  EXPECT_TRUE(TagText("BOY RESCUED FROM RIVER", dct, {}).empty());
  EXPECT_EQ(OneValue("at the EOM", std::nullopt, {}), "XXXX-XX");
}

TEST(Timex, PartOfANamedDay) {
  const Date dct{2024, 6, 19};
  EXPECT_EQ(OneValue("on the morning of June 5", dct, {}), "2024-06-05TMO");
  EXPECT_EQ(OneValue("the evening of Christmas 2023", dct, {}),
            "2023-12-25TEV");
  // A night straddles two dates: the date alone.
  EXPECT_EQ(OneValue("the night of June 5", dct, {}), "2024-06-05");
}

// ---- issue 5, round 3: tense cues, business periods, numeric dates ----

// The value of the timex whose surface is `surface`, or "(none)".
std::string ValueOf(std::string_view text, std::optional<Date> dct,
                    std::string_view surface, const TimeOptions& o = {}) {
  const auto v = TagText(text, dct, o);
  const Timex* t = Find(v, text, surface);
  return t ? t->value : "(none)";
}

TEST(Timex, VerbRightAfterTheDayDecidesItsTense) {
  const Date dct{2000, 6, 1};  // a Thursday
  // "will remain" comes first in the sentence, but "refused" is the day's.
  const std::string text =
      "Elian will remain here even after a federal appeals court Thursday "
      "refused to order a hearing.";
  EXPECT_EQ(ValueOf(text, dct, "Thursday"), "2000-06-01");
}

TEST(Timex, SameWeekdayAsTheStoryIsThatDay) {
  const Date dct{2000, 2, 10};  // a Thursday
  EXPECT_EQ(ValueOf("Later Thursday, officials will meet again.", dct,
                    "Later Thursday"),
            "2000-02-10");
  // An assistant asked about "thursday" on a Thursday means the next one.
  TimeOptions future;
  future.unknown_tense_is_future = true;
  EXPECT_EQ(ValueOf("remind me thursday", dct, "thursday", future),
            "2000-02-17");
}

TEST(Timex, PastPerfectPlanLiesBehind) {
  const Date dct{1989, 10, 30};  // a Monday
  EXPECT_EQ(ValueOf("The offer had been due to expire Friday evening.", dct,
                    "Friday evening"),
            "1989-10-27TEV");
  EXPECT_EQ(ValueOf("The offer is due to expire Friday evening.", dct,
                    "Friday evening"),
            "1989-11-03TEV");
}

TEST(Timex, PassiveParticipleTakesTheAuxiliarysTense) {
  const Date dct{1998, 3, 4};
  EXPECT_EQ(ValueOf("She will be named commander for a mission in December.",
                    dct, "December"),
            "1998-12");
  EXPECT_EQ(ValueOf("She was named commander for a mission in December.", dct,
                    "December"),
            "1997-12");
}

TEST(Timex, DecimalPointDoesNotEndTheSentence) {
  const Date dct{1989, 10, 30};
  // The past tense of "has fluctuated" reaches "March" across "$29.75".
  EXPECT_EQ(ValueOf("The stock has fluctuated, rising to $42.875 in June "
                    "from $29.75 in March.",
                    dct, "March"),
            "1989-03");
  // "1462.93" is an index level, not the year 1462.
  EXPECT_EQ(ValueOf("The DAX dropped 19.69 points to 1462.93 in 1989.", dct,
                    "1462"),
            "(none)");
}

TEST(Timex, PastMonthThreeMonthsAheadGoesBack) {
  const Date dct{1989, 10, 27};
  EXPECT_EQ(ValueOf("In January, the company brought in a new chief.", dct,
                    "January"),
            "1989-01");
}

TEST(Timex, LatestAndYearAgoQuarters) {
  const Date dct{1989, 10, 26};
  EXPECT_EQ(ValueOf("He expects revenue in the latest quarter to total $28 "
                    "million.",
                    dct, "the latest quarter"),
            "1989-Q3");
  EXPECT_EQ(ValueOf("Net rose from $1 million in the year-ago quarter.", dct,
                    "the year-ago quarter"),
            "1988-Q3");
}

TEST(Timex, NumericMonthDayAndYearMonth) {
  const Date dct{2013, 2, 12};
  EXPECT_EQ(ValueOf("The hearing is on 2/15.", dct, "2/15"), "2013-02-15");
  EXPECT_EQ(ValueOf("Filed 4/25 at 4:00pm.", dct, "4/25 at 4:00pm"),
            "2013-04-25T16:00");
  EXPECT_EQ(ValueOf("Sales in 2014-10 rose.", dct, "2014-10"), "2014-10");
  EXPECT_EQ(ValueOf("Sales in 2014/10 rose.", dct, "2014/10"), "2014-10");
  EXPECT_EQ(ValueOf("Issued 2/2013.", dct, "2/2013"), "2013-02");
  // Fractions, spans of years and mixed numbers stay what they are.
  EXPECT_TRUE(TagText("Add 3/4 cup and 1/2 of the rest.", dct, {}).empty());
  EXPECT_EQ(ValueOf("The 2009-10 season ended.", dct, "2009-10"), "(none)");
  EXPECT_TRUE(TagText("It grew 2 5/16 inches.", dct, {}).empty());
}

TEST(Timex, ThisWeekdayFollowsTheTense) {
  const Date dct{2013, 2, 12};  // a Tuesday
  EXPECT_EQ(ValueOf("They will meet this Monday.", dct, "this Monday"),
            "2013-02-18");
  EXPECT_EQ(ValueOf("They met this Monday.", dct, "this Monday"),
            "2013-02-11");
}

TEST(Timex, ThisPastAndThisComingUnits) {
  const Date dct{2013, 2, 12};
  EXPECT_EQ(ValueOf("He left this past weekend.", dct, "this past weekend"),
            "2013-W06-WE");
  EXPECT_EQ(ValueOf("Talks resume this coming week.", dct,
                    "this coming week"),
            "2013-W08");
  // "the past year" stays a length.
  EXPECT_EQ(ValueOf("It grew in the past year.", dct, "the past year"), "P1Y");
}

TEST(Timex, MoreUnitsAndAsSoonAsPossible) {
  const Date dct{1998, 2, 27};
  EXPECT_EQ(ValueOf("They may use the base for 20 more years.", dct,
                    "20 more years"),
            "P20Y");
  EXPECT_EQ(ValueOf("Sell it as soon as possible.", dct,
                    "as soon as possible"),
            "FUTURE_REF");
  EXPECT_TRUE(TagText("Kim may meet Putin soon.", dct, {}).empty());
}

TEST(Timex, YearAfterDeterminerAndAdjective) {
  const Date dct{1998, 2, 13};
  EXPECT_EQ(ValueOf("He lost his unsuccessful 1996 campaign.", dct, "1996"),
            "1996");
  EXPECT_EQ(ValueOf("The other 1996 voters stayed home.", dct, "1996"),
            "(none)");
}

TEST(Timex, QuotedShowTitleIsNoWeek) {
  const Date dct{1990, 8, 13};
  EXPECT_EQ(ValueOf("Baker, speaking on ABC News' \"This Week,\" said so.",
                    dct, "This Week"),
            "(none)");
  EXPECT_EQ(ValueOf("This week Baker said so.", dct, "This week"),
            "1990-W33");
}

TEST(Timex, YearEndAndTheYear) {
  const Date dct{1989, 10, 30};
  EXPECT_EQ(ValueOf("It will cut 6,000 jobs by year end.", dct, "year end"),
            "1989");
  EXPECT_EQ(ValueOf("Rules should be in place by year's end.", dct,
                    "year's end"),
            "1989");
  EXPECT_EQ(ValueOf("The change is since year-end.", dct, "year-end"),
            "1988-12-31");
  EXPECT_EQ(ValueOf("It rose to a high for the year of $42.", dct,
                    "the year"),
            "1989");
  EXPECT_EQ(ValueOf("He forecast an increase for the full year.", dct,
                    "the full year"),
            "1989");
  // Not a year of its own: "the year before", "year-end results".
  EXPECT_EQ(ValueOf("It fell from $450 million the year before.", dct,
                    "the year"),
            "(none)");
  EXPECT_TRUE(TagText("Its year-end results were weak.", dct, {}).empty());
}

TEST(Timex, ArrangedDayLiesAhead) {
  const Date dct{1999, 5, 5};  // a Wednesday
  EXPECT_EQ(ValueOf("The attorney has scheduled a news conference Thursday.",
                    dct, "Thursday"),
            "1999-05-06");
  EXPECT_EQ(ValueOf("The offer had been scheduled to expire at midnight "
                    "Friday.",
                    Date{1989, 10, 30}, "midnight Friday"),
            "1989-10-27T24:00");
  // "plans for" is a noun: the past verb decides.
  EXPECT_EQ(ValueOf("On Friday, when Albright set aside vacation plans for "
                    "the trip, officials worked.",
                    Date{1998, 8, 17}, "Friday"),
            "1998-08-14");
}

TEST(Timex, ClockOffsetAndPartOfDayTakeTheirDay) {
  const Date dct{2013, 2, 12};
  EXPECT_EQ(ValueOf("Be there at 20 minutes to 2pm tomorrow.", dct,
                    "20 minutes to 2pm tomorrow"),
            "2013-02-13T13:40");
  // "in the morning" is the morning of the day last named.
  EXPECT_EQ(ValueOf("Shares fell Friday. Dealers bought in the morning.",
                    Date{1989, 10, 30}, "the morning"),
            "1989-10-27TMO");
  EXPECT_EQ(ValueOf("The store opens in the afternoon.", dct,
                    "the afternoon"),
            "2013-02-12TAF");
}

TEST(Timex, RatesDiscourseNowAndThePresentAge) {
  const Date dct{1989, 10, 26};
  // A rate after a quantity is no time of its own...
  EXPECT_TRUE(TagText("Sales should rise 8.5% annually.", dct, {}).empty());
  EXPECT_TRUE(
      TagText("The stock pays a dividend of $1.76 a year.", dct, {}).empty());
  // ...but "a year earlier" after a number still is.
  EXPECT_EQ(ValueOf("Net was $48.7 million, or $1.11 a share, a year earlier.",
                    dct, "a year earlier"),
            "1988-10-26");
  EXPECT_EQ(ValueOf("Rallies are held here annually.", dct, "annually"),
            "P1Y");
  // "Now," opening a sentence is a discourse marker; "Now officials..."
  // is the present.
  EXPECT_EQ(ValueOf("It failed. Now, he says, it works.", dct, "Now"),
            "(none)");
  EXPECT_EQ(ValueOf("It failed. Now officials say it works.", dct, "Now"),
            "PRESENT_REF");
  // "today's youth" is the present age; "today's editions" is the day.
  EXPECT_EQ(ValueOf("It is a lesson for today's youth.", dct, "today"),
            "(none)");
  EXPECT_EQ(ValueOf("It ran in today's editions.", dct, "today"),
            "1989-10-26");
}

TEST(Timex, SpelledDayOfMonth) {
  const Date dct{2013, 2, 12};
  EXPECT_EQ(ValueOf("The rent will be paid on the first.", dct, "the first"),
            "2013-03-01");
  EXPECT_EQ(ValueOf("He won on the first ballot.", dct, "the first"),
            "(none)");
}

// ---- issue 5, fourth part: assistant phrasing, numeric forms ----

TEST(Timex, AgoFromAKnownInstantIsADay) {
  const Date dct{2021, 5, 4};  // Tuesday
  const TimeOptions at_1000 = Assistant(10 * 60, std::nullopt);
  EXPECT_EQ(OneValue("I called her two weeks ago", dct, at_1000), "2021-04-20");
  EXPECT_EQ(OneValue("we moved three months ago", dct, at_1000), "2021-02-04");
  EXPECT_EQ(OneValue("they married four years ago", dct, at_1000), "2017-05");
  // A news DCT is a day: the unit's own grain, as TimeML writes it.
  EXPECT_EQ(OneValue("The plant closed two weeks ago.", dct, {}), "2021-W16");
  EXPECT_EQ(OneValue("The plant closed four years ago.", dct, {}), "2017");
}

TEST(Timex, CountOfUpcomingUnitsIsTheUnitThatFarAhead) {
  const Date dct{2021, 5, 4};  // ISO week 18
  EXPECT_EQ(OneValue("book it three upcoming weeks", dct, {}), "2021-W21");
  EXPECT_EQ(OneValue("remind me 2 coming days", dct, {}), "2021-05-06");
  EXPECT_EQ(OneValue("four upcoming months", dct, {}), "2021-09");
  // With an article it is a length.
  auto t = TagText("over the two coming weeks", dct, {});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].type, TimexType::kDuration);
}

TEST(Timex, DeicticSeason) {
  EXPECT_EQ(OneValue("plant them this season", Date{2021, 5, 4}, {}),
            "2021-SP");
  EXPECT_EQ(OneValue("it rained last season", Date{2021, 5, 4}, {}), "2020-WI");
  EXPECT_EQ(OneValue("next season we travel", Date{2021, 5, 4}, {}), "2021-SU");
  // In January the winter under way began the December before.
  EXPECT_EQ(OneValue("cold this season", Date{2021, 1, 10}, {}), "2020-WI");
  EXPECT_EQ(OneValue("next season", Date{2021, 1, 10}, {}), "2021-SP");
}

TEST(Timex, ChatClockForms) {
  const Date dct{2021, 5, 4};
  const TimeOptions at_0430 = Assistant(4 * 60 + 30, std::nullopt);
  EXPECT_EQ(OneValue("ring me at 3p", dct, at_0430), "2021-05-04T15:00");
  EXPECT_EQ(OneValue("catch the bus at 3 15", dct, at_0430),
            "2021-05-04T15:15");
  EXPECT_EQ(OneValue("lunch at 12 45", dct, at_0430), "2021-05-04T12:45");
  EXPECT_EQ(OneValue("dinner 7ish pm", dct, at_0430), "2021-05-04T19:00");
  EXPECT_EQ(OneValue("wake me at 2 in the AM", dct, at_0430),
            "2021-05-05T02:00");
  EXPECT_EQ(OneValue("meet in 3 days at 6pm", dct, at_0430),
            "2021-05-07T18:00");
  EXPECT_EQ(
      ValueOf("We eat in the evening at seven.", dct, "the evening at seven"),
      "2021-05-04T19:00");
  // Two numbers after "at" with a noun after them are no clock.
  for (const Timex& t : TagText("They sold at 3 45 cents each.", dct, {}))
    EXPECT_NE(t.type, TimexType::kTime);
}

TEST(Timex, NumericAndAbbreviatedDateForms) {
  const Date dct{2021, 5, 4};
  EXPECT_EQ(OneValue("She was born 10-31-74.", dct, {}), "1974-10-31");
  EXPECT_EQ(OneValue("Filed on 17/Mar/2003.", dct, {}), "2003-03-17");
  EXPECT_EQ(OneValue("Filed on 17-Mar-03.", dct, {}), "2003-03-17");
  // With dashes and no day past 12 it may be a score or a code.
  EXPECT_TRUE(TagText("They won 3-4-05 overall.", dct, {}).empty());
  EXPECT_EQ(OneValue("due march fifth 2019", dct, {}), "2019-03-05");
  EXPECT_TRUE(TagText("They may first ask.", dct, {}).empty());
  // A weekday after the date picks the year in which they agree.
  EXPECT_EQ(OneValue("Aug 6, Fri", dct, {}), "2021-08-06");
  EXPECT_EQ(OneValue("Aug 6, Sat", dct, {}), "2022-08-06");
  EXPECT_EQ(OneValue("sales in 2019Q3 fell", dct, {}), "2019-Q3");
  EXPECT_EQ(OneValue("the last wkend of June", dct, {}), "2021-W25-WE");
}

TEST(Timex, ZoneAfterAClockRangeHoldsForBoth) {
  const Date dct{2021, 5, 4};
  const auto t = TagText("open 9:30 - 11:00 GMT", dct, Assistant(-1, -120));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2021-05-04T07:30");
  EXPECT_EQ(t[1].value, "2021-05-04T09:00");
  // Without the anchor's zone the wall-clock times stay.
  const auto n = TagText("open 9:30 - 11:00 GMT", dct, {});
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].value, "2021-05-04T09:30");
}

TEST(Timex, NextWeekdayAndPastWeek) {
  const Date dct{2021, 5, 4};  // Tuesday
  TimeOptions future;
  future.unknown_tense_is_future = true;
  // An assistant's "next Friday" is next week's; news keeps the nearest.
  EXPECT_EQ(OneValue("see you next friday", dct, future), "2021-05-14");
  EXPECT_EQ(OneValue("They will meet next Friday.", dct, {}), "2021-05-07");
  // "past week" with no article is the last week; "the past week" a length.
  EXPECT_EQ(OneValue("at the end of past week", dct, {}), "2021-W17");
  EXPECT_EQ(OneValue("Prices rose over the past week.", dct, {}), "P1W");
}

TEST(Timex, EndOfADeferralLiesAhead) {
  const Date dct{2021, 5, 4};  // Tuesday
  // Past narration, but what is put off until a day is ahead of it.
  EXPECT_EQ(OneValue("The court adjourned the hearing until Friday.", dct, {}),
            "2021-05-07");
  EXPECT_EQ(OneValue("Officials gave the owners until 10 a.m. Thursday to "
                     "leave.",
                     dct, {}),
            "2021-05-06T10:00");
  // Without a deferral, "until" keeps the narration's past.
  EXPECT_EQ(OneValue("The court heard the case until Friday.", dct, {}),
            "2021-04-30");
}

TEST(Timex, FortnightAndPairOf) {
  const Date dct{2021, 5, 4};
  EXPECT_EQ(OneValue("The talks lasted a fortnight.", dct, {}), "P2W");
  EXPECT_EQ(OneValue("The talks lasted three fortnights.", dct, {}), "P6W");
  EXPECT_EQ(OneValue("She left a fortnight ago.", dct, {}), "2021-W16");
  EXPECT_EQ(OneValue("It took a pair of hours.", dct, {}), "PT2H");
  EXPECT_TRUE(TagText("He bought a pair of shoes.", dct, {}).empty());
}

TEST(Timex, PartsOfANamedDay) {
  const Date dct{2021, 5, 4};
  EXPECT_EQ(OneValue("We met Friday early morning.", dct, {}), "2021-04-30TMO");
  EXPECT_EQ(OneValue("We met Friday early in the morning.", dct, {}),
            "2021-04-30TMO");
  EXPECT_EQ(
      OneValue("They left Friday in the early hours of the morning.", dct, {}),
      "2021-04-30TMO");
  EXPECT_EQ(OneValue("Let us meet tomorrow at lunch.", dct, {}),
            "2021-05-05T12:00");
  EXPECT_EQ(OneValue("The sun was high at mid day.", dct, {}),
            "2021-05-04T12:00");
}

TEST(Timex, IslamicFeastsBeforeUmmAlQuraUseTheAstronomicalCalendar) {
  const Date dct{2021, 5, 4};
  // 10 Dhu al-Hijjah 1393 AH: 1974-01-03 astronomically (Umm al-Qura's
  // tables give the 4th); from 1420 AH Umm al-Qura decides.
  EXPECT_EQ(
      ValueOf("Eid al-Adha 1974 fell on a Thursday.", dct, "Eid al-Adha 1974"),
      "1974-01-03");
  EXPECT_EQ(
      ValueOf("Eid al-Fitr 2023 fell on a Friday.", dct, "Eid al-Fitr 2023"),
      "2023-04-21");
}

TEST(Timex, WeeksDaysAndEras) {
  const Date dct{2021, 5, 4};  // Tuesday, ISO week 18
  EXPECT_EQ(OneValue("We go away this week-end.", dct, {}), "2021-W18-WE");
  EXPECT_EQ(OneValue("We went away last week's Monday.", dct, {}),
            "2021-04-26");
  EXPECT_EQ(OneValue("Rent is due the 20th day of next month.", dct, {}),
            "2021-06-20");
  EXPECT_EQ(OneValue("He came in 1066 A.D. and left.", dct, {}), "1066");
  EXPECT_EQ(OneValue("Caesar died in 44 BC.", dct, {}), "BC0044");
  // "ad" in lower case is a word.
  EXPECT_TRUE(TagText("They ran 200 ad spots.", dct, {}).empty());
}

TEST(Timex, MoreClockForms) {
  const Date dct{2021, 5, 4};
  EXPECT_EQ(OneValue("I said it at ten forty-five.", dct, {}),
            "2021-05-04T10:45");
  EXPECT_TRUE(TagText("It costs three twenty.", dct, {}).empty());
  EXPECT_EQ(OneValue("The bus left 10 minutes from 6pm.", dct, {}),
            "2021-05-04T18:10");
  // A range of bare hours right after a day takes that day.
  const auto t = TagText("Come on Fri 2-4pm.", dct, {});
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].value, "2021-04-30T14:00");
  EXPECT_EQ(t[2].value, "2021-04-30T16:00");
  EXPECT_EQ(ValueOf("The fair runs from the 19th to 21st aug.", dct, "19th"),
            "2021-08-19");
}

TEST(Timex, DaysCountedFromTheDayInFocus) {
  const Date dct{2021, 5, 4};  // Tuesday
  EXPECT_EQ(ValueOf("We met the day after Christmas.", dct,
                    "the day after Christmas"),
            "2020-12-26");
  // "the previous Friday" and "overnight" look back from the day the text
  // is about, not from the DCT.
  EXPECT_EQ(ValueOf("Shares rose on Friday, up from the previous Friday.", dct,
                    "previous Friday"),
            "2021-04-23");
  EXPECT_EQ(ValueOf("Shares fell on Friday after overnight losses in Asia.",
                    dct, "overnight"),
            "2021-04-29TNI");
  EXPECT_EQ(OneValue("Shares fell after overnight losses in Asia.", dct, {}),
            "2021-05-03TNI");
}

TEST(Timex, NamedYearsElectionDayAndVagueFuture) {
  const Date dct{2021, 5, 4};
  EXPECT_EQ(ValueOf("Computers may fail in the year two thousand.", dct,
                    "the year two thousand"),
            "2000");
  EXPECT_EQ(
      ValueOf("Computers may fail in the year 2000.", dct, "the year 2000"),
      "2000");
  EXPECT_EQ(ValueOf("Output is below pre-1990 levels.", dct, "pre-1990"),
            "1990");
  // "Election Day" in capitals is the American one; "election day" is
  // anyone's.
  EXPECT_EQ(OneValue("Voters go to the polls on Election Day.", dct, {}),
            "2021-11-02");
  EXPECT_TRUE(TagText("It was election day in Peru.", dct, {}).empty());
  EXPECT_EQ(OneValue("Talks resume at a later date.", dct, {}), "FUTURE_REF");
  EXPECT_EQ(OneValue("Rates will stay low in the short term.", dct, {}),
            "FUTURE_REF");
  EXPECT_TRUE(TagText("He took a short-term loan.", dct, {}).empty());
}

// ---- issue 5, fifth part: restated clocks, days of a month, plans ----
TEST(Timex, ClockRestatedInParenthesesTakesTheDayAfterIt) {
  const Date dct{2022, 3, 12};  // Saturday
  // The day after the parenthesis, or inside it, is the clock's day; the
  // expression stays the clock.
  EXPECT_EQ(ValueOf("The quake struck at 9:20 a.m. (1420 GMT) Thursday.", dct,
                    "9:20 a.m."),
            "2022-03-10T09:20");
  EXPECT_EQ(ValueOf("The ferry will leave at 6 in the morning (6 a.m. EST "
                    "Monday).",
                    dct, "6 in the morning"),
            "2022-03-14T06:00");
  // A parenthesis that restates nothing leaves the clock on the DCT.
  EXPECT_EQ(ValueOf("Polls closed at 8 p.m. (local officials) Thursday.", dct,
                    "8 p.m."),
            "2022-03-12T20:00");
}

TEST(Timex, SameDayAsAMonthIsAnUnnamedDayOfIt) {
  const Date dct{2022, 3, 12};
  EXPECT_EQ(ValueOf("The plant closed last June. Its owner sold the land "
                    "that same day.",
                    dct, "same day"),
            "2021-06-XX");
  // A day reference keeps giving that day.
  EXPECT_EQ(ValueOf("The plant closed on Feb. 3. Its owner sold the land "
                    "that same day.",
                    dct, "same day"),
            "2022-02-03");
}

TEST(Timex, ProgressivePlansLookAhead) {
  const Date dct{2022, 3, 11};  // Friday
  EXPECT_EQ(ValueOf("Farmers were planning to block the road on Monday.", dct,
                    "Monday"),
            "2022-03-14");
  EXPECT_EQ(
      ValueOf("Unions are preparing to strike on Tuesday.", dct, "Tuesday"),
      "2022-03-15");
  // Without "to" the word is no plan: "planning" of a past day.
  EXPECT_EQ(
      ValueOf("Planning was done by Monday, officials said.", dct, "Monday"),
      "2022-03-07");
}

TEST(Timex, QuarterAYearAgoAndYearAgoPeriodAfterAForecast) {
  const Date dct{2022, 5, 5};
  // "the quarter a year ago": one expression, the quarter a year back.
  EXPECT_EQ(ValueOf("Profit fell in the first quarter. For the quarter a year "
                    "ago, it earned $3 million.",
                    dct, "the quarter a year ago"),
            "2021-Q1");
  // A forecast quarter is no base for "the year-ago period": that compares
  // with a year before the last finished quarter.
  EXPECT_EQ(ValueOf("Analysts see losses through the fourth quarter of 2023. "
                    "In the year-ago period, the firm earned $2 million.",
                    dct, "the year-ago period"),
            "2021-Q1");
  // A finished quarter named last still is.
  EXPECT_EQ(ValueOf("The firm lost money in the fourth quarter of 2021. In "
                    "the year-ago period, it earned $2 million.",
                    dct, "the year-ago period"),
            "2020-Q4");
}

TEST(Timex, OneDayAfterAModalIsSomeDayAhead) {
  const Date dct{2022, 5, 5};
  EXPECT_EQ(OneValue("Robots could one day replace bus drivers.", dct, {}),
            "FUTURE_REF");
  EXPECT_EQ(OneValue("The town will one day need a bridge.", dct, {}),
            "FUTURE_REF");
  // Elsewhere it is a length.
  EXPECT_EQ(OneValue("The strike lasted one day.", dct, {}), "P1D");
  // "for a while": a length of no stated size; "a while" alone is nothing.
  EXPECT_EQ(OneValue("The road stays shut for a while.", dct, {}), "PXX");
  EXPECT_TRUE(TagText("It took a while to load.", dct, {}).empty());
}

TEST(Timex, CurrentAsAnAdjectiveIsThePresent) {
  const Date dct{2022, 5, 5};
  EXPECT_EQ(OneValue("The ferry keeps its current timetable.", dct, {}),
            "PRESENT_REF");
  EXPECT_EQ(ValueOf("Under the current rules, no one may fish here.", dct,
                    "current"),
            "PRESENT_REF");
  // With a unit it is that unit ("the current quarter"), not the adjective.
  EXPECT_EQ(OneValue("Sales rose in the current quarter.", dct, {}),
            "2022-Q2");
  // The noun, a name and the accounting terms are no time.
  EXPECT_TRUE(TagText("The current was too strong to swim.", dct, {}).empty());
  EXPECT_TRUE(TagText("The current carried the boat away.", dct, {}).empty());
  EXPECT_TRUE(
      TagText("The current account deficit widened.", dct, {}).empty());
  EXPECT_TRUE(TagText("Its current assets fell.", dct, {}).empty());
  EXPECT_TRUE(TagText("She hosts a show on Current TV.", dct, {}).empty());
}

TEST(Timex, TitlesAndIdiomsShapedLikeTimes) {
  const Date dct{2022, 5, 5};
  EXPECT_TRUE(TagText("He said so on CBS's \"60 Minutes.\"", dct, {}).empty());
  EXPECT_TRUE(TagText("She told \"48 Hours\" about it.", dct, {}).empty());
  EXPECT_TRUE(TagText("For the town, high noon comes today.", dct, {}).size() ==
              1);
  EXPECT_EQ(OneValue("For the town, high noon comes today.", dct, {}),
            "2022-05-05");
  // A plain length stays one.
  EXPECT_EQ(OneValue("The talk lasted 60 minutes.", dct, {}), "PT60M");
  EXPECT_EQ(OneValue("They met at noon.", dct, {}), "2022-05-05T12:00");
}

TEST(Timex, YearBeforeAPerYearNoun) {
  const Date dct{1989, 10, 30};
  EXPECT_EQ(OneValue("Analysts were predicting 1990 earnings of $4 a share.",
                     dct, {}),
            "1990");
  EXPECT_EQ(OneValue("Analysts expect 1990 BellSouth earnings to rise.", dct,
                     {}),
            "1990");
  // A count before another noun stays a count.
  EXPECT_TRUE(TagText("They sold 1990 cars and 2000 trucks.", dct, {}).empty());
  EXPECT_TRUE(TagText("Some 1990 workers lost jobs.", dct, {}).empty());
}

}  // namespace
}  // namespace synoptic::time
