// The events stage entry points: load the lexicon, then per document find
// quotes (so that events inside them inherit their speaker) and code events.
#include "synoptic/events/events.h"

#include "synoptic/events/internal/coder.h"
#include "synoptic/events/internal/doc_view.h"
#include "synoptic/events/internal/lexicon.h"
#include "synoptic/events/internal/quotes.h"

namespace synoptic::events {

namespace {
constexpr uint64_t kMaxLexiconBytes = 8u << 20;
}  // namespace

Result<std::shared_ptr<const EventLexicon>> LoadEventLexicon(
    Env* env, const EventOptions& options) {
  const std::string dir = options.models_dir.empty() ? "." : options.models_dir;
  SYN_ASSIGN_OR_RETURN(
      std::string verbs,
      env->ReadFile(dir + "/events_verbs.tsv", kMaxLexiconBytes));
  SYN_ASSIGN_OR_RETURN(std::string cues, env->ReadFile(dir + "/events_cues.tsv",
                                                       kMaxLexiconBytes));
  SYN_ASSIGN_OR_RETURN(
      std::string forms,
      env->ReadFile(dir + "/events_forms.tsv", kMaxLexiconBytes));
  return EventLexicon::Parse(verbs, cues, forms);
}

void ExtractEvents(const EventLexicon& lexicon, DocAnalysis* analysis) {
  analysis->events.clear();
  analysis->quotes.clear();
  internal::DocView view;
  view.Build(*analysis, lexicon);
  internal::FindQuotes(view, internal::QuoteOptions(), &analysis->quotes);
  internal::CodeEvents(view, analysis->quotes, internal::CoderOptions(),
                       &analysis->events);
}

}  // namespace synoptic::events
