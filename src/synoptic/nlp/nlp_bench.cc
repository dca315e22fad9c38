// Throughput of Annotate (tokens/s) on a fixed English news-style text
// written for this benchmark.
#include <benchmark/benchmark.h>

#include <string>

#include "synoptic/nlp/nlp.h"

namespace synoptic::nlp {
namespace {

constexpr const char* kParagraph =
    "Foreign ministers of Ruritania and Freedonia met in Vienna on Tuesday, "
    "the third round of talks since the ceasefire collapsed in March. "
    "Ruritanian Prime Minister Elena Varga said the two sides had agreed on "
    "a 1,200-km demilitarised corridor, according to a statement released "
    "by her office. \xE2\x80\x9CWe are not there yet,\xE2\x80\x9D she told "
    "reporters. Dr. Tomas Reyes of the U.N. Development Programme warned "
    "that 3.5 million people still lacked clean water\xE2\x80\x94"
    "a figure the Freedonian government disputes. The European Union and NATO "
    "welcomed the progress but urged both capitals to release detainees "
    "before Sept. 30.\n\n";

void BM_Annotate(benchmark::State& state) {
  NlpOptions options;
  options.models_dir = SYN_SOURCE_DIR "/models";
  auto model = LoadNlpModel(DefaultEnv(), options);
  if (!model.ok()) {
    state.SkipWithError(model.status().ToString().c_str());
    return;
  }
  DocAnalysis a;
  for (int i = 0; i < 40; ++i) a.doc.text += kParagraph;
  // Golden check before timing: the output must be sane.
  Annotate(**model, options, &a);
  if (a.tokens.size() < 4000 || a.sentences.size() != 200 ||
      a.mentions.empty()) {
    state.SkipWithError("unexpected annotation of the benchmark text");
    return;
  }
  int64_t tokens = 0;
  for (auto _ : state) {
    Annotate(**model, options, &a);
    tokens += static_cast<int64_t>(a.tokens.size());
    benchmark::DoNotOptimize(a.mentions.data());
  }
  state.SetItemsProcessed(tokens);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(a.doc.text.size()));
}
BENCHMARK(BM_Annotate);

}  // namespace
}  // namespace synoptic::nlp

BENCHMARK_MAIN();
