// A learned choice of a quote's source among candidate phrases.
//
// The quote rules (quotes.cc) propose one source phrase per attribution, or
// none. The ranker re-decides it: the candidates are "no source", the rules'
// phrase, and the names, pronouns and noun phrases of the cue's sentence
// outside the quoted content; each is described by sparse string features
// (its kind, head word, mention type, side of the cue and distance to it,
// the words around it, the cue's lemma, ...) and the highest scoring one
// under a linear model wins. The model is an averaged perceptron trained by
// our code on PolNeAR train (quotes_train.cc, `synoptic train quotes`).
//
// A SourceRanker is immutable after Parse and safe to share between
// threads. SourceChoices / RerankSources are pure functions of their
// arguments.
#ifndef SYNOPTIC_EVENTS_INTERNAL_SOURCE_RANKER_H_
#define SYNOPTIC_EVENTS_INTERNAL_SOURCE_RANKER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/events/events.h"
#include "synoptic/events/internal/doc_view.h"

namespace synoptic::events::internal {

// Candidate phrases of one attribution; candidates[0] is "no source".
struct SourceCandidate {
  uint32_t first = 0, last = 0;  // token range; unused for "no source"
  bool none = false;
  bool rule = false;               // the rules' own choice
  std::vector<uint64_t> features;  // hashed feature strings
};
struct SourceChoice {
  size_t quote = 0;  // index into the quotes
  std::vector<SourceCandidate> candidates;
};

struct SourceChoiceOptions {
  uint32_t max_candidates = 16;   // nearest to the cue first; hostile-input cap
  uint32_t max_span_tokens = 12;  // a noun phrase candidate's length cap
};

// Hash of one feature string (the model file keeps the strings).
uint64_t SourceFeatureHash(std::string_view feature);

// The choices for every quote that starts an attribution and whose source
// is not fixed. Continuations carry the speaker of the quote they continue,
// and a source the rules resolved to an entity (Quote::speaker >= 0) stays;
// both are left out. When
// `names` is given, it receives the feature strings of every candidate, in
// order (for training and for the model file).
std::vector<SourceChoice> SourceChoices(
    const DocView& v, const std::vector<Quote>& quotes,
    const std::vector<QuoteFrame>& frames, const SourceChoiceOptions& options,
    std::vector<std::vector<std::vector<std::string>>>* names = nullptr);

class SourceRanker {
 public:
  // Parses the model file (see models/MODELS.md): a "# synoptic
  // quote-sources v1" header line, '#' comment lines, then
  // "feature<TAB>weight" rows and a last row "rows<TAB>N" with the row
  // count. Fails with kNotSupported on another header and kCorrupt on a
  // malformed row or a wrong count.
  static Result<std::shared_ptr<const SourceRanker>> Parse(
      std::string_view tsv);
  // Builds a model from weights directly (tests, the trainer).
  static std::shared_ptr<const SourceRanker> FromWeights(
      std::unordered_map<uint64_t, float> weights);

  float Score(const SourceCandidate& c) const;
  // Index of the best candidate (ties: the earlier one).
  size_t Best(const SourceChoice& choice) const;
  size_t size() const { return weights_.size(); }

 private:
  std::unordered_map<uint64_t, float> weights_;
};

// Re-decides the source of every attribution SourceChoices lists with
// `ranker`: the frame's source and the quote's
// speaker follow the chosen candidate (none clears both).
void RerankSources(const DocView& v, const SourceRanker& ranker,
                   const SourceChoiceOptions& options,
                   std::vector<Quote>* quotes, std::vector<QuoteFrame>* frames);

}  // namespace synoptic::events::internal

#endif  // SYNOPTIC_EVENTS_INTERNAL_SOURCE_RANKER_H_
