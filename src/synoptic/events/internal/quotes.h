// Direct and indirect quotes with their speakers.
#ifndef SYNOPTIC_EVENTS_INTERNAL_QUOTES_H_
#define SYNOPTIC_EVENTS_INTERNAL_QUOTES_H_

#include <vector>

#include "synoptic/core/types.h"
#include "synoptic/events/events.h"
#include "synoptic/events/internal/doc_view.h"

namespace synoptic::events::internal {

class CueModel;   // cue_model.h
class LazyParse;  // dep_view.h

struct QuoteOptions {
  uint32_t max_quotes = 2000;    // per document; hostile input cap
  uint32_t min_words = 4;        // shorter quoted text needs an adjacent cue
  uint32_t max_paragraphs = 12;  // one quote may run over this many paragraphs
  uint32_t max_continue_gap =
      300;  // bytes from a quote to a bare quote continuing it, same paragraph
  uint32_t max_carry_paragraphs =
      3;  // a bare quote paragraph takes the speaker of a quote this far back
  uint32_t max_sentence_tokens =
      400;  // longer "sentences" get no indirect quotes
  // The learned cue detector, or null (the rules' verb list alone): a
  // CueCandidate verb it scores at or above its threshold is read as an
  // attribution cue, its source and content found as for a listed verb.
  const CueModel* cue_model = nullptr;
  // The document's lazy dependency parse, or null: an attribution cue whose
  // source the positional rules do not find takes the subject the parse
  // gives it (the verb's nsubj, or that of the verb it is coordinated with
  // or a participle of); only such sentences are parsed.
  LazyParse* parse = nullptr;
};

// True when the verb at token i of the sentence [sf, se) is one the cue
// model decides on: a verb, not inside a name, not an auxiliary, not the
// sentence's first word, and none the rules already read as a cue by
// themselves (a listed attribution verb, a verb with a that-clause, an
// evidential, a feeling participle before "by", "asked").
bool CueCandidate(const DocView& v, uint32_t i, uint32_t sf, uint32_t se);

// Appends the document's quotes to *out: direct quotes (every common
// quotation-mark style, multi-paragraph ones joined) in text order, then
// indirect ones ("X said that ..."). Works on text alone when there are no
// tokens (speakers are then left unknown). When `frames` is given, one
// QuoteFrame per appended quote is appended to it, in the same order.
void FindQuotes(const DocView& view, const QuoteOptions& options,
                std::vector<Quote>* out,
                std::vector<QuoteFrame>* frames = nullptr);

}  // namespace synoptic::events::internal

#endif  // SYNOPTIC_EVENTS_INTERNAL_QUOTES_H_
