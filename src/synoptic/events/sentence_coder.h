// Codes single sentences (or short texts) with the whole per-document chain
// below the events stage: tokens and mentions (nlp), times, actors, then
// events and quotes. This is what `synoptic code` and eval/events run; it
// skips extraction because the input is already plain text.
//
// A SentenceCoder holds the loaded models (shared, read-only); Code() is
// const and safe to call from several threads at once.
#ifndef SYNOPTIC_EVENTS_SENTENCE_CODER_H_
#define SYNOPTIC_EVENTS_SENTENCE_CODER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/events/events.h"
#include "synoptic/events/plover.h"

namespace synoptic::events {

struct SentenceCoderOptions {
  std::string models_dir = "models";
  uint32_t max_text_bytes =
      1u << 20;                 // longer texts are cut (at a UTF-8 boundary)
  bool imported_verbs = true;   // see EventOptions
  std::string extra_verbs_tsv;  // see EventOptions
  bool use_parse = EventOptions().use_parse;      // see EventOptions
  bool quote_parse = EventOptions().quote_parse;  // see EventOptions
  std::string quote_sources = "quotes_sources.tsv";  // see EventOptions
  std::string quote_cues = "quotes_cues.tsv";        // see EventOptions
};

class SentenceCoder {
 public:
  // Loads the nlp model, actor knowledge base, event lexicon and the PLOVER
  // map (a missing events_plover.tsv leaves PLOVER categories empty).
  static Result<std::unique_ptr<SentenceCoder>> Create(
      Env* env, const SentenceCoderOptions& options);
  ~SentenceCoder();

  // Analyses `text` as one document dated `date` (for relative times and
  // dated offices). Paragraphs are split on blank lines. `frames`, when given,
  // receives the quote frames (see ExtractEvents).
  DocAnalysis Code(std::string_view text,
                   const std::optional<civil::Date>& date,
                   std::vector<QuoteFrame>* frames = nullptr) const;

  // PLOVER category of a CAMEO code ("" when unknown).
  std::string_view Plover(std::string_view cameo) const;

  // The event lexicon Code() runs (for timing the events stage alone).
  const EventLexicon& lexicon() const;

 private:
  SentenceCoder();
  struct Models;
  std::unique_ptr<Models> models_;
  SentenceCoderOptions options_;
};

}  // namespace synoptic::events

#endif  // SYNOPTIC_EVENTS_SENTENCE_CODER_H_
