// Events, quotes and claims: who did what to whom, and who says so.
//
// An EventLexicon (verb and noun patterns with CAMEO codes, quad class and
// Goldstein scores, attribution and modality cues) is loaded once and shared
// read-only. ExtractEvents() reads a document whose tokens, sentences,
// mentions, entities and times are filled, and fills DocAnalysis::events and
// ::quotes. Every event carries its evidence sentence, modality and
// attribution.
#ifndef SYNOPTIC_EVENTS_EVENTS_H_
#define SYNOPTIC_EVENTS_EVENTS_H_

#include <memory>
#include <string>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::events {

class EventLexicon;  // opaque; immutable after loading

struct EventOptions {
  std::string models_dir = "models";
};

Result<std::shared_ptr<const EventLexicon>> LoadEventLexicon(
    Env* env, const EventOptions& options);

void ExtractEvents(const EventLexicon& lexicon, DocAnalysis* analysis);

}  // namespace synoptic::events

#endif  // SYNOPTIC_EVENTS_EVENTS_H_
