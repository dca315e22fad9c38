// Online event clustering, in the spirit of Miranda et al. 2018
// ("Multilingual Clustering of Streaming News", EMNLP) and Story Forest
// (Liu et al. 2019): documents arrive in date order and each either joins
// the most similar existing cluster or starts a new one. A cluster keeps a
// summed TF-IDF centroid (pruned to its heaviest terms), summed entity
// saliences, event-type counts, place counts and its dates. A document is
// scored only against candidate clusters found through an inverted index
// over its key entities and salient terms (posting lists keep the most
// recent clusters only), so the cost per document is bounded whatever the
// corpus size.
//
// The similarity is a weighted mean of the text cosine, a weighted entity
// Jaccard, the event-type Jaccard and the place Jaccard (a component that
// one side lacks is left out of the mean, except entities), multiplied by a
// date factor and a signature factor.
// A document whose key people are not the cluster's, and which does not
// name the cluster's main people anywhere, is penalised: reports of one
// happening name the same main people, whatever words they share (on a
// generated store of 20,000 template-written reports this took BCubed F1
// from 0.53 to 0.79). People are compared by the name a report uses
// (names.h: a bare surname stands for the one full name in the corpus
// with that surname), and one report is enough for a cluster to know its
// people by.
//
// An optional second pass (merge_threshold > 0; off by default) folds
// clusters into earlier ones: the first reports of a story may share too
// little with each other to join (an analysis and a wire report, a
// reference page and the news), and once grown, their clusters agree
// better than those reports did. Each cluster, in order of creation, is
// scored as one report (its centroid's heaviest terms, mean entity
// saliences, its main people) against the earlier clusters found through
// the same kind of inverted index, at most max_candidates of them: the
// pass costs about one report per cluster, never all pairs. Merges are stricter than joins: the middle publication
// days of two dated clusters must be at most merge_max_gap_days apart, and
// two clusters that each have people must share a main one. At 0.25 the
// pass takes the public half of the Wikinews sample from BCubed F1 0.799
// to 0.823 (dated by story) and 0.791 to 0.812 (undated); on generated
// template-written reports (bench/stories), where same-topic happenings a
// day apart are told in the same words, it costs 0.828 -> 0.821 (20,000
// reports) and 0.948 -> 0.946 (5,000), and the summaries of the merged
// clusters score lower against the Wikinews articles (ROUGE-L 0.106 ->
// 0.099, ROUGE-2 0.075 -> 0.070): it stays off until it pays everywhere.
// With the nearest day instead of the middle one and 3 days, 20,000
// reports fell to 0.797.
//
// The date factor is what separates two happenings with the same actors:
// a document whose event date and publication date are both more than
// `date_window_days` from the cluster's is heavily penalised; an opinion
// piece a week later still joins. Undated documents get no date factor; for
// them, and whenever the dates do not vouch for a cluster, the signature
// factor separates: a document whose visits run opposite to the cluster's,
// or to other countries, is heavily penalised (internal/signature.h).
#include "synoptic/stories/internal/cluster.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace synoptic::stories::internal {
namespace {

constexpr uint64_t kEntityKey = 1ULL << 63;
using Postings = std::unordered_map<uint64_t, std::vector<uint32_t>>;

struct ClusterState {
  SparseVec term_sum;  // sorted by key
  double norm2 = 0;    // squared L2 norm of term_sum
  std::vector<std::pair<uint32_t, float>> entity_sum;  // sorted by id
  std::vector<std::pair<uint64_t, uint32_t>> code_count;
  std::vector<std::pair<uint32_t, uint32_t>> place_count;
  std::vector<std::pair<uint32_t, uint32_t>> people_count;
  Moves moves;  // summed over members
  std::map<int64_t, uint32_t> event_days;
  std::vector<int64_t> pub_days;  // sorted
  uint32_t size = 0;
  int64_t event_mode = kNoDay;
};

template <typename K, typename V>
void MergeAdd(std::vector<std::pair<K, V>>* into,
              const std::vector<std::pair<K, V>>& add) {
  std::vector<std::pair<K, V>> out;
  out.reserve(into->size() + add.size());
  size_t i = 0, j = 0;
  while (i < into->size() || j < add.size()) {
    if (j == add.size() ||
        (i < into->size() && (*into)[i].first < add[j].first)) {
      out.push_back((*into)[i++]);
    } else if (i == into->size() || add[j].first < (*into)[i].first) {
      out.push_back(add[j++]);
    } else {
      out.emplace_back(add[j].first, (*into)[i].second + add[j].second);
      ++i;
      ++j;
    }
  }
  *into = std::move(out);
}

// Keeps the heaviest max_centroid_terms terms and refreshes the norm.
void PruneCentroid(const ClusterOptions& o, ClusterState* c) {
  if (c->term_sum.size() > o.max_centroid_terms) {
    std::nth_element(
        c->term_sum.begin(), c->term_sum.begin() + o.max_centroid_terms,
        c->term_sum.end(), [](const auto& a, const auto& b) {
          return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
    c->term_sum.resize(o.max_centroid_terms);
    std::sort(c->term_sum.begin(), c->term_sum.end());
  }
  c->norm2 = 0;
  for (const auto& [k, w] : c->term_sum) c->norm2 += static_cast<double>(w) * w;
}

void UpdateEventMode(ClusterState* c) {
  uint32_t best = 0;
  for (const auto& [day, n] : c->event_days) {
    if (n > best) {  // ties: the earliest day
      best = n;
      c->event_mode = day;
    }
  }
}

void Add(const DocFeatures& d, const ClusterOptions& o, ClusterState* c) {
  MergeAdd(&c->term_sum, d.terms);
  PruneCentroid(o, c);
  MergeAdd(&c->entity_sum, d.entities);
  std::vector<std::pair<uint64_t, uint32_t>> codes;
  for (uint64_t code : d.codes) codes.emplace_back(code, 1u);
  MergeAdd(&c->code_count, codes);
  std::vector<std::pair<uint32_t, uint32_t>> places;
  for (uint32_t p : d.places) places.emplace_back(p, 1u);
  MergeAdd(&c->place_count, places);
  std::vector<std::pair<uint32_t, uint32_t>> people;
  for (uint32_t p : d.people) people.emplace_back(p, 1u);
  MergeAdd(&c->people_count, people);
  MergeAdd(&c->moves, d.moves);
  if (d.event_day != kNoDay) {
    ++c->event_days[d.event_day];
    UpdateEventMode(c);
  }
  if (d.pub_day != kNoDay) {
    c->pub_days.insert(
        std::upper_bound(c->pub_days.begin(), c->pub_days.end(), d.pub_day),
        d.pub_day);
  }
  ++c->size;
}

double TextCosine(const DocFeatures& d, const ClusterState& c) {
  if (c.norm2 <= 0 || d.terms.empty()) return 0;
  double dot = 0;
  auto it = c.term_sum.begin();
  for (const auto& [k, w] : d.terms) {
    it = std::lower_bound(
        it, c.term_sum.end(), k,
        [](const auto& e, uint64_t key) { return e.first < key; });
    if (it == c.term_sum.end()) break;
    if (it->first == k) dot += static_cast<double>(w) * it->second;
  }
  return dot / std::sqrt(c.norm2);
}

// Weighted Jaccard of the document's saliences and the cluster's mean ones.
double EntityJaccard(const DocFeatures& d, const ClusterState& c) {
  double num = 0, den = 0;
  const double inv = 1.0 / std::max<uint32_t>(c.size, 1);
  size_t i = 0, j = 0;
  const auto& a = d.entities;
  const auto& b = c.entity_sum;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      den += a[i++].second;
    } else if (i == a.size() || b[j].first < a[i].first) {
      den += b[j++].second * inv;
    } else {
      const double x = a[i].second, y = b[j].second * inv;
      num += std::min(x, y);
      den += std::max(x, y);
      ++i;
      ++j;
    }
  }
  return den > 0 ? num / den : 0;
}

template <typename K>
double SetJaccard(const std::vector<K>& a,
                  const std::vector<std::pair<K, uint32_t>>& b) {
  size_t inter = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j].first) {
      ++i;
    } else if (b[j].first < a[i]) {
      ++j;
    } else {
      ++inter;
      ++i;
      ++j;
    }
  }
  const size_t uni = a.size() + b.size() - inter;
  return uni ? static_cast<double>(inter) / uni : 0;
}

bool HasEntity(const std::vector<std::pair<uint32_t, float>>& v, uint32_t e) {
  const auto it =
      std::lower_bound(v.begin(), v.end(), e,
                       [](const auto& x, uint32_t id) { return x.first < id; });
  return it != v.end() && it->first == e;
}

// Whether one of `people` (sorted) is among the main people of `c`: those
// put first by at least half as many of its reports as its most named
// person (reports naming only roles, "the foreign minister", do not dilute
// them).
bool SharesMainPerson(const std::vector<uint32_t>& people,
                      const ClusterState& c) {
  uint32_t most = 0;
  for (const auto& [p, n] : c.people_count) most = std::max(most, n);
  for (const auto& [p, n] : c.people_count) {
    if (2 * n >= most && std::binary_search(people.begin(), people.end(), p)) {
      return true;
    }
  }
  return false;
}

// Whether the document's key people and the cluster's are strangers: the
// cluster's reports put people first, none of them is among the
// document's key people, and the document names none of the cluster's
// main people anywhere. Reports of one happening name its main people,
// even when they put someone else first (a manager quoted on a draw, a
// minister at a summit); two meetings of different officials told in the
// same words do not. (The converse, the cluster naming one of the
// document's people somewhere, is no evidence: a cluster that has gone
// wrong names everybody.)
bool PeopleApart(const DocFeatures& d, const ClusterState& c) {
  if (c.people_count.empty()) return false;
  for (const auto& [p, n] : c.people_count) {
    if (std::binary_search(d.people.begin(), d.people.end(), p)) return false;
  }
  uint32_t most = 0;
  for (const auto& [p, n] : c.people_count) most = std::max(most, n);
  for (const auto& [p, n] : c.people_count) {
    if (2 * n >= most && HasEntity(d.entities, p)) return false;
  }
  return true;
}

double Similarity(const DocFeatures& d, const ClusterState& c,
                  const ClusterOptions& o) {
  // Cosines of same-event articles rarely pass 0.5 (different wording),
  // while entity overlaps of 0.6-0.8 are common: the text score is put on
  // the same scale before mixing.
  const double text = std::min(1.0, TextCosine(d, c) / o.text_full_cosine);
  double sum = o.text_weight * text;
  double weights = o.text_weight;
  if (!d.entities.empty() || !c.entity_sum.empty()) {
    sum += o.entity_weight * EntityJaccard(d, c);
    weights += o.entity_weight;
  }
  if (!d.codes.empty() && !c.code_count.empty()) {
    sum += o.code_weight * SetJaccard(d.codes, c.code_count);
    weights += o.code_weight;
  }
  // Places: where it happened, when both sides say.
  if (!d.places.empty() && !c.place_count.empty()) {
    sum += o.place_weight * SetJaccard(d.places, c.place_count);
    weights += o.place_weight;
  }
  double sim = sum / weights;
  // Dates: the smaller of the event-date and publication-date gaps.
  double gap = -1;
  if (d.event_day != kNoDay && c.event_mode != kNoDay) {
    gap = std::abs(static_cast<double>(d.event_day - c.event_mode));
  }
  if (d.pub_day != kNoDay && !c.pub_days.empty()) {
    // Distance to the nearest publication day of the cluster: coverage of
    // one happening trails it by days (analysis, opinion).
    const auto it =
        std::lower_bound(c.pub_days.begin(), c.pub_days.end(), d.pub_day);
    double g = std::numeric_limits<double>::max();
    if (it != c.pub_days.end()) g = static_cast<double>(*it - d.pub_day);
    if (it != c.pub_days.begin()) {
      g = std::min(g, static_cast<double>(d.pub_day - *(it - 1)));
    }
    // ... but not by chaining: a cluster whose reports drift day by day
    // would otherwise absorb every later happening. Beyond a few days from
    // the cluster's middle publication day, the distance to the middle
    // counts.
    const double middle = static_cast<double>(c.pub_days[c.pub_days.size() / 2]);
    constexpr double kSpreadDays = 4;
    g = std::max(g, std::abs(static_cast<double>(d.pub_day) - middle) - kSpreadDays);
    gap = gap < 0 ? g : std::min(gap, g);
  }
  // Who travels where: reports of one happening agree on it; this is what
  // keeps apart two visits of the same leaders when dates are missing. When
  // the dates vouch for the cluster (a few days apart) they win: a visit
  // announced in return ("an invitation to come to B") is part of the story.
  if ((gap < 0 || gap > 3) && MovesConflict(d.moves, c.moves)) {
    sim *= o.conflict_factor;
  }
  if (!d.people.empty() && PeopleApart(d, c)) sim *= o.people_factor;
  if (gap > o.date_window_days) {
    sim *= 0.2;
  } else if (gap > 3) {
    sim *= 1.0 - 0.2 * (gap - 3) / std::max(o.date_window_days - 3, 1.0);
  }
  return sim;
}

// Folds cluster `from` into `into`.
void Absorb(const ClusterState& from, const ClusterOptions& o,
            ClusterState* into) {
  MergeAdd(&into->term_sum, from.term_sum);
  PruneCentroid(o, into);
  MergeAdd(&into->entity_sum, from.entity_sum);
  MergeAdd(&into->code_count, from.code_count);
  MergeAdd(&into->place_count, from.place_count);
  MergeAdd(&into->people_count, from.people_count);
  MergeAdd(&into->moves, from.moves);
  for (const auto& [day, n] : from.event_days) into->event_days[day] += n;
  UpdateEventMode(into);
  std::vector<int64_t> days(into->pub_days.size() + from.pub_days.size());
  std::merge(into->pub_days.begin(), into->pub_days.end(),
             from.pub_days.begin(), from.pub_days.end(), days.begin());
  into->pub_days = std::move(days);
  into->size += from.size;
}

// A cluster's main people (see SharesMainPerson); sorted.
std::vector<uint32_t> MainPeople(const ClusterState& c) {
  uint32_t most = 0;
  for (const auto& [p, n] : c.people_count) most = std::max(most, n);
  std::vector<uint32_t> out;
  for (const auto& [p, n] : c.people_count) {
    if (2 * n >= most) out.push_back(p);
  }
  return out;
}

// Days between the middle publication days of two clusters; -1 when
// either is undated. (The middle, not the nearest day: a cluster that has
// gone wrong spans weeks and would be near everything.)
double PubGap(const ClusterState& a, const ClusterState& b) {
  if (a.pub_days.empty() || b.pub_days.empty()) return -1;
  const int64_t x = a.pub_days[a.pub_days.size() / 2];
  const int64_t y = b.pub_days[b.pub_days.size() / 2];
  return std::abs(static_cast<double>(x - y));
}

// A whole cluster as the clusterer sees a report: its heaviest
// `max_terms` centroid terms (normalised), mean entity saliences, its
// event types and places, its main people, summed moves, most reported
// event day and middle publication day.
DocFeatures Summarise(const ClusterState& c, size_t max_terms) {
  DocFeatures f;
  f.terms = c.term_sum;
  if (f.terms.size() > max_terms) {
    std::nth_element(f.terms.begin(), f.terms.begin() + max_terms,
                     f.terms.end(), [](const auto& a, const auto& b) {
                       return a.second != b.second ? a.second > b.second
                                                   : a.first < b.first;
                     });
    f.terms.resize(max_terms);
    std::sort(f.terms.begin(), f.terms.end());
  }
  NormalizeL2(&f.terms);
  const double inv = 1.0 / std::max<uint32_t>(c.size, 1);
  f.entities.reserve(c.entity_sum.size());
  for (const auto& [e, w] : c.entity_sum) {
    f.entities.emplace_back(e, static_cast<float>(w * inv));
  }
  for (const auto& [code, n] : c.code_count) f.codes.push_back(code);
  for (const auto& [p, n] : c.place_count) f.places.push_back(p);
  f.people = MainPeople(c);
  f.moves = c.moves;
  f.event_day = c.event_mode;
  if (!c.pub_days.empty()) f.pub_day = c.pub_days[c.pub_days.size() / 2];
  return f;
}

// Index keys of a whole cluster: its heaviest entities and terms, as many
// as a report has.
void SummaryKeys(const DocFeatures& f, size_t entities, size_t terms,
                 std::vector<uint64_t>* keys) {
  keys->clear();
  std::vector<std::pair<float, uint64_t>> by_w;
  for (const auto& [e, w] : f.entities) by_w.emplace_back(-w, e);
  size_t n = std::min(entities, by_w.size());
  std::partial_sort(by_w.begin(), by_w.begin() + n, by_w.end());
  for (size_t i = 0; i < n; ++i) keys->push_back(kEntityKey | by_w[i].second);
  by_w.clear();
  for (const auto& [t, w] : f.terms) by_w.emplace_back(-w, t);
  n = std::min(terms, by_w.size());
  std::partial_sort(by_w.begin(), by_w.begin() + n, by_w.end());
  for (size_t i = 0; i < n; ++i) keys->push_back(by_w[i].second & ~kEntityKey);
}

// Candidate clusters for a set of keys: most shared keys first (ties: the
// most recent), at most max_candidates, none sharing under a third of the
// best one's count (one common entity, one common word).
void Candidates(const std::vector<uint64_t>& keys, const Postings& postings,
                uint32_t max_candidates,
                std::unordered_map<uint32_t, uint32_t>* hits,
                std::vector<std::pair<uint32_t, uint32_t>>* ranked) {
  hits->clear();
  for (uint64_t k : keys) {
    const auto it = postings.find(k);
    if (it == postings.end()) continue;
    for (uint32_t c : it->second) ++(*hits)[c];
  }
  ranked->clear();
  for (const auto& [c, n] : *hits) ranked->emplace_back(n, c);
  std::sort(ranked->begin(), ranked->end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second > b.second;
  });
  if (ranked->size() > max_candidates) ranked->resize(max_candidates);
  if (!ranked->empty()) {
    const uint32_t floor = (ranked->front().first + 2) / 3;
    while (ranked->back().first < floor) ranked->pop_back();
  }
}

// Records that cluster `c` holds `keys`; a posting list keeps the most
// recent clusters only.
void Post(const std::vector<uint64_t>& keys, uint32_t c, uint32_t max_posting,
          Postings* postings) {
  for (uint64_t k : keys) {
    std::vector<uint32_t>& p = (*postings)[k];
    if (!p.empty() && p.back() == c) continue;
    p.erase(std::remove(p.begin(), p.end(), c), p.end());
    p.push_back(c);
    if (p.size() > 2 * static_cast<size_t>(max_posting)) {
      p.erase(p.begin(), p.begin() + (p.size() - max_posting));
    }
  }
}

// The second pass (see the file comment): returns, per cluster, the
// cluster it ends in.
std::vector<uint32_t> MergeClusters(std::vector<ClusterState>* clusters,
                                    const ClusterOptions& o) {
  std::vector<uint32_t> root(clusters->size());
  for (uint32_t i = 0; i < root.size(); ++i) root[i] = i;
  Postings postings;
  std::vector<uint64_t> keys;
  std::unordered_map<uint32_t, uint32_t> hits;
  std::vector<std::pair<uint32_t, uint32_t>> ranked;
  for (uint32_t i = 0; i < clusters->size(); ++i) {
    const ClusterState& self = (*clusters)[i];
    const DocFeatures f = Summarise(self, o.merge_terms);
    SummaryKeys(f, o.merge_key_entities, o.merge_key_terms, &keys);
    Candidates(keys, postings, o.max_candidates, &hits, &ranked);
    double best_sim = -1;
    uint32_t best = i;
    for (const auto& [n, c] : ranked) {
      const ClusterState& other = (*clusters)[c];
      if (other.size + self.size > o.max_cluster_docs) continue;
      // Whole clusters have dates to trust: the coverage of one happening
      // is centred on the same day or the next.
      if (PubGap(self, other) > o.merge_max_gap_days) continue;
      // Two clusters that each have main people are one happening only if
      // they share one: whole clusters know their people better than one
      // report does, and same-day happenings told in the same words differ
      // in nothing else.
      if (!f.people.empty() && !other.people_count.empty() &&
          !SharesMainPerson(f.people, other)) {
        continue;
      }
      const double sim = Similarity(f, other, o);
      if (sim > best_sim || (sim == best_sim && c < best)) {
        best_sim = sim;
        best = c;
      }
    }
    if (best != i && best_sim >= o.merge_threshold) {
      Absorb(self, o, &(*clusters)[best]);
      root[i] = best;
    }
    Post(keys, root[i], o.max_posting, &postings);
  }
  return root;
}

}  // namespace

std::vector<uint32_t> ClusterOnline(const std::vector<const DocFeatures*>& docs,
                                    const ClusterOptions& o) {
  std::vector<ClusterState> clusters;
  std::vector<uint32_t> out(docs.size(), 0);
  Postings postings;
  std::vector<uint64_t> keys;
  std::unordered_map<uint32_t, uint32_t> hits;
  std::vector<std::pair<uint32_t, uint32_t>> ranked;  // (hits, cluster)
  for (size_t di = 0; di < docs.size(); ++di) {
    const DocFeatures& d = *docs[di];
    keys.clear();
    for (uint32_t e : d.key_entities) keys.push_back(kEntityKey | e);
    for (uint64_t t : d.salient) keys.push_back(t & ~kEntityKey);
    Candidates(keys, postings, o.max_candidates, &hits, &ranked);
    double best_sim = -1;
    uint32_t best = 0;
    for (const auto& [n, c] : ranked) {
      if (clusters[c].size >= o.max_cluster_docs) continue;
      const double s = Similarity(d, clusters[c], o);
      if (s > best_sim || (s == best_sim && c < best)) {
        best_sim = s;
        best = c;
      }
    }
    if (best_sim < o.threshold) {
      best = static_cast<uint32_t>(clusters.size());
      clusters.emplace_back();
    }
    Add(d, o, &clusters[best]);
    out[di] = best;
    Post(keys, best, o.max_posting, &postings);
  }
  if (o.merge_threshold <= 0 || clusters.size() < 2) return out;
  postings = Postings();
  const std::vector<uint32_t> root = MergeClusters(&clusters, o);
  for (uint32_t& c : out) c = root[c];
  return out;
}

}  // namespace synoptic::stories::internal
