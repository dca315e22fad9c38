// Gregorian dates of feasts fixed in other calendars (lexicon.h, Feast).
//
// Hebrew, Islamic and Chinese dates come from ICU's calendars ("hebrew",
// "islamic-umalqura", "chinese"); Easter feasts from the computus in
// values.h; the Parsi year is a plain 365-day count; Hindu feasts from
// the mean and true positions of sun and moon (see calendars.cc). Each
// call builds what it needs and keeps nothing: thread-safe, no globals.
// Cost: an ICU calendar per call (tens of microseconds), so the tagger only
// calls these when a feast's name has matched.
#ifndef SYNOPTIC_TIME_INTERNAL_CALENDARS_H_
#define SYNOPTIC_TIME_INTERNAL_CALENDARS_H_

#include <optional>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/time/internal/lexicon.h"

namespace synoptic::time::internal {

// Years for which feast dates are computed; outside them a feast is left
// underspecified.
inline constexpr int kFeastMinYear = 1700;
inline constexpr int kFeastMaxYear = 2300;

// The Gregorian days on which feast f begins in Gregorian year y, in order
// (a lunar feast can fall twice in one year, or not at all). A feast of the
// Hebrew calendar begins at sunset, so its day here is the evening before
// the calendar day ("Yom Kippur 2018" begins on 2018-09-18). Empty when y is
// out of range or the calendar is unavailable.
std::vector<civil::Date> FeastDays(const Feast& f, int y);

// Days of the Hindu lunisolar calendar, exposed for tests: the Gregorian
// day (Indian Standard Time) on whose sunrise the tithi `tithi` (1..30) of
// amanta month `month` (1 Chaitra .. 12 Phalguna, not an adhika month) is
// current, or on which it began when no sunrise falls in it. The month's
// year is the one whose Chaitra begins in Gregorian year `y`.
std::optional<civil::Date> HinduLunarDay(int y, int month, int tithi);

}  // namespace synoptic::time::internal

#endif  // SYNOPTIC_TIME_INTERNAL_CALENDARS_H_
