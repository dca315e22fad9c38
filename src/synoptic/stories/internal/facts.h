// Sentence-level facts that two reports of one happening can state
// differently even where the event coder found no frame with actors: the
// venue of a signing or of talks ("in St George's Hall of the Grand Kremlin
// Palace"), how many documents were signed ("signed 10 cooperation
// documents"), how long a meeting lasted. Pure functions on text; safe from
// any thread.
#ifndef SYNOPTIC_STORIES_INTERNAL_FACTS_H_
#define SYNOPTIC_STORIES_INTERNAL_FACTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "synoptic/stories/internal/text.h"

namespace synoptic::stories::internal {

// Whether a lower-cased word opens a temporal adjunct ("after the talks",
// "ahead of the summit"): what follows is not the main clause's happening.
bool IsAdjunctWord(std::string_view lower_word);

// What a sentence reports as happening, by the strongest cue word it holds
// (signing before talks before a ceremony); empty when it holds none. "the
// exchange of 11 documents" counts as a signing.
std::string_view HappeningClass(std::string_view sentence,
                                std::vector<Word>* scratch);

// A named building or room a sentence places a happening in: the
// capitalised phrase after "in"/"at" (with "of the ..." continuations) that
// holds a building word (Hall, Palace, Kremlin, ...), and the class of the
// happening placed there: the strongest cue word in the same clause, at
// most a few words away, that is not inside a temporal adjunct ("after the
// talks"). `name` is as written, `norm` lower-cased without "the" and with
// one apostrophe.
struct Venue {
  std::string_view what;  // "signing", "talks", "ceremony"
  std::string name;
  std::string norm;
};
std::vector<Venue> FindVenues(std::string_view sentence,
                              std::vector<Word>* scratch);

// Whether one venue contains the other as a run of words ("kremlin" in
// "st george's hall of the grand kremlin palace"): such values do not
// contradict each other.
bool VenueContains(std::string_view outer_norm, std::string_view inner_norm);

// The class a counted noun belongs to when reports name one thing with
// different words ("documents", "agreements", "deals" signed), or the noun
// itself.
std::string CountClass(std::string_view head);

// Whether a sentence says that something lasted a while ("lasted", "spent",
// "went on for"), so that a duration in it is the length of a happening.
bool StatesLength(std::string_view sentence, std::vector<Word>* scratch);

// Hours in a TIMEX3 duration of a day or less ("PT3H" = 3, "PT90M" = 1.5,
// "PT4.5H" = 4.5); negative for anything else.
double DurationHours(std::string_view value);

}  // namespace synoptic::stories::internal

#endif  // SYNOPTIC_STORIES_INTERNAL_FACTS_H_
