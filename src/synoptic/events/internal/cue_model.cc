// The learned cue detector (see cue_model.h). Features are hashed strings
// (Hash64), so a model file stays readable.
#include "synoptic/events/internal/cue_model.h"

#include <charconv>
#include <cmath>
#include <initializer_list>

#include "synoptic/core/hash.h"

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
  size_t pos = 0, line_no = 0, rows = 0;
  bool header = false;
  int64_t declared = -1;
  double threshold = -1;
  std::unordered_map<uint64_t, float> w;
  auto corrupt = [&](std::string what) {
    return Status(StatusCode::kCorrupt, "quote-cues model: " + what);
  };
  while (pos < tsv.size()) {
    size_t e = tsv.find('\n', pos);
    if (e == std::string_view::npos) e = tsv.size();
    std::string_view line = tsv.substr(pos, e - pos);
    pos = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1) {
      if (line != kHeader)
        return Status(StatusCode::kNotSupported,
                      "quote-cues model: unknown header");
      header = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (declared >= 0)
      return corrupt("rows after the count, line " + std::to_string(line_no));
    const size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0)
      return corrupt("line " + std::to_string(line_no));
    const std::string_view key = line.substr(0, tab);
    const std::string_view val = line.substr(tab + 1);
    const char* end = val.data() + val.size();
    if (key == "rows") {
      int64_t n = 0;
      auto r = std::from_chars(val.data(), end, n);
      if (r.ec != std::errc() || r.ptr != end) return corrupt("bad count");
      declared = n;
      continue;
    }
    if (key == "threshold") {
      double t = 0;
      auto r = std::from_chars(val.data(), end, t);
      if (r.ec != std::errc() || r.ptr != end || !(t > 0 && t <= 1))
        return corrupt("bad threshold");
      threshold = t;
      continue;
    }
    int32_t milli = 0;
    auto r = std::from_chars(val.data(), end, milli);
    if (r.ec != std::errc() || r.ptr != end)
      return corrupt("line " + std::to_string(line_no));
    w[CueFeatureHash(key)] += static_cast<float>(milli) / 1000.0f;
    ++rows;
  }
  if (!header)
    return Status(StatusCode::kNotSupported, "quote-cues model: empty");
  if (threshold < 0) return corrupt("no threshold row");
  if (declared != static_cast<int64_t>(rows))
    return corrupt("row count does not match (truncated?)");
  return FromWeights(std::move(w), threshold);
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
