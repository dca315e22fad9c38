// Small text helpers shared by the HTML and plain-text extractors.
// Pure functions on UTF-8 input; safe from any thread.
#ifndef SYNOPTIC_EXTRACT_INTERNAL_TEXT_UTIL_H_
#define SYNOPTIC_EXTRACT_INTERNAL_TEXT_UTIL_H_

#include <string>
#include <string_view>

namespace synoptic::extract::internal {

// Appends `in` to *out collapsing every run of white space (ASCII, NBSP and
// the Unicode space separators) into one ASCII space. *pending_space carries
// a space across calls so that text split over several DOM nodes joins
// correctly; a leading space is never written into an empty *out.
void AppendCollapsed(std::string_view in, std::string* out,
                     bool* pending_space);

// `s` without leading/trailing ASCII or Unicode white space.
std::string_view Trim(std::string_view s);

// NFC normalisation through ICU. Input must be valid UTF-8.
std::string ToNfc(std::string_view s);

// Code points in valid UTF-8 (fast, no validation).
size_t CharCount(std::string_view s);

// ASCII-case-insensitive helpers.
char AsciiLower(char c);
bool EqualsCi(std::string_view a, std::string_view b);
bool StartsWithCi(std::string_view s, std::string_view prefix);
bool ContainsCi(std::string_view s, std::string_view needle);
std::string LowerAscii(std::string_view s);

// utf8::IsValid(s) && no NUL byte, with an ASCII fast path (8 bytes a step;
// only runs of non-ASCII bytes go through the full check).
bool IsValidUtf8NoNul(std::string_view s);

// Lower-cased letters and digits only, single spaces between words: a key to
// compare lines and titles ("Kim's Visit - Live!" -> "kim s visit live").
std::string NormKey(std::string_view s);

// Text shape features used by both extractors.
struct TextShape {
  int chars = 0;  // code points
  int words = 0;  // runs of letters/digits
  int cap_words =
      0;  // words starting with an upper-case ASCII or non-ASCII letter
  int sentences = 0;  // sentence ends (. ! ? ...) followed by space or end
  int commas = 0;
  bool ends_terminal =
      false;  // last visible char is . ! ? ... (before closing quotes)
  bool ends_question = false;
  bool has_digit = false;
};
TextShape ShapeOf(std::string_view s);

}  // namespace synoptic::extract::internal

#endif  // SYNOPTIC_EXTRACT_INTERNAL_TEXT_UTIL_H_
