// BuildStories: the cross-document stage.
//
// Order of work: (1) a canonical document order from content ids, so that
// every later loop, tie-break and id is independent of the input order;
// (2) global entities by key; (3) near-duplicate groups (MinHash + LSH,
// internal/dedup.cc) with the earliest-published, then longest document as
// canonical; (4) TF-IDF, entity and event-signature features per document
// (who travels where, internal/signature.cc; actors compared by the names
// reports use, internal/names.h) and online clustering of the canonical
// documents in date order, then a second pass over whole clusters
// (internal/cluster.cc), reprints following their canonical; (5) inferred
// publication dates for undated documents from their cluster (median date)
// and re-resolution of their relative times; (6) cluster ids in date order and
// cluster fields; (7) summaries, storylines, timeline, disagreements and
// relations (analysis.cc).
#include "synoptic/stories/stories.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "synoptic/core/civil.h"
#include "synoptic/stories/internal/cluster.h"
#include "synoptic/stories/internal/context.h"
#include "synoptic/stories/internal/dedup.h"
#include "synoptic/stories/internal/names.h"
#include "synoptic/stories/internal/text.h"
#include "synoptic/time/timex.h"

namespace synoptic::stories {
namespace {

using internal::Context;
using internal::DocFeatures;
using internal::kNoDay;
using internal::SparseVec;

std::string NormaliseKey(const LocalEntity& e) {
  if (e.key.rfind("kb:", 0) == 0) return e.key;
  std::string src = e.key;
  if (src.empty()) {
    src = "name:" + std::string(EntityTypeName(e.type)) + ":" + e.name;
  }
  // "name:" keys: case, spacing and dots do not make a different entity.
  std::string out;
  bool space = false;
  for (char c : src) {
    if (c == '.') continue;
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

template <typename T>
T MostFrequent(const std::map<T, uint32_t>& counts, const T& fallback) {
  T best = fallback;
  uint32_t n = 0;
  for (const auto& [v, c] : counts) {
    if (c > n) {
      n = c;
      best = v;
    }
  }
  return best;
}

void CanonicalOrder(Context* ctx) {
  const auto& docs = *ctx->docs;
  const auto n = static_cast<uint32_t>(docs.size());
  ctx->order.resize(n);
  std::iota(ctx->order.begin(), ctx->order.end(), 0u);
  std::stable_sort(
      ctx->order.begin(), ctx->order.end(), [&](uint32_t a, uint32_t b) {
        const Document& x = docs[a].doc;
        const Document& y = docs[b].doc;
        return std::tie(x.id, x.published, x.url, x.source, x.site, x.title,
                        x.text) < std::tie(y.id, y.published, y.url, y.source,
                                           y.site, y.title, y.text);
      });
  ctx->rank.assign(n, 0);
  for (uint32_t i = 0; i < n; ++i) ctx->rank[ctx->order[i]] = i;
}

void BuildEntities(Context* ctx) {
  auto& docs = *ctx->docs;
  StoryResult& r = *ctx->result;
  struct Acc {
    std::map<std::string, uint32_t> names;
    std::map<EntityType, uint32_t> types;
    std::map<std::string, uint32_t> codes;
    std::set<std::string> aliases;
  };
  std::map<std::string, Acc> by_key;
  std::vector<std::vector<std::string>> local_keys(docs.size());
  for (uint32_t d : ctx->order) {
    for (const LocalEntity& e : docs[d].entities) {
      std::string key = NormaliseKey(e);
      Acc& acc = by_key[key];
      ++acc.names[e.name];
      ++acc.types[e.type];
      if (!e.code.empty()) ++acc.codes[e.code];
      if (!e.name.empty()) acc.aliases.insert(e.name);
      for (const std::string& a : e.aliases) {
        if (!a.empty()) acc.aliases.insert(a);
      }
      local_keys[d].push_back(std::move(key));
    }
  }
  std::unordered_map<std::string, int32_t> index;
  for (auto& [key, acc] : by_key) {
    GlobalEntity g;
    g.id = "E" + std::to_string(r.entities.size() + 1);
    g.key = key;
    g.name = MostFrequent(acc.names, std::string());
    g.type = MostFrequent(acc.types, EntityType::kOther);
    g.code = MostFrequent(acc.codes, std::string());
    g.aliases.assign(acc.aliases.begin(), acc.aliases.end());
    index[key] = static_cast<int32_t>(r.entities.size());
    r.entities.push_back(std::move(g));
  }
  r.entity_map.assign(docs.size(), {});
  for (uint32_t d = 0; d < docs.size(); ++d) {
    for (const std::string& key : local_keys[d]) {
      r.entity_map[d].push_back(index[key]);
    }
  }
  for (uint32_t d : ctx->order) {
    std::vector<std::pair<int32_t, ByteSpan>> ms;
    for (const Mention& m : docs[d].mentions) {
      const int32_t g = ctx->Global(d, m.entity);
      if (g >= 0) ms.emplace_back(g, m.span);
    }
    std::sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first, a.second.begin, a.second.end) <
             std::tie(b.first, b.second.begin, b.second.end);
    });
    for (const auto& [g, span] : ms) {
      r.entities[g].mentions.emplace_back(d, span);
    }
  }
}

// Earliest published (undated last), then longest text, then order.
bool BetterCanonical(const Context& ctx, uint32_t a, uint32_t b) {
  const Document& x = ctx.doc(a).doc;
  const Document& y = ctx.doc(b).doc;
  int64_t dx = 0, dy = 0;
  const bool hx = internal::ParseDay(x.published, &dx);
  const bool hy = internal::ParseDay(y.published, &dy);
  if (hx != hy) return hx;
  if (hx && x.published != y.published) return x.published < y.published;
  if (x.text.size() != y.text.size()) return x.text.size() > y.text.size();
  return ctx.rank[a] < ctx.rank[b];
}

void FindDuplicates(Context* ctx) {
  const auto n = static_cast<uint32_t>(ctx->docs->size());
  std::vector<std::string_view> texts;
  texts.reserve(n);
  for (uint32_t d : ctx->order) texts.push_back(ctx->doc(d).doc.text);
  internal::DedupOptions dopt;
  dopt.threshold = ctx->options->duplicate_threshold;
  const std::vector<uint32_t> root = internal::NearDuplicateGroups(texts, dopt);
  // root[i] is a position in ctx->order; pick the best canonical per group.
  std::vector<uint32_t> best(n);
  for (uint32_t i = 0; i < n; ++i) best[i] = ctx->order[i];
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t g = root[i];
    if (BetterCanonical(*ctx, ctx->order[i], best[g])) best[g] = ctx->order[i];
  }
  ctx->canon.assign(n, 0);
  for (uint32_t i = 0; i < n; ++i) ctx->canon[ctx->order[i]] = best[root[i]];
}

ByteSpan FirstParagraph(const DocAnalysis& a) {
  if (!a.doc.paragraphs.empty()) return a.doc.paragraphs.front();
  const size_t end = a.doc.text.find("\n\n");
  return {0,
          static_cast<uint32_t>(end == std::string::npos
                                    ? std::min<size_t>(a.doc.text.size(), 400)
                                    : end)};
}

// Main event date of a document: the most frequent full event date; ties
// go to the date closest to publication, then the earliest.
int64_t MainEventDay(const DocAnalysis& a) {
  std::map<int64_t, uint32_t> counts;
  for (const Event& e : a.events) {
    if (e.modality == Modality::kNegated ||
        e.modality == Modality::kHypothetical) {
      continue;
    }
    int64_t day = 0;
    if (internal::ParseDay(e.date, &day)) ++counts[day];
  }
  int64_t pub = kNoDay;
  internal::ParseDay(a.doc.published, &pub);
  int64_t best = kNoDay;
  uint32_t n = 0;
  for (const auto& [day, c] : counts) {
    const bool closer = pub != kNoDay && best != kNoDay &&
                        std::abs(day - pub) < std::abs(best - pub);
    if (c > n || (c == n && closer)) {
      n = c;
      best = day;
    }
  }
  return best;
}

void BuildFeatures(Context* ctx, std::vector<DocFeatures>* features) {
  const auto& docs = *ctx->docs;
  const auto n = static_cast<uint32_t>(docs.size());
  std::vector<internal::Word> scratch;
  std::vector<std::vector<uint64_t>> terms(n), boosted(n);
  std::vector<uint64_t> tmp;
  for (uint32_t d : ctx->order) {
    const DocAnalysis& a = docs[d];
    const std::string& t = a.doc.text;
    internal::ContentTerms(t, {0, static_cast<uint32_t>(t.size())}, &scratch,
                           &terms[d]);
    internal::ContentTerms(a.doc.title,
                           {0, static_cast<uint32_t>(a.doc.title.size())},
                           &scratch, &boosted[d]);
    terms[d].insert(terms[d].end(), boosted[d].begin(), boosted[d].end());
    internal::ContentTerms(t, FirstParagraph(a), &scratch, &tmp);
    boosted[d].insert(boosted[d].end(), tmp.begin(), tmp.end());
    if (ctx->canon[d] == d) {
      tmp = terms[d];
      std::sort(tmp.begin(), tmp.end());
      tmp.erase(std::unique(tmp.begin(), tmp.end()), tmp.end());
      ctx->idf.AddDocument(tmp);
    }
  }
  std::vector<bool> person;
  const std::vector<uint32_t> match =
      internal::MatchIds(ctx->result->entities, &person);
  ctx->doc_vec.assign(n, {});
  features->assign(n, {});
  for (uint32_t d : ctx->order) {
    const DocAnalysis& a = docs[d];
    DocFeatures& f = (*features)[d];
    ctx->doc_vec[d] = internal::TfIdf(terms[d], boosted[d], 1.5, ctx->idf);
    f.terms = ctx->doc_vec[d];
    SparseVec top = f.terms;
    std::sort(top.begin(), top.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    for (size_t i = 0; i < top.size() && i < 10; ++i) {
      f.salient.push_back(top[i].first);
    }
    // Entity salience: mentions count, more in the lead and the title.
    const ByteSpan lead = FirstParagraph(a);
    std::map<uint32_t, double> sal;
    for (size_t l = 0; l < a.entities.size(); ++l) {
      const int32_t g = ctx->Global(d, static_cast<int32_t>(l));
      if (g < 0) continue;
      double w = 0;
      const LocalEntity& e = a.entities[l];
      if (!e.name.empty() && a.doc.title.find(e.name) != std::string::npos) {
        w += 3;
      } else {
        for (const std::string& al : e.aliases) {
          if (al.size() > 2 && a.doc.title.find(al) != std::string::npos) {
            w += 3;
            break;
          }
        }
      }
      sal[match[g]] += w;
    }
    for (const Mention& m : a.mentions) {
      const int32_t g = ctx->Global(d, m.entity);
      if (g < 0) continue;
      sal[match[g]] += (m.span.end <= lead.end || m.sentence < 2) ? 2.0 : 1.0;
    }
    double max_w = 0;
    for (auto& [g, w] : sal) {
      if (w <= 0) w = 1;  // known to the document but never mentioned
      max_w = std::max(max_w, w);
    }
    for (const auto& [g, w] : sal) {
      f.entities.emplace_back(g, static_cast<float>(w / max_w));
    }
    std::vector<std::pair<float, uint32_t>> by_w;
    for (const auto& [g, w] : f.entities) by_w.emplace_back(-w, g);
    std::sort(by_w.begin(), by_w.end());
    for (size_t i = 0; i < by_w.size() && i < 6; ++i) {
      f.key_entities.push_back(by_w[i].second);
      if (person[by_w[i].second]) {
        f.people.push_back(by_w[i].second);
      }
    }
    std::sort(f.people.begin(), f.people.end());
    std::set<uint32_t> places;
    std::set<uint64_t> codes;
    for (const Event& e : a.events) {
      const int32_t loc = ctx->Global(d, e.location);
      if (loc >= 0) places.insert(static_cast<uint32_t>(loc));
      if (!e.type.empty()) codes.insert(internal::WordHash("type:" + e.type));
      if (!e.root_code.empty()) {
        codes.insert(internal::WordHash("root:" + e.root_code));
      }
    }
    for (size_t l = 0; l < a.entities.size(); ++l) {
      const EntityType t = a.entities[l].type;
      const int32_t g = ctx->Global(d, static_cast<int32_t>(l));
      if (g >= 0 && (t == EntityType::kLoc || t == EntityType::kFac)) {
        places.insert(static_cast<uint32_t>(g));
      }
    }
    f.places.assign(places.begin(), places.end());
    f.codes.assign(codes.begin(), codes.end());
    f.moves = internal::DocMoves(a);
    f.event_day = MainEventDay(a);
    internal::ParseDay(a.doc.published, &f.pub_day);
  }
}

// Re-resolves an undated document against the date inferred for it.
void InferDate(const civil::Date& date, DocAnalysis* a) {
  a->doc.published = civil::FormatDate(date);
  a->doc.published_from = DateSource::kInferred;
  const std::vector<Timex> old = a->times;
  time::TimeOptions topt;
  topt.anchor_kind = TimexAnchor::kInferred;
  topt.language = a->doc.language;
  time::TagTimes(date, topt, a);
  for (Event& e : a->events) {
    if (e.time < 0 || static_cast<size_t>(e.time) >= old.size()) continue;
    // The same span, else the one new expression overlapping it (the
    // tagger may have trimmed "on Wednesday" to "Wednesday").
    const ByteSpan span = old[e.time].span;
    e.time = -1;
    int32_t overlapping = -1;
    int overlaps = 0;
    for (size_t t = 0; t < a->times.size(); ++t) {
      const ByteSpan s = a->times[t].span;
      if (s == span) {
        e.time = static_cast<int32_t>(t);
        break;
      }
      if (s.begin < span.end && span.begin < s.end) {
        overlapping = static_cast<int32_t>(t);
        ++overlaps;
      }
    }
    if (e.time < 0 && overlaps == 1) e.time = overlapping;
    if (e.time >= 0) {
      const Timex& t = a->times[e.time];
      if (t.type == TimexType::kDate || t.type == TimexType::kTime) {
        e.date = t.value;
      }
    }
  }
}

std::string ClusterDate(const Context& ctx, const std::vector<uint32_t>& docs) {
  std::vector<int64_t> days;
  for (uint32_t d : docs) {
    int64_t day = 0;
    if (internal::ParseDay(ctx.doc(d).doc.published, &day)) days.push_back(day);
  }
  std::sort(days.begin(), days.end());
  const int64_t median = days.empty() ? kNoDay : days[(days.size() - 1) / 2];
  // Most supported event date: counted once per independent document
  // (half for a document whose own date was inferred).
  // Announced (planned, speculated) events count half: the date a thing
  // was expected is weaker evidence than reports that it happened. Dates
  // far from the coverage (background: "their talks last year") are not
  // candidates.
  constexpr int64_t kMaxLeadDays = 45;
  std::map<int64_t, double> support;
  for (uint32_t d : docs) {
    if (ctx.canon[d] != d) continue;
    std::map<int64_t, double> seen;
    for (const Event& e : ctx.doc(d).events) {
      int64_t day = 0;
      if (e.modality == Modality::kNegated ||
          e.modality == Modality::kHypothetical ||
          !internal::ParseDay(e.date, &day) ||
          (median != kNoDay && std::abs(day - median) > kMaxLeadDays)) {
        continue;
      }
      const double w = (e.modality == Modality::kPlanned ||
                        e.modality == Modality::kSpeculated)
                           ? 0.5
                           : 1.0;
      double& v = seen[day];
      v = std::max(v, w);
    }
    // Dates read against an inferred publication date are weaker evidence
    // than a dated report's own: they lean on the cluster's date already.
    const double doc_w =
        ctx.doc(d).doc.published_from == DateSource::kInferred ? 0.5 : 1.0;
    for (const auto& [day, w] : seen) support[day] += w * doc_w;
  }
  int64_t best = kNoDay;
  double best_w = 0;
  for (const auto& [day, w] : support) {
    if (w > best_w + 1e-9) {  // ties: the earliest
      best_w = w;
      best = day;
    }
  }
  if (best == kNoDay) best = median;
  return best == kNoDay ? "" : civil::FormatDate(civil::FromDays(best));
}

std::string VerbPhrase(const std::string& type) {
  std::string v = type;
  std::replace(v.begin(), v.end(), '_', ' ');
  const size_t sp = v.find(' ');
  const std::string head = v.substr(0, sp);
  std::string rest = sp == std::string::npos ? "" : v.substr(sp);
  if (head.empty()) return v;
  const char last = head.back();
  std::string verb = head;
  if (last == 's' || last == 'x' || last == 'h') {
    verb += "es";
  } else if (last == 'y' && head.size() > 1 &&
             std::string("aeiou").find(head[head.size() - 2]) ==
                 std::string::npos) {
    verb = head.substr(0, head.size() - 1) + "ies";
  } else {
    verb += "s";
  }
  return verb + rest;
}

// A yearless dateline ("MOSCOW, March 17 (Wire) -") at the very start of an
// undated document: the month and day it gives, with the year that puts it
// nearest the cluster's median date, when that is within a month of it.
std::optional<civil::Date> DatelineDate(const DocAnalysis& a, int64_t median) {
  constexpr uint32_t kDatelineBytes = 80;
  for (const Timex& t : a.times) {
    if (t.span.begin > kDatelineBytes) break;
    if (t.type != TimexType::kDate || t.value.size() != 10 ||
        t.value.compare(0, 5, "XXXX-") != 0) {
      continue;
    }
    const int month = std::atoi(t.value.c_str() + 5);
    const int day = std::atoi(t.value.c_str() + 8);
    const int year = civil::FromDays(median).year;
    std::optional<civil::Date> best;
    int64_t best_gap = 31;
    for (int y = year - 1; y <= year + 1; ++y) {
      const civil::Date cand{y, month, day};
      if (!civil::IsValid(cand)) continue;
      const int64_t gap = std::abs(civil::ToDays(cand) - median);
      if (gap < best_gap) {
        best_gap = gap;
        best = cand;
      }
    }
    return best;
  }
  return std::nullopt;
}

void FillClusters(Context* ctx, const std::vector<uint32_t>& doc_group) {
  StoryResult& r = *ctx->result;
  auto& docs = *ctx->docs;
  std::map<uint32_t, std::vector<uint32_t>> groups;  // group -> docs by rank
  for (uint32_t d : ctx->order) groups[doc_group[d]].push_back(d);
  // Inferred dates. An undated member is dated by its own yearless
  // dateline when it has one; else by the day the cluster's happening took
  // place, as its dated members report it (reports of a happening are
  // written around it, and its day is where their relative dates point:
  // "arrived on Tuesday" before it, "will meet on Wednesday" up to it);
  // else by the median publication day of the dated members. A follow-up
  // published a week later would shift every weekday by a week.
  for (auto& [g, members] : groups) {
    std::vector<int64_t> days;
    for (uint32_t d : members) {
      int64_t day = 0;
      if (internal::ParseDay(docs[d].doc.published, &day)) days.push_back(day);
    }
    if (days.empty() || days.size() == members.size()) continue;
    std::sort(days.begin(), days.end());
    const int64_t median_day = days[(days.size() - 1) / 2];
    civil::Date fallback = civil::FromDays(median_day);
    int64_t happened = 0;
    if (internal::ParseDay(ClusterDate(*ctx, members), &happened)) {
      fallback = civil::FromDays(happened);
    }
    for (uint32_t d : members) {
      int64_t day = 0;
      if (!internal::ParseDay(docs[d].doc.published, &day)) {
        InferDate(DatelineDate(docs[d], median_day).value_or(fallback), &docs[d]);
      }
    }
  }
  // Cluster order: by date (undated last), then first member.
  struct Pending {
    std::string date;
    uint32_t first_rank;
    std::vector<uint32_t> docs;
  };
  std::vector<Pending> pending;
  for (auto& [g, members] : groups) {
    pending.push_back(
        {ClusterDate(*ctx, members), ctx->rank[members[0]], members});
  }
  std::sort(pending.begin(), pending.end(),
            [](const Pending& a, const Pending& b) {
              const bool ea = a.date.empty(), eb = b.date.empty();
              return std::tie(ea, a.date, a.first_rank) <
                     std::tie(eb, b.date, b.first_rank);
            });
  r.doc_cluster.assign(docs.size(), -1);
  for (Pending& p : pending) {
    Cluster c;
    c.id = "C" + std::to_string(r.clusters.size() + 1);
    c.date = p.date;
    c.docs = p.docs;
    for (uint32_t d : c.docs) {
      r.doc_cluster[d] = static_cast<int32_t>(r.clusters.size());
    }
    std::set<std::string> sites;
    std::map<uint32_t, std::vector<uint32_t>> dups;
    SparseVec sum;
    for (uint32_t d : c.docs) {
      if (!docs[d].doc.site.empty()) sites.insert(docs[d].doc.site);
      dups[ctx->canon[d]].push_back(d);
      if (ctx->canon[d] != d) continue;
      for (uint32_t i = 0; i < docs[d].events.size(); ++i) {
        c.events.push_back({d, i});
      }
      SparseVec merged;
      std::merge(sum.begin(), sum.end(), ctx->doc_vec[d].begin(),
                 ctx->doc_vec[d].end(), std::back_inserter(merged));
      sum.clear();
      for (const auto& kv : merged) {
        if (!sum.empty() && sum.back().first == kv.first) {
          sum.back().second += kv.second;
        } else {
          sum.push_back(kv);
        }
      }
    }
    internal::NormalizeL2(&sum);
    c.sources.assign(sites.begin(), sites.end());
    for (auto& [canon, members] : dups) {
      if (members.size() < 2) continue;
      std::vector<uint32_t> g = {canon};
      for (uint32_t d : members) {
        if (d != canon) g.push_back(d);
      }
      c.duplicates.push_back(std::move(g));
    }
    std::sort(c.duplicates.begin(), c.duplicates.end(),
              [&](const auto& a, const auto& b) {
                return ctx->rank[a[0]] < ctx->rank[b[0]];
              });
    // Title: the most central titled report of the happening (published on
    // or after its date: a preview's "X to visit Y next week" is not the
    // headline of the visit), else of any document, else the top event.
    int64_t happened = 0;
    const bool dated = internal::ParseDay(c.date, &happened);
    for (int pass = 0; pass < 2 && c.title.empty(); ++pass) {
      double best = -1;
      for (uint32_t d : c.docs) {
        if (ctx->canon[d] != d || docs[d].doc.title.empty()) continue;
        int64_t pub = 0;
        if (pass == 0 && dated &&
            (docs[d].doc.published_from == DateSource::kInferred ||
             !internal::ParseDay(docs[d].doc.published, &pub) ||
             pub < happened)) {
          continue;
        }
        const double s = internal::Dot(ctx->doc_vec[d], sum);
        if (s > best + 1e-12) {
          best = s;
          c.title = docs[d].doc.title;
        }
      }
    }
    if (c.title.empty()) {
      std::map<std::string, uint32_t> phrases;
      for (const EventRef& e : c.events) {
        const Event& ev = docs[e.doc].events[e.index];
        const std::string src = ctx->EntityName(ctx->Global(e.doc, ev.source));
        const std::string tgt = ctx->EntityName(ctx->Global(e.doc, ev.target));
        if (src.empty() || ev.type.empty()) continue;
        ++phrases[src + " " + VerbPhrase(ev.type) +
                  (tgt.empty() ? "" : " " + tgt)];
      }
      c.title = MostFrequent(phrases, std::string());
    }
    ctx->centroid.push_back(std::move(sum));
    r.clusters.push_back(std::move(c));
  }
}

}  // namespace

StoryResult BuildStories(std::vector<DocAnalysis>* docs,
                         const StoryOptions& options) {
  StoryResult result;
  Context ctx;
  ctx.docs = docs;
  ctx.options = &options;
  ctx.result = &result;
  CanonicalOrder(&ctx);
  BuildEntities(&ctx);
  FindDuplicates(&ctx);
  std::vector<DocFeatures> features;
  BuildFeatures(&ctx, &features);

  // Canonical documents in date order (undated last), then content order.
  std::vector<uint32_t> stream;
  for (uint32_t d : ctx.order) {
    if (ctx.canon[d] == d) stream.push_back(d);
  }
  std::stable_sort(stream.begin(), stream.end(), [&](uint32_t a, uint32_t b) {
    const int64_t x = features[a].pub_day, y = features[b].pub_day;
    const bool ux = x == kNoDay, uy = y == kNoDay;
    return std::tie(ux, x) < std::tie(uy, y);
  });
  std::vector<const DocFeatures*> input;
  for (uint32_t d : stream) input.push_back(&features[d]);
  internal::ClusterOptions copt;
  copt.threshold = options.cluster_threshold;
  copt.merge_threshold = options.merge_threshold;
  copt.max_cluster_docs = options.max_cluster_docs;
  copt.max_candidates = options.max_candidates;
  const std::vector<uint32_t> assigned = internal::ClusterOnline(input, copt);
  std::vector<uint32_t> doc_group(docs->size(), 0);
  for (size_t i = 0; i < stream.size(); ++i) doc_group[stream[i]] = assigned[i];
  for (uint32_t d = 0; d < docs->size(); ++d) {
    doc_group[d] = doc_group[ctx.canon[d]];
  }
  FillClusters(&ctx, doc_group);
  internal::BuildSummaries(&ctx);
  internal::BuildStorylines(&ctx);
  internal::BuildTimeline(&ctx);
  internal::BuildDisagreements(&ctx);
  internal::BuildRelations(&ctx);
  internal::BuildComparison(&ctx);
  return result;
}

}  // namespace synoptic::stories
