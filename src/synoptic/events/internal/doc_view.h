// A per-document, read-only view for the events stage: lowercased token
// forms, lemmas, token<->mention maps, sentences, and the small syntactic
// probes (prepositions, speakers, pronoun and role antecedents) shared by the
// event coder and the quote finder.
//
// Built once per document by Build(); the string views point into the view's
// own buffer, the lexicon and the DocAnalysis, which must outlive it. Not
// thread-safe for writes; one view per thread.
#ifndef SYNOPTIC_EVENTS_INTERNAL_DOC_VIEW_H_
#define SYNOPTIC_EVENTS_INTERNAL_DOC_VIEW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/types.h"
#include "synoptic/events/internal/lexicon.h"

namespace synoptic::events::internal {

// Who a cue points at: a resolved entity, or only a surface phrase.
struct Speaker {
  bool found = false;
  int32_t entity = -1;  // DocAnalysis::entities index
  std::string text;     // surface phrase ("analysts", "he", "Reuters")
  std::string cited;    // "citing Y": the cited source phrase or key
  uint32_t first = 0;   // token range of the speaker phrase
  uint32_t last = 0;
};

struct DocView {
  const DocAnalysis* a = nullptr;
  const EventLexicon* lex = nullptr;
  std::string lowered;
  std::vector<std::string_view> low;      // per token, lowercase (’ -> ')
  std::vector<std::string_view> lem;      // per token lemma
  std::vector<int32_t> tok_mention;       // covering mention or -1
  std::vector<uint32_t> m_first, m_last;  // per mention token range
  std::vector<bool> m_has_tokens;
  std::vector<Sentence> sentences;     // DocAnalysis::sentences or a fallback
  std::vector<uint32_t> tok_sentence;  // per token sentence index

  void Build(const DocAnalysis& analysis, const EventLexicon& lexicon);

  uint32_t size() const { return static_cast<uint32_t>(low.size()); }
  Pos pos(uint32_t i) const { return a->tokens[i].pos; }
  bool Is(uint32_t i, std::string_view w) const {
    return low[i] == w || lem[i] == w;
  }
  bool IsPunct(uint32_t i) const;
  bool IsQuoteMark(uint32_t i) const;
  bool IsVerbLike(uint32_t i) const;  // VERB, or untagged and not noun-like
  bool IsNounLike(uint32_t i) const;  // NOUN/PROPN, or untagged noun context
  bool IsPreposition(uint32_t i) const;
  bool IsDeterminerLike(uint32_t i) const;  // the, a, his, 's, adjectives...
  bool IsActorMention(int32_t m) const;
  bool IsPlaceMention(int32_t m) const;
  // Matches `phrase` at token i, not running past `limit`; returns the
  // number of tokens matched or 0.
  uint32_t MatchPhrase(uint32_t i, const Phrase& phrase, uint32_t limit) const;
  // Any phrase of `kind` matching at i; returns its length or 0.
  uint32_t MatchCue(CueKind kind, uint32_t i, uint32_t limit) const;
  // Preposition governing mention m ("of X", "in the X"), or "" if none.
  std::string_view GoverningPrep(int32_t m) const;
  // Surface text of tokens [first, last].
  std::string_view Text(uint32_t first, uint32_t last) const;
  // First token whose end is > byte (size() if none).
  uint32_t TokenAtOrAfter(uint32_t byte) const;

  // Most recent PERSON entity mentioned before token `before`, or -1.
  int32_t PronounAntecedent(uint32_t before) const;
  // Most recent PERSON entity introduced with `role` before token `before`.
  int32_t RoleAntecedent(std::string_view role, uint32_t before) const;

  // The speaker of speech verb v: subject before it (within the same
  // sentence, skipping adverbs/aux and a ", citing X," parenthetical) or,
  // when `allow_after`, an inverted subject after it ("said the minister").
  Speaker SpeakerOf(uint32_t v, bool allow_after) const;
  // A speaker phrase starting at token i (mention, pronoun, source/role NP).
  Speaker SpeakerAt(uint32_t i, uint32_t sent_first, uint32_t sent_end) const;
  // A common-noun phrase ending at j that opens its clause ("The campaign",
  // "the company", "Some"), as a speaker of a speech verb right after it.
  Speaker NounPhraseSpeaker(uint32_t j, uint32_t sf) const;
  // "entity key" or the surface phrase, with " < cited" appended.
  std::string AttributionText(const Speaker& s) const;
};

}  // namespace synoptic::events::internal

#endif  // SYNOPTIC_EVENTS_INTERNAL_DOC_VIEW_H_
