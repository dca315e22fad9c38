// Averaged perceptron POS tagger.
//
// Features are templates over the word (lower-cased form, 1- to 4-letter
// suffixes, first letter, a compressed shape such as "Xx" or "d.d"), its
// neighbours two words either side, and the two previous predicted tags.
// Each feature is a 64-bit hash of (template, value), so extraction needs
// no string building and no allocation. Training is the standard averaged
// perceptron: on a wrong guess the gold tag's weights go up and the guessed
// tag's down, and every weight's running sum is kept lazily (with the step
// of its last change) so that the saved weights are the average over all
// steps, which generalises far better than the last ones.
//
// File format (version 1): the line "synoptic pos-model 1", header lines
// starting with "# " (provenance), an empty line, then little-endian binary:
// uint32 feature count, float scale, and per feature (sorted by hash) a
// uint64 hash and 17 int16 weights (weight = int16 * scale).
#include "synoptic/nlp/pos_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <random>
#include <sstream>
#include <unordered_map>

#include "synoptic/core/hash.h"
#include "synoptic/nlp/internal/nlp_internal.h"

namespace synoptic::nlp {

inline constexpr int kTags = 17;  // Pos values kX..kVerb
inline constexpr std::string_view kMagic = "synoptic pos-model 1\n";

class PosModel {
 public:
  std::vector<uint64_t> keys;                          // sorted
  std::vector<std::array<int16_t, kTags>> weights;     // parallel to keys
  float scale = 1.0f;
  std::string header;

  const std::array<int16_t, kTags>* Find(uint64_t key) const {
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    if (it == keys.end() || *it != key) return nullptr;
    return &weights[static_cast<size_t>(it - keys.begin())];
  }
};

namespace {

constexpr size_t kMaxFeatures = 24;

// Lower-cased view of a word in a stack buffer; long words are cut.
// (Not copyable: `view` points into `buf`.)
struct Lowered {
  char buf[64];
  std::string_view view;
  Lowered() = default;
  explicit Lowered(std::string_view w) { Set(w); }
  Lowered(const Lowered&) = delete;
  Lowered& operator=(const Lowered&) = delete;
  std::string_view Set(std::string_view w) {
    const size_t n = std::min(w.size(), sizeof buf);
    for (size_t i = 0; i < n; ++i) {
      const char c = w[i];
      buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    view = std::string_view(buf, n);
    return view;
  }
};

// "Xx", "x", "X", "d", "d.d", "Xx-Xx": letter classes with runs collapsed.
std::string_view Shape(std::string_view w, char* buf, size_t cap) {
  size_t n = 0;
  char last = 0;
  for (size_t i = 0; i < w.size() && n < cap; ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
    } else if (c >= 'a' && c <= 'z') {
      k = 'x';
    } else if (c >= '0' && c <= '9') {
      k = 'd';
    } else if (c >= 0x80) {
      k = 'u';
    } else {
      k = static_cast<char>(c);
    }
    if (k != last) buf[n++] = k;
    last = k;
  }
  return std::string_view(buf, n);
}

std::string_view Suffix(std::string_view w, size_t k) {
  return w.size() > k ? w.substr(w.size() - k) : w;
}

uint64_t F(uint64_t tmpl, std::string_view value) {
  return Hash64(value, 0x9e3779b97f4a7c15ULL * (tmpl + 1));
}

uint64_t F2(uint64_t tmpl, std::string_view a, std::string_view b) {
  return Hash64(b, F(tmpl, a));
}

std::string_view TagName(int t) {
  static constexpr std::string_view kNames[] = {
      "X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
      "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "<s>"};
  return kNames[t];
}

// Features of word i given the previous two predicted tags (17 = none).
size_t Features(std::span<const std::string_view> words, size_t i, int prev1,
                int prev2, uint64_t* out) {
  size_t n = 0;
  const Lowered w0(words[i]);
  char sb[24];
  const std::string_view shape = Shape(words[i], sb, sizeof sb);
  const std::string_view none = "<none>";
  const auto lower_at = [&](long k, Lowered* storage) -> std::string_view {
    if (k < 0 || static_cast<size_t>(k) >= words.size()) return none;
    return storage->Set(words[static_cast<size_t>(k)]);
  };
  out[n++] = F(0, "");
  out[n++] = F(1, w0.view);
  out[n++] = F(2, Suffix(w0.view, 3));
  out[n++] = F(3, Suffix(w0.view, 2));
  out[n++] = F(16, Suffix(w0.view, 4));
  out[n++] = F(17, Suffix(w0.view, 1));
  out[n++] = F(4, words[i].substr(0, 1));
  out[n++] = F(5, shape);
  out[n++] = F(6, TagName(prev1));
  out[n++] = F2(7, TagName(prev2), TagName(prev1));
  out[n++] = F2(8, TagName(prev1), w0.view);
  out[n++] = F2(15, i == 0 ? "first" : "inner", shape);
  Lowered tmp, tmp2;
  const long li = static_cast<long>(i);
  const std::string_view wm1 = lower_at(li - 1, &tmp);
  out[n++] = F(9, wm1);
  out[n++] = F(10, Suffix(wm1, 3));
  out[n++] = F2(18, wm1, w0.view);
  const std::string_view wp1 = lower_at(li + 1, &tmp2);
  out[n++] = F(11, wp1);
  out[n++] = F(12, Suffix(wp1, 3));
  out[n++] = F2(19, w0.view, wp1);
  out[n++] = F(13, lower_at(li - 2, &tmp));
  out[n++] = F(14, lower_at(li + 2, &tmp2));
  if (i + 1 < words.size()) {
    char sb2[24];
    out[n++] = F(20, Shape(words[i + 1], sb2, sizeof sb2));
  }
  return n;
}

// ---- training ----

struct TrainWeight {
  std::array<float, kTags> w{};
  std::array<double, kTags> total{};
  std::array<int64_t, kTags> stamp{};
  uint32_t count = 0;
};

struct Sent {
  std::vector<std::string> words;
  std::vector<int> tags;
};

Result<std::vector<Sent>> ReadUd(Env* env, const std::string& path) {
  SYN_ASSIGN_OR_RETURN(std::string text, env->ReadFile(path, uint64_t{1} << 30));
  std::vector<Sent> out;
  Sent cur;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!cur.words.empty()) out.push_back(std::move(cur));
      cur = Sent();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string_view> f;
    size_t start = 0;
    for (size_t k = 0; k < 5; ++k) {
      const size_t tab = line.find('\t', start);
      if (tab == std::string::npos) break;
      f.emplace_back(line.data() + start, tab - start);
      start = tab + 1;
    }
    if (f.size() < 4 || f[0].find_first_of("-.") != std::string_view::npos) {
      continue;
    }
    Pos p;
    if (!internal::ParsePos(f[3], &p)) continue;
    cur.words.emplace_back(f[1]);
    cur.tags.push_back(static_cast<int>(p));
  }
  if (!cur.words.empty()) out.push_back(std::move(cur));
  if (out.empty()) return InvalidArgument(path + ": no CoNLL-U sentences");
  return out;
}

class Trainer {
 public:
  int Predict(const uint64_t* feats, size_t n, bool averaged) const {
    std::array<double, kTags> score{};
    for (size_t k = 0; k < n; ++k) {
      const auto it = weights_.find(feats[k]);
      if (it == weights_.end()) continue;
      const TrainWeight& tw = it->second;
      for (int t = 0; t < kTags; ++t) {
        score[t] += averaged ? (tw.total[t] + (step_ - tw.stamp[t]) * tw.w[t]) /
                                   std::max<int64_t>(step_, 1)
                             : tw.w[t];
      }
    }
    return static_cast<int>(std::max_element(score.begin(), score.end()) -
                            score.begin());
  }

  void Update(const uint64_t* feats, size_t n, int gold, int guess) {
    ++step_;
    for (size_t k = 0; k < n; ++k) {
      TrainWeight& tw = weights_[feats[k]];
      ++tw.count;
      if (gold == guess) continue;
      for (int t : {gold, guess}) {
        tw.total[t] += (step_ - tw.stamp[t]) * tw.w[t];
        tw.stamp[t] = step_;
        tw.w[t] += t == gold ? 1.0f : -1.0f;
      }
    }
  }

  double Accuracy(const std::vector<Sent>& sents) const {
    size_t ok = 0, all = 0;
    uint64_t feats[kMaxFeatures];
    std::vector<std::string_view> words;
    for (const Sent& s : sents) {
      words.assign(s.words.begin(), s.words.end());
      int p1 = kTags, p2 = kTags;
      for (size_t i = 0; i < words.size(); ++i) {
        const size_t n = Features(words, i, p1, p2, feats);
        const int g = Predict(feats, n, true);
        ok += g == s.tags[i];
        ++all;
        p2 = p1;
        p1 = g;
      }
    }
    return all ? static_cast<double>(ok) / all : 0;
  }

  // Averaged weights of the features seen often enough.
  void Export(int min_count, PosModel* m) const {
    std::vector<std::pair<uint64_t, std::array<float, kTags>>> kept;
    float max_abs = 0;
    for (const auto& [key, tw] : weights_) {
      if (tw.count < static_cast<uint32_t>(min_count)) continue;
      std::array<float, kTags> avg{};
      bool any = false;
      for (int t = 0; t < kTags; ++t) {
        avg[t] = static_cast<float>(
            (tw.total[t] + (step_ - tw.stamp[t]) * tw.w[t]) / step_);
        any |= std::fabs(avg[t]) > 1e-4f;
        max_abs = std::max(max_abs, std::fabs(avg[t]));
      }
      if (any) kept.emplace_back(key, avg);
    }
    std::sort(kept.begin(), kept.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    m->scale = max_abs > 0 ? max_abs / 32000.0f : 1.0f;
    for (const auto& [key, avg] : kept) {
      m->keys.push_back(key);
      std::array<int16_t, kTags> q{};
      for (int t = 0; t < kTags; ++t) {
        q[t] = static_cast<int16_t>(std::lround(avg[t] / m->scale));
      }
      m->weights.push_back(q);
    }
  }

 private:
  std::unordered_map<uint64_t, TrainWeight> weights_;
  int64_t step_ = 0;
};

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
bool Get(std::string_view* in, T* v) {
  if (in->size() < sizeof(T)) return false;
  std::memcpy(v, in->data(), sizeof(T));
  in->remove_prefix(sizeof(T));
  return true;
}

}  // namespace

Result<PosTrainReport> TrainPosModel(Env* env,
                                     const std::vector<std::string>& train,
                                     const std::string& dev,
                                     const PosTrainOptions& options,
                                     const std::string& provenance,
                                     const std::string& out_path) {
  std::vector<Sent> sents;
  for (const std::string& p : train) {
    SYN_ASSIGN_OR_RETURN(std::vector<Sent> s, ReadUd(env, p));
    for (Sent& x : s) sents.push_back(std::move(x));
  }
  std::vector<Sent> dev_sents;
  if (!dev.empty()) {
    SYN_ASSIGN_OR_RETURN(dev_sents, ReadUd(env, dev));
  }
  PosTrainReport report;
  report.sentences = sents.size();
  for (const Sent& s : sents) report.tokens += s.words.size();
  Trainer trainer;
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(sents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t feats[kMaxFeatures];
  std::vector<std::string_view> words;
  for (int it = 0; it < options.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t si : order) {
      const Sent& s = sents[si];
      words.assign(s.words.begin(), s.words.end());
      int p1 = kTags, p2 = kTags;
      for (size_t i = 0; i < words.size(); ++i) {
        const size_t n = Features(words, i, p1, p2, feats);
        const int guess = trainer.Predict(feats, n, false);
        trainer.Update(feats, n, s.tags[i], guess);
        p2 = p1;
        p1 = guess;  // train on its own history, as it will tag
      }
    }
    if (!dev_sents.empty()) report.dev_accuracy.push_back(trainer.Accuracy(dev_sents));
  }
  PosModel m;
  trainer.Export(options.min_feature_count, &m);
  report.features = m.keys.size();

  std::string file(kMagic);
  std::istringstream prov(provenance);
  std::string line;
  while (std::getline(prov, line)) file += "# " + line + "\n";
  file += "# trained on " + std::to_string(report.sentences) + " sentences, " +
          std::to_string(report.tokens) + " tokens; " +
          std::to_string(options.iterations) + " iterations, seed " +
          std::to_string(options.seed) + ", features kept (seen >= " +
          std::to_string(options.min_feature_count) +
          " times): " + std::to_string(report.features) + "\n";
  for (size_t i = 0; i < report.dev_accuracy.size(); ++i) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "# dev UPOS accuracy after iteration %zu: %.4f\n",
                  i + 1, report.dev_accuracy[i]);
    file += buf;
  }
  file += "\n";
  Put(&file, static_cast<uint32_t>(m.keys.size()));
  Put(&file, m.scale);
  for (size_t i = 0; i < m.keys.size(); ++i) {
    Put(&file, m.keys[i]);
    for (int16_t q : m.weights[i]) Put(&file, q);
  }
  report.model_bytes = file.size();
  SYN_RETURN_IF_ERROR(env->WriteFile(out_path, file));
  return report;
}

Result<std::shared_ptr<const PosModel>> LoadPosModel(Env* env,
                                                     const std::string& path) {
  SYN_ASSIGN_OR_RETURN(std::string data, env->ReadFile(path, uint64_t{64} << 20));
  std::string_view in(data);
  if (in.substr(0, kMagic.size()) != kMagic) {
    return Corrupt(path + ": not a synoptic pos-model version 1 file");
  }
  in.remove_prefix(kMagic.size());
  auto m = std::make_shared<PosModel>();
  while (!in.empty() && in[0] == '#') {
    const size_t nl = in.find('\n');
    if (nl == std::string_view::npos) return Corrupt(path + ": truncated header");
    m->header += std::string(in.substr(2, nl - 2)) + "\n";
    in.remove_prefix(nl + 1);
  }
  if (in.empty() || in[0] != '\n') return Corrupt(path + ": no header end");
  in.remove_prefix(1);
  uint32_t n = 0;
  if (!Get(&in, &n) || !Get(&in, &m->scale) ||
      in.size() != static_cast<size_t>(n) * (8 + 2 * kTags)) {
    return Corrupt(path + ": size does not match its feature count");
  }
  m->keys.resize(n);
  m->weights.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    Get(&in, &m->keys[i]);
    for (int t = 0; t < kTags; ++t) Get(&in, &m->weights[i][t]);
    if (i > 0 && m->keys[i] <= m->keys[i - 1]) {
      return Corrupt(path + ": features out of order");
    }
  }
  return std::shared_ptr<const PosModel>(std::move(m));
}

void TagWords(const PosModel& model, std::span<const std::string_view> words,
              std::span<Pos> out) {
  uint64_t feats[kMaxFeatures];
  int p1 = kTags, p2 = kTags;
  for (size_t i = 0; i < words.size() && i < out.size(); ++i) {
    const size_t n = Features(words, i, p1, p2, feats);
    std::array<int32_t, kTags> score{};
    for (size_t k = 0; k < n; ++k) {
      const auto* w = model.Find(feats[k]);
      if (w == nullptr) continue;
      for (int t = 0; t < kTags; ++t) score[t] += (*w)[t];
    }
    const int best = static_cast<int>(
        std::max_element(score.begin(), score.end()) - score.begin());
    out[i] = static_cast<Pos>(best);
    p2 = p1;
    p1 = best;
  }
}

std::string PosModelProvenance(const PosModel& model) { return model.header; }

}  // namespace synoptic::nlp
