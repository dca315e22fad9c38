// Sentence-level facts for the source comparison.
//
// These read the words of one sentence with small closed lists: the cue
// words of a few kinds of happening that news reports place and count
// (signings, talks, ceremonies), the head words of buildings and rooms, and
// the nouns reports use interchangeably for signed papers. They are
// deliberately narrow: a fact found here is compared across independent
// sources of one event cluster, and a false fact becomes a false
// disagreement, which costs the reader more than a missed one.
#include "synoptic/stories/internal/facts.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

namespace synoptic::stories::internal {
namespace {

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

constexpr std::array<std::string_view, 9> kSigning = {
    "sign",       "signs", "signed",        "signing",  "signature",
    "signatures", "inked", "countersigned", "concluded"};
constexpr std::array<std::string_view, 7> kTalks = {
    "talks", "met", "meeting", "negotiations", "conversation", "summit",
    "discussions"};
constexpr std::array<std::string_view, 3> kCeremony = {"ceremony", "welcomed",
                                                      "reception"};

// Words that make a capitalised phrase a building or a room.
constexpr std::array<std::string_view, 30> kVenueHeads = {
    "hall",      "palace",    "kremlin",  "house",     "square",
    "building",  "centre",    "center",   "cathedral", "stadium",
    "airport",   "room",      "chamber",  "embassy",   "residence",
    "castle",    "hotel",     "theatre",  "theater",   "museum",
    "capitol",   "pentagon",  "mansion",  "villa",     "zhongnanhai",
    "parliament", "chancellery", "élysée", "elysee",   "hofburg"};

constexpr std::array<std::string_view, 9> kSignedPapers = {
    "document",  "agreement", "accord",   "deal",     "pact",
    "memorandum", "contract", "treaty",   "memoranda"};

constexpr std::array<std::string_view, 10> kLengthCues = {
    "lasted", "last",      "lasting",   "spent",    "spend",
    "continued", "dragged", "stretched", "ran",     "over"};

bool Capitalised(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::string NormWord(std::string_view w) {
  std::string s = Lower(w);
  // Typographic apostrophe (U+2019) as the ASCII one.
  for (size_t p; (p = s.find("\xE2\x80\x99")) != std::string::npos;) {
    s.replace(p, 3, "'");
  }
  return s;
}

int Strength(std::string_view lower_word) {
  if (In(kSigning, lower_word)) return 3;
  if (In(kTalks, lower_word)) return 2;
  if (In(kCeremony, lower_word)) return 1;
  return 0;
}

std::string_view ClassName(int strength) {
  switch (strength) {
    case 3: return "signing";
    case 2: return "talks";
    case 1: return "ceremony";
    default: return {};
  }
}


// Whether the bytes between two words break the clause.
bool ClauseBreak(std::string_view gap) {
  if (gap.find_first_of(",;:()[]") != std::string_view::npos) return true;
  // En and em dashes.
  return gap.find("\xE2\x80\x93") != std::string_view::npos ||
         gap.find("\xE2\x80\x94") != std::string_view::npos ||
         gap.find(" - ") != std::string_view::npos;
}

}  // namespace

bool IsAdjunctWord(std::string_view w) {
  return w == "after" || w == "before" || w == "following" || w == "since" ||
         w == "ahead" || w == "prior" || w == "until";
}

std::string_view HappeningClass(std::string_view sentence,
                                std::vector<Word>* scratch) {
  SplitWords(sentence, scratch);
  int best = 0;
  bool exchange = false;
  for (size_t i = 0; i < scratch->size(); ++i) {
    const Word& w = (*scratch)[i];
    const LowerWord lw(sentence.substr(w.begin, w.end - w.begin));
    best = std::max(best, Strength(lw.view()));
    if (lw == "exchange" && i + 1 < scratch->size()) {
      const Word& next = (*scratch)[i + 1];
      exchange |=
          LowerWord(sentence.substr(next.begin, next.end - next.begin)) == "of";
    }
  }
  if (exchange) best = 3;
  return ClassName(best);
}

std::vector<Venue> FindVenues(std::string_view s, std::vector<Word>* words) {
  std::vector<Venue> out;
  SplitWords(s, words);
  const auto word = [&](size_t i) {
    return s.substr((*words)[i].begin, (*words)[i].end - (*words)[i].begin);
  };
  const size_t n = words->size();
  // Cue words outside temporal adjuncts, by word index.
  std::vector<int> strength(n, 0);
  for (size_t i = 0; i < n; ++i) {
    strength[i] = Strength(LowerWord(word(i)).view());
    if (strength[i] == 0) continue;
    for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
      if (IsAdjunctWord(LowerWord(word(k)).view())) strength[i] = 0;
    }
  }
  const auto gap = [&](size_t a, size_t b) {  // between words a < b
    return s.substr((*words)[a].end, (*words)[b].begin - (*words)[a].end);
  };
  constexpr size_t kReach = 8;  // words between cue and venue, at most
  for (size_t i = 0; i + 1 < n; ++i) {
    const LowerWord prep(word(i));
    if (!(prep == "in") && !(prep == "at") && !(prep == "inside")) continue;
    size_t j = i + 1;
    if (LowerWord(word(j)) == "the") ++j;
    if (j >= n || !Capitalised(word(j))) continue;
    // The phrase: capitalised words, joined by "of" / "of the" when a
    // capitalised word follows ("Hall of the Grand Kremlin Palace").
    size_t end = j;  // one past the last word of the phrase
    while (end < n) {
      if (Capitalised(word(end))) {
        // Adjacent words only (a space or a dot between).
        if (end > j && gap(end - 1, end).find_first_not_of(" .") !=
                           std::string_view::npos) {
          break;
        }
        ++end;
        continue;
      }
      if (LowerWord(word(end)) == "of" && end + 1 < n) {
        size_t k = end + 1;
        if (LowerWord(word(k)) == "the" && k + 1 < n) ++k;
        if (Capitalised(word(k))) {
          end = k;
          continue;
        }
      }
      break;
    }
    bool building = false;
    std::string norm;
    for (size_t k = j; k < end; ++k) {
      const std::string lw = NormWord(word(k));
      if (In(kVenueHeads, lw)) building = true;
      if (lw == "the") continue;
      if (!norm.empty()) norm += ' ';
      norm += lw;
    }
    const size_t first = i, last = end - 1;
    i = last;
    if (!building) continue;
    // The strongest cue in reach on either side, with no clause break.
    int best = 0;
    for (size_t k = first; k-- > 0 && first - k <= kReach;) {
      if (ClauseBreak(gap(k, k + 1))) break;
      best = std::max(best, strength[k]);
    }
    for (size_t k = last + 1; k < n && k - last <= kReach; ++k) {
      if (ClauseBreak(gap(k - 1, k))) break;
      best = std::max(best, strength[k]);
    }
    if (best == 0) continue;
    Venue v;
    v.what = ClassName(best);
    v.name = std::string(
        s.substr((*words)[j].begin, (*words)[last].end - (*words)[j].begin));
    v.norm = std::move(norm);
    out.push_back(std::move(v));
  }
  return out;
}

bool VenueContains(std::string_view outer, std::string_view inner) {
  if (inner.empty() || inner.size() > outer.size()) return false;
  for (size_t p = outer.find(inner); p != std::string_view::npos;
       p = outer.find(inner, p + 1)) {
    const bool left = p == 0 || outer[p - 1] == ' ';
    const size_t e = p + inner.size();
    const bool right = e == outer.size() || outer[e] == ' ';
    if (left && right) return true;
  }
  return false;
}

std::string CountClass(std::string_view head) {
  if (In(kSignedPapers, head)) return "documents signed";
  return std::string(head);
}

bool StatesLength(std::string_view sentence, std::vector<Word>* scratch) {
  SplitWords(sentence, scratch);
  for (const Word& w : *scratch) {
    if (In(kLengthCues,
           LowerWord(sentence.substr(w.begin, w.end - w.begin)).view())) {
      return true;
    }
  }
  return false;
}

double DurationHours(std::string_view v) {
  // "PT3H", "PT4.5H", "PT90M", "PT4H30M".
  if (v.size() < 4 || v.substr(0, 2) != "PT") return -1;
  double hours = 0;
  size_t i = 2;
  bool any = false;
  while (i < v.size()) {
    size_t j = i;
    while (j < v.size() && ((v[j] >= '0' && v[j] <= '9') || v[j] == '.')) ++j;
    if (j == i || j == v.size()) return -1;
    const double x = std::strtod(std::string(v.substr(i, j - i)).c_str(), nullptr);
    if (v[j] == 'H') {
      hours += x;
    } else if (v[j] == 'M') {
      hours += x / 60.0;
    } else {
      return -1;
    }
    any = true;
    i = j + 1;
  }
  if (!any || hours <= 0 || hours > 24) return -1;
  return hours;
}

}  // namespace synoptic::stories::internal
