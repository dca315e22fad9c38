// TIMEX3 value strings ("2024-W25", "P3Y", "2023-Q3") and the calendar
// helpers behind them (unit shifts, holidays, Easter). Pure functions on
// plain values; safe from any thread.
#ifndef SYNOPTIC_TIME_INTERNAL_VALUES_H_
#define SYNOPTIC_TIME_INTERNAL_VALUES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "synoptic/core/civil.h"
#include "synoptic/time/internal/lexicon.h"

namespace synoptic::time::internal {

// Granularity of a reference date.
enum class Gran : uint8_t { kDay, kWeek, kMonth, kQuarter, kYear };

inline constexpr std::string_view kSeasonCode[] = {"", "SP", "SU", "FA", "WI"};
inline constexpr std::string_view kPartCode[] = {"",   "MO", "AF", "EV",
                                                 "NI", "",   ""};

// TIMEX3 mod name ("APPROX", "MORE_THAN"), empty for kNone.
std::string_view ModName(ModKind m);

// Zero-padded decimal (negative values print as 0).
std::string Pad(int v, int width);
std::string Y(int y);                    // "2024"
std::string YM(int y, int m);            // "2024-06"
std::string YMD(const civil::Date& d);   // "2024-06-19"
std::string Week(const civil::Date& d);  // ISO week: "2024-W25"
int QuarterOf(int month);                // 1..4
std::string Quarter(int y, int q);       // "2024-Q2"

// Unit letter(s) of a duration: "Y", "M", "W", "D", "H", "DE"...
std::string_view UnitCode(Unit u);
// "P3Y", "PT5H", "PXD" (n < 0: unknown); decades and centuries in years
// ("a decade" = P10Y) and quarters in months (TimeBank's usage).
std::string DurationValue(int n, Unit u);

civil::Date AddYears(const civil::Date& d, int n);
// d moved by n units (days, weeks, months, quarters, years, decades...).
civil::Date Shift(const civil::Date& d, Unit u, int n);
// The calendar unit containing d: "2024", "2024-06", "2024-W25", "202".
std::string UnitValue(const civil::Date& d, Unit u);
// The same, fully unknown: "XXXX", "XXXX-XX", "XXXX-WXX".
std::string UnitUnknown(Unit u);
Gran GranOf(Unit u);
bool IsTimeUnit(Unit u);

// The n-th (n > 0) or last (n = -1) ISO weekday wd of a month.
civil::Date NthWeekday(int y, int m, int wd, int n);
// Gregorian Easter Sunday.
civil::Date Easter(int y);
// Orthodox (Julian computus) Easter Sunday as a Gregorian date, 1900-2099.
civil::Date OrthodoxEaster(int y);

enum class Holiday : uint8_t {
  kChristmas = 1,
  kChristmasEve,
  kThanksgiving,
  kHalloween,
  kEaster,
  kEasterMonday,
  kGoodFriday,
  kValentine,
  kLaborDay,
  kMemorialDay,
  kMothersDay,
  kFathersDay,
  kBoxingDay,
  kNewYear,
  kNewYearsEve,
  kBlackFriday,       // the day after Thanksgiving
  kBossDay,           // the weekday nearest 16 October
  kMlkDay,            // third Monday of January
  kPresidentsDay,     // third Monday of February
  kColumbusDay,       // second Monday of October
  kVeteransDay,       // 11 November
  kStPatrick,         // 17 March
  kEarthDay,          // 22 April
  kGroundhogDay,      // 2 February
  kKingsDay,          // 27 April (26 when that is a Sunday)
  kWorldVeganDay,     // 1 November
  kShroveTuesday,     // Easter - 47
  kAshWednesday,      // Easter - 46
  kPalmSunday,        // Easter - 7
  kMaundyThursday,    // Easter - 3
  kPentecost,         // Easter + 49
  kWhitMonday,        // Easter + 50
  kTrinitySunday,     // Easter + 56
  kOrthodoxEaster,
  kOrthodoxGoodFriday,    // Orthodox Easter - 2
  kCleanMonday,           // Orthodox Easter - 48
  kLazarusSaturday,       // Orthodox Easter - 8
  kElectionDay,           // US: the Tuesday after the first Monday of November
};

civil::Date HolidayDate(Holiday h, int y);

}  // namespace synoptic::time::internal

#endif  // SYNOPTIC_TIME_INTERNAL_VALUES_H_
