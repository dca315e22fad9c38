#include "synoptic/time/internal/foreign.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>

namespace synoptic::time::internal {
namespace {

constexpr size_t kMaxWordBytes = 64;

// ASCII letters lowered into `buf`; other bytes kept. The key of a word
// and of each case variant stored for it.
std::string_view AsciiLower(std::string_view w, char* buf) {
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return {buf, w.size()};
}

constexpr std::array<std::string_view, 22> kLanguages = {
    "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sv", "da",
    "nb", "no", "fi", "ro", "hu", "el", "ru", "uk", "ca", "hr", "sl"};

// Languages writing the day as an ordinal number with a period.
constexpr std::array<std::string_view, 11> kDayDot = {
    "de", "cs", "sk", "da", "nb", "no", "fi", "hu", "hr", "sl", "sv"};

}  // namespace

Readings ForeignWords::Lookup(std::string_view word) const {
  if (word.empty() || word.size() > kMaxWordBytes || words_.empty()) return {};
  char buf[kMaxWordBytes];
  const std::string_view key = AsciiLower(word, buf);
  const auto it = std::lower_bound(
      words_.begin(), words_.end(), key,
      [](const auto& e, std::string_view k) { return e.first < k; });
  if (it == words_.end() || it->first != key) return {};
  return it->second;
}

ForeignWords ForeignWords::Build(std::string_view language) {
  ForeignWords fw;
  const std::string lang(language);
  fw.day_dot_ = std::find(kDayDot.begin(), kDayDot.end(), language) !=
                kDayDot.end();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(lang.c_str());
  const icu::DateFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return fw;
  std::map<std::string, Readings> words;
  // Adds `name` (and its lower, title and upper case forms) with `r`; a
  // word already holding another reading keeps its first.
  const auto add = [&](const icu::UnicodeString& name, Reading r) {
    icu::UnicodeString clean(name);
    if (clean.endsWith(icu::UnicodeString(u"."))) {
      clean.truncate(clean.length() - 1);
    }
    // Words the tagger's tokenizer would split ("segunda-feira") or that
    // are no single word are left out.
    if (clean.isEmpty() || clean.indexOf(u'-') >= 0 ||
        clean.indexOf(u' ') >= 0 || clean.indexOf(u'.') >= 0) {
      return;
    }
    icu::UnicodeString lower(clean), upper(clean);
    lower.toLower(locale);
    upper.toUpper(locale);
    icu::UnicodeString title(lower);
    title.replace(0, 1, icu::UnicodeString(lower, 0, 1).toUpper(locale));
    for (const icu::UnicodeString* v : {&lower, &title, &upper, &clean}) {
      std::string utf8;
      v->toUTF8String(utf8);
      if (utf8.size() > kMaxWordBytes) continue;
      char buf[kMaxWordBytes];
      const std::string key(AsciiLower(utf8, buf));
      Readings& slot = words[key];
      if (slot.r[0].cat == Cat::kNone) slot.r[0] = r;
    }
  };
  using DFS = icu::DateFormatSymbols;
  for (const DFS::DtContextType context : {DFS::FORMAT, DFS::STANDALONE}) {
    int32_t count = 0;
    const icu::UnicodeString* wide = symbols.getMonths(count, context, DFS::WIDE);
    for (int32_t m = 0; m < count && m < 12; ++m) {
      add(wide[m], Reading{Cat::kMonth, static_cast<uint8_t>(m + 1), 0});
    }
    const icu::UnicodeString* abbr =
        symbols.getMonths(count, context, DFS::ABBREVIATED);
    for (int32_t m = 0; m < count && m < 12; ++m) {
      icu::UnicodeString a(abbr[m]);
      if (a.endsWith(icu::UnicodeString(u"."))) a.truncate(a.length() - 1);
      if (a.countChar32() < 4) continue;
      add(a, Reading{Cat::kMonth, static_cast<uint8_t>(m + 1), kFlagAbbrev});
    }
    // ICU counts weekdays from Sunday = 1; the tagger from Monday = 1.
    const icu::UnicodeString* days = symbols.getWeekdays(count, context, DFS::WIDE);
    for (int32_t d = 1; d < count && d <= 7; ++d) {
      const int iso = d == 1 ? 7 : d - 1;
      add(days[d], Reading{Cat::kWeekday, static_cast<uint8_t>(iso), 0});
    }
  }
  // "13 de septiembre de 2023": the preposition between day, month and
  // year reads as English "of".
  if (language == "es" || language == "pt" || language == "ca") {
    words["de"].r[0] = Reading{Cat::kOf, 0, 0};
  }
  fw.words_.assign(words.begin(), words.end());
  return fw;
}

const ForeignWords* ForeignWordsFor(std::string_view language) {
  // Built once, on first use, for every supported language; read-only
  // afterwards.
  static const std::map<std::string, ForeignWords, std::less<>> kTables = [] {
    std::map<std::string, ForeignWords, std::less<>> t;
    for (std::string_view l : kLanguages) {
      ForeignWords fw = ForeignWords::Build(l);
      if (!fw.empty()) t.emplace(std::string(l), std::move(fw));
    }
    return t;
  }();
  const std::string_view base = language.substr(0, language.find_first_of("-_"));
  if (base.empty()) return nullptr;
  char buf[8];
  if (base.size() >= sizeof buf) return nullptr;
  const auto it = kTables.find(AsciiLower(base, buf));
  return it == kTables.end() ? nullptr : &it->second;
}

}  // namespace synoptic::time::internal
