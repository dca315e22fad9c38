// TIMEX3 tagging and normalisation against the document creation time.
//
// TagTimes() finds date, time, duration and set expressions in a document's
// text and gives each a TIMEX3 value. Relative expressions ("on Tuesday",
// "this week", "24 years ago") are resolved against `anchor` when one is
// given (the tense around the expression decides the direction: past
// narration looks back, "will"/"is expected to" look forward) and left
// underspecified ("XXXX-09-13", "XXXX-WXX-2", anchor none) when not: never
// guessed. Anaphoric ones ("two days later", "a year earlier") follow the
// last date the text mentioned, else the anchor.
//
// Output contract, per Timex: `span` is a byte span of the text on UTF-8
// boundaries, without leading prepositions ("on", "in", "since") but with
// the determiner where TimeBank keeps it ("the third quarter", "the 1990s");
// spans are sorted and never overlap. `value` is a TIMEX3 value ("2023-09-13",
// "2024-W25", "2023-Q3", "199", "P3Y", "PT5H", "XXXX-WXX-2", "PRESENT_REF",
// "2024-06-19TMO"); `mod` a TIMEX3 mod or empty. `relative` is true when the
// value depends on the anchor or on the text ("Tuesday", "last year");
// `anchor` is options.anchor_kind when such a value was computed from an
// anchor, kNone for absolute dates, durations, underspecified values and
// PRESENT_REF/PAST_REF/FUTURE_REF.
// Failure: none; any input (including invalid UTF-8) yields a possibly empty
// list. Cost is linear in the text length. Thread-safety: pure functions,
// safe from any thread.
#ifndef SYNOPTIC_TIME_TIMEX_H_
#define SYNOPTIC_TIME_TIMEX_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/core/types.h"

namespace synoptic::time {

struct TimeOptions {
  // Anchor kind recorded on values resolved against `anchor`.
  TimexAnchor anchor_kind = TimexAnchor::kDct;
  // A weekday with no tense cue in its sentence ("Friday's session", "in
  // trading Friday"): true takes the most recent such day on or before the
  // anchor (news narrates the past; +0.4 value F1 on TempEval-3 TBAQ),
  // false the day of the anchor's own week.
  bool unknown_tense_is_past = true;
  // Any expression with no tense cue reads as future (an assistant's
  // requests: "friday" is the next Friday, "third quarter" the coming one;
  // "next friday" is next week's). Takes precedence over
  // unknown_tense_is_past. Off for news.
  bool unknown_tense_is_future = false;
  // Time of day of the anchor in minutes (0..1439), or -1 when unknown (a
  // news DCT is a day). When known, a clock with no day of its own that
  // reads as future is the next such time: "at 3am" said at 04:30 is
  // tomorrow's, a bare "3:30" is 15:30; "a week ago" is then a day (counted
  // from an instant), not the week TimeML gives it from a DCT.
  int anchor_minute_of_day = -1;
  // The anchor's UTC offset in minutes, when known. A clock stated in a
  // named zone ("8:00 GMT", "4pm CET") is then converted to the anchor's
  // zone; without it the stated wall-clock time is kept, as TimeML does.
  std::optional<int> anchor_utc_offset_minutes;
  // ISO 639-1 language of the text ("fr", "de", "pt-BR"; empty or "en":
  // English only). For the main European languages the month and weekday
  // names of that language are read too, with their date orders ("13
  // septembre 2023", "13. September 2023", "13 de septiembre de 2023");
  // the words and phrasing around them are still read as English.
  std::string language;
  // Cap on expressions kept per text (hostile input: a page of dates).
  // Later ones are dropped; work stays linear in the text size.
  size_t max_timexes = 20000;
};

// Tags analysis->doc.text into analysis->times, replacing what was there.
// Uses analysis->sentences (when present) to bound the tense cues of each
// expression; otherwise finds sentence ends itself. Tokens are not needed.
void TagTimes(const std::optional<civil::Date>& anchor,
              const TimeOptions& options, DocAnalysis* analysis);

// Tags a bare text with no tokens (the `synoptic time` command, tests).
std::vector<Timex> TagText(std::string_view text,
                           const std::optional<civil::Date>& anchor,
                           const TimeOptions& options);

}  // namespace synoptic::time

#endif  // SYNOPTIC_TIME_TIMEX_H_
