// The word list of the TIMEX3 tagger: every English word the matchers care
// about, with its category and a small integer value.
//
// The table is a constexpr array sorted at compile time; Lookup() is a binary
// search over lower-cased ASCII and never allocates. A word may carry two
// readings ("second" is an ordinal and a unit, "upcoming" a relative word and
// a future cue). Thread-safety: immutable data, safe from any thread.
#ifndef SYNOPTIC_TIME_INTERNAL_LEXICON_H_
#define SYNOPTIC_TIME_INTERNAL_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace synoptic::time::internal {

enum class Cat : uint8_t {
  kNone = 0,
  kMonth,       // value 1..12; kFlagAbbrev for "Sep", "Sept"
  kWeekday,     // value 1..7 (ISO); kFlagAbbrev for "Tue"
  kUnit,        // value Unit; kFlagPlural for "years"
  kNumWord,     // one..ninety: value
  kOrdWord,     // first..thirtieth: value
  kMultiplier,  // hundred (100), thousand (1000), dozen (12)
  kA,           // a, an
  kVague,       // several, few, some, many, couple (count unknown)
  kDeictic,     // value Deictic
  kRel,         // value Rel
  kAgo,         // ago
  kShift,       // later (+1), earlier (-1), before (-1), after (+1)
  kPartOfDay,   // value PartOfDay
  kSeason,      // value 1 spring, 2 summer, 3 fall, 4 winter
  kPhase,       // value Phase
  kApprox,      // value Mod (about -> kApprox, over -> kMoreThan ...)
  kMoreLess,    // more (+1), less/fewer (-1): before "than"
  kThan,        // than
  kAt,          // at (also "at least")
  kLeast,       // least, most
  kEvery,       // every, each, per
  kSetAdv,      // daily, weekly...: value Unit
  kOnce,        // once (1), twice (2)
  kTimes,       // times
  kThe,
  kOf,
  kYearCtx,     // prepositions after which a bare year is a date
  kFiscal,      // fiscal
  kDet,         // its, his, their, "s" of "'s": before an attributive year
  kAmPm,        // am (0), pm (1)
  kZone,        // EST, GMT, UTC...: value ZoneValue()
  kFuture,      // will, shall, upcoming...
  kFutureIfTo,  // expected, set, due, scheduled, plans, going (+ "to")
  kPastVerb,    // irregular past forms: said, met, went...
  kPresent,     // is, are, says
  kNotVerb,     // words in -ed that are not past verbs (need, hundred)
  kOld,         // old (for "five-year-old": not a duration)
  kMid,         // mid (prefix "mid-2024")
  kHalf,        // half
  kHoliday,     // first word of a holiday name: christmas, new, good...
                // (value kFeastCue: of a feast in Feasts())
  kEdge,        // EOM, BOM, EOY, BOY: value Unit, flags 1 = start
};

enum class Unit : uint8_t {
  kNone = 0,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kWeekend,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury,
};

enum class Deictic : uint8_t {
  kToday = 1,
  kYesterday,
  kTomorrow,
  kTonight,
  kNow,
  kCurrently,
  kRecently,
  kSoon,
  kNowadays,
  kPreviously,
  kOvernight,
  kFuture,
  kFormerly,
};

enum class Rel : uint8_t {
  kLast = 1,
  kNext,
  kThis,
  kPast,
  kComing,
  kPrevious,
  kFollowing,
  kRecent,
  kCurrent,
  kLatest,
  kSame,
};

enum class PartOfDay : uint8_t {
  kMorning = 1,
  kAfternoon,
  kEvening,
  kNight,
  kNoon,
  kMidnight,
};

enum class Phase : uint8_t {
  kEarly = 1,
  kLate,
  kBeginning,
  kEnd,
  kMiddle,
  kStart,
};

enum class ModKind : uint8_t {
  kNone = 0,
  kApprox,
  kMoreThan,
  kLessThan,
  kEqualOrMore,
  kEqualOrLess,
};

// A zone's value: its UTC offset in quarter hours plus this bias.
inline constexpr int kZoneBias = 64;
inline constexpr int ZoneOffsetMinutes(uint8_t value) {
  return (static_cast<int>(value) - kZoneBias) * 15;
}

inline constexpr uint8_t kFeastCue = 2;
inline constexpr uint8_t kFlagAbbrev = 1;
inline constexpr uint8_t kFlagPlural = 2;

struct Reading {
  Cat cat = Cat::kNone;
  uint8_t value = 0;
  uint8_t flags = 0;
};

// Up to two readings of one word.
struct Readings {
  Reading r[2];
};

// Looks up an ASCII word (any case, at most 15 bytes; longer words have no
// readings). Never allocates.
Readings Lookup(std::string_view word);

// ---- Feasts dated in another calendar ----
//
// Holidays whose Gregorian date moves from year to year because they are
// fixed in a lunar, lunisolar or other calendar, or on Easter. Each names
// its calendar, the month and day there and its length; calendars.h turns
// that into the Gregorian day for a given year. The first word of every
// name is a kHoliday cue in the word table, so the names are only tried
// where such a word occurs.
enum class FeastCal : uint8_t {
  kHebrew,   // months from Tishri = 1 as ICU counts them: Heshvan 2, Kislev
             // 3, Tevet 4, Shevat 5, Adar I 6 (leap years only), Adar 7
             // (Adar II in a leap year), Nisan 8, Iyar 9, Sivan 10, Tammuz
             // 11, Av 12, Elul 13
  kIslamic,  // Muharram 1 .. Dhu al-Hijjah 12
  kChinese,  // lunar month 1..12 (never a leap month)
  kEaster,           // `offset` days from Gregorian Easter Sunday
  kOrthodoxEaster,   // `offset` days from Orthodox Easter Sunday
  kParsi,            // Shahenshahi Zoroastrian year: 365 days, no leap day
  kHinduLunar,       // amanta lunar month (1 Chaitra .. 12 Phalguna) and
                     // tithi (1..30; 16..30 the dark half), see calendars.h
  kHinduSolar,       // sidereal solar month (1 Mesha .. 12 Meena), day 1..
};

// How the observed day differs from the calendar day.
enum class FeastRule : uint8_t {
  kNone,
  kFastNotOnSabbath,   // a fast that falls on Saturday moves to Sunday
  kIsraelIndependence, // Fri/Sat -> the Thursday before; Monday -> Tuesday
  kHolocaustDay,       // Friday -> Thursday; Sunday -> Monday
  kLastFridayBefore,   // the last Friday before the calendar day
  // Hindu lunar feasts are kept on the day whose sunrise falls in their
  // tithi, unless the observance belongs to another time of day: then the
  // day whose midday, dusk or midnight falls in it. For a Hindu solar month
  // the first day is the day of the sun's entry into the sign when that
  // comes before sunset; kAtMidnight: the day after, when it comes before
  // midnight (the Bengali reckoning).
  kAtMidday,
  kAtDusk,
  kAtMidnight,
};

struct Feast {
  // Name variants separated by '|', each as lower-case words separated by
  // single spaces (hyphens, apostrophes and "'s" in the text are skipped
  // between words). A variant starting with '*' is made of common English
  // words ("night of power") and counts only when capitalised or followed
  // by a year.
  std::string_view names;
  FeastCal cal;
  uint8_t month;
  uint8_t day;        // day of month, or tithi for kHinduLunar
  int16_t offset;     // days added after the calendar day (Easter: from it)
  uint8_t length;     // days the feast lasts (1 for a single day)
  FeastRule rule;
};

// The feast table, in no particular order. Immutable.
const Feast* Feasts(size_t* count);

}  // namespace synoptic::time::internal

#endif  // SYNOPTIC_TIME_INTERNAL_LEXICON_H_
