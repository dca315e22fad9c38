// Full-text search latency: the server's in-memory block-max index against
// its reference, the store's FTS5 bm25 query, on the same generated store
// and the same queries (top 20, as the API's default).
//
// The store holds N documents of 150-400 words drawn from a 20,000-word
// vocabulary with a Zipf-like skew, so the first words occur in nearly every
// document (the worst case for "score every match, then sort") and the last
// ones in a few. Query kinds: "common" one of the 20 most frequent words;
// "mid" a word of rank 200-2000; "pair" two words of rank 0-500 (all must
// match). Each iteration runs one query of its kind in rotation.
//
// The store is written once per N into a temporary folder (a minute or two at
// 30,000 documents) and removed at exit.
//
// BM_SearchIndexTail runs only when SYN_SEARCH_BENCH_STORE names a real
// store (bench/serve/run's 100k store, say) and SYN_SEARCH_BENCH_QUERIES a
// file of queries, one per line: each iteration runs every query once and
// the counters give the per-query CPU time at p50, p90, p99 and max, the tail
// that sets a loaded server's p99; the slowest queries go to stderr.
#include <benchmark/benchmark.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "synoptic/serve/internal/search_index.h"
#include "synoptic/store/store.h"

namespace synoptic::serve {
namespace {

std::string Word(size_t rank) {
  // Pronounceable, distinct per rank: consonant-vowel pairs in base 100.
  static const char* kSyl[] = {"ka", "lo", "mi", "ne", "pu", "ra", "si", "to",
                               "ve", "zu"};
  std::string w;
  size_t r = rank + 1;
  while (r > 0) {
    w += kSyl[r % 10];
    r /= 10;
  }
  return w;
}

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::TextTokenizer> tokenizer;
  std::shared_ptr<const SearchIndex> index;
  ~Fixture() { std::filesystem::remove_all(dir); }
};

Fixture* Get(size_t n) {
  static std::map<size_t, std::unique_ptr<Fixture>> cache;
  auto& f = cache[n];
  if (f) return f.get();
  f = std::make_unique<Fixture>();
  f->dir = std::filesystem::temp_directory_path() /
           ("synoptic_search_bench_" + std::to_string(::getpid()) + "_" +
            std::to_string(n));
  std::filesystem::remove_all(f->dir);
  std::filesystem::create_directories(f->dir);
  f->store = std::move(store::Store::Open((f->dir / "s.db").string())).value();
  f->tokenizer = std::move(store::TextTokenizer::Create()).value();
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> len(150, 400);
  std::vector<SearchDoc> docs;
  docs.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    DocAnalysis a;
    a.doc.id = "doc" + std::to_string(i);
    a.doc.source = "bench";
    const int words = len(rng);
    for (int k = 0; k < words; ++k) {
      // Zipf-like rank: exp of a uniform draw over log(vocabulary).
      const auto rank =
          static_cast<size_t>(std::exp(u(rng) * std::log(20000.0))) - 1;
      std::string& dst = k < 8 ? a.doc.title : a.doc.text;
      if (!dst.empty()) dst += ' ';
      dst += Word(rank);
    }
    (void)f->store->PutDocument(a);
    docs.push_back(SearchDoc{a.doc.id, a.doc.title, a.doc.source, a.doc.text});
  }
  f->index =
      std::move(SearchIndex::Build(std::move(docs), f->tokenizer.get())).value();
  return f.get();
}

std::vector<std::string> Queries(int kind) {
  std::vector<std::string> q;
  std::mt19937 rng(7);
  for (int i = 0; i < 64; ++i) {
    if (kind == 0) {
      q.push_back(Word(static_cast<size_t>(i % 20)));
    } else if (kind == 1) {
      q.push_back(Word(200 + static_cast<size_t>(rng() % 1800)));
    } else {
      q.push_back(Word(rng() % 500) + " " + Word(rng() % 500));
    }
  }
  return q;
}

const char* kKinds[] = {"common", "mid", "pair"};

void BM_SearchIndex(benchmark::State& state) {
  Fixture* f = Get(static_cast<size_t>(state.range(0)));
  const auto queries = Queries(static_cast<int>(state.range(1)));
  size_t i = 0, hits = 0;
  for (auto _ : state) {
    auto r = f->index->Search(queries[i++ % queries.size()], 20,
                              f->tokenizer.get());
    hits += r.ok() ? r->size() : 0;
    benchmark::DoNotOptimize(r);
  }
  state.counters["hits/query"] =
      static_cast<double>(hits) / static_cast<double>(state.iterations());
  state.SetLabel(kKinds[state.range(1)]);
}

void BM_Fts5Search(benchmark::State& state) {
  Fixture* f = Get(static_cast<size_t>(state.range(0)));
  const auto queries = Queries(static_cast<int>(state.range(1)));
  size_t i = 0, hits = 0;
  for (auto _ : state) {
    auto r = f->store->Search(queries[i++ % queries.size()], 20);
    hits += r.ok() ? r->size() : 0;
    benchmark::DoNotOptimize(r);
  }
  state.counters["hits/query"] =
      static_cast<double>(hits) / static_cast<double>(state.iterations());
  state.SetLabel(kKinds[state.range(1)]);
}

double ThreadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 +
         static_cast<double>(ts.tv_nsec) / 1e3;
}

void BM_SearchIndexTail(benchmark::State& state) {
  const char* store_path = std::getenv("SYN_SEARCH_BENCH_STORE");
  const char* query_path = std::getenv("SYN_SEARCH_BENCH_QUERIES");
  if (!store_path || !query_path) {
    state.SkipWithError("set SYN_SEARCH_BENCH_STORE and SYN_SEARCH_BENCH_QUERIES");
    return;
  }
  static std::shared_ptr<const SearchIndex> index;
  static std::unique_ptr<store::TextTokenizer> tokenizer;
  if (!index) {
    auto st = store::Store::Open(store_path);
    if (!st.ok()) {
      state.SkipWithError(st.status().ToString().c_str());
      return;
    }
    auto docs = (*st)->LoadDocuments();
    if (!docs.ok()) {
      state.SkipWithError(docs.status().ToString().c_str());
      return;
    }
    std::vector<SearchDoc> sd;
    sd.reserve(docs->size());
    for (const auto& d : *docs) {
      sd.push_back(SearchDoc{d.doc.id, d.doc.title, d.doc.source, d.doc.text});
    }
    docs->clear();
    tokenizer = std::move(store::TextTokenizer::Create()).value();
    index = std::move(SearchIndex::Build(std::move(sd), tokenizer.get())).value();
  }
  std::vector<std::string> queries;
  std::ifstream in(query_path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  if (queries.empty()) {
    state.SkipWithError("no queries");
    return;
  }
  std::vector<std::pair<double, size_t>> micros(queries.size());
  for (auto _ : state) {
    for (size_t i = 0; i < queries.size(); ++i) {
      // Thread CPU time: on a shared machine wall time would measure the
      // scheduler.
      const double t0 = ThreadCpuMicros();
      auto r = index->Search(queries[i], 20, tokenizer.get());
      benchmark::DoNotOptimize(r);
      micros[i] = {ThreadCpuMicros() - t0, i};
    }
  }
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) {
    return micros[std::min(micros.size() - 1,
                           static_cast<size_t>(q * micros.size()))]
        .first;
  };
  state.counters["p50_us"] = at(0.5);
  state.counters["p90_us"] = at(0.9);
  state.counters["p99_us"] = at(0.99);
  state.counters["max_us"] = micros.back().first;
  state.counters["docs"] = static_cast<double>(index->documents());
  for (size_t k = micros.size(); k-- > 0 && micros.size() - k <= 10;) {
    std::fprintf(stderr, "slow: %8.0f us  %s\n", micros[k].first,
                 queries[micros[k].second].c_str());
  }
}

BENCHMARK(BM_SearchIndexTail)->Iterations(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchIndex)
    ->ArgsProduct({{30000}, {0, 1, 2}})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Fts5Search)
    ->ArgsProduct({{30000}, {0, 1, 2}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace synoptic::serve

BENCHMARK_MAIN();
