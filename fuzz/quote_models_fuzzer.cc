// Fuzzes the readers of the learned quote models (quotes_cues.tsv,
// quotes_sources.tsv): damaged or hostile files must be refused with a
// Status, never crash; a file that loads must give a cue probability in
// [0, 1] and a best source candidate among those offered. Each input is
// tried as a whole file and behind each model's header, so that the fuzzer
// reaches the row reader.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/events/internal/cue_model.h"
#include "synoptic/events/internal/source_ranker.h"

namespace {

using synoptic::events::internal::CueFeatureHash;
using synoptic::events::internal::CueModel;
using synoptic::events::internal::SourceCandidate;
using synoptic::events::internal::SourceChoice;
using synoptic::events::internal::SourceFeatureHash;
using synoptic::events::internal::SourceRanker;

void Check(std::string_view bytes) {
  if (auto m = CueModel::Parse(bytes); m.ok()) {
    const double t = (*m)->threshold();
    if (!(t > 0 && t <= 1)) std::abort();
    const std::vector<uint64_t> f = {CueFeatureHash("w|said"),
                                     CueFeatureHash("lem|say")};
    const double p = (*m)->Probability(f);
    if (!(p >= 0 && p <= 1) || std::isnan(p)) std::abort();
  }
  if (auto r = SourceRanker::Parse(bytes); r.ok()) {
    SourceChoice c;
    c.candidates.resize(3);
    c.candidates[0].none = true;
    c.candidates[1].features = {SourceFeatureHash("any|hpos|PROPN|side|B")};
    c.candidates[2].features = {SourceFeatureHash("any|hpos|NOUN|side|A")};
    if ((*r)->Best(c) >= c.candidates.size()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  Check(in);
  for (const char* header :
       {"# synoptic quote-cues v1\n", "# synoptic quote-sources v1\n"}) {
    std::string file = header;
    file += in;
    Check(file);
  }
  return 0;
}
