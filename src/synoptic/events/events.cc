// The events stage entry points: load the lexicon, then per document find
// quotes (so that events inside them inherit their speaker) and code events.
#include "synoptic/events/events.h"

#include <optional>
#include <utility>

#include "synoptic/events/internal/coder.h"
#include "synoptic/events/internal/cue_model.h"
#include "synoptic/events/internal/dep_view.h"
#include "synoptic/events/internal/doc_view.h"
#include "synoptic/events/internal/lexicon.h"
#include "synoptic/events/internal/quotes.h"
#include "synoptic/events/internal/source_ranker.h"

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
  // Imported rows follow the hand-written ones, so on equal length our own
  // rows win (the coder breaks ties by row order).
  if (options.imported_verbs) {
    auto imported =
        env->ReadFile(dir + "/events_petrarch.tsv", kMaxLexiconBytes);
    if (imported.ok()) {
      verbs += "\n" + *imported;
    } else if (imported.status().code() != StatusCode::kNotFound) {
      return imported.status();
    }
  }
  // Extra rows go first: on equal length they win over ours.
  if (!options.extra_verbs_tsv.empty())
    verbs = options.extra_verbs_tsv + "\n" + verbs;
  std::shared_ptr<const internal::ParseModels> parse;
  if (options.use_parse || options.quote_parse) {
    auto models = internal::LoadParseModels(env, dir);
    if (models.ok()) {
      parse = std::move(models).value();
    } else if (options.use_parse ||
               models.status().code() != StatusCode::kNotFound) {
      return models.status();
    }
  }
  std::shared_ptr<const internal::SourceRanker> ranker;
  if (!options.quote_sources.empty()) {
    const std::string path = dir + "/" + options.quote_sources;
    auto text = env->ReadFile(path, kMaxLexiconBytes);
    if (text.ok()) {
      auto r = internal::SourceRanker::Parse(*text);
      if (!r.ok())
        return Status(r.status().code(), path + ": " + r.status().message());
      ranker = std::move(r).value();
    } else if (text.status().code() != StatusCode::kNotFound) {
      return text.status();
    }
  }
  std::shared_ptr<const internal::CueModel> cue_model;
  if (!options.quote_cues.empty()) {
    const std::string path = dir + "/" + options.quote_cues;
    auto text = env->ReadFile(path, kMaxLexiconBytes);
    if (text.ok()) {
      auto r = internal::CueModel::Parse(*text);
      if (!r.ok())
        return Status(r.status().code(), path + ": " + r.status().message());
      cue_model = std::move(r).value();
    } else if (text.status().code() != StatusCode::kNotFound) {
      return text.status();
    }
  }
  return EventLexicon::Parse(verbs, cues, forms, std::move(parse),
                             std::move(ranker), std::move(cue_model),
                             options.use_parse, options.quote_parse);
}

void ExtractEvents(const EventLexicon& lexicon, DocAnalysis* analysis) {
  ExtractEvents(lexicon, analysis, nullptr);
}

void ExtractEvents(const EventLexicon& lexicon, DocAnalysis* analysis,
                   std::vector<QuoteFrame>* frames) {
  analysis->events.clear();
  analysis->quotes.clear();
  if (frames != nullptr) frames->clear();
  internal::DocView view;
  view.Build(*analysis, lexicon);
  std::vector<QuoteFrame> local;
  std::vector<QuoteFrame>* f = frames != nullptr ? frames : &local;
  // One lazy parse for both users; a sentence is parsed once, when the
  // first of them needs it.
  std::optional<internal::LazyParse> parse;
  if (lexicon.parse_models() != nullptr)
    parse.emplace(*lexicon.parse_models(), view);
  internal::QuoteOptions qo;
  qo.cue_model = lexicon.cue_model();
  if (parse && lexicon.parse_for_quotes()) qo.parse = &*parse;
  internal::FindQuotes(view, qo, &analysis->quotes, f);
  if (const internal::SourceRanker* r = lexicon.source_ranker())
    internal::RerankSources(view, *r, internal::SourceChoiceOptions(),
                            &analysis->quotes, f);
  internal::CodeEvents(view, analysis->quotes, internal::CoderOptions(),
                       parse && lexicon.parse_for_events() ? &*parse : nullptr,
                       &analysis->events);
}

}  // namespace synoptic::events
