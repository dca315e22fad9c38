// Reading GUM (the Georgetown University Multilayer corpus, CoNLL-U with
// nested `Entity=` brackets in MISC) for the nlp evaluations. Shared by
// eval_link; the reader keeps every entity mention with its type, minimal
// span and Wikipedia identifier.
//
// An Entity= opening (fields per the file's "# global.Entity =" line:
// GRP-etype-infstat-salience-centering-minspan-link-identity) looks like
//   (3-organization-giv:inact-sssss-cf1-2-coref-Afghan_Girls_Robotics_Team
// group id, type, information status, salience, centering, minimal span
// (1-based positions inside the mention, "2" or "2,3"), link type and, for
// named entities with an article, the identity: the Wikipedia identifier
// (percent-encoded, "_" for spaces). It closes with ")" on the same token
// or with "id)" on a later one.
#ifndef SYNOPTIC_EVAL_NLP_GUM_H_
#define SYNOPTIC_EVAL_NLP_GUM_H_

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace synoptic_eval {

struct GumToken {
  std::string text;
  std::string upos;
  bool space_after = true;
  bool sentence_end = false;
};

struct GumMention {
  uint32_t first = 0, last = 0;     // token indexes, inclusive
  std::string type;                 // GUM's: person, place, organization, ...
  uint32_t min_lo = 0, min_hi = 0;  // minimal span, 1-based in the mention
  std::string wikipedia;            // decoded title ("Coron, Palawan") or ""
};

struct GumDoc {
  std::string id;  // file name without .conllu
  std::string date_created;  // "# meta::dateCreated = 2006-02-23", or ""
  std::vector<GumToken> toks;
  std::vector<GumMention> mentions;
};

// Document names of one split ("dev", "train") from GUM's splits.md.
std::set<std::string> GumSplit(const std::string& splits_md,
                               const std::string& split);

// The named documents found in `dir` (missing ones are skipped).
std::vector<GumDoc> ReadGum(const std::string& dir,
                            const std::set<std::string>& names);

// The name inside a mention: its minimal span with leading determiners
// trimmed, when that begins and ends with a proper noun ("Mark Tedeschi" of
// "Mark Tedeschi, QC"). False when the mention is not a name.
bool GumNameSpan(const GumDoc& doc, const GumMention& m, uint32_t* first,
                 uint32_t* last);

// "Coron%2C_Palawan" -> "Coron, Palawan".
std::string DecodeWikipediaId(const std::string& id);

// The document's text rebuilt from its tokens (a space after each unless
// SpaceAfter=No, a newline after each sentence) and each token's byte span.
struct GumText {
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> tok_bytes;
};
GumText RebuildGumText(const GumDoc& doc);

// Tokens overlapping the byte span [begin, end), inclusive; false if none.
bool GumTokensOf(const GumText& t, uint32_t begin, uint32_t end,
                 uint32_t* first, uint32_t* last);

}  // namespace synoptic_eval

#endif  // SYNOPTIC_EVAL_NLP_GUM_H_
