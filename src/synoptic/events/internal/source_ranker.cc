// Source ranking (see source_ranker.h).
//
// Why a ranker on top of the rules: on PolNeAR train the rules' sources
// that overlap no gold source are mostly the right kind of phrase in the
// wrong place (a modifier before a cue noun, a relative pronoun whose
// antecedent is annotated, the subject of an outer clause), and the quotes
// left without a source mostly have their speaker in the same sentence. A
// linear model over a handful of positional and lexical features picks
// among the phrases of the sentence, and "no source" is one of the
// candidates, so a rule's source can also be dropped. The rules' choice is
// a candidate with its own features: the model learns when to trust it.
// Features are hashed strings (Hash64), so a model file stays readable.
#include "synoptic/events/internal/source_ranker.h"

#include <algorithm>

#include "synoptic/core/hash.h"
#include "synoptic/events/internal/weights_file.h"

namespace synoptic::events::internal {
namespace {

constexpr std::string_view kHeader = "# synoptic quote-sources v1";

const char* Bucket(uint32_t d) {
  return d == 0    ? "0"
         : d == 1  ? "1"
         : d == 2  ? "2"
         : d <= 5  ? "3-5"
         : d <= 10 ? "6-10"
                   : "11+";
}

bool NounPos(Pos p) { return p == Pos::kNoun || p == Pos::kPropn; }
bool ChunkPos(Pos p) {
  return NounPos(p) || p == Pos::kDet || p == Pos::kAdj || p == Pos::kNum;
}

// Collects the features of one candidate: hashed always, as strings too
// when `names` is given. One scratch string is reused.
class FeatureSink {
 public:
  FeatureSink(SourceCandidate* c, std::vector<std::string>* names)
      : c_(c), names_(names) {}
  void Add(std::initializer_list<std::string_view> parts) {
    buf_.clear();
    for (std::string_view p : parts) {
      if (!buf_.empty()) buf_ += '|';
      buf_ += p;
    }
    c_->features.push_back(SourceFeatureHash(buf_));
    if (names_ != nullptr) names_->push_back(buf_);
  }

 private:
  SourceCandidate* c_;
  std::vector<std::string>* names_;
  std::string buf_;
};

std::string_view TypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "PER";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kGpe:
      return "GPE";
    case EntityType::kLoc:
      return "LOC";
    case EntityType::kNorp:
      return "NORP";
    default:
      return "OTHER";
  }
}

std::string_view Shape(std::string_view w) {
  if (w.empty()) return "-";
  const unsigned char c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return "Xx";
  if (c >= '0' && c <= '9') return "9";
  return "x";
}

uint32_t LastTokenBefore(const DocView& v, uint32_t byte) {
  // Last token whose begin is < byte (callers guarantee one exists).
  uint32_t i = v.TokenAtOrAfter(byte);
  while (i > 0 && (i >= v.size() || v.a->tokens[i].begin >= byte)) --i;
  return i;
}

}  // namespace

uint64_t SourceFeatureHash(std::string_view feature) {
  return Hash64(feature, 0x5eed5u);
}

std::vector<SourceChoice> SourceChoices(
    const DocView& v, const std::vector<Quote>& quotes,
    const std::vector<QuoteFrame>& frames, const SourceChoiceOptions& opt,
    std::vector<std::vector<std::vector<std::string>>>* names) {
  std::vector<SourceChoice> out;
  if (v.size() == 0 || frames.size() != quotes.size()) return out;
  const auto& toks = v.a->tokens;
  const uint32_t n = v.size();
  // Per sentence, the quotes whose content, source or cue touches it: the
  // only ones a candidate there can stand in or beside (keeps the work
  // linear in the document).
  std::vector<std::vector<uint32_t>> near(v.sentences.size());
  auto note = [&](ByteSpan b, uint32_t q) {
    if (b.empty()) return;
    const uint32_t f = v.TokenAtOrAfter(b.begin);
    if (f >= n) return;
    const uint32_t l = LastTokenBefore(v, b.end);
    for (uint32_t s = v.tok_sentence[f]; s <= v.tok_sentence[std::max(f, l)];
         ++s)
      if (near[s].empty() || near[s].back() != q) near[s].push_back(q);
  };
  for (size_t q = 0; q < quotes.size(); ++q) {
    note(quotes[q].span, static_cast<uint32_t>(q));
    note(frames[q].source, static_cast<uint32_t>(q));
    note(frames[q].cue, static_cast<uint32_t>(q));
  }
  for (size_t qi = 0; qi < quotes.size(); ++qi) {
    const QuoteFrame& f = frames[qi];
    if (f.continues >= 0) continue;
    // A source the rules resolved to an entity (a name, or a pronoun with
    // its antecedent) is kept: the report's speaker rests on it, and on
    // PolNeAR train the rules are right about these far more often than
    // about bare phrases.
    if (!f.source.empty() && quotes[qi].speaker >= 0) continue;
    const ByteSpan con = quotes[qi].span;
    if (con.empty()) continue;
    // The anchor: the cue, else the content's first token.
    uint32_t cue_b, cue_e;
    if (!f.cue.empty()) {
      cue_b = v.TokenAtOrAfter(f.cue.begin);
      cue_e = LastTokenBefore(v, f.cue.end);
    } else {
      cue_b = cue_e = v.TokenAtOrAfter(con.begin);
    }
    if (cue_b >= n) continue;
    if (cue_e < cue_b) cue_e = cue_b;
    const uint32_t s = v.tok_sentence[cue_b];
    const uint32_t sf = v.sentences[s].first_token;
    const uint32_t se = std::min(v.sentences[s].end_token, n);
    auto in_content = [&](uint32_t k) {
      return toks[k].end > con.begin && toks[k].begin < con.end;
    };
    auto in_cue = [&](uint32_t k) { return k >= cue_b && k <= cue_e; };
    // The cue's lemma: its last verb-like word, else its last word.
    std::string_view cue_lem = "-";
    if (!f.cue.empty()) {
      uint32_t h = cue_e;
      for (uint32_t k = cue_e + 1; k-- > cue_b;)
        if (v.IsVerbLike(k) || v.pos(k) == Pos::kNoun) {
          h = k;
          break;
        }
      cue_lem = v.lem[h].empty() ? v.low[h] : v.lem[h];
    }
    const std::string_view dq = quotes[qi].direct ? "D" : "I";
    SourceChoice choice;
    choice.quote = qi;
    // Spans first (token ranges), features after.
    struct Span {
      uint32_t b, e;
      std::string_view kind;
      int32_t mention;
    };
    std::vector<Span> spans;
    bool rule_had = false;
    uint32_t rb = 0, re = 0;
    if (!f.source.empty()) {
      rb = v.TokenAtOrAfter(f.source.begin);
      re = LastTokenBefore(v, f.source.end);
      if (rb < n && re >= rb) {
        rule_had = true;
        spans.push_back({rb, re, "rule", v.tok_mention[re]});
      }
    }
    // A phrase with another attribution's cue between it and this cue is
    // that attribution's business ("X warned that Y said Z": X is not the
    // source of Z).
    auto cue_between = [&](uint32_t b, uint32_t e) {
      const uint32_t lo = e < cue_b ? toks[e].end : toks[cue_e].end;
      const uint32_t hi = e < cue_b ? toks[cue_b].begin : toks[b].begin;
      for (uint32_t o : near[s]) {
        if (o == qi || frames[o].cue.empty()) continue;
        if (frames[o].cue.begin >= lo && frames[o].cue.end <= hi) return true;
      }
      return false;
    };
    auto free_range = [&](uint32_t b, uint32_t e) {
      for (uint32_t k = b; k <= e; ++k)
        if (in_content(k) || in_cue(k) || (rule_had && k >= rb && k <= re))
          return false;
      return !cue_between(b, e);
    };
    std::vector<Span> more;
    for (uint32_t k = sf; k < se; ++k) {
      const int32_t m = v.tok_mention[k];
      if (m >= 0) {
        if (k != v.m_first[m]) continue;
        const uint32_t e = std::min(v.m_last[m], se - 1);
        if (free_range(k, e)) more.push_back({k, e, "ment", m});
        continue;
      }
      if (v.pos(k) == Pos::kPron) {
        if (free_range(k, k)) more.push_back({k, k, "pron", -1});
        continue;
      }
      if (ChunkPos(v.pos(k)) || v.low[k] == "'s") {
        uint32_t e = k;
        while (e + 1 < se && e + 1 < k + opt.max_span_tokens &&
               (ChunkPos(v.pos(e + 1)) || v.low[e + 1] == "'s" ||
                v.tok_mention[e + 1] >= 0))
          ++e;
        uint32_t last = e;
        while (last > k && !NounPos(v.pos(last)) && v.tok_mention[last] < 0)
          --last;
        if (NounPos(v.pos(last)) && free_range(k, last))
          more.push_back({k, last, "np", v.tok_mention[last]});
        k = e;
      }
    }
    auto dist = [&](const Span& sp) {
      return sp.e < cue_b ? cue_b - sp.e : sp.b > cue_e ? sp.b - cue_e : 0;
    };
    std::stable_sort(
        more.begin(), more.end(),
        [&](const Span& a, const Span& b) { return dist(a) < dist(b); });
    for (const Span& sp : more) {
      if (spans.size() >= opt.max_candidates) break;
      spans.push_back(sp);
    }
    std::vector<std::vector<std::string>>* cand_names = nullptr;
    if (names != nullptr) {
      names->emplace_back();
      cand_names = &names->back();
    }
    // "No source".
    {
      SourceCandidate c;
      c.none = true;
      std::vector<std::string>* nm = nullptr;
      if (cand_names != nullptr) nm = &cand_names->emplace_back();
      FeatureSink fs(&c, nm);
      fs.Add({"none"});
      fs.Add({"none", "cue", cue_lem});
      fs.Add({"none", "dq", dq});
      fs.Add({"none", "rule", rule_had ? "1" : "0"});
      fs.Add({"none", "rule", rule_had ? "1" : "0", "cue", cue_lem});
      fs.Add({"none", "hascue", f.cue.empty() ? "0" : "1", dq});
      choice.candidates.push_back(std::move(c));
    }
    // Nearest candidate on each side, for a "nearest" feature.
    uint32_t near_before = UINT32_MAX, near_after = UINT32_MAX;
    for (size_t k = rule_had ? 1 : 0; k < spans.size(); ++k) {
      const Span& sp = spans[k];
      if (sp.e < cue_b)
        near_before = std::min(near_before, dist(sp));
      else
        near_after = std::min(near_after, dist(sp));
    }
    for (size_t k = 0; k < spans.size(); ++k) {
      const Span& sp = spans[k];
      SourceCandidate c;
      c.features.reserve(40);
      c.first = sp.b;
      c.last = sp.e;
      c.rule = sp.kind == "rule";
      std::vector<std::string>* nm = nullptr;
      if (cand_names != nullptr) nm = &cand_names->emplace_back();
      FeatureSink fs(&c, nm);
      const std::string_view K = sp.kind;
      const bool before = sp.e < cue_b;
      const std::string_view side = before ? "B" : "A";
      const uint32_t d = dist(sp);
      const std::string_view head = v.low[sp.e];
      const Pos hp = v.pos(sp.e);
      const bool pron = hp == Pos::kPron;
      const std::string_view mtype =
          sp.mention >= 0 ? TypeName(v.a->mentions[sp.mention].type) : "-";
      const std::string_view prev = sp.b > sf ? v.low[sp.b - 1] : "<s>";
      const std::string_view next = sp.e + 1 < se ? v.low[sp.e + 1] : "</s>";
      uint32_t commas = 0;
      const uint32_t lo = before ? sp.e + 1 : cue_e + 1;
      const uint32_t hi = before ? cue_b : sp.b;
      for (uint32_t t = lo; t < hi; ++t) commas += v.low[t] == ",";
      const bool nearest = (before ? near_before : near_after) == d;
      fs.Add({K});
      fs.Add({K, "dq", dq});
      fs.Add({K, "side", side, Bucket(d)});
      fs.Add({K, "side", side, "cue", cue_lem});
      fs.Add({K, "cue", cue_lem});
      fs.Add({K, "head", pron || hp == Pos::kNoun ? head : Shape(head)});
      fs.Add({K, "hpos", PosName(hp)});
      fs.Add({K, "mtype", mtype});
      fs.Add({K, "mtype", mtype, "side", side});
      fs.Add({K, "prev", prev});
      fs.Add({K, "next", next});
      fs.Add({K, "next", next, "side", side});
      fs.Add({K, "commas", Bucket(commas), side});
      fs.Add({K, "nearest", nearest ? "1" : "0", side});
      fs.Add({K, "init", sp.b == sf ? "1" : "0"});
      fs.Add({K, "len", Bucket(sp.e - sp.b + 1)});
      fs.Add({K, "adjacent", d == 1 ? "1" : "0", side, dq});
      fs.Add({"any", "side", side, Bucket(d), dq});
      fs.Add({"any", "mtype", mtype, "cue", cue_lem});
      fs.Add({"any", "hpos", PosName(hp), "side", side});
      // What stands between the candidate and the cue: a verb or "that"
      // opens another clause, a quote mark another quote.
      uint32_t verbs = 0;
      bool mark = false, that = false;
      for (uint32_t t = lo; t < hi; ++t) {
        verbs += v.IsVerbLike(t) && v.pos(t) != Pos::kAux;
        mark = mark || v.IsQuoteMark(t);
        that = that || v.low[t] == "that" || v.low[t] == "who";
      }
      fs.Add({K, "verbs", Bucket(verbs), side});
      fs.Add({K, "mark", mark ? "1" : "0", that ? "1" : "0", side});
      // Inside another quote's content, or another quote's source.
      bool in_other = false, src_other = false;
      const uint32_t cb = toks[sp.b].begin, ce = toks[sp.e].end;
      for (uint32_t o : near[s]) {
        if (o == qi) continue;
        const ByteSpan os = quotes[o].span;
        in_other = in_other || (os.begin <= cb && ce <= os.end);
        const ByteSpan fs2 = frames[o].source;
        src_other =
            src_other || (!fs2.empty() && fs2.begin < ce && cb < fs2.end);
      }
      fs.Add({K, "inother", in_other ? "1" : "0"});
      fs.Add({K, "srcother", src_other ? "1" : "0"});
      fs.Add({K, "headcue", pron || hp == Pos::kNoun ? head : Shape(head),
              cue_lem});
      if (!c.rule) fs.Add({"other", "rule", rule_had ? "1" : "0"});
      choice.candidates.push_back(std::move(c));
    }
    out.push_back(std::move(choice));
  }
  return out;
}

Result<std::shared_ptr<const SourceRanker>> SourceRanker::Parse(
    std::string_view tsv) {
  SYN_ASSIGN_OR_RETURN(WeightsFile f, ParseWeightsFile(tsv, kHeader, "quote-sources model",
                                                       &SourceFeatureHash, {}));
  return FromWeights(std::move(f.weights));
}

std::shared_ptr<const SourceRanker> SourceRanker::FromWeights(
    std::unordered_map<uint64_t, float> weights) {
  auto r = std::make_shared<SourceRanker>();
  r->weights_ = std::move(weights);
  return r;
}

float SourceRanker::Score(const SourceCandidate& c) const {
  float s = 0;
  for (uint64_t f : c.features) {
    auto it = weights_.find(f);
    if (it != weights_.end()) s += it->second;
  }
  return s;
}

size_t SourceRanker::Best(const SourceChoice& choice) const {
  size_t best = 0;
  float best_score = 0;
  for (size_t i = 0; i < choice.candidates.size(); ++i) {
    const float s = Score(choice.candidates[i]);
    if (i == 0 || s > best_score) {
      best = i;
      best_score = s;
    }
  }
  return best;
}

void RerankSources(const DocView& v, const SourceRanker& ranker,
                   const SourceChoiceOptions& options,
                   std::vector<Quote>* quotes,
                   std::vector<QuoteFrame>* frames) {
  const std::vector<SourceChoice> choices =
      SourceChoices(v, *quotes, *frames, options);
  const auto& toks = v.a->tokens;
  std::vector<bool> changed(quotes->size(), false);
  for (const SourceChoice& ch : choices) {
    const SourceCandidate& c = ch.candidates[ranker.Best(ch)];
    if (c.rule) continue;
    changed[ch.quote] = true;
    Quote& q = (*quotes)[ch.quote];
    QuoteFrame& f = (*frames)[ch.quote];
    q.speaker = -1;
    q.speaker_text.clear();
    if (c.none) {
      f.source = {};
    } else {
      f.source = {toks[c.first].begin, toks[c.last].end};
      const uint32_t s = v.tok_sentence[c.last];
      const Speaker sp = v.SpeakerAt(c.last, v.sentences[s].first_token,
                                     v.sentences[s].end_token);
      if (sp.found && sp.entity >= 0) {
        q.speaker = sp.entity;
      } else {
        q.speaker_text = std::string(v.Text(c.first, c.last));
      }
    }
  }
  // The quotes continuing a changed one carry its speaker (one pass: a
  // continuation comes after the quote it continues).
  for (size_t k = 0; k < quotes->size(); ++k) {
    const int32_t c = (*frames)[k].continues;
    if (c < 0 || static_cast<size_t>(c) >= k || !changed[c]) continue;
    changed[k] = true;
    (*quotes)[k].speaker = (*quotes)[c].speaker;
    (*quotes)[k].speaker_text = (*quotes)[c].speaker_text;
  }
}

}  // namespace synoptic::events::internal
