// The dependency parse as the event coder sees it: loaded models (the UPOS
// tagger the parser was trained with, and the parser), and a per-document,
// lazily filled parse that the coder asks for only in sentences where it
// needs arguments (a trigger matched and an actor is mentioned).
//
// ParseModels is immutable after loading and shared read-only by all threads
// (held by the EventLexicon). A LazyParse belongs to one document and one
// thread; it keeps its own workspace and per-token buffers, sized once per
// document. It tags with the parser's tagger and never touches Token::pos,
// which the positional rules are tuned to.
#ifndef SYNOPTIC_EVENTS_INTERNAL_DEP_VIEW_H_
#define SYNOPTIC_EVENTS_INTERNAL_DEP_VIEW_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/nlp/dep_parser.h"
#include "synoptic/nlp/pos_model.h"

namespace synoptic::events::internal {

struct DocView;

// The relations the argument finder reads; every other label is kOther.
enum class Rel : uint8_t {
  kOther,
  kRoot,
  kNsubj,
  kNsubjPass,
  kCsubj,
  kObj,
  kIobj,
  kObl,
  kOblAgent,
  kNmod,
  kNmodPoss,
  kAmod,
  kCompound,
  kAppos,
  kConj,
  kCc,
  kCase,
  kXcomp,
  kCcomp,
  kAdvcl,
  kAcl,
  kAclRelcl,
  kAux,
  kAuxPass,
  kMark,
};

struct ParseModels {
  std::shared_ptr<const nlp::PosModel> tagger;
  std::shared_ptr<const nlp::DepModel> parser;
  std::array<Rel, 256> rel{};  // label id -> Rel
};

// Loads models_dir/pos_en.bin and models_dir/parse_en.bin. kNotFound when
// either is absent, other codes as their loaders.
Result<std::shared_ptr<const ParseModels>> LoadParseModels(
    Env* env, const std::string& models_dir);

class LazyParse {
 public:
  // `models` and `view` must outlive this object.
  LazyParse(const ParseModels& models, const DocView& view);

  // Parses sentence `si` of the view unless already done. Sentences longer
  // than max_words are not parsed (returns false); so is an empty one.
  bool Ensure(uint32_t si);
  bool Parsed(uint32_t si) const { return state_[si] == 1; }

  // Valid for tokens of parsed sentences only. head(t) == t for the root.
  uint32_t head(uint32_t t) const { return head_[t]; }
  Rel rel(uint32_t t) const { return rel_[t]; }
  // Dependents of t in text order (a span into the buffer).
  const uint32_t* kids_begin(uint32_t t) const {
    return kids_.data() + kid_first_[t];
  }
  const uint32_t* kids_end(uint32_t t) const {
    return kids_.data() + kid_first_[t] + kid_count_[t];
  }
  Pos upos(uint32_t t) const { return upos_[t]; }

  size_t sentences_parsed() const { return parsed_count_; }

  static constexpr uint32_t kMaxWords = 250;

 private:
  // First token after a dateline opening sentence [f, e), else f.
  uint32_t DatelineEnd(uint32_t f, uint32_t e) const;

  const ParseModels& models_;
  const DocView& view_;
  nlp::DepWorkspace ws_;
  std::vector<uint8_t> state_;  // per sentence: 0 not tried, 1 parsed, 2 no
  std::vector<uint32_t> head_;
  std::vector<Rel> rel_;
  std::vector<Pos> upos_;
  std::vector<uint32_t> kid_first_, kid_count_;
  std::vector<uint32_t> kids_;
  // Per-sentence scratch, reused.
  std::vector<std::string_view> words_;
  std::vector<uint32_t> heads_;
  std::vector<uint8_t> labels_;
  size_t parsed_count_ = 0;
};

}  // namespace synoptic::events::internal

#endif  // SYNOPTIC_EVENTS_INTERNAL_DEP_VIEW_H_
