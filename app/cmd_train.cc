#include "cmd_train.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "synoptic/actors/country_table.h"
#include "synoptic/core/env.h"
#include "synoptic/events/quotes_train.h"
#include "synoptic/events/sentence_coder.h"
#include "synoptic/ingest/reader.h"
#include "synoptic/nlp/dep_parser.h"
#include "synoptic/nlp/ner_model.h"
#include "synoptic/nlp/nlp.h"
#include "synoptic/nlp/pos_model.h"

namespace synoptic::app {
namespace {

namespace fs = std::filesystem;

struct PosFlags {
  std::vector<std::string> train;
  std::string dev;
  std::string gum;  // folder holding dep/*.conllu and splits.md
  std::string out = "models/pos_en.bin";
  nlp::PosTrainOptions options;
};

// GUM documents of a split in splits.md: "train" means those listed under
// neither "## dev" nor "## test"; "dev" those listed under "## dev". (The
// test documents are never returned.)
std::vector<std::string> GumSplitFiles(const std::string& dir, const std::string& split) {
  std::set<std::string> dev, test;
  std::ifstream in(dir + "/splits.md");
  std::string line;
  std::set<std::string>* list = nullptr;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      list = line == "## dev" ? &dev : line == "## train" ? nullptr : &test;
    }
    const size_t star = line.find("* ");
    if (list != nullptr && star != std::string::npos) list->insert(line.substr(star + 2));
  }
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir + "/dep", ec)) {
    if (e.path().extension() != ".conllu") continue;
    const std::string stem = e.path().stem().string();
    if (test.count(stem)) continue;
    if ((split == "dev") != (dev.count(stem) > 0)) continue;
    out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> GumTrainFiles(const std::string& dir) {
  return GumSplitFiles(dir, "train");
}

// The CoNLL-U files to train `command` on: the --train files, then the
// train documents of a GUM folder. False (with a message) when the GUM folder
// is not one or nothing is left to train on.
bool TrainingFiles(const char* command, const std::vector<std::string>& train,
                   const std::string& gum, std::vector<std::string>* files,
                   size_t* gum_files) {
  *files = train;
  *gum_files = 0;
  if (!gum.empty()) {
    if (!fs::exists(gum + "/splits.md")) {
      std::fprintf(stderr,
                   "synoptic train %s: %s: no splits.md (GUM folder expected)\n",
                   command, gum.c_str());
      return false;
    }
    for (std::string& p : GumTrainFiles(gum)) {
      files->push_back(std::move(p));
      ++*gum_files;
    }
  }
  if (files->empty()) {
    std::fprintf(stderr,
                 "synoptic train %s: give --train FILE.conllu and/or --gum DIR\n",
                 command);
    return false;
  }
  return true;
}

int RunTrainPos(const PosFlags& f, const std::string& command_line) {
  std::vector<std::string> files;
  size_t gum_files = 0;
  if (!TrainingFiles("pos", f.train, f.gum, &files, &gum_files)) return 2;
  std::string provenance = "command: " + command_line + "\n";
  for (const std::string& p : f.train) provenance += "train file: " + fs::path(p).filename().string() + "\n";
  if (gum_files) {
    provenance += "train files: " + std::to_string(gum_files) +
                  " GUM documents of the train split (splits.md)\n";
  }
  if (!f.dev.empty()) provenance += "dev file: " + fs::path(f.dev).filename().string() + "\n";
  std::fprintf(stderr, "synoptic train pos: %zu files, %d iterations...\n", files.size(),
               f.options.iterations);
  auto r = nlp::TrainPosModel(DefaultEnv(), files, f.dev, f.options, provenance, f.out);
  if (!r.ok()) {
    std::fprintf(stderr, "synoptic train pos: %s\n", r.status().ToString().c_str());
    return 3;
  }
  std::printf("trained on %zu sentences (%zu tokens); %zu features; %s (%.1f MB)\n",
              r->sentences, r->tokens, r->features, f.out.c_str(),
              static_cast<double>(r->model_bytes) / 1e6);
  for (size_t i = 0; i < r->dev_accuracy.size(); ++i) {
    std::printf("dev UPOS accuracy after iteration %zu: %.4f\n", i + 1, r->dev_accuracy[i]);
  }
  return 0;
}

struct ParserFlags {
  std::vector<std::string> train;
  std::string dev;
  std::string gum;
  std::string tagger = "models/pos_en.bin";  // tags the dev file
  std::string out = "models/parse_en.bin";
  nlp::DepTrainOptions options;
};

// The real machine, with the trainer's progress lines (kInfo) on stderr.
class ProgressEnv final : public Env {
 public:
  Result<std::string> ReadFile(const std::string& p, uint64_t max) override {
    return DefaultEnv()->ReadFile(p, max);
  }
  Status WriteFile(const std::string& p, std::string_view d) override {
    return DefaultEnv()->WriteFile(p, d);
  }
  Result<uint64_t> FileSize(const std::string& p) override { return DefaultEnv()->FileSize(p); }
  bool IsDirectory(const std::string& p) override { return DefaultEnv()->IsDirectory(p); }
  bool Exists(const std::string& p) override { return DefaultEnv()->Exists(p); }
  Result<std::vector<std::string>> ListFilesRecursive(const std::string& d) override {
    return DefaultEnv()->ListFilesRecursive(d);
  }
  int64_t NowUnixSeconds() override { return DefaultEnv()->NowUnixSeconds(); }
  void Log(LogLevel level, std::string_view m) override {
    if (level == LogLevel::kInfo) {
      std::fprintf(stderr, "%.*s\n", static_cast<int>(m.size()), m.data());
    } else {
      DefaultEnv()->Log(level, m);
    }
  }
};

int RunTrainParser(const ParserFlags& f, const std::string& command_line) {
  std::vector<std::string> files;
  size_t gum_files = 0;
  if (!TrainingFiles("parser", f.train, f.gum, &files, &gum_files)) return 2;
  ProgressEnv env;
  std::shared_ptr<const nlp::PosModel> tagger;
  if (!f.tagger.empty() && !f.dev.empty()) {
    auto t = nlp::LoadPosModel(&env, f.tagger);
    if (!t.ok()) {
      std::fprintf(stderr, "synoptic train parser: %s\n", t.status().ToString().c_str());
      return 3;
    }
    tagger = *t;
  }
  std::string provenance = "command: " + command_line + "\n";
  for (const std::string& p : f.train) {
    provenance += "train file: " + fs::path(p).filename().string() + "\n";
  }
  if (gum_files) {
    provenance += "train files: " + std::to_string(gum_files) +
                  " GUM documents of the train split (splits.md)\n";
  }
  if (!f.dev.empty()) {
    provenance += "dev file: " + fs::path(f.dev).filename().string() + ", tagged by " +
                  (tagger ? fs::path(f.tagger).filename().string() : std::string("gold UPOS")) +
                  "\n";
  }
  std::fprintf(stderr, "synoptic train parser: %zu files, %d iterations...\n", files.size(),
               f.options.iterations);
  auto r = nlp::TrainDepModel(&env, files, f.dev, tagger.get(), f.options, provenance, f.out);
  if (!r.ok()) {
    std::fprintf(stderr, "synoptic train parser: %s\n", r.status().ToString().c_str());
    return 3;
  }
  std::printf("trained on %zu sentences (%zu words, %zu projectivised, %zu skipped); %zu "
              "labels; %zu features; %s (%.1f MB)\n",
              r->sentences, r->tokens, r->non_projective, r->skipped, r->labels, r->features,
              f.out.c_str(), static_cast<double>(r->model_bytes) / 1e6);
  if (f.options.jackknife_folds >= 2) {
    std::printf("jackknifed training tags: UPOS %.4f\n", r->jackknife_upos);
  }
  for (size_t i = 0; i < r->dev_uas.size(); ++i) {
    std::printf("dev after iteration %zu: UAS %.4f LAS %.4f\n", i + 1, r->dev_uas[i],
                r->dev_las[i]);
  }
  return 0;
}

struct NerFlags {
  std::string gum;  // GUM folder: train split trains, dev split is scored
  std::vector<std::string> wnut;
  std::vector<std::string> conll;
  std::string gazetteers, petrarch, actors_kb = "models/actors_kb.tsv",
                                     lexicon = "models/nlp_lexicon.tsv",
                                     iso_codes = "/usr/share/iso-codes/json";
  std::string tagger = "models/pos_en.bin";
  std::string out = "models/ner_en.bin";
  nlp::NerTrainOptions options;
};

int RunTrainNer(const NerFlags& f, const std::string& command_line) {
  nlp::NerTrainSources src;
  if (!f.gum.empty()) {
    if (!fs::exists(f.gum + "/splits.md")) {
      std::fprintf(stderr, "synoptic train ner: %s: no splits.md (GUM folder expected)\n",
                   f.gum.c_str());
      return 2;
    }
    src.gum_train = GumSplitFiles(f.gum, "train");
    src.gum_dev = GumSplitFiles(f.gum, "dev");
  }
  src.wnut = f.wnut;
  src.conll = f.conll;
  src.gazetteers_dir = f.gazetteers;
  src.petrarch_dir = f.petrarch;
  src.actors_kb = f.actors_kb;
  src.lexicon = f.lexicon;
  src.iso_codes_dir = f.iso_codes;
  if (src.gum_train.empty() && src.wnut.empty() && src.conll.empty()) {
    std::fprintf(stderr, "synoptic train ner: give --gum DIR, --wnut FILE and/or --conll FILE\n");
    return 2;
  }
  ProgressEnv env;
  std::shared_ptr<const nlp::PosModel> tagger;
  nlp::NerTrainOptions options = f.options;
  std::shared_ptr<const nlp::NlpModel> rules;
  if (f.tagger == "rules") {
    // The pipeline's default tagger: the lexicon rules (models/nlp_lexicon.tsv).
    nlp::NlpOptions o;
    o.models_dir = fs::path(f.lexicon).parent_path().string();
    if (o.models_dir.empty()) o.models_dir = ".";
    auto m = nlp::LoadNlpModel(&env, o);
    if (!m.ok()) {
      std::fprintf(stderr, "synoptic train ner: %s\n", m.status().ToString().c_str());
      return 3;
    }
    rules = *m;
    options.rule_tagger = rules.get();
  } else if (!f.tagger.empty()) {
    auto t = nlp::LoadPosModel(&env, f.tagger);
    if (!t.ok()) {
      std::fprintf(stderr, "synoptic train ner: %s\n", t.status().ToString().c_str());
      return 3;
    }
    tagger = *t;
    options.tagger = tagger.get();
  }
  std::string provenance = "command: " + command_line + "\n";
  if (!src.gum_train.empty()) {
    provenance += "train files: " + std::to_string(src.gum_train.size()) +
                  " GUM documents of the train split (splits.md); dev: the " +
                  std::to_string(src.gum_dev.size()) + " of the dev split\n";
  }
  for (const std::string& p : f.wnut) provenance += "train file (WNUT-17 types): " + fs::path(p).filename().string() + "\n";
  for (const std::string& p : f.conll) provenance += "train file (CoNLL types): " + fs::path(p).filename().string() + "\n";
  std::fprintf(stderr, "synoptic train ner: %zu GUM documents, %zu other files, %d iterations...\n",
               src.gum_train.size(), f.wnut.size() + f.conll.size(), options.iterations);
  auto r = nlp::TrainNerModel(&env, src, options, provenance, f.out);
  if (!r.ok()) {
    std::fprintf(stderr, "synoptic train ner: %s\n", r.status().ToString().c_str());
    return 3;
  }
  std::printf("trained on %zu documents, %zu sentences (%zu tokens, %zu mentions); gazetteer %zu "
              "phrases; %zu features; %s (%.1f MB)\n",
              r->documents, r->sentences, r->tokens, r->mentions, r->gazetteer_entries,
              r->features, f.out.c_str(), static_cast<double>(r->model_bytes) / 1e6);
  for (size_t i = 0; i < r->dev_f1.size(); ++i) {
    std::printf("GUM dev F1 after iteration %zu: %.4f\n", i + 1, r->dev_f1[i]);
  }
  if (!r->dev_f1.empty()) {
    std::printf("GUM dev as saved: P %.4f R %.4f\n", r->dev_precision, r->dev_recall);
  }
  return 0;
}

struct KbFlags {
  std::string gazetteers;  // shared/data/gazetteers
  std::string actors_kb = "models/actors_kb.tsv";
  std::string iso_codes = "/usr/share/iso-codes/json";
  std::string out = "models/actors_countries.tsv";
};

int RunTrainKb(const KbFlags& f, const std::string& command_line) {
  Env* env = DefaultEnv();
  constexpr uint64_t kMax = 64u << 20;
  const std::string list_path = f.gazetteers + "/world-countries.json";
  auto list = env->ReadFile(list_path, kMax);
  if (!list.ok()) {
    std::fprintf(stderr, "synoptic: %s: %s\n", list_path.c_str(),
                 list.status().message().c_str());
    return 1;
  }
  auto iso = env->ReadFile(f.iso_codes + "/iso_3166-1.json", kMax);
  auto hand = env->ReadFile(f.actors_kb, kMax);
  if (!iso.ok() || !hand.ok()) {
    std::fprintf(stderr, "synoptic: %s\n",
                 (!iso.ok() ? iso.status() : hand.status()).message().c_str());
    return 1;
  }
  actors::CountryTableStats stats;
  auto table = actors::BuildCountryTable(*list, *iso, *hand, "made by: " + command_line, &stats);
  if (!table.ok()) {
    std::fprintf(stderr, "synoptic: %s\n", table.status().message().c_str());
    return 1;
  }
  // The region rows: GeoNames first-level divisions.
  const std::string admin1_path = f.gazetteers + "/cities-json-geonames-admin1.json.gz";
  auto admin1_gz = env->ReadFile(admin1_path, kMax);
  if (!admin1_gz.ok()) {
    std::fprintf(stderr, "synoptic: %s: %s\n", admin1_path.c_str(),
                 admin1_gz.status().message().c_str());
    return 1;
  }
  auto admin1 = ingest::Gunzip(*admin1_gz, kMax);
  if (!admin1.ok()) {
    std::fprintf(stderr, "synoptic: %s: %s\n", admin1_path.c_str(),
                 admin1.status().message().c_str());
    return 1;
  }
  actors::RegionRowStats rstats;
  auto regions = actors::BuildRegionRows(*admin1, *iso, *hand + "\n" + *table, &rstats);
  if (!regions.ok()) {
    std::fprintf(stderr, "synoptic: %s: %s\n", admin1_path.c_str(),
                 regions.status().message().c_str());
    return 1;
  }
  *table += *regions;
  const Status w = env->WriteFile(f.out, *table);
  if (!w.ok()) {
    std::fprintf(stderr, "synoptic: %s: %s\n", f.out.c_str(), w.message().c_str());
    return 1;
  }
  std::printf(
      "%s: %zu countries, %zu demonyms, %zu capitals; left out: %zu described by %s, %zu "
      "without an ISO 3166 code\n",
      f.out.c_str(), stats.countries, stats.demonyms, stats.capitals, stats.skipped_hand,
      fs::path(f.actors_kb).filename().c_str(), stats.skipped_no_iso);
  std::printf(
      "%s: %zu regions with %zu names; left out: %zu names two countries' regions share, %zu "
      "names the KB already has\n",
      f.out.c_str(), rstats.regions, rstats.names, rstats.skipped_shared, rstats.skipped_known);
  return 0;
}

struct QuotesFlags {
  std::string polnear;  // a PolNeAR split folder: text/ and attributions/
  std::string models = "models";
  std::string out = "models/quotes_sources.tsv";
  events::QuoteSourceTrainOptions options;
  bool cues = false;  // `train cues`: the cue detector instead of the ranker
  std::string quote_cues = "quotes_cues.tsv";  // cue detector the ranker's coder uses
  events::QuoteCueTrainOptions cue_options;
};

// PolNeAR split folder -> documents, one annotator per article (the first
// annotation file by name, as eval_events scores).
int RunTrainQuotes(const QuotesFlags& f, const std::string& command_line) {
  Env* env = DefaultEnv();
  const fs::path text_dir = fs::path(f.polnear) / "text";
  const fs::path ann_dir = fs::path(f.polnear) / "attributions";
  if (!fs::is_directory(text_dir) || !fs::is_directory(ann_dir)) {
    std::fprintf(stderr, "synoptic train quotes: %s: no text/ and attributions/\n",
                 f.polnear.c_str());
    return 2;
  }
  std::map<std::string, fs::path> anns;
  for (const auto& e : fs::directory_iterator(ann_dir)) {
    const std::string n = e.path().filename().string();
    const size_t us = n.rfind('_');
    if (us == std::string::npos || e.path().extension() != ".ann") continue;
    const std::string stem = n.substr(0, us);
    auto it = anns.find(stem);
    if (it == anns.end() || e.path().filename() < it->second.filename()) anns[stem] = e.path();
  }
  constexpr uint64_t kMax = 16u << 20;
  std::vector<events::AttributionDoc> docs;
  for (const auto& [stem, ann_path] : anns) {
    auto text = env->ReadFile((text_dir / (stem + ".txt")).string(), kMax);
    auto ann = env->ReadFile(ann_path.string(), kMax);
    if (!text.ok() || !ann.ok()) continue;
    auto d = events::ReadBratAttributions(std::move(text).value(), *ann);
    if (d.ok()) docs.push_back(std::move(d).value());
  }
  if (docs.empty()) {
    std::fprintf(stderr, "synoptic train quotes: no readable articles in %s\n", f.polnear.c_str());
    return 1;
  }
  events::SentenceCoderOptions co;
  co.models_dir = f.models;
  co.quote_sources.clear();  // the rules alone propose the candidates
  // The cue detector adds attributions whose sources the ranker decides
  // too, so the ranker trains on them (`--cues ""` trains without it);
  // the cue detector itself trains on the rules alone.
  co.quote_cues = f.cues ? "" : f.quote_cues;
  auto coder = events::SentenceCoder::Create(env, co);
  if (!coder.ok()) {
    std::fprintf(stderr, "synoptic train quotes: %s\n", coder.status().ToString().c_str());
    return 3;
  }
  const std::string data = "data: PolNeAR " + fs::path(f.polnear).filename().string() +
                           " split (first annotator per article); the test split is never read";
  const char* what = f.cues ? "synoptic train cues" : "synoptic train quotes";
  // Writes the trained model, or says why there is none.
  auto write = [&](const Result<std::string>& model) {
    if (!model.ok()) {
      std::fprintf(stderr, "%s: %s\n", what, model.status().ToString().c_str());
      return false;
    }
    const Status w = env->WriteFile(f.out, *model);
    if (!w.ok()) {
      std::fprintf(stderr, "synoptic: %s: %s\n", f.out.c_str(), w.message().c_str());
      return false;
    }
    return true;
  };
  if (f.cues) {
    events::QuoteCueTrainOptions o = f.cue_options;
    o.models_dir = f.models;
    o.provenance = "made by: " + command_line + "\n" + data;
    std::fprintf(stderr, "%s: %zu articles, %d iterations...\n", what, docs.size(), o.iterations);
    events::QuoteCueTrainStats st;
    if (!write(events::TrainQuoteCues(env, **coder, docs, o, &st))) return 1;
    std::printf(
        "%s: %zu articles, %zu candidate verbs (%zu cues), %zu features; at threshold %.2f "
        "training precision %.4f recall %.4f\n",
        f.out.c_str(), st.docs, st.candidates, st.positives, st.features, o.threshold,
        st.precision, st.recall);
    return 0;
  }
  events::QuoteSourceTrainOptions o = f.options;
  o.models_dir = f.models;
  o.provenance = "made by: " + command_line + "\n" + data;
  std::fprintf(stderr, "%s: %zu articles, %d iterations...\n", what, docs.size(), o.iterations);
  events::QuoteSourceTrainStats st;
  if (!write(events::TrainQuoteSources(env, **coder, docs, o, &st))) return 1;
  std::printf(
      "%s: %zu articles, %zu attributions, %zu examples, %zu features; training accuracy %.4f "
      "(rules %.4f)\n",
      f.out.c_str(), st.docs, st.choices, st.examples, st.features, st.accuracy,
      st.rule_accuracy);
  return 0;
}

}  // namespace

std::function<int()> AddTrainCommand(CLI::App* app) {
  auto* train = app->add_subcommand(
      "train", "build a shipped model from public data (see models/MODELS.md)");
  train->require_subcommand(1);
  auto flags = std::make_shared<PosFlags>();
  auto* pos = train->add_subcommand(
      "pos", "averaged-perceptron part-of-speech tagger from UD CoNLL-U files");
  pos->add_option("--train", flags->train, "CoNLL-U training file(s)");
  pos->add_option("--gum", flags->gum, "GUM folder: its train-split documents are added");
  pos->add_option("--dev", flags->dev, "CoNLL-U file scored after each iteration");
  pos->add_option("--out,-o", flags->out, "model file to write");
  pos->add_option("--iterations", flags->options.iterations, "passes over the data")
      ->check(CLI::Range(1, 50));
  pos->add_option("--seed", flags->options.seed, "shuffling seed");
  pos->add_option("--min-count", flags->options.min_feature_count,
                  "drop features seen fewer times")
      ->check(CLI::Range(1, 1000));
  pos->add_option("--lexicon-min-count", flags->options.lexicon_min_count,
                  "words seen this often get a tag lexicon entry")
      ->check(CLI::Range(1, 1000));
  pos->add_option("--passes", flags->options.passes,
                  "2: a second pass sees the first pass's tags to the right")
      ->check(CLI::Range(1, 2));
  auto pflags = std::make_shared<ParserFlags>();
  auto* parser = train->add_subcommand(
      "parser", "arc-eager dependency parser (averaged perceptron) from UD CoNLL-U files");
  parser->add_option("--train", pflags->train, "CoNLL-U training file(s)");
  parser->add_option("--gum", pflags->gum, "GUM folder: its train-split documents are added");
  parser->add_option("--dev", pflags->dev, "CoNLL-U file scored after each iteration");
  parser->add_option("--tagger", pflags->tagger,
                     "POS model that tags the dev file (empty: gold tags)");
  parser->add_option("--out,-o", pflags->out, "model file to write");
  parser->add_option("--iterations", pflags->options.iterations, "passes over the data")
      ->check(CLI::Range(1, 50));
  parser->add_option("--seed", pflags->options.seed, "shuffling and exploration seed");
  parser->add_option("--min-count", pflags->options.min_feature_count,
                     "drop features updated fewer times")
      ->check(CLI::Range(1, 1000));
  parser->add_option("--jackknife", pflags->options.jackknife_folds,
                     "folds for jackknifed training tags (0: gold tags)")
      ->check(CLI::Range(0, 20));
  parser->add_option("--explore-from", pflags->options.explore_from,
                     "first iteration that follows its own mistakes")
      ->check(CLI::Range(1, 100));
  parser->add_option("--explore-p", pflags->options.explore_p,
                     "probability of following a wrong prediction")
      ->check(CLI::Range(0.0, 1.0));
  auto nflags = std::make_shared<NerFlags>();
  auto* ner = train->add_subcommand(
      "ner", "averaged-perceptron BILOU named-entity tagger (GUM, WNUT-17, CoNLL files)");
  ner->add_option("--gum", nflags->gum, "GUM folder: train split trains, dev split is scored");
  ner->add_option("--wnut", nflags->wnut, "WNUT-17 file(s) (word TAB BIO tag)");
  ner->add_option("--conll", nflags->conll, "CoNLL-2003-style PER/ORG/LOC/MISC file(s)");
  ner->add_option("--gazetteers", nflags->gazetteers, "shared/data/gazetteers folder");
  ner->add_option("--petrarch", nflags->petrarch, "PETRARCH-2 dictionaries folder (Phoenix actors)");
  ner->add_option("--actors-kb", nflags->actors_kb, "actor knowledge base TSV");
  ner->add_option("--lexicon", nflags->lexicon, "nlp lexicon TSV (cue words)");
  ner->add_option("--iso-codes", nflags->iso_codes, "Debian iso-codes JSON folder");
  ner->add_option("--tagger", nflags->tagger,
                  "POS model for POS features ('rules': the lexicon rules of the default "
                  "pipeline; empty: none)");
  ner->add_option("--out,-o", nflags->out, "model file to write");
  ner->add_option("--iterations", nflags->options.iterations, "passes over the data")
      ->check(CLI::Range(1, 50));
  ner->add_option("--seed", nflags->options.seed, "shuffling seed");
  ner->add_option("--beam", nflags->options.beam, "decoder beam width (1: greedy)")
      ->check(CLI::Range(1, 16));
  ner->add_option("--features", nflags->options.feature_groups,
                  "optional feature groups: 1 document capitalisation, 2 capitalised runs")
      ->check(CLI::Range(0, 3));
  ner->add_option("--min-count", nflags->options.min_feature_count,
                  "drop features updated fewer times")
      ->check(CLI::Range(1, 1000));
  ner->add_option("--min-weight", nflags->options.min_abs_weight,
                  "drop quantised weights of smaller magnitude")
      ->check(CLI::Range(0, 30000));
  auto kflags = std::make_shared<KbFlags>();
  auto* kb = train->add_subcommand(
      "kb", "the actor KB's country table (capitals, demonyms, names, regions) from public lists");
  kb->add_option("--gazetteers", kflags->gazetteers,
                 "shared/data/gazetteers folder (its world-countries.json and "
                 "cities-json-geonames-admin1.json.gz are read)")
      ->required();
  kb->add_option("--actors-kb", kflags->actors_kb,
                 "hand-written actor KB TSV: its countries, names and cities are left out");
  kb->add_option("--iso-codes", kflags->iso_codes, "Debian iso-codes JSON folder");
  kb->add_option("--out,-o", kflags->out, "table to write");
  auto qflags = std::make_shared<QuotesFlags>();
  auto* quotes = train->add_subcommand(
      "quotes", "quote-source ranker (averaged perceptron) from PolNeAR attributions");
  quotes->add_option("--polnear", qflags->polnear,
                     "PolNeAR split folder (text/, attributions/): use train")
      ->required();
  quotes->add_option("--models", qflags->models, "models folder the rules coder loads");
  quotes->add_option("--out,-o", qflags->out, "model file to write");
  quotes->add_option("--iterations", qflags->options.iterations, "passes over the data")
      ->check(CLI::Range(1, 50));
  quotes->add_option("--seed", qflags->options.seed, "shuffling seed");
  quotes->add_option("--cues", qflags->quote_cues,
                     "cue detector in --models the coder uses (\"\": the rules' cues only)");
  quotes->add_option("--none-bias", qflags->options.none_bias,
                     "margin by which 'no source' must win")
      ->check(CLI::Range(0.0, 100.0));
  auto cflags = std::make_shared<QuotesFlags>();
  cflags->cues = true;
  cflags->out = "models/quotes_cues.tsv";
  auto* cues = train->add_subcommand(
      "cues", "attribution cue detector (logistic regression) from PolNeAR attributions");
  cues->add_option("--polnear", cflags->polnear,
                   "PolNeAR split folder (text/, attributions/): use train")
      ->required();
  cues->add_option("--models", cflags->models, "models folder the rules coder loads");
  cues->add_option("--out,-o", cflags->out, "model file to write");
  cues->add_option("--iterations", cflags->cue_options.iterations, "passes over the data")
      ->check(CLI::Range(1, 50));
  cues->add_option("--seed", cflags->cue_options.seed, "shuffling seed");
  cues->add_option("--rate", cflags->cue_options.rate, "SGD step size")
      ->check(CLI::Range(1e-4, 10.0));
  cues->add_option("--l2", cflags->cue_options.l2, "weight decay per example")
      ->check(CLI::Range(0.0, 1.0));
  cues->add_option("--min-count", cflags->cue_options.min_count,
                   "drop features seen in fewer examples")
      ->check(CLI::Range(1, 1000));
  cues->add_option("--threshold", cflags->cue_options.threshold,
                   "probability a verb needs to be read as a cue")
      ->check(CLI::Range(0.01, 1.0));
  return [pos, flags, parser, pflags, ner, nflags, kb, kflags, quotes, qflags, cues,
          cflags]() -> int {
    if (*cues) {
      const auto& o = cflags->cue_options;
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    " --iterations %d --seed %llu --rate %g --l2 %g --min-count %d --threshold %g",
                    o.iterations, static_cast<unsigned long long>(o.seed), o.rate, o.l2,
                    o.min_count, o.threshold);
      const std::string cl = "synoptic train cues --polnear " +
                             fs::path(cflags->polnear).parent_path().filename().string() + "/" +
                             fs::path(cflags->polnear).filename().string() + buf;
      return RunTrainQuotes(*cflags, cl);
    }
    if (*quotes) {
      char buf[120];
      std::snprintf(buf, sizeof buf, " --iterations %d --seed %llu --none-bias %g",
                    qflags->options.iterations,
                    static_cast<unsigned long long>(qflags->options.seed),
                    qflags->options.none_bias);
      const std::string cl = "synoptic train quotes --polnear " +
                             fs::path(qflags->polnear).parent_path().filename().string() + "/" +
                             fs::path(qflags->polnear).filename().string() + buf + " --cues " +
                             (qflags->quote_cues.empty() ? "\"\"" : qflags->quote_cues);
      return RunTrainQuotes(*qflags, cl);
    }
    if (*kb) {
      return RunTrainKb(*kflags, "synoptic train kb --gazetteers " +
                                     fs::path(kflags->gazetteers).filename().string());
    }
    if (*ner) {
      const auto& o = nflags->options;
      std::string cl = "synoptic train ner";
      if (!nflags->gum.empty()) cl += " --gum " + fs::path(nflags->gum).filename().string();
      for (const auto& t : nflags->wnut) cl += " --wnut " + fs::path(t).filename().string();
      for (const auto& t : nflags->conll) cl += " --conll " + fs::path(t).filename().string();
      if (!nflags->gazetteers.empty()) cl += " --gazetteers " + fs::path(nflags->gazetteers).filename().string();
      if (!nflags->petrarch.empty()) cl += " --petrarch " + fs::path(nflags->petrarch).filename().string();
      cl += " --tagger " + (nflags->tagger.empty() ? std::string("''") : nflags->tagger == "rules" ? std::string("rules") : fs::path(nflags->tagger).filename().string());
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    " --iterations %d --seed %llu --beam %d --features %d --min-count %d --min-weight %d",
                    o.iterations, static_cast<unsigned long long>(o.seed), o.beam, o.feature_groups,
                    o.min_feature_count, o.min_abs_weight);
      return RunTrainNer(*nflags, cl + buf);
    }
    if (*parser) {
      const auto& o = pflags->options;
      std::string cl = "synoptic train parser";
      for (const auto& t : pflags->train) cl += " --train " + fs::path(t).filename().string();
      if (!pflags->gum.empty()) cl += " --gum " + fs::path(pflags->gum).filename().string();
      if (!pflags->dev.empty()) cl += " --dev " + fs::path(pflags->dev).filename().string();
      if (!pflags->tagger.empty()) {
        cl += " --tagger " + fs::path(pflags->tagger).filename().string();
      }
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    " --iterations %d --seed %llu --min-count %d --jackknife %d "
                    "--explore-from %d --explore-p %.2f",
                    o.iterations, static_cast<unsigned long long>(o.seed), o.min_feature_count,
                    o.jackknife_folds, o.explore_from, o.explore_p);
      return RunTrainParser(*pflags, cl + buf);
    }
    if (!*pos) return -1;
    std::string cl = "synoptic train pos";
    for (const auto& t : flags->train) cl += " --train " + fs::path(t).filename().string();
    if (!flags->gum.empty()) cl += " --gum " + fs::path(flags->gum).filename().string();
    if (!flags->dev.empty()) cl += " --dev " + fs::path(flags->dev).filename().string();
    cl += " --iterations " + std::to_string(flags->options.iterations) + " --seed " +
          std::to_string(flags->options.seed) + " --min-count " +
          std::to_string(flags->options.min_feature_count) + " --lexicon-min-count " +
          std::to_string(flags->options.lexicon_min_count) + " --passes " +
          std::to_string(flags->options.passes);
    return RunTrainPos(*flags, cl);
  };
}

}  // namespace synoptic::app
