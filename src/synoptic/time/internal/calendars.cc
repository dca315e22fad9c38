// Feast dates in other calendars: ICU for the Hebrew, Islamic and Chinese
// calendars, and a small ephemeris of sun and moon for the Hindu ones.
#include "synoptic/time/internal/calendars.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "synoptic/time/internal/values.h"

namespace synoptic::time::internal {

using civil::Date;

namespace {

// Julian day number of 1970-01-01 (civil::ToDays counts from there).
constexpr int64_t kUnixJdn = 2440588;

// ---------------------------------------------------------------- ICU

// Which ICU calendar a feast lives in. Islamic: "islamic-umalqura" (the
// Umm al-Qura calendar of Saudi Arabia, by which most states and
// newsrooms announce Ramadan and the Eids) from 1420 AH (1999), when Saudi
// Arabia adopted its present form; before that the astronomical "islamic"
// calendar (months from the mean conjunction), since the older Umm al-Qura
// tables ran a day or two late against the feasts as they were kept.
// Checked against the 45 Islamic-feast phrases of the Duckling corpus
// (Ramadan, both Eids, Mawlid, Ashura, Laylat al-Qadr... over 1950-2050):
// Umm al-Qura for all years gives 36 right, the astronomical "islamic" 33,
// "islamic-civil" 28, "islamic-tbla" 24; all Umm al-Qura misses were
// before 1990.
constexpr int kUmmAlQuraFrom = 1420;  // AH
const char* IcuLocale(FeastCal cal, bool islamic_before_umm_al_qura = false) {
  switch (cal) {
    case FeastCal::kHebrew:
      return "en@calendar=hebrew";
    case FeastCal::kIslamic:
      return islamic_before_umm_al_qura ? "en@calendar=islamic"
                                        : "en@calendar=islamic-umalqura";
    case FeastCal::kChinese:
      return "en@calendar=chinese";
    default:
      return nullptr;
  }
}

std::unique_ptr<icu::Calendar> MakeCalendar(FeastCal cal,
                                            bool islamic_early = false) {
  const char* loc = IcuLocale(cal, islamic_early);
  if (!loc) return nullptr;
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> c(icu::Calendar::createInstance(
      *icu::TimeZone::getGMT(), icu::Locale(loc), st));
  if (U_FAILURE(st)) return nullptr;
  return c;
}

// The calendar's (extended) year current on Gregorian day d.
std::optional<int> CalendarYearAt(icu::Calendar* c, const Date& d) {
  UErrorCode st = U_ZERO_ERROR;
  c->clear();
  c->set(UCAL_JULIAN_DAY, static_cast<int32_t>(civil::ToDays(d) + kUnixJdn));
  int y = c->get(UCAL_EXTENDED_YEAR, st);
  if (U_FAILURE(st)) return std::nullopt;
  return y;
}

// The Gregorian day of (year, month 1-based, day) in calendar c.
std::optional<Date> CalendarDay(icu::Calendar* c, FeastCal cal, int year,
                                int month, int day) {
  UErrorCode st = U_ZERO_ERROR;
  c->clear();
  c->set(UCAL_EXTENDED_YEAR, year);
  c->set(UCAL_MONTH, month - 1);
  if (cal == FeastCal::kChinese) c->set(UCAL_IS_LEAP_MONTH, 0);
  c->set(UCAL_DATE, day);
  int32_t jd = c->get(UCAL_JULIAN_DAY, st);
  if (U_FAILURE(st)) return std::nullopt;
  return civil::FromDays(jd - kUnixJdn);
}

Date ApplyRule(FeastRule rule, Date d) {
  const int wd = civil::Weekday(d);  // 1 Monday .. 7 Sunday
  switch (rule) {
    case FeastRule::kFastNotOnSabbath:
      return wd == 6 ? civil::AddDays(d, 1) : d;
    case FeastRule::kIsraelIndependence:
      return wd == 5   ? civil::AddDays(d, -1)
             : wd == 6 ? civil::AddDays(d, -2)
             : wd == 1 ? civil::AddDays(d, 1)
                       : d;
    case FeastRule::kHolocaustDay:
      return wd == 5 ? civil::AddDays(d, -1)
             : wd == 7 ? civil::AddDays(d, 1)
                       : d;
    case FeastRule::kLastFridayBefore:
      return civil::AddDays(d, -((wd - 5 + 7) % 7 == 0 ? 7 : (wd - 5 + 7) % 7));
    default:
      return d;
  }
}

// ---------------------------------------------------------------- ephemeris
//
// Positions of sun and moon after Jean Meeus, "Astronomical Algorithms"
// (2nd ed., 1998): the sun by the low-accuracy formulae of chapter 25
// (about 0.01 degree), the moon by the largest periodic terms of the
// ELP-2000/82 series of chapter 47 (about 0.01-0.02 degree with the terms
// kept). Times are Julian days in UT; the 1-minute difference from
// dynamical time is ignored. At these accuracies a tithi boundary (12
// degrees of elongation) is placed within a few minutes, which decides the
// day except when a boundary falls within minutes of sunrise.

constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180.0;

double Norm360(double x) {
  x = std::fmod(x, 360.0);
  return x < 0 ? x + 360.0 : x;
}
double Norm180(double x) {
  x = Norm360(x);
  return x >= 180.0 ? x - 360.0 : x;
}

double Centuries(double jd) { return (jd - 2451545.0) / 36525.0; }

// Apparent geocentric ecliptic longitude of the sun (degrees).
double SunLongitude(double jd) {
  const double t = Centuries(jd);
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * kRad;
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * std::sin(m) +
                   (0.019993 - 0.000101 * t) * std::sin(2 * m) +
                   0.000289 * std::sin(3 * m);
  const double omega = (125.04 - 1934.136 * t) * kRad;
  return Norm360(l0 + c - 0.00569 - 0.00478 * std::sin(omega));
}

// Geocentric ecliptic longitude of the moon (degrees), same nutation as
// the sun's so that their difference is exact in it.
double MoonLongitude(double jd) {
  const double t = Centuries(jd);
  const double lp = 218.3164477 + 481267.88123421 * t;
  const double d = (297.8501921 + 445267.1114034 * t) * kRad;
  const double m = (357.5291092 + 35999.0502909 * t) * kRad;
  const double mp = (134.9633964 + 477198.8675055 * t) * kRad;
  const double f = (93.2720950 + 483202.0175233 * t) * kRad;
  const double e = 1.0 - 0.002516 * t;
  // {coefficient in degrees, D, M, M', F}; terms in M scale with e.
  struct Term {
    double c;
    int8_t d, m, mp, f;
  };
  static constexpr Term kTerms[] = {
      {6.288774, 0, 0, 1, 0},   {1.274027, 2, 0, -1, 0},
      {0.658314, 2, 0, 0, 0},   {0.213618, 0, 0, 2, 0},
      {-0.185116, 0, 1, 0, 0},  {-0.114332, 0, 0, 0, 2},
      {0.058793, 2, 0, -2, 0},  {0.057066, 2, -1, -1, 0},
      {0.053322, 2, 0, 1, 0},   {0.045758, 2, -1, 0, 0},
      {-0.040923, 0, 1, -1, 0}, {-0.034720, 1, 0, 0, 0},
      {-0.030383, 0, 1, 1, 0},  {0.015327, 2, 0, 0, -2},
      {-0.012528, 0, 0, 1, 2},  {0.010980, 0, 0, 1, -2},
      {0.010675, 4, 0, -1, 0},  {0.010034, 0, 0, 3, 0},
      {0.008548, 4, 0, -2, 0},  {-0.007888, 2, 1, -1, 0},
      {-0.006766, 2, 1, 0, 0},  {-0.005163, 1, 0, -1, 0},
      {0.004987, 1, 1, 0, 0},   {0.004036, 2, -1, 1, 0},
      {0.003994, 2, 0, 2, 0},   {0.003861, 4, 0, 0, 0},
      {0.003665, 2, 0, -3, 0},  {-0.002689, 0, 1, -2, 0},
      {-0.002602, 2, 0, -1, 2}, {0.002390, 2, -1, -2, 0},
      {-0.002348, 1, 0, 1, 0},  {0.002236, 2, -2, 0, 0},
      {-0.002120, 0, 1, 2, 0},  {-0.002069, 0, 2, 0, 0},
  };
  double sum = 0;
  for (const Term& k : kTerms) {
    double amp = k.c;
    if (k.m == 1 || k.m == -1) amp *= e;
    if (k.m == 2 || k.m == -2) amp *= e * e;
    sum += amp * std::sin(k.d * d + k.m * m + k.mp * mp + k.f * f);
  }
  const double a1 = (119.75 + 131.849 * t) * kRad;
  const double a2 = (53.09 + 479264.290 * t) * kRad;
  sum += 0.003958 * std::sin(a1) + 0.001962 * std::sin(lp * kRad - f) +
         0.000318 * std::sin(a2);
  const double omega = (125.04 - 1934.136 * t) * kRad;
  return Norm360(lp + sum - 0.00478 * std::sin(omega));
}

double Elongation(double jd) {
  return Norm360(MoonLongitude(jd) - SunLongitude(jd));
}

// Lahiri (Chitrapaksha) ayanamsa, the Indian government's almanac standard:
// 23.853 degrees at J2000, growing by the general precession.
double Ayanamsa(double jd) {
  return 23.853 + 50.2788 / 3600.0 * (jd - 2451545.0) / 365.25;
}
double SiderealSun(double jd) { return Norm360(SunLongitude(jd) - Ayanamsa(jd)); }

// The moment near `guess` when f(t) reaches `target` degrees, f growing at
// about `rate` degrees a day (secant steps on the wrapped difference).
template <typename F>
double Solve(F f, double target, double guess, double rate) {
  double t = guess;
  for (int i = 0; i < 30; ++i) {
    double step = Norm180(f(t) - target) / rate;
    t -= step;
    if (std::fabs(step) < 1e-6) break;
  }
  return t;
}

double ElongationAt(double target, double guess) {
  return Solve(Elongation, target, guess, 12.19);
}

// India: New Delhi, the reference place of the national almanac, and IST.
constexpr double kLatitude = 28.61;
constexpr double kLongitude = 77.21;
constexpr double kIst = 5.5 / 24.0;

double JdOf(const Date& d) {  // 00:00 UT of d
  return static_cast<double>(civil::ToDays(d) + kUnixJdn) - 0.5;
}
Date IstDate(double jd) {
  return civil::FromDays(
      static_cast<int64_t>(std::floor(jd + 0.5 + kIst)) - kUnixJdn);
}

// Sunrise (rise = true) or sunset at New Delhi on the IST day d, upper limb
// with standard refraction (-0.833 degrees), from the sun's declination and
// the equation of time at local noon.
double SunEvent(const Date& d, bool rise) {
  double noon = JdOf(d) + 0.5 - kLongitude / 360.0;
  const double t = Centuries(noon);
  const double lambda = SunLongitude(noon) * kRad;
  const double eps = (23.439291 - 0.0130042 * t) * kRad;
  const double ra = std::atan2(std::cos(eps) * std::sin(lambda),
                               std::cos(lambda)) / kRad;
  const double dec = std::asin(std::sin(eps) * std::sin(lambda));
  const double l0 = 280.46646 + 36000.76983 * t;
  noon -= Norm180(l0 - 0.0057183 - ra) / 360.0;  // equation of time
  const double phi = kLatitude * kRad;
  double cos_h = (std::sin(-0.833 * kRad) - std::sin(phi) * std::sin(dec)) /
                 (std::cos(phi) * std::cos(dec));
  cos_h = std::clamp(cos_h, -1.0, 1.0);
  const double h = std::acos(cos_h) / kRad / 360.0;
  return rise ? noon - h : noon + h;
}

// The moment a Hindu feast's observance is tested against its tithi.
double ObservanceTime(const Date& d, FeastRule rule) {
  switch (rule) {
    case FeastRule::kAtMidday:
      return (SunEvent(d, true) + SunEvent(d, false)) / 2;
    case FeastRule::kAtDusk:  // pradosha: the hours after sunset
      return SunEvent(d, false) + 0.05;
    case FeastRule::kAtMidnight:  // nishita: the middle of the night
      return (SunEvent(d, false) + SunEvent(civil::AddDays(d, 1), true)) / 2;
    default:
      return SunEvent(d, true);
  }
}

// The day on which a tithi [start, end) is kept under `rule`.
Date TithiDay(double start, double end, FeastRule rule) {
  Date d = civil::AddDays(IstDate(start), -1);
  for (int k = 0; k < 4; ++k, d = civil::AddDays(d, 1)) {
    double at = ObservanceTime(d, rule);
    if (at >= start && at < end) return d;
  }
  // A tithi that holds no such moment: the day (sunrise to sunrise) in
  // which it begins.
  d = IstDate(start);
  return start < SunEvent(d, true) ? civil::AddDays(d, -1) : d;
}

// Hindu lunar (amanta) months: from one new moon to the next, named after
// the sidereal sign the sun is in at the new moon that opens it (sun in
// Mina, Pisces: Chaitra). A month in which the sun enters no new sign is
// adhika (intercalary) and repeats the next month's name; feasts are kept
// in the regular month. Days of feast f in Gregorian year y.
std::vector<Date> HinduLunarDays(int y, int month, int tithi, FeastRule rule) {
  std::vector<Date> out;
  const double from = JdOf(Date{y, 1, 1}) - 40;
  const double to = JdOf(Date{y, 12, 31}) + 40;
  double a = ElongationAt(0, from);
  if (a > from + 1) a = ElongationAt(0, a - 29.53);
  while (a < to) {
    const double b = ElongationAt(0, a + 29.53);
    const int sa = static_cast<int>(SiderealSun(a) / 30.0);
    const int sb = static_cast<int>(SiderealSun(b) / 30.0);
    const int name = (sa + 1) % 12 + 1;
    if (sa != sb && name == month) {
      const double s = tithi == 1 ? a
                                  : ElongationAt(12.0 * (tithi - 1),
                                                 a + (tithi - 1) * 0.984);
      const double e =
          tithi == 30 ? b : ElongationAt(12.0 * tithi, a + tithi * 0.984);
      Date d = TithiDay(s, e, rule);
      if (d.year == y) out.push_back(d);
    }
    a = b;
  }
  return out;
}

// Hindu sidereal solar months (1 Mesha .. 12 Mina): the first day of the
// month after the sun enters its sign, counted as FeastRule says.
std::vector<Date> HinduSolarDays(int y, int month, int day, FeastRule rule) {
  // The sun enters Mesha about 14 April and a sign about every 30.44 days.
  const double guess =
      JdOf(Date{y, 1, 1}) + std::fmod(103.0 + 30.44 * (month - 1), 365.25);
  const double t =
      Solve(SiderealSun, 30.0 * (month - 1), guess, 0.9856);
  Date first = IstDate(t);
  if (rule == FeastRule::kAtMidnight)
    first = civil::AddDays(first, 1);
  else if (t > SunEvent(first, false))
    first = civil::AddDays(first, 1);
  Date d = civil::AddDays(first, day - 1);
  if (d.year != y) return {};
  return {d};
}

// The Shahenshahi Zoroastrian year has 365 days and no leap day; its year
// 1388 began on 2018-08-17 (Gregorian), so each year begins 365 days after
// the one before.
std::vector<Date> ParsiDays(int y, int month, int day) {
  const int64_t epoch = civil::ToDays(Date{2018, 8, 17});
  std::vector<Date> out;
  const int n = y - 2018;
  for (int k = n - 1; k <= n + 2; ++k) {
    Date d = civil::FromDays(epoch + 365LL * k + 30LL * (month - 1) + day - 1);
    if (d.year == y) out.push_back(d);
  }
  return out;
}

}  // namespace

std::optional<Date> HinduLunarDay(int y, int month, int tithi) {
  auto v = HinduLunarDays(y, month, tithi, FeastRule::kNone);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<Date> FeastDays(const Feast& f, int y) {
  std::vector<Date> out;
  if (y < kFeastMinYear || y > kFeastMaxYear) return out;
  switch (f.cal) {
    case FeastCal::kEaster:
      out.push_back(civil::AddDays(Easter(y), f.offset));
      return out;
    case FeastCal::kOrthodoxEaster:
      out.push_back(civil::AddDays(OrthodoxEaster(y), f.offset));
      return out;
    case FeastCal::kParsi:
      out = ParsiDays(y, f.month, f.day);
      break;
    case FeastCal::kHinduLunar:
      out = HinduLunarDays(y, f.month, f.day, f.rule);
      break;
    case FeastCal::kHinduSolar:
      out = HinduSolarDays(y, f.month, f.day, f.rule);
      break;
    default: {
      auto cal = MakeCalendar(f.cal);
      if (!cal) return out;
      auto y0 = CalendarYearAt(cal.get(), Date{y, 1, 1});
      if (!y0) return out;
      // A Gregorian year meets two or three years of a lunar calendar.
      std::unique_ptr<icu::Calendar> early;
      if (f.cal == FeastCal::kIslamic && *y0 < kUmmAlQuraFrom)
        early = MakeCalendar(f.cal, true);
      for (int cy = *y0; cy <= *y0 + 2; ++cy) {
        icu::Calendar* use =
            early && cy < kUmmAlQuraFrom ? early.get() : cal.get();
        auto d = CalendarDay(use, f.cal, cy, f.month, f.day);
        if (!d) continue;
        Date g = ApplyRule(f.rule, *d);
        // A Hebrew day begins at the sunset before it.
        if (f.cal == FeastCal::kHebrew) g = civil::AddDays(g, -1);
        if (g.year == y) out.push_back(g);
      }
      break;
    }
  }
  for (Date& d : out) d = civil::AddDays(d, f.offset);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // An offset may carry a day out of the year asked for.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [y](const Date& d) { return d.year != y; }),
            out.end());
  return out;
}

}  // namespace synoptic::time::internal
