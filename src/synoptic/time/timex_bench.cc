// Throughput of TagText on a fixed, original news-like text (page chrome,
// dates of every kind, long stretches with none). The output is checked once
// against known counts before timing, so a broken tagger cannot look fast.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "synoptic/time/timex.h"

namespace synoptic::time {
namespace {

constexpr const char kArticle[] =
    "Home | World | Business | Markets | Sport | Opinion\n"
    "LIVE: Harbour strike enters its third week\n"
    "By Tomas Ilves and Priya Natarajan | Updated 19 June 2024 09:40\n\n"
    "The port authority of Velmar said on Tuesday that cargo traffic had "
    "fallen by nearly a third since the strike began on 28 May, the longest "
    "stoppage at the harbour in more than twenty years. Ships waited for days "
    "outside the breakwater, and insurers warned that costs would keep rising "
    "every week the dispute lasts.\n\n"
    "Negotiators met again yesterday evening and are expected to resume talks "
    "on Friday. A spokesperson for the dockers' union told reporters that the "
    "offer made last month was \"not serious\" and that members will vote "
    "next week on whether to extend the action into July.\n\n"
    "The dispute has its roots in a 2019 agreement that froze wages for three "
    "years. Inflation, which peaked in the fourth quarter of 2022, eroded "
    "pay by about 11 percent, according to figures published in March. The "
    "union says its members have waited long enough; employers reply that "
    "volumes have not recovered to the levels of the 2010s.\n\n"
    "Two days later the regional government offered to mediate. The premier, "
    "who took office in early 2023, said a deal could be reached by mid-July "
    "and that the state would review port fees each year from now on. "
    "Analysts at a local bank expect the third quarter to show a sharp drop "
    "in exports, and said the economy could take six months to recover.\n\n"
    "Related News\n"
    "  * Rail unions to vote next month on new contract\n"
    "  * Velmar port traffic hit a record in 2023\n"
    "  * Opinion: what the 1990s taught us about strikes\n\n"
    "Comments (12) | Share | Print\n"
    "Posted at 10:15 am. Most read this morning: weather, markets, sport.\n";

std::string Corpus() {
  std::string text;
  for (int i = 0; i < 64; ++i) text += kArticle;
  return text;
}

size_t CountTokens(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

void BM_TagText(benchmark::State& state) {
  const std::string text = Corpus();
  const std::optional<civil::Date> dct = civil::Date{2024, 6, 19};
  // Golden check before timing: the article holds 28 expressions.
  const size_t per_article = TagText(kArticle, dct, {}).size();
  if (per_article != 28) {
    std::fprintf(stderr, "timex_bench: expected 28 expressions, got %zu\n",
                 per_article);
    std::abort();
  }
  const size_t tokens = CountTokens(text);
  size_t found = 0;
  for (auto _ : state) {
    auto v = TagText(text, dct, {});
    found = v.size();
    benchmark::DoNotOptimize(v.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens),
                         benchmark::Counter::kIsIterationInvariantRate);
  state.counters["timexes"] = static_cast<double>(found);
}
BENCHMARK(BM_TagText);

}  // namespace
}  // namespace synoptic::time

BENCHMARK_MAIN();
