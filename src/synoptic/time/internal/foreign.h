// Month and weekday names of the main European languages for the TIMEX3
// tagger, from the CLDR data that ICU carries (DateFormatSymbols: the wide
// month names in their formatting and stand-alone forms, so Polish
// "września" and "wrzesień", Russian "сентября" and "сентябрь"; abbreviated
// months of four letters or more, "janv", "sept", "февр"; wide weekday
// names). Shorter abbreviations are left out: "mar", "pro", "lis" and "sie"
// are everyday words in the languages that abbreviate months that way.
//
// A table is built once per process for each supported language, on first
// use, and is immutable afterwards; lookups never allocate. English is not
// here (the tagger's own word table covers it).
#ifndef SYNOPTIC_TIME_INTERNAL_FOREIGN_H_
#define SYNOPTIC_TIME_INTERNAL_FOREIGN_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synoptic/time/internal/lexicon.h"

namespace synoptic::time::internal {

class ForeignWords {
 public:
  // Readings of a word as it stands in the text (any case).
  Readings Lookup(std::string_view word) const;
  // Whether a day number takes a period before the month in this language
  // ("13. September 2023", "13. září").
  bool day_dot() const { return day_dot_; }
  bool empty() const { return words_.empty(); }

  // Builds the table of an ISO 639-1 language from ICU; empty when ICU
  // has no names for it.
  static ForeignWords Build(std::string_view language);

 private:
  std::vector<std::pair<std::string, Readings>> words_;  // sorted by key
  bool day_dot_ = false;
};

// The table of a supported language ("de", "fr", "es", "it", "pt", "nl",
// "pl", "cs", "sk", "sv", "da", "nb", "no", "fi", "ro", "hu", "el", "ru",
// "uk", "ca", "hr", "sl"), or nullptr (English, unknown or unsupported). The
// language may carry a region ("pt-BR").
const ForeignWords* ForeignWordsFor(std::string_view language);

}  // namespace synoptic::time::internal

#endif  // SYNOPTIC_TIME_INTERNAL_FOREIGN_H_
