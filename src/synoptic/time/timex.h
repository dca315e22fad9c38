// TIMEX3 tagging and normalisation against the document creation time.
//
// TagTimes() finds date, time, duration and set expressions in a document's
// sentences and gives each a TIMEX3 value. Relative expressions ("on
// Tuesday", "this week", "24 years ago") are resolved against `anchor` when
// one is given (tense of the governing verb decides the direction) and left
// underspecified ("XXXX-09-13", anchor none) when not: never guessed.
// Thread-safety: pure function; safe from any thread.
#ifndef SYNOPTIC_TIME_TIMEX_H_
#define SYNOPTIC_TIME_TIMEX_H_

#include <optional>
#include <string_view>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/core/types.h"

namespace synoptic::time {

struct TimeOptions {
  // Anchor kind recorded on values resolved against `anchor`.
  TimexAnchor anchor_kind = TimexAnchor::kDct;
};

// Tags analysis->doc.text (using analysis->sentences and ->tokens when
// present) into analysis->times, replacing what was there.
void TagTimes(const std::optional<civil::Date>& anchor,
              const TimeOptions& options, DocAnalysis* analysis);

// Tags a bare text with no tokens (the `synoptic time` command, tests).
std::vector<Timex> TagText(std::string_view text,
                           const std::optional<civil::Date>& anchor,
                           const TimeOptions& options);

}  // namespace synoptic::time

#endif  // SYNOPTIC_TIME_TIMEX_H_
