#include "synoptic/nlp/dep_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "synoptic/core/hash.h"
#include "synoptic/nlp/internal/conllu.h"
#include "synoptic/nlp/internal/dep_internal.h"
#include "synoptic/nlp/pos_model.h"

namespace synoptic::nlp {
namespace {

// A tiny treebank written for this test: word, UPOS, head (1-based, 0 =
// root), relation. The last sentence is non-projective ("hearing ... on the
// case": the nmod arc crosses the root's arcs).
struct W {
  const char* form;
  const char* upos;
  int head;
  const char* rel;
};
const std::vector<std::vector<W>>& Sentences() {
  static const std::vector<std::vector<W>> kSents = {
      {{"The", "DET", 2, "det"},
       {"minister", "NOUN", 3, "nsubj"},
       {"signed", "VERB", 0, "root"},
       {"the", "DET", 5, "det"},
       {"treaty", "NOUN", 3, "obj"},
       {".", "PUNCT", 3, "punct"}},
      {{"Ruritania", "PROPN", 2, "nsubj"},
       {"rejected", "VERB", 0, "root"},
       {"the", "DET", 5, "det"},
       {"new", "ADJ", 5, "amod"},
       {"proposal", "NOUN", 2, "obj"},
       {"on", "ADP", 7, "case"},
       {"Friday", "PROPN", 2, "obl"},
       {".", "PUNCT", 2, "punct"}},
      {{"Envoys", "NOUN", 2, "nsubj"},
       {"met", "VERB", 0, "root"},
       {"in", "ADP", 4, "case"},
       {"Vienna", "PROPN", 2, "obl"},
       {".", "PUNCT", 2, "punct"}},
      {{"They", "PRON", 3, "nsubj"},
       {"will", "AUX", 3, "aux"},
       {"sign", "VERB", 0, "root"},
       {"it", "PRON", 3, "obj"},
       {"soon", "ADV", 3, "advmod"},
       {".", "PUNCT", 3, "punct"}},
      {{"The", "DET", 2, "det"},
       {"talks", "NOUN", 4, "nsubj:pass"},
       {"were", "AUX", 4, "aux:pass"},
       {"held", "VERB", 0, "root"},
       {"in", "ADP", 6, "case"},
       {"Oslo", "PROPN", 4, "obl"},
       {".", "PUNCT", 4, "punct"}},
      {{"A", "DET", 2, "det"},
       {"hearing", "NOUN", 4, "nsubj:pass"},
       {"is", "AUX", 4, "aux:pass"},
       {"scheduled", "VERB", 0, "root"},
       {"today", "NOUN", 4, "obl:tmod"},
       {"on", "ADP", 8, "case"},
       {"the", "DET", 8, "det"},
       {"case", "NOUN", 2, "nmod"},
       {".", "PUNCT", 4, "punct"}},
  };
  return kSents;
}

std::string Treebank(int repeat) {
  std::string out;
  for (int r = 0; r < repeat; ++r) {
    for (const auto& s : Sentences()) {
      for (size_t i = 0; i < s.size(); ++i) {
        out += std::to_string(i + 1) + "\t" + s[i].form + "\t_\t" + s[i].upos +
               "\t_\t_\t" + std::to_string(s[i].head) + "\t" + s[i].rel +
               "\t_\t_\n";
      }
      out += "\n";
    }
  }
  return out;
}

Pos PosOf(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(Pos::kVerb); ++k) {
    if (PosName(static_cast<Pos>(k)) == name) return static_cast<Pos>(k);
  }
  return Pos::kX;
}

// Checks the tree invariants: heads in range, exactly one root (own index),
// no cycles, projective arcs.
void ExpectTree(const std::vector<uint32_t>& heads) {
  const size_t n = heads.size();
  size_t roots = 0;
  for (size_t i = 0; i < n; ++i) {
    ASSERT_LT(heads[i], n);
    if (heads[i] == i) ++roots;
  }
  EXPECT_EQ(roots, n ? 1u : 0u);
  for (size_t i = 0; i < n; ++i) {
    size_t a = i, steps = 0;
    while (heads[a] != a) {
      a = heads[a];
      ASSERT_LE(++steps, n) << "cycle through word " << i;
    }
  }
  for (size_t d = 0; d < n; ++d) {
    const size_t h = heads[d];
    if (h == d) continue;
    for (size_t k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
      size_t a = k;
      while (a != h && heads[a] != a) a = heads[a];
      EXPECT_EQ(a, h) << "arc " << h << "->" << d << " is not projective over "
                      << k;
    }
  }
}

class DepParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    env_ = new MemEnv();
    env_->AddFile("train.conllu", Treebank(4));
    DepTrainOptions o;
    o.iterations = 10;
    o.min_feature_count = 1;
    o.jackknife_folds = 0;
    auto r = TrainDepModel(env_, {"train.conllu"}, "train.conllu", nullptr, o,
                           "made by a unit test", "parse.bin");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    report_ = new DepTrainReport(*r);
    auto m = LoadDepModel(env_, "parse.bin");
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = new std::shared_ptr<const DepModel>(*m);
  }
  static void TearDownTestSuite() {
    delete model_;
    delete report_;
    delete env_;
  }

  // Parses a sentence of the treebank with its gold tags.
  static void ParseSentence(const std::vector<W>& s,
                            std::vector<uint32_t>* heads,
                            std::vector<uint8_t>* labels) {
    std::vector<std::string_view> words;
    std::vector<Pos> tags;
    for (const W& w : s) {
      words.push_back(w.form);
      tags.push_back(PosOf(w.upos));
    }
    heads->assign(s.size(), 99);
    labels->assign(s.size(), 0);
    DepWorkspace ws;
    Parse(**model_, words, tags, DepParseOptions{}, &ws, *heads, *labels);
  }

  static MemEnv* env_;
  static DepTrainReport* report_;
  static std::shared_ptr<const DepModel>* model_;
};
MemEnv* DepParserTest::env_ = nullptr;
DepTrainReport* DepParserTest::report_ = nullptr;
std::shared_ptr<const DepModel>* DepParserTest::model_ = nullptr;

TEST_F(DepParserTest, TrainingCountsAndProjectivisesTheCrossingTree) {
  EXPECT_EQ(report_->sentences, 24u);
  EXPECT_EQ(report_->non_projective, 4u);  // the last sentence, 4 times
  EXPECT_EQ(report_->skipped, 0u);
  ASSERT_EQ(report_->dev_las.size(), 10u);
  EXPECT_GT(report_->dev_uas.back(), 0.95);
  EXPECT_GT(report_->dev_las.back(), 0.95);
  EXPECT_NE(DepModelProvenance(**model_).find("made by a unit test"),
            std::string::npos);
}

TEST_F(DepParserTest, ParsesTrainingSentencesAsAnnotated) {
  // The projective sentences must come out exactly as annotated.
  for (size_t k = 0; k + 1 < Sentences().size(); ++k) {
    const auto& s = Sentences()[k];
    std::vector<uint32_t> heads;
    std::vector<uint8_t> labels;
    ParseSentence(s, &heads, &labels);
    ExpectTree(heads);
    for (size_t i = 0; i < s.size(); ++i) {
      const uint32_t gold = s[i].head == 0
                                ? static_cast<uint32_t>(i)
                                : static_cast<uint32_t>(s[i].head - 1);
      EXPECT_EQ(heads[i], gold) << "sentence " << k << " word " << s[i].form;
      EXPECT_EQ(DepLabelName(**model_, labels[i]), s[i].rel)
          << "sentence " << k << " word " << s[i].form;
    }
  }
}

TEST_F(DepParserTest, NonProjectiveSentenceComesOutProjectiveWithTheArcLifted) {
  std::vector<uint32_t> heads;
  std::vector<uint8_t> labels;
  ParseSentence(Sentences().back(), &heads, &labels);
  ExpectTree(heads);
  EXPECT_EQ(heads[3], 3u);  // "scheduled" is the root
  EXPECT_EQ(DepLabelName(**model_, labels[3]), "root");
  EXPECT_EQ(heads[7], 3u);  // "case" lifted from "hearing" to its head
}

TEST_F(DepParserTest, GeneralisesToANewSentenceOfTheSameShape) {
  const std::vector<std::string_view> words = {"The", "envoy", "signed",
                                               "the", "deal",  "."};
  const std::vector<Pos> tags = {Pos::kDet, Pos::kNoun, Pos::kVerb,
                                 Pos::kDet, Pos::kNoun, Pos::kPunct};
  std::vector<uint32_t> heads(6);
  std::vector<uint8_t> labels(6);
  DepWorkspace ws;
  Parse(**model_, words, tags, DepParseOptions{}, &ws, heads, labels);
  EXPECT_EQ(heads, (std::vector<uint32_t>{1, 2, 2, 4, 2, 2}));
  EXPECT_EQ(DepLabelName(**model_, labels[1]), "nsubj");
  EXPECT_EQ(DepLabelName(**model_, labels[4]), "obj");
}

TEST_F(DepParserTest, RandomInputAlwaysGivesOneProjectiveTree) {
  std::mt19937 rng(7);
  const std::vector<std::string> vocab = {
      "the",    "talks", ",", "Vienna", "will",     "on",   "(",
      "signed", "and",   "x", "",       "\xff\xfe", "1,200"};
  DepWorkspace ws;
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = 1 + rng() % 60;
    std::vector<std::string_view> words;
    std::vector<Pos> tags;
    for (size_t i = 0; i < n; ++i) {
      words.push_back(vocab[rng() % vocab.size()]);
      tags.push_back(static_cast<Pos>(rng() % 17));
    }
    std::vector<uint32_t> heads(n, 12345);
    std::vector<uint8_t> labels(n, 0);
    Parse(**model_, words, tags, DepParseOptions{}, &ws, heads, labels);
    ExpectTree(heads);
    size_t root_labels = 0;
    for (size_t i = 0; i < n; ++i)
      root_labels += DepLabelName(**model_, labels[i]) == "root";
    EXPECT_EQ(root_labels, 1u);
  }
}

TEST_F(DepParserTest, EmptyAndHugeSentencesDoNotBreak) {
  DepWorkspace ws;
  Parse(**model_, {}, {}, DepParseOptions{}, &ws, {}, {});
  const size_t n = 10000;
  std::vector<std::string_view> words(n, "talks");
  std::vector<Pos> tags(n, Pos::kNoun);
  for (size_t i = 0; i < n; i += 7) {
    words[i] = ".";
    tags[i] = Pos::kPunct;
  }
  std::vector<uint32_t> heads(n);
  std::vector<uint8_t> labels(n);
  DepParseOptions o;
  o.max_words = 1000;
  Parse(**model_, words, tags, o, &ws, heads, labels);
  ExpectTree(heads);
  // Spans of different lengths: only the common prefix is parsed.
  std::vector<uint32_t> short_heads(3, 77);
  std::vector<uint8_t> short_labels(3);
  Parse(**model_, words, std::span<const Pos>(tags).first(5), o, &ws,
        short_heads, short_labels);
  ExpectTree(short_heads);
}

TEST_F(DepParserTest, DamagedFilesAreRefused) {
  auto bytes = env_->ReadFile("parse.bin", 1 << 30);
  ASSERT_TRUE(bytes.ok());
  const std::string good = *bytes;
  ASSERT_TRUE(DecodeDepModel(good).ok());
  // A flipped byte in the payload: checksum.
  std::string bad = good;
  bad[bad.size() - 10] ^= 0x5a;
  EXPECT_EQ(DecodeDepModel(bad).status().code(), StatusCode::kCorrupt);
  // Truncated.
  EXPECT_EQ(DecodeDepModel(good.substr(0, good.size() - 1)).status().code(),
            StatusCode::kCorrupt);
  EXPECT_EQ(DecodeDepModel("").status().code(), StatusCode::kCorrupt);
  // Another version.
  std::string v2 = good;
  v2[std::string_view("synoptic dep-model ").size()] = '2';
  EXPECT_EQ(DecodeDepModel(v2).status().code(), StatusCode::kNotSupported);
  // A negative weight scale with a matching checksum: the reader's own
  // range checks refuse it.
  const size_t payload_at = good.find("\n\n") + 2 + 12;
  std::string tampered = good;
  std::string_view payload(tampered.data() + payload_at,
                           tampered.size() - payload_at);
  uint32_t n_labels = 0;
  std::memcpy(&n_labels, payload.data(), 4);
  size_t at = payload_at + 4;
  for (uint32_t i = 0; i < n_labels; ++i)
    at += 1 + static_cast<uint8_t>(tampered[at]);
  const float negative = -1.0f;
  std::memcpy(&tampered[at], &negative, 4);
  const uint32_t crc =
      dep::Crc32c(std::string_view(tampered).substr(payload_at));
  std::memcpy(&tampered[payload_at - 4], &crc, 4);
  EXPECT_EQ(DecodeDepModel(tampered).status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(LoadDepModel(env_, "absent.bin").status().code(),
            StatusCode::kNotFound);
}

TEST_F(DepParserTest, SelfTestCatchesWeightsThatParseDifferently) {
  auto bytes = env_->ReadFile("parse.bin", 1 << 30);
  ASSERT_TRUE(bytes.ok());
  std::string file = *bytes;
  const size_t payload_at = file.find("\n\n") + 2 + 12;
  // Swap the classes of every weight run's first entry with class 0
  // (SHIFT): the model still decodes but parses differently.
  std::string_view p(file.data() + payload_at, file.size() - payload_at);
  uint32_t n_labels = 0;
  std::memcpy(&n_labels, p.data(), 4);
  size_t at = payload_at + 4;
  for (uint32_t i = 0; i < n_labels; ++i)
    at += 1 + static_cast<uint8_t>(file[at]);
  at += 4;  // scale
  uint32_t n_feats = 0;
  std::memcpy(&n_feats, &file[at], 4);
  at += 4;
  for (uint32_t f = 0; f < n_feats; ++f) {
    at += 8;
    const auto count = static_cast<uint8_t>(file[at]);
    at += 1;
    for (uint8_t e = 0; e < count; ++e) {
      int16_t w = 0;
      std::memcpy(&w, &file[at + 1], 2);
      w = static_cast<int16_t>(-w);
      std::memcpy(&file[at + 1], &w, 2);
      at += 3;
    }
  }
  const uint32_t crc = dep::Crc32c(std::string_view(file).substr(payload_at));
  std::memcpy(&file[payload_at - 4], &crc, 4);
  const auto r = DecodeDepModel(file);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("self-test"), std::string::npos)
      << r.status().ToString();
}

TEST_F(DepParserTest, ParseDocumentSetsDocumentWideHeads) {
  DocAnalysis a;
  a.doc.text = "Envoys met in Vienna. They will sign it soon.";
  const std::vector<std::pair<std::string_view, Pos>> toks = {
      {"Envoys", Pos::kNoun},  {"met", Pos::kVerb},  {"in", Pos::kAdp},
      {"Vienna", Pos::kPropn}, {".", Pos::kPunct},   {"They", Pos::kPron},
      {"will", Pos::kAux},     {"sign", Pos::kVerb}, {"it", Pos::kPron},
      {"soon", Pos::kAdv},     {".", Pos::kPunct}};
  size_t at = 0;
  for (const auto& [w, p] : toks) {
    at = a.doc.text.find(w, at);
    Token t;
    t.begin = static_cast<uint32_t>(at);
    t.end = static_cast<uint32_t>(at + w.size());
    t.pos = p;
    a.tokens.push_back(t);
    at += w.size();
  }
  a.sentences.push_back(Sentence{{0, 21}, 0, 5, 0});
  a.sentences.push_back(Sentence{{22, 45}, 5, 11, 0});
  std::vector<uint8_t> labels;
  DepWorkspace ws;
  ParseDocument(**model_, DepParseOptions{}, &ws, &a, &labels);
  ASSERT_EQ(labels.size(), 11u);
  std::vector<uint32_t> heads;
  for (const Token& t : a.tokens) heads.push_back(t.head);
  EXPECT_EQ(heads, (std::vector<uint32_t>{1, 1, 3, 1, 1, 7, 7, 7, 7, 7, 7}));
  EXPECT_EQ(DepLabelName(**model_, labels[7]), "root");
  EXPECT_EQ(DepLabelName(**model_, labels[6]), "aux");
}

// testdata/nlp/dep_model_tiny.bin is a version-1 model trained on three
// copies of "The board met today ." (the e2e test's sentence; also the fuzz
// seed). It must keep loading and parsing the same way: a change of the
// features or the file layout needs a new format version.
TEST(DepParserFormat, FrozenVersionOneFileStillLoads) {
  auto m = LoadDepModel(DefaultEnv(),
                        SYN_SOURCE_DIR "/testdata/nlp/dep_model_tiny.bin");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const std::vector<std::string_view> words = {"The", "board", "met", "today",
                                               "."};
  const std::vector<Pos> tags = {Pos::kDet, Pos::kNoun, Pos::kVerb, Pos::kNoun,
                                 Pos::kPunct};
  std::vector<uint32_t> heads(5);
  std::vector<uint8_t> labels(5);
  DepWorkspace ws;
  Parse(**m, words, tags, DepParseOptions{}, &ws, heads, labels);
  EXPECT_EQ(heads, (std::vector<uint32_t>{1, 2, 2, 2, 2}));
  EXPECT_EQ(DepLabelName(**m, labels[3]), "obl:tmod");
}

TEST(DepParserTrain, JackknifedTagsAndBadInput) {
  MemEnv env;
  env.AddFile("train.conllu", Treebank(3));
  DepTrainOptions o;
  o.iterations = 2;
  o.jackknife_folds = 3;
  o.tagger_iterations = 2;
  o.min_feature_count = 1;
  auto r =
      TrainDepModel(&env, {"train.conllu"}, "", nullptr, o, "test", "p.bin");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->jackknife_upos, 0.3);
  EXPECT_TRUE(LoadDepModel(&env, "p.bin").ok());
  env.AddFile("empty.conllu", "# nothing\n");
  EXPECT_FALSE(
      TrainDepModel(&env, {"empty.conllu"}, "", nullptr, o, "", "q.bin").ok());
  EXPECT_FALSE(
      TrainDepModel(&env, {"absent.conllu"}, "", nullptr, o, "", "q.bin").ok());
}

// Score must add exactly the weights the file gives, whatever the in-memory
// layout: long runs become dense rows, short ones and runs that name a
// class twice (whose sum may not fit an int16) stay sparse.
TEST(DepModelScore, AddsEveryRunsWeightsExactly) {
  std::vector<std::string> labels = {"root", "parataxis"};
  for (int i = 0; labels.size() < 51; ++i)
    labels.push_back("l" + std::to_string(i));
  std::mt19937_64 rng(7);
  std::vector<dep::FeatureWeights> feats(3000);
  const int classes = dep::NumClasses(static_cast<int>(labels.size()));
  for (size_t i = 0; i < feats.size(); ++i) {
    dep::FeatureWeights& f = feats[i];
    f.key = rng();
    std::vector<int> cls(static_cast<size_t>(classes));
    for (int c = 0; c < classes; ++c) cls[static_cast<size_t>(c)] = c;
    std::shuffle(cls.begin(), cls.end(), rng);
    const size_t n = i % 3 == 0 ? 1 + rng() % 15 : 16 + rng() % (classes - 15);
    for (size_t k = 0; k < n; ++k) {
      f.weights.emplace_back(static_cast<uint8_t>(cls[k]),
                             static_cast<int16_t>(rng() % 65535 - 32767));
    }
    if (i % 7 == 0) {  // a class twice, both weights at the int16 limit
      f.weights[0].second = 32767;
      f.weights.emplace_back(f.weights[0].first, int16_t{32767});
    }
  }
  std::sort(feats.begin(), feats.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
  DepModel m;
  ASSERT_TRUE(dep::BuildModel(labels, 1.0f, feats, &m).ok());
  ASSERT_GE(m.stride, classes);
  const bool cpu_avx2 = m.use_avx2;
  for (int round = 0; round < 200; ++round) {
    m.use_avx2 = cpu_avx2 && round % 2 == 0;  // both paths when it can
    std::vector<uint64_t> keys;
    std::vector<int64_t> want(static_cast<size_t>(classes), 0);
    for (int k = 0; k < 77; ++k) {
      if (rng() % 4 == 0) {
        keys.push_back(rng());  // a feature the model does not have
        continue;
      }
      const dep::FeatureWeights& f = feats[rng() % feats.size()];
      keys.push_back(f.key);
      for (const auto& [c, w] : f.weights) want[c] += w;
    }
    std::vector<int32_t> got(static_cast<size_t>(m.stride), 0);
    m.Score(keys.data(), keys.size(), got.data());
    for (int c = 0; c < classes; ++c) {
      ASSERT_EQ(got[static_cast<size_t>(c)], want[static_cast<size_t>(c)])
          << "round " << round << " class " << c;
    }
  }
}

// The shipped tagger and parser on every sentence of UD English EWT dev must
// give exactly what they gave before the speed work on Score / TagWords (the
// recorded digest of all predicted tags, and of the heads and labels with
// predicted and with gold tags). Optimisations of the run-time code must keep
// this bit-identical. When a model file is retrained on purpose, its digest
// changes and the test asks for the expected values to be re-recorded.
TEST(DepParserShipped, EwtDevOutputIsUnchanged) {
  constexpr uint64_t kPosFile = 15840693341492388161ULL;  // Hash64 of files
  constexpr uint64_t kParseFile = 3619859988466849439ULL;
  constexpr uint64_t kOutput = 8103463700326521200ULL;  // Hash64 of `out`
  constexpr size_t kWords = 25147;
  Env* env = DefaultEnv();
  const std::string dev =
      SYN_SHARED_DIR "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  auto pos_bytes = env->ReadFile(SYN_SOURCE_DIR "/models/pos_en.bin",
                                 uint64_t{64} << 20);
  auto parse_bytes = env->ReadFile(SYN_SOURCE_DIR "/models/parse_en.bin",
                                   uint64_t{256} << 20);
  auto sents = internal::ReadConllu(env, dev);
  if (!pos_bytes.ok() || !parse_bytes.ok() || !sents.ok()) {
    GTEST_SKIP() << "no shipped models or no " << dev;
  }
  const uint64_t pos_hash = Hash64(*pos_bytes);
  const uint64_t parse_hash = Hash64(*parse_bytes);
  auto tagger = LoadPosModel(env, SYN_SOURCE_DIR "/models/pos_en.bin");
  auto parser = LoadDepModel(env, SYN_SOURCE_DIR "/models/parse_en.bin");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  std::string out;  // per word: tag, head and label (predicted tags), head
                    // and label (gold tags)
  std::vector<std::string_view> words;
  std::vector<Pos> tags;
  std::vector<uint32_t> heads, gold_heads;
  std::vector<uint8_t> labels, gold_labels;
  DepWorkspace ws;
  size_t n_words = 0;
  for (const internal::UdSentence& s : *sents) {
    const size_t n = s.words.size();
    words.assign(s.words.begin(), s.words.end());
    tags.assign(n, Pos::kX);
    TagWords(**tagger, words, tags);
    heads.assign(n, 0);
    labels.assign(n, 0);
    Parse(**parser, words, tags, DepParseOptions{}, &ws, heads, labels);
    gold_heads.assign(n, 0);
    gold_labels.assign(n, 0);
    Parse(**parser, words, s.upos, DepParseOptions{}, &ws, gold_heads,
          gold_labels);
    for (size_t i = 0; i < n; ++i) {
      out += std::to_string(static_cast<int>(tags[i])) + " " +
             std::to_string(heads[i]) + " " + std::to_string(labels[i]) +
             " " + std::to_string(gold_heads[i]) + " " +
             std::to_string(gold_labels[i]) + "\n";
    }
    out += "\n";
    n_words += n;
  }
  if (pos_hash != kPosFile || parse_hash != kParseFile) {
    GTEST_SKIP() << "the shipped models changed (pos_en.bin " << pos_hash
                 << ", parse_en.bin " << parse_hash
                 << "); re-record: output " << Hash64(out) << ", words "
                 << n_words;
  }
  EXPECT_EQ(n_words, kWords);
  EXPECT_EQ(Hash64(out), kOutput);
}

}  // namespace
}  // namespace synoptic::nlp
