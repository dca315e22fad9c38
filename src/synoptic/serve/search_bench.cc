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
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
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

BENCHMARK(BM_SearchIndex)
    ->ArgsProduct({{30000}, {0, 1, 2}})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Fts5Search)
    ->ArgsProduct({{30000}, {0, 1, 2}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace synoptic::serve

BENCHMARK_MAIN();
