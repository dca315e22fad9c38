// Tokens, sentences, part-of-speech tags and candidate entity mentions.
//
// An NlpModel is loaded once and shared read-only by every thread
// (std::shared_ptr<const NlpModel>). Annotate() fills DocAnalysis::tokens,
// ::sentences and ::mentions (typed candidates, not yet resolved: entity = -1)
// from DocAnalysis::doc.text. It allocates per document, never per token.
// Offsets are bytes into doc.text.
#ifndef SYNOPTIC_NLP_NLP_H_
#define SYNOPTIC_NLP_NLP_H_

#include <memory>
#include <string>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::nlp {

class NlpModel;  // opaque; immutable after loading

struct NlpOptions {
  std::string models_dir = "models";  // where the shipped model files are
  // Sentences longer than this many tokens are split at the cap.
  uint32_t max_sentence_tokens = 250;
  // A trained part-of-speech model (pos_model.h) in models_dir, made by
  // `synoptic train pos`; it then tags every sentence except headlines
  // (where capitals say nothing and the lexicon rules decide). Empty (the
  // default for now): lexicon rules only, which the mention finder is tuned
  // to. A named model that is missing or corrupt is an error.
  std::string pos_model;
  // A trained named-entity model (ner_model.h) in models_dir, made by
  // `synoptic train ner`: the default "ner_en.bin" takes its POS features
  // from the lexicon rules (Token::pos, nothing extra to run);
  // "ner_en_pos.bin" from pos_en.bin (or pos_model when set), a little more
  // accurate and slower. The mentions then come from it (plus the rule
  // finder's demonyms it leaves out). Empty: the rule-based mention finder.
  // A named model that is missing or corrupt is an error.
  std::string ner_model = "ner_en.bin";
  // With a model: keep every rule-finder mention the model's entities do
  // not overlap (true), or only demonyms, names the gazetteer knows and
  // places before a place word (false). The model misses names it has
  // never seen in a frame it does not know ("Gondor's troops crossed into
  // Mordor"); keeping the rule mentions costs precision on GUM dev (exact F1
  // 0.694 -> 0.646; the rules alone 0.402) and keeps event coding, which
  // needs its actors: PETR_Validate found 36.8% -> 75.7% (rules alone 78.0%).
  bool ner_keep_rule_mentions = true;
};

Result<std::shared_ptr<const NlpModel>> LoadNlpModel(Env* env,
                                                      const NlpOptions& options);

// Fills analysis->tokens, ->sentences and ->mentions; clears them first.
void Annotate(const NlpModel& model, const NlpOptions& options,
              DocAnalysis* analysis);

}  // namespace synoptic::nlp

#endif  // SYNOPTIC_NLP_NLP_H_
