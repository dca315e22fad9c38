#include "synoptic/events/internal/weights_file.h"

#include <algorithm>
#include <charconv>

namespace synoptic::events::internal {

Result<WeightsFile> ParseWeightsFile(std::string_view tsv,
                                     std::string_view header,
                                     std::string_view what,
                                     uint64_t (*hash)(std::string_view),
                                     std::initializer_list<std::string_view> scalars) {
  const std::string name(what);
  auto corrupt = [&](const std::string& why) {
    return Status(StatusCode::kCorrupt, name + ": " + why);
  };
  WeightsFile out;
  size_t pos = 0, line_no = 0, rows = 0;
  bool have_header = false;
  int64_t declared = -1;
  while (pos < tsv.size()) {
    size_t e = tsv.find('\n', pos);
    if (e == std::string_view::npos) e = tsv.size();
    std::string_view line = tsv.substr(pos, e - pos);
    pos = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1) {
      if (line != header) return Status(StatusCode::kNotSupported, name + ": unknown header");
      have_header = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (declared >= 0) return corrupt("rows after the count, line " + std::to_string(line_no));
    const size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0) return corrupt("line " + std::to_string(line_no));
    const std::string_view key = line.substr(0, tab);
    const std::string_view val = line.substr(tab + 1);
    const char* end = val.data() + val.size();
    if (key == "rows") {
      int64_t n = 0;
      const auto r = std::from_chars(val.data(), end, n);
      if (r.ec != std::errc() || r.ptr != end) return corrupt("bad count");
      declared = n;
      continue;
    }
    if (std::find(scalars.begin(), scalars.end(), key) != scalars.end()) {
      double x = 0;
      const auto r = std::from_chars(val.data(), end, x);
      if (r.ec != std::errc() || r.ptr != end) return corrupt("bad " + std::string(key));
      out.scalars[std::string(key)] = x;
      continue;
    }
    int32_t milli = 0;
    const auto r = std::from_chars(val.data(), end, milli);
    if (r.ec != std::errc() || r.ptr != end) return corrupt("line " + std::to_string(line_no));
    out.weights[hash(key)] += static_cast<float>(milli) / 1000.0f;
    ++rows;
  }
  if (!have_header) return Status(StatusCode::kNotSupported, name + ": empty");
  if (declared != static_cast<int64_t>(rows)) return corrupt("row count does not match (truncated?)");
  return out;
}

}  // namespace synoptic::events::internal
