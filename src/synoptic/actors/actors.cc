// PLACEHOLDER: replaced by the actors implementation.
#include "synoptic/actors/actors.h"
namespace synoptic::actors {
class ActorKb {};
Result<std::shared_ptr<const ActorKb>> LoadActorKb(Env*, const ActorOptions&) { return std::shared_ptr<const ActorKb>(std::make_shared<ActorKb>()); }
void ResolveActors(const ActorKb&, const std::optional<civil::Date>&, DocAnalysis*) {}
}  // namespace synoptic::actors
