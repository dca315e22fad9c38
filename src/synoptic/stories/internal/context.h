// State shared by the parts of BuildStories (stories.cc builds it, the
// per-topic builders in analysis.cc read it). Not thread-safe; one per call.
#ifndef SYNOPTIC_STORIES_INTERNAL_CONTEXT_H_
#define SYNOPTIC_STORIES_INTERNAL_CONTEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synoptic/core/types.h"
#include "synoptic/stories/internal/text.h"
#include "synoptic/stories/stories.h"

namespace synoptic::stories::internal {

struct Context {
  std::vector<DocAnalysis>* docs = nullptr;
  const StoryOptions* options = nullptr;
  StoryResult* result = nullptr;
  // Documents in a canonical order that does not depend on input order
  // (content id first); rank[doc] is a document's position in it.
  std::vector<uint32_t> order;
  std::vector<uint32_t> rank;
  // Per document: the canonical document of its near-duplicate group
  // (itself when it is not a reprint).
  std::vector<uint32_t> canon;
  Idf idf;
  std::vector<SparseVec> doc_vec;  // TF-IDF per document
  // Per cluster (index into result->clusters): summed canonical doc vectors,
  // L2-normalised.
  std::vector<SparseVec> centroid;

  const DocAnalysis& doc(uint32_t i) const { return (*docs)[i]; }
  // Global entity index of a document's local entity, or -1.
  int32_t Global(uint32_t doc, int32_t local) const;
  Citation Cite(uint32_t doc, ByteSpan span) const;
  std::string EntityName(int32_t global) const;
};

bool IsActorType(EntityType t);
// Parses "YYYY-MM-DD..." event/publication dates; false otherwise.
bool ParseDay(std::string_view s, int64_t* day);
// Keeps a usable ISO prefix of a TIMEX3 value: "YYYY-MM-DD", "YYYY-MM" or
// "YYYY"; empty for anything else ("XXXX-09-13", "P3D", "2024-W25").
std::string DatePrefix(std::string_view value);
// Trims a sentence for display: whitespace, then at most max_bytes at a word
// boundary with an ellipsis.
std::string ShortText(std::string_view text, ByteSpan span, size_t max_bytes);

// Counts in a sentence: (head word, value). The head is the noun after the
// number ("12 people" -> people; plural s dropped) or, when none follows, a
// participle before it ("killed 12," -> killed). Years, days next to month
// names and time or measure units are skipped.
std::vector<std::pair<std::string, int64_t>> CountPhrases(
    std::string_view sentence, std::vector<Word>* scratch);

// Whether an event dated `date` (a DatePrefix) can be about a happening of
// `cluster_date` (within ten days, or the same month or year when either is
// less precise); background events are not claims about the happening.
bool AboutHappening(const std::string& date, const std::string& cluster_date);
// Whether an event is stated as fact or reported (not planned, guessed,
// negated or hypothetical).
bool States(const Event& e);

void BuildSummaries(Context* ctx);
void BuildStorylines(Context* ctx);
void BuildTimeline(Context* ctx);
void BuildDisagreements(Context* ctx);
void BuildRelations(Context* ctx);
// Per cluster: claims compared across outlets, and each outlet's tone
// towards the actors it mentions.
void BuildComparison(Context* ctx);

// Tone of a sentence: (positive - negative) words per 100 words, a word
// after a negation ("not", "no", "never") counting with the opposite sign.
double Tone(std::string_view sentence, std::vector<Word>* scratch);

}  // namespace synoptic::stories::internal

#endif  // SYNOPTIC_STORIES_INTERNAL_CONTEXT_H_
