// Lazy per-sentence dependency parses for the event coder. The parser wants
// the UPOS of the tagger it was trained with (pos_en.bin, jackknifed into
// its training data), not the lexicon rules' Token::pos, so each parsed
// sentence is tagged first; both run at roughly 70k words/s per core, which
// is why the coder asks only for sentences that can give an event.
#include "synoptic/events/internal/dep_view.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "synoptic/events/internal/doc_view.h"

namespace synoptic::events::internal {
namespace {

Rel RelOf(std::string_view name) {
  static constexpr std::pair<std::string_view, Rel> kRels[] = {
      {"root", Rel::kRoot},
      {"nsubj", Rel::kNsubj},
      {"nsubj:pass", Rel::kNsubjPass},
      {"csubj", Rel::kCsubj},
      {"obj", Rel::kObj},
      {"iobj", Rel::kIobj},
      {"obl", Rel::kObl},
      {"obl:agent", Rel::kOblAgent},
      {"nmod", Rel::kNmod},
      {"nmod:poss", Rel::kNmodPoss},
      {"amod", Rel::kAmod},
      {"compound", Rel::kCompound},
      {"appos", Rel::kAppos},
      {"conj", Rel::kConj},
      {"cc", Rel::kCc},
      {"case", Rel::kCase},
      {"xcomp", Rel::kXcomp},
      {"ccomp", Rel::kCcomp},
      {"advcl", Rel::kAdvcl},
      {"acl", Rel::kAcl},
      {"acl:relcl", Rel::kAclRelcl},
      {"aux", Rel::kAux},
      {"aux:pass", Rel::kAuxPass},
      {"mark", Rel::kMark},
  };
  for (const auto& [n, r] : kRels) {
    if (n == name) return r;
  }
  // Other subtypes ("obl:tmod", "nmod:npmod") are no actor relations.
  return Rel::kOther;
}

}  // namespace

Result<std::shared_ptr<const ParseModels>> LoadParseModels(
    Env* env, const std::string& models_dir) {
  const std::string dir = models_dir.empty() ? "." : models_dir;
  auto m = std::make_shared<ParseModels>();
  SYN_ASSIGN_OR_RETURN(m->tagger, nlp::LoadPosModel(env, dir + "/pos_en.bin"));
  SYN_ASSIGN_OR_RETURN(m->parser,
                       nlp::LoadDepModel(env, dir + "/parse_en.bin"));
  for (int id = 0; id < 256; ++id) {
    m->rel[id] = RelOf(nlp::DepLabelName(*m->parser, static_cast<uint8_t>(id)));
  }
  return std::shared_ptr<const ParseModels>(std::move(m));
}

uint32_t LazyParse::DatelineEnd(uint32_t f, uint32_t e) const {
  constexpr uint32_t kMaxDateline = 12;
  const auto& tokens = view_.a->tokens;
  if (!(tokens[f].flags & kTokAllCaps) || f + 1 >= e ||
      view_.low[f + 1] != ",") {
    return f;
  }
  for (uint32_t t = f + 2; t < e && t < f + kMaxDateline; ++t) {
    const std::string_view w = view_.low[t];
    if (w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "--" || w == "-") {
      return t + 1;
    }
  }
  return f;
}

LazyParse::LazyParse(const ParseModels& models, const DocView& view)
    : models_(models), view_(view) {
  const uint32_t n = view.size();
  state_.assign(view.sentences.size(), 0);
  head_.assign(n, 0);
  rel_.assign(n, Rel::kOther);
  upos_.assign(n, Pos::kX);
  kid_first_.assign(n, 0);
  kid_count_.assign(n, 0);
  kids_.assign(n, 0);
}

bool LazyParse::Ensure(uint32_t si) {
  if (si >= state_.size()) return false;
  if (state_[si] != 0) return state_[si] == 1;
  state_[si] = 2;
  const Sentence& s = view_.sentences[si];
  uint32_t f = s.first_token;
  const uint32_t e = s.end_token;
  if (e <= f || e - f > kMaxWords) return false;
  // A dateline ("MOSCOW, March 21 (Wire) – ...") is no part of the clause;
  // parsed with it, the place name becomes the verb's subject. Its tokens
  // stay unattached (their own heads, no relation).
  const uint32_t dateline = DatelineEnd(f, e);
  for (uint32_t t = f; t < dateline; ++t) {
    head_[t] = t;
    rel_[t] = Rel::kOther;
    kid_first_[t] = 0;
    kid_count_[t] = 0;
  }
  f = dateline;
  if (f >= e) return false;
  const uint32_t n = e - f;
  const std::string_view text(view_.a->doc.text);
  words_.clear();
  for (uint32_t t = f; t < e; ++t) {
    const Token& tok = view_.a->tokens[t];
    const uint32_t b =
        std::min<uint32_t>(tok.begin, static_cast<uint32_t>(text.size()));
    const uint32_t en = std::min<uint32_t>(std::max(tok.end, b),
                                           static_cast<uint32_t>(text.size()));
    words_.push_back(text.substr(b, en - b));
  }
  std::span<Pos> tags(upos_.data() + f, n);
  nlp::TagWords(*models_.tagger, words_, tags);
  heads_.assign(n, 0);
  labels_.assign(n, 0);
  nlp::Parse(*models_.parser, words_, tags, nlp::DepParseOptions(), &ws_,
             heads_, labels_);
  for (uint32_t i = 0; i < n; ++i) {
    head_[f + i] = f + std::min(heads_[i], n - 1);
    rel_[f + i] = models_.rel[labels_[i]];
    kid_count_[f + i] = 0;
  }
  // Children lists: counting sort by head, kept in text order, inside the
  // sentence's own slice of kids_ (a sentence has fewer arcs than words).
  for (uint32_t t = f; t < e; ++t) {
    if (head_[t] != t) ++kid_count_[head_[t]];
  }
  uint32_t at = f;
  for (uint32_t t = f; t < e; ++t) {
    kid_first_[t] = at;
    at += kid_count_[t];
    kid_count_[t] = 0;
  }
  for (uint32_t t = f; t < e; ++t) {
    const uint32_t h = head_[t];
    if (h == t) continue;
    kids_[kid_first_[h] + kid_count_[h]++] = t;
  }
  state_[si] = 1;
  ++parsed_count_;
  return true;
}

}  // namespace synoptic::events::internal
