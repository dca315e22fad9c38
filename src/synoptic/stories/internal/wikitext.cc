#include "synoptic/stories/internal/wikitext.h"

#include <cstdio>
#include <string>

namespace synoptic::stories::internal {

std::string PlainWikitext(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 2, "{{") == 0) {
      const size_t end = s.find("}}", i);
      if (end == std::string_view::npos) break;
      const std::string_view inner = s.substr(i + 2, end - i - 2);
      if (inner.substr(0, 2) == "w|") out += inner.substr(inner.rfind('|') + 1);
      i = end + 2;
    } else if (s.compare(i, 2, "[[") == 0) {
      const size_t end = s.find("]]", i);
      if (end == std::string_view::npos) break;
      const std::string_view inner = s.substr(i + 2, end - i - 2);
      const size_t bar = inner.rfind('|');
      if (bar != std::string_view::npos) {
        out += inner.substr(bar + 1);
      } else if (inner.find(':') == std::string_view::npos) {
        out += inner;
      }
      i = end + 2;
    } else if (s.compare(i, 2, "''") == 0) {
      i += 2;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string WikiDate(std::string_view s) {
  static constexpr std::string_view kMonths[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const size_t p = s.find("{{date|");
  if (p == std::string_view::npos) return "";
  for (int m = 0; m < 12; ++m) {
    const std::string_view month = kMonths[m];
    if (s.compare(p + 7, month.size(), month) != 0) continue;
    // " D, YYYY}}"
    const std::string rest(s.substr(p + 7 + month.size(), 16));
    int day = 0, year = 0;
    if (std::sscanf(rest.c_str(), " %d, %d", &day, &year) == 2) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m + 1, day);
      return buf;
    }
  }
  return "";
}

}  // namespace synoptic::stories::internal
