// What BuildStories derives once clusters exist: extractive summaries
// (MMR, Carbonell and Goldstein 1998), storylines (clusters chained by
// shared key actors, then text), the timeline (one entry per distinct dated
// happening), disagreements (the same slot with different values across
// independent sources) and actor-pair relations per month (Goldstein sums).
// "Independent" always means: one vote per near-duplicate group.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "synoptic/core/civil.h"
#include "synoptic/stories/internal/context.h"
#include "synoptic/stories/internal/facts.h"
#include "synoptic/stories/internal/text.h"

namespace synoptic::stories::internal {

int32_t Context::Global(uint32_t d, int32_t local) const {
  if (local < 0) return -1;
  const auto& m = result->entity_map[d];
  return static_cast<size_t>(local) < m.size() ? m[local] : -1;
}

Citation Context::Cite(uint32_t d, ByteSpan span) const {
  Citation c;
  c.doc = d;
  c.span = span;
  const std::string& t = doc(d).doc.text;
  if (span.end <= t.size() && span.begin <= span.end) {
    c.text = t.substr(span.begin, span.size());
  }
  return c;
}

std::string Context::EntityName(int32_t g) const {
  return g >= 0 ? result->entities[g].name : std::string();
}

bool IsActorType(EntityType t) {
  return t == EntityType::kPerson || t == EntityType::kOrg ||
         t == EntityType::kGpe || t == EntityType::kNorp;
}

bool ParseDay(std::string_view s, int64_t* day) {
  const auto d = civil::ParseIsoDate(s);
  if (!d) return false;
  *day = civil::ToDays(*d);
  return true;
}

std::string DatePrefix(std::string_view v) {
  auto digits = [&](size_t from, size_t n) {
    if (v.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  if (civil::ParseIsoDate(v)) return std::string(v.substr(0, 10));
  if (!digits(0, 4)) return "";
  if (v.size() >= 7 && v[4] == '-' && digits(5, 2) &&
      (v.size() == 7 || v[7] != '-')) {
    const int month = (v[5] - '0') * 10 + (v[6] - '0');
    if (month >= 1 && month <= 12) return std::string(v.substr(0, 7));
  }
  if (v.size() == 4) return std::string(v);
  return "";
}

std::string ShortText(std::string_view text, ByteSpan span, size_t max_bytes) {
  if (span.end > text.size() || span.begin > span.end) return "";
  span = Trim(text, span);
  std::string_view s = text.substr(span.begin, span.size());
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = s.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
      --cut;
  }
  std::string out(s.substr(0, cut));
  while (!out.empty() && (out.back() == ',' || out.back() == ' '))
    out.pop_back();
  return out + "\u2026";
}

namespace {

struct Candidate {
  uint32_t doc;
  ByteSpan span;
  SparseVec vec;
  double score;
};

// Canonical documents of a cluster, in rank order.
std::vector<uint32_t> CanonicalDocs(const Context& ctx, const Cluster& c) {
  std::vector<uint32_t> out;
  for (uint32_t d : c.docs) {
    if (ctx.canon[d] == d) out.push_back(d);
  }
  return out;
}

bool Compatible(const std::string& a, const std::string& b, bool prefix_ok) {
  if (a == b) return true;
  if (!prefix_ok) return false;
  return a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0;
}

bool Skipped(const Event& e) {
  return e.modality == Modality::kNegated ||
         e.modality == Modality::kHypothetical;
}

// Event classes that last several days: a state visit's arrival and its
// departure are both true dates of the same "visit", so dates of these are
// never compared.
bool Durative(std::string_view type) {
  static constexpr std::string_view kDurative[] = {"visit", "host", "tour"};
  return std::find(std::begin(kDurative), std::end(kDurative), type) !=
         std::end(kDurative);
}

}  // namespace

// Whether an event dated `date` (a DatePrefix) can be about a happening of
// `cluster_date`: background events ("their talks in September 2023") in a
// later article are not claims about this happening.
bool AboutHappening(const std::string& date, const std::string& cluster_date) {
  if (date.empty() || cluster_date.empty()) return true;
  int64_t a = 0, b = 0;
  if (ParseDay(date, &a) && ParseDay(cluster_date, &b)) {
    return std::abs(a - b) <= 10;
  }
  return Compatible(date, cluster_date, true);
}

// Dates are compared only between statements of fact: a plan's date ("will
// travel on Friday") is resolved against a guessed reference point and says
// when something was meant to happen. Places are compared for plans and
// guesses too: where a meeting was announced and where it was reported is
// exactly the discrepancy a reader wants shown.
bool States(const Event& e) {
  return e.modality == Modality::kAsserted ||
         e.modality == Modality::kReported;
}

void BuildSummaries(Context* ctx) {
  constexpr size_t kMaxCandidates = 2000;
  std::vector<Word> scratch;
  std::vector<uint64_t> terms;
  for (size_t ci = 0; ci < ctx->result->clusters.size(); ++ci) {
    Cluster& c = ctx->result->clusters[ci];
    const std::vector<uint32_t> canon = CanonicalDocs(*ctx, c);
    std::vector<Candidate> cands;
    for (uint32_t d : canon) {
      if (cands.size() >= kMaxCandidates) break;
      const std::string& t = ctx->doc(d).doc.text;
      const std::vector<ByteSpan> spans = SentenceSpans(ctx->doc(d));
      uint32_t pos = 0;
      for (ByteSpan s : spans) {
        if (pos >= ctx->options->max_sentences_per_doc ||
            cands.size() >= kMaxCandidates) {
          break;
        }
        s = Trim(t, s);
        if (s.size() < 30 || s.size() > 600) continue;
        SplitWords(std::string_view(t).substr(s.begin, s.size()), &scratch);
        if (scratch.size() < 6) continue;
        ContentTerms(t, s, &scratch, &terms);
        if (terms.empty()) continue;
        Candidate cand{d, s, TfIdf(terms, {}, 1.0, ctx->idf), 0};
        const double centrality = Dot(cand.vec, ctx->centroid[ci]);
        cand.score = 0.75 * centrality + 0.25 / (1.0 + pos);
        cands.push_back(std::move(cand));
        ++pos;
      }
    }
    const size_t want = std::min<size_t>(ctx->options->summary_sentences,
                                         std::max<size_t>(3, canon.size() + 2));
    std::vector<size_t> chosen;
    std::vector<double> max_sim(cands.size(), 0);
    std::vector<bool> used(cands.size(), false);
    while (chosen.size() < want) {
      double best = -1e9;
      size_t pick = cands.size();
      for (size_t i = 0; i < cands.size(); ++i) {
        if (used[i] || max_sim[i] > 0.8) continue;  // near repeat
        const double v = 0.7 * cands[i].score - 0.3 * max_sim[i];
        if (v > best) {
          best = v;
          pick = i;
        }
      }
      if (pick == cands.size()) break;
      used[pick] = true;
      chosen.push_back(pick);
      for (size_t i = 0; i < cands.size(); ++i) {
        if (!used[i]) {
          max_sim[i] = std::max(max_sim[i], Dot(cands[i].vec, cands[pick].vec));
        }
      }
    }
    for (size_t i : chosen) {
      c.summary.push_back(ctx->Cite(cands[i].doc, cands[i].span));
    }
  }
}

namespace {

std::string ActivityNoun(const std::string& type) {
  static constexpr std::pair<std::string_view, std::string_view> kNouns[] = {
      {"accuse", "accusations"},    {"aid", "aid"},
      {"arrest", "arrests"},        {"attack", "attacks"},
      {"consult", "consultations"}, {"cooperate", "cooperation"},
      {"criticize", "criticism"},   {"demand", "demands"},
      {"fight", "fighting"},        {"kill", "killings"},
      {"meet", "meetings"},         {"negotiate", "talks"},
      {"praise", "praise"},         {"protest", "protests"},
      {"sanction", "sanctions"},    {"sign_agreement", "agreements"},
      {"threaten", "threats"},      {"visit", "visits"},
  };
  for (const auto& [verb, noun] : kNouns) {
    if (type == verb) return std::string(noun);
  }
  std::string out = type;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

uint32_t FindRoot(std::vector<uint32_t>* p, uint32_t x) {
  while ((*p)[x] != x) {
    (*p)[x] = (*p)[(*p)[x]];
    x = (*p)[x];
  }
  return x;
}

}  // namespace

void BuildStorylines(Context* ctx) {
  StoryResult& r = *ctx->result;
  const size_t n = r.clusters.size();
  // Key actors per cluster: actors named by at least half of its
  // independent documents (at most 5), weighted by that share.
  std::vector<std::vector<std::pair<uint32_t, double>>> actors(n);
  std::vector<std::vector<uint64_t>> keys(n);
  for (size_t ci = 0; ci < n; ++ci) {
    const std::vector<uint32_t> canon = CanonicalDocs(*ctx, r.clusters[ci]);
    std::map<uint32_t, uint32_t> count;
    for (uint32_t d : canon) {
      std::set<uint32_t> seen;
      for (const Mention& m : ctx->doc(d).mentions) {
        const int32_t g = ctx->Global(d, m.entity);
        if (g >= 0) seen.insert(g);
      }
      for (const Event& e : ctx->doc(d).events) {
        for (int32_t l : {e.source, e.target}) {
          const int32_t g = ctx->Global(d, l);
          if (g >= 0) seen.insert(g);
        }
      }
      for (uint32_t g : seen) {
        if (IsActorType(r.entities[g].type)) ++count[g];
      }
    }
    std::vector<std::pair<double, uint32_t>> ranked;
    for (const auto& [g, k] : count) {
      const double share =
          static_cast<double>(k) / std::max<size_t>(canon.size(), 1);
      if (share < 0.5) continue;
      // People and organisations make a story more than the countries
      // they belong to, which many unrelated stories share.
      const EntityType t = r.entities[g].type;
      const double type_weight = t == EntityType::kPerson ? 1.0
                                 : t == EntityType::kOrg  ? 0.8
                                                          : 0.5;
      ranked.emplace_back(-share * type_weight, g);
    }
    std::sort(ranked.begin(), ranked.end());
    if (ranked.size() > 5) ranked.resize(5);
    for (const auto& [w, g] : ranked) actors[ci].emplace_back(g, -w);
    std::sort(actors[ci].begin(), actors[ci].end());
    for (const auto& [g, w] : actors[ci]) keys[ci].push_back((1ULL << 63) | g);
    if (actors[ci].empty()) {
      SparseVec top = ctx->centroid[ci];
      std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
      });
      for (size_t i = 0; i < top.size() && i < 5; ++i) {
        keys[ci].push_back(top[i].first & ~(1ULL << 63));
      }
    }
  }
  auto similarity = [&](size_t i, size_t j) {
    const double text = Dot(ctx->centroid[i], ctx->centroid[j]);
    if (actors[i].empty() && actors[j].empty()) return text;
    // Weighted overlap coefficient: a later chapter may add actors.
    double num = 0, sum_x = 0, sum_y = 0;
    size_t a = 0, b = 0;
    const auto& x = actors[i];
    const auto& y = actors[j];
    for (const auto& e : x) sum_x += e.second;
    for (const auto& e : y) sum_y += e.second;
    while (a < x.size() && b < y.size()) {
      if (x[a].first < y[b].first) {
        ++a;
      } else if (y[b].first < x[a].first) {
        ++b;
      } else {
        num += std::min(x[a].second, y[b].second);
        ++a;
        ++b;
      }
    }
    // At least one person's worth: a cluster whose only key actor is a
    // country must not chain with every story about that country.
    const double den = std::max(std::min(sum_x, sum_y), 1.0);
    return 0.7 * (den > 0 ? num / den : 0) + 0.3 * text;
  };
  std::vector<uint32_t> parent(n), size(n, 1);
  for (size_t i = 0; i < n; ++i) parent[i] = static_cast<uint32_t>(i);
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  std::map<uint32_t, uint32_t> hits;
  constexpr size_t kMaxPosting = 64, kMaxCandidates = 32;
  for (size_t ci = 0; ci < n; ++ci) {
    hits.clear();
    for (uint64_t k : keys[ci]) {
      const auto it = postings.find(k);
      if (it == postings.end()) continue;
      for (uint32_t c : it->second) ++hits[c];
    }
    std::vector<std::pair<uint32_t, uint32_t>> ranked;
    for (const auto& [c, h] : hits) ranked.emplace_back(h, c);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    if (ranked.size() > kMaxCandidates) ranked.resize(kMaxCandidates);
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    for (const auto& [h, c] : ranked) {
      if (similarity(ci, c) < ctx->options->storyline_threshold) continue;
      const uint32_t a = FindRoot(&parent, c);
      const uint32_t b = FindRoot(&parent, static_cast<uint32_t>(ci));
      if (a == b || size[a] + size[b] > ctx->options->max_storyline_clusters) {
        continue;
      }
      parent[std::max(a, b)] = std::min(a, b);
      size[std::min(a, b)] = size[a] + size[b];
    }
    for (uint64_t k : keys[ci]) {
      std::vector<uint32_t>& p = postings[k];
      p.push_back(static_cast<uint32_t>(ci));
      if (p.size() > 2 * kMaxPosting) {
        p.erase(p.begin(), p.begin() + (p.size() - kMaxPosting));
      }
    }
  }
  std::map<uint32_t, std::vector<uint32_t>> lines;  // root -> clusters
  for (size_t ci = 0; ci < n; ++ci) {
    lines[FindRoot(&parent, static_cast<uint32_t>(ci))].push_back(
        static_cast<uint32_t>(ci));
  }
  for (const auto& [root, members] : lines) {
    Storyline s;
    s.id = "S" + std::to_string(r.storylines.size() + 1);
    std::map<uint32_t, double> weight;
    std::map<std::string, uint32_t> types;
    for (uint32_t ci : members) {
      s.clusters.push_back(r.clusters[ci].id);
      for (const auto& [g, w] : actors[ci]) weight[g] += w;
      for (const EventRef& e : r.clusters[ci].events) {
        const std::string& t = ctx->doc(e.doc).events[e.index].type;
        if (!t.empty()) ++types[t];
      }
    }
    std::vector<std::pair<double, uint32_t>> top;
    for (const auto& [g, w] : weight) top.emplace_back(-w, g);
    std::sort(top.begin(), top.end());
    std::string title;
    for (size_t i = 0; i < top.size() && i < 2; ++i) {
      if (i) title += " \u2013 ";
      title += r.entities[top[i].second].name;
    }
    std::string type;
    uint32_t best = 0;
    for (const auto& [t, k] : types) {
      if (k > best) {
        best = k;
        type = t;
      }
    }
    if (title.empty()) {
      title = r.clusters[members[0]].title;
    } else if (!type.empty()) {
      title += ": " + ActivityNoun(type);
    }
    s.title = title;
    r.storylines.push_back(std::move(s));
  }
}

namespace {

// Keeps one document's citations per near-duplicate group: the canonical's
// when it has any, else those of the first reprint (by rank).
std::vector<Citation> DedupCitations(
    const Context& ctx, std::vector<std::pair<uint32_t, ByteSpan>> cites) {
  std::sort(cites.begin(), cites.end(), [&](const auto& a, const auto& b) {
    return std::tie(ctx.rank[a.first], a.second.begin, a.second.end) <
           std::tie(ctx.rank[b.first], b.second.begin, b.second.end);
  });
  cites.erase(std::unique(cites.begin(), cites.end()), cites.end());
  std::map<uint32_t, uint32_t> chosen;  // canonical -> doc
  for (const auto& [d, span] : cites) {
    const uint32_t root = ctx.canon[d];
    auto it = chosen.find(root);
    if (it == chosen.end()) {
      chosen[root] = d;
    } else if (d == root) {
      it->second = d;
    }
  }
  std::vector<Citation> out;
  for (const auto& [d, span] : cites) {
    if (chosen[ctx.canon[d]] == d) out.push_back(ctx.Cite(d, span));
  }
  return out;
}

}  // namespace

void BuildTimeline(Context* ctx) {
  StoryResult& r = *ctx->result;
  struct Group {
    uint32_t first_rank = 0;
    std::vector<std::pair<uint32_t, ByteSpan>> cites;
    std::string fallback;
    // The sentence the entry shows: a report that the thing happened
    // (asserted or reported, and dated by its own words) before one that it
    // may or will ("may meet in Vladivostok").
    std::pair<uint32_t, ByteSpan> shown{0, {}};
    int shown_weight = -1;
  };
  struct Keyed {
    std::string date;
    size_t cluster;
    TimelineEntry entry;
    uint32_t first_rank;
  };
  std::vector<Keyed> all;
  for (size_t ci = 0; ci < r.clusters.size(); ++ci) {
    const Cluster& c = r.clusters[ci];
    std::map<std::tuple<std::string, std::string, int32_t, int32_t>, Group>
        groups;
    auto add = [&](const std::string& date, uint32_t d, const Event& e,
                   int32_t a, int32_t b, bool own_date) {
      auto [it, fresh] = groups.try_emplace({date, e.type, a, b});
      Group& g = it->second;
      if (fresh) {
        g.first_rank = ctx->rank[d];
        const std::string src = ctx->EntityName(ctx->Global(d, e.source));
        const std::string tgt = ctx->EntityName(ctx->Global(d, e.target));
        g.fallback = src + (src.empty() ? "" : " ") + e.type +
                     (tgt.empty() ? "" : " " + tgt);
      }
      g.first_rank = std::min(g.first_rank, ctx->rank[d]);
      if (!e.evidence.empty()) {
        g.cites.emplace_back(d, e.evidence);
        const bool happened = e.modality == Modality::kAsserted ||
                              e.modality == Modality::kReported;
        const int w = (happened ? 2 : 0) + (own_date ? 1 : 0);
        if (w > g.shown_weight ||
            (w == g.shown_weight && ctx->rank[d] < ctx->rank[g.shown.first])) {
          g.shown = {d, e.evidence};
          g.shown_weight = w;
        }
      }
    };
    // Dated events first; an undated one then joins the best-supported
    // dated group of the same type and actors, else the cluster's date.
    std::map<std::tuple<std::string, int32_t, int32_t>,
             std::pair<size_t, std::string>>
        best_date;  // (type, a, b) -> (support, date)
    for (int pass = 0; pass < 2; ++pass) {
      if (pass == 1) {
        for (const auto& [key, g] : groups) {
          const std::string& date = std::get<0>(key);
          if (date.empty() || !AboutHappening(date, c.date)) continue;
          auto& best =
              best_date[{std::get<1>(key), std::get<2>(key), std::get<3>(key)}];
          if (g.cites.size() > best.first) best = {g.cites.size(), date};
        }
      }
      for (uint32_t d : c.docs) {
        for (const Event& e : ctx->doc(d).events) {
          if (Skipped(e)) continue;
          const std::string date = DatePrefix(e.date);
          if (date.empty() != (pass == 1)) continue;
          int32_t a = ctx->Global(d, e.source), b = ctx->Global(d, e.target);
          if (a > b) std::swap(a, b);
          if (pass == 0) {
            add(date, d, e, a, b, true);
            continue;
          }
          // An undated event is placed only beside a dated report of the
          // same happening; background sentences ("China has urged ...")
          // are not moments of the story.
          const auto it = best_date.find({e.type, a, b});
          if (it == best_date.end()) continue;
          add(it->second.second, d, e, a, b, false);
        }
      }
    }
    // Several events read from one sentence make one entry, not several
    // copies of the same line.
    std::map<std::tuple<std::string, uint32_t, uint32_t>, size_t> by_sentence;
    for (auto& [key, g] : groups) {
      if (!g.cites.empty()) {
        const auto sk = std::make_tuple(std::get<0>(key), g.cites[0].first,
                                        g.cites[0].second.begin);
        const auto [at, fresh] = by_sentence.try_emplace(sk, all.size());
        if (!fresh) {
          Keyed& prev = all[at->second];
          auto merged = g.cites;
          for (const auto& c2 : prev.entry.citations) {
            merged.emplace_back(c2.doc, c2.span);
          }
          prev.entry.citations = DedupCitations(*ctx, merged);
          prev.first_rank = std::min(prev.first_rank, g.first_rank);
          continue;
        }
      }
      Keyed k;
      k.date = std::get<0>(key);
      k.cluster = ci;
      k.first_rank = g.first_rank;
      k.entry.date = k.date;
      k.entry.cluster = c.id;
      k.entry.citations = DedupCitations(*ctx, g.cites);
      k.entry.text =
          k.entry.citations.empty()
              ? g.fallback
              : ShortText(ctx->doc(g.shown.first).doc.text, g.shown.second, 240);
      all.push_back(std::move(k));
    }
    if (groups.empty()) {
      Keyed k;
      k.date = c.date;
      k.cluster = ci;
      k.first_rank = ctx->rank[c.docs[0]];
      k.entry.date = c.date;
      k.entry.cluster = c.id;
      k.entry.text = c.title;
      if (!c.summary.empty()) k.entry.citations.push_back(c.summary[0]);
      if (k.entry.text.empty() && !c.summary.empty()) {
        k.entry.text = ShortText(ctx->doc(c.summary[0].doc).doc.text,
                                 c.summary[0].span, 240);
      }
      all.push_back(std::move(k));
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const Keyed& a, const Keyed& b) {
    const bool ea = a.date.empty(), eb = b.date.empty();
    return std::tie(ea, a.date, a.cluster, a.first_rank, a.entry.text) <
           std::tie(eb, b.date, b.cluster, b.first_rank, b.entry.text);
  });
  for (Keyed& k : all) r.timeline.push_back(std::move(k.entry));
}

namespace {

struct Value {
  std::string shown;  // display value
  std::string norm;   // comparison value
  uint32_t root;      // independent source
  uint32_t rank;
  Citation cite;
  std::string_view context = {};  // the sentence that states it
  double amount = 0;              // durations: hours
  bool approx = false;            // "about", "nearly", "more than"
};

// Whether two values can both be true of one slot.
using CompatFn = std::function<bool(const Value&, const Value&)>;

bool SameNorm(const Value& a, const Value& b) { return a.norm == b.norm; }

bool DatesCompatible(const Value& a, const Value& b) {
  return Compatible(a.norm, b.norm, true);
}

// A source that names both places in one sentence ("in Harbin, capital of
// Heilongjiang province") holds neither against the other.
bool NamesOther(const Value& a, const Value& b) {
  return !a.context.empty() &&
         Lower(a.context).find(Lower(b.shown)) != std::string::npos;
}

bool PlacesCompatible(const Value& a, const Value& b) {
  return a.norm == b.norm || NamesOther(a, b) || NamesOther(b, a);
}

bool VenuesCompatible(const Value& a, const Value& b) {
  return a.norm == b.norm || VenueContains(a.norm, b.norm) ||
         VenueContains(b.norm, a.norm) || NamesOther(a, b) ||
         NamesOther(b, a);
}

// Lengths agree within a margin; a hedged figure ("about three hours") gets
// a wider one.
bool LengthsCompatible(const Value& a, const Value& b) {
  const double lo = std::min(a.amount, b.amount);
  const double hi = std::max(a.amount, b.amount);
  if (lo <= 0) return true;
  return hi / lo <= ((a.approx || b.approx) ? 1.4 : 1.15);
}

// Emits a disagreement when two independent sources hold incompatible
// values; every (source, value) pair is cited once.
void Judge(std::vector<Value> values, const CompatFn& compatible,
           const std::string& about, const std::string& cluster,
           std::vector<Disagreement>* out) {
  // Values per slot are few (places, dates, counts from a handful of
  // sources); the pairwise check is capped all the same.
  constexpr size_t kMaxValues = 256;
  if (values.size() > kMaxValues) values.resize(kMaxValues);
  // Two sources differ when one holds a value that fits nothing the other
  // holds, and the other a value that fits nothing the first holds: a
  // source that reports two happenings of a kind (talks in the Great Hall,
  // then tea at Zhongnanhai) does not contradict one that reports one.
  const auto fits_none = [&](const Value& v, uint32_t root) {
    for (const Value& w : values) {
      if (w.root == root && compatible(v, w)) return false;
    }
    return true;
  };
  bool differ = false;
  for (size_t i = 0; i < values.size() && !differ; ++i) {
    for (size_t j = i + 1; j < values.size() && !differ; ++j) {
      differ = values[i].root != values[j].root &&
               fits_none(values[i], values[j].root) &&
               fits_none(values[j], values[i].root);
    }
  }
  if (!differ) return;
  std::sort(values.begin(), values.end(), [](const Value& a, const Value& b) {
    return std::tie(a.norm, a.rank, a.cite.span.begin) <
           std::tie(b.norm, b.rank, b.cite.span.begin);
  });
  Disagreement dis;
  dis.about = about;
  dis.cluster = cluster;
  std::set<std::pair<std::string, uint32_t>> seen;
  // Every side is cited, each by at most a few sources.
  constexpr size_t kMaxClaimsPerValue = 10;
  std::map<std::string, size_t> per_value;
  for (Value& v : values) {
    if (per_value[v.norm] >= kMaxClaimsPerValue) continue;
    if (!seen.insert({v.norm, v.root}).second) continue;
    ++per_value[v.norm];
    dis.claims.push_back({v.shown, std::move(v.cite)});
  }
  out->push_back(std::move(dis));
}

// Whether an event's trigger sits in a temporal adjunct of its sentence
// ("a day after his talks in Beijing", "ahead of the summit"): the
// sentence's date and place then belong to the main clause, not to it.
bool InTemporalAdjunct(std::string_view text, const Event& e,
                       std::vector<Word>* words) {
  if (e.trigger.begin <= e.evidence.begin || e.trigger.begin > text.size()) {
    return false;
  }
  const std::string_view before =
      text.substr(e.evidence.begin, e.trigger.begin - e.evidence.begin);
  SplitWords(before, words);
  const size_t n = words->size();
  for (size_t k = n > 4 ? n - 4 : 0; k < n; ++k) {
    if (IsAdjunctWord(LowerWord(before.substr((*words)[k].begin,
                                              (*words)[k].end - (*words)[k].begin))
                          .view())) {
      return true;
    }
  }
  return false;
}

constexpr std::string_view kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
    "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};

bool IsMonth(std::string_view w) {
  return std::find(std::begin(kMonths), std::end(kMonths), w) !=
         std::end(kMonths);
}

int64_t NumberWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "zero",     "one",      "two",      "three",   "four",    "five",
      "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
      "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty"};
  for (size_t i = 0; i < std::size(kWords); ++i) {
    if (w == kWords[i]) return static_cast<int64_t>(i);
  }
  return -1;
}

}  // namespace

std::vector<std::pair<std::string, int64_t>> CountPhrases(
    std::string_view s, std::vector<Word>* words) {
  // Units and times: "24 years", "3 percent" are rarely the same slot in
  // two reports.
  static constexpr std::string_view kUnits[] = {
      "year",      "month",   "week",  "day",   "hour", "minute",
      "second",    "percent", "per",   "time",  "km",   "kilometre",
      "kilometer", "mile",    "metre", "meter", "am",   "pm",
      "th",        "st",      "nd",    "rd"};
  std::vector<std::pair<std::string, int64_t>> out;
  SplitWords(s, words);
  std::vector<std::string> lw;
  for (const Word& w : *words)
    lw.push_back(Lower(s.substr(w.begin, w.end - w.begin)));
  for (size_t i = 0; i < words->size(); ++i) {
    int64_t value = -1;
    if ((*words)[i].digits) {
      std::string digits;
      for (char ch : lw[i]) {
        if (ch >= '0' && ch <= '9') digits += ch;
      }
      if (digits.size() > 9) continue;
      value = std::stoll(digits);
      if (value >= 1900 && value <= 2100 && digits.size() == 4) continue;
    } else {
      value = NumberWord(lw[i]);
      if (value == 1 || value == 0) continue;  // "one of", articles
    }
    if (value < 0) continue;
    if ((i > 0 && IsMonth(lw[i - 1])) ||
        (i + 1 < lw.size() && IsMonth(lw[i + 1]))) {
      continue;
    }
    std::string head;
    const uint32_t end = (*words)[i].end;
    const bool punct_after =
        end < s.size() && (s[end] == ',' || s[end] == '.' || s[end] == ';' ||
                           s[end] == ':' || s[end] == ')');
    if (!punct_after && i + 1 < lw.size() && !(*words)[i + 1].digits &&
        !(*words)[i + 1].stop) {
      size_t h = i + 1;
      // One capitalised modifier ("12 Palestinian civilians") is skipped.
      const char first = s[(*words)[h].begin];
      if (first >= 'A' && first <= 'Z' && h + 1 < lw.size() &&
          !(*words)[h + 1].stop && !(*words)[h + 1].digits) {
        ++h;
      }
      const auto singular = [](std::string w) {
        if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') {
          w.pop_back();
        }
        return w;
      };
      head = singular(lw[h]);
      // A noun modifier before a known counted noun ("10 cooperation
      // documents"): the noun is the head.
      for (size_t k = h + 1; k < lw.size() && k <= h + 2 &&
                             CountClass(head) == head;
           ++k) {
        const Word& prev = (*words)[k - 1];
        if ((*words)[k].stop || (*words)[k].digits ||
            s.substr(prev.end, (*words)[k].begin - prev.end) != " ") {
          break;
        }
        const std::string cand = singular(lw[k]);
        if (CountClass(cand) != cand) head = cand;
      }
    } else if (i > 0 && lw[i - 1].size() > 3 &&
               lw[i - 1].compare(lw[i - 1].size() - 2, 2, "ed") == 0) {
      head = lw[i - 1];
    }
    if (head.empty() || IsMonth(head) ||
        std::find(std::begin(kUnits), std::end(kUnits), head) !=
            std::end(kUnits)) {
      continue;
    }
    out.emplace_back(head, value);
  }
  return out;
}

namespace {

// Whether a sentence of a cluster's document can speak about the cluster's
// happening: none of its dates points elsewhere ("in Moscow 14 months
// earlier"). `day` receives the first day-precise date that fits, if any.
bool SentenceAboutHappening(const DocAnalysis& a, ByteSpan sentence,
                            const std::string& cluster_date,
                            std::string* day) {
  day->clear();
  for (const Timex& t : a.times) {
    if (t.span.begin < sentence.begin || t.span.end > sentence.end ||
        (t.type != TimexType::kDate && t.type != TimexType::kTime)) {
      continue;
    }
    const std::string d = DatePrefix(t.value);
    if (d.empty()) continue;
    if (!AboutHappening(d, cluster_date)) return false;
    if (day->empty() && d.size() >= 10) *day = d.substr(0, 10);
  }
  return true;
}

// Whether most of a sentence is a direct quotation: what a speaker says is
// a claim of theirs, compared with other claims through the quotes, not a
// fact the outlet states.
bool InsideQuote(const DocAnalysis& a, ByteSpan sentence) {
  for (const Quote& q : a.quotes) {
    if (!q.direct) continue;
    const uint32_t lo = std::max(q.span.begin, sentence.begin);
    const uint32_t hi = std::min(q.span.end, sentence.end);
    if (hi > lo && 2 * (hi - lo) >= sentence.size()) return true;
  }
  return false;
}

// Keeps each source's most specific venues: "the Kremlin" is dropped when
// the same source also names "St George's Hall of the Grand Kremlin Palace".
void MostSpecificVenues(std::vector<Value>* values) {
  std::vector<Value> kept;
  for (size_t i = 0; i < values->size(); ++i) {
    const Value& v = (*values)[i];
    bool inside = false;
    for (const Value& w : *values) {
      if (w.root == v.root && w.norm != v.norm &&
          VenueContains(w.norm, v.norm)) {
        inside = true;
        break;
      }
    }
    if (!inside) kept.push_back(v);
  }
  *values = std::move(kept);
}

}  // namespace

void BuildDisagreements(Context* ctx) {
  StoryResult& r = *ctx->result;
  std::vector<Word> words;
  for (const Cluster& c : r.clusters) {
    // Events of the same type and actor pair.
    struct Slot {
      std::string about_pair;
      std::string type;
      std::vector<Value> locations, dates;
    };
    std::map<std::tuple<std::string, int32_t, int32_t>, Slot> slots;
    for (const EventRef& ref : c.events) {
      const Event& e = ctx->doc(ref.doc).events[ref.index];
      if (Skipped(e) || e.type.empty() ||
          !AboutHappening(DatePrefix(e.date), c.date)) {
        continue;
      }
      const std::string& text = ctx->doc(ref.doc).doc.text;
      if (InTemporalAdjunct(text, e, &words)) continue;
      const int32_t src = ctx->Global(ref.doc, e.source);
      const int32_t tgt = ctx->Global(ref.doc, e.target);
      if (src < 0 && tgt < 0) continue;
      const auto key =
          std::make_tuple(e.type, std::min(src, tgt), std::max(src, tgt));
      auto [it, fresh] = slots.try_emplace(key);
      Slot& slot = it->second;
      if (fresh) {
        std::string a = ctx->EntityName(src), b = ctx->EntityName(tgt);
        slot.about_pair = a.empty() ? b : (b.empty() ? a : a + ", " + b);
        slot.type = e.type;
      }
      const uint32_t root = ctx->canon[ref.doc];
      const ByteSpan sentence = Trim(text, e.evidence);
      const Citation cite = ctx->Cite(ref.doc, sentence);
      const std::string_view context =
          std::string_view(text).substr(sentence.begin, sentence.size());
      const int32_t loc = ctx->Global(ref.doc, e.location);
      if (loc >= 0) {
        slot.locations.push_back({r.entities[loc].name, r.entities[loc].key,
                                  root, ctx->rank[ref.doc], cite, context});
      }
      const std::string date = DatePrefix(e.date);
      if (!date.empty() && States(e) && !Durative(e.type)) {
        slot.dates.push_back(
            {date, date, root, ctx->rank[ref.doc], cite, context});
      }
    }
    for (auto& [key, slot] : slots) {
      Judge(slot.locations, PlacesCompatible,
            "location of " + slot.type + " (" + slot.about_pair + ")", c.id,
            &r.disagreements);
      Judge(slot.dates, DatesCompatible,
            "date of " + slot.type + " (" + slot.about_pair + ")", c.id,
            &r.disagreements);
    }

    // Numbers attached to the same head word in evidence sentences, and
    // counts of signed papers in any sentence about a signing; each
    // source's first count per head.
    std::map<std::string, std::vector<Value>> counts;
    std::map<std::pair<std::string, uint32_t>, bool> have;
    std::set<std::pair<uint32_t, uint32_t>> seen_sentences;
    const auto add_counts = [&](uint32_t doc, ByteSpan span, bool papers_only) {
      const std::string& t = ctx->doc(doc).doc.text;
      const std::string_view sentence =
          std::string_view(t).substr(span.begin, span.size());
      for (auto& [head, value] : CountPhrases(sentence, &words)) {
        const std::string cls = CountClass(head);
        if (papers_only && cls == head) continue;
        const uint32_t root = ctx->canon[doc];
        if (have[{cls, root}]) continue;
        have[{cls, root}] = true;
        const std::string v = std::to_string(value);
        counts[cls].push_back(
            {v, v, root, ctx->rank[doc], ctx->Cite(doc, span), sentence});
      }
    };
    for (const EventRef& ref : c.events) {
      const Event& e = ctx->doc(ref.doc).events[ref.index];
      if (e.evidence.empty() || !AboutHappening(DatePrefix(e.date), c.date) ||
          !seen_sentences.insert({ref.doc, e.evidence.begin}).second) {
        continue;
      }
      const std::string& t = ctx->doc(ref.doc).doc.text;
      if (e.evidence.end > t.size()) continue;
      add_counts(ref.doc, Trim(t, e.evidence), false);
    }

    // Sentence-level facts of every report in the cluster: where a signing,
    // talks or a ceremony took place, how many papers were signed, how long
    // a meeting lasted.
    std::map<std::string, std::vector<Value>> venues, lengths;
    for (uint32_t d : c.docs) {
      const DocAnalysis& a = ctx->doc(d);
      const std::string_view text = a.doc.text;
      const uint32_t root = ctx->canon[d];
      std::string day;
      for (const ByteSpan raw : SentenceSpans(a)) {
        const ByteSpan span = Trim(text, raw);
        if (span.empty()) continue;
        const std::string_view sentence =
            text.substr(span.begin, span.size());
        const std::string_view what = HappeningClass(sentence, &words);
        const bool states_length = StatesLength(sentence, &words);
        if (what.empty() && !states_length) continue;
        if (InsideQuote(a, span) ||
            !SentenceAboutHappening(a, span, c.date, &day)) {
          continue;
        }
        if (what == "signing" &&
            !seen_sentences.count({d, raw.begin})) {
          add_counts(d, span, true);
        }
        if (!what.empty()) {
          for (Venue& v : FindVenues(sentence, &words)) {
            venues[std::string(v.what)].push_back(
                {std::move(v.name), std::move(v.norm), root, ctx->rank[d],
                 ctx->Cite(d, span), sentence});
          }
        }
        if (day.empty() || !states_length) continue;
        for (const Timex& t : a.times) {
          if (t.type != TimexType::kDuration || t.span.begin < span.begin ||
              t.span.end > span.end) {
            continue;
          }
          const double hours = DurationHours(t.value);
          if (hours <= 0) continue;
          Value v{std::string(text.substr(t.span.begin, t.span.size())),
                  t.value, root, ctx->rank[d], ctx->Cite(d, span), sentence};
          v.amount = hours;
          v.approx = !t.mod.empty();
          lengths[day].push_back(std::move(v));
          break;  // one length per sentence
        }
      }
    }
    for (auto& [what, values] : venues) {
      MostSpecificVenues(&values);
      Judge(std::move(values), VenuesCompatible, "venue of the " + what,
            c.id, &r.disagreements);
    }
    for (auto& [day, values] : lengths) {
      Judge(std::move(values), LengthsCompatible,
            "length of the meeting on " + day, c.id, &r.disagreements);
    }
    for (auto& [head, values] : counts) {
      const bool participle =
          head.size() > 2 && head.compare(head.size() - 2, 2, "ed") == 0 &&
          head.find(' ') == std::string::npos;
      Judge(values, SameNorm,
            participle ? "number " + head : "number of " + head, c.id,
            &r.disagreements);
    }
  }
}

void BuildRelations(Context* ctx) {
  StoryResult& r = *ctx->result;
  std::map<std::tuple<int32_t, int32_t, std::string>, Relation> acc;
  for (uint32_t d : ctx->order) {
    if (ctx->canon[d] != d) continue;  // reprints count once
    const auto& events = ctx->doc(d).events;
    std::set<
        std::tuple<std::string, std::string, int32_t, int32_t, std::string>>
        seen;
    for (uint32_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      if (Skipped(e) || e.quad_class < 1 || e.quad_class > 4) continue;
      int32_t a = ctx->Global(d, e.source), b = ctx->Global(d, e.target);
      if (a < 0 || b < 0 || a == b || !IsActorType(r.entities[a].type) ||
          !IsActorType(r.entities[b].type)) {
        continue;
      }
      if (!seen.insert({e.type, e.code, a, b, e.date}).second) continue;
      std::string period = DatePrefix(e.date);
      if (period.size() < 7) period = DatePrefix(ctx->doc(d).doc.published);
      if (period.size() < 7) continue;
      period.resize(7);
      if (a > b) std::swap(a, b);
      Relation& rel = acc[{a, b, period}];
      rel.a = r.entities[a].id;
      rel.b = r.entities[b].id;
      rel.period = period;
      if (e.quad_class <= 2) {
        rel.cooperation += std::max(e.goldstein, 0.0);
      } else {
        rel.conflict += std::abs(e.goldstein);
      }
      rel.events.push_back({d, i});
    }
  }
  for (auto& [key, rel] : acc) r.relations.push_back(std::move(rel));
}

}  // namespace synoptic::stories::internal
