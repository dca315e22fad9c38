// Publication-date parsing for metadata values, visible datelines and URLs.
// Pure functions; safe from any thread.
#ifndef SYNOPTIC_EXTRACT_INTERNAL_DATES_H_
#define SYNOPTIC_EXTRACT_INTERNAL_DATES_H_

#include <optional>
#include <string>
#include <string_view>

#include "synoptic/core/civil.h"

namespace synoptic::extract::internal {

struct DateTime {
  civil::Date date;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_seconds = false;
  std::string zone;  // "", "Z" or "+HH:MM"
  // "2023-09-13" or "2023-09-13T23:18[:SS][zone]".
  std::string ToIso() const;
};

// A whole value that is a date: ISO 8601 ("2023-09-13T23:18:00+03:00",
// "2023-09-13 23:18", "20230913"), RFC 1123 ("Wed, 13 Sep 2023 10:00:00
// GMT"), or English text ("September 13, 2023", "22 Sep 2023 23:18").
// Leading/trailing noise like "Published:" or "Updated" is allowed.
std::optional<DateTime> ParseDateValue(std::string_view s);

// The first date written somewhere inside a short visible line
// ("By Jane Doe | Sep. 13, 2023 5:30 pm EDT"). Only unambiguous forms:
// month names or ISO order, never bare 09/10/2023.
std::optional<DateTime> FindDateInLine(std::string_view line);

// The date of a dateline: a short visible line that says when the piece
// appeared ("Von Jane Doe | 31.10.23", "Erschienen am: 01.11.2023",
// "Published on March 3, 2021 at 5 pm"). The line's first date counts,
// and only when the line holds at most 8 other words, or 14 when a cue
// ("published", "veröffentlicht", "publié", ...) stands just before it; prose
// that mentions a date ("The next meeting is on Wednesday 5 February 2020
// at 7 pm in the back room of the town hall") gives nullopt. Also reads
// D.M.YY ("31.10.23") as 20YY. A span of days ("31. Dezember 2021 -
// 6. Januar 2022", "13. - 15. März 2022", "28.01.2022 – 29.01.2022") is a
// period, not a dateline: nullopt. `published_cue`, when given, tells
// whether a word saying the piece appeared ("published", "posted",
// "erstellt", "erschienen", "publié", ...; not a bare "Date:") stood just
// before the date.
std::optional<DateTime> FindDatelineDate(std::string_view line,
                                         bool* published_cue = nullptr);

// A date opening a paragraph as a news dateline ("29.11.2022 - Die ...",
// "BERLIN, 25. Januar 2022 (dpa) ...", "31. Oktober 2023. Woher ..."):
// within the first four tokens and followed by a dash, colon, pipe, full
// stop, slash or an opening bracket or quotation mark.
std::optional<DateTime> LeadDatelineDate(std::string_view paragraph);

// A UTC date-time (zone "Z") read as the page's own local time, given a
// second statement of the publication found elsewhere on the same page.
// RFC 3339 / ISO 8601 say an offset names the local time the writer used;
// so when `other` is a date-time with a non-zero numeric offset, the UTC
// instant is shifted to that offset. When `other` is a bare day (visible
// text, a URL), it is taken only if some real offset (-12:00..+14:00) puts
// the instant on that day, i.e. the two differ only by the UTC conversion.
// nullopt when `utc` is not a UTC date-time or `other` says nothing more.
std::optional<DateTime> LocalReading(const DateTime& utc,
                                     const DateTime& other);

// /2023/09/13/ or /2023-09-13 in a URL path.
std::optional<DateTime> DateFromUrl(std::string_view url);

}  // namespace synoptic::extract::internal

#endif  // SYNOPTIC_EXTRACT_INTERNAL_DATES_H_
