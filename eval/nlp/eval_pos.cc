// Tokenization and UPOS tagging of the language core on UD English EWT,
// scored as the CoNLL 2018 shared task scores them: the text of each
// document is rebuilt from its tokens (SpaceAfter=No honoured, a newline
// between sentences), our tokens are aligned to the gold ones by character
// span, and
//   tokens F1 = exact-span matches over system and gold token counts,
//   UPOS F1   = matched tokens whose tag is also right, over the same counts.
// Multiword tokens ("don't" = do + n't in EWT) are scored on their surface
// token: a gold word range covered by one surface token counts as one gold
// token, tagged with its first word's UPOS.
//
// Usage: eval_pos [SHARED_DIR] [--models DIR] [--split test|dev]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/nlp/nlp.h"
#include "synoptic/nlp/pos_model.h"

namespace {

struct GoldTok {
  std::string form;
  std::string upos;
  bool space_after = true;
  bool sentence_end = false;
};

struct Doc {
  std::vector<GoldTok> toks;
};

// One document per "# newdoc" (EWT marks them), else per 200 sentences.
std::vector<Doc> ReadConllu(const std::string& path) {
  std::vector<Doc> docs(1);
  std::ifstream in(path);
  std::string line;
  size_t sentences = 0;
  int mwt_end = 0;  // last word id covered by the current multiword token
  std::string mwt_form;
  bool mwt_space = true;
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0 && !docs.back().toks.empty()) {
      docs.emplace_back();
      sentences = 0;
      continue;
    }
    if (line.empty()) {
      mwt_end = 0;
      if (!docs.back().toks.empty()) docs.back().toks.back().sentence_end = true;
      if (++sentences >= 200) {
        docs.emplace_back();
        sentences = 0;
      }
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) f.push_back(col);
    if (f.size() < 10 || f[0].find('.') != std::string::npos) continue;
    const size_t dash = f[0].find('-');
    if (dash != std::string::npos) {
      mwt_end = std::atoi(f[0].c_str() + dash + 1);
      mwt_form = f[1];
      mwt_space = f[9].find("SpaceAfter=No") == std::string::npos;
      GoldTok t;
      t.form = mwt_form;
      t.space_after = mwt_space;
      docs.back().toks.push_back(t);
      continue;
    }
    const int id = std::atoi(f[0].c_str());
    if (id <= mwt_end && !docs.back().toks.empty()) {
      if (docs.back().toks.back().upos.empty()) docs.back().toks.back().upos = f[3];
      continue;
    }
    GoldTok t;
    t.form = f[1];
    t.upos = f[3];
    t.space_after = f[9].find("SpaceAfter=No") == std::string::npos;
    docs.back().toks.push_back(std::move(t));
  }
  if (docs.back().toks.empty()) docs.pop_back();
  return docs;
}

// The syntactic words of each sentence (multiword tokens expanded, as
// conll18_ud_eval.py scores UPOS with gold tokenization) with their UPOS.
std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> ReadWords(
    const std::string& path) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> out(1);
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!out.back().first.empty()) out.emplace_back();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) f.push_back(col);
    if (f.size() < 4 || f[0].find_first_of("-.") != std::string::npos) continue;
    out.back().first.push_back(f[1]);
    out.back().second.push_back(f[3]);
  }
  if (out.back().first.empty()) out.pop_back();
  return out;
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
      std::fprintf(stderr,
                   "usage: eval_pos [SHARED_DIR] [--models DIR] [--split test|dev]\n");
      return 2;
    } else {
      shared = a;
    }
  }
  if (shared.empty()) {
    const char* env = std::getenv("SYN_SHARED_DIR");
    shared = env && *env ? env : SYN_SHARED_DIR;
  }
  std::printf("## Tokens and UPOS (eval/nlp)\n\n");
  const std::string path =
      shared + "/data/ud-english-ewt/en_ewt-ud-" + split + ".conllu";
  const std::vector<Doc> docs = ReadConllu(path);
  if (docs.empty()) {
    std::printf("skip: no %s\n\n", path.c_str());
    return 0;
  }
  std::printf("Data: %s (%zu documents). Issue 4 target: UPOS >= 0.97 on EWT "
              "test.\n\n",
              path.c_str(), docs.size());
  std::printf("| system | tokens F1 | UPOS F1 | UPOS accuracy on matched tokens |\n"
              "|---|---|---|---|\n");
  std::map<std::pair<std::string, std::string>, size_t> confusion;
  // Pipeline runs: our tokenizer and tagger on the rebuilt text.
  for (const std::string& pos_model : {std::string(), std::string("pos_en.bin")}) {
    synoptic::nlp::NlpOptions no;
    no.models_dir = models;
    no.pos_model = pos_model;
    auto model = synoptic::nlp::LoadNlpModel(synoptic::DefaultEnv(), no);
    if (!model.ok()) {
      std::printf("| %s | failed: %s | | |\n", pos_model.c_str(),
                  model.status().ToString().c_str());
      continue;
    }
    size_t gold_n = 0, sys_n = 0, matched = 0, upos_ok = 0;
    confusion.clear();
    for (const Doc& d : docs) {
      synoptic::DocAnalysis a;
      std::map<std::pair<uint32_t, uint32_t>, size_t> gold_at;
      for (size_t i = 0; i < d.toks.size(); ++i) {
        const auto begin = static_cast<uint32_t>(a.doc.text.size());
        a.doc.text += d.toks[i].form;
        gold_at[{begin, static_cast<uint32_t>(a.doc.text.size())}] = i;
        a.doc.text += d.toks[i].sentence_end ? "\n" : (d.toks[i].space_after ? " " : "");
      }
      synoptic::nlp::Annotate(**model, no, &a);
      gold_n += d.toks.size();
      sys_n += a.tokens.size();
      for (const synoptic::Token& t : a.tokens) {
        const auto it = gold_at.find({t.begin, t.end});
        if (it == gold_at.end()) continue;
        ++matched;
        const std::string ours(synoptic::PosName(t.pos));
        const std::string& gold = d.toks[it->second].upos;
        if (ours == gold) {
          ++upos_ok;
        } else {
          ++confusion[{gold, ours}];
        }
      }
    }
    const auto f1 = [&](double ok) {
      const double p = sys_n ? ok / sys_n : 0, r = gold_n ? ok / gold_n : 0;
      return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    };
    std::printf("| synoptic pipeline, %s | %.4f | %.4f | %.4f |\n",
                pos_model.empty() ? "lexicon rules (default)"
                                  : ("trained tagger " + pos_model).c_str(),
                f1(static_cast<double>(matched)), f1(static_cast<double>(upos_ok)),
                matched ? static_cast<double>(upos_ok) / matched : 0.0);
  }
  // The trained tagger alone on the gold tokens (the usual tagging score).
  {
    auto pm = synoptic::nlp::LoadPosModel(synoptic::DefaultEnv(),
                                          models + "/pos_en.bin");
    if (pm.ok()) {
      size_t ok = 0, all = 0;
      std::vector<std::string_view> words;
      std::vector<synoptic::Pos> tags;
      for (const Doc& d : docs) {
        size_t start = 0;
        for (size_t i = 0; i < d.toks.size(); ++i) {
          if (!d.toks[i].sentence_end && i + 1 < d.toks.size()) continue;
          words.clear();
          for (size_t k = start; k <= i; ++k) words.push_back(d.toks[k].form);
          tags.assign(words.size(), synoptic::Pos::kX);
          synoptic::nlp::TagWords(**pm, words, tags);
          for (size_t k = start; k <= i; ++k) {
            ok += synoptic::PosName(tags[k - start]) == d.toks[k].upos;
            ++all;
          }
          start = i + 1;
        }
      }
      std::printf("| trained tagger pos_en.bin on gold surface tokens (a multiword token "
                  "such as \"don't\" tagged whole) | 1 | %.4f | %.4f |\n",
                  all ? static_cast<double>(ok) / all : 0.0,
                  all ? static_cast<double>(ok) / all : 0.0);
      // The same tagger on the gold syntactic words: the CoNLL 2018 UPOS
      // score with gold tokenization, the number published taggers report.
      ok = all = 0;
      for (const auto& [forms, gold] : ReadWords(path)) {
        words.assign(forms.begin(), forms.end());
        tags.assign(words.size(), synoptic::Pos::kX);
        synoptic::nlp::TagWords(**pm, words, tags);
        for (size_t k = 0; k < words.size(); ++k) {
          ok += synoptic::PosName(tags[k]) == gold[k];
          ++all;
        }
      }
      std::printf("| trained tagger pos_en.bin on gold words (CoNLL 2018 UPOS, gold "
                  "tokenization) | 1 | %.4f | %.4f |\n",
                  all ? static_cast<double>(ok) / all : 0.0,
                  all ? static_cast<double>(ok) / all : 0.0);
    }
  }
  std::printf("\n");
  std::vector<std::pair<size_t, std::pair<std::string, std::string>>> top;
  for (const auto& [k, n] : confusion) top.emplace_back(n, k);
  std::sort(top.rbegin(), top.rend());
  std::printf("Most frequent confusions of the last pipeline run (gold → ours): ");
  for (size_t i = 0; i < top.size() && i < 8; ++i) {
    std::printf("%s%s→%s %zu", i ? ", " : "", top[i].second.first.c_str(),
                top[i].second.second.c_str(), top[i].first);
  }
  std::printf("\n\n");
  return 0;
}
