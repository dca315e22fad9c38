// Training the quote-source ranker: an averaged perceptron (Collins 2002)
// over the candidates of each attribution the rules find, the gold
// candidate being the one that shares most characters with the gold source
// of the attribution matched by content (greedy one to one, as the span
// scorer matches), or "no source" when gold has none or has no such
// attribution. Examples whose gold source no candidate overlaps teach
// nothing and are left out.
#include "synoptic/events/quotes_train.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

#include "synoptic/core/utf8.h"
#include "synoptic/events/internal/cue_model.h"
#include "synoptic/events/internal/doc_view.h"
#include "synoptic/events/internal/lexicon.h"
#include "synoptic/events/internal/quotes.h"
#include "synoptic/events/internal/source_ranker.h"

namespace synoptic::events {
namespace {

size_t Shared(const std::vector<ByteSpan>& x, const std::vector<ByteSpan>& y) {
  size_t n = 0;
  for (ByteSpan a : x)
    for (ByteSpan b : y) {
      const uint32_t lo = std::max(a.begin, b.begin);
      const uint32_t hi = std::min(a.end, b.end);
      if (lo < hi) n += hi - lo;
    }
  return n;
}

// Feature strings numbered in the order first seen (both trainers keep
// weights by number and write the strings).
struct FeatureIds {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> names;  // by number
  uint32_t Id(const std::string& name) {
    auto [it, fresh] = ids.try_emplace(name, static_cast<uint32_t>(names.size()));
    if (fresh) names.push_back(name);
    return it->second;
  }
};

// The model file's first lines: its version header and each provenance
// line as a comment.
std::string ModelHeader(std::string_view header, const std::string& provenance) {
  std::string out(header);
  out += "\n";
  std::istringstream prov(provenance);
  for (std::string l; std::getline(prov, l);) out += "# " + l + "\n";
  return out;
}

struct Example {
  std::vector<std::vector<uint32_t>> cands;  // feature ids per candidate
  size_t gold = 0;
  size_t rule = 0;  // index of the rules' choice (0: none)
};

}  // namespace

Result<AttributionDoc> ReadBratAttributions(std::string text,
                                            std::string_view ann) {
  if (!utf8::IsValid(text))
    return InvalidArgument("article text is not valid UTF-8");
  std::vector<uint32_t> cp_to_byte;
  for (size_t pos = 0; pos < text.size();) {
    cp_to_byte.push_back(static_cast<uint32_t>(pos));
    utf8::Next(text, &pos);
  }
  cp_to_byte.push_back(static_cast<uint32_t>(text.size()));
  const uint32_t ncp = static_cast<uint32_t>(cp_to_byte.size() - 1);
  AttributionDoc doc;
  std::map<std::string, std::pair<std::string, std::vector<ByteSpan>>> tb;
  std::vector<std::string> elines;
  std::istringstream in{std::string(ann)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == 'T') {
      std::istringstream ls(line);
      std::string id, role, rest;
      ls >> id >> role;
      std::getline(ls, rest, '\t');
      std::istringstream rs(rest);
      std::vector<ByteSpan> frags;
      std::string frag;
      while (std::getline(rs, frag, ';')) {
        std::istringstream fs(frag);
        uint32_t b = 0, e = 0;
        fs >> b >> e;
        e = std::min(e, ncp);
        if (b < e) frags.push_back({cp_to_byte[b], cp_to_byte[e]});
      }
      tb[id] = {role, std::move(frags)};
    } else if (line[0] == 'E') {
      elines.push_back(line);
    }
  }
  for (const std::string& el : elines) {
    std::istringstream ls(el);
    std::string tok;
    ls >> tok;
    GoldAttribution g;
    bool any = false;
    while (ls >> tok) {
      const size_t c = tok.find(':');
      if (c == std::string::npos) continue;
      const std::string role = tok.substr(0, c);
      auto it = tb.find(tok.substr(c + 1));
      if (it == tb.end()) continue;
      std::vector<ByteSpan>* dst = role == "Source" ? &g.source
                                   : role == "Cue"  ? &g.cue
                                   : role == "Content" || role == "Content2"
                                       ? &g.content
                                       : nullptr;
      if (role == "Cue") any = true;
      if (dst == nullptr) continue;
      dst->insert(dst->end(), it->second.second.begin(),
                  it->second.second.end());
    }
    if (!g.content.empty() || any) doc.gold.push_back(std::move(g));
  }
  doc.text = std::move(text);
  return doc;
}

Result<std::string> TrainQuoteSources(Env* env,
                                      const SentenceCoder& rules_coder,
                                      const std::vector<AttributionDoc>& docs,
                                      const QuoteSourceTrainOptions& options,
                                      QuoteSourceTrainStats* stats) {
  EventOptions eo;
  eo.models_dir = options.models_dir;
  eo.quote_sources.clear();
  SYN_ASSIGN_OR_RETURN(std::shared_ptr<const EventLexicon> lex,
                       LoadEventLexicon(env, eo));
  QuoteSourceTrainStats st;
  FeatureIds feats;
  const std::vector<std::string>& names_by_id = feats.names;
  std::vector<Example> examples;
  const internal::SourceChoiceOptions copt;
  for (const AttributionDoc& d : docs) {
    std::vector<QuoteFrame> frames;
    DocAnalysis a = rules_coder.Code(d.text, std::nullopt, &frames);
    internal::DocView view;
    view.Build(a, *lex);
    std::vector<std::vector<std::vector<std::string>>> names;
    const std::vector<internal::SourceChoice> choices =
        internal::SourceChoices(view, a.quotes, frames, copt, &names);
    ++st.docs;
    st.choices += choices.size();
    // Our attributions' contents (continuations joined) and the greedy
    // one-to-one match of gold contents onto them.
    std::vector<std::vector<ByteSpan>> pred(choices.size());
    std::vector<int> slot(a.quotes.size(), -1);
    for (size_t c = 0; c < choices.size(); ++c)
      slot[choices[c].quote] = static_cast<int>(c);
    for (size_t q = 0; q < a.quotes.size(); ++q) {
      int s = slot[q];
      if (s < 0 && q < frames.size() && frames[q].continues >= 0)
        s = slot[frames[q].continues];
      if (s >= 0) pred[s].push_back(a.quotes[q].span);
    }
    std::vector<int> matched(choices.size(), -1);
    for (size_t g = 0; g < d.gold.size(); ++g) {
      size_t best = 0;
      int best_c = -1;
      for (size_t c = 0; c < choices.size(); ++c) {
        if (matched[c] >= 0) continue;
        const size_t s = Shared(d.gold[g].content, pred[c]);
        if (s > best) {
          best = s;
          best_c = static_cast<int>(c);
        }
      }
      if (best_c >= 0) matched[best_c] = static_cast<int>(g);
    }
    const auto& toks = a.tokens;
    for (size_t c = 0; c < choices.size(); ++c) {
      const internal::SourceChoice& ch = choices[c];
      Example ex;
      ex.gold = SIZE_MAX;
      if (matched[c] < 0 || d.gold[matched[c]].source.empty()) {
        ex.gold = 0;
      } else {
        size_t best = 0;
        for (size_t k = 1; k < ch.candidates.size(); ++k) {
          const auto& cand = ch.candidates[k];
          const size_t s =
              Shared(d.gold[matched[c]].source,
                     {ByteSpan{toks[cand.first].begin, toks[cand.last].end}});
          if (s > best) {
            best = s;
            ex.gold = k;
          }
        }
      }
      if (ex.gold == SIZE_MAX) continue;
      for (size_t k = 0; k < ch.candidates.size(); ++k) {
        if (ch.candidates[k].rule) ex.rule = k;
        std::vector<uint32_t> f;
        for (const std::string& n : names[c][k]) f.push_back(feats.Id(n));
        ex.cands.push_back(std::move(f));
      }
      examples.push_back(std::move(ex));
    }
  }
  st.examples = examples.size();
  // Averaged perceptron with lazy averaging: w is the current weight, u the
  // sum of (update time * delta), so the average is w - u / t.
  std::vector<double> w(names_by_id.size(), 0), u(names_by_id.size(), 0);
  double t = 1;
  auto score = [&](const std::vector<uint32_t>& f) {
    double s = 0;
    for (uint32_t i : f) s += w[i];
    return s;
  };
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  for (int it = 0; it < options.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t oi : order) {
      const Example& ex = examples[oi];
      size_t best = 0;
      double bs = 0;
      for (size_t k = 0; k < ex.cands.size(); ++k) {
        const double s = score(ex.cands[k]);
        if (k == 0 || s > bs) {
          best = k;
          bs = s;
        }
      }
      if (best != ex.gold) {
        for (uint32_t i : ex.cands[ex.gold]) {
          w[i] += 1;
          u[i] += t;
        }
        for (uint32_t i : ex.cands[best]) {
          w[i] -= 1;
          u[i] -= t;
        }
      }
      t += 1;
    }
  }
  std::unordered_map<uint64_t, float> avg;
  std::vector<std::pair<std::string, int32_t>> rows;
  for (size_t i = 0; i < w.size(); ++i) {
    double a = w[i] - u[i] / t;
    // The scorer's F1 rewards a right source more than it punishes a wrong
    // one, while the perceptron counts both as one mistake: "no source"
    // must win by a margin.
    if (names_by_id[i] == "none") a -= options.none_bias;
    const int32_t milli = static_cast<int32_t>(std::lround(a * 1000));
    if (milli == 0) continue;
    rows.emplace_back(names_by_id[i], milli);
    avg[internal::SourceFeatureHash(names_by_id[i])] +=
        static_cast<float>(milli) / 1000.0f;
  }
  std::sort(rows.begin(), rows.end());
  const auto model = internal::SourceRanker::FromWeights(std::move(avg));
  size_t right = 0, rule_right = 0;
  for (const Example& ex : examples) {
    internal::SourceChoice ch;
    for (const auto& f : ex.cands) {
      internal::SourceCandidate c;
      for (uint32_t i : f)
        c.features.push_back(internal::SourceFeatureHash(names_by_id[i]));
      ch.candidates.push_back(std::move(c));
    }
    right += model->Best(ch) == ex.gold;
    rule_right += ex.rule == ex.gold;
  }
  st.features = rows.size();
  st.accuracy = examples.empty() ? 0 : double(right) / examples.size();
  st.rule_accuracy =
      examples.empty() ? 0 : double(rule_right) / examples.size();
  std::string out = ModelHeader("# synoptic quote-sources v1", options.provenance);
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "# %zu documents, %zu attributions, %zu training examples, "
                "%d iterations, seed %llu, none bias %.1f; training accuracy "
                "%.4f (the rules' choice: %.4f)\n",
                st.docs, st.choices, st.examples, options.iterations,
                static_cast<unsigned long long>(options.seed),
                options.none_bias, st.accuracy, st.rule_accuracy);
  out += buf;
  out +=
      "# rows: feature<TAB>weight in thousandths; last row: rows<TAB>count\n";
  for (const auto& [name, milli] : rows)
    out += name + "\t" + std::to_string(milli) + "\n";
  out += "rows\t" + std::to_string(rows.size()) + "\n";
  if (stats != nullptr) *stats = st;
  return out;
}

Result<std::string> TrainQuoteCues(Env* env, const SentenceCoder& rules_coder,
                                   const std::vector<AttributionDoc>& docs,
                                   const QuoteCueTrainOptions& options,
                                   QuoteCueTrainStats* stats) {
  EventOptions eo;
  eo.models_dir = options.models_dir;
  eo.quote_sources.clear();
  eo.quote_cues.clear();
  SYN_ASSIGN_OR_RETURN(std::shared_ptr<const EventLexicon> lex,
                       LoadEventLexicon(env, eo));
  QuoteCueTrainStats st;
  FeatureIds feats;
  const std::vector<std::string>& names_by_id = feats.names;
  struct CueExample {
    std::vector<uint32_t> f;
    bool cue = false;
  };
  std::vector<CueExample> examples;
  std::string scratch;
  std::vector<uint64_t> hashes;
  std::vector<std::string> names;
  for (const AttributionDoc& d : docs) {
    DocAnalysis a = rules_coder.Code(d.text, std::nullopt, nullptr);
    internal::DocView view;
    view.Build(a, *lex);
    ++st.docs;
    std::vector<ByteSpan> gold_cues;
    for (const GoldAttribution& g : d.gold)
      gold_cues.insert(gold_cues.end(), g.cue.begin(), g.cue.end());
    for (const Sentence& sent : view.sentences) {
      const uint32_t sf = sent.first_token, se = sent.end_token;
      for (uint32_t i = sf; i < se; ++i) {
        if (!internal::CueCandidate(view, i, sf, se)) continue;
        hashes.clear();
        names.clear();
        internal::CueFeatures(view, i, sf, se, &scratch, &hashes, &names);
        CueExample ex;
        ex.cue = Shared(gold_cues,
                        {ByteSpan{a.tokens[i].begin, a.tokens[i].end}}) > 0;
        for (const std::string& n : names) ex.f.push_back(feats.Id(n));
        st.positives += ex.cue;
        examples.push_back(std::move(ex));
      }
    }
  }
  st.candidates = examples.size();
  // Rare features (a lemma seen once, a word pair) are left out: they make
  // the file large and mostly memorise single training sentences.
  {
    std::vector<uint32_t> count(names_by_id.size(), 0);
    for (const CueExample& ex : examples)
      for (uint32_t i : ex.f) ++count[i];
    for (CueExample& ex : examples)
      std::erase_if(ex.f, [&](uint32_t i) {
        return count[i] < static_cast<uint32_t>(options.min_count);
      });
  }
  // Logistic regression by SGD with weight decay; the shipped weights are
  // the average over all steps (lazy: u sums step * delta).
  std::vector<double> w(names_by_id.size(), 0), u(names_by_id.size(), 0);
  double t = 1;
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  for (int it = 0; it < options.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t oi : order) {
      const CueExample& ex = examples[oi];
      double s = 0;
      for (uint32_t i : ex.f) s += w[i];
      const double p = 1.0 / (1.0 + std::exp(-s));
      const double g = (ex.cue ? 1.0 : 0.0) - p;
      for (uint32_t i : ex.f) {
        const double delta = options.rate * (g - options.l2 * w[i]);
        w[i] += delta;
        u[i] += t * delta;
      }
      t += 1;
    }
  }
  std::unordered_map<uint64_t, float> avg;
  std::vector<std::pair<std::string, int32_t>> rows;
  for (size_t i = 0; i < w.size(); ++i) {
    const double a = w[i] - u[i] / t;
    const int32_t milli = static_cast<int32_t>(std::lround(a * 1000));
    if (milli == 0) continue;
    rows.emplace_back(names_by_id[i], milli);
    avg[internal::CueFeatureHash(names_by_id[i])] +=
        static_cast<float>(milli) / 1000.0f;
  }
  std::sort(rows.begin(), rows.end());
  const auto model =
      internal::CueModel::FromWeights(std::move(avg), options.threshold);
  size_t tp = 0, fp = 0;
  std::vector<uint64_t> fh;
  for (const CueExample& ex : examples) {
    fh.clear();
    for (uint32_t i : ex.f)
      fh.push_back(internal::CueFeatureHash(names_by_id[i]));
    if (model->Probability(fh) >= options.threshold) (ex.cue ? tp : fp) += 1;
  }
  st.features = rows.size();
  st.precision = tp + fp == 0 ? 0 : double(tp) / double(tp + fp);
  st.recall = st.positives == 0 ? 0 : double(tp) / double(st.positives);
  std::string out = ModelHeader("# synoptic quote-cues v1", options.provenance);
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "# %zu documents, %zu candidate verbs (%zu inside a gold cue), "
                "features seen at least %d times, %d iterations, seed %llu, "
                "rate %g, l2 %g; at threshold %.2f "
                "on the training candidates: precision %.4f recall %.4f\n",
                st.docs, st.candidates, st.positives, options.min_count,
                options.iterations,
                static_cast<unsigned long long>(options.seed), options.rate,
                options.l2, options.threshold, st.precision, st.recall);
  out += buf;
  out +=
      "# rows: threshold<TAB>probability a cue needs; feature<TAB>weight in "
      "thousandths; last row: rows<TAB>count of feature rows\n";
  std::snprintf(buf, sizeof buf, "threshold\t%.2f\n", options.threshold);
  out += buf;
  for (const auto& [name, milli] : rows)
    out += name + "\t" + std::to_string(milli) + "\n";
  out += "rows\t" + std::to_string(rows.size()) + "\n";
  if (stats != nullptr) *stats = st;
  return out;
}

}  // namespace synoptic::events
