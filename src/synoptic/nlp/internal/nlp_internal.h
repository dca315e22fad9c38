// Internals of the nlp stage: the lexicon model and the four passes that
// Annotate() runs in order (tokenize, split sentences, tag, find mentions).
// Each pass reads what the previous ones wrote into the DocAnalysis and
// allocates only per document.
#ifndef SYNOPTIC_NLP_INTERNAL_NLP_INTERNAL_H_
#define SYNOPTIC_NLP_INTERNAL_NLP_INTERNAL_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/nlp/ner_model.h"
#include "synoptic/nlp/nlp.h"
#include "synoptic/nlp/pos_model.h"

namespace synoptic::nlp {

// Cue bits of a lexicon word (models/nlp_lexicon.tsv, column 3).
inline constexpr uint16_t kCueTitle = 1;  // "President", "Mr", "leader"
inline constexpr uint16_t kCueOrg = 2;    // "Ministry", "Council"
inline constexpr uint16_t kCueGpe = 4;    // "oblast", "Republic", "city"
inline constexpr uint16_t kCueLoc = 8;    // "river", "peninsula"
inline constexpr uint16_t kCueMonth = 16;
inline constexpr uint16_t kCueWeekday = 32;
inline constexpr uint16_t kCueJunk = 64;       // "BREAKING", "Related"
inline constexpr uint16_t kCueParticle = 128;  // "bin", "von", "al"
inline constexpr uint16_t kCueAbbr = 256;      // takes a period: "Dr."
inline constexpr uint16_t kCueStarter =
    512;  // function word opening a sentence

struct LexEntry {
  Pos pos = Pos::kX;
  bool has_pos = false;
  uint16_t cues = 0;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

}  // namespace synoptic::nlp

namespace synoptic::nlp {

// The loaded lexicon. Immutable after LoadNlpModel; safe to share.
class NlpModel {
 public:
  // `lower` must already be lowercased (see LowerInto). Null when unknown.
  const LexEntry* Find(std::string_view lower) const {
    auto it = words_.find(lower);
    return it == words_.end() ? nullptr : &it->second;
  }
  // Parses the TSV text of models/nlp_lexicon.tsv.
  Status ParseLexicon(std::string_view tsv);
  size_t size() const { return words_.size(); }
  // The trained tagger, or null (lexicon rules only).
  const PosModel* pos_model() const { return pos_.get(); }
  void set_pos_model(std::shared_ptr<const PosModel> m) { pos_ = std::move(m); }
  // The trained entity tagger and the POS model that feeds it, or null.
  const NerModel* ner_model() const { return ner_.get(); }
  const PosModel* ner_pos_model() const { return ner_pos_.get(); }
  void set_ner_model(std::shared_ptr<const NerModel> m, std::shared_ptr<const PosModel> pos) {
    ner_ = std::move(m);
    ner_pos_ = std::move(pos);
  }

 private:
  std::shared_ptr<const PosModel> pos_;
  std::shared_ptr<const NerModel> ner_;
  std::shared_ptr<const PosModel> ner_pos_;
  std::unordered_map<std::string, LexEntry, StringHash, std::equal_to<>> words_;
};

namespace internal {

// Lowercases `word` into buf (capacity cap) and returns a view of it; returns
// an empty view when the word does not fit. Never allocates.
std::string_view LowerInto(std::string_view word, char* buf, size_t cap);

// Passes, in order. Each clears and fills its own output.
void Tokenize(const NlpModel& model, DocAnalysis* a);
void SplitSentences(const NlpModel& model, const NlpOptions& options,
                    DocAnalysis* a);
void TagPos(const NlpModel& model, DocAnalysis* a);
void FindMentions(const NlpModel& model, DocAnalysis* a);
// With a trained entity model: its entities, plus the rule finder's
// mentions that it leaves out and that are demonyms ("Russian").
void FindMentionsWithModel(const NlpModel& model, bool keep_rule_mentions,
                           DocAnalysis* a);

// Tags one sentence of given words with the lexicon rules of TagPos (as if
// it were a document of its own); for training on pre-tokenised corpora.
// Allocates (not for the hot path: there Token::pos already holds them).
void TagWordsWithRules(const NlpModel& model, std::span<const std::string_view> words,
                       std::span<Pos> out);

// Parses a Universal POS name ("NOUN"); false if unknown.
bool ParsePos(std::string_view name, Pos* out);

// True when the sentence is written in Title Case or ALL CAPS (headlines),
// where capitalisation says nothing about names.
bool IsHeadlineSentence(const NlpModel& model, const DocAnalysis& a,
                        const Sentence& s);

}  // namespace internal
}  // namespace synoptic::nlp

#endif  // SYNOPTIC_NLP_INTERNAL_NLP_INTERNAL_H_
