// Throughput of the cross-document stage on generated corpora.
//
// BM_ClusterOnline: the online clusterer alone on N compact per-document
// records (random happenings, each with its own entities, terms and date,
// plus background noise drawn from a skewed vocabulary), as a distributed
// deployment would feed it. BM_BuildStories: the whole stage on N generated
// DocAnalysis records with text, entities, mentions and events. Both report
// articles per second, the BCubed F1 against the generating happenings
// (a guard that the timed code does the real work) and the process's peak
// resident memory (VmHWM).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/core/hash.h"
#include "synoptic/stories/internal/cluster.h"
#include "synoptic/stories/stories.h"

namespace synoptic::stories {
namespace {

double PeakRssMiB() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    }
  }
  return 0;
}

double BCubedF1(const std::vector<uint32_t>& pred,
                const std::vector<uint32_t>& gold) {
  std::unordered_map<uint64_t, double> both;
  std::unordered_map<uint32_t, double> np, ng;
  for (size_t i = 0; i < pred.size(); ++i) {
    ++both[(static_cast<uint64_t>(pred[i]) << 32) | gold[i]];
    ++np[pred[i]];
    ++ng[gold[i]];
  }
  double p = 0, r = 0;
  for (const auto& [key, n] : both) {
    p += n * n / np[static_cast<uint32_t>(key >> 32)];
    r += n * n / ng[static_cast<uint32_t>(key)];
  }
  p /= pred.size();
  r /= pred.size();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

struct Happening {
  int64_t day;
  std::vector<uint32_t> entities;
  std::vector<uint64_t> terms;
};

std::vector<Happening> MakeHappenings(size_t n, std::mt19937_64* rng) {
  std::uniform_int_distribution<int64_t> day(19000, 19730);  // ~2 years
  std::uniform_int_distribution<uint32_t> entity(0, 20000);
  std::uniform_int_distribution<uint64_t> term(1, 1u << 22);
  std::vector<Happening> out(n);
  for (Happening& h : out) {
    h.day = day(*rng);
    for (int i = 0; i < 3; ++i) h.entities.push_back(entity(*rng));
    for (int i = 0; i < 30; ++i) h.terms.push_back(term(*rng));
  }
  return out;
}

void BM_ClusterOnline(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  std::mt19937_64 rng(42);
  const std::vector<Happening> hs = MakeHappenings(n / 5, &rng);
  std::uniform_int_distribution<size_t> pick(0, hs.size() - 1);
  std::uniform_int_distribution<int> jitter(0, 3);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<internal::DocFeatures> docs(n);
  std::vector<uint32_t> gold(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t h = pick(rng);
    gold[i] = static_cast<uint32_t>(h);
    internal::DocFeatures& f = docs[i];
    std::map<uint64_t, float> terms;
    for (int k = 0; k < 20; ++k) {
      terms[hs[h].terms[rng() % hs[h].terms.size()]] += 1.0f;
    }
    for (int k = 0; k < 40; ++k) {  // skewed background vocabulary
      const auto t = static_cast<uint64_t>(std::pow(unit(rng), 3) * 50000) + 1;
      terms[t] += 0.3f;
    }
    f.terms.assign(terms.begin(), terms.end());
    internal::NormalizeL2(&f.terms);
    std::vector<std::pair<float, uint64_t>> top;
    for (const auto& [t, w] : f.terms) top.emplace_back(-w, t);
    std::sort(top.begin(), top.end());
    for (size_t k = 0; k < 10 && k < top.size(); ++k)
      f.salient.push_back(top[k].second);
    std::map<uint32_t, float> ents;
    for (uint32_t e : hs[h].entities) ents[e] = 1.0f;
    ents[static_cast<uint32_t>(rng() % 20000)] = 0.5f;
    f.entities.assign(ents.begin(), ents.end());
    for (const auto& [e, w] : f.entities) f.key_entities.push_back(e);
    f.pub_day = hs[h].day + jitter(rng);
    if (unit(rng) < 0.5) f.event_day = hs[h].day;
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return docs[a].pub_day < docs[b].pub_day;
  });
  std::vector<const internal::DocFeatures*> input;
  std::vector<uint32_t> gold_sorted;
  for (size_t i : order) {
    input.push_back(&docs[i]);
    gold_sorted.push_back(gold[i]);
  }
  std::vector<uint32_t> out;
  for (auto _ : state) {
    out = internal::ClusterOnline(input, internal::ClusterOptions());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.counters["articles_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate);
  state.counters["clusters"] =
      static_cast<double>(*std::max_element(out.begin(), out.end()) + 1);
  state.counters["bcubed_f1"] = BCubedF1(out, gold_sorted);
  state.counters["peak_rss_mib"] = PeakRssMiB();
}
BENCHMARK(BM_ClusterOnline)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
// The scale target: one million records in memory, one pass.
BENCHMARK(BM_ClusterOnline)
    ->Arg(1000000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

void BM_BuildStories(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  std::mt19937_64 rng(7);
  const std::vector<Happening> hs = MakeHappenings(n / 5, &rng);
  std::uniform_int_distribution<size_t> pick(0, hs.size() - 1);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<DocAnalysis> base(n);
  std::vector<uint32_t> gold(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t h = pick(rng);
    gold[i] = static_cast<uint32_t>(h);
    DocAnalysis& a = base[i];
    std::string& t = a.doc.text;
    for (int s = 0; s < 8; ++s) {
      for (int w = 0; w < 18; ++w) {
        const uint64_t term =
            unit(rng) < 0.4
                ? hs[h].terms[rng() % hs[h].terms.size()]
                : static_cast<uint64_t>(std::pow(unit(rng), 3) * 50000);
        t += (w ? " w" : "W") + std::to_string(term);
      }
      t += s % 3 == 2 ? ".\n\n" : ". ";
    }
    a.doc.id = HexId(t);
    a.doc.site = "site" + std::to_string(rng() % 50);
    a.doc.published = civil::FormatDate(civil::FromDays(hs[h].day + rng() % 3));
    for (uint32_t e : hs[h].entities) {
      LocalEntity le;
      le.key = "kb:e" + std::to_string(e);
      le.name = "Entity " + std::to_string(e);
      le.type = e % 3 ? EntityType::kPerson : EntityType::kGpe;
      a.entities.push_back(le);
      Mention m;
      m.span = {0, 3};
      m.entity = static_cast<int32_t>(a.entities.size() - 1);
      a.mentions.push_back(m);
    }
    Event ev;
    ev.type = "meet";
    ev.code = "043";
    ev.root_code = "04";
    ev.quad_class = 1;
    ev.goldstein = 2.8;
    ev.source = 0;
    ev.target = 1;
    ev.date = civil::FormatDate(civil::FromDays(hs[h].day));
    ev.evidence = {0, static_cast<uint32_t>(t.find('.') + 1)};
    a.events.push_back(ev);
  }
  std::vector<uint32_t> pred(n);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<DocAnalysis> docs = base;
    state.ResumeTiming();
    const StoryResult r = BuildStories(&docs, StoryOptions());
    for (size_t i = 0; i < n; ++i)
      pred[i] = static_cast<uint32_t>(r.doc_cluster[i]);
    benchmark::DoNotOptimize(r.clusters.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.counters["articles_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate);
  state.counters["bcubed_f1"] = BCubedF1(pred, gold);
  state.counters["peak_rss_mib"] = PeakRssMiB();
}
BENCHMARK(BM_BuildStories)
    ->Arg(2000)
    ->Arg(20000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace synoptic::stories

BENCHMARK_MAIN();
