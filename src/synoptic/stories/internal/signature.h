// Event signatures: who travels where. Two reports of one happening agree
// on the direction of the visit they describe ("A's leader in B"), whatever
// their wording; two meetings of the same leaders in each other's capitals
// are two happenings even when neither article carries a date.
// Pure functions; safe from any thread.
#ifndef SYNOPTIC_STORIES_INTERNAL_SIGNATURE_H_
#define SYNOPTIC_STORIES_INTERNAL_SIGNATURE_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "synoptic/core/types.h"

namespace synoptic::stories::internal {

// (move key, weight) sorted by key, unique. A move is (from country, to
// country): a party of a visit, a hosted guest, or a participant of a
// meeting held abroad travels from its country to the venue's.
using Moves = std::vector<std::pair<uint64_t, float>>;

// The country of an actor code ("RUSGOV" -> RUS), packed; 0 for none and
// for organisations and regions (IGO..., WST, EUR...).
uint32_t CountryOf(std::string_view code);
inline uint64_t MoveKey(uint32_t from, uint32_t to) {
  return (static_cast<uint64_t>(from) << 32) | to;
}

// A document's moves. Each event counts by its modality (facts 1, plans and
// guesses 0.5, negated and hypothetical 0) and its position (the lead more
// than the end); events dated far from a dated document's publication are
// background and count little. A venue with no country code takes the
// country of the nearest coded place named beside it in the same sentence
// ("in the east of A, in the X region"). Weights are capped at 1 per move.
Moves DocMoves(const DocAnalysis& a);

// Whether a document's moves contradict a cluster's summed moves: the same
// pair of countries with opposite dominant directions, or the same
// traveller with disjoint dominant destinations. Weak evidence on either
// side (below `min_mass`) never conflicts.
bool MovesConflict(const Moves& doc, const Moves& cluster,
                   double min_mass = 0.3);

}  // namespace synoptic::stories::internal

#endif  // SYNOPTIC_STORIES_INTERNAL_SIGNATURE_H_
