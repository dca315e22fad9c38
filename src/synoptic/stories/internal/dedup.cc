// Near-duplicate detection (Broder 1997, "On the resemblance and containment
// of documents"; banding as in Leskovec, Rajaraman and Ullman, "Mining of
// Massive Datasets", ch. 3). Each text becomes the set of hashes of its
// normalised word 5-shingles; a 128-value MinHash signature estimates the
// Jaccard similarity of two sets. The signature is cut into 16 bands of 8
// rows (for the default threshold 0.8; lower thresholds use shorter bands):
// two texts become a candidate pair only when one whole band agrees, which
// for Jaccard s happens with probability 1-(1-s^8)^16 (0.96 at 0.8, 0.06 at
// 0.5), so no all-pairs comparison is needed. Candidates are then
// verified on the full signature against the threshold and joined with a
// union-find. Hashes 2..128 are derived from two base hashes
// (Kirsch-Mitzenmacher), which is accurate enough for MinHash estimates.
#include "synoptic/stories/internal/dedup.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "synoptic/core/hash.h"
#include "synoptic/stories/internal/text.h"

namespace synoptic::stories::internal {
namespace {

constexpr int kHashes = 128;

using Signature = std::array<uint64_t, kHashes>;

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Returns false when the text has no word.
bool Sign(std::string_view text, uint32_t k, std::vector<Word>* words,
          Signature* sig) {
  SplitWords(text, words);
  if (words->empty()) return false;
  sig->fill(std::numeric_limits<uint64_t>::max());
  const size_t n = words->size();
  const size_t k_eff = std::min<size_t>(std::max<uint32_t>(k, 1), n);
  for (size_t i = 0; i + k_eff <= n; ++i) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (size_t j = 0; j < k_eff; ++j) h = Mix(h ^ (*words)[i + j].hash);
    const uint64_t h1 = h;
    const uint64_t h2 = Mix(h + 0x632be59bd9b4e019ULL) | 1;
    for (int m = 0; m < kHashes; ++m) {
      const uint64_t v = h1 + static_cast<uint64_t>(m) * h2;
      if (v < (*sig)[m]) (*sig)[m] = v;
    }
  }
  return true;
}

double Agreement(const Signature& a, const Signature& b) {
  int same = 0;
  for (int m = 0; m < kHashes; ++m) same += a[m] == b[m];
  return static_cast<double>(same) / kHashes;
}

uint32_t Find(std::vector<uint32_t>* parent, uint32_t x) {
  while ((*parent)[x] != x) {
    (*parent)[x] = (*parent)[(*parent)[x]];
    x = (*parent)[x];
  }
  return x;
}

}  // namespace

std::vector<uint32_t> NearDuplicateGroups(
    const std::vector<std::string_view>& texts, const DedupOptions& options) {
  const auto n = static_cast<uint32_t>(texts.size());
  std::vector<Signature> sigs(n);
  std::vector<bool> has(n, false);
  std::vector<Word> words;
  for (uint32_t i = 0; i < n; ++i) {
    has[i] = Sign(texts[i], options.shingle, &words, &sigs[i]);
  }
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  // Bucket members kept per band hash; only the first few are compared.
  // Rows per band so that pairs at the threshold almost surely collide:
  // the banding's 50% point (1/b)^(1/r) is 0.71 for 16x8, 0.42 for 32x4
  // and 0.13 for 64x2.
  const int rows = options.threshold >= 0.75  ? 8
                   : options.threshold >= 0.5 ? 4
                                              : 2;
  const int bands = kHashes / rows;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
  for (int band = 0; band < bands; ++band) {
    buckets.clear();
    for (uint32_t i = 0; i < n; ++i) {
      if (!has[i]) continue;
      uint64_t h = Mix(static_cast<uint64_t>(band) + 1);
      for (int r = 0; r < rows; ++r) h = Mix(h ^ sigs[i][band * rows + r]);
      std::vector<uint32_t>& members = buckets[h];
      for (uint32_t m : members) {
        if (Find(&parent, m) == Find(&parent, i)) break;
        if (Agreement(sigs[m], sigs[i]) >= options.threshold) {
          const uint32_t a = Find(&parent, m), b = Find(&parent, i);
          parent[std::max(a, b)] = std::min(a, b);
          break;
        }
      }
      if (members.size() < options.max_bucket_checks) members.push_back(i);
    }
  }
  std::vector<uint32_t> out(n);
  for (uint32_t i = 0; i < n; ++i) out[i] = Find(&parent, i);
  return out;
}

double EstimatedJaccard(std::string_view a, std::string_view b,
                        const DedupOptions& options) {
  std::vector<Word> words;
  Signature sa, sb;
  if (!Sign(a, options.shingle, &words, &sa)) return 0;
  if (!Sign(b, options.shingle, &words, &sb)) return 0;
  return Agreement(sa, sb);
}

}  // namespace synoptic::stories::internal
