// Events, quotes and claims: who did what to whom, and who says so.
//
// An EventLexicon (verb and noun patterns with CAMEO codes, quad class and
// Goldstein scores, attribution and modality cues) is loaded once and shared
// read-only. ExtractEvents() reads a document whose tokens, sentences,
// mentions, entities and times are filled, and fills DocAnalysis::events and
// ::quotes. Every event carries its evidence sentence, modality and
// attribution.
#ifndef SYNOPTIC_EVENTS_EVENTS_H_
#define SYNOPTIC_EVENTS_EVENTS_H_

#include <memory>
#include <string>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::events {

class EventLexicon;  // opaque; immutable after loading

struct EventOptions {
  std::string models_dir = "models";
  // Also load models_dir/events_petrarch.tsv (verb patterns imported from
  // PETRARCH's CAMEO 2.0 dictionary) when it exists.
  bool imported_verbs = true;
  // More rows in the events_verbs format (e.g. a validation set's own verb
  // dictionary, imported in memory); on equal length tried before the
  // files' rows.
  std::string extra_verbs_tsv;
  // Find a verbal trigger's source and target over a dependency parse
  // (models_dir/pos_en.bin and parse_en.bin, loaded with the lexicon): the
  // verb's subject, passive subject and agent, objects and obliques, with
  // coordination, control (xcomp) and relative clauses; the positional
  // rules fill any role the parse leaves empty. Only sentences where a
  // trigger matched and two actors are mentioned are parsed. Missing model
  // files are an error when this is set. Off by default: PETR_Validate
  // (80.3% found / 13.8% extra) and PETR2 GSR (23.8%) score the same either
  // way, the events stage runs about 5x slower on news articles (PolNeAR
  // dev) and 15-25x on events_bench's event-dense corpus, and on the
  // bundled examples the changed actors move one article to another story
  // cluster (tests/e2e/examples_test.sh).
  bool use_parse = false;
  // Quote attribution over the same parse: an attribution cue whose source
  // the positional rules do not find takes the subject the parse gives it
  // ("Ann Lee, 49, a nurse who ..., said ..."); only such sentences are
  // parsed. Unlike use_parse, missing model files only turn it off (rules
  // alone). PolNeAR dev source overlap F1 0.733 -> 0.740 (models/MODELS.md).
  bool quote_parse = true;
  // The learned quote-source ranker in models_dir (trained by `synoptic
  // train quotes`; see models/MODELS.md); a missing file or "" leaves the
  // sources to the rules.
  std::string quote_sources = "quotes_sources.tsv";
  // The learned cue detector in models_dir (trained by `synoptic train
  // cues`; see models/MODELS.md): verbs outside the rules' list that it
  // reads as attribution cues get an attribution. A missing file or ""
  // leaves the cues to the rules.
  std::string quote_cues = "quotes_cues.tsv";
};

Result<std::shared_ptr<const EventLexicon>> LoadEventLexicon(
    Env* env, const EventOptions& options);

void ExtractEvents(const EventLexicon& lexicon, DocAnalysis* analysis);

// Where a quote's speaker phrase and cue stand (byte spans into doc.text;
// empty when unknown): the frame around Quote::span, for span-level scoring
// of attribution (source, cue, content).
struct QuoteFrame {
  ByteSpan source;
  ByteSpan cue;
  // Index (into analysis->quotes) of the quote this one continues, or -1:
  // "“A,” she said. “B.”" and a quote paragraph after a quote paragraph
  // are one attribution whose content comes in pieces. A continuation has
  // no source or cue of its own and carries the first piece's speaker.
  int32_t continues = -1;
};

// As above, and also sets *frames to one QuoteFrame per analysis->quotes
// entry, in the same order.
void ExtractEvents(const EventLexicon& lexicon, DocAnalysis* analysis,
                   std::vector<QuoteFrame>* frames);

}  // namespace synoptic::events

#endif  // SYNOPTIC_EVENTS_EVENTS_H_
