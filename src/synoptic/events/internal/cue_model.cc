// The learned cue detector (see cue_model.h). Features are hashed strings
// (Hash64), so a model file stays readable.
#include "synoptic/events/internal/cue_model.h"

#include <cmath>
#include <initializer_list>

#include "synoptic/core/hash.h"
#include "synoptic/events/internal/weights_file.h"

namespace synoptic::events::internal {
namespace {

constexpr std::string_view kHeader = "# synoptic quote-cues v1";

const char* Place(uint32_t d) {
  return d == 0    ? "0"
         : d <= 2  ? "1-2"
         : d <= 6  ? "3-6"
         : d <= 12 ? "7-12"
                   : "13+";
}

bool IsSubjectWord(std::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "we" || w == "i" ||
         w == "who" || w == "you" || w == "it";
}

}  // namespace

uint64_t CueFeatureHash(std::string_view feature) {
  return Hash64(feature, 0xc0e5u);
}

void CueFeatures(const DocView& v, uint32_t i, uint32_t sf, uint32_t se,
                 std::string* buf, std::vector<uint64_t>* hashes,
                 std::vector<std::string>* names) {
  auto add = [&](std::initializer_list<std::string_view> parts) {
    buf->clear();
    for (std::string_view p : parts) {
      if (!buf->empty()) *buf += '|';
      *buf += p;
    }
    hashes->push_back(CueFeatureHash(*buf));
    if (names != nullptr) names->push_back(*buf);
  };
  auto word = [&](int64_t k) -> std::string_view {
    if (k < static_cast<int64_t>(sf)) return "<s>";
    if (k >= static_cast<int64_t>(se)) return "</s>";
    if (v.tok_mention[k] >= 0) return "<M>";
    return v.low[k];
  };
  auto tag = [&](int64_t k) -> std::string_view {
    if (k < static_cast<int64_t>(sf)) return "<s>";
    if (k >= static_cast<int64_t>(se)) return "</s>";
    return PosName(v.pos(static_cast<uint32_t>(k)));
  };
  const std::string_view lem = v.lem[i];
  add({"bias"});
  add({"w", v.low[i]});
  add({"l", lem});
  add({"n1", word(i + 1)});
  add({"t1", tag(i + 1)});
  add({"l+n1", lem, word(i + 1)});
  add({"l+n12", lem, word(i + 1), word(i + 2)});
  add({"l+t1", lem, tag(i + 1)});
  add({"p1", word(int64_t{i} - 1)});
  add({"tp1", tag(int64_t{i} - 1)});
  add({"l+p1", lem, word(int64_t{i} - 1)});
  // What follows within the clause: a complementizer, a quotation, a colon.
  bool that = false, quote = false, colon = false, to = false;
  for (uint32_t k = i + 1; k < se && k < i + 8; ++k) {
    that = that || v.low[k] == "that";
    to = to || (v.low[k] == "to" && k + 1 < se && v.IsVerbLike(k + 1));
    colon = colon || v.low[k] == ":";
    quote = quote || v.IsQuoteMark(k);
  }
  add({"that", that ? "1" : "0"});
  add({"l+that", lem, that ? "1" : "0"});
  add({"quote", quote ? "1" : "0"});
  add({"l+quote", lem, quote ? "1" : "0"});
  add({"colon", colon ? "1" : "0"});
  add({"to", to ? "1" : "0"});
  // Who stands before it: an actor mention or a subject pronoun near by.
  std::string_view subj = "none";
  for (uint32_t k = i; k > sf && k + 4 > i;) {
    --k;
    if (v.tok_mention[k] >= 0 && v.IsActorMention(v.tok_mention[k])) {
      subj = "actor";
      break;
    }
    if (IsSubjectWord(v.low[k])) {
      subj = v.low[k] == "it" ? "it" : "pron";
      break;
    }
  }
  add({"subj", subj});
  add({"l+subj", lem, subj});
  add({"place", Place(i - sf)});
  add({"left", Place(se - i - 1)});
  const std::string_view w = v.low[i];
  add({"suf", w.size() > 2 ? w.substr(w.size() - 2) : w});
}

Result<std::shared_ptr<const CueModel>> CueModel::Parse(std::string_view tsv) {
  SYN_ASSIGN_OR_RETURN(WeightsFile f, ParseWeightsFile(tsv, kHeader, "quote-cues model",
                                                       &CueFeatureHash, {"threshold"}));
  const auto t = f.scalars.find("threshold");
  if (t == f.scalars.end()) {
    return Status(StatusCode::kCorrupt, "quote-cues model: no threshold row");
  }
  if (!(t->second > 0 && t->second <= 1)) {
    return Status(StatusCode::kCorrupt, "quote-cues model: bad threshold");
  }
  return FromWeights(std::move(f.weights), t->second);
}

std::shared_ptr<const CueModel> CueModel::FromWeights(
    std::unordered_map<uint64_t, float> weights, double threshold) {
  auto m = std::make_shared<CueModel>();
  m->weights_ = std::move(weights);
  m->threshold_ = threshold;
  return m;
}

double CueModel::Probability(const std::vector<uint64_t>& features) const {
  double s = 0;
  for (uint64_t f : features) {
    auto it = weights_.find(f);
    if (it != weights_.end()) s += it->second;
  }
  return 1.0 / (1.0 + std::exp(-s));
}

}  // namespace synoptic::events::internal
