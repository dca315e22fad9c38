#include "synoptic/core/civil.h"

#include <cstdio>

namespace synoptic::civil {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool IsValid(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 &&
         d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

// Days from civil: shift the year so it starts in March, so the leap day is
// the last day of the shifted year, then count 400-year eras.
int64_t ToDays(const Date& d) {
  const int64_t y = d.month <= 2 ? d.year - 1 : d.year;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int Weekday(const Date& d) {
  const int64_t z = ToDays(d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

Date AddDays(const Date& d, int64_t n) { return FromDays(ToDays(d) + n); }

Date AddMonths(const Date& d, int n) {
  int64_t m = static_cast<int64_t>(d.year) * 12 + (d.month - 1) + n;
  Date r;
  r.year = static_cast<int>(m >= 0 ? m / 12 : (m - 11) / 12);
  r.month = static_cast<int>(m - static_cast<int64_t>(r.year) * 12) + 1;
  r.day = d.day;
  const int dim = DaysInMonth(r.year, r.month);
  if (r.day > dim) r.day = dim;
  return r;
}

void IsoWeek(const Date& d, int* iso_year, int* week) {
  // The ISO week containing d belongs to the year of its Thursday.
  const Date thursday = AddDays(d, 4 - Weekday(d));
  *iso_year = thursday.year;
  const int64_t jan1 = ToDays({thursday.year, 1, 1});
  *week = static_cast<int>((ToDays(thursday) - jan1) / 7 + 1);
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  Date d;
  if (!digits(0, 4, &d.year) || s.size() < 10 || s[4] != '-' || s[7] != '-' ||
      !digits(5, 2, &d.month) || !digits(8, 2, &d.day)) {
    return std::nullopt;
  }
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  if (!IsValid(d)) return std::nullopt;
  return d;
}

Date FromUnixSeconds(int64_t seconds) {
  int64_t days = seconds / 86400;
  if (seconds % 86400 < 0) --days;
  return FromDays(days);
}

}  // namespace synoptic::civil
