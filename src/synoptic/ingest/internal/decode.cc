// Decoding order (mirrors what browsers do, minus their quirks tables):
// a byte order mark wins; then the declared charset (HTTP header, record
// field, then <meta>); then bytes that already are valid UTF-8 are taken as
// UTF-8; then uchardet guesses. Declarations of Latin-1 or ASCII on bytes
// that are valid, non-ASCII UTF-8 are treated as the lie they usually are.
#include "synoptic/ingest/internal/decode.h"

#include <uchardet.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <memory>

#include "synoptic/core/utf8.h"

namespace synoptic::ingest::internal {
namespace {

constexpr size_t kMetaScanBytes = 4096;
constexpr size_t kDetectBytes = size_t{64} << 10;

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsCharsetChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':' || c == '+';
}

// Reads a charset token after "charset" at s[pos]: optional spaces, '=',
// optional quote.
std::string TokenAfterCharset(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() &&
         (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '"' || s[pos] == '\'')) {
    ++pos;
  }
  size_t end = pos;
  while (end < s.size() && IsCharsetChar(s[end])) ++end;
  return std::string(s.substr(pos, end - pos));
}

size_t FindCaseless(std::string_view hay, std::string_view needle,
                    size_t from) {
  if (needle.empty() || hay.size() < needle.size())
    return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t j = 0;
    while (j < needle.size() && Lower(hay[i + j]) == needle[j]) ++j;
    if (j == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
}

// Normalises a label and maps the ones browsers treat as aliases of a
// superset (ISO-8859-1 and ASCII are decoded as windows-1252 on the web).
std::string NormalizeLabel(std::string_view label) {
  while (!label.empty() && (label.front() == ' ' || label.front() == '"' ||
                            label.front() == '\'')) {
    label.remove_prefix(1);
  }
  while (!label.empty() && (label.back() == ' ' || label.back() == '"' ||
                            label.back() == '\'' || label.back() == ';')) {
    label.remove_suffix(1);
  }
  std::string l = LowerAscii(label);
  if (l == "utf8" || l == "unicode-1-1-utf-8") return "utf-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" ||
      l == "us-ascii" || l == "ascii" || l == "iso_8859-1" || l == "cp1252") {
    return "windows-1252";
  }
  if (l == "iso-8859-9" || l == "latin5") return "windows-1254";
  if (l == "tis-620" || l == "iso-8859-11") return "windows-874";
  if (l == "gb2312" || l == "x-gbk" || l == "gb_2312-80") return "gbk";
  if (l == "ks_c_5601-1987" || l == "euc-kr" || l == "korean" || l == "uhc" ||
      l == "cp949") {
    return "windows-949";  // the superset browsers use for all of these
  }
  if (l == "x-sjis" || l == "sjis" || l == "ms_kanji" || l == "shift-jis") {
    return "shift_jis";
  }
  return l;
}

bool IsUtf8Label(std::string_view l) { return l == "utf-8"; }
bool IsWideLabel(std::string_view l) {
  return l.rfind("utf-16", 0) == 0 || l.rfind("utf-32", 0) == 0 ||
         l == "ucs-2" || l == "unicode";
}
// Charsets whose ASCII range is not plain ASCII.
bool IsStatefulLabel(std::string_view l) {
  return l.rfind("iso-2022", 0) == 0 || l == "utf-7" || l == "hz-gb-2312" ||
         IsWideLabel(l);
}

std::string SanitizeOwned(std::string&& s) {
  if (utf8::IsValid(s)) return std::move(s);
  return utf8::Sanitize(s, nullptr);
}

std::string Detect(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> ud(
      uchardet_new(), uchardet_delete);
  if (!ud) return "";
  const std::string_view sample = bytes.substr(0, kDetectBytes);
  if (uchardet_handle_data(ud.get(), sample.data(), sample.size()) != 0)
    return "";
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  return name != nullptr ? std::string(name) : std::string();
}

}  // namespace

std::string_view BomCharset(std::string_view b, size_t* bom_len) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  *bom_len = 0;
  if (b.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) {
    *bom_len = 3;
    return "UTF-8";
  }
  if (b.size() >= 4 && at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 &&
      at(3) == 0) {
    *bom_len = 4;
    return "UTF-32LE";
  }
  if (b.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0xFE &&
      at(3) == 0xFF) {
    *bom_len = 4;
    return "UTF-32BE";
  }
  if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) {
    *bom_len = 2;
    return "UTF-16LE";
  }
  if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) {
    *bom_len = 2;
    return "UTF-16BE";
  }
  return "";
}

std::string MetaCharset(std::string_view html) {
  html = html.substr(0, kMetaScanBytes);
  size_t pos = 0;
  while ((pos = FindCaseless(html, "<meta", pos)) != std::string_view::npos) {
    const size_t end = html.find('>', pos);
    const std::string_view tag = html.substr(
        pos, end == std::string_view::npos ? html.size() - pos : end - pos);
    size_t c = 0;
    while ((c = FindCaseless(tag, "charset", c)) != std::string_view::npos) {
      std::string token = TokenAfterCharset(tag, c + 7);
      if (!token.empty()) return token;
      c += 7;
    }
    if (end == std::string_view::npos) break;
    pos = end;
  }
  return "";
}

std::string CharsetParam(std::string_view content_type) {
  size_t c = 0;
  while ((c = FindCaseless(content_type, "charset", c)) !=
         std::string_view::npos) {
    std::string token = TokenAfterCharset(content_type, c + 7);
    if (!token.empty()) return token;
    c += 7;
  }
  return "";
}

bool ConvertWithIcu(std::string_view bytes, std::string_view charset,
                    std::string* out, std::string* canonical) {
  UErrorCode err = U_ZERO_ERROR;
  const std::string name(charset);
  UConverter* src = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || src == nullptr) return false;
  err = U_ZERO_ERROR;
  UConverter* dst = ucnv_open("UTF-8", &err);
  if (U_FAILURE(err) || dst == nullptr) {
    ucnv_close(src);
    return false;
  }
  const char* icu_name = ucnv_getName(src, &err);
  if (canonical != nullptr) {
    const char* std_name = nullptr;
    for (const char* standard : {"MIME", "IANA"}) {
      UErrorCode e2 = U_ZERO_ERROR;
      std_name = ucnv_getStandardName(icu_name, standard, &e2);
      if (U_SUCCESS(e2) && std_name != nullptr) break;
      std_name = nullptr;
    }
    *canonical = std_name != nullptr ? std_name : name;
  }
  out->clear();
  out->resize(bytes.size() * 3 + 16);
  std::array<UChar, 1024> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  size_t written = 0;
  bool reset = true;
  for (;;) {
    char* target = out->data() + written;
    err = U_ZERO_ERROR;
    ucnv_convertEx(dst, src, &target, out->data() + out->size(), &source,
                   source_limit, pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), reset, /*flush=*/true, &err);
    reset = false;
    written = static_cast<size_t>(target - out->data());
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      out->resize(out->size() * 2);
      continue;
    }
    break;
  }
  ucnv_close(src);
  ucnv_close(dst);
  if (U_FAILURE(err)) return false;
  out->resize(written);
  // Single-byte converters substitute unmapped bytes with SUB (U+001A).
  std::string cleaned;
  if (out->find('\x1a') != std::string::npos) {
    cleaned.reserve(out->size());
    for (char c : *out) {
      if (c == '\x1a') {
        cleaned += "\xEF\xBF\xBD";
      } else {
        cleaned += c;
      }
    }
    out->swap(cleaned);
  }
  if (!utf8::IsValid(*out)) *out = utf8::Sanitize(*out, nullptr);
  return true;
}

std::string DecodeOwned(std::string&& bytes, std::string_view declared,
                        bool is_html, std::string* used) {
  std::string scratch_used;
  if (used == nullptr) used = &scratch_used;
  size_t bom_len = 0;
  const std::string_view bom = BomCharset(bytes, &bom_len);
  if (bom == "UTF-8") {
    bytes.erase(0, bom_len);
    *used = "UTF-8";
    return SanitizeOwned(std::move(bytes));
  }
  std::string out;
  if (!bom.empty()) {
    if (ConvertWithIcu(std::string_view(bytes).substr(bom_len), bom, &out,
                       nullptr)) {
      *used = std::string(bom);
      return out;
    }
  }
  const bool valid = utf8::IsValid(bytes);
  std::string candidates[2] = {
      NormalizeLabel(declared),
      is_html ? NormalizeLabel(MetaCharset(bytes)) : ""};
  for (int i = 0; i < 2; ++i) {
    const std::string& label = candidates[i];
    if (label.empty()) continue;
    // A <meta> cannot declare UTF-16 for bytes that were readable as ASCII;
    // a header claiming a wide charset for NUL-free bytes is wrong too.
    if (IsWideLabel(label) && std::string_view(bytes).substr(0, 1024).find(
                                  '\0') == std::string_view::npos) {
      continue;
    }
    if (IsUtf8Label(label)) {
      *used = "UTF-8";
      return SanitizeOwned(std::move(bytes));
    }
    if (valid && label == "windows-1252" && !IsAscii(bytes)) {
      *used = "UTF-8";
      return std::move(bytes);
    }
    if (valid && !IsStatefulLabel(label) && IsAscii(bytes)) {
      std::string canonical;
      // Only names ICU knows are reported; the bytes pass through unchanged.
      if (ConvertWithIcu(std::string_view(), label, &out, &canonical)) {
        *used = canonical;
        return std::move(bytes);
      }
      continue;
    }
    if (ConvertWithIcu(bytes, label, &out, used)) return out;
  }
  if (valid) {
    *used = "UTF-8";
    return std::move(bytes);
  }
  std::string guess = NormalizeLabel(Detect(bytes));
  if (guess.empty() || guess == "ascii") guess = "windows-1252";
  if (!IsUtf8Label(guess) && ConvertWithIcu(bytes, guess, &out, used))
    return out;
  *used = "UTF-8";
  return utf8::Sanitize(bytes, nullptr);
}

}  // namespace synoptic::ingest::internal
