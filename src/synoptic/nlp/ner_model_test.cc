#include "synoptic/nlp/ner_model.h"

#include <gtest/gtest.h>

#include "synoptic/nlp/internal/ner_internal.h"
#include "synoptic/nlp/nlp.h"

#include <string>
#include <vector>

namespace synoptic::nlp {
namespace {

// A tiny CoNLL-2003-style corpus written for this test: frames with person,
// organisation and place slots, filled with invented names.
std::string Corpus() {
  const char* persons[][2] = {{"Maria", "Olsen"}, {"Tomas", "Varga"}, {"Elena", "Reyes"},
                              {"Jonas", "Keller"}, {"Ana", "Moreau"}, {"Piet", "Brandt"}};
  const char* orgs[] = {"Nordbank", "Valtrix", "Corvane", "Heliodyne", "Marisco", "Teralux"};
  const char* places[] = {"Lisbon", "Oslo", "Vienna", "Quito", "Riga", "Tunis"};
  std::string out;
  const auto line = [&](const std::string& w, const std::string& tag) {
    out += w + " " + tag + "\n";
  };
  for (int i = 0; i < 6; ++i) {
    const int j = (i + 1) % 6, k = (i + 2) % 6;
    out += "-DOCSTART- O\n\n";
    // "<First> <Last> , who works for <Org> , flew to <Place> on Monday ."
    line(persons[i][0], "I-PER");
    line(persons[i][1], "I-PER");
    line(",", "O");
    line("who", "O");
    line("works", "O");
    line("for", "O");
    line(orgs[j], "I-ORG");
    line(",", "O");
    line("flew", "O");
    line("to", "O");
    line(places[k], "I-LOC");
    line("on", "O");
    line("Monday", "O");
    line(".", "O");
    out += "\n";
    // "The company <Org> opened an office in <Place> ."
    for (const char* w : {"The", "company"}) line(w, "O");
    line(orgs[i], "I-ORG");
    for (const char* w : {"opened", "an", "office", "in"}) line(w, "O");
    line(places[j], "I-LOC");
    line(".", "O");
    out += "\n";
    // "Yesterday <First> <Last> said the plan works ."
    line("Yesterday", "O");
    line(persons[k][0], "I-PER");
    line(persons[k][1], "I-PER");
    for (const char* w : {"said", "the", "plan", "works", "."}) line(w, "O");
    out += "\n";
  }
  return out;
}

std::shared_ptr<const NerModel> TrainTiny(MemEnv* env, int beam = 4,
                                          const NlpModel* rules = nullptr,
                                          bool max_violation = false) {
  env->AddFile("train.conll", Corpus());
  NerTrainSources src;
  src.conll = {"train.conll"};
  NerTrainOptions o;
  o.iterations = 8;
  o.min_feature_count = 1;
  o.min_abs_weight = 0;
  o.beam = beam;
  o.rule_tagger = rules;
  o.max_violation = max_violation;
  auto r = TrainNerModel(env, src, o, "made by a unit test", "ner.bin");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return nullptr;
  EXPECT_EQ(r->sentences, 18u);
  EXPECT_EQ(r->mentions, 36u);
  auto m = LoadNerModel(env, "ner.bin");
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() ? *m : nullptr;
}

std::string Tagged(const NerModel& m, const std::vector<std::string_view>& words) {
  NerWorkspace ws;
  ws.BeginDocument();
  std::vector<NerSpan> spans;
  TagEntities(m, words, {}, &ws, &spans);
  std::string out;
  for (const NerSpan& s : spans) {
    for (uint32_t i = s.first; i < s.end; ++i) out += std::string(i > s.first ? " " : "") + std::string(words[i]);
    out += "/" + std::string(EntityTypeName(s.type)) + " ";
  }
  return out;
}

TEST(NerModel, TinyModelTagsAHeldOutSentence) {
  MemEnv env;
  auto m = TrainTiny(&env);
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(NerUsesPos(*m));
  EXPECT_NE(NerModelProvenance(*m).find("made by a unit test"), std::string::npos);
  // New names in a known frame: the context and the word shapes decide.
  const std::vector<std::string_view> words = {"Lukas", "Ferreira", ",",   "who",
                                               "works", "for",      "Brixon", ",",
                                               "flew",  "to",       "Minsk", "on",
                                               "Monday", "."};
  EXPECT_EQ(Tagged(*m, words), "Lukas Ferreira/PERSON Brixon/ORG Minsk/LOC ");
  // Lowercase words of the frame are not names.
  EXPECT_EQ(Tagged(*m, {"the", "plan", "works", "."}), "");
}

TEST(NerModel, LoadRefusesDamagedFiles) {
  MemEnv env;
  ASSERT_NE(TrainTiny(&env), nullptr);
  auto bytes = env.ReadFile("ner.bin", 1 << 30);
  ASSERT_TRUE(bytes.ok());
  // A flipped bit in the payload: the checksum catches it.
  std::string bad = *bytes;
  bad[bad.size() - 5] ^= 0x10;
  env.AddFile("bad.bin", bad);
  EXPECT_EQ(LoadNerModel(&env, "bad.bin").status().code(), StatusCode::kCorrupt);
  // Cut short.
  env.AddFile("short.bin", bytes->substr(0, bytes->size() - 40));
  EXPECT_EQ(LoadNerModel(&env, "short.bin").status().code(), StatusCode::kCorrupt);
  // Another format version; not a model; absent.
  std::string v3 = *bytes;
  v3[std::string_view("synoptic ner-model ").size()] = '3';
  env.AddFile("v3.bin", v3);
  EXPECT_EQ(LoadNerModel(&env, "v3.bin").status().code(), StatusCode::kNotSupported);
  env.AddFile("text.bin", "hello\n");
  EXPECT_EQ(LoadNerModel(&env, "text.bin").status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(LoadNerModel(&env, "missing.bin").status().code(), StatusCode::kNotFound);
}

TEST(NerModel, GreedyAndRulePosModelsTagToo) {
  const std::vector<std::string_view> words = {"Lukas", "Ferreira", ",",   "who",
                                               "works", "for",      "Brixon", ",",
                                               "flew",  "to",       "Minsk", "on",
                                               "Monday", "."};
  {
    MemEnv env;
    auto m = TrainTiny(&env, 1);
    ASSERT_NE(m, nullptr);
    EXPECT_NE(NerModelProvenance(*m).find("beam 1,"), std::string::npos);
    EXPECT_EQ(Tagged(*m, words), "Lukas Ferreira/PERSON Brixon/ORG Minsk/LOC ");
  }
  // POS features from the lexicon rules: the model says so, needs no
  // pos_en.bin, and its self-test sentences (with their rule tags) reload.
  NlpOptions no;
  no.models_dir = SYN_SOURCE_DIR "/models";
  Env* real = DefaultEnv();
  auto rules = LoadNlpModel(real, no);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  MemEnv env;
  auto m = TrainTiny(&env, 4, rules->get());
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(NerUsesPos(*m));
  EXPECT_TRUE(NerUsesRulePos(*m));
  EXPECT_NE(NerModelProvenance(*m).find("POS features: lexicon rules"), std::string::npos);
  EXPECT_NE(NerModelProvenance(*m).find("beam 4,"), std::string::npos);
}

// Beam training with the max-violation update learns the same frame (on
// this tiny corpus it may also take "Monday" for a name), and
// the model header says which update made it.
TEST(NerModel, MaxViolationUpdateTrains) {
  MemEnv env;
  auto m = TrainTiny(&env, 4, nullptr, true);
  ASSERT_NE(m, nullptr);
  EXPECT_NE(NerModelProvenance(*m).find("beam 4, max-violation update"), std::string::npos);
  const std::vector<std::string_view> words = {"Lukas", "Ferreira", ",",   "who",
                                               "works", "for",      "Brixon", ",",
                                               "flew",  "to",       "Minsk", "on",
                                               "Monday", "."};
  const std::string got = Tagged(*m, words);
  EXPECT_EQ(got.rfind("Lukas Ferreira/PERSON Brixon/ORG Minsk/LOC ", 0), 0u) << got;
  MemEnv env2;
  auto early = TrainTiny(&env2, 4);
  ASSERT_NE(early, nullptr);
  EXPECT_NE(NerModelProvenance(*early).find("beam 4, early update"), std::string::npos);
}

// Scores where the greedy choice at the first word (B-PERSON, slightly
// ahead of O) leads into a bad second word: beam search recovers, greedy
// decoding cannot.
TEST(NerBeam, BeamFindsTheBetterSequence) {
  using namespace internal;
  const int b_per = NerLabel(NerClass::kPerson, kB), l_per = NerLabel(NerClass::kPerson, kL);
  const auto static_scores = [&](size_t i, double* s) {
    for (int l = 0; l < kNerLabels; ++l) s[l] = -5;
    if (i == 0) {
      s[b_per] = 1.0;
      s[0] = 0.9;
    } else {
      s[l_per] = -10;  // closing the person here is very bad
      s[0] = 1.0;
    }
  };
  const auto no_history = [](size_t, int, int, double*) {};
  std::vector<NerBeamItem> lattice(2 * 4);
  int labels[2] = {-1, -1};
  EXPECT_EQ(NerBeamDecode(2, 1, static_scores, no_history, nullptr, lattice.data(), labels), 2u);
  EXPECT_EQ(labels[0], b_per);  // greedy: forced to close with L
  EXPECT_EQ(labels[1], l_per);
  EXPECT_EQ(NerBeamDecode(2, 4, static_scores, no_history, nullptr, lattice.data(), labels), 2u);
  EXPECT_EQ(labels[0], 0);
  EXPECT_EQ(labels[1], 0);
  // Early update: with a gold sequence the beam cannot keep (U-ORG then
  // O, scored lowest at the first word), decoding stops after word 1.
  const int gold[2] = {NerLabel(NerClass::kOrg, kU), 0};
  EXPECT_EQ(NerBeamDecode(2, 2, static_scores, no_history, gold, lattice.data(), labels), 1u);
  EXPECT_EQ(labels[0], b_per);
}

// How a word is written elsewhere in the document.
TEST(NerDocCase, NotesCapitalisationAcrossTheDocument) {
  using namespace internal;
  NerMemory m;
  m.Clear();
  const std::vector<std::string_view> s1 = {"Apple", "said", "that", "Apple", "sells", "apple", "pie"};
  const std::vector<std::string_view> s2 = {"Then", "the", "Rain", "came", "and", "then", "the", "sun"};
  NerNoteWords(s1, &m);
  NerNoteWords(s2, &m);
  EXPECT_EQ(m.Get(GazWordHash("apple")), kNerDocCap | kNerDocLower);
  EXPECT_EQ(m.Get(GazWordHash("then")), kNerDocLower);  // capitalised only at the start
  EXPECT_EQ(m.Get(GazWordHash("rain")), kNerDocCap);
  EXPECT_EQ(m.Get(GazWordHash("sun")), kNerDocLower);
  EXPECT_EQ(m.Get(GazWordHash("moon")), 0);
}

TEST(NerModel, TrainingNeedsDocuments) {
  MemEnv env;
  EXPECT_FALSE(TrainNerModel(&env, {}, {}, "", "x.bin").ok());
}

}  // namespace
}  // namespace synoptic::nlp
