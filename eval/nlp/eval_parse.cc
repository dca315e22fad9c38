// Dependency parsing of UD English EWT with gold tokens, scored as the
// CoNLL 2018 shared task's conll18_ud_eval.py scores it: every word counts,
// punctuation included; UAS = words with the right head; LAS = words with
// the right head and the right relation, where relations are compared on
// their universal main type only (the script keeps DEPREL.split(":")[0], so
// "nsubj:pass" = "nsubj"). With gold tokens, its F1 equals this accuracy.
// Also printed: LAS on the full labels (subtypes must match too).
//
// Two runs: with the gold UPOS of the file, and with UPOS predicted by our
// tagger (models/pos_en.bin) as in the pipeline.
//
// Usage: eval_parse [SHARED_DIR] [--models DIR] [--split test|dev]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/nlp/dep_parser.h"
#include "synoptic/nlp/pos_model.h"

namespace {

struct Sent {
  std::vector<std::string> words;
  std::vector<synoptic::Pos> upos;
  std::vector<int> heads;  // 0-based, own index for the root
  std::vector<std::string> deprels;
};

bool PosFromName(const std::string& s, synoptic::Pos* out) {
  for (int k = 0; k <= static_cast<int>(synoptic::Pos::kVerb); ++k) {
    if (synoptic::PosName(static_cast<synoptic::Pos>(k)) == s) {
      *out = static_cast<synoptic::Pos>(k);
      return true;
    }
  }
  return false;
}

std::vector<Sent> ReadConllu(const std::string& path) {
  std::vector<Sent> out;
  std::ifstream in(path);
  std::string line;
  Sent cur;
  const auto flush = [&]() {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = Sent();
  };
  while (std::getline(in, line)) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) f.push_back(col);
    if (f.size() < 8 || f[0].find_first_of("-.") != std::string::npos) continue;
    synoptic::Pos p = synoptic::Pos::kX;
    PosFromName(f[3], &p);
    const int id = std::atoi(f[0].c_str());
    const int head = std::atoi(f[6].c_str());
    cur.words.push_back(f[1]);
    cur.upos.push_back(p);
    cur.heads.push_back(head == 0 ? id - 1 : head - 1);
    cur.deprels.push_back(f[7]);
  }
  flush();
  return out;
}

std::string MainType(std::string_view l) {
  return std::string(l.substr(0, l.find(':')));
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared, models = SYN_MODELS_DIR, split = "test";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--models" && i + 1 < argc) {
      models = argv[++i];
    } else if (a == "--split" && i + 1 < argc) {
      split = argv[++i];
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(
          stderr,
          "usage: eval_parse [SHARED_DIR] [--models DIR] [--split test|dev]\n");
      return 2;
    } else {
      shared = a;
    }
  }
  if (shared.empty()) {
    const char* env = std::getenv("SYN_SHARED_DIR");
    shared = env && *env ? env : SYN_SHARED_DIR;
  }
  std::printf("## Dependency parsing (eval/nlp)\n\n");
  const std::string path =
      shared + "/data/ud-english-ewt/en_ewt-ud-" + split + ".conllu";
  const std::vector<Sent> sents = ReadConllu(path);
  if (sents.empty()) {
    std::printf("skip: no %s\n\n", path.c_str());
    return 0;
  }
  auto parser = synoptic::nlp::LoadDepModel(synoptic::DefaultEnv(),
                                            models + "/parse_en.bin");
  if (!parser.ok()) {
    std::printf("skip: %s\n\n", parser.status().ToString().c_str());
    return 0;
  }
  auto tagger = synoptic::nlp::LoadPosModel(synoptic::DefaultEnv(),
                                            models + "/pos_en.bin");
  size_t words = 0;
  for (const Sent& s : sents) words += s.words.size();
  std::printf(
      "Data: %s (%zu sentences, %zu words), gold tokenization. Scored as "
      "conll18_ud_eval.py "
      "(CoNLL 2018): all words, punctuation included; LAS compares the "
      "universal relation "
      "type only (subtypes after ':' ignored); \"LAS full\" also requires the "
      "subtype.\n\n",
      path.c_str(), sents.size(), words);
  std::printf(
      "| system | POS tags | UPOS | UAS | LAS | LAS full | words/s (1 thread) "
      "|\n"
      "|---|---|---|---|---|---|---|\n");
  synoptic::nlp::DepWorkspace ws;
  std::vector<std::string_view> views;
  std::vector<synoptic::Pos> tags;
  std::vector<uint32_t> heads;
  std::vector<uint8_t> labels;
  for (const bool predicted : {false, true}) {
    if (predicted && !tagger.ok()) {
      std::printf(
          "| synoptic parse_en.bin | predicted | failed: %s | | | | |\n",
          tagger.status().ToString().c_str());
      continue;
    }
    size_t upos_ok = 0, uas = 0, las = 0, las_full = 0;
    double seconds = 0;
    for (const Sent& s : sents) {
      views.assign(s.words.begin(), s.words.end());
      tags = s.upos;
      if (predicted) synoptic::nlp::TagWords(**tagger, views, tags);
      heads.assign(views.size(), 0);
      labels.assign(views.size(), 0);
      const auto t0 = std::chrono::steady_clock::now();
      synoptic::nlp::Parse(**parser, views, tags,
                           synoptic::nlp::DepParseOptions{}, &ws, heads,
                           labels);
      seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
              .count();
      for (size_t i = 0; i < views.size(); ++i) {
        upos_ok += tags[i] == s.upos[i];
        if (static_cast<int>(heads[i]) != s.heads[i]) continue;
        ++uas;
        const std::string_view name =
            synoptic::nlp::DepLabelName(**parser, labels[i]);
        las += MainType(name) == MainType(s.deprels[i]);
        las_full += name == s.deprels[i];
      }
    }
    const double w = static_cast<double>(words);
    std::printf(
        "| synoptic parse_en.bin | %s | %.4f | %.4f | %.4f | %.4f | %.0f |\n",
        predicted ? "predicted (pos_en.bin)" : "gold", upos_ok / w, uas / w,
        las / w, las_full / w, seconds > 0 ? w / seconds : 0.0);
  }
  // Published numbers, for scale (EWT test; different UD releases).
  std::printf(
      "| UDPipe 1.2, UD 2.3 models (published, model README) | gold | - | "
      "0.877 | 0.858 | | |\n"
      "| UDPipe 1.2, UD 2.3 models (published, model README) | predicted | "
      "0.944 | 0.845 | 0.812 "
      "| | |\n"
      "| UDPipe 2, UD 2.10 models, mBERT (published, model docs) | predicted | "
      "0.9735 | 0.9262 | "
      "0.9056 | | |\n"
      "| Stanza 1.0, UD 2.5, from raw text (published; quoted from memory) | "
      "predicted | 0.954 "
      "| 0.862 | 0.836 | | |\n\n");
  return 0;
}
