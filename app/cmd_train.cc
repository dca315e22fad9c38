#include "cmd_train.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "synoptic/core/env.h"
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

// GUM documents listed under neither "## dev" nor "## test" in splits.md.
std::vector<std::string> GumTrainFiles(const std::string& dir) {
  std::set<std::string> held;
  std::ifstream in(dir + "/splits.md");
  std::string line;
  bool listed = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) listed = line != "## train";
    const size_t star = line.find("* ");
    if (listed && star != std::string::npos) held.insert(line.substr(star + 2));
  }
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir + "/dep", ec)) {
    if (e.path().extension() != ".conllu") continue;
    if (held.count(e.path().stem().string())) continue;
    out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

int RunTrainPos(const PosFlags& f, const std::string& command_line) {
  std::vector<std::string> files = f.train;
  size_t gum_files = 0;
  if (!f.gum.empty()) {
    if (!fs::exists(f.gum + "/splits.md")) {
      std::fprintf(stderr, "synoptic train pos: %s: no splits.md (GUM folder expected)\n",
                   f.gum.c_str());
      return 2;
    }
    for (std::string& p : GumTrainFiles(f.gum)) {
      files.push_back(std::move(p));
      ++gum_files;
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "synoptic train pos: give --train FILE.conllu and/or --gum DIR\n");
    return 2;
  }
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
  return [pos, flags]() -> int {
    if (!*pos) return -1;
    std::string cl = "synoptic train pos";
    for (const auto& t : flags->train) cl += " --train " + fs::path(t).filename().string();
    if (!flags->gum.empty()) cl += " --gum " + fs::path(flags->gum).filename().string();
    if (!flags->dev.empty()) cl += " --dev " + fs::path(flags->dev).filename().string();
    cl += " --iterations " + std::to_string(flags->options.iterations) + " --seed " +
          std::to_string(flags->options.seed) + " --min-count " +
          std::to_string(flags->options.min_feature_count);
    return RunTrainPos(*flags, cl);
  };
}

}  // namespace synoptic::app
