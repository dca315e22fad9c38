// Training the quote-source ranker (events/internal/source_ranker.h) on
// attribution-annotated articles (PolNeAR's brat files): what
// `synoptic train quotes` runs.
//
// Not thread-safe in itself (one training run at a time); the coder it is
// given is only read.
#ifndef SYNOPTIC_EVENTS_QUOTES_TRAIN_H_
#define SYNOPTIC_EVENTS_QUOTES_TRAIN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/events/sentence_coder.h"

namespace synoptic::events {

// One gold attribution: its source and content fragments (byte spans into
// the article text; the source may be empty).
struct GoldAttribution {
  std::vector<ByteSpan> source, cue, content;
};
struct AttributionDoc {
  std::string text;
  std::vector<GoldAttribution> gold;
};

// Reads a brat standoff annotation of PolNeAR's kind: "T" lines give a role
// (Source, Cue, Content, Content2) and code point fragments, "E" lines tie
// them into attributions. Offsets past the text are clipped. Fails with
// kInvalidArgument when the text is not UTF-8.
Result<AttributionDoc> ReadBratAttributions(std::string text,
                                            std::string_view ann);

struct QuoteSourceTrainOptions {
  int iterations = 8;  // passes over the data
  uint64_t seed = 1;   // shuffling seed
  // Subtracted from the "no source" candidate's score (in weight units):
  // a source is kept unless "none" wins by this margin. Chosen on PolNeAR
  // dev among 0-14 (10 until the parse found more sources; 6 since).
  double none_bias = 6;
  std::string provenance;             // '#' lines written into the model header
  std::string models_dir = "models";  // for the event lexicon
};

struct QuoteSourceTrainStats {
  size_t docs = 0, choices = 0, examples = 0, features = 0;
  // Share of the training examples whose gold candidate the final model
  // picks, and the share the rules' own choice gets.
  double accuracy = 0, rule_accuracy = 0;
};

// Codes every document with `rules_coder` (which must be created with no
// quote-source model, SentenceCoderOptions::quote_sources empty), matches
// its attributions to the gold ones by content overlap, and trains an
// averaged perceptron to pick the candidate overlapping the gold source
// ("no source" when gold has none or the attribution is not in gold).
// Returns the model file text.
Result<std::string> TrainQuoteSources(Env* env,
                                      const SentenceCoder& rules_coder,
                                      const std::vector<AttributionDoc>& docs,
                                      const QuoteSourceTrainOptions& options,
                                      QuoteSourceTrainStats* stats);

struct QuoteCueTrainOptions {
  int iterations = 10;     // passes over the data
  uint64_t seed = 1;       // shuffling seed
  double rate = 0.1;       // SGD step size
  double l2 = 1e-4;        // L2 penalty per example (weight decay)
  double threshold = 0.4;  // probability a cue needs (written in the file)
  int min_count = 3;       // features seen in fewer examples are dropped
  std::string provenance;  // '#' lines written into the model header
  std::string models_dir = "models";  // for the event lexicon
};

struct QuoteCueTrainStats {
  size_t docs = 0, candidates = 0, positives = 0, features = 0;
  // On the training candidates with the final model and threshold.
  double precision = 0, recall = 0;
};

// Codes every document with `rules_coder`, takes every CueCandidate verb
// (events/internal/quotes.h) as an example, positive when it lies inside a
// gold cue, and trains a logistic model of "is a cue" by averaged
// stochastic gradient descent. Returns the model file text
// (events/internal/cue_model.h).
Result<std::string> TrainQuoteCues(Env* env, const SentenceCoder& rules_coder,
                                   const std::vector<AttributionDoc>& docs,
                                   const QuoteCueTrainOptions& options,
                                   QuoteCueTrainStats* stats);

}  // namespace synoptic::events

#endif  // SYNOPTIC_EVENTS_QUOTES_TRAIN_H_
