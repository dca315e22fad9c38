// Date parsing by a small token matcher: the input is split into numbers,
// words and punctuation, and a handful of orders (Y-M-D, D Month Y,
// Month D Y) are tried at each token, each followed by an optional time and
// zone. Ambiguous numeric forms (03/04/2023) are refused: a missing date is
// better than a wrong one.
#include "synoptic/extract/internal/dates.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

#include "synoptic/extract/internal/text_util.h"

namespace synoptic::extract::internal {
namespace {

enum class TokKind { kNum, kWord, kPunct };
struct Tok {
  TokKind kind;
  std::string_view text;
  int value = 0;   // for numbers (capped)
  int digits = 0;  // for numbers
};

// Word characters: ASCII letters and the letters of Latin-1, Latin
// Extended-A/B, Greek and Cyrillic (UTF-8 lead bytes 0xC3..0xD3: ä, é, ł,
// ș, α, д, ...; × and ÷ are not), so that "März", "października",
// "Σεπτεμβρίου" and "сентября" are one word each.
bool IsWordByte(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return c >= 0xC3 && c <= 0xD3 && i + 1 < s.size() &&
         (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
         !(c == 0xC3 && (static_cast<unsigned char>(s[i + 1]) == 0x97 ||
                         static_cast<unsigned char>(s[i + 1]) == 0xB7));
}
size_t WordByteLen(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) < 0x80 ? 1 : 2;
}

std::vector<Tok> Tokenize(std::string_view s, size_t max_tokens) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_tokens) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      size_t j = i;
      int v = 0;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
        if (v < 100000000) v = v * 10 + (s[j] - '0');
        ++j;
      }
      out.push_back(
          {TokKind::kNum, s.substr(i, j - i), v, static_cast<int>(j - i)});
      i = j;
    } else if (IsWordByte(s, i)) {
      size_t j = i;
      while (j < s.size() && IsWordByte(s, j)) j += WordByteLen(s, j);
      out.push_back({TokKind::kWord, s.substr(i, j - i)});
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else {
      size_t len = 1;
      unsigned char u = c;
      if (u >= 0xC0) len = u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
      if (i + len > s.size()) len = s.size() - i;
      out.push_back({TokKind::kPunct, s.substr(i, len)});
      i += len;
    }
  }
  return out;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Month names of the main European languages, from the CLDR data that ICU
// carries (DateFormatSymbols, as the time module reads them): wide names
// in their formatting and stand-alone forms ("września" and "wrzesień",
// "сентября" and "сентябрь", "helmikuuta") and abbreviations of three
// letters or more ("janv", "févr", "Okt", "дек"), each in lower, title
// and upper case, keyed by their ASCII-lowered bytes. A word that names
// different months in two languages keeps the reading of the language
// listed first: Croatian comes last, so "listopad(a)", "lip" and "srp"
// read as in Polish and Czech. Built once, on first use; read-only
// afterwards.
// The time module's languages, with the regional forms of Austria
// ("Jänner") and Peru ("setiembre").
constexpr std::array<const char*, 23> kMonthLocales = {
    "de", "de_AT", "fr", "es", "es_PE", "it", "pt", "nl",
    "pl", "cs",    "sk", "sv", "da",    "nb", "fi", "ro",
    "hu", "el",    "ru", "uk", "ca",    "sl", "hr"};
constexpr size_t kMaxMonthWordBytes = 32;

std::string_view AsciiLowerInto(std::string_view w, char* buf) {
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return {buf, w.size()};
}

using MonthWords = std::vector<std::pair<std::string, int>>;

MonthWords BuildMonthWords() {
  std::map<std::string, int> words;  // key -> month
  for (const char* name : kMonthLocales) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(name);
    const icu::DateFormatSymbols symbols(locale, status);
    if (U_FAILURE(status)) continue;
    auto add = [&](icu::UnicodeString w, int month) {
      if (w.endsWith(icu::UnicodeString(u"."))) w.truncate(w.length() - 1);
      if (w.countChar32() < 3 || w.indexOf(u' ') >= 0 || w.indexOf(u'.') >= 0 ||
          w.indexOf(u'-') >= 0)
        return;
      icu::UnicodeString lower(w), upper(w);
      lower.toLower(locale);
      upper.toUpper(locale);
      icu::UnicodeString title(lower);
      title.replace(0, 1, icu::UnicodeString(lower, 0, 1).toUpper(locale));
      for (const icu::UnicodeString* v : {&w, &lower, &title, &upper}) {
        std::string utf8;
        v->toUTF8String(utf8);
        if (utf8.size() > kMaxMonthWordBytes) continue;
        char buf[kMaxMonthWordBytes];
        const std::string key(AsciiLowerInto(utf8, buf));
        words.emplace(key, month);  // an earlier language's reading stays
      }
    };
    using DFS = icu::DateFormatSymbols;
    for (const DFS::DtContextType context : {DFS::FORMAT, DFS::STANDALONE}) {
      for (const DFS::DtWidthType width : {DFS::WIDE, DFS::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* months =
            symbols.getMonths(count, context, width);
        for (int32_t m = 0; m < count && m < 12; ++m) add(months[m], m + 1);
      }
    }
  }
  return MonthWords(words.begin(), words.end());
}

// 1..12 for a month name or its abbreviation in one of kMonthLocales'
// languages, else 0. Never allocates.
int ForeignMonthOf(std::string_view w) {
  static const MonthWords kWords = BuildMonthWords();
  if (w.size() > kMaxMonthWordBytes) return 0;
  char buf[kMaxMonthWordBytes];
  const std::string_view key = AsciiLowerInto(w, buf);
  const auto it = std::lower_bound(
      kWords.begin(), kWords.end(), key,
      [](const auto& e, std::string_view k) { return e.first < k; });
  return it != kWords.end() && it->first == key ? it->second : 0;
}

// Lower-cases ASCII and the Latin-1 capitals (U+00C0..U+00DE).
std::string LowerLatin(std::string_view w) {
  std::string l(w);
  for (size_t i = 0; i < l.size(); ++i) {
    unsigned char c = l[i];
    if (c >= 'A' && c <= 'Z') l[i] = static_cast<char>(c + 32);
    if (c == 0xC3 && i + 1 < l.size()) {
      unsigned char d = l[i + 1];
      if (d >= 0x80 && d <= 0x9E && d != 0x97)
        l[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return l;
}

// 1..12 for a month name or its abbreviation ("Sep", "Sept", "Okt",
// "févr", "мая"), else 0.
int MonthOf(std::string_view w) {
  if (w.size() < 3) return 0;
  char buf[16];
  if (w.size() <= sizeof buf) {
    const std::string_view l = AsciiLowerInto(w, buf);
    for (size_t m = 0; m < kMonths.size(); ++m) {
      std::string_view full = kMonths[m];
      if (l == full) return static_cast<int>(m) + 1;
      if (l.size() <= 4 && full.compare(0, 3, l.substr(0, 3)) == 0 &&
          (l.size() == 3 || l == "sept")) {
        return static_cast<int>(m) + 1;
      }
    }
  }
  return ForeignMonthOf(w);
}

struct Zone {
  std::string_view name;
  std::string_view offset;
};
constexpr std::array<Zone, 20> kZones = {{
    {"z", "Z"},         {"utc", "Z"},       {"gmt", "Z"},
    {"est", "-05:00"},  {"edt", "-04:00"},  {"cst", "-06:00"},
    {"cdt", "-05:00"},  {"mst", "-07:00"},  {"mdt", "-06:00"},
    {"pst", "-08:00"},  {"pdt", "-07:00"},  {"bst", "+01:00"},
    {"cet", "+01:00"},  {"cest", "+02:00"}, {"eet", "+02:00"},
    {"eest", "+03:00"}, {"msk", "+03:00"},  {"jst", "+09:00"},
    {"kst", "+09:00"},  {"aest", "+10:00"},
}};

class Matcher {
 public:
  // `short_year`: also read D.M.YY ("31.10.23") as 20YY; only for visible
  // datelines, where that German/European form is common.
  explicit Matcher(const std::vector<Tok>& t, bool short_year = false)
      : t_(t), short_year_(short_year) {}

  // Tries to read a date starting at token i; on success sets *end.
  std::optional<DateTime> DateAt(size_t i, size_t* end) const {
    DateTime dt;
    size_t j = i;
    if (!ReadDate(&j, &dt.date)) return std::nullopt;
    if (!civil::IsValid(dt.date) || dt.date.year < 1900 ||
        dt.date.year > 2200) {
      return std::nullopt;
    }
    ReadTime(&j, &dt);
    *end = j;
    return dt;
  }

 private:
  bool Is(size_t i, TokKind k) const {
    return i < t_.size() && t_[i].kind == k;
  }
  bool IsPunct(size_t i, std::string_view p) const {
    return Is(i, TokKind::kPunct) && t_[i].text == p;
  }

  bool ReadDate(size_t* pos, civil::Date* d) const {
    size_t i = *pos;
    // Y-M-D or Y/M/D or Y.M.D
    if (Is(i, TokKind::kNum) && t_[i].digits == 4 &&
        (IsPunct(i + 1, "-") || IsPunct(i + 1, "/") || IsPunct(i + 1, ".")) &&
        Is(i + 2, TokKind::kNum) && t_[i + 2].digits <= 2 &&
        IsPunct(i + 3, t_[i + 1].text) && Is(i + 4, TokKind::kNum) &&
        t_[i + 4].digits <= 2) {
      *d = {t_[i].value, t_[i + 2].value, t_[i + 4].value};
      *pos = i + 5;
      return true;
    }
    // Compact YYYYMMDD (meta values); possibly followed by T.
    if (Is(i, TokKind::kNum) && t_[i].digits == 8) {
      int v = t_[i].value;
      *d = {v / 10000, (v / 100) % 100, v % 100};
      *pos = i + 1;
      return true;
    }
    // D.M.YYYY (European dotted form is unambiguous in order).
    if (Is(i, TokKind::kNum) && t_[i].digits <= 2 && IsPunct(i + 1, ".") &&
        Is(i + 2, TokKind::kNum) && t_[i + 2].digits <= 2 &&
        IsPunct(i + 3, ".") && Is(i + 4, TokKind::kNum) &&
        t_[i + 4].digits == 4) {
      *d = {t_[i + 4].value, t_[i + 2].value, t_[i].value};
      *pos = i + 5;
      return true;
    }
    // D.M.YY: dots on both sides, and not part of a longer dotted number
    // ("1.2.33.4", a version or an IP address).
    if (short_year_ && Is(i, TokKind::kNum) && t_[i].digits <= 2 &&
        IsPunct(i + 1, ".") && Is(i + 2, TokKind::kNum) &&
        t_[i + 2].digits <= 2 && IsPunct(i + 3, ".") &&
        Is(i + 4, TokKind::kNum) && t_[i + 4].digits == 2 &&
        !(IsPunct(i + 5, ".") && Is(i + 6, TokKind::kNum)) &&
        !(i > 0 && IsPunct(i - 1, ".") &&
          t_[i - 1].text.data() + 1 == t_[i].text.data())) {
      *d = {2000 + t_[i + 4].value, t_[i + 2].value, t_[i].value};
      *pos = i + 5;
      return true;
    }
    // D/M/YYYY or M/D/YYYY only where the numbers decide the order: a
    // first number over 12 is a day ("17/02/2022"), so is a second one
    // ("02/17/2022"); "03/04/2023" stays unread.
    if (Is(i, TokKind::kNum) && t_[i].digits <= 2 && IsPunct(i + 1, "/") &&
        Is(i + 2, TokKind::kNum) && t_[i + 2].digits <= 2 &&
        IsPunct(i + 3, "/") && Is(i + 4, TokKind::kNum) &&
        t_[i + 4].digits == 4 && !IsPunct(i + 5, "/") &&
        !(i > 0 && IsPunct(i - 1, "/"))) {
      const int a = t_[i].value, b = t_[i + 2].value;
      if (a > 12 && b >= 1 && b <= 12) {
        *d = {t_[i + 4].value, b, a};
      } else if (b > 12 && a >= 1 && a <= 12) {
        *d = {t_[i + 4].value, a, b};
      } else {
        return false;
      }
      *pos = i + 5;
      return true;
    }
    // D[th|.|er] [of|de] Month[.] [,] [de|del] YYYY ("2. September 2015",
    // "1er janvier 2020", "5 de mayo de 2022").
    if (Is(i, TokKind::kNum) && t_[i].digits <= 2) {
      size_t j = i + 1;
      if (Is(j, TokKind::kWord) &&
          (EqualsCi(t_[j].text, "st") || EqualsCi(t_[j].text, "nd") ||
           EqualsCi(t_[j].text, "rd") || EqualsCi(t_[j].text, "th") ||
           EqualsCi(t_[j].text, "er"))) {
        ++j;
      } else if (IsPunct(j, ".")) {
        ++j;
      }
      if (Is(j, TokKind::kWord) &&
          (EqualsCi(t_[j].text, "of") || EqualsCi(t_[j].text, "de")))
        ++j;
      int m = Is(j, TokKind::kWord) ? MonthOf(t_[j].text) : 0;
      if (m > 0) {
        ++j;
        if (IsPunct(j, ".")) ++j;
        if (IsPunct(j, ",")) ++j;
        if (Is(j, TokKind::kWord) &&
            (EqualsCi(t_[j].text, "de") || EqualsCi(t_[j].text, "del")))
          ++j;
        if (Is(j, TokKind::kNum) && t_[j].digits == 4) {
          *d = {t_[j].value, m, t_[i].value};
          *pos = j + 1;
          return true;
        }
      }
    }
    // Month[.] D[th][,] YYYY
    if (Is(i, TokKind::kWord)) {
      int m = MonthOf(t_[i].text);
      if (m > 0) {
        size_t j = i + 1;
        if (IsPunct(j, ".")) ++j;
        if (Is(j, TokKind::kNum) && t_[j].digits <= 2) {
          int day = t_[j].value;
          ++j;
          if (Is(j, TokKind::kWord) && t_[j].text.size() == 2 &&
              !MonthOf(t_[j].text))
            ++j;
          if (IsPunct(j, ",")) ++j;
          if (Is(j, TokKind::kNum) && t_[j].digits == 4) {
            *d = {t_[j].value, m, day};
            *pos = j + 1;
            return true;
          }
        }
      }
    }
    return false;
  }

  void ReadTime(size_t* pos, DateTime* dt) const {
    size_t i = *pos;
    // Separators between date and time.
    for (int k = 0; k < 2; ++k) {
      if (IsPunct(i, ",") || IsPunct(i, "|") || IsPunct(i, "-") ||
          IsPunct(i, "\xE2\x80\xA2") || IsPunct(i, "\xE2\x80\x93")) {
        ++i;
      } else if (Is(i, TokKind::kWord) &&
                 (EqualsCi(t_[i].text, "at") || t_[i].text == "T")) {
        ++i;
      }
    }
    // "T23" glued: the tokenizer splits "T" as a word before digits.
    if (!(Is(i, TokKind::kNum) && t_[i].digits <= 2 && IsPunct(i + 1, ":") &&
          Is(i + 2, TokKind::kNum) && t_[i + 2].digits == 2)) {
      return;
    }
    int h = t_[i].value, m = t_[i + 2].value, s = 0;
    bool has_s = false;
    i += 3;
    if (IsPunct(i, ":") && Is(i + 1, TokKind::kNum) && t_[i + 1].digits == 2) {
      s = t_[i + 1].value;
      has_s = true;
      i += 2;
      if (IsPunct(i, ".") && Is(i + 1, TokKind::kNum)) i += 2;  // fraction
    }
    // am / pm / a.m. / p.m.
    if (Is(i, TokKind::kWord)) {
      std::string_view w = t_[i].text;
      bool pm = EqualsCi(w, "pm") || (EqualsCi(w, "p") && IsPunct(i + 1, "."));
      bool am = EqualsCi(w, "am") || (EqualsCi(w, "a") && IsPunct(i + 1, "."));
      if (pm || am) {
        if (h < 1 || h > 12) return;
        if (pm && h != 12) h += 12;
        if (am && h == 12) h = 0;
        ++i;
        if (IsPunct(i, ".")) ++i;
        if (Is(i, TokKind::kWord) && t_[i].text.size() == 1 &&
            (t_[i].text[0] == 'm' || t_[i].text[0] == 'M')) {
          ++i;
          if (IsPunct(i, ".")) ++i;
        }
      }
    }
    if (h > 23 || m > 59 || s > 60) return;
    dt->has_time = true;
    dt->hour = h;
    dt->minute = m;
    dt->second = s;
    dt->has_seconds = has_s;
    // Zone: Z, +03:00, +0300, -05, or a name.
    if ((IsPunct(i, "+") || IsPunct(i, "-")) && Is(i + 1, TokKind::kNum)) {
      char sign = t_[i].text[0];
      int hh = 0, mm = 0;
      if (t_[i + 1].digits == 4) {
        hh = t_[i + 1].value / 100;
        mm = t_[i + 1].value % 100;
        i += 2;
      } else if (t_[i + 1].digits == 2) {
        hh = t_[i + 1].value;
        i += 2;
        if (IsPunct(i, ":") && Is(i + 1, TokKind::kNum) &&
            t_[i + 1].digits == 2) {
          mm = t_[i + 1].value;
          i += 2;
        }
      } else {
        *pos = i;
        return;
      }
      if (hh <= 14 && mm < 60) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, hh % 100, mm % 100);
        dt->zone = (hh == 0 && mm == 0) ? std::string("Z") : std::string(buf);
      }
    } else if (Is(i, TokKind::kWord)) {
      std::string l = LowerAscii(t_[i].text);
      for (const Zone& z : kZones) {
        if (l == z.name) {
          dt->zone = std::string(z.offset);
          ++i;
          break;
        }
      }
    }
    *pos = i;
  }

  const std::vector<Tok>& t_;
  bool short_year_ = false;
};

// Words that say a publication date follows, lower case (English, German,
// French, Spanish, Italian, Portuguese, Dutch). Prepositions ("on", "am",
// "le") are not among them: prose uses them with any date.
constexpr std::array<std::string_view, 14> kDatelineCues = {
    "published", "posted",    "erstellt",  "publiziert",    "erschienen",
    "publié",    "publicado", "publicada", "pubblicato",    "gepubliceerd",
    "geplaatst", "datum",     "date",      "veröffentlicht"};

// Words that say the date is not the publication: a revision, or the end
// of an availability ("verfügbar bis", "available until").
constexpr std::array<std::string_view, 17> kRevisionCues = {
    "updated",   "update",      "modified",    "aktualisiert", "geändert",
    "änderung",  "actualizado", "actualizada", "aggiornato",   "bijgewerkt",
    "jour",      "bis",         "until",       "till",         "verfügbar",
    "available", "expires"};

// A dash, "bis" or "to" joining the two ends of a span of days.
bool IsRangeDash(const std::vector<Tok>& t, size_t i) {
  if (i >= t.size()) return false;
  std::string_view x = t[i].text;
  if (t[i].kind == TokKind::kPunct)
    return x == "-" || x == "\xE2\x80\x93" || x == "\xE2\x80\x94";
  return EqualsCi(x, "bis") || EqualsCi(x, "to") || EqualsCi(x, "au") ||
         EqualsCi(x, "al");
}

// A dateline holds the date and little else: a byline, a place, a label.
constexpr int kMaxDatelineWords = 8;
constexpr int kMaxCuedDatelineWords = 14;

}  // namespace

std::string DateTime::ToIso() const {
  std::string out = civil::FormatDate(date);
  if (!has_time) return out;
  char buf[48];
  if (has_seconds) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
  } else {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  }
  out += buf;
  out += zone;
  return out;
}

std::optional<DateTime> ParseDateValue(std::string_view s) {
  if (s.size() > 200) return std::nullopt;
  std::vector<Tok> toks = Tokenize(s, 64);
  Matcher m(toks);
  // The date must start within the first few tokens ("Published: ...",
  // "Wed, 13 Sep 2023 ...", "Updated on ...").
  for (size_t i = 0; i < toks.size() && i < 6; ++i) {
    size_t end = 0;
    if (auto dt = m.DateAt(i, &end)) return dt;
  }
  return std::nullopt;
}

std::optional<DateTime> FindDateInLine(std::string_view line) {
  if (line.size() > 400) return std::nullopt;
  std::vector<Tok> toks = Tokenize(line, 128);
  Matcher m(toks);
  for (size_t i = 0; i < toks.size(); ++i) {
    size_t end = 0;
    if (toks[i].kind == TokKind::kNum && toks[i].digits == 8) continue;
    if (auto dt = m.DateAt(i, &end)) return dt;
  }
  return std::nullopt;
}

std::optional<DateTime> FindDatelineDate(std::string_view line,
                                         bool* cued_out) {
  if (cued_out) *cued_out = false;
  if (line.size() > 300) return std::nullopt;
  std::vector<Tok> toks = Tokenize(line, 96);
  Matcher m(toks, /*short_year=*/true);
  for (size_t i = 0; i < toks.size(); ++i) {
    size_t end = 0;
    if (toks[i].kind == TokKind::kNum && toks[i].digits == 8) continue;
    std::optional<DateTime> dt = m.DateAt(i, &end);
    if (!dt) continue;
    int words = 0;
    for (size_t k = 0; k < toks.size(); ++k) {
      if ((k < i || k >= end) && toks[k].kind == TokKind::kWord) ++words;
    }
    bool cued = false, revision = false, verb = false;
    for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
      if (toks[k].kind != TokKind::kWord) continue;
      std::string w = LowerLatin(toks[k].text);
      bool cue = false;
      for (std::string_view c : kDatelineCues) cue |= w == c;
      cued |= cue;
      verb |= cue && w != "date" && w != "datum";
      for (std::string_view c : kRevisionCues) revision |= w == c;
    }
    if (revision) return std::nullopt;
    // A span of days ("31. Dezember 2021 - 6. Januar 2022", "13. - 15. März
    // 2022", "du 3 au 5 mai 2022") is an event's or a report's period.
    size_t end2 = 0;
    if (IsRangeDash(toks, end) && m.DateAt(end + 1, &end2)) return std::nullopt;
    if (i >= 2 && IsRangeDash(toks, i - 1) && toks[i - 2].kind == TokKind::kNum)
      return std::nullopt;
    if (i >= 3 && IsRangeDash(toks, i - 1) && toks[i - 2].text == "." &&
        toks[i - 3].kind == TokKind::kNum)
      return std::nullopt;
    if (words <= kMaxDatelineWords ||
        (cued && words <= kMaxCuedDatelineWords)) {
      if (cued_out) *cued_out = verb;
      return dt;
    }
    return std::nullopt;  // the first date decides: prose mentioning a date
  }
  return std::nullopt;
}

std::optional<DateTime> LeadDatelineDate(std::string_view paragraph) {
  std::vector<Tok> toks = Tokenize(
      paragraph.substr(0, std::min<size_t>(paragraph.size(), 200)), 24);
  Matcher m(toks, /*short_year=*/true);
  for (size_t i = 0; i < toks.size() && i < 4; ++i) {
    size_t end = 0;
    std::optional<DateTime> dt = m.DateAt(i, &end);
    if (!dt) continue;
    if (end < toks.size() && toks[end].kind == TokKind::kPunct) {
      std::string_view p = toks[end].text;
      if (p == "-" || p == ":" || p == "|" || p == "." || p == "/" ||
          p == "\xE2\x80\x93" || p == "\xE2\x80\x94" || p == "\xE2\x80\x9E" ||
          p == "(")
        return dt;
      // In brackets: "(21. November 2022) Die ...".
      if (p == ")" && i > 0 && toks[i - 1].text == "(") return dt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<DateTime> TitleDate(std::string_view title) {
  std::vector<Tok> toks =
      Tokenize(title.substr(0, std::min<size_t>(title.size(), 120)), 16);
  Matcher m(toks);
  size_t end = 0;
  std::optional<DateTime> dt = m.DateAt(0, &end);
  if (!dt || end >= toks.size() || toks[end].kind != TokKind::kPunct)
    return std::nullopt;
  const std::string_view p = toks[end].text;
  if (p == "-" || p == "|" || p == ":" || p == "\xE2\x80\x93" ||
      p == "\xE2\x80\x94")
    return dt;
  return std::nullopt;
}

std::optional<DateTime> LocalReading(const DateTime& utc,
                                     const DateTime& other) {
  if (!utc.has_time || utc.zone != "Z") return std::nullopt;
  const int64_t day = civil::ToDays(utc.date);
  const int64_t other_day = civil::ToDays(other.date);
  // Only a statement of the same publication: at most a day apart.
  if (other_day < day - 1 || other_day > day + 1) return std::nullopt;
  const int64_t minutes = day * 1440 + utc.hour * 60 + utc.minute;
  if (other.has_time && other.zone.size() == 6) {
    const int sign = other.zone[0] == '-' ? -1 : 1;
    auto two = [&](size_t at) {
      return (other.zone[at] - '0') * 10 + (other.zone[at + 1] - '0');
    };
    const int off = sign * (two(1) * 60 + two(4));
    const int64_t local = minutes + off;
    const int64_t local_day = local >= 0 ? local / 1440 : (local - 1439) / 1440;
    DateTime out = utc;
    out.date = civil::FromDays(local_day);
    out.hour = static_cast<int>((local - local_day * 1440) / 60);
    out.minute = static_cast<int>((local - local_day * 1440) % 60);
    out.zone = other.zone;
    return out;
  }
  if (other.has_time && !other.zone.empty()) return std::nullopt;
  if (other_day == day) return std::nullopt;
  // A bare day one off: only if a real offset explains the difference.
  const int64_t lo = minutes - 12 * 60, hi = minutes + 14 * 60;
  if (other_day * 1440 + 1439 < lo || other_day * 1440 > hi)
    return std::nullopt;
  DateTime out;
  out.date = other.date;
  return out;
}

namespace {

// Country-code top-level domains that are sold and used worldwide as
// generic names (.co, .io, .tv, .me, ...): they say nothing of where the
// publisher is. .eu and .su name no one country.
constexpr std::array<std::string_view, 22> kGenericUseCcTlds = {
    "ac", "ag", "ai", "am", "cc", "co", "eu", "fm", "gg", "im", "io",
    "la", "ly", "me", "nu", "sh", "su", "tk", "to", "tv", "vc", "ws"};

}  // namespace

std::optional<DateTime> CountryLocalReading(const DateTime& utc,
                                            std::string_view host) {
  if (!utc.has_time || utc.zone != "Z") return std::nullopt;
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || host.size() - dot != 3)
    return std::nullopt;
  std::string tld = LowerAscii(host.substr(dot + 1));
  if (tld[0] < 'a' || tld[0] > 'z' || tld[1] < 'a' || tld[1] > 'z')
    return std::nullopt;
  for (std::string_view g : kGenericUseCcTlds) {
    if (tld == g) return std::nullopt;
  }
  // ISO 3166 codes, upper case; .uk is the one ccTLD that differs.
  std::string region = tld == "uk" ? std::string("GB") : tld;
  for (char& c : region) c = static_cast<char>(c >= 'a' ? c - 32 : c);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> ids(
      icu::TimeZone::createTimeZoneIDEnumeration(
          UCAL_ZONE_TYPE_CANONICAL_LOCATION, region.c_str(), nullptr, status));
  if (U_FAILURE(status) || !ids) return std::nullopt;
  const int64_t minutes =
      civil::ToDays(utc.date) * 1440 + utc.hour * 60 + utc.minute;
  const double when = static_cast<double>(minutes) * 60000.0 +
                      static_cast<double>(utc.second) * 1000.0;
  std::optional<int64_t> local_day;
  int offset = 0;  // minutes east of UTC, of the first zone
  int zones = 0;
  while (const icu::UnicodeString* id = ids->snext(status)) {
    if (U_FAILURE(status) || ++zones > 64) return std::nullopt;
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(*id));
    int32_t raw = 0, dst = 0;
    tz->getOffset(when, /*local=*/false, raw, dst, status);
    if (U_FAILURE(status)) return std::nullopt;
    const int off = (raw + dst) / 60000;
    const int64_t local = minutes + off;
    const int64_t d = local >= 0 ? local / 1440 : (local - 1439) / 1440;
    // A country whose zones fall on different days says no one day.
    if (local_day && *local_day != d) return std::nullopt;
    if (!local_day) offset = off;
    local_day = d;
  }
  if (!local_day || *local_day == civil::ToDays(utc.date)) return std::nullopt;
  const int64_t local = minutes + offset;
  DateTime out = utc;
  out.date = civil::FromDays(*local_day);
  out.hour = static_cast<int>((local - *local_day * 1440) / 60);
  out.minute = static_cast<int>((local - *local_day * 1440) % 60);
  const int a = offset < 0 ? -offset : offset;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+',
                (a / 60) % 100, a % 60);
  out.zone = buf;
  return out;
}

std::optional<DateTime> DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path =
      url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  size_t q = url.find_first_of("?#;", path);
  std::string_view p = url.substr(
      path, q == std::string_view::npos ? std::string_view::npos : q - path);
  auto digits = [&](size_t at, size_t n) {
    if (at + n > p.size()) return -1;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = p[at + k];
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  // Whether the date ends its segment or a slug word starts after it.
  auto ends_at = [&](size_t at) {
    return at >= p.size() || p[at] == '/' || p[at] == '-' || p[at] == '.' ||
           p[at] == '_';
  };
  auto day = [](int y, int m, int d) -> std::optional<DateTime> {
    DateTime dt;
    dt.date = {y, m, d};
    if (y < 1990 || y > 2200 || !civil::IsValid(dt.date)) return std::nullopt;
    return dt;
  };
  // Day-first or month-first, only when the numbers decide: a first
  // number over 12 is a day ("29-10-2021"), so is a second one.
  auto day_month = [&](int y, int a, int b) -> std::optional<DateTime> {
    if (a > 12 && b >= 1 && b <= 12) return day(y, b, a);
    if (b > 12 && a >= 1 && a <= 12) return day(y, a, b);
    return std::nullopt;
  };
  for (size_t i = 0; i + 9 <= p.size(); ++i) {
    if (p[i] != '/') continue;
    const size_t s = i + 1;  // the segment's first byte
    // /2023/09/13/ or /2023-09-13: year first, the ISO order.
    int y = digits(s, 4);
    if (y >= 1990 && y <= 2200 && s + 4 < p.size()) {
      const char sep = p[s + 4];
      if (sep == '/' || sep == '-') {
        const int mo = digits(s + 5, 2);
        if (mo >= 1 && s + 7 < p.size() && p[s + 7] == sep) {
          const int d = digits(s + 8, 2);
          if (d >= 1 && ends_at(s + 10)) {
            if (auto dt = day(y, mo, d)) return dt;
          }
        }
        // /2020/oct/02/: a month name between year and day.
        if (sep == '/') {
          size_t e = s + 5;
          while (e < p.size() &&
                 ((p[e] >= 'a' && p[e] <= 'z') || (p[e] >= 'A' && p[e] <= 'Z')))
            ++e;
          const int m = e > s + 5 && e - (s + 5) <= 9
                            ? MonthOf(p.substr(s + 5, e - (s + 5)))
                            : 0;
          if (m > 0 && e + 3 <= p.size() && p[e] == '/') {
            const int d = digits(e + 1, 2);
            if (d >= 1 && ends_at(e + 3)) {
              if (auto dt = day(y, m, d)) return dt;
            }
          }
        }
      }
    }
    // A segment or slug opening with a compact date: 20220127-title
    // (year first), or 29-10-2021[-title] / 08112021-title (day and month
    // in either order: read only when the numbers decide it).
    if (digits(s, 8) >= 0 && s + 8 < p.size() &&
        (p[s + 8] == '-' || p[s + 8] == '_')) {
      const int v = digits(s, 8);
      if (auto dt = day(v / 10000, (v / 100) % 100, v % 100)) return dt;
      if (auto dt = day_month(v % 10000, v / 1000000, (v / 10000) % 100))
        return dt;
    }
    const int a = digits(s, 2);
    if (a >= 0 && s + 10 <= p.size() && (p[s + 2] == '-' || p[s + 2] == '_') &&
        p[s + 5] == p[s + 2] && ends_at(s + 10)) {
      const int b = digits(s + 3, 2), yy = digits(s + 6, 4);
      if (b >= 0 && yy >= 0) {
        if (auto dt = day_month(yy, a, b)) return dt;
      }
    }
  }
  return std::nullopt;
}

}  // namespace synoptic::extract::internal
