// Throughput of Annotate (tokens/s), of the dependency parser and of the
// UPOS tagger (words/s, one thread) on a fixed English news-style text
// written for this benchmark.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "synoptic/nlp/dep_parser.h"
#include "synoptic/nlp/ner_model.h"
#include "synoptic/nlp/nlp.h"
#include "synoptic/nlp/pos_model.h"

#if defined(__GNUC__) && !defined(__clang__)
// GCC pairs the replaced operators below with its own idea of new/delete.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

// Heap allocations of the whole process, counted so that BM_Parse can show
// that parsing allocates nothing per word once its workspace has grown.
std::atomic<size_t> g_allocations{0};  // NOLINT: benchmark instrumentation

void* operator new(size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

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

// The same with the rule-based mention finder instead of the entity model
// (NlpOptions::ner_model empty; the default before the model was good
// enough).
void BM_AnnotateRules(benchmark::State& state) {
  NlpOptions options;
  options.models_dir = SYN_SOURCE_DIR "/models";
  options.ner_model.clear();
  auto model = LoadNlpModel(DefaultEnv(), options);
  if (!model.ok()) {
    state.SkipWithError(model.status().ToString().c_str());
    return;
  }
  DocAnalysis a;
  for (int i = 0; i < 40; ++i) a.doc.text += kParagraph;
  Annotate(**model, options, &a);
  if (a.tokens.size() < 4000 || a.mentions.empty()) {
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
}
BENCHMARK(BM_AnnotateRules);

// Per-word counters of a benchmark whose every iteration handles `words`
// words: heap allocations since `allocations_before` (as `counter`) and
// items per second.
void ReportPerWord(benchmark::State& state, size_t allocations_before,
                   size_t words, const char* counter) {
  state.counters[counter] =
      static_cast<double>(g_allocations.load() - allocations_before) /
      static_cast<double>(static_cast<size_t>(state.iterations()) * words);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(words));
}

// The benchmark text's sentences as words with UPOS tags: from `tagger`,
// or the lexicon rules' Token::pos when it is null. Adds their words to
// *words.
struct BenchSentence {
  std::vector<std::string_view> words;
  std::vector<Pos> tags;
};
std::vector<BenchSentence> TaggedSentences(const DocAnalysis& a,
                                           const PosModel* tagger,
                                           size_t* words) {
  std::vector<BenchSentence> sents;
  for (const Sentence& s : a.sentences) {
    BenchSentence x;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      x.words.push_back(std::string_view(a.doc.text).substr(
          a.tokens[t].begin, a.tokens[t].end - a.tokens[t].begin));
      x.tags.push_back(a.tokens[t].pos);
    }
    if (tagger != nullptr) TagWords(*tagger, x.words, x.tags);
    *words += x.words.size();
    sents.push_back(std::move(x));
  }
  return sents;
}

// The parser alone on the benchmark text's sentences, tagged beforehand by
// the shipped tagger (models/pos_en.bin): words parsed per second on one
// core. Golden check first: every sentence one tree, and the first
// sentence's root is "met".
void BM_Parse(benchmark::State& state) {
  NlpOptions options;
  options.models_dir = SYN_SOURCE_DIR "/models";
  auto model = LoadNlpModel(DefaultEnv(), options);
  auto tagger = LoadPosModel(DefaultEnv(), options.models_dir + "/pos_en.bin");
  auto parser = LoadDepModel(DefaultEnv(), options.models_dir + "/parse_en.bin");
  if (!model.ok() || !tagger.ok() || !parser.ok()) {
    state.SkipWithError("models missing (pos_en.bin, parse_en.bin)");
    return;
  }
  DocAnalysis a;
  for (int i = 0; i < 40; ++i) a.doc.text += kParagraph;
  Annotate(**model, options, &a);
  size_t words = 0;
  const std::vector<BenchSentence> sents =
      TaggedSentences(a, tagger->get(), &words);
  DepWorkspace ws;
  std::vector<uint32_t> heads(512);
  std::vector<uint8_t> labels(512);
  for (size_t k = 0; k < sents.size(); ++k) {
    const BenchSentence& s = sents[k];
    const size_t n = s.words.size();
    Parse(**parser, s.words, s.tags, {}, &ws, std::span(heads).first(n),
          std::span(labels).first(n));
    size_t roots = 0, root = 0;
    for (size_t i = 0; i < n; ++i) {
      if (heads[i] == i) {
        ++roots;
        root = i;
      }
    }
    if (roots != 1 || (k == 0 && s.words[root] != "met")) {
      state.SkipWithError("unexpected parse of the benchmark text");
      return;
    }
  }
  const size_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    for (const BenchSentence& s : sents) {
      const size_t n = s.words.size();
      Parse(**parser, s.words, s.tags, {}, &ws, std::span(heads).first(n),
            std::span(labels).first(n));
    }
    benchmark::DoNotOptimize(heads.data());
  }
  ReportPerWord(state, allocations_before, words, "allocs_per_word");
}
BENCHMARK(BM_Parse);

// The UPOS tagger alone (models/pos_en.bin) on the benchmark text's
// sentences: words tagged per second on one core, and heap allocations per
// word (must be 0). Golden check first: "met" is a verb.
void BM_TagWords(benchmark::State& state) {
  NlpOptions options;
  options.models_dir = SYN_SOURCE_DIR "/models";
  auto model = LoadNlpModel(DefaultEnv(), options);
  auto tagger = LoadPosModel(DefaultEnv(), options.models_dir + "/pos_en.bin");
  if (!model.ok() || !tagger.ok()) {
    state.SkipWithError("models missing (pos_en.bin)");
    return;
  }
  DocAnalysis a;
  for (int i = 0; i < 40; ++i) a.doc.text += kParagraph;
  Annotate(**model, options, &a);
  size_t words = 0;
  std::vector<BenchSentence> sents = TaggedSentences(a, nullptr, &words);
  if (sents.empty() || sents[0].words.size() < 7 ||
      sents[0].words[6] != "met") {
    state.SkipWithError("unexpected tokens of the benchmark text");
    return;
  }
  TagWords(**tagger, sents[0].words, sents[0].tags);
  if (sents[0].tags[6] != Pos::kVerb) {
    state.SkipWithError("unexpected tags of the benchmark text");
    return;
  }
  const size_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    for (BenchSentence& s : sents) TagWords(**tagger, s.words, s.tags);
    benchmark::DoNotOptimize(sents.data());
  }
  ReportPerWord(state, allocations_before, words, "allocs_per_word");
}
BENCHMARK(BM_TagWords);

// The trained entity tagger alone (models/ner_en.bin, beam 4) on the
// benchmark text's sentences, POS-tagged beforehand as the model wants (the
// lexicon rules' Token::pos, or pos_en.bin): tokens per second
// on one core, and heap allocations per token once the workspace has grown
// (must be 0). Golden check first: "Vienna" is a GPE and "Ruritania" a name.
void BM_TagEntities(benchmark::State& state) {
  NlpOptions options;
  options.models_dir = SYN_SOURCE_DIR "/models";
  auto model = LoadNlpModel(DefaultEnv(), options);
  auto tagger = LoadPosModel(DefaultEnv(), options.models_dir + "/pos_en.bin");
  auto ner = LoadNerModel(DefaultEnv(), options.models_dir + "/ner_en.bin");
  if (!model.ok() || !tagger.ok() || !ner.ok()) {
    state.SkipWithError("models missing (pos_en.bin, ner_en.bin)");
    return;
  }
  DocAnalysis a;
  for (int i = 0; i < 40; ++i) a.doc.text += kParagraph;
  Annotate(**model, options, &a);
  size_t words = 0;
  const std::vector<BenchSentence> sents = TaggedSentences(
      a, NerUsesRulePos(**ner) ? nullptr : tagger->get(), &words);
  NerWorkspace ws;
  std::vector<NerSpan> spans;
  spans.reserve(4096);
  std::string found;
  for (size_t k = 0; k < 3; ++k) {
    spans.clear();
    TagEntities(**ner, sents[k].words, sents[k].tags, &ws, &spans);
    for (const NerSpan& sp : spans) {
      for (uint32_t i = sp.first; i < sp.end; ++i) found += std::string(sents[k].words[i]) + " ";
      found += std::string(EntityTypeName(sp.type)) + "|";
    }
  }
  if (found.find("Vienna GPE|") == std::string::npos ||
      found.find("Ruritania ") == std::string::npos) {
    state.SkipWithError(("unexpected entities in the benchmark text: " + found).c_str());
    return;
  }
  const size_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    ws.BeginDocument();
    spans.clear();
    for (const BenchSentence& s : sents) TagEntities(**ner, s.words, s.tags, &ws, &spans);
    benchmark::DoNotOptimize(spans.data());
  }
  ReportPerWord(state, allocations_before, words, "allocs_per_token");
}
BENCHMARK(BM_TagEntities);

// Annotate with the entity model whose POS features come from pos_en.bin
// (models/ner_en_pos.bin), that tagging included.
void BM_AnnotateNerPos(benchmark::State& state) {
  NlpOptions options;
  options.models_dir = SYN_SOURCE_DIR "/models";
  options.ner_model = "ner_en_pos.bin";
  auto model = LoadNlpModel(DefaultEnv(), options);
  if (!model.ok()) {
    state.SkipWithError(model.status().ToString().c_str());
    return;
  }
  DocAnalysis a;
  for (int i = 0; i < 40; ++i) a.doc.text += kParagraph;
  Annotate(**model, options, &a);
  if (a.tokens.size() < 4000 || a.mentions.size() < 200) {
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
}
BENCHMARK(BM_AnnotateNerPos);

}  // namespace
}  // namespace synoptic::nlp

BENCHMARK_MAIN();
