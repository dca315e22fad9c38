// PLACEHOLDER: replaced by the events implementation.
#include "synoptic/events/events.h"
namespace synoptic::events {
class EventLexicon {};
Result<std::shared_ptr<const EventLexicon>> LoadEventLexicon(Env*, const EventOptions&) { return std::shared_ptr<const EventLexicon>(std::make_shared<EventLexicon>()); }
void ExtractEvents(const EventLexicon&, DocAnalysis*) {}
}  // namespace synoptic::events
