// Language identification: the cld2 adapter (the only file including it).
// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
// clang-format off
#include <cld2/public/compact_lang_det.h>
// clang-format on

#include <algorithm>
#include <string>

#include "synoptic/extract/extract.h"

namespace synoptic::extract {

std::string DetectLanguage(std::string_view utf8_text, bool is_plain_text) {
  // 16 KB of running text identify a language as well as the whole of it;
  // cap the work, cutting on a code point boundary.
  size_t n = std::min<size_t>(utf8_text.size(), 16 * 1024);
  while (n > 0 && n < utf8_text.size() &&
         (static_cast<unsigned char>(utf8_text[n]) & 0xC0) == 0x80) {
    --n;
  }
  if (n < 20) return "und";
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(
      utf8_text.data(), static_cast<int>(n), is_plain_text, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return "und";
  std::string code = CLD2::LanguageCode(lang);
  // cld2 uses a few legacy and regional codes.
  size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code.size() != 2) return "und";
  return code;
}

}  // namespace synoptic::extract
