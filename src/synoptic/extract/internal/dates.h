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
// stop, slash or an opening bracket or quotation mark, or standing in
// brackets ("(21. November 2022) Die ...").
std::optional<DateTime> LeadDatelineDate(std::string_view paragraph);

// The day a page title opens with, as press offices and many news CMSs
// write it: a full date, then a dash, pipe or colon ("08.11.2021 |
// Online-Fachtag ...", "2022-01-23 - Finale ..."). nullopt when the
// title starts otherwise ("Konzert am 12.03.2022 - ...").
std::optional<DateTime> TitleDate(std::string_view title);

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

// A UTC date-time (zone "Z") read in the publisher's country, when the
// site's host ends in a country-code top-level domain (".de", ".com.br",
// ".co.uk"): the time zones ICU lists for that country are asked for the
// local day of the instant, and when they all agree and it differs from
// the UTC day, the instant is given at the first zone's offset
// ("2022-11-06T23:00:00Z" on a .de host: 2022-11-07T00:00:00+01:00).
// nullopt for generic domains (.com, .org, .net), for country codes used
// as generic names (.io, .tv, .co, .me, ...), for countries whose zones
// fall on different days at that instant, and when the day is unchanged.
std::optional<DateTime> CountryLocalReading(const DateTime& utc,
                                            std::string_view host);

// A day in a URL path: /2023/09/13/, /2023-09-13, /2020/oct/02/, or a
// segment opening with 20220127-..., 29-10-2021 or 31012022-... (day and
// month in either order, read only when a number over 12 decides which is
// the day). Years 1990..2200, valid calendar days only.
std::optional<DateTime> DateFromUrl(std::string_view url);

}  // namespace synoptic::extract::internal

#endif  // SYNOPTIC_EXTRACT_INTERNAL_DATES_H_
