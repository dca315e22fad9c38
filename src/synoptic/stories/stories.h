// Cross-document stage: entities across documents, near-duplicates, event
// clusters, storylines, the timeline, disagreements, relations, summaries.
//
// BuildStories() works on the compact per-document results only. It may
// set an inferred publication date on undated documents (published_from
// "inferred") and re-resolve their relative time expressions with anchor
// "inferred". Output is a deterministic function of the SET of documents:
// the order they are given in does not change ids or content.
#ifndef SYNOPTIC_STORIES_STORIES_H_
#define SYNOPTIC_STORIES_STORIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "synoptic/core/types.h"

namespace synoptic::stories {

// A cited piece of text: document index (into the docs vector) and span.
struct Citation {
  uint32_t doc = 0;
  ByteSpan span;
  std::string text;
};

struct GlobalEntity {
  std::string id;   // "E1", ... stable for a given set of documents
  std::string key;  // LocalEntity::key it merges
  std::string name;
  EntityType type = EntityType::kOther;
  std::string code;
  std::vector<std::string> aliases;
  std::vector<std::pair<uint32_t, ByteSpan>> mentions;  // (doc, span)
};

struct EventRef {
  uint32_t doc = 0;
  uint32_t index = 0;  // into docs[doc].events
};

// One claim of a cluster (an event of one type between the same actors)
// compared across the outlets reporting the cluster.
struct ClaimComparison {
  std::string about;                 // "meet: Vladimir Putin, Xi Jinping"
  std::vector<std::string> outlets;  // who reports it (site, else file name)
  std::vector<std::string> missing;  // outlets of the cluster that do not
  std::vector<Citation> citations;   // one per reporting outlet
};

// How one outlet's sentences about one actor read, in one cluster: the mean
// tone (positive minus negative words per 100 words, negation-aware) of the
// sentences that mention the actor.
struct Portrayal {
  std::string outlet;
  int32_t entity = -1;  // index into StoryResult::entities
  double tone = 0;
  uint32_t sentences = 0;
  Citation example;     // the sentence furthest from neutral
};

struct Cluster {
  std::string id;  // "C1", ...
  std::string title;
  std::vector<uint32_t> docs;  // document indexes, reprints included
  std::string date;            // when it happened (ISO 8601 date) or empty
  // Events of its documents; a reprint's copies of its canonical's events
  // are left out.
  std::vector<EventRef> events;
  std::vector<Citation> summary;  // extractive, 3-5 sentences
  // Near-duplicate groups inside the cluster: each inner vector lists the
  // document indexes of one set of reprints (first = canonical).
  std::vector<std::vector<uint32_t>> duplicates;
  std::vector<std::string> sources;  // distinct sites reporting it
  // Claims by how many outlets report them: shared ones first, then those
  // only one outlet reports (single-source claims).
  std::vector<ClaimComparison> comparison;
  std::vector<Portrayal> portrayal;
};

struct Storyline {
  std::string id;  // "S1", ...
  std::string title;
  std::vector<std::string> clusters;  // cluster ids in time order
};

struct TimelineEntry {
  std::string date;
  std::string text;
  std::string cluster;
  std::vector<Citation> citations;
};

struct Claim {
  std::string value;
  Citation citation;
};

struct Disagreement {
  std::string about;  // "location of meet (Putin, Kim Jong Un)"
  std::string cluster;
  std::vector<Claim> claims;
};

struct Relation {
  std::string a;  // GlobalEntity ids
  std::string b;
  std::string period;  // "2023-09" (month) or "2023"
  double cooperation = 0;
  double conflict = 0;
  std::vector<EventRef> events;
};

struct StoryResult {
  std::vector<GlobalEntity> entities;
  // Per document: local entity index -> index into `entities`.
  std::vector<std::vector<int32_t>> entity_map;
  std::vector<Cluster> clusters;
  std::vector<int32_t> doc_cluster;  // per document: index into clusters or -1
  std::vector<Storyline> storylines;
  std::vector<TimelineEntry> timeline;
  std::vector<Disagreement> disagreements;
  std::vector<Relation> relations;
};

struct StoryOptions {
  // Cap on original documents in one cluster (hostile input cannot make one
  // huge); reprints follow their original.
  uint32_t max_cluster_docs = 100000;
  // Similarity needed to join a cluster (0..1).
  double cluster_threshold = 0.30;
  // Similarity needed, in a second pass over whole clusters, for a cluster
  // to fold into an earlier one found through the same index (reports of
  // one story that arrived before they had enough in common); <= 0: off,
  // the default (internal/cluster.cc says what 0.25 gains and costs).
  double merge_threshold = 0;
  // Jaccard estimate above which two documents are near-duplicates.
  double duplicate_threshold = 0.80;
  // Similarity (0..1: shared key actors, then text) needed to chain two
  // clusters into one storyline, and a cap on clusters per storyline.
  double storyline_threshold = 0.50;
  uint32_t max_storyline_clusters = 500;
  // Summary length per cluster (sentences).
  uint32_t summary_sentences = 5;
  // Caps on work per document: sentences considered for summaries and
  // clusters compared when clustering.
  uint32_t max_sentences_per_doc = 60;
  uint32_t max_candidates = 32;
};

// Builds every cross-document result for `*docs`. May set published,
// published_from (kInferred), times and event dates of undated documents
// (see the file comment); touches nothing else. Never fails: documents
// with missing parts (no entities, no events, no date) simply contribute
// less. Thread-compatible: one call per docs vector at a time.
StoryResult BuildStories(std::vector<DocAnalysis>* docs,
                         const StoryOptions& options);

}  // namespace synoptic::stories

#endif  // SYNOPTIC_STORIES_STORIES_H_
