// The event lexicon: trigger patterns with CAMEO codes, cue words for
// modality, attribution and quotes, and irregular word forms.
//
// Built once from three TSV texts (models/events_{verbs,cues,forms}.tsv) and
// then immutable: every method is const and safe to call from many threads.
// String views returned point into the lexicon (or into the caller's input,
// for Lemma() of unknown words) and live as long as both.
#ifndef SYNOPTIC_EVENTS_INTERNAL_LEXICON_H_
#define SYNOPTIC_EVENTS_INTERNAL_LEXICON_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "synoptic/core/status.h"

namespace synoptic::events {

namespace internal {
class SourceRanker;
class CueModel;
}  // namespace internal

namespace internal {

// Hash for heterogeneous lookup of std::string keys by std::string_view.
struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};
using SvSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;
template <typename V>
using SvMap = std::unordered_map<std::string, V, SvHash, std::equal_to<>>;

// One alternative of a pattern element: one or more consecutive words.
using Alternative = std::vector<std::string>;

struct Pattern {
  std::vector<std::vector<Alternative>> elements;
  uint32_t head = 0;  // index of the head element (POS-checked)
  bool noun = false;  // N row (nominal trigger) vs V row
  bool needs_target = false;
  bool symmetric = false;
  bool imported = false;  // from a PETRARCH dictionary: tried after ours
  // The code of the reverse event, target -> source ("arrive in": 042 for
  // the visitor, 043 "host a visit" for the place); "" when none.
  std::string pair_code;
  // Where the pattern names its actors (PETRARCH's '$' source and '+'
  // target markers): the number of elements before the slot, or -1 when the
  // row does not say. A slot before the head element (0 for a verb row that
  // starts with its verb) is the verb's subject.
  int8_t source_slot = -1;
  int8_t target_slot = -1;
  std::string type;  // verb class
  std::string code;  // CAMEO code, "" when none
  uint8_t quad = 0;
  double goldstein = 0.0;
  uint32_t order = 0;  // row number, for stable tie-breaks
};

enum class CueKind : uint8_t {
  kSpeech,
  kThatSpeech,
  kBelief,
  kNegation,
  kNegVerb,
  kPlanned,
  kPlanAdj,
  kSpeculated,
  kHypothetical,
  kReported,
  kSource,
  kExpert,
  kRole,
  kReciprocal,
  kCount,
};

// A cue phrase: words to be matched against token lemma or form in order.
using Phrase = std::vector<std::string>;

struct ParseModels;  // dep_view.h

}  // namespace internal

class EventLexicon {
 public:
  // Parses the three TSV texts. Fails with kNotSupported on an unknown
  // header/version and kCorrupt (with the line number) on a malformed row.
  // `parse`, when given, lets the coder find arguments over a dependency
  // parse (EventOptions::use_parse: `parse_events`) and the quote finder
  // the sources the rules miss (EventOptions::quote_parse:
  // `parse_quotes`); the lexicon shares it read-only.
  static Result<std::shared_ptr<const EventLexicon>> Parse(
      std::string_view verbs_tsv, std::string_view cues_tsv,
      std::string_view forms_tsv,
      std::shared_ptr<const internal::ParseModels> parse = nullptr,
      std::shared_ptr<const internal::SourceRanker> source_ranker = nullptr,
      std::shared_ptr<const internal::CueModel> cue_model = nullptr,
      bool parse_events = true, bool parse_quotes = true);

  // The learned cue detector, or null (the rules' verb list alone).
  const internal::CueModel* cue_model() const { return cue_model_.get(); }

  // The learned choice of quote sources, or null (the rules alone).
  const internal::SourceRanker* source_ranker() const {
    return source_ranker_.get();
  }

  // Lemma of a lowercase word: the irregular-form table, else a known lemma
  // reached by stripping a regular suffix (-s, -es, -ies, -ed, -ing, doubled
  // consonants), else the word itself.
  std::string_view Lemma(std::string_view lower) const;

  // Patterns whose first element has an alternative whose first word is
  // `word`: rows not flagged imported first, then longest (most elements)
  // first, then in file order.
  const std::vector<uint32_t>* PatternsStartingWith(
      std::string_view word) const;
  const internal::Pattern& pattern(uint32_t i) const { return patterns_[i]; }
  size_t pattern_count() const { return patterns_.size(); }

  // Single-word cue membership (the phrase has one word equal to `word`).
  bool IsCue(internal::CueKind kind, std::string_view word) const;
  // True if `word` occurs in any negation, plan, hedge or condition phrase
  // ("expected", "refused", "set"): such verbs belong to a trigger's cues.
  bool IsModalityWord(std::string_view word) const {
    return modality_words_.count(word) != 0;
  }
  // The tagger and parser for argument finding, or null (rules only).
  const internal::ParseModels* parse_models() const { return parse_.get(); }
  // Whether the event coder and the quote finder use them.
  bool parse_for_events() const { return parse_ != nullptr && parse_events_; }
  bool parse_for_quotes() const { return parse_ != nullptr && parse_quotes_; }

  // All phrases of a kind (for multi-word matching).
  const std::vector<internal::Phrase>& Phrases(internal::CueKind kind) const {
    return phrases_[static_cast<size_t>(kind)];
  }

 private:
  EventLexicon() = default;
  bool Known(std::string_view w) const { return known_.count(w) != 0; }

  bool parse_events_ = true;
  bool parse_quotes_ = true;
  std::vector<internal::Pattern> patterns_;
  internal::SvMap<std::vector<uint32_t>> by_first_;
  std::vector<internal::Phrase>
      phrases_[static_cast<size_t>(internal::CueKind::kCount)];
  internal::SvSet single_[static_cast<size_t>(internal::CueKind::kCount)];
  internal::SvMap<std::string> forms_;
  internal::SvSet known_;  // every lemma the lexicon mentions
  internal::SvSet modality_words_;
  std::shared_ptr<const internal::ParseModels> parse_;
  std::shared_ptr<const internal::SourceRanker> source_ranker_;
  std::shared_ptr<const internal::CueModel> cue_model_;
};

}  // namespace synoptic::events

#endif  // SYNOPTIC_EVENTS_INTERNAL_LEXICON_H_
