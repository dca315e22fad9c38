// Proleptic Gregorian calendar arithmetic and ISO 8601 helpers.
//
// Pure functions on plain values; safe from any thread. Used by extraction
// (publication dates), time (TIMEX3 resolution) and stories (timelines).
#ifndef SYNOPTIC_CORE_CIVIL_H_
#define SYNOPTIC_CORE_CIVIL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace synoptic::civil {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

bool IsLeap(int year);
int DaysInMonth(int year, int month);
bool IsValid(const Date& d);
// Days since 1970-01-01 (negative before).
int64_t ToDays(const Date& d);
Date FromDays(int64_t days);
// ISO weekday: 1 = Monday ... 7 = Sunday.
int Weekday(const Date& d);
Date AddDays(const Date& d, int64_t n);
// Adds months, clamping the day to the target month's length.
Date AddMonths(const Date& d, int n);
// ISO 8601 week-numbering: year and week (1..53) of d.
void IsoWeek(const Date& d, int* iso_year, int* week);

// "2023-09-13".
std::string FormatDate(const Date& d);
// Parses the date part of an ISO 8601 value ("2023-09-13", "2023-09-13T23:18Z").
// Returns nullopt for anything else, including invalid days.
std::optional<Date> ParseIsoDate(std::string_view s);
Date FromUnixSeconds(int64_t seconds);

}  // namespace synoptic::civil

#endif  // SYNOPTIC_CORE_CIVIL_H_
