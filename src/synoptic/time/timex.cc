// TIMEX3 tagging: a single pass of hand-written matchers over light tokens.
//
// Design. The text is tokenized once (internal/tokens.h); every word carries
// its lexicon readings (month, weekday, unit, number word, relative word...).
// The scanner walks the tokens left to right; at each token that can start a
// time expression it runs the matchers that apply (numeric dates, month-first
// and day-first dates, years and decades, weekdays, relative phrases, deictic
// words, durations and fractions of units, sets, clock times in their many
// spellings, quarters, seasons, holidays computed by rule: fixed days, n-th
// weekdays, offsets from Easter or Orthodox Easter) and keeps the longest
// candidate, then jumps past it. A few extensions run on the winner: a clock
// after a part of day ("tonight at 8"), a quarter after a year ("the 1988
// third quarter"). Two generic prefixes wrap the
// matchers: "the" (kept only where TimeBank keeps it: "the third quarter",
// "the past two months", "the 1990s", not "the Oct. 23") and phase words
// ("early", "mid-", "the end of") that add a TIMEX3 mod.
//
// Normalisation follows HeidelTime's strategy in spirit (Strotgen & Gertz,
// "Multilingual and cross-domain temporal tagging", LRE 2013): deictic
// expressions ("last week", "24 years ago") are computed from the document
// creation time; underspecified ones ("Tuesday", "in May", "September 13")
// take the occurrence nearest the DCT, moved by the tense around them (the
// nearest cue word before the expression, else after it; first within its
// clause, then the sentence): past narration looks back, "will", "is
// expected to", "plans to" look forward. A weekday with no cue is read as
// past by default (news narrates). Anaphoric ones ("two days later", "a year
// earlier", "the next day") follow the last date the text mentioned, or the
// DCT. Without a DCT nothing is guessed: the value keeps its X placeholders
// ("XXXX-09-13", "XXXX-WXX-2").
//
// Cost: one lexicon lookup per short word, and matchers run only at tokens
// with a reading or a digit run; the output strings are the only allocations
// besides the token buffer.
#include "synoptic/time/timex.h"

#include <algorithm>
#include <cstdlib>
#include <span>
#include <string>
#include <optional>
#include <vector>

#include "synoptic/time/internal/calendars.h"
#include "synoptic/time/internal/foreign.h"
#include "synoptic/time/internal/lexicon.h"
#include "synoptic/time/internal/tokens.h"
#include "synoptic/time/internal/values.h"

namespace synoptic::time {
namespace {

using civil::Date;
using internal::AddYears;
using internal::Cat;
using internal::Deictic;
using internal::DurationValue;
using internal::Gran;
using internal::GranOf;
using internal::Holiday;
using internal::HolidayDate;
using internal::IsTimeUnit;
using internal::kPartCode;
using internal::kSeasonCode;
using internal::ModKind;
using internal::ModName;
using internal::Pad;
using internal::PartOfDay;
using internal::Phase;
using internal::Quarter;
using internal::QuarterOf;
using internal::Rel;
using internal::Shift;
using internal::Tok;
using internal::TokKind;
using internal::Unit;
using internal::UnitUnknown;
using internal::UnitValue;
using internal::Week;
using internal::Y;
using internal::YM;
using internal::YMD;

// The period a relation word points to, counted from the current one
// ("next year" +1, "last month" -1, "this year" 0); nullopt for relations
// that do not name a neighbouring period.
std::optional<int> YearShift(Rel rel) {
  if (rel == Rel::kNext || rel == Rel::kComing || rel == Rel::kFollowing) return 1;
  if (rel == Rel::kLast || rel == Rel::kPrevious || rel == Rel::kPast) return -1;
  if (rel == Rel::kThis || rel == Rel::kCurrent) return 0;
  return std::nullopt;
}

enum class Tense : uint8_t { kUnknown, kPast, kPresent, kFuture };

struct Cand {
  size_t first = 0;
  size_t end = 0;  // one past the last token
  TimexType type = TimexType::kDate;
  std::string value;
  std::string_view mod;
  bool relative = false;
  bool resolved = false;  // value computed from the anchor
  bool the_ok = false;    // a preceding "the" belongs to the expression
  bool has_ref = false;   // sets the reference date for anaphora
  bool clock_on_anchor = false;  // a clock whose day came from the anchor
  Date ref;
  Gran ref_gran = Gran::kDay;
};

class Tagger {
 public:
  Tagger(std::string_view text, std::span<const Sentence> sentences,
         const std::optional<Date>& dct, const TimeOptions& options,
         const internal::ForeignWords* foreign, std::vector<Tok>* toks,
         std::vector<Timex>* out)
      : text_(text),
        sentences_(sentences),
        dct_(dct),
        options_(options),
        foreign_(foreign),
        toks_(*toks),
        out_(out) {
    if (dct_) {
      ref_ = *dct_;
      have_ref_ = true;
    }
  }

  void Run();

 private:
  // ---- token predicates ----
  size_t n() const { return toks_.size(); }
  const internal::Reading* R(size_t j, Cat c) const {
    return j < n() ? toks_[j].Get(c) : nullptr;
  }
  bool Is(size_t j, Cat c) const { return j < n() && toks_[j].Has(c); }
  bool P(size_t j, char c) const {
    return j < n() && toks_[j].kind == TokKind::kPunct && toks_[j].punct == c;
  }
  bool Adj(size_t j) const { return j < n() && !toks_[j].space_before; }
  bool Num(size_t j) const { return j < n() && toks_[j].kind == TokKind::kNum; }
  bool Dash(size_t j) const { return P(j, '-') || P(j, internal::kDash); }
  bool WordIs(size_t j, std::string_view w) const;
  // A lower-case plural or count noun at j ("2019 people", "1998 points").
  bool QuantityNoun(size_t j) const;
  bool PlainNum(size_t j, int max_digits) const {
    return Num(j) && !toks_[j].ordinal && !toks_[j].plural_s &&
           toks_[j].ndigits <= max_digits;
  }
  bool YearTok(size_t j) const {
    return Num(j) && !toks_[j].ordinal && !toks_[j].plural_s &&
           toks_[j].ndigits == 4 && toks_[j].num >= 1000 &&
           toks_[j].num <= 2999;
  }

  // ---- matchers: each fills *c and returns true on a match at token i ----
  bool MatchAt(size_t i, Cand* c);
  bool MatchNumericDate(size_t i, Cand* c);
  bool MatchMonthFirst(size_t i, Cand* c);
  bool MatchDayFirst(size_t i, Cand* c);
  bool MatchYear(size_t i, Cand* c);
  bool MatchWeekday(size_t i, Cand* c);
  bool MatchRel(size_t i, Cand* c);
  bool MatchShiftPrefix(size_t i, Cand* c);
  bool MatchDeictic(size_t i, Cand* c);
  bool MatchDuration(size_t i, Cand* c);
  bool MatchSet(size_t i, Cand* c);
  bool MatchTime(size_t i, Cand* c);
  bool MatchQuarter(size_t i, Cand* c);
  bool MatchSeason(size_t i, Cand* c);
  bool MatchPhase(size_t i, Cand* c);
  bool MatchEdge(size_t i, Cand* c);
  bool MatchPartOfDate(size_t i, Cand* c);

  // Parses a count at j: digits, number words ("twenty-five"), "a"/"an",
  // "a dozen", vague words (n = -1). Returns the token after it or 0.
  size_t ParseCount(size_t j, int* value) const;
  // Parses "H:MM [am|pm] [zone]" / "H am" at j; returns end or 0.
  size_t ParseClock(size_t j, int* hour, int* minute) const;
  // Extends a full-date candidate with a following clock time.
  void TryTimeAfter(std::string_view date_value, Cand* c);
  // Fills a TIME candidate for a clock with no day of its own: the anchor's
  // day, or the next such time for a future reading when the anchor's time
  // of day is known (meridiem: am/pm or a 24-hour clock was stated).
  void ClockOnAnchorDay(int h, int m, bool meridiem, Cand* c);
  // True when tokens [b, e) name am/pm or a 24-hour style ("15h").
  bool MeridiemIn(size_t b, size_t e, int h) const;
  // Fills a day-level candidate from year/month/day (y < 0: year unknown).
  void FillDayMonth(int y, int m, int d, Cand* c);
  // The date make(year) nearest the DCT, moved by tense (needs a DCT).
  template <typename MakeDate>
  Date NearestYear(MakeDate make, Cand* c);
  bool MatchHoliday(size_t i, Cand* c);
  // The end of the words of `words` (space-separated, lower case) at i, or 0.
  size_t MatchWords(size_t i, std::string_view words) const;
  bool MatchHolidayName(size_t i, Holiday* h, size_t* end);
  bool ResolveHoliday(size_t i, Holiday h, size_t end, Cand* c);
  // Feasts of other calendars (lexicon.h): the longest name at i, with the
  // indexes of every feast that name fits ("Eid": both Eids).
  size_t MatchFeastName(size_t i, uint16_t* which, int* nwhich) const;
  bool ResolveFeast(size_t i, const uint16_t* which, int nwhich, size_t end,
                    Cand* c);
  // A year after a holiday's name at e: "2018", "in 2018", "two thousand
  // ten". Returns the end and sets *year, or 0.
  size_t HolidayYear(size_t e, int* year) const;
  // "in five years", "3 months ago", "six years hence" after a holiday's
  // name at e: the year of the anchor moved so far. Needs an anchor.
  size_t HolidayShiftedYear(size_t e, int* year) const;
  void ClockAfterPartOfDay(Cand* c);
  bool MatchFraction(size_t i, Cand* c);
  bool AfterSince(size_t first) const;
  void QuarterOfYear(Cand* c);
  bool ClockWithoutColon(size_t i, Cand* c);
  bool MatchDayOfMonth(size_t i, Cand* c);
  void MatchWeekdayYear(int wd, Cand* c) const;
  bool MatchNthInMonth(size_t i, Cand* c);
  bool MatchClockOffset(size_t i, Cand* c);
  // A clock at j: "3pm", "15:30", "noon", "midnight", or (bare_ok) a bare
  // hour "3" / "three"; returns the end or 0.
  size_t ClockOrHour(size_t j, bool bare_ok, int* hour, int* minute) const;
  bool MonthContext(size_t i) const;
  // A day of the month at j: "13", "13th", "first", "twenty-first". Sets
  // *next past it; 0 if none. Words only when allow_words.
  int DayAt(size_t j, bool allow_words, size_t* next) const;
  // "nineteen ninety-six", "two thousand (and) one": returns end or 0.
  size_t ParseSpelledYear(size_t j, int* year) const;
  // A calendar date starting at k (for "noon Saturday", "5 p.m. Nov. 9").
  bool DateAt(size_t k, Cand* d);
  bool MatchSpelledYear(size_t i, Cand* c);
  bool MatchCentury(size_t i, Cand* c);
  bool MatchTheUnit(size_t i, Cand* c);
  bool MatchYearAgo(size_t i, Cand* c);
  bool MatchYearEnd(size_t i, Cand* c);
  bool MatchTheYear(size_t i, Cand* c);
  bool MatchApproxTime(size_t i, Cand* c);
  bool MatchAtPresent(size_t i, Cand* c);
  bool MatchCurrentAdj(size_t i, Cand* c);
  bool NotATime(const Cand& c) const;
  bool MatchEraYear(size_t i, Cand* c);
  bool MatchVagueFuture(size_t i, Cand* c);
  // The end of an era marker at j ("AD", "A.D.", "BC", "B.C.", "BCE",
  // "CE"), or 0; *bc is set for the years before the era.
  size_t EraAt(size_t j, bool* bc) const;

  // ---- resolution ----
  Tense TenseAt(size_t first, size_t end);
  Tense CueAt(size_t k) const;
  bool ArrangedBefore(size_t k) const;
  bool RateAfterQuantity(size_t k) const;
  void SentenceRange(size_t first, size_t* s, size_t* e) const;
  bool IsBoundary(size_t k) const;
  void SetResolved(Cand* c, std::string value) const {
    c->value = std::move(value);
    c->relative = true;
    c->resolved = dct_.has_value();
  }
  void WeekdayValue(int wd, int dir,
                    Cand* c);  // dir: -1 past, 1 future, 0 week
  void Emit(const Cand& c);
  // "8:00 GMT" with the anchor's zone known: the same instant on the
  // anchor's wall clock.
  void ToAnchorZone(Cand* c) const;
  // "from 9:30 to 11:00 on Thursday": a bare clock right after a range word
  // that follows another clock takes that clock's day, and the first clock
  // of the range, emitted before the day was read, takes this one's.
  void ShareRangeDay(size_t done, Cand* c);

  std::string_view text_;
  std::span<const Sentence> sentences_;
  std::optional<Date> dct_;
  const TimeOptions& options_;
  const internal::ForeignWords* foreign_;  // may be null
  const std::vector<Tok>& toks_;
  std::vector<Timex>* out_;
  Date ref_;
  Gran ref_gran_ = Gran::kDay;
  bool have_ref_ = false;
  bool last_clock_on_anchor_ = false;  // of the last emitted expression
  // Feast days computed for this text, by (feast, year): a feast named
  // many times costs one calendar computation per year. At most
  // kMaxFeastYears computations per text (hostile input: a page of feast
  // names with distinct years); past that, feasts are not resolved.
  static constexpr size_t kMaxFeastYears = 256;
  struct FeastMemo {
    uint16_t feast;
    int year;
    std::vector<Date> days;
  };
  std::vector<FeastMemo> feast_memo_;
  const std::vector<Date> no_days_;
  // Days of feast f in year y (empty when not computed or none).
  const std::vector<Date>& FeastDaysIn(uint16_t f, int y);
};

const std::vector<Date>& Tagger::FeastDaysIn(uint16_t f, int y) {
  for (const FeastMemo& m : feast_memo_)
    if (m.feast == f && m.year == y) return m.days;
  if (feast_memo_.size() >= kMaxFeastYears) return no_days_;
  size_t count = 0;
  const internal::Feast* feasts = internal::Feasts(&count);
  feast_memo_.push_back({f, y, internal::FeastDays(feasts[f], y)});
  return feast_memo_.back().days;
}

bool Tagger::QuantityNoun(size_t j) const {
  if (j >= n() || toks_[j].kind != TokKind::kWord || toks_[j].cap ||
      toks_[j].lex.r[0].cat != Cat::kNone)
    return false;
  std::string_view w =
      text_.substr(toks_[j].begin, toks_[j].end - toks_[j].begin);
  return (w.size() > 3 && w.back() == 's') || w == "people" || w == "percent";
}

bool Tagger::WordIs(size_t j, std::string_view w) const {
  if (j >= n() || toks_[j].kind != TokKind::kWord) return false;
  std::string_view s =
      text_.substr(toks_[j].begin, toks_[j].end - toks_[j].begin);
  if (s.size() != w.size()) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    char a = s[k];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (a != w[k]) return false;
  }
  return true;
}

// ---------------------------------------------------------------- tense

bool Tagger::IsBoundary(size_t k) const {
  const Tok& t = toks_[k];
  if (t.break_before && k > 0 && toks_[k - 1].kind != TokKind::kPunct) {
    // A line break after a word with no final punctuation: a heading or a
    // list item ends there.
    return true;
  }
  if (t.kind != TokKind::kPunct) return false;
  if (t.punct == '!' || t.punct == '?' || t.punct == ';') return true;
  if (t.punct != '.') return false;
  // "$29.75", "4.5%": a decimal point, not an end.
  if (k > 0 && toks_[k - 1].kind == TokKind::kNum && Num(k + 1) && Adj(k) &&
      Adj(k + 1))
    return false;
  // "Sept. 13", "Mr. Kim", "U.S. officials": an abbreviation, not an end.
  if (k > 0 && toks_[k - 1].kind == TokKind::kWord) {
    const Tok& w = toks_[k - 1];
    uint32_t len = w.end - w.begin;
    if (len <= 3 && w.cap) return false;
    if (w.Has(Cat::kMonth)) return false;
  }
  return true;
}

void Tagger::SentenceRange(size_t first, size_t* s, size_t* e) const {
  if (!sentences_.empty() && first < n()) {
    uint32_t b = toks_[first].begin;
    auto it = std::upper_bound(
        sentences_.begin(), sentences_.end(), b,
        [](uint32_t x, const Sentence& st) { return x < st.span.begin; });
    if (it != sentences_.begin()) {
      const Sentence& st = *(it - 1);
      if (b < st.span.end) {
        auto lo = std::lower_bound(
            toks_.begin(), toks_.end(), st.span.begin,
            [](const Tok& t, uint32_t x) { return t.begin < x; });
        auto hi = std::lower_bound(
            toks_.begin(), toks_.end(), st.span.end,
            [](const Tok& t, uint32_t x) { return t.begin < x; });
        *s = static_cast<size_t>(lo - toks_.begin());
        *e = static_cast<size_t>(hi - toks_.begin());
        return;
      }
    }
  }
  // No sentence layer: scan for boundaries, at most 60 tokens each way.
  size_t a = first;
  for (size_t steps = 0; a > 0 && steps < 60; ++steps) {
    if (IsBoundary(a - 1) || toks_[a].break_before) break;
    --a;
  }
  size_t b = first;
  for (size_t steps = 0; b < n() && steps < 60; ++steps) {
    if (b > first && (toks_[b].break_before || IsBoundary(b - 1))) break;
    ++b;
  }
  *s = a;
  *e = b;
}

Tense Tagger::CueAt(size_t k) const {
  const Tok& t = toks_[k];
  if (t.kind != TokKind::kWord) return Tense::kUnknown;
  if (t.Has(Cat::kFuture)) return Tense::kFuture;
  if (t.Has(Cat::kFutureIfTo)) {
    // "plans for the trip" is a noun; "set for Friday" an arrangement.
    if (!WordIs(k + 1, "to") &&
        !(WordIs(k + 1, "for") && !WordIs(k, "plans") && !WordIs(k, "plan")))
      return Tense::kUnknown;
    // "had been due to expire Friday", "had planned to": a plan that lay
    // ahead only of a past moment, so the day is a past one.
    if (k > 0 && (WordIs(k - 1, "had") ||
                  (k > 1 && WordIs(k - 1, "been") && WordIs(k - 2, "had"))))
      return Tense::kPast;
    return Tense::kFuture;
  }
  // "will be named", "to be held": a passive participle after "be" has no
  // tense of its own; the auxiliary before it decides.
  const bool after_be = k > 0 && WordIs(k - 1, "be");
  if (t.Has(Cat::kPastVerb)) return after_be ? Tense::kUnknown : Tense::kPast;
  if (t.Has(Cat::kPresent)) {
    // "is to resume", "are due to": arranged future.
    if (WordIs(k + 1, "to")) return Tense::kFuture;
    return Tense::kPresent;
  }
  if (t.Has(Cat::kNotVerb) || t.lex.r[0].cat != Cat::kNone)
    return Tense::kUnknown;
  uint32_t len = t.end - t.begin;
  if (len >= 4 && !t.cap) {
    char a = text_[t.end - 2], b = text_[t.end - 1];
    if (a == 'e' && b == 'd' && !after_be) return Tense::kPast;
  }
  return Tense::kUnknown;
}

// A quantity right before k: "8.5%", "$2 million", "10,000": what follows
// ("annually", "a year") is its rate, not a time of its own.
bool Tagger::RateAfterQuantity(size_t k) const {
  if (k == 0) return false;
  const size_t q = k - 1;
  return P(q, '%') || Num(q) || WordIs(q, "million") ||
         WordIs(q, "billion") || WordIs(q, "percent") ||
         Is(q, Cat::kMultiplier);
}

bool Tagger::ArrangedBefore(size_t k) const {
  return toks_[k].Has(Cat::kFutureIfTo) &&
         (WordIs(k, "scheduled") || WordIs(k, "planned") ||
          WordIs(k, "slated"));
}

// "since March", "since the Oct. 23 attack": whatever the verb, the date
// lies before the time of writing.
bool Tagger::AfterSince(size_t first) const {
  size_t b = first > 0 && Is(first - 1, Cat::kThe) ? first - 1 : first;
  return b > 0 && WordIs(b - 1, "since");
}

Tense Tagger::TenseAt(size_t first, size_t end) {
  if (AfterSince(first)) return Tense::kPast;
  // An earliest date looks ahead even in past narration: "said he could
  // come as early as Tuesday".
  if (first > 2 && WordIs(first - 1, "as") && WordIs(first - 3, "as") &&
      (WordIs(first - 2, "early") || WordIs(first - 2, "soon")))
    return Tense::kFuture;
  size_t s = 0, e = 0;
  SentenceRange(first, &s, &e);
  // "postponed until Tuesday", "gave them until 9 a.m. Tuesday", "extended
  // the deadline till Friday": the end of a deferral lies ahead of it,
  // whatever the tense of the deferring.
  // A clock before the day ("until 9 a.m. Tuesday") is skipped.
  size_t b = first;
  while (b > 0 && b + 6 > first &&
         (Is(b - 1, Cat::kThe) || Num(b - 1) || Is(b - 1, Cat::kAmPm) ||
          Is(b - 1, Cat::kZone) || Is(b - 1, Cat::kPartOfDay) ||
          P(b - 1, '.') || P(b - 1, ':')))
    --b;
  if (b > 0 && (WordIs(b - 1, "until") || WordIs(b - 1, "till"))) {
    for (size_t k = b - 1; k > s && k + 12 > b; --k) {
      static constexpr std::string_view kDefer[] = {
          "postponed", "postpone", "postpones", "delayed",   "deferred",
          "extended",  "extend",   "extends",   "given",     "gave",
          "adjourned", "recessed", "deadline",  "suspended", "put"};
      for (std::string_view w : kDefer)
        if (WordIs(k - 1, w)) return Tense::kFuture;
    }
  }
  // First the expression's own clause (up to "and", "but", ";"), then the
  // whole sentence: "X fell on Monday, but trading will resume Friday".
  auto clause_end = [&](size_t k) {
    return P(k, ';') || P(k, ':') || WordIs(k, "but") || WordIs(k, "while") ||
           WordIs(k, "whereas");
  };
  // A verb right after the expression is its own: "a court Thursday
  // refused", "the offer Friday expired" (news puts the day before its verb).
  if (end < e && end < n()) {
    Tense t = CueAt(end);
    if (t == Tense::kPast) return t;
  }
  for (size_t k = first; k > s && !clause_end(k - 1); --k) {
    // "has scheduled a news conference Thursday", "planned a rally on
    // Saturday": a day named after a verb of arranging is the day of the
    // arranged event, ahead of the arranging (unless "had" puts it back).
    if (ArrangedBefore(k - 1)) {
      const bool had = k >= 2 && (WordIs(k - 2, "had") ||
                                  (k >= 3 && WordIs(k - 2, "been") &&
                                   WordIs(k - 3, "had")));
      return had ? Tense::kPast : Tense::kFuture;
    }
    Tense t = CueAt(k - 1);
    if (t != Tense::kUnknown) return t;
  }
  for (size_t k = end; k < e && k < n() && !clause_end(k); ++k) {
    Tense t = CueAt(k);
    if (t != Tense::kUnknown) return t;
  }
  for (size_t k = first; k > s; --k) {
    Tense t = CueAt(k - 1);
    if (t != Tense::kUnknown) return t;
  }
  for (size_t k = end; k < e && k < n(); ++k) {
    Tense t = CueAt(k);
    if (t != Tense::kUnknown) return t;
  }
  return options_.unknown_tense_is_future ? Tense::kFuture : Tense::kUnknown;
}

// ---------------------------------------------------------------- helpers

size_t Tagger::ParseCount(size_t j, int* value) const {
  if (j >= n()) return 0;
  const Tok& t = toks_[j];
  if (t.kind == TokKind::kNum) {
    if (t.ordinal || t.plural_s || t.ndigits > 4 || t.num <= 0) return 0;
    // "1,000" and "2.5" are not counts we can name.
    if (P(j + 1, ',') && Num(j + 2) && Adj(j + 1) && Adj(j + 2)) return 0;
    if (P(j + 1, '.') && Num(j + 2) && Adj(j + 1) && Adj(j + 2)) return 0;
    if (j > 0 && (P(j - 1, '.') || P(j - 1, ',')) && Adj(j) && Num(j - 2) &&
        Adj(j - 1))
      return 0;
    *value = t.num;
    return j + 1;
  }
  if (t.Has(Cat::kA)) {
    if (const auto* m = R(j + 1, Cat::kMultiplier); m && m->value == 12) {
      *value = 12;
      return j + 2;
    }
    if (R(j + 1, Cat::kVague)) {  // "a few", "a couple of"
      const auto* v = R(j + 1, Cat::kVague);
      *value = v->value == 2 ? 2 : -1;
      size_t k = j + 2;
      if (v->value == 2 && Is(k, Cat::kOf)) ++k;
      return k;
    }
    // "a pair of minutes": two.
    if (R(j + 3, Cat::kUnit) && Is(j + 2, Cat::kOf) && WordIs(j + 1, "pair")) {
      *value = 2;
      return j + 3;
    }
    *value = 1;
    return j + 1;
  }
  if (const auto* v = t.Get(Cat::kVague)) {
    *value = v->value == 2 ? 2 : -1;
    size_t k = j + 1;
    if (v->value == 2 && Is(k, Cat::kOf)) ++k;
    return k;
  }
  if (const auto* m = t.Get(Cat::kMultiplier);
      m && (m->flags & internal::kFlagPlural)) {
    *value = -1;  // "hundreds of years", "dozens of"
    size_t k = j + 1;
    if (Is(k, Cat::kOf)) ++k;
    return k;
  }
  if (const auto* w = t.Get(Cat::kNumWord)) {
    int v = w->value;
    size_t k = j + 1;
    if (v >= 20 && v % 10 == 0) {
      size_t u = k;
      if (Dash(u) && Adj(u) && Adj(u + 1)) ++u;
      if (const auto* w2 = R(u, Cat::kNumWord); w2 && w2->value < 10) {
        v += w2->value;
        k = u + 1;
      }
    }
    if (const auto* m = R(k, Cat::kMultiplier);
        m && !(m->flags & internal::kFlagPlural)) {
      v *= m->value == 250 ? 1000 : m->value;
      ++k;
    }
    *value = v;
    return k;
  }
  return 0;
}

size_t Tagger::ParseClock(size_t j, int* hour, int* minute) const {
  if (!PlainNum(j, 2)) return 0;
  int h = toks_[j].num, m = 0;
  size_t k = j + 1;
  bool colon = false;
  if ((P(k, ':') || P(k, '.')) && Adj(k) && Adj(k + 1) && PlainNum(k + 1, 2) &&
      toks_[k + 1].ndigits == 2) {
    if (P(k, '.') && !Is(k + 2, Cat::kAmPm)) return 0;  // "3.50" is a number
    m = toks_[k + 1].num;
    colon = true;
    k += 2;
    if (P(k, ':') && Adj(k) && PlainNum(k + 1, 2) && Adj(k + 1)) k += 2;
  } else if (WordIs(k, "h") && Adj(k) && h <= 24 &&
             !(j > 0 && Adj(j) && !(toks_[j - 1].kind == TokKind::kWord))) {
    // European "15h30", "15h"; a bare "1h" after "in" or "for" is an hour
    // long, so "Nh" alone needs two digits or a preceding "at".
    if (PlainNum(k + 1, 2) && Adj(k + 1) && toks_[k + 1].ndigits == 2) {
      m = toks_[k + 1].num;
      colon = true;
      k += 2;
    } else if (toks_[j].ndigits == 2 || (j > 0 && WordIs(j - 1, "at")) ||
               Is(k + 1, Cat::kZone)) {
      colon = true;
      ++k;
    }
  }
  // "at 3 15", "at 12 45": after "at", an hour and two-digit minutes
  // written apart (not "at 3 15-year-olds", "at 12 50 cents").
  if (!colon && h <= 12 && PlainNum(k, 2) && toks_[k].ndigits == 2 &&
      toks_[k].num < 60 && !Adj(k) && j > 0 && WordIs(j - 1, "at") &&
      !(Dash(k + 1) && Adj(k + 1)) && !(P(k + 1, '.') && Adj(k + 1)) &&
      !(P(k + 1, ',') && Adj(k + 1)) &&
      !(k + 1 < n() && toks_[k + 1].kind == TokKind::kWord &&
        !Is(k + 1, Cat::kAmPm) && !Is(k + 1, Cat::kZone) &&
        toks_[k + 1].lex.r[0].cat == Cat::kNone)) {
    m = toks_[k].num;
    colon = true;
    ++k;
  }
  // "3ish pm": an approximate hour keeps its am/pm.
  if (!colon && h <= 12 && Adj(k) && Is(k + 1, Cat::kAmPm) && WordIs(k, "ish"))
    ++k;
  // "3 o'clock", "3 oclock": a clock, with or without am/pm after it.
  if (!colon && h <= 12 && WordIs(k, "oclock")) {
    colon = true;
    ++k;
  } else if (!colon && h <= 12 && WordIs(k, "o") && Adj(k + 1) &&
             (P(k + 1, '\'') || P(k + 1, internal::kQuote)) &&
             WordIs(k + 2, "clock") && Adj(k + 2)) {
    colon = true;
    k += 3;
  }
  bool ampm = false;
  if (const auto* a = R(k, Cat::kAmPm)) {
    if (h < 1 || h > 12) return 0;
    if (a->value == 1 && h != 12) h += 12;
    if (a->value == 0 && h == 12) h = 0;
    ampm = true;
    ++k;
  } else if ((WordIs(k, "p") || WordIs(k, "a")) && WordIs(k + 1, "m") &&
             !Adj(k) && Adj(k + 1) == false && h >= 1 && h <= 12 &&
             (k + 2 >= n() || toks_[k + 2].kind == TokKind::kPunct)) {
    // "3:30 p m", "nine a m" (spelled out letter by letter).
    if (WordIs(k, "p") && h != 12) h += 12;
    if (WordIs(k, "a") && h == 12) h = 0;
    ampm = true;
    k += 2;
  } else if (Adj(k) && h >= 1 && h <= 12 &&
             (WordIs(k, "p") || WordIs(k, "a")) &&
             (colon ||
              (j > 0 && (WordIs(j - 1, "at") || WordIs(j - 1, "from") ||
                         WordIs(j - 1, "to") || WordIs(j - 1, "until"))))) {
    // "3:30p", "9:15a", "at 3p", "from 9a".
    if (WordIs(k, "p") && h != 12) h += 12;
    if (WordIs(k, "a") && h == 12) h = 0;
    ampm = true;
    ++k;
    if (P(k, '.') && Adj(k)) ++k;
  }
  // "3 in the AM", "4 in the p.m.".
  if (!ampm && h >= 1 && h <= 12 && WordIs(k, "in") && Is(k + 1, Cat::kThe) &&
      Is(k + 2, Cat::kAmPm)) {
    if (R(k + 2, Cat::kAmPm)->value == 1 && h != 12) h += 12;
    if (R(k + 2, Cat::kAmPm)->value == 0 && h == 12) h = 0;
    ampm = true;
    k += 3;
  }
  // "3:15 in the afternoon", "8 in the evening", "3 in the morning".
  if (!ampm && h >= 1 && h <= 12 && WordIs(k, "in") && Is(k + 1, Cat::kThe)) {
    if (const auto* pd = R(k + 2, Cat::kPartOfDay)) {
      auto part = static_cast<PartOfDay>(pd->value);
      if (part == PartOfDay::kMorning) {
        if (h == 12) h = 0;
        ampm = true;
      } else if (part == PartOfDay::kAfternoon ||
                 part == PartOfDay::kEvening || part == PartOfDay::kNight) {
        if (h != 12) h += 12;
        ampm = true;
      }
      if (ampm) k += 3;
    }
  }
  // "at 8 GMT": a bare hour with a zone after "at".
  const bool bare_zone = !colon && !ampm && Is(k, Cat::kZone) && j > 0 &&
                         WordIs(j - 1, "at") && h <= 24;
  if (!colon && !ampm && !bare_zone) return 0;
  if (h > 24 || m > 59) return 0;
  // A zone after a clock, in either case or in brackets: "8:00 gmt",
  // "9 am (BST)".
  if (Is(k, Cat::kZone))
    ++k;
  else if (P(k, '(') && Is(k + 1, Cat::kZone) && P(k + 2, ')'))
    k += 3;
  *hour = h;
  *minute = m;
  return k;
}

void Tagger::TryTimeAfter(std::string_view date_value, Cand* c) {
  size_t k = c->end;
  if (P(k, ',') || WordIs(k, "at")) ++k;
  int h = 0, m = 0;
  size_t e = ParseClock(k, &h, &m);
  if (e == 0) return;
  c->end = e;
  c->type = TimexType::kTime;
  c->value = std::string(date_value) + "T" + Pad(h, 2) + ":" + Pad(m, 2);
}

bool Tagger::MeridiemIn(size_t b, size_t e, int h) const {
  if (h == 0 || h >= 13) return true;
  for (size_t q = b; q < e && q < n(); ++q)
    if (Is(q, Cat::kAmPm) || WordIs(q, "h") || WordIs(q, "in") ||
        WordIs(q, "a") || WordIs(q, "p"))
      return true;
  return false;
}

void Tagger::ClockOnAnchorDay(int h, int m, bool meridiem, Cand* c) {
  c->type = TimexType::kTime;
  c->clock_on_anchor = true;
  if (!dct_) {
    c->value = "XXXX-XX-XXT" + Pad(h, 2) + ":" + Pad(m, 2);
    c->relative = true;
    return;
  }
  Date d = *dct_;
  const int now = options_.anchor_minute_of_day;
  if (now >= 0 && now < 24 * 60 &&
      TenseAt(c->first, c->end) == Tense::kFuture) {
    // The next such time, counted in hours (a time in the current hour is
    // not past yet): the afternoon reading of a bare "3:30" when the
    // morning one has passed, else the next day.
    const int hour_now = now / 60;
    if (!meridiem && h >= 1 && h < 12 && h < hour_now && h + 12 >= hour_now)
      h += 12;
    else if (h < hour_now)
      d = civil::AddDays(d, 1);
  }
  SetResolved(c, YMD(d) + "T" + Pad(h, 2) + ":" + Pad(m, 2));
}

template <typename MakeDate>
Date Tagger::NearestYear(MakeDate make, Cand* c) {
  // The nearest such day to the DCT; tense moves it a year only when the
  // nearest one lies more than 90 days on the wrong side.
  const int64_t now = civil::ToDays(*dct_);
  int year = dct_->year;
  for (int y : {dct_->year - 1, dct_->year + 1}) {
    if (std::llabs(civil::ToDays(make(y)) - now) <
        std::llabs(civil::ToDays(make(year)) - now))
      year = y;
  }
  Tense t = TenseAt(c->first, c->end);
  int64_t diff = civil::ToDays(make(year)) - now;
  if ((t == Tense::kPast && diff > 90) || (diff > 0 && AfterSince(c->first)))
    --year;
  // An assistant's request ("christmas", "march 3") means the next one.
  if (t == Tense::kFuture &&
      (diff < -90 || (options_.unknown_tense_is_future && diff < 0)))
    ++year;
  return make(year);
}

void Tagger::FillDayMonth(int y, int m, int d, Cand* c) {
  c->type = TimexType::kDate;
  if (y >= 0) {
    Date dt{y, m, d};
    c->value = YMD(dt);
    c->has_ref = true;
    c->ref = dt;
    c->ref_gran = Gran::kDay;
    return;
  }
  if (!dct_) {
    c->value = "XXXX-" + Pad(m, 2) + "-" + Pad(d, 2);
    c->relative = true;
    return;
  }
  Date dt = NearestYear(
      [&](int y) {
        return Date{y, m, std::min(d, civil::DaysInMonth(y, m))};
      },
      c);
  SetResolved(c, YMD(dt));
  c->has_ref = true;
  c->ref = dt;
}

void Tagger::WeekdayValue(int wd, int dir, Cand* c) {
  c->type = TimexType::kDate;
  if (!dct_) {
    c->value = "XXXX-WXX-" + std::to_string(wd);
    c->relative = true;
    return;
  }
  int cur = civil::Weekday(*dct_);
  int delta = 0;
  if (dir < 0) {
    delta = -((cur - wd + 7) % 7);
  } else if (dir > 0) {
    delta = (wd - cur + 7) % 7;
    // A news report names the coming week's day only with "next"; a bare
    // "Thursday" in a Thursday story is that day ("later Thursday"). An
    // assistant asked about "thursday" on a Thursday means the next one.
    if (delta == 0 && options_.unknown_tense_is_future) delta = 7;
  } else {
    delta = wd - cur;
  }
  Date d = civil::AddDays(*dct_, delta);
  SetResolved(c, YMD(d));
  c->has_ref = true;
  c->ref = d;
}

size_t Tagger::ParseSpelledYear(size_t j, int* year) const {
  const auto* a = R(j, Cat::kNumWord);
  if (!a) return 0;
  if (a->value == 19 || a->value == 20) {
    int tens = 0;
    size_t k = ParseCount(j + 1, &tens);
    if (!k || tens < 10 || tens > 99 || !Is(j + 1, Cat::kNumWord)) return 0;
    *year = a->value * 100 + tens;
    return k;
  }
  if (a->value == 2 && R(j + 1, Cat::kMultiplier) &&
      R(j + 1, Cat::kMultiplier)->value == 250 &&
      !(R(j + 1, Cat::kMultiplier)->flags)) {
    size_t k = j + 2;
    int rest = 0;
    size_t e = k;
    if (WordIs(k, "and")) ++e;
    if (size_t f = ParseCount(e, &rest);
        f && Is(e, Cat::kNumWord) && rest > 0 && rest < 100) {
      *year = 2000 + rest;
      return f;
    }
    *year = 2000;
    return k;
  }
  return 0;
}

int Tagger::DayAt(size_t j, bool allow_words, size_t* next) const {
  if (j >= n()) return 0;
  const Tok& t = toks_[j];
  if (t.kind == TokKind::kNum) {
    if (t.ndigits > 2 || t.plural_s || t.num < 1 || t.num > 31) return 0;
    *next = j + 1;
    return t.num;
  }
  if (!allow_words) return 0;
  if (const auto* o = t.Get(Cat::kOrdWord); o && o->value <= 31) {
    *next = j + 1;
    return o->value;
  }
  if (const auto* w = t.Get(Cat::kNumWord);
      w && (w->value == 20 || w->value == 30) && Dash(j + 1) && Adj(j + 1) &&
      R(j + 2, Cat::kOrdWord) && R(j + 2, Cat::kOrdWord)->value < 10) {
    int v = w->value + R(j + 2, Cat::kOrdWord)->value;
    if (v > 31) return 0;
    *next = j + 3;
    return v;
  }
  return 0;
}

bool Tagger::DateAt(size_t k, Cand* d) {
  if (k >= n()) return false;
  d->first = k;
  bool ok = false;
  if (toks_[k].Has(Cat::kMonth))
    ok = MatchMonthFirst(k, d);
  else if (toks_[k].Has(Cat::kWeekday))
    ok = MatchWeekday(k, d);
  else if (Num(k))
    ok = MatchDayFirst(k, d) || MatchNumericDate(k, d);
  else if (toks_[k].Has(Cat::kDeictic))
    ok = MatchDeictic(k, d);
  return ok && d->type == TimexType::kDate && d->value.size() == 10;
}

bool Tagger::MatchSpelledYear(size_t i, Cand* c) {
  int y = 0;
  size_t e = ParseSpelledYear(i, &y);
  if (!e) return false;
  // "two thousand" alone is a count unless a date word leads in.
  if (y == 2000 &&
      !(i > 0 && (Is(i - 1, Cat::kYearCtx) || Is(i - 1, Cat::kThe))))
    return false;
  if (Is(e, Cat::kUnit)) return false;
  c->end = e;
  c->value = Y(y);
  c->has_ref = true;
  c->ref = Date{y, 1, 1};
  c->ref_gran = Gran::kYear;
  return true;
}

// "the 21st century", "the twentieth century".
bool Tagger::MatchCentury(size_t i, Cand* c) {
  int v = 0;
  size_t k = i + 1;
  if (Num(i) && toks_[i].ordinal) {
    v = toks_[i].num;
  } else if (const auto* o = R(i, Cat::kOrdWord)) {
    v = o->value;
  } else if (const auto* t = R(i, Cat::kNumWord);
             t && t->value == 20 && Dash(i + 1) && R(i + 2, Cat::kOrdWord)) {
    v = 20 + R(i + 2, Cat::kOrdWord)->value;
    k = i + 3;
  }
  const auto* ur = R(k, Cat::kUnit);
  if (v < 1 || v > 30 || !ur ||
      ur->value != static_cast<uint8_t>(Unit::kCentury) ||
      (ur->flags & internal::kFlagPlural))
    return false;
  c->end = k + 1;
  c->value = Pad(v - 1, 2);
  c->the_ok = true;
  return true;
}

// "a high for the year", "nine months of the year", "an increase for the
// full year": in a report, the current year (an earlier year mentioned
// since is most often a comparison, "up from 1988").
bool Tagger::MatchTheYear(size_t i, Cand* c) {
  const auto* yu = toks_[i].Get(Cat::kUnit);
  if (!yu || static_cast<Unit>(yu->value) != Unit::kYear ||
      (yu->flags & internal::kFlagPlural) || i < 2)
    return false;
  size_t b = i - 1;
  if (WordIs(b, "full") || WordIs(b, "whole") || WordIs(b, "entire")) --b;
  if (b == 0 || !Is(b, Cat::kThe) || toks_[b].cap) return false;
  if (!WordIs(b - 1, "for") && !WordIs(b - 1, "of") &&
      !WordIs(b - 1, "during") && !WordIs(b - 1, "throughout"))
    return false;
  // Not "the year before", "the year ended June 30", "the year-ago
  // quarter", "the year 2000", "the year of the dragon" (but "a high for
  // the year of $42").
  if (i + 1 < n() && (toks_[i + 1].kind != TokKind::kPunct || Dash(i + 1)) &&
      !WordIs(i + 1, "and") && !WordIs(i + 1, "to") && !WordIs(i + 1, "as") &&
      !WordIs(i + 1, "in") && !WordIs(i + 1, "from") && !WordIs(i + 1, "by") &&
      !(WordIs(i + 1, "of") && (Num(i + 2) || P(i + 2, '$'))))
    return false;
  if (!dct_) return false;
  c->first = b;
  c->end = i + 1;
  c->the_ok = true;
  SetResolved(c, Y(dct_->year));
  c->resolved = true;
  return true;
}

// "the quarter", "the weekend", "the week": the current one, or the one the
// text is about (a quarter just reported on is the previous one).
bool Tagger::MatchTheUnit(size_t i, Cand* c) {
  // "the year 2000", "the year two thousand": the year named.
  if (const auto* yu = toks_[i].Get(Cat::kUnit);
      yu && static_cast<Unit>(yu->value) == Unit::kYear &&
      !(yu->flags & internal::kFlagPlural)) {
    int y = 0;
    size_t e = 0;
    if (YearTok(i + 1) && !(Adj(i + 2) && (Num(i + 2) || Dash(i + 2)))) {
      y = toks_[i + 1].num;
      e = i + 2;
    } else if (Is(i + 1, Cat::kNumWord)) {
      e = ParseSpelledYear(i + 1, &y);
    }
    if (e && y >= 1000 && y <= 2999) {
      c->end = e;
      c->type = TimexType::kDate;
      c->value = Y(y);
      c->the_ok = true;
      c->has_ref = true;
      c->ref = Date{y, 1, 1};
      c->ref_gran = Gran::kYear;
      return true;
    }
  }
  // "the day before last Tuesday", "the day after Christmas": the day next
  // to a named day ("the day before yesterday" is MatchDeictic's).
  if (i > 0 && Is(i - 1, Cat::kThe) && WordIs(i, "day") &&
      (WordIs(i + 1, "before") || WordIs(i + 1, "after")) &&
      !Is(i + 2, Cat::kDeictic)) {
    Cand d;
    d.first = i + 2;
    if (i + 2 < n() && MatchAt(i + 2, &d) && d.first == i + 2 &&
        d.type == TimexType::kDate && d.value.size() == 10) {
      if (auto day = civil::ParseIsoDate(d.value)) {
        const Date x = civil::AddDays(*day, WordIs(i + 1, "after") ? 1 : -1);
        const bool rel = d.relative, res = d.resolved;
        *c = std::move(d);
        c->first = i;
        c->value = YMD(x);
        c->relative = true;
        c->resolved = res || (!rel && dct_.has_value());
        c->the_ok = true;
        c->has_ref = true;
        c->ref = x;
        c->ref_gran = Gran::kDay;
        return true;
      }
    }
  }
  // "that year", "later that year", "earlier that day": the period of the
  // date the text last mentioned.
  if (i > 0 && WordIs(i - 1, "that") && have_ref_) {
    const auto* u = toks_[i].Get(Cat::kUnit);
    if (!u || (u->flags & internal::kFlagPlural)) return false;
    Unit unit = static_cast<Unit>(u->value);
    if (unit != Unit::kDay && unit != Unit::kMonth && unit != Unit::kYear)
      return false;
    if (unit == Unit::kDay && ref_gran_ != Gran::kDay) return false;
    if (unit == Unit::kMonth && ref_gran_ > Gran::kMonth) return false;
    c->first = i >= 2 && (WordIs(i - 2, "later") || WordIs(i - 2, "earlier"))
                   ? i - 2
                   : i - 1;
    c->end = i + 1;
    SetResolved(c, UnitValue(ref_, unit));
    c->resolved = dct_.has_value();
    return true;
  }
  // "the year ended March 31", "the fiscal year ending in June": a
  // twelve-month accounting period, a length rather than a calendar year.
  if (const auto* yu = toks_[i].Get(Cat::kUnit);
      yu && static_cast<Unit>(yu->value) == Unit::kYear &&
      !(yu->flags & internal::kFlagPlural) &&
      (WordIs(i + 1, "ended") || WordIs(i + 1, "ending"))) {
    size_t b = i;
    if (b > 0 && Is(b - 1, Cat::kFiscal)) --b;
    if (b > 0 && Is(b - 1, Cat::kThe)) {
      c->first = b - 1;
      c->end = i + 1;
      c->type = TimexType::kDuration;
      c->value = "P1Y";
      return true;
    }
  }
  if (MatchTheYear(i, c)) return true;
  if (i == 0 || !Is(i - 1, Cat::kThe)) return false;
  const auto* ur = toks_[i].Get(Cat::kUnit);
  if (!ur || (ur->flags & internal::kFlagPlural)) return false;
  Unit u = static_cast<Unit>(ur->value);
  if (u != Unit::kQuarter && u != Unit::kWeekend && u != Unit::kWeek)
    return false;
  // "the week of March 6": the ISO week holding that day.
  if (u == Unit::kWeek && Is(i + 1, Cat::kOf)) {
    Cand d;
    if (!DateAt(i + 2, &d)) return false;
    c->end = d.end;
    c->the_ok = true;
    auto day = civil::ParseIsoDate(d.value);
    if (!day) {
      c->value = "XXXX-WXX";
      c->relative = true;
      return true;
    }
    c->value = Week(*day);
    c->relative = d.relative;
    c->resolved = d.resolved;
    c->has_ref = true;
    c->ref = *day;
    c->ref_gran = Gran::kWeek;
    return true;
  }
  if (Is(i + 1, Cat::kOf) || (Dash(i + 1) && Adj(i + 1))) return false;
  c->end = i + 1;
  c->the_ok = true;
  // "the quarter a year ago", "the quarter a year earlier": the same
  // quarter one year back, one expression.
  const auto* yu = R(i + 2, Cat::kUnit);
  const int back = u == Unit::kQuarter && WordIs(i + 1, "a") && yu &&
                           yu->value == static_cast<uint8_t>(Unit::kYear) &&
                           !(yu->flags & internal::kFlagPlural) &&
                           (Is(i + 3, Cat::kAgo) || WordIs(i + 3, "earlier"))
                       ? 1
                       : 0;
  if (back) c->end = i + 4;
  if (u == Unit::kQuarter && have_ref_ && ref_gran_ == Gran::kQuarter) {
    SetResolved(c, UnitValue(AddYears(ref_, -back), u));
    c->resolved = dct_.has_value();
    return true;
  }
  if (!dct_) {
    c->value = UnitUnknown(u);
    c->relative = true;
    return true;
  }
  Date base = AddYears(*dct_, -back);
  Tense t = TenseAt(i, i + 1);
  if (u == Unit::kQuarter && t == Tense::kPast)
    base = civil::AddMonths(base, -3);
  if (u == Unit::kWeekend && t == Tense::kPast && civil::Weekday(base) < 6)
    base = civil::AddDays(base, -7);
  SetResolved(c, UnitValue(base, u));
  return true;
}

// "year-earlier", "year-ago" (+ "period" / "quarter"): a year before the
// period the text is about.
bool Tagger::MatchYearAgo(size_t i, Cand* c) {
  const auto* ur = toks_[i].Get(Cat::kUnit);
  if (!ur || ur->value != static_cast<uint8_t>(Unit::kYear) ||
      (ur->flags & internal::kFlagPlural))
    return false;
  if (!(Dash(i + 1) && Adj(i + 1) && Adj(i + 2) &&
        (Is(i + 2, Cat::kAgo) || WordIs(i + 2, "earlier"))))
    return false;
  c->end = i + 3;
  if (WordIs(c->end, "period") || R(c->end, Cat::kUnit)) {
    const auto* u2 = R(c->end, Cat::kUnit);
    if (!u2 || u2->value == static_cast<uint8_t>(Unit::kQuarter)) {
      ++c->end;
      c->the_ok = true;
    }
  }
  const bool quarter_noun =
      c->end > i + 3 && R(i + 3, Cat::kUnit) &&
      R(i + 3, Cat::kUnit)->value == static_cast<uint8_t>(Unit::kQuarter);
  // A quarter named last is the one compared with, unless it still lies
  // ahead ("losses through the third quarter of 1990. In the year-ago
  // period, ..."): results are compared with a year before a finished one.
  const bool ref_ahead = dct_ && ref_ > *dct_;
  const bool period_noun = c->end > i + 3;
  if (have_ref_ && ref_gran_ == Gran::kQuarter && !ref_ahead) {
    SetResolved(c, UnitValue(AddYears(ref_, -1), Unit::kQuarter));
    c->resolved = dct_.has_value();
  } else if ((quarter_noun ||
              (period_noun && have_ref_ && ref_gran_ == Gran::kQuarter)) &&
             dct_) {
    // "the year-ago quarter" with no quarter named yet: a year before the
    // last finished quarter, the one a results report is about.
    SetResolved(c, UnitValue(AddYears(civil::AddMonths(*dct_, -3), -1),
                             Unit::kQuarter));
  } else if (dct_) {
    SetResolved(c, Y(dct_->year - 1));
  } else {
    c->value = "XXXX";
    c->relative = true;
  }
  return true;
}

// "by year end", "since year-end", "by year's end": the end of the current
// year as a point in time; after "since" the last one that has passed.
bool Tagger::MatchYearEnd(size_t i, Cand* c) {
  const auto* ur = toks_[i].Get(Cat::kUnit);
  if (!ur || ur->value != static_cast<uint8_t>(Unit::kYear) ||
      (ur->flags & internal::kFlagPlural) || i == 0)
    return false;
  size_t k = i + 1;
  if (Dash(k) && Adj(k) && Adj(k + 1)) {
    ++k;
  } else if ((P(k, '\'') || P(k, internal::kQuote)) && Adj(k) &&
             WordIs(k + 1, "s") && Adj(k + 1)) {
    k += 2;
  }
  if (!WordIs(k, "end")) return false;
  const bool since = WordIs(i - 1, "since");
  if (!since && !WordIs(i - 1, "by") && !WordIs(i - 1, "before") &&
      !WordIs(i - 1, "until") && !WordIs(i - 1, "till") &&
      !WordIs(i - 1, "at") && !WordIs(i - 1, "through"))
    return false;
  c->end = k + 1;
  if (!dct_) {
    c->value = "XXXX";
    c->relative = true;
    return true;
  }
  if (since) {
    SetResolved(c, YMD(Date{dct_->year - 1, 12, 31}));
  } else {
    SetResolved(c, Y(dct_->year));
    c->mod = "END";
  }
  return true;
}

size_t Tagger::EraAt(size_t j, bool* bc) const {
  // "A.D." / "B.C." written with dots, in either case.
  if ((WordIs(j, "a") || WordIs(j, "b")) && P(j + 1, '.') && Adj(j + 1) &&
      (WordIs(j + 2, "d") || WordIs(j + 2, "c")) && Adj(j + 2) &&
      WordIs(j, "b") == WordIs(j + 2, "c")) {
    *bc = WordIs(j, "b");
    return P(j + 3, '.') && Adj(j + 3) ? j + 4 : j + 3;
  }
  // Undotted markers only in capitals ("ad" and "ce" are words).
  if (j < n() && toks_[j].cap &&
      (WordIs(j, "ad") || WordIs(j, "bc") || WordIs(j, "bce") ||
       WordIs(j, "ce"))) {
    const Tok& t = toks_[j];
    if (t.end - t.begin >= 2 && text_[t.begin + 1] >= 'A' &&
        text_[t.begin + 1] <= 'Z') {
      *bc = WordIs(j, "bc") || WordIs(j, "bce");
      return j + 1;
    }
  }
  return 0;
}

// "14 A.D.", "1066 AD", "44 BC": a year of the era, any number of digits
// (TIMEX3 writes the years before it with "BC": "BC0044").
bool Tagger::MatchEraYear(size_t i, Cand* c) {
  if (!PlainNum(i, 4) || toks_[i].num <= 0) return false;
  bool bc = false;
  size_t e = EraAt(i + 1, &bc);
  if (!e) return false;
  c->end = e;
  c->type = TimexType::kDate;
  c->value = (bc ? "BC" : "") + Pad(toks_[i].num, 4);
  return true;
}

// "at a later date", "in the short term", "over the near term": some time
// ahead (FUTURE_REF).
bool Tagger::MatchVagueFuture(size_t i, Cand* c) {
  if (i == 0) return false;
  if (Is(i, Cat::kA) && WordIs(i + 1, "later") && WordIs(i + 2, "date") &&
      (WordIs(i - 1, "at") || WordIs(i - 1, "until") || WordIs(i - 1, "to"))) {
    c->end = i + 3;
  } else if (Is(i, Cat::kThe) &&
             (WordIs(i + 1, "short") || WordIs(i + 1, "near")) &&
             WordIs(i + 2, "term") && !(Dash(i + 2) || Dash(i + 3)) &&
             (WordIs(i - 1, "in") || WordIs(i - 1, "over") ||
              WordIs(i - 1, "for"))) {
    c->end = i + 3;
  } else {
    return false;
  }
  c->type = TimexType::kDate;
  c->value = "FUTURE_REF";
  c->relative = true;
  return true;
}

// "at the moment": the time of speaking.
bool Tagger::MatchAtPresent(size_t i, Cand* c) {
  if (!WordIs(i, "at") || !Is(i + 1, Cat::kThe) || !WordIs(i + 2, "moment"))
    return false;
  c->end = i + 3;
  c->value = "PRESENT_REF";
  c->relative = true;
  return true;
}

// "the current system", "its current owners", "current market conditions":
// the adjective places what it modifies at the time of writing, and TimeML
// marks it as the present (PRESENT_REF). Not the noun ("the current
// swept them away"), not a name ("Current TV"), and not the accounting
// terms where "current" means "due within a year" (current account, current
// assets).
bool Tagger::MatchCurrentAdj(size_t i, Cand* c) {
  if (!WordIs(i, "current")) return false;
  if (toks_[i].cap && i > 0 && !IsBoundary(i - 1) && !toks_[i].break_before)
    return false;
  const size_t j = i + 1;
  if (j >= n() || toks_[j].kind != TokKind::kWord || toks_[j].cap ||
      toks_[j].break_before)
    return false;
  // A time word after it is MatchRel's ("the current quarter"); a function
  // word the lexicon knows ("current of", "current is") makes it the noun.
  if (toks_[j].lex.r[0].cat != Cat::kNone) return false;
  static constexpr std::string_view kNot[] = {
      "account", "accounts", "assets",  "liabilities", "and",  "or",
      "but",     "to",       "from",    "with",        "that", "which",
      "who",     "was",      "were",    "has",         "had",  "flows",
      "flowed",  "flow",     "carried", "swept",       "runs", "ratio"};
  for (std::string_view w : kNot)
    if (WordIs(j, w)) return false;
  c->end = i + 1;
  c->value = "PRESENT_REF";
  c->relative = true;
  return true;
}

// "around 7:15 p.m.", "about noon".
bool Tagger::MatchApproxTime(size_t i, Cand* c) {
  const auto* a = toks_[i].Get(Cat::kApprox);
  if (!a || static_cast<ModKind>(a->value) != ModKind::kApprox) return false;
  Cand t;
  t.first = i + 1;
  if (i + 1 >= n() || !MatchTime(i + 1, &t)) return false;
  *c = std::move(t);
  c->first = i;
  c->mod = "APPROX";
  return true;
}

// ---------------------------------------------------------------- matchers

bool Tagger::MatchNumericDate(size_t i, Cand* c) {
  const Tok& t = toks_[i];
  if (t.ordinal || t.plural_s) return false;
  // 2023-09-13, 2023/09/13
  if (t.ndigits == 4 && (P(i + 1, '-') || P(i + 1, '/')) && Adj(i + 1) &&
      PlainNum(i + 2, 2) && Adj(i + 2) && P(i + 3, toks_[i + 1].punct) &&
      Adj(i + 3) && PlainNum(i + 4, 2) && Adj(i + 4)) {
    Date d{t.num, toks_[i + 2].num, toks_[i + 4].num};
    if (!civil::IsValid(d)) return false;
    c->end = i + 5;
    c->value = YMD(d);
    c->has_ref = true;
    c->ref = d;
    // "2023-09-13T23:18"
    if (c->end < n() && toks_[c->end].kind == TokKind::kWord && Adj(c->end) &&
        (WordIs(c->end, "t")) && PlainNum(c->end + 1, 2) && Adj(c->end + 1)) {
      int h = 0, m = 0;
      size_t e = ParseClock(c->end + 1, &h, &m);
      if (e) {
        c->end = e;
        c->type = TimexType::kTime;
        c->value += "T" + Pad(h, 2) + ":" + Pad(m, 2);
        return true;
      }
    }
    TryTimeAfter(c->value, c);
    return true;
  }
  // 9/13/2023, 13/9/2023, 9/13/23
  if (t.ndigits <= 2 && (P(i + 1, '/') || P(i + 1, '.') || P(i + 1, '-')) &&
      Adj(i + 1) && PlainNum(i + 2, 2) && Adj(i + 2) &&
      P(i + 3, toks_[i + 1].punct) && Adj(i + 3) && Num(i + 4) && Adj(i + 4) &&
      !toks_[i + 4].ordinal && !toks_[i + 4].plural_s &&
      (toks_[i + 4].ndigits == 4 || toks_[i + 4].ndigits == 2)) {
    if (Adj(i + 5) && (P(i + 5, toks_[i + 1].punct) || Num(i + 5)))
      return false;
    int y = toks_[i + 4].num;
    if (toks_[i + 4].ndigits == 2) y += y < 50 ? 2000 : 1900;
    int a = t.num, b = toks_[i + 2].num;
    // "9.13.23", "3-4-05" may be other numbers; with a dash, a two-digit
    // year needs a day past 12 to read as a date ("10-31-74").
    if (toks_[i + 4].ndigits == 2 && toks_[i + 1].punct != '/' &&
        !(toks_[i + 1].punct == '-' && (a > 12 || b > 12)))
      return false;
    Date d{y, a, b};
    if (!civil::IsValid(d)) d = Date{y, b, a};
    if (!civil::IsValid(d)) return false;
    c->end = i + 5;
    c->value = YMD(d);
    c->has_ref = true;
    c->ref = d;
    TryTimeAfter(c->value, c);
    return true;
  }
  // Day, month name and year joined by slashes or dashes: "31/Oct/1974",
  // "31-Oct-74".
  if (t.ndigits <= 2 && (P(i + 1, '/') || P(i + 1, '-')) && Adj(i + 1) &&
      R(i + 2, Cat::kMonth) && Adj(i + 2) && P(i + 3, toks_[i + 1].punct) &&
      Adj(i + 3) && Num(i + 4) && Adj(i + 4) && !toks_[i + 4].ordinal &&
      !toks_[i + 4].plural_s &&
      (toks_[i + 4].ndigits == 4 || toks_[i + 4].ndigits == 2)) {
    int y = toks_[i + 4].num;
    if (toks_[i + 4].ndigits == 2) y += y < 50 ? 2000 : 1900;
    Date d{y, R(i + 2, Cat::kMonth)->value, t.num};
    if (!civil::IsValid(d)) return false;
    c->end = i + 5;
    c->value = YMD(d);
    c->has_ref = true;
    c->ref = d;
    TryTimeAfter(c->value, c);
    return true;
  }
  // Year and month: "2014-10", "2014/10" (not a span of years, "2009-10");
  // month and year: "2/2013".
  if ((P(i + 1, '/') || P(i + 1, '-')) && Adj(i + 1) && Adj(i + 2) &&
      !(Adj(i + 3) && (Num(i + 3) || P(i + 3, '/') || P(i + 3, '-') ||
                       (P(i + 3, '.') && Num(i + 4) && Adj(i + 4)))) &&
      !(i > 0 && Adj(i) && (Num(i - 1) || P(i - 1, '/') || P(i - 1, '-')))) {
    int y = 0, m = 0;
    if (YearTok(i) && PlainNum(i + 2, 2) && toks_[i + 2].ndigits == 2 &&
        toks_[i + 2].num != (t.num + 1) % 100)
      y = t.num, m = toks_[i + 2].num;
    else if (P(i + 1, '/') && PlainNum(i, 2) && YearTok(i + 2))
      y = toks_[i + 2].num, m = t.num;
    if (m >= 1 && m <= 12 && !WordIs(i + 3, "of")) {
      c->end = i + 3;
      c->value = YM(y, m);
      c->has_ref = true;
      c->ref = Date{y, m, 1};
      c->ref_gran = Gran::kMonth;
      return true;
    }
  }
  // Month and day with no year, "2/15", "on 4/25 at 4pm": a date when the
  // day is past 12 or a date word leads in; "3/4", "1/2" stay fractions.
  if (P(i + 1, '/') && Adj(i + 1) && PlainNum(i, 2) && PlainNum(i + 2, 2) &&
      Adj(i + 2) &&
      !(Adj(i + 3) && (Num(i + 3) || P(i + 3, '/') ||
                       (P(i + 3, '.') && Num(i + 4) && Adj(i + 4)))) &&
      !(i > 0 && (Num(i - 1) || P(i - 1, '$') || P(i - 1, '/'))) &&
      !WordIs(i + 3, "of") && !Is(i + 3, Cat::kUnit)) {
    const int m = t.num, d = toks_[i + 2].num;
    const bool lead = i > 0 && (WordIs(i - 1, "on") || WordIs(i - 1, "by") ||
                                WordIs(i - 1, "until") ||
                                WordIs(i - 1, "since"));
    if (m >= 1 && m <= 12 && d >= 1 && d <= civil::DaysInMonth(2000, m) &&
        (lead || (d >= 13 && d != 16))) {
      c->end = i + 3;
      FillDayMonth(-1, m, d, c);
      if (c->has_ref) TryTimeAfter(c->value, c);
      return true;
    }
  }
  return false;
}

// Words before a bare month name or season that make it a date: "in May",
// "since March", "last May", "early March".
bool Tagger::MonthContext(size_t i) const {
  if (i == 0) return false;
  const Tok& p = toks_[i - 1];
  if (p.kind != TokKind::kWord) return false;
  if (WordIs(i - 1, "and") || WordIs(i - 1, "on")) return false;
  return p.Has(Cat::kYearCtx) || p.Has(Cat::kPhase) || p.Has(Cat::kRel) ||
         p.Has(Cat::kMid) || p.Has(Cat::kOf);
}

bool Tagger::MatchMonthFirst(size_t i, Cand* c) {
  const auto* mr = toks_[i].Get(Cat::kMonth);
  const Tok& t = toks_[i];
  bool abbrev = mr->flags & internal::kFlagAbbrev;
  int month = mr->value;
  // Lower-case "may", "march", "sep" are words first: a date only before a
  // day number ("march 3"). A month name of the document's own language
  // is written in lower case in most of them ("septembre 2023").
  const bool lower_weak = !t.cap && !(t.foreign && !abbrev) &&
                          (abbrev || month == 5 || month == 3);
  size_t j = i + 1;
  bool dot = false;
  if (P(j, '.') && Adj(j)) {
    ++j;
    dot = true;
  }
  // Day; "February the 15th" takes an ordinal after "the".
  size_t k = 0;
  if (Is(j, Cat::kThe) && !dot &&
      (toks_[j + 1 < n() ? j + 1 : j].ordinal || Is(j + 1, Cat::kOrdWord)))
    ++j;
  // "march third 2015": a lower-case "march" or "may" takes a spelled
  // ordinal when a year follows ("they may first ..." is no date).
  int day = DayAt(j, !lower_weak, &k);
  if (day <= 0 && lower_weak && !abbrev && R(j, Cat::kOrdWord) &&
      (YearTok(j + 1) || (P(j + 1, ',') && YearTok(j + 2))))
    day = DayAt(j, true, &k);
  if (day > 0) {
    if (lower_weak && Is(k, Cat::kUnit)) return false;
    // "Sept. 13-15": a range; keep the first day only.
    if ((P(k, ',') && YearTok(k + 1)) || YearTok(k)) {
      size_t yk = P(k, ',') ? k + 1 : k;
      int y = toks_[yk].num;
      if (!civil::IsValid(Date{y, month, day})) return false;
      c->end = yk + 1;
      FillDayMonth(y, month, day, c);
      TryTimeAfter(c->value, c);
      return true;
    }
    if (Num(k) && Adj(k)) return false;
    if (day > civil::DaysInMonth(2000, month)) return false;
    c->end = k;
    FillDayMonth(-1, month, day, c);
    // "Jul 18, Fri": a weekday after the date picks its year, as before it
    // ("Sunday, Feb 10").
    if (const auto* w = R(k + 1, Cat::kWeekday);
        w && P(k, ',') && !(w->flags & internal::kFlagPlural) && !Num(k + 2)) {
      c->end = k + 2;
      MatchWeekdayYear(w->value, c);
      return true;
    }
    if (c->has_ref) TryTimeAfter(c->value, c);
    return true;
  }
  if (lower_weak) return false;
  // Year: "September 2023", "Sept. 2023", "June, 1998", and in Spanish
  // or Portuguese "septiembre de 2023".
  size_t yk = P(j, ',') ? j + 1 : j;
  if (t.foreign && Is(j, Cat::kOf) && YearTok(j + 1)) yk = j + 1;
  if (YearTok(yk)) {
    c->end = yk + 1;
    int y = toks_[yk].num;
    c->value = YM(y, month);
    c->has_ref = true;
    c->ref = Date{y, month, 1};
    c->ref_gran = Gran::kMonth;
    return true;
  }
  // "June last year", "January this year".
  if (const auto* r = R(j, Cat::kRel);
      r && R(j + 1, Cat::kUnit) &&
      R(j + 1, Cat::kUnit)->value == static_cast<uint8_t>(Unit::kYear) &&
      !(R(j + 1, Cat::kUnit)->flags & internal::kFlagPlural)) {
    int shift = r->value == static_cast<uint8_t>(Rel::kLast)   ? -1
                : r->value == static_cast<uint8_t>(Rel::kNext) ? 1
                : r->value == static_cast<uint8_t>(Rel::kThis) ? 0
                                                               : 9;
    if (shift != 9) {
      c->end = j + 2;
      if (!dct_) {
        c->value = "XXXX-" + Pad(month, 2);
        c->relative = true;
        return true;
      }
      int y = dct_->year + shift;
      SetResolved(c, YM(y, month));
      c->has_ref = true;
      c->ref = Date{y, month, 1};
      c->ref_gran = Gran::kMonth;
      return true;
    }
  }
  if (int sy = 0; size_t e = ParseSpelledYear(j, &sy)) {
    c->end = e;
    c->value = YM(sy, month);
    c->has_ref = true;
    c->ref = Date{sy, month, 1};
    c->ref_gran = Gran::kMonth;
    return true;
  }
  // Month alone.
  if (abbrev && !dot) return false;
  if ((abbrev || month == 5 || month == 3) && !MonthContext(i)) return false;
  if (!t.cap) return false;
  c->end = abbrev ? j : i + 1;
  if (!dct_) {
    c->value = "XXXX-" + Pad(month, 2);
    c->relative = true;
    return true;
  }
  int y = dct_->year;
  int rel_dir = 0;
  if (i > 0) {
    if (const auto* r = R(i - 1, Cat::kRel)) {
      if (r->value == static_cast<uint8_t>(Rel::kLast) ||
          r->value == static_cast<uint8_t>(Rel::kPast) ||
          r->value == static_cast<uint8_t>(Rel::kPrevious))
        rel_dir = -1;
      if (r->value == static_cast<uint8_t>(Rel::kNext) ||
          r->value == static_cast<uint8_t>(Rel::kComing))
        rel_dir = 1;
      if (r->value == static_cast<uint8_t>(Rel::kThis)) rel_dir = 2;
    }
  }
  if (rel_dir == -1) {
    if (month >= dct_->month) --y;
    c->first = i - 1;
  } else if (rel_dir == 1) {
    if (month <= dct_->month) ++y;
    c->first = i - 1;
  } else if (rel_dir == 2) {
    c->first = i - 1;
  } else {
    // Nearest such month (ties go back); tense moves it a year only when
    // the nearest one lies more than three months on the wrong side.
    int diff = month - dct_->month;
    if (diff > 6) {
      --y;
      diff -= 12;
    }
    if (diff < -6) {
      ++y;
      diff += 12;
    }
    if (diff == 6) {
      --y;
      diff = -6;
    }
    Tense tn = TenseAt(i, c->end);
    if ((tn == Tense::kPast && diff > 2) || (diff > 0 && AfterSince(i))) --y;
    if (tn == Tense::kFuture &&
        (diff < -1 || (options_.unknown_tense_is_future && diff < 0)))
      ++y;
  }
  SetResolved(c, YM(y, month));
  c->has_ref = true;
  c->ref = Date{y, month, 1};
  c->ref_gran = Gran::kMonth;
  return true;
}

bool Tagger::MatchDayFirst(size_t i, Cand* c) {
  size_t j = 0;
  const int day = DayAt(i, true, &j);
  if (day == 0) return false;
  const bool word = toks_[i].kind == TokKind::kWord;
  bool of = false;
  if (Is(j, Cat::kOf)) {
    ++j;
    of = true;
  }
  // "13. September 2023" where the day is an ordinal with a period.
  if (!of && !word && foreign_ && foreign_->day_dot() && P(j, '.') &&
      Adj(j) && R(j + 1, Cat::kMonth)) {
    ++j;
  }
  if (word && !of) return false;  // "the first of March", not "first March"
  const auto* mr = R(j, Cat::kMonth);
  // "the 20th of next month", "the 5th of this month".
  if (!mr && of && dct_) {
    size_t k = Is(j, Cat::kThe) ? j + 1 : j;
    const auto* r = R(k, Cat::kRel);
    const auto* u = R(k + 1, Cat::kUnit);
    if (r && u && static_cast<Unit>(u->value) == Unit::kMonth &&
        !(u->flags & internal::kFlagPlural)) {
      Rel rel = static_cast<Rel>(r->value);
      int shift = rel == Rel::kNext || rel == Rel::kFollowing ||
                          rel == Rel::kComing
                      ? 1
                  : rel == Rel::kLast || rel == Rel::kPrevious ||
                          rel == Rel::kPast
                      ? -1
                  : rel == Rel::kThis || rel == Rel::kCurrent ? 0
                                                              : 9;
      if (shift == 9) return false;
      Date base = civil::AddMonths(Date{dct_->year, dct_->month, 1}, shift);
      if (day > civil::DaysInMonth(base.year, base.month)) return false;
      Date d{base.year, base.month, day};
      c->end = k + 2;
      c->type = TimexType::kDate;
      SetResolved(c, YMD(d));
      c->has_ref = true;
      c->ref = d;
      return true;
    }
  }
  size_t range_end = 0;  // "13 to 15 July": the first day is its own date
  if (!mr && !of &&
      (Dash(j) || WordIs(j, "to") || WordIs(j, "through") ||
       WordIs(j, "thru") || WordIs(j, "till") || WordIs(j, "until"))) {
    size_t k = j + 1;
    if (Is(k, Cat::kThe)) ++k;
    size_t k2 = 0;
    int day2 = DayAt(k, true, &k2);
    if (day2 > day) {
      if (Is(k2, Cat::kOf)) ++k2;
      const auto* m2 = R(k2, Cat::kMonth);
      // A lower-case abbreviation after ordinals: "19th to 21st aug".
      if (m2 && (toks_[k2].cap || !(m2->flags & internal::kFlagAbbrev) ||
                 (toks_[i].ordinal && toks_[k].ordinal))) {
        range_end = j;
        j = k2;
        mr = m2;
      }
    }
  }
  if (!mr) return false;
  int month = mr->value;
  bool abbrev = mr->flags & internal::kFlagAbbrev;
  // Lower-case "may", "march" are words first, except after "the first of".
  const bool foreign_month = toks_[j].foreign;
  if (!toks_[j].cap && !(foreign_month && !abbrev) &&
      (abbrev || month == 5 || month == 3) &&
      !(of && (word || toks_[i].ordinal) && !abbrev) &&
      !(range_end && toks_[i].ordinal && toks_[range_end + 1].ordinal))
    return false;
  if (of && !toks_[i].ordinal && !word && abbrev) return false;
  ++j;
  if (P(j, '.') && Adj(j) && abbrev) ++j;
  size_t yk = P(j, ',') ? j + 1 : j;
  // "13 de septiembre de 2023".
  if (foreign_month && Is(j, Cat::kOf) && YearTok(j + 1)) yk = j + 1;
  if (YearTok(yk)) {
    int y = toks_[yk].num;
    if (!civil::IsValid(Date{y, month, day})) return false;
    c->end = range_end ? range_end : yk + 1;
    FillDayMonth(y, month, day, c);
    if (!range_end) TryTimeAfter(c->value, c);
    return true;
  }
  if (day > civil::DaysInMonth(2000, month)) return false;
  c->end = range_end ? range_end : j;
  FillDayMonth(-1, month, day, c);
  if (c->has_ref && !range_end) TryTimeAfter(c->value, c);
  return true;
}

bool Tagger::MatchYear(size_t i, Cand* c) {
  const Tok& t = toks_[i];
  if (t.ordinal || t.ndigits != 4 || t.num < 1000 || t.num > 2999) return false;
  if (i > 0 && (P(i - 1, '$') ||
                ((P(i - 1, ',') || P(i - 1, '.')) && Adj(i) && Num(i - 2))))
    return false;
  // "1462.93", "1,462": part of a larger number.
  if (Adj(i + 1) && (P(i + 1, '%') || ((P(i + 1, ',') || P(i + 1, '.')) &&
                                       Num(i + 2) && Adj(i + 2))))
    return false;
  if (t.plural_s) {  // "1990s"
    if (t.num % 10 != 0) return false;
    c->end = i + 1;
    c->value = Pad(t.num / 10, 3);
    c->the_ok = true;
    return true;
  }
  bool ctx = false;
  if (i > 0) {
    const Tok& p = toks_[i - 1];
    ctx = p.Has(Cat::kYearCtx) || p.Has(Cat::kPhase) || p.Has(Cat::kFiscal) ||
          p.Has(Cat::kOf) || p.Has(Cat::kMid) || p.Has(Cat::kSeason) ||
          p.Has(Cat::kMonth);
    // "1950-1953": either side of a dash between two years.
    if (Dash(i - 1) && (YearTok(i - 2) || Is(i - 2, Cat::kMid))) ctx = true;
    // "post-1959", "pre-1990 levels": the year bounds a period.
    const bool pre_post = i >= 2 && Dash(i - 1) && Adj(i - 1) && Adj(i) &&
                          (WordIs(i - 2, "pre") || WordIs(i - 2, "post"));
    if (pre_post) ctx = true;
    // "bonds due 1993".
    if (WordIs(i - 1, "due")) ctx = true;
    // "in 1994, 1995 and 1997": a year after another one in a list.
    if (i >= 2 &&
        (P(i - 1, ',') || WordIs(i - 1, "and") || WordIs(i - 1, "or")) &&
        !Adj(i) && YearTok(i - 2) && t.num >= 1900 && t.num <= 2099)
      ctx = true;
    // "the 1996 Olympics", "a 1996 law", "its 1988 results", "that 1978
    // resolution" (but "that 2019 people signed": a count).
    const bool demonstrative = WordIs(i - 1, "that") || WordIs(i - 1, "this") ||
                               WordIs(i - 1, "these") || WordIs(i - 1, "those");
    if ((p.Has(Cat::kThe) || p.Has(Cat::kA) || p.Has(Cat::kDet) ||
         (demonstrative && !QuantityNoun(i + 1))) &&
        t.num >= 1900 && t.num <= 2099 && i + 1 < n() &&
        toks_[i + 1].kind == TokKind::kWord && !toks_[i + 1].Has(Cat::kUnit))
      ctx = true;
    // "his unsuccessful 1996 campaign", "the disputed 1988 election": one
    // adjective between the determiner and the year.
    if (i >= 2 && p.kind == TokKind::kWord && !p.cap &&
        p.lex.r[0].cat == Cat::kNone &&
        (toks_[i - 2].Has(Cat::kThe) || toks_[i - 2].Has(Cat::kA) ||
         toks_[i - 2].Has(Cat::kDet)) &&
        t.num >= 1900 && t.num <= 2099 && i + 1 < n() &&
        toks_[i + 1].kind == TokKind::kWord && !toks_[i + 1].cap &&
        !toks_[i + 1].Has(Cat::kUnit) && !QuantityNoun(i + 1))
      ctx = true;
  }
  if (Dash(i + 1) && YearTok(i + 2)) ctx = true;
  // "predicting 1990 earnings", "expects 1991 BellSouth sales to": a year
  // before a noun of what is counted per year (results, budgets, elections,
  // harvests), with at most a name between, is that year's.
  if (!ctx && t.num >= 1900 && t.num <= 2099) {
    static constexpr std::string_view kPerYear[] = {
        "earnings", "profit",   "profits",   "results",  "sales",
        "revenue",  "revenues", "budget",    "election", "elections",
        "forecast", "forecasts", "estimates", "output",  "deficit",
        "harvest",  "crop",     "dividend",  "spending", "season"};
    size_t k = i + 1;
    if (k < n() && toks_[k].kind == TokKind::kWord && toks_[k].cap &&
        !toks_[k].break_before && toks_[k].lex.r[0].cat == Cat::kNone)
      ++k;
    if (k < n() && !toks_[k].cap && !toks_[k].break_before)
      for (std::string_view w : kPerYear)
        if (WordIs(k, w)) ctx = true;
  }
  // "both 1990 and 1991", "1994, 1995 and 1997": a year before another.
  if ((WordIs(i + 1, "and") || WordIs(i + 1, "or") ||
       (P(i + 1, ',') && !Adj(i + 2))) &&
      YearTok(i + 2) && t.num >= 1900 && t.num <= 2099 &&
      toks_[i + 2].num >= 1900 && toks_[i + 2].num <= 2099)
    ctx = true;
  if (!ctx || t.num > 2100) return false;
  if (Is(i + 1, Cat::kUnit)) return false;  // "2019 years"
  if (Is(i + 1, Cat::kZone)) return false;  // "at 2202 GMT": a clock time
  // "rose to 1998 points", "from 2019 votes": a quantity after a
  // preposition that also takes numbers.
  if (i > 0 &&
      (WordIs(i - 1, "to") || WordIs(i - 1, "from") || WordIs(i - 1, "by") ||
       WordIs(i - 1, "of") || WordIs(i - 1, "and") || WordIs(i - 1, "for") ||
       WordIs(i - 1, "about") || WordIs(i - 1, "around")) &&
      QuantityNoun(i + 1))
    return false;
  c->end = i + 1;
  c->value = Y(t.num);
  c->has_ref = true;
  c->ref = Date{t.num, 1, 1};
  c->ref_gran = Gran::kYear;
  // "fiscal 1989"
  if (i > 0 && Is(i - 1, Cat::kFiscal)) c->first = i - 1;
  if (i >= 2 && Dash(i - 1) && Adj(i - 1) && Adj(i) &&
      (WordIs(i - 2, "pre") || WordIs(i - 2, "post")))
    c->first = i - 2;
  return true;
}

// "Sunday, Feb 10" with no year: the year nearest the DCT in which that
// date is a Sunday, when the nearest-year guess is not one.
void Tagger::MatchWeekdayYear(int wd, Cand* c) const {
  if (!dct_ || !c->resolved || c->value.size() < 10 || c->value[4] != '-' ||
      c->value[7] != '-')
    return;
  auto d = civil::ParseIsoDate(std::string_view(c->value).substr(0, 10));
  if (!d || civil::Weekday(*d) == wd) return;
  const int64_t now = civil::ToDays(*dct_);
  std::optional<Date> best;
  for (int y = dct_->year - 6; y <= dct_->year + 6; ++y) {
    Date x{y, d->month, d->day};
    if (!civil::IsValid(x) || civil::Weekday(x) != wd) continue;
    if (!best || std::llabs(civil::ToDays(x) - now) <
                     std::llabs(civil::ToDays(*best) - now))
      best = x;
  }
  if (!best) return;
  c->value = YMD(*best) + c->value.substr(10);
  c->ref = *best;
}

bool Tagger::MatchWeekday(size_t i, Cand* c) {
  const auto* wr = toks_[i].Get(Cat::kWeekday);
  bool abbrev = wr->flags & internal::kFlagAbbrev;
  int wd = wr->value;
  if (wr->flags & internal::kFlagPlural) {  // "on Sundays": every Sunday
    c->end = i + 1;
    c->type = TimexType::kSet;
    c->value = "XXXX-WXX-" + std::to_string(wd);
    return true;
  }
  // "Tuesday, Sept. 13" / "Tue, 13 Sep 2023": the date carries the value.
  size_t j = i + 1;
  if (P(j, ',') || (abbrev && P(j, '.'))) ++j;
  if (j < n()) {
    Cand d;
    d.first = j;
    bool ok = false;
    if (toks_[j].Has(Cat::kMonth))
      ok = MatchMonthFirst(j, &d);
    else if (Num(j))
      ok = MatchDayFirst(j, &d) || MatchNumericDate(j, &d);
    if (ok && d.end > j + 1) {
      *c = std::move(d);
      c->first = i;
      MatchWeekdayYear(wd, c);
      return true;
    }
  }
  // "Wednesday of next week", "Sunday from last week", "Friday this week".
  {
    size_t k = i + 1;
    if (WordIs(k, "of") || WordIs(k, "from")) ++k;
    const auto* r = R(k, Cat::kRel);
    const auto* u = R(k + 1, Cat::kUnit);
    if (r && u && static_cast<Unit>(u->value) == Unit::kWeek &&
        !(u->flags & internal::kFlagPlural)) {
      Rel rel = static_cast<Rel>(r->value);
      int shift = rel == Rel::kNext || rel == Rel::kComing ||
                          rel == Rel::kFollowing
                      ? 1
                  : rel == Rel::kLast || rel == Rel::kPast ||
                          rel == Rel::kPrevious
                      ? -1
                  : rel == Rel::kThis || rel == Rel::kCurrent ? 0
                                                              : 9;
      if (shift != 9) {
        c->end = k + 2;
        c->type = TimexType::kDate;
        if (!dct_) {
          c->value = "XXXX-WXX-" + std::to_string(wd);
          c->relative = true;
          return true;
        }
        Date d = civil::AddDays(
            *dct_, 7 * shift + wd - civil::Weekday(*dct_));
        SetResolved(c, YMD(d));
        c->has_ref = true;
        c->ref = d;
        return true;
      }
    }
  }
  // Abbreviations alone only where they are no English word ("Thu",
  // "Fri", "Tues"; not "Sun", "Sat", "Wed", "Mon") or before a clock
  // ("Sat at 8 GMT").
  if (abbrev) {
    int h = 0, m = 0;
    size_t k = WordIs(i + 1, "at") ? i + 2 : i + 1;
    if (P(i + 1, '.') && Adj(i + 1)) k = i + 2;
    const bool clock_next =
        ClockOrHour(k, k == i + 2 && WordIs(i + 1, "at"), &h, &m) != 0;
    if (!clock_next && (wd == 1 || wd == 3 || wd == 6 || wd == 7)) return false;
    c->end = P(i + 1, '.') && Adj(i + 1) ? i + 2 : i + 1;
    int dir = 0;
    if (dct_) {
      Tense tn = TenseAt(i, i + 1);
      dir = tn == Tense::kPast ? -1 : tn == Tense::kFuture ? 1 : 0;
      if (tn == Tense::kUnknown && options_.unknown_tense_is_past) dir = -1;
    }
    WeekdayValue(wd, dir, c);
    return true;
  }
  // "Sunday Times", "Friday Prayers": a name, not a date.
  // A capitalised next word that is no date word makes a name.
  auto date_word = [&](size_t k) {
    return Is(k, Cat::kMonth) || Is(k, Cat::kPartOfDay) ||
           Is(k, Cat::kWeekday) || Is(k, Cat::kDeictic) || Is(k, Cat::kRel) ||
           Is(k, Cat::kShift) || Is(k, Cat::kAmPm) || Is(k, Cat::kZone);
  };
  if (i + 1 < n() && toks_[i + 1].kind == TokKind::kWord && toks_[i + 1].cap &&
      !date_word(i + 1) && !toks_[i + 1].break_before &&
      !(i > 0 && (Is(i - 1, Cat::kYearCtx) || Is(i - 1, Cat::kRel))))
    return false;
  c->end = i + 1;
  int dir = 0;
  if (dct_) {
    Tense tn = TenseAt(i, i + 1);
    dir = tn == Tense::kPast ? -1 : tn == Tense::kFuture ? 1 : 0;
    if (tn == Tense::kUnknown && options_.unknown_tense_is_past) dir = -1;
    // "Wednesday's ruling", "Sunday's vote": news names a day by what
    // happened on it; in TBAQ all 16 such weekdays are on or before the DCT.
    if ((P(i + 1, '\'') || P(i + 1, internal::kQuote)) && Adj(i + 1) &&
        WordIs(i + 2, "s") && !options_.unknown_tense_is_future)
      dir = -1;
  }
  WeekdayValue(wd, dir, c);
  // "Friday after next": the one a week after the next one.
  if (WordIs(i + 1, "after") && WordIs(i + 2, "next")) {
    c->end = i + 3;
    WeekdayValue(wd, 1, c);
    if (dct_) {
      c->ref = civil::AddDays(c->ref, 7);
      SetResolved(c, YMD(c->ref));
    }
    return true;
  }
  // "Wednesday night": TimeBank types these DATE (19 of 25 in TBAQ), with
  // the part of day in the value.
  if (const auto* pd = R(i + 1, Cat::kPartOfDay)) {
    if (pd->value <= static_cast<uint8_t>(PartOfDay::kNight)) {
      c->end = i + 2;
      c->value += "T" + std::string(kPartCode[pd->value]);
    }
  }
  return true;
}

bool Tagger::MatchRel(size_t i, Cand* c) {
  Rel rel = static_cast<Rel>(toks_[i].Get(Cat::kRel)->value);
  bool with_the = i > 0 && Is(i - 1, Cat::kThe);
  size_t j = i + 1;
  // "past week" with no article ("beginning of past week") is the last
  // one; "the past week" is a length (below).
  if (rel == Rel::kPast && !with_the && !(i > 0 && Is(i - 1, Cat::kDet)) &&
      R(j, Cat::kUnit) && !(R(j, Cat::kUnit)->flags & internal::kFlagPlural))
    rel = Rel::kLast;
  // "this past weekend", "this coming week": the last / next one.
  if (rel == Rel::kThis) {
    if (const auto* r2 = R(j, Cat::kRel);
        r2 && (r2->value == static_cast<uint8_t>(Rel::kPast) ||
               r2->value == static_cast<uint8_t>(Rel::kComing))) {
      const auto* u2 = R(j + 1, Cat::kUnit);
      if (u2 && !(u2->flags & internal::kFlagPlural)) {
        rel = r2->value == static_cast<uint8_t>(Rel::kPast) ? Rel::kLast
                                                            : Rel::kNext;
        ++j;
      }
    }
  }
  // A quoted title: ABC's "This Week", "Next Year in Jerusalem".
  if (i > 0 && toks_[i].cap && j < n() && toks_[j].cap &&
      R(j, Cat::kUnit) && toks_[i - 1].kind == TokKind::kPunct &&
      (P(i - 1, '"') || P(i - 1, '`') || P(i - 1, internal::kQuote)))
    return false;
  // Weekday: "last Tuesday", "next Friday", "this Monday".
  if (const auto* wr = R(j, Cat::kWeekday);
      wr && !(wr->flags & internal::kFlagAbbrev)) {
    int dir = 0;
    if (rel == Rel::kLast || rel == Rel::kPast || rel == Rel::kPrevious)
      dir = -1;
    else if (rel == Rel::kNext || rel == Rel::kComing || rel == Rel::kFollowing)
      dir = 1;
    else if (rel != Rel::kThis)
      return false;
    c->end = j + 1;
    // "this Monday" is the one of the current week unless the tense says
    // which side: "this Monday he said" (past), "will meet this Monday".
    if (rel == Rel::kThis && dct_) {
      const Tense tn = TenseAt(i, c->end);
      dir = tn == Tense::kPast ? -1 : tn == Tense::kFuture ? 1 : 0;
      if (dir < 0) {
        WeekdayValue(wr->value, dir, c);
        return true;
      }
    }
    // An assistant's "next Friday" is the Friday of next week (the
    // nearest one would be "this Friday" or plain "Friday"); news keeps
    // the nearest one ahead.
    if (rel == Rel::kNext && dct_ && options_.unknown_tense_is_future) {
      const int cur = civil::Weekday(*dct_);
      Date d = civil::AddDays(*dct_, 7 - cur + wr->value);
      SetResolved(c, YMD(d));
      c->has_ref = true;
      c->ref = d;
      return true;
    }
    // "the previous Friday": the one before the day the text is about.
    if (rel == Rel::kPrevious && dct_ && have_ref_ && ref_gran_ == Gran::kDay) {
      int back = (civil::Weekday(ref_) - wr->value + 7) % 7;
      if (back == 0) back = 7;
      Date d = civil::AddDays(ref_, -back);
      SetResolved(c, YMD(d));
      c->has_ref = true;
      c->ref = d;
      return true;
    }
    if (dir < 0 && dct_) {
      // Strictly before the DCT.
      int cur = civil::Weekday(*dct_);
      int back = (cur - wr->value + 7) % 7;
      if (back == 0) back = 7;
      Date d = civil::AddDays(*dct_, -back);
      SetResolved(c, YMD(d));
      c->has_ref = true;
      c->ref = d;
    } else {
      WeekdayValue(wr->value, dir, c);
    }
    return true;
  }
  // Month: handled by MatchMonthFirst (it looks back at the relative word).
  if (const auto* mr = R(j, Cat::kMonth); mr && toks_[j].cap) {
    Cand m;
    m.first = j;
    if (MatchMonthFirst(j, &m) && m.first == i) {
      *c = std::move(m);
      return true;
    }
    return false;
  }
  // "this season", "last season", "next season": the season of the year
  // under way (December to February is winter), or the one before / after.
  if (WordIs(j, "season") && dct_ &&
      (rel == Rel::kThis || rel == Rel::kCurrent || rel == Rel::kLast ||
       rel == Rel::kPast || rel == Rel::kPrevious || rel == Rel::kNext ||
       rel == Rel::kComing)) {
    const int m = dct_->month;
    const int cur_idx = m == 12 || m <= 2 ? 3 : (m - 3) / 3;
    int target = 4 * (m <= 2 ? dct_->year - 1 : dct_->year) + cur_idx;
    if (rel == Rel::kLast || rel == Rel::kPast || rel == Rel::kPrevious)
      --target;
    else if (rel == Rel::kNext || rel == Rel::kComing)
      ++target;
    c->end = j + 1;
    SetResolved(c,
                Y(target / 4) + "-" + std::string(kSeasonCode[target % 4 + 1]));
    return true;
  }
  // Season: "last fall", "this summer".
  if (const auto* sr = R(j, Cat::kSeason)) {
    c->end = j + 1;
    std::string_view code = kSeasonCode[sr->value];
    if (!dct_) {
      c->value = "XXXX-" + std::string(code);
      c->relative = true;
      return true;
    }
    // Seasons counted on one line: 4 * year + (0 spring .. 3 winter), the
    // winter of year Y running from December Y into February Y+1. "last
    // fall" is the latest fall strictly before the current season, "next
    // spring" the first after it; "this summer" is the summer of the
    // calendar year, "this winter" the one under way in January/February.
    const int idx = sr->value - 1;
    const int m = dct_->month;
    const int cur_idx = m == 12 || m <= 2 ? 3 : (m - 3) / 3;
    const int cur = 4 * (m <= 2 ? dct_->year - 1 : dct_->year) + cur_idx;
    int target = 0;
    if (rel == Rel::kLast || rel == Rel::kPast || rel == Rel::kPrevious) {
      target = cur - (cur_idx - idx + 4) % 4;
      if (target == cur) target -= 4;
    } else if (rel == Rel::kNext || rel == Rel::kComing) {
      target = cur + (idx - cur_idx + 4) % 4;
      if (target == cur) target += 4;
    } else {
      target = 4 * (idx == 3 && m <= 2 ? dct_->year - 1 : dct_->year) + idx;
    }
    int y = target / 4;
    SetResolved(c, Y(y) + "-" + std::string(code));
    return true;
  }
  // Part of day: "this morning", "last night".
  if (const auto* pd = R(j, Cat::kPartOfDay)) {
    if (pd->value > static_cast<uint8_t>(PartOfDay::kNight)) return false;
    if (rel != Rel::kThis && rel != Rel::kLast) return false;
    c->end = j + 1;
    c->type = TimexType::kTime;
    if (!dct_) {
      c->value = "XXXX-XX-XXT" + std::string(kPartCode[pd->value]);
      c->relative = true;
      return true;
    }
    Date d = *dct_;
    if (rel == Rel::kLast) d = civil::AddDays(d, -1);
    SetResolved(c, YMD(d) + "T" + std::string(kPartCode[pd->value]));
    return true;
  }
  // Count + plural unit: "the past three years", "the next five days".
  int count = 0;
  size_t k = ParseCount(j, &count);
  if (k && !Is(j, Cat::kA)) {
    if (const auto* ur = R(k, Cat::kUnit)) {
      if (rel == Rel::kThis || rel == Rel::kCurrent || rel == Rel::kSame)
        return false;
      c->end = k + 1;
      c->the_ok = true;
      c->type = TimexType::kDuration;
      c->value = DurationValue(count, static_cast<Unit>(ur->value));
      return true;
    }
  }
  // Unit: "last week", "next month", "this year", "the past year".
  const auto* ur = R(j, Cat::kUnit);
  if (!ur && rel == Rel::kLatest && WordIs(j, "period") && dct_) {
    // "the latest period" of a results report: the last finished quarter.
    c->end = j + 1;
    c->the_ok = true;
    Date base = *dct_;
    if (TenseAt(i, c->end) != Tense::kFuture)
      base = civil::AddMonths(base, -3);
    SetResolved(c, UnitValue(base, Unit::kQuarter));
    c->has_ref = true;
    c->ref = base;
    c->ref_gran = Gran::kQuarter;
    return true;
  }
  if (!ur) {
    // "the past", "in the past": PAST_REF.
    if (rel == Rel::kPast && with_the && !Num(j)) {
      c->end = j;
      c->value = "PAST_REF";
      c->relative = true;
      c->the_ok = true;
      return true;
    }
    return false;
  }
  Unit u = static_cast<Unit>(ur->value);
  bool plural = ur->flags & internal::kFlagPlural;
  c->end = j + 1;
  c->the_ok = true;
  // "this week-end": the weekend.
  if (u == Unit::kWeek && !plural && Dash(j + 1) && Adj(j + 1) &&
      WordIs(j + 2, "end") && Adj(j + 2)) {
    u = Unit::kWeekend;
    c->end = j + 3;
  }
  if (plural) {
    // "recent years", "the past weeks", "the coming months": a vague length
    // (TimeBank also reads some as PAST_REF / FUTURE_REF; the length is the
    // more frequent reading).
    c->type = TimexType::kDuration;
    c->value = DurationValue(-1, u);
    return true;
  }
  if (rel == Rel::kPast || ((rel == Rel::kLast || rel == Rel::kNext) &&
                            with_the && u != Unit::kDay)) {
    // "the past year", "the last decade": a period up to now.
    c->type = TimexType::kDuration;
    c->value = DurationValue(1, u);
    return true;
  }
  if (IsTimeUnit(u)) return false;
  if (u == Unit::kDecade || u == Unit::kCentury) {
    if (rel != Rel::kThis && rel != Rel::kCurrent && rel != Rel::kLast &&
        rel != Rel::kNext)
      return false;
  }
  int shift = 0;
  bool from_ref = false;
  switch (rel) {
    case Rel::kLast:
    case Rel::kPrevious:
      shift = -1;
      from_ref = rel == Rel::kPrevious;
      break;
    case Rel::kNext:
    case Rel::kFollowing:
    case Rel::kComing:
      shift = 1;
      from_ref = rel == Rel::kFollowing;
      break;
    case Rel::kSame:
      from_ref = true;
      break;
    case Rel::kLatest:
    case Rel::kRecent:
      if (u != Unit::kQuarter) return false;
      break;
    default:
      break;
  }
  if (u == Unit::kDay && !from_ref) {
    if (!with_the) return false;  // "next day" without "the" is rare noise
    from_ref = true;
  }
  if (from_ref) {
    if (!have_ref_) {
      c->value = UnitUnknown(u);
      c->relative = true;
      return true;
    }
    // "last October ... that same day": the same day as a month or a year
    // is a day of it that the text does not name (TIMEX3 leaves it X); it is
    // no reference for later anaphora.
    if (u == Unit::kDay && shift == 0 &&
        (ref_gran_ == Gran::kMonth || ref_gran_ == Gran::kYear)) {
      SetResolved(c, ref_gran_ == Gran::kMonth
                         ? UnitValue(ref_, Unit::kMonth) + "-XX"
                         : UnitValue(ref_, Unit::kYear) + "-XX-XX");
      return true;
    }
    Date d = Shift(ref_, u, shift);
    SetResolved(c, UnitValue(d, u));
    c->has_ref = true;
    c->ref = d;
    c->ref_gran = GranOf(u);
    return true;
  }
  if (!dct_) {
    c->value = UnitUnknown(u);
    c->relative = true;
    return true;
  }
  Date base = *dct_;
  if (u == Unit::kQuarter && (rel == Rel::kLatest || rel == Rel::kRecent)) {
    // The latest quarter is the last one reported on, so a finished one
    // even when the sentence looks ahead ("expects revenue in the latest
    // quarter to total"); a recent one unless the sentence looks ahead.
    if (rel == Rel::kLatest || TenseAt(i, c->end) != Tense::kFuture)
      base = civil::AddMonths(base, -3);
  }
  Date d = Shift(base, u, shift);
  // "last week's Sunday", "next week's Monday": that day of the week.
  if (u == Unit::kWeek && (P(c->end, '\'') || P(c->end, internal::kQuote)) &&
      Adj(c->end) && WordIs(c->end + 1, "s") && Adj(c->end + 1)) {
    if (const auto* wr = R(c->end + 2, Cat::kWeekday);
        wr && !(wr->flags & internal::kFlagPlural)) {
      d = civil::AddDays(d, wr->value - civil::Weekday(d));
      c->end += 3;
      SetResolved(c, YMD(d));
      c->has_ref = true;
      c->ref = d;
      c->ref_gran = Gran::kDay;
      return true;
    }
  }
  SetResolved(c, UnitValue(d, u));
  c->has_ref = true;
  c->ref = d;
  c->ref_gran = GranOf(u);
  return true;
}

// "earlier this month", "later this year".
bool Tagger::MatchShiftPrefix(size_t i, Cand* c) {
  if (WordIs(i, "hence") || i + 1 >= n()) return false;
  Cand inner;
  inner.first = i + 1;
  if (const auto* r = R(i + 1, Cat::kRel)) {
    if (r->value != static_cast<uint8_t>(Rel::kThis) &&
        r->value != static_cast<uint8_t>(Rel::kLast) &&
        r->value != static_cast<uint8_t>(Rel::kNext))
      return false;
    if (!MatchRel(i + 1, &inner)) return false;
  } else if (Is(i + 1, Cat::kWeekday)) {
    if (!MatchWeekday(i + 1, &inner)) return false;
  } else if (Is(i + 1, Cat::kDeictic)) {
    Deictic d = static_cast<Deictic>(R(i + 1, Cat::kDeictic)->value);
    if (d != Deictic::kToday && d != Deictic::kYesterday &&
        d != Deictic::kTomorrow && d != Deictic::kTonight)
      return false;
    if (!MatchDeictic(i + 1, &inner)) return false;
  } else {
    return false;
  }
  if (inner.type != TimexType::kDate && inner.type != TimexType::kTime)
    return false;
  *c = std::move(inner);
  c->first = i;
  return true;
}

bool Tagger::MatchDeictic(size_t i, Cand* c) {
  Deictic d = static_cast<Deictic>(toks_[i].Get(Cat::kDeictic)->value);
  c->end = i + 1;
  c->relative = true;
  auto day = [&](int delta) {
    if (!dct_) {
      c->value = "XXXX-XX-XX";
      return Date{};
    }
    Date x = civil::AddDays(*dct_, delta);
    SetResolved(c, YMD(x));
    c->has_ref = true;
    c->ref = x;
    return x;
  };
  switch (d) {
    case Deictic::kToday:
    case Deictic::kYesterday:
    case Deictic::kTomorrow: {
      // "today's youth", "in today's world": the present age, not a day.
      if (d == Deictic::kToday &&
          (P(i + 1, '\'') || P(i + 1, internal::kQuote)) && Adj(i + 1) &&
          WordIs(i + 2, "s")) {
        static constexpr std::string_view kAgeNouns[] = {
            "world", "society", "youth", "generation", "children", "kids",
            "young", "teenagers", "culture", "standards", "technology"};
        for (std::string_view w : kAgeNouns)
          if (WordIs(i + 3, w)) return false;
      }
      int delta = d == Deictic::kToday ? 0 : d == Deictic::kYesterday ? -1 : 1;
      // "the day after tomorrow", "the day before yesterday".
      if (d != Deictic::kToday && i >= 2 && WordIs(i - 2, "day") &&
          WordIs(i - 1, d == Deictic::kTomorrow ? "after" : "before")) {
        delta *= 2;
        c->first = i - 2;
        c->the_ok = true;
      }
      day(delta);
      // "yesterday morning"
      if (const auto* pd = R(i + 1, Cat::kPartOfDay);
          pd && pd->value <= static_cast<uint8_t>(PartOfDay::kNight)) {
        c->end = i + 2;
        c->type = TimexType::kTime;
        c->value += "T" + std::string(kPartCode[pd->value]);
      }
      return true;
    }
    case Deictic::kTonight:
    case Deictic::kOvernight:
      // "overnight losses" after "closed lower Friday": the night before
      // the day the text is about (the DCT's when it named none); it sets
      // no new reference.
      if (d == Deictic::kOvernight && dct_ && have_ref_ &&
          ref_gran_ == Gran::kDay && !(ref_ == *dct_)) {
        SetResolved(c, YMD(civil::AddDays(ref_, -1)) + "TNI");
        c->type = TimexType::kTime;
        return true;
      }
      day(d == Deictic::kTonight ? 0 : -1);
      c->type = TimexType::kTime;
      c->value += "TNI";
      return true;
    case Deictic::kNow:
      // "Now, he says, ...": a sentence-opening discourse marker.
      if (toks_[i].cap && P(i + 1, ',') &&
          (i == 0 || IsBoundary(i - 1) || toks_[i].break_before ||
           P(i - 1, '"') || P(i - 1, '`') || P(i - 1, internal::kQuote)))
        return false;
      c->value = "PRESENT_REF";
      return true;
    case Deictic::kCurrently:
    case Deictic::kNowadays:
      c->value = "PRESENT_REF";
      return true;
    case Deictic::kRecently:
    case Deictic::kPreviously:
    case Deictic::kFormerly:
      c->value = "PAST_REF";
      return true;
    case Deictic::kSoon:
      // Only the idiom "as soon as possible" (bare "soon" is tagged in
      // TimeBank too rarely to guess which).
      if (i == 0 || !WordIs(i - 1, "as") || !WordIs(i + 1, "as") ||
          !(WordIs(i + 2, "possible") || WordIs(i + 2, "practicable")))
        return false;
      c->first = i - 1;
      c->end = i + 3;
      c->value = "FUTURE_REF";
      return true;
    case Deictic::kFuture:
      // Only the noun: "the future", "in future", "the near future".
      if (i == 0 || !(Is(i - 1, Cat::kThe) || WordIs(i - 1, "in") ||
                      WordIs(i - 1, "near")))
        return false;
      c->value = "FUTURE_REF";
      c->the_ok = true;
      if (WordIs(i - 1, "near") && i >= 2 && Is(i - 2, Cat::kThe))
        c->first = i - 1;
      return true;
  }
  return false;
}

bool Tagger::MatchDuration(size_t i, Cand* c) {
  // "Islam will one day be ...", "could one day replace": after a modal,
  // "one day" is some day ahead, not a length.
  if (i > 0 && WordIs(i, "one") && WordIs(i + 1, "day") &&
      (Is(i - 1, Cat::kFuture) || WordIs(i - 1, "could") ||
       WordIs(i - 1, "might") || WordIs(i - 1, "may") ||
       WordIs(i - 1, "can"))) {
    c->end = i + 2;
    c->type = TimexType::kDate;
    c->value = "FUTURE_REF";
    c->relative = true;
    return true;
  }
  // "live without it for a while": a length of no stated size.
  if (i > 0 && Is(i, Cat::kA) && WordIs(i + 1, "while") &&
      WordIs(i - 1, "for")) {
    c->end = i + 2;
    c->type = TimexType::kDuration;
    c->value = "PXX";
    return true;
  }
  // "a dividend of $1.76 a year", "$2 million a year in interest": a rate.
  if (Is(i, Cat::kA) && RateAfterQuantity(i) && R(i + 1, Cat::kUnit) &&
      !Is(i + 2, Cat::kAgo) && !Is(i + 2, Cat::kShift) &&
      !WordIs(i + 2, "before") && !WordIs(i + 2, "after"))
    return false;
  size_t j = i;
  ModKind mod = ModKind::kNone;
  if (const auto* a = R(j, Cat::kApprox)) {
    mod = static_cast<ModKind>(a->value);
    ++j;
  } else if (const auto* ml = R(j, Cat::kMoreLess);
             ml && Is(j + 1, Cat::kThan)) {
    mod = ml->value == 1 ? ModKind::kMoreThan : ModKind::kLessThan;
    j += 2;
  } else if (Is(j, Cat::kAt) && Is(j + 1, Cat::kLeast)) {
    mod = R(j + 1, Cat::kLeast)->value == 1 ? ModKind::kEqualOrMore
                                            : ModKind::kEqualOrLess;
    j += 2;
  }
  // "the first nine months"
  bool lead_ord = false;
  if (const auto* o = R(j, Cat::kOrdWord);
      o && o->value == 1 && !Is(j, Cat::kUnit)) {
    ++j;
    lead_ord = true;
  }
  int count = 0;
  size_t k = ParseCount(j, &count);
  if (!k) return false;
  bool hyphen = false;
  if (Dash(k) && Adj(k) && Adj(k + 1)) {  // "30-year", "five-year"
    ++k;
    hyphen = true;
  }
  // "three Fridays from now", "2 Thursdays ago": counted weekdays.
  if (const auto* w = R(k, Cat::kWeekday);
      w && !hyphen && count > 0 && count < 60 &&
      ((w->flags & internal::kFlagPlural) || count == 1)) {
    int sign = 0;
    size_t e = k + 1;
    if (WordIs(e, "from") && WordIs(e + 1, "now")) {
      sign = 1;
      e += 2;
    } else if (Is(e, Cat::kAgo) || WordIs(e, "back")) {
      sign = -1;
      ++e;
    }
    if (sign == 0) return false;
    c->end = e;
    c->type = TimexType::kDate;
    c->relative = true;
    if (!dct_) {
      c->value = "XXXX-XX-XX";
      return true;
    }
    const int cur = civil::Weekday(*dct_);
    int delta =
        sign > 0 ? (w->value - cur + 7) % 7 : -((cur - w->value + 7) % 7);
    if (delta == 0) delta = 7 * sign;
    Date d = civil::AddDays(*dct_, delta + sign * 7 * (count - 1));
    SetResolved(c, YMD(d));
    c->has_ref = true;
    c->ref = d;
    return true;
  }
  // "two upcoming weeks", "3 coming days" with no article: the unit that
  // many steps ahead, as "two weeks from now" ("the two coming weeks" is a
  // length, below).
  if (!hyphen && count > 0 && count < 100 && R(k + 1, Cat::kUnit) &&
      (WordIs(k, "upcoming") || WordIs(k, "coming")) &&
      !(i > 0 && (Is(i - 1, Cat::kThe) || Is(i - 1, Cat::kDet)))) {
    const Unit u = static_cast<Unit>(R(k + 1, Cat::kUnit)->value);
    if (u >= Unit::kDay && u != Unit::kWeekend && u <= Unit::kYear) {
      c->end = k + 2;
      c->type = TimexType::kDate;
      c->relative = true;
      if (!dct_) {
        c->value = UnitUnknown(u);
        return true;
      }
      Date d = Shift(*dct_, u, count);
      SetResolved(c, UnitValue(d, u));
      c->has_ref = true;
      c->ref = d;
      c->ref_gran = GranOf(u);
      return true;
    }
  }
  // "20 more years", "two more weeks", "three further days": a count of
  // units beyond some other span is still that length.
  if (!hyphen && count > 1) {
    const auto* u2 = R(k + 1, Cat::kUnit);
    if (u2 && (u2->flags & internal::kFlagPlural) &&
        (WordIs(k, "more") || WordIs(k, "further") ||
         WordIs(k, "additional") || WordIs(k, "extra")))
      ++k;
  }
  const auto* ur = R(k, Cat::kUnit);
  // "a fortnight", "three fortnights": two weeks each.
  const bool fortnight = !ur && count > 0 && count < 1000 &&
                         (WordIs(k, "fortnight") || WordIs(k, "fortnights"));
  if (!ur && !fortnight) return false;
  Unit u = fortnight ? Unit::kWeek : static_cast<Unit>(ur->value);
  bool plural = fortnight ? WordIs(k, "fortnights")
                          : (ur->flags & internal::kFlagPlural) != 0;
  if (fortnight) {
    if (plural != (count > 1) || hyphen) return false;
    count *= 2;
    plural = true;
  }
  if (hyphen && plural) return false;
  // "a two day visit": a singular unit after a count > 1 is an attribute.
  bool attributive = !hyphen && !plural && count > 1 && k + 1 < n() &&
                     toks_[k + 1].kind == TokKind::kWord && !toks_[k + 1].cap &&
                     toks_[k + 1].lex.r[0].cat == Cat::kNone;
  if (!hyphen && !plural && count != 1 && !attributive) return false;
  if (!hyphen && plural && count == 1 && !Num(j)) return false;
  if (lead_ord && !plural) return false;
  // "a second time", "a second round": the ordinal, not the unit.
  if (u == Unit::kSecond && !plural && k + 1 < n() &&
      toks_[k + 1].kind == TokKind::kWord && !Is(k + 1, Cat::kAgo) &&
      !Is(k + 1, Cat::kShift) && !Is(k + 1, Cat::kOf))
    return false;
  // "five-year-old": an age.
  if (hyphen && Dash(k + 1) && Adj(k + 1) && Is(k + 2, Cat::kOld)) return false;
  // "a year-earlier quarter": MatchYearAgo's.
  if (Dash(k + 1) && Adj(k + 1) &&
      (Is(k + 2, Cat::kAgo) || WordIs(k + 2, "earlier")))
    return false;
  size_t e = k + 1;
  // "24 years ago", "two days later", "a year earlier".
  if (!hyphen && !lead_ord) {
    bool ago = Is(e, Cat::kAgo);
    const auto* sh = R(e, Cat::kShift);
    if (sh && Is(e + 1, Cat::kThan)) sh = nullptr;
    if (ago || (sh && !WordIs(e, "hence"))) {
      int sign = ago ? -1 : (sh->value == 1 ? 1 : -1);
      c->end = e + 1;
      c->type = TimexType::kDate;
      c->relative = true;
      if (IsTimeUnit(u)) {
        c->type = TimexType::kTime;
        if (!dct_) {
          c->value = "XXXX-XX-XX";
          return true;
        }
        SetResolved(c, YMD(*dct_));
        return true;
      }
      if (count < 0) {
        // "a few years ago": some year of the current decade or the last.
        if (ago && u == Unit::kYear && dct_) {
          SetResolved(c, Pad(dct_->year / 10, 3) + "X");
          return true;
        }
        c->value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
        return true;
      }
      bool use_ref = !ago;
      if ((use_ref && !have_ref_) || (!use_ref && !dct_)) {
        c->value = UnitUnknown(u);
        return true;
      }
      Date base = use_ref ? ref_ : *dct_;
      Unit vu = u;
      // "a year earlier" after "the third quarter" is that quarter a year
      // before; after "Nov. 2" it is Nov. 2 a year before.
      if (have_ref_ && u == Unit::kYear && ref_gran_ == Gran::kQuarter) {
        vu = Unit::kQuarter;
        base = ref_;
      } else if (use_ref && (u == Unit::kYear || u == Unit::kMonth) &&
                 ref_gran_ == Gran::kDay) {
        vu = Unit::kDay;
      }
      if (u == Unit::kWeekend) vu = Unit::kWeek;
      // "a week ago", "three months ago" said at a known instant (the
      // anchor has a time of day: an assistant's "now", not a news DCT)
      // count from that instant, one grain finer than the unit: the day
      // so far back, the month for years. A news DCT is a day, and TimeML
      // keeps the unit's grain there ("two years ago" = 1987).
      if (ago && options_.anchor_minute_of_day >= 0 &&
          (u == Unit::kWeek || u == Unit::kMonth || u == Unit::kYear))
        vu = u == Unit::kYear ? Unit::kMonth : Unit::kDay;
      Date d = Shift(base, u, sign * count);
      SetResolved(c, UnitValue(d, vu));
      // A year-ago quarter is a comparison, not a new topic: the next "a
      // year ago" still means the year before the quarter reported on.
      c->has_ref = vu != Unit::kQuarter;
      c->ref = d;
      c->ref_gran = GranOf(vu);
      return true;
    }
  }
  // "three days after Easter", "two weeks before May 3": a day counted
  // from a stated day.
  if (!hyphen && !lead_ord && count > 0 &&
      (WordIs(e, "after") || WordIs(e, "before")) && !IsTimeUnit(u) &&
      u != Unit::kWeekend && u != Unit::kQuarter) {
    Cand d;
    d.first = e + 1;
    if (e + 1 < n() && MatchAt(e + 1, &d) && d.first == e + 1 &&
        d.type == TimexType::kDate && d.value.size() == 10) {
      if (auto day = civil::ParseIsoDate(d.value)) {
        Date x = Shift(*day, u, WordIs(e, "after") ? count : -count);
        *c = std::move(d);
        c->first = i;
        SetResolved(c, YMD(x));
        c->resolved = c->resolved || !c->relative;
        c->has_ref = true;
        c->ref = x;
        c->ref_gran = Gran::kDay;
        return true;
      }
    }
  }
  // "twice a year", "three times a week": a set.
  if (Is(j, Cat::kA) && i > 0 &&
      (Is(i - 1, Cat::kOnce) || Is(i - 1, Cat::kTimes))) {
    c->first = Is(i - 1, Cat::kOnce) ? i - 1 : i;
    c->end = e;
    c->type = TimexType::kSet;
    c->value = DurationValue(1, u);
    return true;
  }
  // "in 7 days at 5pm", "in two weeks at 9:30": a clock on the day so far
  // ahead.
  if (!hyphen && !lead_ord && count > 0 && mod == ModKind::kNone && i > 0 &&
      WordIs(i - 1, "in") && (u == Unit::kDay || u == Unit::kWeek) &&
      (WordIs(e, "at") || P(e, '@')) && dct_) {
    int h = 0, m = 0;
    if (size_t ce = ParseClock(e + 1, &h, &m)) {
      Date d = Shift(*dct_, u, count);
      c->end = ce;
      c->type = TimexType::kTime;
      SetResolved(c, YMD(d) + "T" + Pad(h, 2) + ":" + Pad(m, 2));
      c->has_ref = true;
      c->ref = d;
      return true;
    }
  }
  c->end = e;
  c->type = TimexType::kDuration;
  c->value = DurationValue(count, u);
  c->mod = ModName(mod);
  c->the_ok = !hyphen && !attributive;
  return true;
}

bool Tagger::MatchSet(size_t i, Cand* c) {
  if (const auto* s = toks_[i].Get(Cat::kSetAdv)) {
    if (RateAfterQuantity(i)) return false;  // "to rise 8.5% annually"
    c->end = i + 1;
    c->type = TimexType::kSet;
    c->value = DurationValue(1, static_cast<Unit>(s->value));
    return true;
  }
  if (!Is(i, Cat::kEvery)) return false;
  bool per = WordIs(i, "per");
  size_t j = i + 1;
  if (WordIs(j, "other")) ++j;
  int count = 1;
  if (size_t k = ParseCount(j, &count); k && !per && count > 0) j = k;
  if (const auto* ur = R(j, Cat::kUnit)) {
    c->end = j + 1;
    c->type = TimexType::kSet;
    c->value = DurationValue(WordIs(i + 1, "other") ? 2 : count,
                             static_cast<Unit>(ur->value));
    return true;
  }
  if (const auto* mr = R(j, Cat::kMonth);
      mr && !per && toks_[j].cap && !(mr->flags & internal::kFlagAbbrev)) {
    c->end = j + 1;
    c->type = TimexType::kSet;
    c->value = "XXXX-" + Pad(mr->value, 2);
    return true;
  }
  if (const auto* wr = R(j, Cat::kWeekday); wr && !per) {
    c->end = j + 1;
    c->type = TimexType::kSet;
    c->value = "XXXX-WXX-" + std::to_string(wr->value);
    return true;
  }
  return false;
}

bool Tagger::MatchTime(size_t i, Cand* c) {
  if (const auto* pd = toks_[i].Get(Cat::kPartOfDay)) {
    // "the night of Oct. 23" stays two things, as TimeBank tags it: the
    // date is the timex.
    if (pd->value != static_cast<uint8_t>(PartOfDay::kNoon) &&
        pd->value != static_cast<uint8_t>(PartOfDay::kMidnight))
      return false;
    c->end = i + 1;
    c->type = TimexType::kTime;
    std::string hm = pd->value == static_cast<uint8_t>(PartOfDay::kNoon)
                         ? "T12:00"
                         : "T24:00";
    size_t k = i + 1;
    if (P(k, ',') || WordIs(k, "on")) ++k;
    if (Cand d; DateAt(k, &d)) {
      *c = std::move(d);
      c->first = i;
      c->type = TimexType::kTime;
      c->value += hm;
      return true;
    }
    if (dct_)
      SetResolved(c, YMD(*dct_) + hm);
    else {
      c->value = "XXXX-XX-XX" + hm;
      c->relative = true;
    }
    return true;
  }
  int h = 0, m = 0;
  size_t e = ParseClock(i, &h, &m);
  // A range "3-4pm", "3:30 to 6 p.m.", "9 to 11 a.m.": the second clock's
  // am/pm also holds for the first.
  auto range_to = [&](size_t k) {
    return Dash(k) || WordIs(k, "to") || WordIs(k, "till") ||
           WordIs(k, "until") || WordIs(k, "and");
  };
  auto second_pm = [&](size_t k, int* h2) {
    int m2 = 0;
    size_t e2 = ClockOrHour(k, true, h2, &m2);
    if (!e2) return false;
    for (size_t q = k; q < e2; ++q)
      if (Is(q, Cat::kAmPm)) return true;
    return false;
  };
  const bool no_ampm =
      e != 0 && [&] {
        for (size_t q = i; q < e; ++q)
          if (Is(q, Cat::kAmPm) || WordIs(q, "h") || WordIs(q, "in")) return false;
        return true;
      }();
  if (int h2 = 0; (no_ampm || (!e && PlainNum(i, 2) && toks_[i].num >= 1 &&
                               toks_[i].num <= 12)) &&
                  range_to(e ? e : i + 1) &&
                  second_pm((e ? e : i + 1) + 1, &h2)) {
    if (!e) {
      h = toks_[i].num;
      m = 0;
      e = i + 1;
    }
    if (h < 12 && h2 >= 12 && h + 12 <= h2) h += 12;
  }
  if (!e) return ClockWithoutColon(i, c);
  // A clock followed by a date: "5 p.m. on Sept. 13", "23:18, 22 Sep 2023".
  std::string hm = "T" + Pad(h, 2) + ":" + Pad(m, 2);
  size_t k = e;
  if (P(k, ',') || WordIs(k, "on")) ++k;
  {
    Cand d;
    if (DateAt(k, &d)) {
      *c = std::move(d);
      c->first = i;
      c->type = TimexType::kTime;
      c->value += hm;
      return true;
    }
  }
  // "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT
  // Thursday)": a parenthesis restating the clock in another zone does not
  // cut it from its day, which follows the parenthesis or sits inside it.
  // The expression stays the clock alone.
  if (P(k, '(')) {
    size_t close = 0;
    bool restates = false;
    for (size_t q = k + 1; q < n() && q < k + 8; ++q) {
      if (P(q, ')')) {
        close = q;
        break;
      }
      if (Is(q, Cat::kZone) || Is(q, Cat::kAmPm)) restates = true;
    }
    if (close && restates) {
      Cand d;
      size_t a = close + 1;
      if (P(a, ',') || WordIs(a, "on")) ++a;
      bool got = DateAt(a, &d);
      for (size_t q = k + 1; !got && q < close; ++q)
        got = Is(q, Cat::kWeekday) && DateAt(q, &d);
      if (got) {
        *c = std::move(d);
        c->first = i;
        c->end = e;
        c->type = TimexType::kTime;
        c->value += hm;
        return true;
      }
    }
  }
  c->end = e;
  ClockOnAnchorDay(h, m, MeridiemIn(i, e, h), c);
  return true;
}

bool Tagger::MatchQuarter(size_t i, Cand* c) {
  size_t j = i;
  if (Is(j, Cat::kFiscal)) ++j;
  int q = 0;
  bool q_form = false;  // "Q3"
  if (const auto* o = R(j, Cat::kOrdWord)) {
    q = o->value;
  } else if (Num(j) && toks_[j].ordinal) {
    q = toks_[j].num;
  } else if (WordIs(j, "q") && toks_[j].cap && Num(j + 1) && Adj(j + 1) &&
             toks_[j + 1].ndigits == 1) {
    q = toks_[j + 1].num;
    q_form = true;
    ++j;
    // "2018Q4": the year written against the quarter.
    if (j == i + 1 && i > 0 && Adj(i) && YearTok(i - 1) &&
        !(Adj(j + 1) && j + 1 < n() && toks_[j + 1].kind != TokKind::kPunct) &&
        q >= 1 && q <= 4) {
      c->first = i - 1;
      c->end = j + 1;
      c->value = Quarter(toks_[i - 1].num, q);
      c->has_ref = true;
      c->ref = Date{toks_[i - 1].num, (q - 1) * 3 + 1, 1};
      c->ref_gran = Gran::kQuarter;
      return true;
    }
  } else {
    return false;
  }
  if (q < 1 || q > 4) return false;
  size_t k = j + 1;
  if (!q_form) {
    if (Dash(k) && Adj(k)) ++k;
    if (Is(k, Cat::kFiscal)) ++k;
    const auto* ur = R(k, Cat::kUnit);
    if (!ur || ur->value != static_cast<uint8_t>(Unit::kQuarter) ||
        (ur->flags & internal::kFlagPlural))
      return false;
    ++k;
  }
  int year = -1;
  size_t yk = k;
  if (Is(yk, Cat::kOf)) ++yk;
  if (YearTok(yk)) {
    year = toks_[yk].num;
    k = yk + 1;
  }
  c->end = k;
  c->the_ok = true;
  // "the 1988 third quarter": the year stands before.
  if (year < 0 && !q_form && c->first == i && i >= 2 && YearTok(i - 1) &&
      (Is(i - 2, Cat::kThe) || Is(i - 2, Cat::kDet))) {
    year = toks_[i - 1].num;
    c->first = i - 1;
  }
  if (year < 0) {
    if (!dct_) {
      c->value = "XXXX-Q" + std::to_string(q);
      c->relative = true;
      return true;
    }
    year = dct_->year;
    if (q > QuarterOf(dct_->month) && TenseAt(i, k) != Tense::kFuture) --year;
    SetResolved(c, Quarter(year, q));
  } else {
    c->value = Quarter(year, q);
  }
  c->has_ref = true;
  c->ref = Date{year, (q - 1) * 3 + 1, 1};
  c->ref_gran = Gran::kQuarter;
  return true;
}

bool Tagger::MatchSeason(size_t i, Cand* c) {
  const auto* sr = toks_[i].Get(Cat::kSeason);
  std::string code(kSeasonCode[sr->value]);
  if (YearTok(i + 1)) {
    c->end = i + 2;
    c->value = Y(toks_[i + 1].num) + "-" + code;
    return true;
  }
  // A bare season needs a date context ("fall" is also a verb).
  if (!(i > 0 && (Is(i - 1, Cat::kThe) || Is(i - 1, Cat::kYearCtx) ||
                  Is(i - 1, Cat::kPhase))))
    return false;
  if (WordIs(i - 1, "to") || WordIs(i - 1, "and")) return false;
  if (i + 1 < n() && toks_[i + 1].kind == TokKind::kWord &&
      toks_[i + 1].lex.r[0].cat == Cat::kNone && !toks_[i + 1].cap)
    return false;  // "the summer camp": an attribute
  c->end = i + 1;
  c->the_ok = true;
  if (!dct_) {
    c->value = "XXXX-" + code;
    c->relative = true;
    return true;
  }
  SetResolved(c, Y(dct_->year) + "-" + code);
  return true;
}

// "early September", "mid-2024", "late last year", "the end of the year".
bool Tagger::MatchPhase(size_t i, Cand* c) {
  std::string_view mod;
  size_t j = i + 1;
  bool noun = false;
  if (Is(i, Cat::kMid)) {
    // "mid day", "mid-day": midday, noon.
    if (WordIs(Dash(j) && Adj(j) ? j + 1 : j, "day") &&
        !Is(Dash(j) && Adj(j) ? j + 2 : j + 1, Cat::kOf)) {
      c->end = (Dash(j) && Adj(j) ? j + 1 : j) + 1;
      c->type = TimexType::kTime;
      if (dct_) {
        SetResolved(c, YMD(*dct_) + "T12:00");
      } else {
        c->value = "XXXX-XX-XXT12:00";
        c->relative = true;
      }
      return true;
    }
    mod = "MID";
    if (Dash(j) && Adj(j)) ++j;
  } else {
    Phase ph = static_cast<Phase>(toks_[i].Get(Cat::kPhase)->value);
    switch (ph) {
      case Phase::kEarly:
      case Phase::kBeginning:
      case Phase::kStart:
        mod = "START";
        break;
      case Phase::kLate:
      case Phase::kEnd:
        mod = "END";
        break;
      case Phase::kMiddle:
        mod = "MID";
        break;
    }
    noun = ph == Phase::kBeginning || ph == Phase::kEnd ||
           ph == Phase::kMiddle || ph == Phase::kStart;
    if (noun) {
      if (!Is(j, Cat::kOf)) return false;
      ++j;
    } else if (Dash(j) && Adj(j)) {
      ++j;
    }
  }
  if (j >= n()) return false;
  Cand inner;
  inner.first = j;
  bool ok = false;
  size_t inner_start = j;
  // "the end of the year", "end of year" (no article after the noun).
  const size_t uj = Is(j, Cat::kThe) ? j + 1 : noun ? j : n();
  if (uj < n()) {
    // "the end of the year" / "the end of the third quarter".
    if (const auto* ur = R(uj, Cat::kUnit);
        ur && !(ur->flags & internal::kFlagPlural) &&
        (ur->value == static_cast<uint8_t>(Unit::kYear) ||
         ur->value == static_cast<uint8_t>(Unit::kMonth) ||
         ur->value == static_cast<uint8_t>(Unit::kWeek) ||
         ur->value == static_cast<uint8_t>(Unit::kDecade) ||
         ur->value == static_cast<uint8_t>(Unit::kCentury))) {
      Unit u = static_cast<Unit>(ur->value);
      inner.end = uj + 1;
      if (dct_)
        SetResolved(&inner, UnitValue(*dct_, u));
      else {
        inner.value = UnitUnknown(u);
        inner.relative = true;
      }
      ok = true;
    } else if (uj == j + 1) {
      inner_start = j + 1;
      inner.first = inner_start;
      ok = MatchAt(inner_start, &inner);
    } else {
      ok = MatchAt(j, &inner);
    }
  } else {
    ok = MatchAt(j, &inner);
  }
  if (!ok || inner.type != TimexType::kDate || inner.first < inner_start)
    return false;
  if (inner.value.find('P') == 0) return false;
  *c = std::move(inner);
  c->first = i;
  c->mod = mod;
  c->the_ok = true;
  return true;
}

// "EOM", "BOY" (business shorthand for the end of the month, the beginning
// of the year): the anchor's month or year with mod END / START. "BOY" and
// "BOM" are words in other senses, so they count only in capitals and not
// inside a run of capitalised words (a headline).
bool Tagger::MatchEdge(size_t i, Cand* c) {
  const auto* r = R(i, Cat::kEdge);
  if (!r) return false;
  const Tok& t = toks_[i];
  bool upper = true, lower = true;
  for (uint32_t b = t.begin; b < t.end; ++b) {
    upper = upper && text_[b] >= 'A' && text_[b] <= 'Z';
    lower = lower && text_[b] >= 'a' && text_[b] <= 'z';
  }
  const bool start = r->flags & 1;
  if (!upper && (start || !lower)) return false;
  auto caps_word = [&](size_t k) {
    return k < n() && toks_[k].kind == TokKind::kWord &&
           toks_[k].end - toks_[k].begin > 1 && toks_[k].cap &&
           text_[toks_[k].begin + 1] >= 'A' && text_[toks_[k].begin + 1] <= 'Z';
  };
  if ((i > 0 && caps_word(i - 1)) || caps_word(i + 1)) return false;
  const Unit u = static_cast<Unit>(r->value);
  c->type = TimexType::kDate;
  c->end = i + 1;
  c->mod = start ? "START" : "END";
  c->the_ok = true;
  if (dct_) {
    SetResolved(c, UnitValue(*dct_, u));
  } else {
    c->value = UnitUnknown(u);
    c->relative = true;
  }
  return true;
}

// "the morning of June 5", "evening of Christmas": a part of a named day.
// Not "the night of Oct. 23": a night straddles two dates, and TimeBank
// keeps the date alone there.
bool Tagger::MatchPartOfDate(size_t i, Cand* c) {
  const auto* pd = R(i, Cat::kPartOfDay);
  if (!pd || pd->value > static_cast<uint8_t>(PartOfDay::kEvening)) return false;
  // "placed orders in the morning", "back in the afternoon": that part of
  // the day last named, or of the day of writing.
  if (!Is(i + 1, Cat::kOf) && i >= 2 && Is(i - 1, Cat::kThe) &&
      !toks_[i - 1].cap && (WordIs(i - 2, "in") || WordIs(i - 2, "during")) &&
      !(i + 1 < n() && toks_[i + 1].kind == TokKind::kWord &&
        (Is(i + 1, Cat::kDeictic) || Is(i + 1, Cat::kWeekday) ||
         Is(i + 1, Cat::kMonth) || Is(i + 1, Cat::kAmPm))) &&
      dct_) {
    const Date d = have_ref_ && ref_gran_ == Gran::kDay ? ref_ : *dct_;
    c->first = i - 1;
    c->end = i + 1;
    c->type = TimexType::kTime;
    SetResolved(c, YMD(d) + "T" + std::string(internal::kPartCode[pd->value]));
    return true;
  }
  if (!Is(i + 1, Cat::kOf)) return false;
  size_t k = i + 2;
  if (Is(k, Cat::kThe) && !Is(k + 1, Cat::kRel)) ++k;
  // No part of day inside (bounds the recursion on "morning of morning...").
  if (k >= n() || toks_[k].Has(Cat::kPartOfDay) ||
      toks_[k].Has(Cat::kPhase) || toks_[k].Has(Cat::kMid))
    return false;
  Cand d;
  d.first = k;
  if (!MatchAt(k, &d) || d.type != TimexType::kDate || d.first != k ||
      d.value.size() != 10 || d.value[4] != '-' || d.value[7] != '-')
    return false;
  *c = std::move(d);
  c->first = i;
  c->type = TimexType::kTime;
  c->value += "T" + std::string(internal::kPartCode[pd->value]);
  c->the_ok = true;
  return true;
}

// Holiday names whose words together are unambiguous in any case, as
// lower-case words. Between the words of the text, "'s" and an abbreviation
// dot are skipped, so "St. Patrick's Day" reads "st patrick day".
struct HolidayAlias {
  std::string_view words;
  Holiday h;
};
constexpr HolidayAlias kHolidayAliases[] = {
    {"xmas", Holiday::kChristmas},
    {"xmas day", Holiday::kChristmas},
    {"xmas eve", Holiday::kChristmasEve},
    {"new year eve", Holiday::kNewYearsEve},
    {"new years eve", Holiday::kNewYearsEve},
    {"new year day", Holiday::kNewYear},
    {"new years day", Holiday::kNewYear},
    {"valentine day", Holiday::kValentine},
    {"valentines day", Holiday::kValentine},
    {"black friday", Holiday::kBlackFriday},
    {"boss day", Holiday::kBossDay},
    {"bosses day", Holiday::kBossDay},
    {"mlk day", Holiday::kMlkDay},
    {"mlk jr day", Holiday::kMlkDay},
    {"martin luther king day", Holiday::kMlkDay},
    {"martin luther kings day", Holiday::kMlkDay},
    {"martin luther king jr day", Holiday::kMlkDay},
    {"civil rights day", Holiday::kMlkDay},
    {"presidents day", Holiday::kPresidentsDay},
    {"columbus day", Holiday::kColumbusDay},
    {"veterans day", Holiday::kVeteransDay},
    {"st patrick day", Holiday::kStPatrick},
    {"st patricks day", Holiday::kStPatrick},
    {"st paddy day", Holiday::kStPatrick},
    {"saint patrick day", Holiday::kStPatrick},
    {"saint patricks day", Holiday::kStPatrick},
    {"saint paddy day", Holiday::kStPatrick},
    {"earth day", Holiday::kEarthDay},
    {"groundhog day", Holiday::kGroundhogDay},
    {"king day", Holiday::kKingsDay},
    {"kings day", Holiday::kKingsDay},
    {"koningsdag", Holiday::kKingsDay},
    {"world vegan day", Holiday::kWorldVeganDay},
    {"shrove tuesday", Holiday::kShroveTuesday},
    {"pancake day", Holiday::kShroveTuesday},
    {"mardi gras", Holiday::kShroveTuesday},
    {"ash wednesday", Holiday::kAshWednesday},
    {"palm sunday", Holiday::kPalmSunday},
    {"branch sunday", Holiday::kPalmSunday},
    {"maundy thursday", Holiday::kMaundyThursday},
    {"covenant thursday", Holiday::kMaundyThursday},
    {"covenant thu", Holiday::kMaundyThursday},
    {"pentecost", Holiday::kPentecost},
    {"whit sunday", Holiday::kPentecost},
    {"white sunday", Holiday::kPentecost},
    {"whit monday", Holiday::kWhitMonday},
    {"monday of the holy spirit", Holiday::kWhitMonday},
    {"trinity sunday", Holiday::kTrinitySunday},
    {"easter mon", Holiday::kEasterMonday},
    {"orthodox easter", Holiday::kOrthodoxEaster},
    {"orthodox easter sunday", Holiday::kOrthodoxEaster},
    {"orthodox good friday", Holiday::kOrthodoxGoodFriday},
    {"orthodox great friday", Holiday::kOrthodoxGoodFriday},
    {"clean monday", Holiday::kCleanMonday},
    {"orthodox shrove monday", Holiday::kCleanMonday},
    {"lazarus saturday", Holiday::kLazarusSaturday},
};

size_t Tagger::MatchWords(size_t i, std::string_view words) const {
  size_t k = i;
  while (!words.empty()) {
    size_t sp = words.find(' ');
    std::string_view w = words.substr(0, sp);
    words = sp == std::string_view::npos ? std::string_view()
                                         : words.substr(sp + 1);
    if (k > i) {
      if ((P(k, '\'') || P(k, internal::kQuote)) && Adj(k) &&
          WordIs(k + 1, "s") && Adj(k + 1))
        k += 2;
      else if (P(k, '.') && Adj(k))
        ++k;
      else if ((Dash(k) || P(k, '\'') || P(k, internal::kQuote)) && Adj(k) &&
               Adj(k + 1))
        ++k;  // "al-Fitr", "B'Av", "Mi'raj"
    }
    if (!WordIs(k, w)) return 0;
    ++k;
  }
  return k;
}

// "Christmas", "Thanksgiving Day", "New Year's Eve", "Easter 2024".
bool Tagger::MatchHoliday(size_t i, Cand* c) {
  if (R(i, Cat::kHoliday)->value == internal::kFeastCue) {
    uint16_t which[4];
    int nwhich = 0;
    size_t fe = MatchFeastName(i, which, &nwhich);
    if (fe == 0) return false;
    c->end = fe;
    return ResolveFeast(i, which, nwhich, fe, c);
  }
  Holiday h{};
  size_t e = 0;
  for (const HolidayAlias& a : kHolidayAliases) {
    size_t k = MatchWords(i, a.words);
    if (k > e) {
      e = k;
      h = a.h;
    }
  }
  if (e == 0 && !MatchHolidayName(i, &h, &e)) return false;
  c->end = e;
  return ResolveHoliday(i, h, e, c);
}

size_t Tagger::MatchFeastName(size_t i, uint16_t* which, int* nwhich) const {
  size_t count = 0;
  const internal::Feast* feasts = internal::Feasts(&count);
  size_t best = 0;
  *nwhich = 0;
  for (size_t f = 0; f < count; ++f) {
    std::string_view names = feasts[f].names;
    while (!names.empty()) {
      size_t bar = names.find('|');
      std::string_view name = names.substr(0, bar);
      names = bar == std::string_view::npos ? std::string_view()
                                            : names.substr(bar + 1);
      const bool common = !name.empty() && name[0] == '*';
      if (common) name.remove_prefix(1);
      size_t k = MatchWords(i, name);
      if (k == 0 || k < best) continue;
      // The rest of the name must not run on inside a word ("Holiness").
      if (k < n() && toks_[k].kind == TokKind::kWord && Adj(k)) continue;
      int year = 0;
      if (common && !toks_[i].cap && !HolidayYear(k, &year)) continue;
      if (k > best) {
        best = k;
        *nwhich = 0;
      }
      if (*nwhich < 4 &&
          (*nwhich == 0 || which[*nwhich - 1] != static_cast<uint16_t>(f)))
        which[(*nwhich)++] = static_cast<uint16_t>(f);
    }
  }
  return best;
}

size_t Tagger::HolidayYear(size_t e, int* year) const {
  if (YearTok(e)) {
    *year = toks_[e].num;
    return e + 1;
  }
  if (WordIs(e, "in") && YearTok(e + 1)) {
    *year = toks_[e + 1].num;
    return e + 2;
  }
  int spelled = 0;
  if (size_t k = ParseSpelledYear(e, &spelled)) {
    *year = spelled;
    return k;
  }
  return 0;
}

size_t Tagger::HolidayShiftedYear(size_t e, int* year) const {
  if (!dct_) return 0;
  const bool in = WordIs(e, "in");
  int count = 0;
  size_t k = ParseCount(in ? e + 1 : e, &count);
  if (!k || count <= 0) return 0;
  const auto* u = R(k, Cat::kUnit);
  if (!u) return 0;
  const Unit unit = static_cast<Unit>(u->value);
  if (unit != Unit::kYear && unit != Unit::kMonth) return 0;
  ++k;
  int sign = 0;
  if (in)
    sign = 1;
  else if (Is(k, Cat::kAgo))
    sign = -1, ++k;
  else if (WordIs(k, "hence"))
    sign = 1, ++k;
  else if (WordIs(k, "from") && WordIs(k + 1, "now"))
    sign = 1, k += 2;
  if (sign == 0) return 0;
  *year = Shift(*dct_, unit, sign * count).year;
  return k;
}

// Feasts are resolved over their actual days (a lunar feast moves about
// eleven days a year and can fall twice in one Gregorian year): with a
// stated year, its first day in that year; "next"/"last" the first after
// or the last before the anchor; otherwise the nearest to the anchor,
// moved by tense as NearestYear does. A feast of several days is given by
// its first day. Without an anchor and a year the value stays unknown.
bool Tagger::ResolveFeast(size_t i, const uint16_t* which, int nwhich,
                          size_t e, Cand* c) {
  auto days_in = [&](int y0, int y1) {
    std::vector<Date> v;
    for (int y = y0; y <= y1; ++y)
      for (int k = 0; k < nwhich; ++k)
        for (const Date& d : FeastDaysIn(which[k], y)) v.push_back(d);
    std::sort(v.begin(), v.end());
    return v;
  };
  auto set_day = [&](const Date& d, bool resolved) {
    if (resolved)
      SetResolved(c, YMD(d));
    else
      c->value = YMD(d);
    c->has_ref = true;
    c->ref = d;
    return true;
  };
  c->type = TimexType::kDate;
  int year = 0;
  if (size_t ye = HolidayYear(e, &year)) {
    auto v = days_in(year, year);
    if (v.empty()) return false;
    c->end = ye;
    return set_day(v.front(), false);
  }
  if (size_t ye = HolidayShiftedYear(e, &year)) {
    auto v = days_in(year, year);
    if (v.empty()) return false;
    c->end = ye;
    return set_day(v.front(), true);
  }
  if (!dct_) {
    c->value = "XXXX-XX-XX";
    c->relative = true;
    return true;
  }
  // "Passover of next year", "Ramadan of this year".
  if (const auto* r = R(e + 1, Cat::kRel);
      r && Is(e, Cat::kOf) && R(e + 2, Cat::kUnit) &&
      static_cast<Unit>(R(e + 2, Cat::kUnit)->value) == Unit::kYear) {
    const auto shift = YearShift(static_cast<Rel>(r->value));
    if (!shift) return false;
    const int y = dct_->year + *shift;
    auto v = days_in(y, y);
    if (v.empty()) return false;
    c->end = e + 3;
    return set_day(v.front(), true);
  }
  const auto all = days_in(dct_->year - 2, dct_->year + 2);
  if (all.empty()) return false;
  const Date& now = *dct_;
  auto first_after = [&](bool or_equal) -> const Date* {
    for (const Date& d : all)
      if (d > now || (or_equal && d == now)) return &d;
    return nullptr;
  };
  auto last_before = [&]() -> const Date* {
    const Date* out = nullptr;
    for (const Date& d : all)
      if (d < now) out = &d;
    return out;
  };
  const Date* pick = nullptr;
  if (const auto* r = R(i - 1, Cat::kRel);
      r && i > 0 &&
      (r->value == static_cast<uint8_t>(Rel::kLast) ||
       r->value == static_cast<uint8_t>(Rel::kNext) ||
       r->value == static_cast<uint8_t>(Rel::kThis))) {
    const Rel rel = static_cast<Rel>(r->value);
    if (rel == Rel::kLast) {
      pick = last_before();
    } else if (rel == Rel::kNext) {
      pick = first_after(false);
    } else {
      for (const Date& d : all)
        if (d.year == now.year &&
            (!pick || std::llabs(civil::ToDays(d) - civil::ToDays(now)) <
                          std::llabs(civil::ToDays(*pick) -
                                     civil::ToDays(now))))
          pick = &d;
    }
    c->first = i - 1;
  } else {
    // The nearest, moved by tense as NearestYear moves a yearly date.
    for (const Date& d : all)
      if (!pick || std::llabs(civil::ToDays(d) - civil::ToDays(now)) <
                       std::llabs(civil::ToDays(*pick) - civil::ToDays(now)))
        pick = &d;
    const int64_t diff = civil::ToDays(*pick) - civil::ToDays(now);
    const Tense t = TenseAt(c->first, c->end);
    if ((t == Tense::kPast && diff > 90) || (diff > 0 && AfterSince(c->first)))
      pick = last_before();
    else if (t == Tense::kFuture &&
             (diff < -90 || (options_.unknown_tense_is_future && diff < 0)))
      pick = first_after(true);
  }
  if (!pick) return false;
  return set_day(*pick, true);
}

bool Tagger::MatchHolidayName(size_t i, Holiday* hp, size_t* ep) {
  // Names made of common words ("New Year", "Good Friday") need capitals;
  // "christmas", "thanksgiving", "halloween", "easter" are unambiguous.
  const bool loose = WordIs(i, "christmas") || WordIs(i, "thanksgiving") ||
                     WordIs(i, "halloween") || WordIs(i, "easter");
  if (!toks_[i].cap && !loose) return false;
  auto possessive = [&](size_t k) {  // "'s" / "’s" glued to the word
    return (P(k, '\'') || P(k, internal::kQuote)) && Adj(k) &&
           WordIs(k + 1, "s") && Adj(k + 1);
  };
  auto cap_word = [&](size_t k, std::string_view w) {
    return k < n() && (toks_[k].cap || loose) && WordIs(k, w);
  };
  Holiday h{};
  size_t e = i + 1;
  if (WordIs(i, "christmas")) {
    h = Holiday::kChristmas;
    if (cap_word(e, "eve")) {
      h = Holiday::kChristmasEve;
      ++e;
    } else if (cap_word(e, "day"))
      ++e;
  } else if (WordIs(i, "thanksgiving")) {
    h = Holiday::kThanksgiving;
    if (cap_word(e, "day")) ++e;
  } else if (WordIs(i, "halloween")) {
    h = Holiday::kHalloween;
  } else if (WordIs(i, "easter")) {
    h = Holiday::kEaster;
    if (cap_word(e, "sunday"))
      ++e;
    else if (cap_word(e, "monday")) {
      h = Holiday::kEasterMonday;
      ++e;
    }
  } else if (WordIs(i, "good") && cap_word(e, "friday")) {
    h = Holiday::kGoodFriday;
    ++e;
  } else if (WordIs(i, "valentine") && possessive(e) &&
             cap_word(e + 2, "day")) {
    h = Holiday::kValentine;
    e += 3;
  } else if ((WordIs(i, "labor") || WordIs(i, "memorial") ||
              WordIs(i, "boxing")) &&
             cap_word(e, "day")) {
    h = WordIs(i, "labor")      ? Holiday::kLaborDay
        : WordIs(i, "memorial") ? Holiday::kMemorialDay
                                : Holiday::kBoxingDay;
    ++e;
  } else if (WordIs(i, "election") && cap_word(e, "day")) {
    // "Election Day" in capitals: the American one (a lower-case "election
    // day" is any election's).
    h = Holiday::kElectionDay;
    ++e;
  } else if ((WordIs(i, "mother") || WordIs(i, "father")) && possessive(e) &&
             cap_word(e + 2, "day")) {
    h = WordIs(i, "mother") ? Holiday::kMothersDay : Holiday::kFathersDay;
    e += 3;
  } else if (WordIs(i, "new") && cap_word(e, "year")) {
    ++e;
    if (possessive(e)) e += 2;
    h = Holiday::kNewYear;
    if (cap_word(e, "eve")) {
      h = Holiday::kNewYearsEve;
      ++e;
    } else if (cap_word(e, "day"))
      ++e;
    else if (!possessive(i + 2) && !YearTok(e))
      return false;  // "a New Year mood"
  } else {
    return false;
  }
  *hp = h;
  *ep = e;
  return true;
}

bool Tagger::ResolveHoliday(size_t i, Holiday h, size_t e, Cand* c) {
  int spelled = 0;
  if (size_t ye = YearTok(e) ? e + 1 : ParseSpelledYear(e, &spelled)) {
    // "Easter 2024", "Easter Sunday two thousand ten".
    Date d = HolidayDate(h, YearTok(e) ? toks_[e].num : spelled);
    c->end = ye;
    c->value = YMD(d);
    c->has_ref = true;
    c->ref = d;
    return true;
  }
  // "Thanksgiving in 3 years", "Thanksgiving 1 year ago".
  if (int y = 0; size_t ye = HolidayShiftedYear(e, &y)) {
    Date d = HolidayDate(h, y);
    c->end = ye;
    SetResolved(c, YMD(d));
    c->has_ref = true;
    c->ref = d;
    return true;
  }
  // "Thanksgiving of next year", "Black Friday of this year".
  if (const auto* r = R(e + 1, Cat::kRel);
      r && dct_ && Is(e, Cat::kOf) && R(e + 2, Cat::kUnit) &&
      static_cast<Unit>(R(e + 2, Cat::kUnit)->value) == Unit::kYear) {
    const auto shift = YearShift(static_cast<Rel>(r->value));
    if (!shift) return false;
    const int y = dct_->year + *shift;
    Date d = HolidayDate(h, y);
    c->end = e + 3;
    SetResolved(c, YMD(d));
    c->has_ref = true;
    c->ref = d;
    return true;
  }
  if (!dct_) {
    Date probe = HolidayDate(h, 2001);
    bool fixed = HolidayDate(h, 2002).day == probe.day && h != Holiday::kEaster;
    c->value = "XXXX-" + Pad(probe.month, 2) +
               (fixed ? "-" + Pad(probe.day, 2) : "-XX");
    c->relative = true;
    return true;
  }
  Date d;
  if (const auto* r = R(i - 1, Cat::kRel);
      r && i > 0 &&
      (r->value == static_cast<uint8_t>(Rel::kLast) ||
       r->value == static_cast<uint8_t>(Rel::kNext) ||
       r->value == static_cast<uint8_t>(Rel::kThis))) {
    int y = dct_->year;
    if (r->value == static_cast<uint8_t>(Rel::kLast)) {
      if (HolidayDate(h, y) >= *dct_) --y;
    } else if (r->value == static_cast<uint8_t>(Rel::kNext)) {
      if (HolidayDate(h, y) <= *dct_) ++y;
    }
    d = HolidayDate(h, y);
    c->first = i - 1;
  } else {
    d = NearestYear([h](int y) { return HolidayDate(h, y); }, c);
  }
  SetResolved(c, YMD(d));
  c->has_ref = true;
  c->ref = d;
  return true;
}

// Runs every matcher that can start at token i; keeps the longest.
bool Tagger::MatchAt(size_t i, Cand* best) {
  const Tok& t = toks_[i];
  if (t.kind == TokKind::kPunct) return false;
  if (t.kind == TokKind::kWord && t.lex.r[0].cat == Cat::kNone) {
    // Only "Q3" starts with a word the lexicon does not know.
    if (!(t.end - t.begin == 1 && WordIs(i, "q"))) return false;
  }
  bool found = false;
  auto attempt = [&](bool (Tagger::*fn)(size_t, Cand*)) {
    Cand c;
    c.first = i;
    if ((this->*fn)(i, &c) && c.end > c.first) {
      if (!found || c.end > best->end ||
          (c.end == best->end && c.first < best->first)) {
        *best = std::move(c);
        found = true;
      }
    }
  };
  if (t.kind == TokKind::kNum) {
    attempt(&Tagger::MatchNumericDate);
    attempt(&Tagger::MatchDayFirst);
    attempt(&Tagger::MatchYear);
    attempt(&Tagger::MatchTime);
    attempt(&Tagger::MatchDuration);
    attempt(&Tagger::MatchClockOffset);
    attempt(&Tagger::MatchFraction);
    if (i + 1 < n() && toks_[i + 1].kind == TokKind::kWord &&
        toks_[i + 1].end - toks_[i + 1].begin <= 3)
      attempt(&Tagger::MatchEraYear);
    if (t.ordinal) {
      attempt(&Tagger::MatchQuarter);
      attempt(&Tagger::MatchCentury);
      attempt(&Tagger::MatchNthInMonth);
      attempt(&Tagger::MatchDayOfMonth);
    }
    if (found) {
      ClockAfterPartOfDay(best);
      QuarterOfYear(best);
    }
    return found;
  }
  for (const auto& r : t.lex.r) {
    switch (r.cat) {
      case Cat::kMonth:
        attempt(&Tagger::MatchMonthFirst);
        break;
      case Cat::kWeekday:
        attempt(&Tagger::MatchWeekday);
        break;
      case Cat::kRel:
        attempt(&Tagger::MatchRel);
        attempt(&Tagger::MatchNthInMonth);
        attempt(&Tagger::MatchCurrentAdj);
        break;
      case Cat::kShift:
        attempt(&Tagger::MatchShiftPrefix);
        break;
      case Cat::kDeictic:
        attempt(&Tagger::MatchDeictic);
        break;
      case Cat::kApprox:
        attempt(&Tagger::MatchApproxTime);
        attempt(&Tagger::MatchDuration);
        attempt(&Tagger::MatchFraction);
        break;
      case Cat::kNumWord:
        attempt(&Tagger::MatchTime);
        attempt(&Tagger::MatchSpelledYear);
        attempt(&Tagger::MatchCentury);
        attempt(&Tagger::MatchDuration);
        attempt(&Tagger::MatchClockOffset);
        attempt(&Tagger::MatchFraction);
        break;
      case Cat::kA:
        attempt(&Tagger::MatchDuration);
        attempt(&Tagger::MatchClockOffset);
        attempt(&Tagger::MatchFraction);
        break;
      case Cat::kHalf:
        attempt(&Tagger::MatchClockOffset);
        attempt(&Tagger::MatchFraction);
        break;
      case Cat::kAt:
        attempt(&Tagger::MatchAtPresent);
        attempt(&Tagger::MatchDuration);
        break;
      case Cat::kMoreLess:
      case Cat::kVague:
      case Cat::kMultiplier:
        attempt(&Tagger::MatchDuration);
        break;
      case Cat::kOrdWord:
        attempt(&Tagger::MatchDayOfMonth);
        attempt(&Tagger::MatchNthInMonth);
        attempt(&Tagger::MatchDayFirst);
        attempt(&Tagger::MatchQuarter);
        attempt(&Tagger::MatchCentury);
        attempt(&Tagger::MatchDuration);
        break;
      case Cat::kUnit:
        attempt(&Tagger::MatchClockOffset);
        attempt(&Tagger::MatchTheUnit);
        attempt(&Tagger::MatchYearAgo);
        attempt(&Tagger::MatchYearEnd);
        break;
      case Cat::kFiscal:
        attempt(&Tagger::MatchQuarter);
        break;
      case Cat::kEvery:
      case Cat::kSetAdv:
        attempt(&Tagger::MatchSet);
        break;
      case Cat::kPartOfDay:
        attempt(&Tagger::MatchTime);
        attempt(&Tagger::MatchPartOfDate);
        break;
      case Cat::kSeason:
        attempt(&Tagger::MatchSeason);
        break;
      case Cat::kPhase:
      case Cat::kMid:
        attempt(&Tagger::MatchPhase);
        break;
      case Cat::kEdge:
        attempt(&Tagger::MatchEdge);
        break;
      default:
        break;
    }
  }
  if (!found && WordIs(i, "q")) attempt(&Tagger::MatchQuarter);
  if (t.Has(Cat::kHoliday)) attempt(&Tagger::MatchHoliday);
  // "at a later date", "in the short term" (both end in a 4-letter noun).
  if (!found && i + 2 < n() && toks_[i + 2].end - toks_[i + 2].begin == 4 &&
      (t.Has(Cat::kA) || t.Has(Cat::kThe)))
    attempt(&Tagger::MatchVagueFuture);
  if (!found && t.Has(Cat::kUnit) &&
      (t.lex.r[0].flags & internal::kFlagPlural)) {
    // Bare plural after "for"/"in": "for years", "in months".
    if (i > 0 && (WordIs(i - 1, "for") || WordIs(i - 1, "in")) &&
        !Is(i + 1, Cat::kOf) && !Is(i + 1, Cat::kAgo)) {
      best->first = i;
      best->end = i + 1;
      best->type = TimexType::kDuration;
      best->value = DurationValue(-1, static_cast<Unit>(t.lex.r[0].value));
      found = true;
    }
  }
  if (found) {
    ClockAfterPartOfDay(best);
    QuarterOfYear(best);
  }
  return found;
}

// "the 1988 third quarter", "this year's second quarter", "next year's
// first quarter": a year, then which of its quarters.
void Tagger::QuarterOfYear(Cand* c) {
  const std::string& v = c->value;
  if (v.size() != 4 || !std::all_of(v.begin(), v.end(), [](char ch) {
        return ch >= '0' && ch <= '9';
      }))
    return;
  size_t k = c->end;
  if ((P(k, '\'') || P(k, internal::kQuote)) && Adj(k) && WordIs(k + 1, "s"))
    k += 2;
  Cand q;
  q.first = k;
  if (k >= n() || !MatchQuarter(k, &q) || q.value.size() != 7) return;
  // Only a quarter that named no year of its own.
  for (size_t j = k; j < q.end; ++j)
    if (YearTok(j)) return;
  int year = std::atoi(v.c_str());
  int quarter = q.value[6] - '0';
  c->value = Quarter(year, quarter);
  c->end = q.end;
  c->the_ok = true;
  c->has_ref = true;
  c->ref = Date{year, (quarter - 1) * 3 + 1, 1};
  c->ref_gran = Gran::kQuarter;
}

// "tomorrow afternoon at 5", "tonight at 8:30", "Saturday morning @ 9": the
// part of day says which half of the day the bare clock number means. A day
// followed by "in the morning" takes that part of day.
void Tagger::ClockAfterPartOfDay(Cand* c) {
  // The extensions below all start with a word after a day.
  const bool day = c->value.size() == 10 && c->value[4] == '-' &&
                   c->value[7] == '-' && c->end < n() &&
                   toks_[c->end].kind == TokKind::kWord;
  if (day && WordIs(c->end, "in") && Is(c->end + 1, Cat::kThe)) {
    if (const auto* pd = R(c->end + 2, Cat::kPartOfDay);
        pd && pd->value <= static_cast<uint8_t>(PartOfDay::kNight)) {
      c->value += "T" + std::string(kPartCode[pd->value]);
      c->type = TimexType::kTime;
      c->end += 3;
    } else if (WordIs(c->end + 2, "early") && WordIs(c->end + 3, "hours") &&
               Is(c->end + 4, Cat::kOf) && Is(c->end + 5, Cat::kThe) &&
               R(c->end + 6, Cat::kPartOfDay) &&
               R(c->end + 6, Cat::kPartOfDay)->value ==
                   static_cast<uint8_t>(PartOfDay::kMorning)) {
      // "Monday in the early hours of the morning".
      c->value += "TMO";
      c->type = TimexType::kTime;
      c->end += 7;
    }
  } else if (day && WordIs(c->end, "early")) {
    // "Monday early morning", "Monday early in the morning".
    size_t k = c->end + 1;
    if (WordIs(k, "in") && Is(k + 1, Cat::kThe)) k += 2;
    if (const auto* pd = R(k, Cat::kPartOfDay);
        pd && pd->value == static_cast<uint8_t>(PartOfDay::kMorning)) {
      c->value += "TMO";
      c->type = TimexType::kTime;
      c->end = k + 1;
    }
  } else if (day && c->relative) {
    // "tomorrow lunch", "Friday at lunchtime": midday of that day.
    size_t k = c->end;
    if (WordIs(k, "at") || WordIs(k, "for")) ++k;
    if (WordIs(k, "lunch") || WordIs(k, "lunchtime")) {
      c->value += "T12:00";
      c->type = TimexType::kTime;
      c->end = k + 1;
    }
  }
  const std::string& v = c->value;
  if (v.size() < 4 || v[v.size() - 3] != 'T') return;
  std::string_view part = std::string_view(v).substr(v.size() - 2);
  bool pm = part == "AF" || part == "EV" || part == "NI";
  if (!pm && part != "MO") return;
  size_t k = c->end;
  if (!(WordIs(k, "at") || P(k, '@'))) return;
  ++k;
  int h = 0, m = 0;
  if (PlainNum(k, 2))
    h = toks_[k].num;
  else if (const auto* w = R(k, Cat::kNumWord))  // "in the evening at eight"
    h = w->value;
  else
    return;
  if (h < 1 || h > 12) return;
  ++k;
  if (P(k, ':') && Adj(k) && PlainNum(k + 1, 2) && toks_[k + 1].ndigits == 2 &&
      toks_[k + 1].num < 60) {
    m = toks_[k + 1].num;
    k += 2;
  }
  if (Is(k, Cat::kAmPm)) return;  // "at 5 pm" is the clock's own business
  if (pm && h != 12) h += 12;
  if (!pm && h == 12) h = 0;
  c->value = v.substr(0, v.size() - 3) + "T" + Pad(h, 2) + ":" + Pad(m, 2);
  c->type = TimexType::kTime;
  c->end = k;
}

// "the first Tuesday of October", "last Friday in March 2014", "the third
// day of October", "the last day of the month", "the fifth last day of May",
// "the first week of October 2014", "the second last week of 2018", "the
// last weekend of October": a day, week or weekend counted within a month or
// a year, from its start or (after "last") from its end. The weeks of a month
// or year are the Monday-to-Sunday weeks wholly inside it; its weekends are
// those of its Saturdays.
bool Tagger::MatchNthInMonth(size_t i, Cand* c) {
  int nth = 0;
  // Up to the fifth of weekdays and weeks; days up to the 31st ("the 20th
  // day of next month").
  if (Num(i) && toks_[i].ordinal && toks_[i].num >= 1 && toks_[i].num <= 31)
    nth = toks_[i].num;
  else if (const auto* o = R(i, Cat::kOrdWord); o && o->value <= 31)
    nth = o->value;
  else if (WordIs(i, "last"))
    nth = -1;
  if (nth == 0) return false;
  size_t j = i + 1;
  if (nth > 0 && WordIs(j, "last")) {  // "the third last week"
    nth = -nth;
    ++j;
  }
  int wd = 0;
  Unit unit = Unit::kDay;
  if (const auto* w = R(j, Cat::kWeekday);
      w && !(w->flags & internal::kFlagPlural)) {
    wd = w->value;
  } else if (const auto* u = R(j, Cat::kUnit);
             u && !(u->flags & internal::kFlagPlural) &&
             (static_cast<Unit>(u->value) == Unit::kDay ||
              static_cast<Unit>(u->value) == Unit::kWeek ||
              static_cast<Unit>(u->value) == Unit::kWeekend)) {
    unit = static_cast<Unit>(u->value);
    // "week-end", "week end"
    if (unit == Unit::kWeek && Dash(j + 1) && Adj(j + 1) &&
        WordIs(j + 2, "end")) {
      unit = Unit::kWeekend;
      j += 2;
    } else if (unit == Unit::kWeek && WordIs(j + 1, "end") &&
               (Is(j + 2, Cat::kOf) || WordIs(j + 2, "in"))) {
      unit = Unit::kWeekend;
      ++j;
    }
  } else {
    return false;
  }
  if (nth > 5 && (wd || unit != Unit::kDay)) return false;
  // "last week" alone is MatchRel's; this needs "of"/"in" and a period.
  ++j;
  if (!(Is(j, Cat::kOf) || WordIs(j, "in"))) return false;
  ++j;
  int y = -1, m = 0;
  size_t end = 0;
  if (const auto* mr = R(j, Cat::kMonth)) {
    m = mr->value;
    end = j + 1;
    if (P(end, '.') && Adj(end)) ++end;
    if (YearTok(end)) y = toks_[end++].num;
  } else if (YearTok(j) && unit != Unit::kDay && wd == 0) {
    y = toks_[j].num;  // "the third last week of 2018": weeks of a year
    end = j + 1;
  } else {
    // "of this month", "of next month", "of the month".
    size_t k = j;
    int shift = 0;
    if (const auto* r = R(k, Cat::kRel)) {
      const auto rel_shift = YearShift(static_cast<Rel>(r->value));
      if (!rel_shift) return false;
      shift = *rel_shift;
      ++k;
    } else if (Is(k, Cat::kThe)) {
      ++k;
    } else {
      return false;
    }
    const auto* u = R(k, Cat::kUnit);
    if (!u || static_cast<Unit>(u->value) != Unit::kMonth || !dct_)
      return false;
    Date base = civil::AddMonths(Date{dct_->year, dct_->month, 1}, shift);
    y = base.year;
    m = base.month;
    end = k + 1;
  }
  // The counted day (for weeks: the Monday; for weekends: the Saturday), or
  // a day outside the period when there is no such one.
  auto make = [&](int year) -> Date {
    const Date first{year, m ? m : 1, 1};
    const Date last =
        m ? Date{year, m, civil::DaysInMonth(year, m)} : Date{year, 12, 31};
    const Date none{year - 1, 1, 1};
    if (wd) return internal::NthWeekday(year, m, wd, nth < 0 ? -1 : nth);
    if (unit == Unit::kDay) {
      int dim = civil::DaysInMonth(year, m);
      int day = nth < 0 ? dim + 1 + nth : nth;
      return day >= 1 && day <= dim ? Date{year, m, day} : none;
    }
    // First Monday (Saturday) on or after the start; last one whose week
    // (weekend) ends inside the period.
    const int anchor_wd = unit == Unit::kWeek ? 1 : 6;
    const int span = unit == Unit::kWeek ? 6 : 1;
    Date d = civil::AddDays(first, (anchor_wd - civil::Weekday(first) + 7) % 7);
    if (nth < 0) {
      Date l = civil::AddDays(last, -span);
      d = civil::AddDays(l, -((civil::Weekday(l) - anchor_wd + 7) % 7));
      d = civil::AddDays(d, 7 * (nth + 1));
    } else {
      d = civil::AddDays(d, 7 * (nth - 1));
    }
    if (d < first || civil::AddDays(d, span) > last) return none;
    return d;
  };
  if (wd && nth < -1) return false;
  c->end = end;
  c->the_ok = true;
  c->type = TimexType::kDate;
  if (y < 0 && !dct_) {
    c->value = unit == Unit::kDay ? "XXXX-" + Pad(m, 2) + "-XX" : "XXXX-WXX";
    if (unit == Unit::kWeekend) c->value += "-WE";
    c->relative = true;
    return true;
  }
  Date d = y >= 0 ? make(y) : NearestYear(make, c);
  if (d.year != (y >= 0 ? y : d.year) || (m && d.month != m) ||
      !civil::IsValid(d))
    return false;  // no fifth Monday that month
  std::string v = unit == Unit::kDay    ? YMD(d)
                  : unit == Unit::kWeek ? Week(d)
                                        : Week(d) + "-WE";
  if (y >= 0) {
    c->value = v;
  } else {
    SetResolved(c, v);
  }
  c->has_ref = true;
  c->ref = d;
  c->ref_gran = unit == Unit::kDay ? Gran::kDay : Gran::kWeek;
  return true;
}

size_t Tagger::ClockOrHour(size_t j, bool bare_ok, int* hour,
                           int* minute) const {
  if (const auto* pd = R(j, Cat::kPartOfDay)) {
    if (pd->value == static_cast<uint8_t>(PartOfDay::kNoon)) {
      *hour = 12;
      *minute = 0;
      return j + 1;
    }
    if (pd->value == static_cast<uint8_t>(PartOfDay::kMidnight)) {
      *hour = 0;
      *minute = 0;
      return j + 1;
    }
    return 0;
  }
  if (size_t e = ParseClock(j, hour, minute)) return e;
  if (!bare_ok) return 0;
  int h = 0;
  if (PlainNum(j, 2))
    h = toks_[j].num;
  else if (const auto* w = R(j, Cat::kNumWord))
    h = w->value;
  if (h < 1 || h > 12) return 0;
  size_t e = j + 1;
  if (const auto* a = R(e, Cat::kAmPm)) {  // "half past three pm"
    if (a->value == 1 && h != 12) h += 12;
    if (a->value == 0 && h == 12) h = 0;
    ++e;
  }
  *hour = h;
  *minute = 0;
  return e;
}

// "a quarter past 3pm", "20 past noon", "half past three", "ten to six",
// "15 minutes past 3 pm": minutes before or after an hour.
bool Tagger::MatchClockOffset(size_t i, Cand* c) {
  int minutes = 0;
  size_t j = i;
  if (WordIs(j, "a") || WordIs(j, "an")) ++j;
  if (WordIs(j, "quarter")) {
    minutes = 15;
    ++j;
  } else if (WordIs(j, "half") && j == i) {
    minutes = 30;
    ++j;
  } else if (j == i && PlainNum(j, 2)) {
    minutes = toks_[j].num;
    ++j;
  } else if (const auto* w = R(j, Cat::kNumWord); w && j == i) {
    minutes = w->value;
    ++j;
    if (Dash(j) && Adj(j) && R(j + 1, Cat::kNumWord) &&
        R(j + 1, Cat::kNumWord)->value < 10) {
      minutes += R(j + 1, Cat::kNumWord)->value;
      j += 2;
    }
  } else {
    return false;
  }
  if (minutes < 1 || minutes > 59) return false;
  bool minute_word = false;
  if (const auto* u = R(j, Cat::kUnit);
      u && static_cast<Unit>(u->value) == Unit::kMinute) {
    ++j;
    minute_word = true;
  }
  // "9 to 11 a.m." is a range of hours; digits that could be an hour need
  // "minutes" to count back from one ("10 minutes to 6").
  if (PlainNum(i, 2) && minutes <= 12 && !minute_word &&
      (WordIs(j, "to") || WordIs(j, "till") || WordIs(j, "before")))
    return false;
  int sign = 0;
  // "15 minutes from 1pm" (with the unit and a stated clock only).
  if (WordIs(j, "past") || WordIs(j, "after") ||
      (minute_word && WordIs(j, "from")))
    sign = 1;
  else if (WordIs(j, "to") || WordIs(j, "till") || WordIs(j, "before"))
    sign = -1;
  if (sign == 0) return false;
  int h = 0, m = 0;
  // A bare hour only in the idioms ("half past three", "a quarter to six",
  // "ten past two"), never in "two to three weeks".
  bool idiom = minutes == 15 || minutes == 30 || WordIs(j, "past");
  size_t e = ClockOrHour(j + 1, idiom, &h, &m);
  if (!e || m != 0 || Is(e, Cat::kUnit)) return false;
  int total = h * 60 + sign * minutes;
  if (total < 0) total += 24 * 60;
  // "20 minutes to 2pm tomorrow", "a quarter past six on Friday".
  {
    size_t k = e;
    if (P(k, ',') || WordIs(k, "on")) ++k;
    if (Cand d; DateAt(k, &d)) {
      *c = std::move(d);
      c->first = i;
      c->type = TimexType::kTime;
      c->value += "T" + Pad(total / 60 % 24, 2) + ":" + Pad(total % 60, 2);
      return true;
    }
  }
  c->end = e;
  ClockOnAnchorDay(total / 60 % 24, total % 60, MeridiemIn(j + 1, e, h), c);
  return true;
}

// Clocks without a colon or am/pm: "at 1030 GMT", "around 730 in the
// evening" (four or three digits after "at"/"around"), and a bare hour
// before a day with a part of day: "8 tonight", "at 9 tomorrow morning".
bool Tagger::ClockWithoutColon(size_t i, Cand* c) {
  const Tok& t = toks_[i];
  const bool at = i > 0 && WordIs(i - 1, "at");
  // "around 1030", "330 p.m.": after an approximation word, or with am/pm.
  const bool approx =
      i > 0 && R(i - 1, Cat::kApprox) &&
      static_cast<ModKind>(R(i - 1, Cat::kApprox)->value) == ModKind::kApprox;
  if (t.kind == TokKind::kNum && !t.ordinal && !t.plural_s &&
      (t.ndigits == 3 || t.ndigits == 4) &&
      (at || approx || Is(i + 1, Cat::kAmPm))) {
    int h = t.num / 100, m = t.num % 100;
    size_t k = i + 1;
    // "at 1030 GMT", "at 730 p.m."; "at 1030" then a comma is a quantity.
    bool ok = k >= n() || Is(k, Cat::kZone);
    if (const auto* a = R(k, Cat::kAmPm)) {
      if (h < 1 || h > 12) return false;
      if (a->value == 1 && h != 12) h += 12;
      if (a->value == 0 && h == 12) h = 0;
      ok = true;
      ++k;
    } else if (WordIs(k, "in") && Is(k + 1, Cat::kThe) &&
               R(k + 2, Cat::kPartOfDay) && h >= 1 && h <= 12) {
      auto part = static_cast<PartOfDay>(R(k + 2, Cat::kPartOfDay)->value);
      if (part == PartOfDay::kAfternoon || part == PartOfDay::kEvening ||
          part == PartOfDay::kNight) {
        if (h != 12) h += 12;
      } else if (part != PartOfDay::kMorning) {
        return false;
      }
      ok = true;
      k += 3;
    }
    if (!ok || h > 23 || m > 59) return false;
    if (Is(k, Cat::kZone)) ++k;
    c->end = k;
    ClockOnAnchorDay(h, m, true, c);
    return true;
  }
  // Spelled out: "ten thirty am", "four twenty-three a m", "nine p.m.".
  if (const auto* w = R(i, Cat::kNumWord); w && w->value >= 1 && w->value <= 12) {
    int h = w->value, m = 0;
    size_t k = i + 1;
    if (const auto* mw = R(k, Cat::kNumWord); mw && mw->value >= 10) {
      m = mw->value;
      ++k;
      if (m >= 20 && m % 10 == 0) {
        if (Dash(k) && Adj(k) && R(k + 1, Cat::kNumWord) &&
            R(k + 1, Cat::kNumWord)->value < 10) {
          m += R(k + 1, Cat::kNumWord)->value;
          k += 2;
        } else if (R(k, Cat::kNumWord) && R(k, Cat::kNumWord)->value < 10) {
          m += R(k, Cat::kNumWord)->value;
          ++k;
        }
      }
    }
    int pm = -1;
    if (const auto* a = R(k, Cat::kAmPm)) {
      pm = a->value;
      ++k;
    } else if ((WordIs(k, "a") || WordIs(k, "p")) && WordIs(k + 1, "m") &&
               !Adj(k + 1)) {
      pm = WordIs(k, "p") ? 1 : 0;
      k += 2;
    }
    if (pm >= 0 && m < 60) {
      if (pm == 1 && h != 12) h += 12;
      if (pm == 0 && h == 12) h = 0;
      c->end = k;
      ClockOnAnchorDay(h, m, true, c);
      return true;
    }
    // "at three twenty", "at ten forty-five": after "at", hour and minutes
    // with no am/pm (not "at three twenty dollars").
    if (at && m >= 10 && m < 60 &&
        !(k < n() && toks_[k].kind == TokKind::kWord &&
          toks_[k].lex.r[0].cat == Cat::kNone) &&
        !(k < n() && (Num(k) || R(k, Cat::kUnit) || R(k, Cat::kMultiplier)))) {
      c->end = k;
      ClockOnAnchorDay(h, m, false, c);
      return true;
    }
  }
  int h = 0;
  if (PlainNum(i, 2))
    h = t.num;
  else if (const auto* w = R(i, Cat::kNumWord))
    h = w->value;
  if (h < 1 || h > 12 || i + 1 >= n()) return false;
  Cand d;
  d.first = i + 1;
  bool ok = false;
  if (Is(i + 1, Cat::kDeictic))
    ok = MatchDeictic(i + 1, &d);
  else if (Is(i + 1, Cat::kRel))
    ok = MatchRel(i + 1, &d);
  if (!ok || d.first != i + 1) return false;
  const std::string& v = d.value;
  bool part = v.size() >= 4 && v[v.size() - 3] == 'T';
  if (part) {
    std::string_view code = std::string_view(v).substr(v.size() - 2);
    if (code == "AF" || code == "EV" || code == "NI")
      h = h == 12 ? 12 : h + 12;
    else if (code != "MO")
      return false;
    else if (h == 12)
      h = 0;
    d.value = v.substr(0, v.size() - 3);
  } else if (!(at && v.size() == 10 && v[4] == '-')) {
    return false;
  }
  *c = std::move(d);
  c->first = i;
  c->type = TimexType::kTime;
  c->value += "T" + Pad(h, 2) + ":00";
  return true;
}

// "on the 15th": a day of the current month, moved a month by tense.
bool Tagger::MatchDayOfMonth(size_t i, Cand* c) {
  const Tok& t = toks_[i];
  // "on the 15th", "on the first" (a spelled ordinal).
  const auto* ow = R(i, Cat::kOrdWord);
  const int day = t.ordinal ? t.num : ow ? ow->value : 0;
  if (day < 1 || day > 31 || i < 2 || !Is(i - 1, Cat::kThe) ||
      !WordIs(i - 2, "on"))
    return false;
  if (i + 1 < n() && toks_[i + 1].kind != TokKind::kPunct) return false;
  c->end = i + 1;
  c->the_ok = true;
  c->type = TimexType::kDate;
  if (!dct_) {
    c->value = "XXXX-XX-" + Pad(day, 2);
    c->relative = true;
    return true;
  }
  Tense tn = TenseAt(i, i + 1);
  Date base{dct_->year, dct_->month, 1};
  if (tn == Tense::kFuture && day < dct_->day)
    base = civil::AddMonths(base, 1);
  else if (tn == Tense::kPast && day > dct_->day)
    base = civil::AddMonths(base, -1);
  if (day > civil::DaysInMonth(base.year, base.month)) return false;
  Date d{base.year, base.month, day};
  SetResolved(c, YMD(d));
  c->has_ref = true;
  c->ref = d;
  return true;
}

// Durations with fractions: "half an hour", "a quarter of an hour",
// "three-quarters of an hour", "2 1/2 years", "five and a half hours",
// "an hour and a half", "2.5 hours". The value is written in the next
// smaller unit where TimeBank does ("PT5H30M", "P2Y6M", "PT1M30S").
bool Tagger::MatchFraction(size_t i, Cand* c) {
  size_t j = i;
  ModKind mod = ModKind::kNone;
  if (const auto* a = R(j, Cat::kApprox)) {
    mod = static_cast<ModKind>(a->value);
    ++j;
  }
  int quarters = 0;  // the amount in quarters of the unit
  size_t k = 0;      // the unit token
  bool and_half_after = false;
  auto article = [&](size_t q) { return Is(q, Cat::kA) || WordIs(q, "one"); };
  size_t a0 = Is(j, Cat::kA) ? j + 1 : j;
  if (WordIs(a0, "half") && (Is(a0 + 1, Cat::kA) || Is(a0 + 1, Cat::kUnit))) {
    quarters = 2;
    k = Is(a0 + 1, Cat::kA) ? a0 + 2 : a0 + 1;
  } else if (WordIs(a0, "quarter") && Is(a0 + 1, Cat::kOf) &&
             Is(a0 + 2, Cat::kA) && a0 > j) {
    quarters = 1;
    k = a0 + 3;
  } else if (const auto* w = R(j, Cat::kNumWord);
             w && w->value == 3 && Dash(j + 1) && Adj(j + 1) &&
             WordIs(j + 2, "quarters") && Is(j + 3, Cat::kOf) &&
             Is(j + 4, Cat::kA)) {
    quarters = 3;
    k = j + 5;
  } else if (article(j) && Is(j + 1, Cat::kUnit) && WordIs(j + 2, "and") &&
             Is(j + 3, Cat::kA) && WordIs(j + 4, "half")) {
    quarters = 6;
    k = j + 1;
    and_half_after = true;
  } else if (PlainNum(j, 1) && P(j + 1, '/') && Adj(j + 1) &&
             PlainNum(j + 2, 1) && Adj(j + 2) &&
             (toks_[j + 2].num == 2 || toks_[j + 2].num == 4) &&
             toks_[j].num >= 1 && toks_[j].num < toks_[j + 2].num &&
             !(j > 0 && Num(j - 1))) {
    // "1/2 hour", "3/4h": a fraction of the unit alone.
    quarters = toks_[j].num * 4 / toks_[j + 2].num;
    k = j + 3;
  } else {
    int count = 0;
    size_t e = ParseCount(j, &count);
    if (!e && Num(j) && !toks_[j].ordinal && toks_[j].ndigits <= 3 &&
        P(j + 1, '.') && Adj(j + 1)) {
      count = toks_[j].num;  // "2.5": ParseCount refuses decimals
      e = j + 1;
    }
    if (!e || count < 1 || count > 999) return false;
    if (PlainNum(e, 1) && toks_[e].num == 1 && P(e + 1, '/') && Adj(e + 1) &&
        PlainNum(e + 2, 1) && Adj(e + 2) &&
        (toks_[e + 2].num == 2 || toks_[e + 2].num == 4)) {
      quarters = count * 4 + 4 / toks_[e + 2].num;  // "2 1/2", "3 1/4"
      k = e + 3;
    } else if (WordIs(e, "and") && Is(e + 1, Cat::kA) &&
               WordIs(e + 2, "half")) {
      quarters = count * 4 + 2;
      k = e + 3;
    } else if (Num(j) && e == j + 1 && P(e, '.') && Adj(e) && Adj(e + 1) &&
               Num(e + 1) && !toks_[e + 1].ordinal &&
               (toks_[e + 1].num == 5 || toks_[e + 1].num == 25 ||
                toks_[e + 1].num == 75) &&
               toks_[e + 1].ndigits == (toks_[e + 1].num == 5 ? 1 : 2)) {
      quarters = count * 4 + toks_[e + 1].num / 25 + (toks_[e + 1].num == 5 ? 2 : 0);
      k = e + 2;
    } else {
      return false;
    }
  }
  const auto* ur = R(k, Cat::kUnit);
  if (!ur) return false;
  Unit u = static_cast<Unit>(ur->value);
  size_t end = and_half_after ? k + 4 : k + 1;
  // Sub-unit per unit and its letter; 0 where a fraction has no clean value.
  int per = 0;
  char sub = 0;
  bool time = IsTimeUnit(u);
  switch (u) {
    case Unit::kMinute: per = 60; sub = 'S'; break;
    case Unit::kHour: per = 60; sub = 'M'; break;
    case Unit::kDay: per = 24; sub = 'H'; break;
    case Unit::kYear: per = 12; sub = 'M'; break;
    case Unit::kDecade: per = 10; sub = 'Y'; break;
    case Unit::kCentury: per = 100; sub = 'Y'; break;
    default: return false;
  }
  int whole = quarters / 4;
  int rest = (quarters % 4) * per;
  if (rest % 4) return false;
  rest /= 4;
  std::string v = "P";
  if (u == Unit::kDecade || u == Unit::kCentury) {
    v += std::to_string(whole * per + rest) + "Y";
  } else {
    const char* unit_code = u == Unit::kMinute ? "M"
                            : u == Unit::kHour ? "H"
                            : u == Unit::kDay  ? "D"
                                               : "Y";
    if (time) v += "T";
    if (whole) v += std::to_string(whole) + unit_code;
    if (u == Unit::kDay && rest) v += "T";
    if (rest) v += std::to_string(rest) + sub;
  }
  c->end = end;
  c->type = TimexType::kDuration;
  c->value = v;
  c->mod = ModName(mod);
  return true;
}

void Tagger::Emit(const Cand& c) {
  if (out_->size() >= options_.max_timexes) return;
  Timex x;
  x.span.begin = toks_[c.first].begin;
  x.span.end = toks_[c.end - 1].end;
  x.type = c.type;
  x.value = c.value;
  x.mod = std::string(c.mod);
  x.relative = c.relative;
  x.anchor =
      c.resolved && c.relative ? options_.anchor_kind : TimexAnchor::kNone;
  out_->push_back(std::move(x));
  last_clock_on_anchor_ = c.clock_on_anchor;
  if (c.has_ref && c.type != TimexType::kDuration &&
      c.type != TimexType::kSet) {
    ref_ = c.ref;
    ref_gran_ = c.ref_gran;
    have_ref_ = true;
  }
}

// Moves a "YYYY-MM-DDTHH:MM" value by `minutes` (no-op on other values).
void ShiftClockValue(std::string& v, int minutes) {
  if (v.size() != 16 || v[10] != 'T' || v[13] != ':') return;
  auto d = civil::ParseIsoDate(std::string_view(v).substr(0, 10));
  if (!d) return;
  int t = std::atoi(v.c_str() + 11) * 60 + std::atoi(v.c_str() + 14) + minutes;
  int days = t >= 0 ? t / 1440 : -((-t + 1439) / 1440);
  t -= days * 1440;
  v = YMD(civil::AddDays(*d, days)) + "T" + Pad(t / 60, 2) + ":" +
      Pad(t % 60, 2);
}

void Tagger::ToAnchorZone(Cand* c) const {
  if (!options_.anchor_utc_offset_minutes) return;
  const internal::Reading* z = nullptr;
  for (size_t k = c->first; k < c->end && !z; ++k) z = R(k, Cat::kZone);
  if (!z) return;
  ShiftClockValue(c->value, *options_.anchor_utc_offset_minutes -
                                internal::ZoneOffsetMinutes(z->value));
}

void Tagger::ShareRangeDay(size_t done, Cand* c) {
  if (out_->empty() || done == 0 || c->value.size() != 16) return;
  Timex& prev = out_->back();
  if (prev.span.end != toks_[done - 1].end) return;
  // "Thursday 9-11am": the first clock of a range right after a day (a
  // clock alone would have joined the day's expression).
  if (c->first == done && c->clock_on_anchor && prev.type == TimexType::kDate &&
      prev.value.size() == 10 && prev.value[0] >= '0' && prev.value[0] <= '9' &&
      prev.value[4] == '-' && prev.value[7] == '-') {
    c->value.replace(0, 10, prev.value);
    c->clock_on_anchor = false;
    return;
  }
  if (c->first != done + 1) return;
  const size_t k = done;
  // "Thursday from 9:30", "Friday between 9 and 11 a.m.".
  if ((WordIs(k, "from") || WordIs(k, "between")) && c->clock_on_anchor &&
      prev.type == TimexType::kDate && prev.value.size() == 10 &&
      prev.value[0] >= '0' && prev.value[0] <= '9' && prev.value[4] == '-' &&
      prev.value[7] == '-') {
    c->value.replace(0, 10, prev.value);
    c->clock_on_anchor = false;
    return;
  }
  if (!(Dash(k) || WordIs(k, "to") || WordIs(k, "till") || WordIs(k, "until") ||
        WordIs(k, "untill") || WordIs(k, "and")))
    return;
  if (prev.type != TimexType::kTime || prev.value.size() != 16) return;
  // "9:30 - 11:00 CST": the zone named after the range holds for both
  // clocks (converted when the anchor's zone is known).
  if (options_.anchor_utc_offset_minutes) {
    const internal::Reading* z = nullptr;
    for (size_t q = c->first; q < c->end && !z; ++q) z = R(q, Cat::kZone);
    bool prev_zone = false;
    for (size_t q = done; q-- > 0 && toks_[q].begin >= prev.span.begin;)
      prev_zone = prev_zone || Is(q, Cat::kZone);
    if (z && !prev_zone)
      ShiftClockValue(prev.value, *options_.anchor_utc_offset_minutes -
                                      internal::ZoneOffsetMinutes(z->value));
  }
  if (c->clock_on_anchor && !last_clock_on_anchor_) {
    c->value.replace(0, 10, prev.value, 0, 10);
    c->clock_on_anchor = false;
  } else if (!c->clock_on_anchor && last_clock_on_anchor_) {
    prev.value.replace(0, 10, c->value, 0, 10);
  }
}

// A title or an idiom shaped like a time: a quoted or possessed name with
// a capitalised unit after a number (CBS's "60 Minutes", '"48 Hours"'),
// and "high noon" (the showdown, not twelve o'clock).
bool Tagger::NotATime(const Cand& c) const {
  if (c.end == 0 || c.end > n()) return false;
  const size_t last = c.end - 1;
  if (c.type == TimexType::kDuration && last > c.first && toks_[last].cap &&
      R(last, Cat::kUnit) &&
      (Num(last - 1) || Is(last - 1, Cat::kNumWord)) && last - 1 == c.first &&
      c.first > 0) {
    const size_t b = c.first - 1;
    if (P(b, '"') || P(b, '`') || P(b, '\'') || P(b, internal::kQuote) ||
        (b > 0 && WordIs(b, "s") && (P(b - 1, '\'') ||
                                     P(b - 1, internal::kQuote))))
      return true;
  }
  if (c.first > 0 && WordIs(c.first, "noon") && WordIs(c.first - 1, "high"))
    return true;
  return false;
}

void Tagger::Run() {
  size_t i = 0;
  size_t done = 0;  // tokens before this belong to emitted expressions
  while (i < n()) {
    Cand best;
    bool found = MatchAt(i, &best);
    // "the" + an expression that keeps it.
    if (Is(i, Cat::kThe) && i + 1 < n()) {
      Cand inner;
      if (MatchAt(i + 1, &inner) && inner.the_ok && inner.first == i + 1 &&
          (!found || inner.end > best.end)) {
        best = std::move(inner);
        best.first = i;
        found = true;
      }
    }
    if (found) {
      // "Thursday at 9:30 pm", "tomorrow 5pm".
      if (best.type == TimexType::kDate && best.value.size() == 10 &&
          best.value[4] == '-') {
        std::string v = best.value;
        TryTimeAfter(v, &best);
      }
      // A matcher may reach one word back ("last May"); never into an
      // expression already emitted.
      if (best.first < done) best.first = done;
      if (NotATime(best)) {
        i = best.end;
        done = i;
        continue;
      }
      if (best.type == TimexType::kTime) {
        ToAnchorZone(&best);
        ShareRangeDay(done, &best);
      }
      Emit(best);
      i = best.end;
      done = i;
    } else {
      ++i;
    }
  }
}

}  // namespace

std::vector<Timex> TagText(std::string_view text,
                           const std::optional<civil::Date>& anchor,
                           const TimeOptions& options) {
  std::vector<Timex> out;
  std::vector<Tok> toks;
  const internal::ForeignWords* foreign =
      internal::ForeignWordsFor(options.language);
  internal::Tokenize(text, &toks, foreign);
  std::optional<Date> dct = anchor;
  if (dct && !civil::IsValid(*dct)) dct.reset();
  Tagger(text, {}, dct, options, foreign, &toks, &out).Run();
  return out;
}

void TagTimes(const std::optional<civil::Date>& anchor,
              const TimeOptions& options, DocAnalysis* analysis) {
  analysis->times.clear();
  std::string_view text = analysis->doc.text;
  std::vector<Tok> toks;
  const internal::ForeignWords* foreign =
      internal::ForeignWordsFor(options.language);
  internal::Tokenize(text, &toks, foreign);
  std::optional<Date> dct = anchor;
  if (dct && !civil::IsValid(*dct)) dct.reset();
  Tagger(text, analysis->sentences, dct, options, foreign, &toks,
         &analysis->times)
      .Run();
}

}  // namespace synoptic::time
