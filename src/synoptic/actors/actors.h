// Actors: who is who, and when.
//
// An ActorKb (countries with ISO 3166 alpha-3 / CAMEO codes, capitals,
// demonyms; international organisations; office holders with dated terms;
// aliases) is loaded once and shared read-only by all threads.
// ResolveActors() links a document's mentions to entities: name variants and
// surname-only mentions, demonyms to countries, capitals and "the Kremlin" to
// governments, role descriptions ("the Russian President") to the office
// holder at the document's date. It fills DocAnalysis::entities, sets each
// Mention::entity, and may add mentions the NER missed (demonyms, roles).
#ifndef SYNOPTIC_ACTORS_ACTORS_H_
#define SYNOPTIC_ACTORS_ACTORS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::actors {

class ActorKb;  // opaque; immutable after loading

struct ActorOptions {
  std::string models_dir = "models";
  // Debian's iso-codes JSON (country names and codes).
  std::string iso_codes_dir = "/usr/share/iso-codes/json";
};

Result<std::shared_ptr<const ActorKb>> LoadActorKb(Env* env,
                                                    const ActorOptions& options);

// `date` is the document's date (for dated offices); nullopt = unknown.
void ResolveActors(const ActorKb& kb, const std::optional<civil::Date>& date,
                   DocAnalysis* analysis);

// Keys ("kb:RUS", "kb:city:athens", "kb:putin_vladimir") of the knowledge-
// base entities whose name or alias is `name`, normalised as the resolver
// normalises names (case, accents, periods, hyphens, a leading "the"); a
// capital's name gives its city. Empty when the KB does not know the name.
// For look-up tools and the entity-linking evaluation (a gold Wikipedia
// title is "in the KB" when it names a KB entity).
std::vector<std::string> KbKeysForName(const ActorKb& kb, std::string_view name);

}  // namespace synoptic::actors

#endif  // SYNOPTIC_ACTORS_ACTORS_H_
