#include "synoptic/nlp/pos_model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synoptic::nlp {
namespace {

// A tiny treebank written for this test (CoNLL-U columns 1-4 matter).
std::string Treebank() {
  const char* sents[][2] = {
      {"The ministers signed a treaty .", "DET NOUN VERB DET NOUN PUNCT"},
      {"Ruritania signed the pact .", "PROPN VERB DET NOUN PUNCT"},
      {"The envoys met in Lisbon .", "DET NOUN VERB ADP PROPN PUNCT"},
      {"They will sign it soon .", "PRON AUX VERB PRON ADV PUNCT"},
      {"A treaty was signed in Oslo .", "DET NOUN AUX VERB ADP PROPN PUNCT"},
  };
  std::string out;
  for (int rep = 0; rep < 3; ++rep) {
    for (const auto& s : sents) {
      std::vector<std::string> words, tags;
      std::string w;
      for (const char* p = s[0];; ++p) {
        if (*p == ' ' || *p == 0) {
          words.push_back(w);
          w.clear();
          if (*p == 0) break;
        } else {
          w += *p;
        }
      }
      for (const char* p = s[1];; ++p) {
        if (*p == ' ' || *p == 0) {
          tags.push_back(w);
          w.clear();
          if (*p == 0) break;
        } else {
          w += *p;
        }
      }
      for (size_t i = 0; i < words.size(); ++i) {
        out += std::to_string(i + 1) + "\t" + words[i] + "\t_\t" + tags[i] +
               "\t_\t_\t0\t_\t_\t_\n";
      }
      out += "\n";
    }
  }
  return out;
}

TEST(PosModel, TrainsSavesLoadsAndTags) {
  MemEnv env;
  env.AddFile("train.conllu", Treebank());
  PosTrainOptions o;
  o.iterations = 5;
  o.min_feature_count = 1;
  auto r = TrainPosModel(&env, {"train.conllu"}, "train.conllu", o,
                         "made by a unit test", "pos.bin");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->sentences, 15u);
  EXPECT_GT(r->features, 50u);
  ASSERT_EQ(r->dev_accuracy.size(), 5u);
  EXPECT_GT(r->dev_accuracy.back(), 0.95);

  auto m = LoadPosModel(&env, "pos.bin");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_NE(PosModelProvenance(**m).find("made by a unit test"),
            std::string::npos);
  {
    std::vector<std::string_view> seen = {"The", "ministers", "signed", "a",
                                          "treaty", "."};
    std::vector<Pos> t(seen.size());
    TagWords(**m, seen, t);
    std::string got;
    for (Pos p : t) got += std::string(PosName(p)) + " ";
    EXPECT_EQ(got, "DET NOUN VERB DET NOUN PUNCT ");
  }
  // A sentence it has not seen, built from known words and frames.
  std::vector<std::string_view> words = {"The", "ministers", "met", "in",
                                         "Oslo", "."};
  std::vector<Pos> tags(words.size());
  TagWords(**m, words, tags);
  std::vector<std::string_view> names;
  for (Pos p : tags) names.push_back(PosName(p));
  EXPECT_EQ(names, (std::vector<std::string_view>{"DET", "NOUN", "VERB", "ADP",
                                                  "PROPN", "PUNCT"}));
}

TEST(PosModel, TwoPassModelTrainsAndTags) {
  MemEnv env;
  env.AddFile("train.conllu", Treebank());
  PosTrainOptions o;
  o.iterations = 5;
  o.min_feature_count = 1;
  o.lexicon_min_count = 2;
  o.passes = 2;
  o.first_pass_folds = 3;
  auto r = TrainPosModel(&env, {"train.conllu"}, "train.conllu", o, "two passes", "pos2.bin");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->dev_accuracy.size(), 5u);
  EXPECT_GT(r->dev_accuracy.back(), 0.95);
  auto m = LoadPosModel(&env, "pos2.bin");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_NE(PosModelProvenance(**m).find("two passes"), std::string::npos);
  std::vector<std::string_view> words = {"They", "will", "sign", "the", "treaty", "."};
  std::vector<Pos> tags(words.size());
  TagWords(**m, words, tags);
  std::vector<std::string_view> names;
  for (Pos p : tags) names.push_back(PosName(p));
  EXPECT_EQ(names, (std::vector<std::string_view>{"PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"}));
  // A damaged payload is refused by its checksum.
  auto bytes = env.ReadFile("pos2.bin", 1 << 30);
  ASSERT_TRUE(bytes.ok());
  std::string bad = *bytes;
  bad[bad.size() - 3] ^= 0x40;
  env.AddFile("bad.bin", bad);
  EXPECT_EQ(LoadPosModel(&env, "bad.bin").status().code(), StatusCode::kCorrupt);
}

TEST(PosModel, RefusesFilesThatAreNotModels) {
  MemEnv env;
  env.AddFile("empty.bin", "");
  env.AddFile("text.bin", "hello\n");
  env.AddFile("truncated.bin", "synoptic pos-model 2\n# x\n\n\x05\x00\x00\x00");
  env.AddFile("v1.bin", "synoptic pos-model 1\n# x\n\n");
  for (const char* p : {"empty.bin", "text.bin", "truncated.bin"}) {
    auto m = LoadPosModel(&env, p);
    ASSERT_FALSE(m.ok()) << p;
    EXPECT_EQ(m.status().code(), StatusCode::kCorrupt) << p;
  }
  EXPECT_EQ(LoadPosModel(&env, "v1.bin").status().code(), StatusCode::kNotSupported);
  EXPECT_EQ(LoadPosModel(&env, "missing.bin").status().code(),
            StatusCode::kNotFound);
}

TEST(PosModel, TrainingNeedsSentences) {
  MemEnv env;
  env.AddFile("empty.conllu", "# only a comment\n");
  EXPECT_FALSE(TrainPosModel(&env, {"empty.conllu"}, "", {}, "", "x.bin").ok());
}

}  // namespace
}  // namespace synoptic::nlp
