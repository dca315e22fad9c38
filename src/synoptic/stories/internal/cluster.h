// Online single-pass event clustering over compact per-document features.
// Pure function of its inputs; safe from any thread.
#ifndef SYNOPTIC_STORIES_INTERNAL_CLUSTER_H_
#define SYNOPTIC_STORIES_INTERNAL_CLUSTER_H_

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "synoptic/stories/internal/signature.h"
#include "synoptic/stories/internal/text.h"

namespace synoptic::stories::internal {

inline constexpr int64_t kNoDay = std::numeric_limits<int64_t>::min();

// What the clusterer knows of one document.
struct DocFeatures {
  SparseVec terms;                // L2-normalised TF-IDF of the text
  std::vector<uint64_t> salient;  // a few top terms, used as index keys
  // (global entity index, salience), sorted by index, unique.
  std::vector<std::pair<uint32_t, float>> entities;
  std::vector<uint32_t> key_entities;  // the most salient few: index keys
  std::vector<uint32_t> places;        // global ids of places, sorted unique
  // Global ids of the people among key_entities, sorted unique: reports of
  // one happening name the same main people.
  std::vector<uint32_t> people;
  std::vector<uint64_t>
      codes;                   // event type and root code hashes, sorted unique
  Moves moves;                 // who travels where (signature.h)
  int64_t event_day = kNoDay;  // the document's main event date
  int64_t pub_day = kNoDay;    // its publication date
};

struct ClusterOptions {
  double threshold = 0.30;
  uint32_t max_cluster_docs = 100000;
  uint32_t max_candidates = 32;  // clusters scored per document
  uint32_t max_posting = 64;     // most recent clusters kept per key
  uint32_t max_centroid_terms = 400;
  double date_window_days = 10;  // beyond: heavy penalty
  // Text cosine counted as a full match (calibrated on the public half of
  // the Wikinews multi-document sample: text-only BCubed F1 0.70 at 1.0,
  // 0.78 at 0.5).
  double text_full_cosine = 0.5;
  double text_weight = 0.45;
  double entity_weight = 0.30;
  double code_weight = 0.10;
  double place_weight = 0.15;
  // Factor on the similarity of a document whose moves contradict the
  // cluster's (opposite direction, disjoint destinations): a veto at the
  // default threshold, since no text overlap makes up for it.
  double conflict_factor = 0.2;
  // Factor when the document's key people are not the cluster's and it
  // names none of the cluster's main people (two meetings of different
  // officials on one day, told in the same words).
  double people_factor = 0.35;
  // Second pass over whole clusters (off when <= 0, the default;
  // cluster.cc says what 0.25 gains and costs): a cluster joins an earlier one
  // sharing its index keys when their similarity, the cluster scored as one
  // report, reaches this.
  double merge_threshold = 0;
  uint32_t merge_terms = 100;       // centroid terms a cluster is scored by
  uint32_t merge_key_entities = 6;  // index keys of a cluster
  uint32_t merge_key_terms = 20;
  // Two dated clusters merge only when their middle publication days are
  // at most this far apart.
  double merge_max_gap_days = 1;
};

// Assigns each document (given in processing order: by date, then a stable
// id) to a cluster; clusters are numbered in order of creation (a cluster
// folded into an earlier one by the second pass leaves its number unused).
// Each document, then each cluster, is compared only with candidate
// clusters sharing an index key.
std::vector<uint32_t> ClusterOnline(const std::vector<const DocFeatures*>& docs,
                                    const ClusterOptions& options);

}  // namespace synoptic::stories::internal

#endif  // SYNOPTIC_STORIES_INTERNAL_CLUSTER_H_
