// Near-duplicate (reprint, syndication) detection with MinHash over word
// 5-shingles and LSH banding. Pure function; safe from any thread.
#ifndef SYNOPTIC_STORIES_INTERNAL_DEDUP_H_
#define SYNOPTIC_STORIES_INTERNAL_DEDUP_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace synoptic::stories::internal {

struct DedupOptions {
  double threshold = 0.80;  // estimated Jaccard needed
  uint32_t shingle = 5;     // words per shingle
  // Checks per LSH bucket: a document is compared with at most this many
  // earlier members of each bucket it falls in (caps hostile collisions).
  uint32_t max_bucket_checks = 8;
};

// Returns, for each text, the index of the first text (in the given order)
// of its near-duplicate group; a text with no duplicate maps to itself.
// Texts shorter than one shingle are compared as one shingle; empty texts
// never match. Deterministic for a given order of `texts`.
std::vector<uint32_t> NearDuplicateGroups(
    const std::vector<std::string_view>& texts, const DedupOptions& options);

// Estimated Jaccard similarity of two texts' shingle sets (for tests).
double EstimatedJaccard(std::string_view a, std::string_view b,
                        const DedupOptions& options);

}  // namespace synoptic::stories::internal

#endif  // SYNOPTIC_STORIES_INTERNAL_DEDUP_H_
