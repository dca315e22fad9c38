// The names by which the event clusterer compares actors across
// documents. Reports from different outlets name one actor differently:
// "Ian Paisley" in one, "Paisley" or "Mr Paisley" in another; "Northern
// Ireland" typed as a place by one tagger run and as an organisation by
// another. Pure functions; safe from any thread.
#ifndef SYNOPTIC_STORIES_INTERNAL_NAMES_H_
#define SYNOPTIC_STORIES_INTERNAL_NAMES_H_

#include <cstdint>
#include <vector>

#include "synoptic/stories/stories.h"

namespace synoptic::stories::internal {

// Per global entity: a dense id shared by the entities taken for one
// actor. Names are compared lower-cased, without dots and commas, without
// the entity type, and for people without titles before the name ("Gen",
// "Mr", "President"). A person named by one word takes the id of the one
// full name in `entities` with that surname (the last word, before a
// suffix such as "Jr"); when several full names have it ("Gerry Adams",
// "John Adams") it keeps its own. Entities without a name keep their own id.
// Sets
// (*person)[id] to whether any entity of that id is a person. The ids
// depend only on the order of `entities`.
std::vector<uint32_t> MatchIds(const std::vector<GlobalEntity>& entities,
                               std::vector<bool>* person);

}  // namespace synoptic::stories::internal

#endif  // SYNOPTIC_STORIES_INTERNAL_NAMES_H_
