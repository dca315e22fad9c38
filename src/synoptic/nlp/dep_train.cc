// Training of the dependency parser (dep_parser.h).
//
// Online averaged perceptron with a dynamic oracle (Goldberg & Nivre 2012,
// "A dynamic oracle for arc-eager dependency parsing"; costs as in their
// 2013 TACL paper). In every configuration the cost of a transition is the
// number of gold arcs it makes unreachable; for arc-eager these costs are
// arc-decomposable and can be counted directly:
//   LEFT-ARC  (b -> s, pop s): s's gold head in the buffer other than b,
//             and s's gold dependents in the buffer;
//   RIGHT-ARC (s -> b, push b): b's gold head elsewhere on the stack or in
//             the buffer, and b's gold dependents still headless on the stack;
//   REDUCE    (pop s): s's gold dependents in the buffer;
//   SHIFT     (push b): b's gold head on the stack, and b's gold
//             dependents still headless on the stack;
// plus one for a wrong label on a gold arc. When the model's best legal
// transition costs more than the cheapest, the weights move from it to the
// best-scoring cheapest one; from iteration `explore_from` on, the trainer
// then follows its own (wrong) choice with probability `explore_p`, so it
// learns to continue well from configurations its mistakes lead to.
// Averaging uses the usual trick of a second accumulator per weight
// (w_avg = w - u / c, Daume III 2006).
//
// Non-projective training trees. The dynamic oracle needs projective gold
// trees, and arc-eager only builds projective ones. Non-projective trees are
// projectivised by lifting (Nivre & Nilsson 2005, without their label
// encoding): repeatedly, the shortest non-projective arc h -> d is replaced
// by h's head -> d, keeping d's label. No sentence is dropped for it; the
// lifted arcs are simply learned as attached one level higher.
//
// Part-of-speech tags. With jackknifing the training sentences are cut into
// k contiguous folds and each fold is tagged by a tagger trained on the other
// folds (the same code and settings as `synoptic train pos`), so the parser
// learns from tags as wrong as they will be at run time.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <unordered_map>

#include "synoptic/nlp/dep_parser.h"
#include "synoptic/nlp/internal/conllu.h"
#include "synoptic/nlp/internal/dep_internal.h"
#include "synoptic/nlp/internal/pos_train.h"
#include "synoptic/nlp/pos_model.h"

namespace synoptic::nlp {
namespace {

using internal::UdSentence;

struct TrainSent {
  const UdSentence* ud = nullptr;
  std::vector<Pos> tags;      // gold or jackknifed
  std::vector<int32_t> gold;  // heads, root = n (projectivised)
  std::vector<uint8_t> glabel;
};

// True when every word strictly between d and its head is dominated by
// the head (heads: root = n).
bool ArcIsProjective(const std::vector<int32_t>& heads, int d) {
  const int n = static_cast<int>(heads.size());
  const int h = heads[d];
  const int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k) {
    int a = k;
    int steps = 0;
    while (a != h && a != n && steps++ <= n) a = heads[a];
    if (a != h) return false;
  }
  return true;
}

// Lifts non-projective arcs until none is left; returns whether any was.
bool Projectivize(std::vector<int32_t>* heads) {
  const int n = static_cast<int>(heads->size());
  bool changed = false;
  for (int guard = 0; guard < 4 * n; ++guard) {
    int shortest = -1, best_len = 1 << 30;
    for (int d = 0; d < n; ++d) {
      if ((*heads)[d] == n || ArcIsProjective(*heads, d)) continue;
      const int len = std::abs((*heads)[d] - d);
      if (len < best_len) {
        best_len = len;
        shortest = d;
      }
    }
    if (shortest < 0) break;
    (*heads)[shortest] = (*heads)[(*heads)[shortest]];
    changed = true;
  }
  return changed;
}

// No cycles and heads in range (root = n).
bool IsTree(const std::vector<int32_t>& heads) {
  const int n = static_cast<int>(heads.size());
  for (int d = 0; d < n; ++d) {
    int a = d, steps = 0;
    while (a != n) {
      if (a < 0 || a > n || steps++ > n) return false;
      a = heads[a];
    }
  }
  return true;
}

std::string_view MainType(std::string_view label) {
  return label.substr(0, label.find(':'));
}

// The perceptron's weights during training: per feature a short list of
// (class, weight, accumulator).
class Weights {
 public:
  struct Entry {
    double u = 0;
    float w = 0;
    uint8_t cls = 0;
  };
  struct Row {
    std::vector<Entry> e;
    uint32_t count = 0;
  };

  Weights() { index_.reserve(size_t{1} << 22); }

  template <bool kAveraged>
  void Score(const uint64_t* feats, size_t n, double* scores) const {
    const double inv = 1.0 / static_cast<double>(step_);
    for (size_t k = 0; k < n; ++k) {
      const auto it = index_.find(feats[k]);
      if (it == index_.end()) continue;
      for (const Entry& e : rows_[it->second].e) {
        scores[e.cls] += kAveraged ? e.w - e.u * inv : e.w;
      }
    }
  }

  void Update(const uint64_t* feats, size_t n, int gold, int guess) {
    for (size_t k = 0; k < n; ++k) {
      auto [it, fresh] =
          index_.try_emplace(feats[k], static_cast<uint32_t>(rows_.size()));
      if (fresh) rows_.emplace_back();
      Row& r = rows_[it->second];
      ++r.count;
      Bump(&r, gold, 1.0f);
      Bump(&r, guess, -1.0f);
    }
  }

  void Tick() { ++step_; }

  // Averaged weights of the features updated at least min_count times,
  // quantised to int16 with one scale; zero weights dropped.
  std::vector<dep::FeatureWeights> Export(int min_count, float* scale) const {
    const double inv = 1.0 / static_cast<double>(step_);
    double max_abs = 0;
    for (const auto& [key, ri] : index_) {
      const Row& r = rows_[ri];
      if (r.count < static_cast<uint32_t>(min_count)) continue;
      for (const Entry& e : r.e)
        max_abs = std::max(max_abs, std::fabs(e.w - e.u * inv));
    }
    *scale = max_abs > 0 ? static_cast<float>(max_abs / 32000.0) : 1.0f;
    std::vector<dep::FeatureWeights> out;
    for (const auto& [key, ri] : index_) {
      const Row& r = rows_[ri];
      if (r.count < static_cast<uint32_t>(min_count)) continue;
      dep::FeatureWeights f;
      f.key = key;
      for (const Entry& e : r.e) {
        const long q = std::lround((e.w - e.u * inv) / *scale);
        if (q != 0) f.weights.emplace_back(e.cls, static_cast<int16_t>(q));
      }
      if (f.weights.empty()) continue;
      std::sort(f.weights.begin(), f.weights.end());
      out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.key < b.key; });
    return out;
  }

 private:
  void Bump(Row* r, int cls, float d) {
    for (Entry& e : r->e) {
      if (e.cls == cls) {
        e.w += d;
        e.u += static_cast<double>(step_) * d;
        return;
      }
    }
    r->e.push_back(
        Entry{static_cast<double>(step_) * d, d, static_cast<uint8_t>(cls)});
  }

  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<Row> rows_;
  int64_t step_ = 1;
};

// Costs of the four actions (labels aside) in `st` for gold heads `g`.
struct Costs {
  int shift = 0, reduce = 0, left = 0, right = 0;
};

Costs ActionCosts(const dep::ParseState& st, const std::vector<int32_t>& g) {
  Costs c;
  const int n = st.n(), b = st.b();
  const auto& stack = st.stack();
  if (!stack.empty()) {
    const int s = stack.back();
    for (int d = b; d < n; ++d) {
      if (g[d] == s) ++c.reduce;
    }
    c.left = c.reduce + (g[s] != b && g[s] >= b ? 1 : 0);
  }
  if (b < n) {
    int headless_deps = 0;
    for (int d : stack) {
      if (st.head(d) < 0 && g[d] == b) ++headless_deps;
    }
    const int h = g[b];
    const bool head_on_stack = h < n && st.on_stack(h);
    c.shift = headless_deps + (head_on_stack ? 1 : 0);
    if (!stack.empty()) {
      const int s = stack.back();
      c.right = headless_deps + (h != s && (h > b || head_on_stack) ? 1 : 0);
    }
  }
  return c;
}

int ClassCost(const Costs& c, int cls, const dep::ParseState& st,
              const std::vector<int32_t>& g, const std::vector<uint8_t>& gl) {
  const int label = dep::LabelOf(cls);
  switch (dep::ActionOf(cls)) {
    case dep::kShift:
      return c.shift;
    case dep::kReduce:
      return c.reduce;
    case dep::kLeft: {
      const int s = st.Top();
      return c.left + (g[s] == st.b() && gl[s] != label ? 1 : 0);
    }
    default: {
      const int b = st.b();
      return c.right + (g[b] == st.Top() && gl[b] != label ? 1 : 0);
    }
  }
}

struct DevScore {
  double uas = 0, las = 0;
};

DevScore ScoreDev(const Weights& w, const DepModel& shape,
                  const std::vector<TrainSent>& dev) {
  size_t all = 0, uas = 0, las = 0;
  dep::ParseState st;
  std::vector<dep::TokInfo> toks;
  std::vector<std::string_view> words;
  std::vector<double> scores(static_cast<size_t>(shape.classes));
  uint64_t feats[dep::kMaxFeatures];
  std::vector<uint32_t> heads;
  std::vector<uint8_t> labels;
  for (const TrainSent& s : dev) {
    words.assign(s.ud->words.begin(), s.ud->words.end());
    dep::MakeTokens(words, s.tags, &toks);
    st.Init(toks);
    while (!st.Terminal()) {
      const size_t nf = st.Features(feats);
      std::fill(scores.begin(), scores.end(), 0.0);
      w.Score<true>(feats, nf, scores.data());
      int best = -1;
      for (int c = 0; c < shape.classes; ++c) {
        if (st.Allowed(c, shape.root_label) &&
            (best < 0 || scores[c] > scores[best]))
          best = c;
      }
      st.Apply(best);
    }
    const size_t n = words.size();
    heads.assign(n, 0);
    labels.assign(n, 0);
    st.Finish(shape.root_label, shape.side_label, heads, labels);
    for (size_t i = 0; i < n; ++i) {
      const int gold_head =
          s.ud->heads[i] < 0 ? static_cast<int>(i) : s.ud->heads[i];
      ++all;
      if (static_cast<int>(heads[i]) != gold_head) continue;
      ++uas;
      las += MainType(shape.labels[labels[i]]) == MainType(s.ud->deprels[i]);
    }
  }
  DevScore d;
  if (all) {
    d.uas = static_cast<double>(uas) / all;
    d.las = static_cast<double>(las) / all;
  }
  return d;
}

void Log(Env* env, const std::string& m) { env->Log(LogLevel::kInfo, m); }

}  // namespace

Result<DepTrainReport> TrainDepModel(
    Env* env, const std::vector<std::string>& train, const std::string& dev,
    const PosModel* dev_tagger, const DepTrainOptions& options,
    const std::string& provenance, const std::string& out_path) {
  DepTrainReport report;
  std::vector<UdSentence> ud;
  for (const std::string& p : train) {
    SYN_ASSIGN_OR_RETURN(std::vector<UdSentence> s,
                         internal::ReadConllu(env, p));
    for (UdSentence& x : s) ud.push_back(std::move(x));
  }
  // Labels: every relation seen (with subtypes), most frequent first when
  // there are too many (the rest become "dep").
  std::map<std::string, size_t> freq;
  for (const UdSentence& s : ud) {
    for (const std::string& l : s.deprels) ++freq[l];
  }
  freq["root"] += 0;
  freq["dep"] += 0;
  std::vector<std::pair<size_t, std::string>> by_freq;
  for (const auto& [l, c] : freq) {
    if (!l.empty() && l.size() < 64) by_freq.emplace_back(c, l);
  }
  std::stable_sort(
      by_freq.begin(), by_freq.end(),
      [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> labels;
  for (const auto& [c, l] : by_freq) {
    if (labels.size() + 2 < static_cast<size_t>(dep::kMaxLabels) ||
        l == "root" || l == "dep") {
      labels.push_back(l);
    }
  }
  std::sort(labels.begin(), labels.end());
  std::unordered_map<std::string, uint8_t> label_id;
  for (size_t i = 0; i < labels.size(); ++i)
    label_id[labels[i]] = static_cast<uint8_t>(i);
  report.labels = labels.size();

  // Sentences with a usable tree, projectivised.
  std::vector<TrainSent> sents;
  for (const UdSentence& s : ud) {
    const size_t n = s.words.size();
    if (s.heads.size() != n || n == 0 || n > options.max_train_words) {
      ++report.skipped;
      continue;
    }
    TrainSent t;
    t.ud = &s;
    t.tags = s.upos;
    t.gold.resize(n);
    t.glabel.resize(n);
    for (size_t i = 0; i < n; ++i) {
      t.gold[i] = s.heads[i] < 0 ? static_cast<int32_t>(n) : s.heads[i];
      const auto it = label_id.find(s.deprels[i]);
      t.glabel[i] = it != label_id.end() ? it->second : label_id["dep"];
    }
    if (!IsTree(t.gold)) {
      ++report.skipped;
      continue;
    }
    if (Projectivize(&t.gold)) ++report.non_projective;
    report.tokens += n;
    sents.push_back(std::move(t));
  }
  report.sentences = sents.size();
  if (sents.empty()) return InvalidArgument("no training sentences with trees");
  Log(env, "parser: " + std::to_string(sents.size()) + " sentences, " +
               std::to_string(report.non_projective) + " projectivised, " +
               std::to_string(labels.size()) + " labels");

  // Jackknifed tags.
  if (options.jackknife_folds >= 2) {
    const size_t k = static_cast<size_t>(options.jackknife_folds);
    size_t ok = 0, all = 0;
    std::vector<std::string_view> words;
    for (size_t fold = 0; fold < k; ++fold) {
      const size_t lo = fold * sents.size() / k,
                   hi = (fold + 1) * sents.size() / k;
      std::vector<const UdSentence*> rest;
      for (size_t i = 0; i < sents.size(); ++i) {
        if (i < lo || i >= hi) rest.push_back(sents[i].ud);
      }
      PosTrainOptions po;
      po.iterations = options.tagger_iterations;
      po.seed = options.seed + fold;
      PosTrainReport pr;
      const auto tagger = internal::TrainPosOnSentences(rest, {}, po, &pr);
      for (size_t i = lo; i < hi; ++i) {
        TrainSent& t = sents[i];
        words.assign(t.ud->words.begin(), t.ud->words.end());
        TagWords(*tagger, words, t.tags);
        for (size_t w = 0; w < words.size(); ++w)
          ok += t.tags[w] == t.ud->upos[w];
        all += words.size();
      }
      Log(env, "parser: jackknife fold " + std::to_string(fold + 1) + "/" +
                   std::to_string(k) + " tagged");
    }
    report.jackknife_upos = all ? static_cast<double>(ok) / all : 0;
  }

  // Dev sentences, tagged as at run time.
  std::vector<UdSentence> dev_ud;
  std::vector<TrainSent> dev_sents;
  if (!dev.empty()) {
    SYN_ASSIGN_OR_RETURN(dev_ud, internal::ReadConllu(env, dev));
    std::vector<std::string_view> words;
    for (const UdSentence& s : dev_ud) {
      if (s.heads.size() != s.words.size()) continue;
      TrainSent t;
      t.ud = &s;
      t.tags = s.upos;
      if (dev_tagger != nullptr) {
        words.assign(s.words.begin(), s.words.end());
        TagWords(*dev_tagger, words, t.tags);
      }
      dev_sents.push_back(std::move(t));
    }
  }

  DepModel shape;  // labels and classes only, for parsing during training
  SYN_RETURN_IF_ERROR(dep::BuildModel(labels, 1.0f, {}, &shape));
  Weights weights;
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<size_t> order(sents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  dep::ParseState st;
  std::vector<dep::TokInfo> toks;
  std::vector<std::string_view> words;
  std::vector<double> scores(static_cast<size_t>(shape.classes));
  uint64_t feats[dep::kMaxFeatures];
  for (int it = 1; it <= options.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    const bool explore = it >= options.explore_from;
    size_t errors = 0, steps = 0;
    for (size_t si : order) {
      const TrainSent& s = sents[si];
      words.assign(s.ud->words.begin(), s.ud->words.end());
      dep::MakeTokens(words, s.tags, &toks);
      st.Init(toks);
      while (!st.Terminal()) {
        const size_t nf = st.Features(feats);
        std::fill(scores.begin(), scores.end(), 0.0);
        weights.Score<false>(feats, nf, scores.data());
        const Costs costs = ActionCosts(st, s.gold);
        int pred = -1, best = -1, pred_cost = 0, best_cost = 1 << 30;
        for (int c = 0; c < shape.classes; ++c) {
          if (!st.Allowed(c, shape.root_label)) continue;
          const int cost = ClassCost(costs, c, st, s.gold, s.glabel);
          if (pred < 0 || scores[c] > scores[pred]) {
            pred = c;
            pred_cost = cost;
          }
          if (cost < best_cost ||
              (cost == best_cost && scores[c] > scores[best])) {
            best = c;
            best_cost = cost;
          }
        }
        ++steps;
        int next = pred;
        if (pred_cost > best_cost) {
          ++errors;
          weights.Update(feats, nf, best, pred);
          if (!explore || coin(rng) >= options.explore_p) next = best;
        }
        weights.Tick();
        st.Apply(next);
      }
    }
    char line[160];
    if (!dev_sents.empty()) {
      const DevScore d = ScoreDev(weights, shape, dev_sents);
      report.dev_uas.push_back(d.uas);
      report.dev_las.push_back(d.las);
      std::snprintf(line, sizeof line,
                    "parser: iteration %d: %.4f of transitions wrong; dev UAS "
                    "%.4f LAS %.4f",
                    it, steps ? static_cast<double>(errors) / steps : 0.0,
                    d.uas, d.las);
    } else {
      std::snprintf(line, sizeof line,
                    "parser: iteration %d: %.4f of transitions wrong", it,
                    steps ? static_cast<double>(errors) / steps : 0.0);
    }
    Log(env, line);
  }

  float scale = 1.0f;
  const std::vector<dep::FeatureWeights> features =
      weights.Export(options.min_feature_count, &scale);
  report.features = features.size();
  DepModel m;
  SYN_RETURN_IF_ERROR(dep::BuildModel(labels, scale, features, &m));
  // How it was made.
  std::string header;
  size_t pos = 0;
  while (pos < provenance.size()) {
    size_t nl = provenance.find('\n', pos);
    if (nl == std::string::npos) nl = provenance.size();
    header += "# " + provenance.substr(pos, nl - pos) + "\n";
    pos = nl + 1;
  }
  char buf[320];
  char tags[64] = "gold";
  if (options.jackknife_folds >= 2) {
    std::snprintf(tags, sizeof tags, "%d-fold jackknifed (UPOS %.4f)",
                  options.jackknife_folds, report.jackknife_upos);
  }
  std::snprintf(buf, sizeof buf,
                "# trained on %zu sentences, %zu words (%zu made projective by "
                "lifting, %zu skipped); %zu labels; %d iterations, exploration "
                "from iteration %d with p %.2f, seed %llu; POS tags: %s; "
                "features kept (updated >= %d times): %zu\n",
                report.sentences, report.tokens, report.non_projective,
                report.skipped, report.labels, options.iterations,
                options.explore_from, options.explore_p,
                static_cast<unsigned long long>(options.seed), tags,
                options.min_feature_count, report.features);
  header += buf;
  for (size_t i = 0; i < report.dev_uas.size(); ++i) {
    std::snprintf(buf, sizeof buf,
                  "# dev after iteration %zu: UAS %.4f LAS %.4f\n", i + 1,
                  report.dev_uas[i], report.dev_las[i]);
    header += buf;
  }
  m.header = header;
  // Self-tests: parsed now, re-checked at load.
  std::vector<dep::SelfTest> tests = dep::SelfTestSentences();
  DepWorkspace ws;
  for (dep::SelfTest& t : tests) {
    std::vector<std::string_view> v(t.words.begin(), t.words.end());
    t.heads.assign(v.size(), 0);
    t.labels.assign(v.size(), 0);
    Parse(m, v, t.tags, DepParseOptions{}, &ws, t.heads, t.labels);
  }
  const std::string file = dep::EncodeModel(m, features, tests);
  auto check = DecodeDepModel(file);
  if (!check.ok())
    return Internal("saved parser model does not load: " +
                    check.status().ToString());
  report.model_bytes = file.size();
  SYN_RETURN_IF_ERROR(env->WriteFile(out_path, file));
  return report;
}

}  // namespace synoptic::nlp
