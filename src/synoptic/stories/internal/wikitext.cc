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

namespace {

// "Month D, YYYY" at s[p], as "YYYY-MM-DD"; empty when it is not one.
std::string MonthDayYear(std::string_view s, size_t p) {
  static constexpr std::string_view kMonths[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  for (int m = 0; m < 12; ++m) {
    const std::string_view month = kMonths[m];
    if (s.compare(p, month.size(), month) != 0) continue;
    // " D, YYYY"
    const std::string rest(s.substr(p + month.size(), 16));
    int day = 0, year = 0;
    if (std::sscanf(rest.c_str(), " %d, %d", &day, &year) == 2 && day >= 1 &&
        day <= 31 && year >= 1000 && year <= 9999) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m + 1, day);
      return buf;
    }
  }
  return "";
}

}  // namespace

std::string WikiDate(std::string_view s) {
  const size_t p = s.find("{{date|");
  if (p != std::string_view::npos) return MonthDayYear(s, p + 7);
  // Older stories open with the date in bold on a line of its own:
  // '''December 28, 2004'''.
  constexpr std::string_view kBold = "'''";
  for (size_t at = 0; at < s.size();) {
    if (s.compare(at, kBold.size(), kBold) == 0) {
      std::string d = MonthDayYear(s, at + kBold.size());
      if (!d.empty()) return d;
    }
    const size_t nl = s.find('\n', at);
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return "";
}

}  // namespace synoptic::stories::internal
