// A learned detector of attribution cues the verb list does not know.
//
// The quote rules (quotes.cc) read an attribution off a verb from their
// list ("say", "argue", ...) or a verb with a that-clause. Many cues of
// news text are other verbs that attribute only in some uses ("made it
// clear", "took aim at", "issued a statement"). The cue model scores such a
// candidate verb (CueCandidate in quotes.h) with a logistic model over
// sparse string features of the verb and its neighbours (its form and
// lemma, the words and tags around it, a that/quote/colon after it, a
// mention or pronoun before it, its place in the sentence); a verb whose
// probability reaches the model's threshold is read as a cue with the
// rules' own frame (source before it, content after it). The weights are
// trained by our code on PolNeAR train (quotes_train.cc, `synoptic train
// cues`).
//
// A CueModel is immutable after Parse and safe to share between threads.
#ifndef SYNOPTIC_EVENTS_INTERNAL_CUE_MODEL_H_
#define SYNOPTIC_EVENTS_INTERNAL_CUE_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synoptic/core/status.h"
#include "synoptic/events/internal/doc_view.h"

namespace synoptic::events::internal {

// Hash of one feature string (the model file keeps the strings).
uint64_t CueFeatureHash(std::string_view feature);

// The features of the candidate verb at token i of the sentence [sf, se):
// their hashes are appended to *hashes, and their strings to *names when
// given. `scratch` is reused between calls (no allocation once grown).
void CueFeatures(const DocView& v, uint32_t i, uint32_t sf, uint32_t se,
                 std::string* scratch, std::vector<uint64_t>* hashes,
                 std::vector<std::string>* names = nullptr);

class CueModel {
 public:
  // Parses the model file (see models/MODELS.md): a "# synoptic
  // quote-cues v1" header line, '#' comment lines, a "threshold<TAB>P" row
  // (the probability a cue needs, 0 < P <= 1), "feature<TAB>weight" rows
  // (weights in thousandths) and a last row "rows<TAB>N" counting the
  // feature rows. Fails with kNotSupported on another header and kCorrupt
  // on a malformed row, a missing or out-of-range threshold or a wrong
  // count.
  static Result<std::shared_ptr<const CueModel>> Parse(std::string_view tsv);
  // Builds a model from weights directly (tests, the trainer).
  static std::shared_ptr<const CueModel> FromWeights(
      std::unordered_map<uint64_t, float> weights, double threshold);

  // The probability that the features' token is a cue.
  double Probability(const std::vector<uint64_t>& features) const;
  double threshold() const { return threshold_; }
  size_t size() const { return weights_.size(); }

 private:
  std::unordered_map<uint64_t, float> weights_;
  double threshold_ = 0.5;
};

}  // namespace synoptic::events::internal

#endif  // SYNOPTIC_EVENTS_INTERNAL_CUE_MODEL_H_
