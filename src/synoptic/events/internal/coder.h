// The event coder: trigger patterns -> Event with actors, place, time,
// modality and attribution.
#ifndef SYNOPTIC_EVENTS_INTERNAL_CODER_H_
#define SYNOPTIC_EVENTS_INTERNAL_CODER_H_

#include <vector>

#include "synoptic/core/types.h"
#include "synoptic/events/internal/dep_view.h"
#include "synoptic/events/internal/doc_view.h"

namespace synoptic::events::internal {

struct CoderOptions {
  uint32_t max_events = 5000;  // per document; hostile input cap
  uint32_t max_gap = 3;        // modifier tokens allowed between pattern words
  uint32_t modality_window = 6;  // tokens before a trigger searched for cues
  uint32_t max_reach = 60;  // tokens either side of a trigger ever examined
  // With a parse: sentences with fewer actor mentions than this are coded
  // by the rules alone. With one actor the parse can only change its role
  // (voice), which the rules read as well; the parse is what costs time
  // (PolNeAR dev articles: 17% of sentences parsed at 1, 13% at 2, with
  // the same PETRARCH scores).
  uint32_t parse_min_actors = 2;
};

// Appends one Event per matched trigger that has at least one actor.
// `quotes` (from FindQuotes) lend their speaker to events inside them.
// `parse` (may be null: positional rules only) is asked for the sentences
// where a verbal trigger matched and an actor is mentioned; the verb's
// arguments in it come first, the rules fill a role it leaves empty.
void CodeEvents(const DocView& view, const std::vector<Quote>& quotes,
                const CoderOptions& options, LazyParse* parse,
                std::vector<Event>* out);

}  // namespace synoptic::events::internal

#endif  // SYNOPTIC_EVENTS_INTERNAL_CODER_H_
