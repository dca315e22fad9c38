// Alias normalisation; the actors stage's only ICU adapter. Accents are
// removed by NFD decomposition and dropping combining marks, so "Erdoğan"
// and "Erdogan" share a key.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "synoptic/actors/internal/kb.h"
#include "synoptic/core/utf8.h"

namespace synoptic::actors::internal {

std::string NormalizeKey(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString decomposed;
  if (U_SUCCESS(err)) decomposed = nfd->normalize(in, err);
  if (U_FAILURE(err)) decomposed = in;
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (U_GET_GC_MASK(c) & U_GC_M_MASK) continue;  // combining mark
    if (u_isalnum(c)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      utf8::Append(static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)),
                   &out);
      continue;
    }
    if (c == '.' || c == '\'' || c == 0x2019 || c == 0x2018) continue;
    pending_space = true;
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

}  // namespace synoptic::actors::internal
