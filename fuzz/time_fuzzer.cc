// Fuzzes the TIMEX3 tagger on arbitrary text, with and without an anchor
// date, in English and in a language with foreign month names chosen by the
// first byte: it must never crash, and every span must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "synoptic/core/utf8.h"
#include "synoptic/time/timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  const std::string text = synoptic::utf8::Sanitize(
      std::string_view(reinterpret_cast<const char*>(data), size), nullptr);
  static constexpr const char* kLanguages[] = {"fr", "de", "es", "pl",
                                                "ru", "pt", "cs", "el"};
  synoptic::time::TimeOptions foreign;
  foreign.language = kLanguages[size > 0 ? data[0] % 8 : 0];
  for (const auto& anchor :
       {std::optional<synoptic::civil::Date>(),
        std::optional<synoptic::civil::Date>(synoptic::civil::Date{2024, 2, 29})}) {
    auto times = synoptic::time::TagText(text, anchor, synoptic::time::TimeOptions{});
    const auto more = synoptic::time::TagText(text, anchor, foreign);
    times.insert(times.end(), more.begin(), more.end());
    for (const auto& t : times) {
      if (t.span.begin > t.span.end || t.span.end > text.size() || t.value.empty()) {
        std::abort();
      }
    }
  }
  return 0;
}
