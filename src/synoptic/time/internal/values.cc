// TIMEX3 value strings and calendar helpers for the tagger.
#include "synoptic/time/internal/values.h"

#include <cstdio>

namespace synoptic::time::internal {

using civil::Date;

std::string_view ModName(ModKind m) {
  switch (m) {
    case ModKind::kApprox:
      return "APPROX";
    case ModKind::kMoreThan:
      return "MORE_THAN";
    case ModKind::kLessThan:
      return "LESS_THAN";
    case ModKind::kEqualOrMore:
      return "EQUAL_OR_MORE";
    case ModKind::kEqualOrLess:
      return "EQUAL_OR_LESS";
    case ModKind::kNone:
      break;
  }
  return {};
}

std::string Pad(int v, int width) {
  char buf[16];
  if (v < 0) v = 0;
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}
std::string Y(int y) { return Pad(y, 4); }
std::string YM(int y, int m) { return Y(y) + "-" + Pad(m, 2); }
std::string YMD(const Date& d) { return civil::FormatDate(d); }
std::string Week(const Date& d) {
  int iy = 0, w = 0;
  civil::IsoWeek(d, &iy, &w);
  return Y(iy) + "-W" + Pad(w, 2);
}
int QuarterOf(int month) { return (month - 1) / 3 + 1; }
std::string Quarter(int y, int q) { return Y(y) + "-Q" + std::to_string(q); }

std::string_view UnitCode(Unit u) {
  switch (u) {
    case Unit::kSecond:
      return "S";
    case Unit::kMinute:
      return "M";
    case Unit::kHour:
      return "H";
    case Unit::kDay:
      return "D";
    case Unit::kWeek:
      return "W";
    case Unit::kWeekend:
      return "WE";
    case Unit::kMonth:
      return "M";
    case Unit::kQuarter:
      return "Q";
    case Unit::kYear:
      return "Y";
    case Unit::kDecade:
      return "DE";
    case Unit::kCentury:
      return "CE";
    case Unit::kNone:
      break;
  }
  return "";
}

// "P3Y", "PT5H", "PXD"; decades and centuries in years ("a decade" = P10Y)
// when the count is known.
std::string DurationValue(int n, Unit u) {
  bool t = u == Unit::kHour || u == Unit::kMinute || u == Unit::kSecond;
  std::string v = t ? "PT" : "P";
  if (n < 0) {
    v += "X";
    v += u == Unit::kQuarter ? "M" : UnitCode(u);
    return v;
  }
  if (u == Unit::kDecade) return v + std::to_string(n * 10) + "Y";
  // TimeBank writes quarters in months ("the next three quarters" = P9M).
  if (u == Unit::kQuarter) return v + std::to_string(n * 3) + "M";
  if (u == Unit::kCentury) return v + std::to_string(n * 100) + "Y";
  return v + std::to_string(n) + std::string(UnitCode(u));
}

Date AddYears(const Date& d, int n) { return civil::AddMonths(d, 12 * n); }

Date Shift(const Date& d, Unit u, int n) {
  switch (u) {
    case Unit::kDay:
      return civil::AddDays(d, n);
    case Unit::kWeek:
    case Unit::kWeekend:
      return civil::AddDays(d, 7 * n);
    case Unit::kMonth:
      return civil::AddMonths(d, n);
    case Unit::kQuarter:
      return civil::AddMonths(d, 3 * n);
    case Unit::kYear:
      return AddYears(d, n);
    case Unit::kDecade:
      return AddYears(d, 10 * n);
    case Unit::kCentury:
      return AddYears(d, 100 * n);
    default:
      return d;
  }
}

// Value of the calendar unit u containing d ("2024", "2024-06", "2024-W25").
std::string UnitValue(const Date& d, Unit u) {
  switch (u) {
    case Unit::kDay:
      return YMD(d);
    case Unit::kWeek:
      return Week(d);
    case Unit::kWeekend:
      return Week(d) + "-WE";
    case Unit::kMonth:
      return YM(d.year, d.month);
    case Unit::kQuarter:
      return Quarter(d.year, QuarterOf(d.month));
    case Unit::kYear:
      return Y(d.year);
    case Unit::kDecade:
      return Pad(d.year / 10, 3);
    case Unit::kCentury:
      return Pad(d.year / 100, 2);
    default:
      return YMD(d);
  }
}

std::string UnitUnknown(Unit u) {
  switch (u) {
    case Unit::kDay:
      return "XXXX-XX-XX";
    case Unit::kWeek:
      return "XXXX-WXX";
    case Unit::kWeekend:
      return "XXXX-WXX-WE";
    case Unit::kMonth:
      return "XXXX-XX";
    case Unit::kQuarter:
      return "XXXX-QX";
    case Unit::kYear:
      return "XXXX";
    case Unit::kDecade:
      return "XXX";
    case Unit::kCentury:
      return "XX";
    default:
      return "XXXX-XX-XX";
  }
}

Gran GranOf(Unit u) {
  switch (u) {
    case Unit::kDay:
      return Gran::kDay;
    case Unit::kWeek:
    case Unit::kWeekend:
      return Gran::kWeek;
    case Unit::kMonth:
      return Gran::kMonth;
    case Unit::kQuarter:
      return Gran::kQuarter;
    default:
      return Gran::kYear;
  }
}

bool IsTimeUnit(Unit u) {
  return u == Unit::kHour || u == Unit::kMinute || u == Unit::kSecond;
}

// The n-th (n > 0) or last (n = -1) given ISO weekday of a month.
Date NthWeekday(int y, int m, int wd, int n) {
  if (n > 0) {
    Date first{y, m, 1};
    int delta = (wd - civil::Weekday(first) + 7) % 7;
    return civil::AddDays(first, delta + 7 * (n - 1));
  }
  Date last{y, m, civil::DaysInMonth(y, m)};
  return civil::AddDays(last, -((civil::Weekday(last) - wd + 7) % 7));
}

// Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm).
Date Easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{y, month, day};
}

Date OrthodoxEaster(int y) {
  int a = y % 4, b = y % 7, c = y % 19;
  int d = (19 * c + 15) % 30;
  int e = (2 * a + 4 * b - d + 34) % 7;
  int month = (d + e + 114) / 31;
  int day = (d + e + 114) % 31 + 1;
  // Julian to Gregorian: 13 days apart from 1900 to 2099.
  return civil::AddDays(Date{y, month, day}, 13);
}

Date HolidayDate(Holiday h, int y) {
  switch (h) {
    case Holiday::kBlackFriday:
      return civil::AddDays(NthWeekday(y, 11, 4, 4), 1);
    case Holiday::kBossDay: {
      Date d{y, 10, 16};
      int wd = civil::Weekday(d);
      return wd == 6 ? civil::AddDays(d, -1)
             : wd == 7 ? civil::AddDays(d, 1)
                       : d;
    }
    case Holiday::kMlkDay:
      return NthWeekday(y, 1, 1, 3);
    case Holiday::kPresidentsDay:
      return NthWeekday(y, 2, 1, 3);
    case Holiday::kColumbusDay:
      return NthWeekday(y, 10, 1, 2);
    case Holiday::kVeteransDay:
      return Date{y, 11, 11};
    case Holiday::kStPatrick:
      return Date{y, 3, 17};
    case Holiday::kEarthDay:
      return Date{y, 4, 22};
    case Holiday::kGroundhogDay:
      return Date{y, 2, 2};
    case Holiday::kKingsDay: {
      Date d{y, 4, 27};
      return civil::Weekday(d) == 7 ? civil::AddDays(d, -1) : d;
    }
    case Holiday::kWorldVeganDay:
      return Date{y, 11, 1};
    case Holiday::kShroveTuesday:
      return civil::AddDays(Easter(y), -47);
    case Holiday::kAshWednesday:
      return civil::AddDays(Easter(y), -46);
    case Holiday::kPalmSunday:
      return civil::AddDays(Easter(y), -7);
    case Holiday::kMaundyThursday:
      return civil::AddDays(Easter(y), -3);
    case Holiday::kPentecost:
      return civil::AddDays(Easter(y), 49);
    case Holiday::kWhitMonday:
      return civil::AddDays(Easter(y), 50);
    case Holiday::kTrinitySunday:
      return civil::AddDays(Easter(y), 56);
    case Holiday::kOrthodoxEaster:
      return OrthodoxEaster(y);
    case Holiday::kOrthodoxGoodFriday:
      return civil::AddDays(OrthodoxEaster(y), -2);
    case Holiday::kCleanMonday:
      return civil::AddDays(OrthodoxEaster(y), -48);
    case Holiday::kLazarusSaturday:
      return civil::AddDays(OrthodoxEaster(y), -8);
    case Holiday::kElectionDay:
      return civil::AddDays(NthWeekday(y, 11, 1, 1), 1);
    case Holiday::kChristmas:
      return Date{y, 12, 25};
    case Holiday::kChristmasEve:
      return Date{y, 12, 24};
    case Holiday::kThanksgiving:
      return NthWeekday(y, 11, 4, 4);
    case Holiday::kHalloween:
      return Date{y, 10, 31};
    case Holiday::kEaster:
      return Easter(y);
    case Holiday::kEasterMonday:
      return civil::AddDays(Easter(y), 1);
    case Holiday::kGoodFriday:
      return civil::AddDays(Easter(y), -2);
    case Holiday::kValentine:
      return Date{y, 2, 14};
    case Holiday::kLaborDay:
      return NthWeekday(y, 9, 1, 1);
    case Holiday::kMemorialDay:
      return NthWeekday(y, 5, 1, -1);
    case Holiday::kMothersDay:
      return NthWeekday(y, 5, 7, 2);
    case Holiday::kFathersDay:
      return NthWeekday(y, 6, 7, 3);
    case Holiday::kBoxingDay:
      return Date{y, 12, 26};
    case Holiday::kNewYear:
      return Date{y, 1, 1};
    case Holiday::kNewYearsEve:
      return Date{y, 12, 31};
  }
  return Date{y, 1, 1};
}

}  // namespace synoptic::time::internal
