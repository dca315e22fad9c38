// Builds our verb-pattern rows (models/events_verbs.tsv format) from a
// TABARI / PETRARCH verb dictionary (CAMEO.2.0.txt, PETR_Validate_verbs).
//
// What is read: synsets ("&NAME" then "+WORD" rows), verb blocks ("--- VERB
// [code] ---" then verb rows "WORD {irregular forms}" or "+MULTI_WORD"), and
// pattern rows "- pre * post [code] # VERB". Each verb gets a bare row with
// its block's code; each pattern becomes one row whose elements are the
// pattern's words (synsets expanded, marker % and brackets dropped, a skip
// marker ^ after the verb kept as our skip element '~'; the
// source and target markers $ and + kept as our actor slots) around the
// verb, the verb element being the verb the pattern's comment names (else
// every verb of the block). A paired code "[042:043]" gives the row the flag
// pair:043 (the reverse event); a verb row's own "[code]" overrides the
// block's for that verb. "[---]" rows are kept with code '-'
// (a matched non-event that keeps a shorter pattern from firing). Quad class
// and Goldstein come from the code's root. The output has our header and
// says where it was made from; nothing of the dictionary's comments is kept.
#ifndef SYNOPTIC_EVENTS_PETRARCH_IMPORT_H_
#define SYNOPTIC_EVENTS_PETRARCH_IMPORT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "synoptic/core/status.h"

namespace synoptic::events {

struct PetrarchImportStats {
  size_t synsets = 0;
  size_t verbs = 0;
  size_t patterns = 0;  // pattern rows written
  size_t skipped = 0;   // pattern rows we could not express
};

// `source` is named in the header. With `mark_imported` every row carries
// the "imported" flag (the coder then tries our hand-written rows first);
// without it the rows compete with ours on length and order. Fails with
// kCorrupt when no verb block was found.
// With `bare_verbs` false the verb-alone rows are left out: a PETRARCH verb
// block gives its code to every synonym in it ("face", "encounter" and
// "meet" share 040), which is right inside the block's own patterns but
// too loose for a verb on its own in general news.
Result<std::string> ImportPetrarchVerbs(std::string_view dictionary,
                                        std::string_view source,
                                        bool mark_imported = true,
                                        PetrarchImportStats* stats = nullptr,
                                        bool bare_verbs = true);

// The published Goldstein value of a CAMEO root ("14" -> -6.5) and the GDELT
// quad class of a code (1..4, 0 when not a CAMEO code).
double GoldsteinOfRoot(std::string_view code);
int QuadOfCode(std::string_view code);

}  // namespace synoptic::events

#endif  // SYNOPTIC_EVENTS_PETRARCH_IMPORT_H_
