// The event coder: trigger patterns -> Event with actors, place, time,
// modality and attribution.
#ifndef SYNOPTIC_EVENTS_INTERNAL_CODER_H_
#define SYNOPTIC_EVENTS_INTERNAL_CODER_H_

#include <vector>

#include "synoptic/core/types.h"
#include "synoptic/events/internal/doc_view.h"

namespace synoptic::events::internal {

struct CoderOptions {
  uint32_t max_events = 5000;  // per document; hostile input cap
  uint32_t max_gap = 3;        // modifier tokens allowed between pattern words
  uint32_t modality_window = 6;  // tokens before a trigger searched for cues
  uint32_t max_reach = 60;  // tokens either side of a trigger ever examined
};

// Appends one Event per matched trigger that has at least one actor.
// `quotes` (from FindQuotes) lend their speaker to events inside them.
void CodeEvents(const DocView& view, const std::vector<Quote>& quotes,
                const CoderOptions& options, std::vector<Event>* out);

}  // namespace synoptic::events::internal

#endif  // SYNOPTIC_EVENTS_INTERNAL_CODER_H_
