// The readable weights files of the learned quote models (quotes_cues.tsv,
// quotes_sources.tsv): a version header on the first line, '#' comment
// lines, one `feature<TAB>weight` row per feature with the weight in
// thousandths, optional named scalar rows (`threshold<TAB>0.4`) and a
// closing `rows<TAB>count` that makes a truncated file an error.
#ifndef SYNOPTIC_EVENTS_INTERNAL_WEIGHTS_FILE_H_
#define SYNOPTIC_EVENTS_INTERNAL_WEIGHTS_FILE_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "synoptic/core/status.h"

namespace synoptic::events::internal {

struct WeightsFile {
  std::unordered_map<uint64_t, float> weights;  // feature hash -> weight
  std::map<std::string, double, std::less<>> scalars;  // named rows given
};

// Parses `tsv`. `what` names the model in errors ("quote-cues model");
// `hash` maps a feature string to its key; `scalars` are the row names read
// as numbers rather than features. kNotSupported for a missing or unknown
// header, kCorrupt (with the line) for a malformed row, rows after the
// count, or a count that does not match.
Result<WeightsFile> ParseWeightsFile(std::string_view tsv,
                                     std::string_view header,
                                     std::string_view what,
                                     uint64_t (*hash)(std::string_view),
                                     std::initializer_list<std::string_view> scalars);

}  // namespace synoptic::events::internal

#endif  // SYNOPTIC_EVENTS_INTERNAL_WEIGHTS_FILE_H_
