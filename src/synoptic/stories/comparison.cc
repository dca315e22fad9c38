// Cross-source comparison per cluster: which outlets report which claim,
// which claims only one outlet carries, and how each outlet's sentences
// about each main actor read.
//
// A claim is an event of one type between the same (cross-document) actors,
// stated as fact or reported (plans, guesses, negations and hypotheticals
// are not claims that happened). Outlets, not articles, are counted: a
// reprint was already folded into its original, and two articles of one
// outlet are one voice. Tone follows the word-count method news-analysis
// tools commonly use (GDELT's document tone is the same idea): positive
// minus negative words per 100 words, with a short negation window, over a
// small hand-written lexicon of words that carry judgement in news prose.
// It is a coarse signal by design and is reported with its sentence count
// and the most marked sentence, so a reader can check it.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "synoptic/stories/internal/context.h"
#include "synoptic/stories/internal/text.h"

namespace synoptic::stories::internal {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 78> kPositive = {
    "accord",      "achieve",    "achievement", "admire",      "agree",
    "agreed",      "ally",       "applaud",     "applauded",   "benefit",
    "benefits",    "boost",      "breakthrough", "calm",       "celebrate",
    "celebrated",  "commend",    "commended",   "constructive", "cooperate",
    "cooperation", "cordial",    "courage",     "dear",        "deepen",
    "deepening",   "embrace",    "embraced",    "encouraging", "friend",
    "friendly",    "friends",    "friendship",  "fruitful",    "gain",
    "gains",       "generous",   "grateful",    "growth",      "hail",
    "hailed",      "help",       "helped",      "hope",        "hopes",
    "improve",     "improved",   "landmark",    "mutual",      "partner",
    "partners",    "partnership", "peace",      "peaceful",    "pledge",
    "pledged",     "praise",     "praised",     "productive",  "progress",
    "prosperity",  "reassure",   "relief",      "rescued",     "respect",
    "stability",   "strengthen", "success",     "successful",  "support",
    "supported",   "thank",      "thanked",     "trust",       "unity",
    "warm",        "welcome",    "welcomed"};

constexpr std::array<std::string_view, 96> kNegative = {
    "accuse",        "accused",       "aggression",    "alarm",         "alarmed",
    "arrest",        "arrested",      "attack",        "attacked",      "attacks",
    "ban",           "blacklist",     "blame",         "blamed",        "boycott",
    "brutal",        "chaos",         "clash",         "clashes",       "collapse",
    "concern",       "concerned",     "concerns",      "condemn",       "condemned",
    "conflict",      "crackdown",     "crimes",        "crisis",        "criticise",
    "criticised",    "criticism",     "criticize",     "criticized",    "damage",
    "damaged",       "danger",        "dangerous",     "dead",          "deadly",
    "death",         "deaths",        "defeat",        "denied",        "deny",
    "destroy",       "destroyed",     "devastating",   "dispute",       "fail",
    "failed",        "failure",       "fear",          "fears",         "fight",
    "fighting",      "flee",          "hostile",       "illegal",       "invaded",
    "invasion",      "isolated",      "kill",          "killed",        "killing",
    "loss",          "losses",        "pariah",        "protest",       "protests",
    "punish",        "reject",        "rejected",      "sanction",      "sanctions",
    "scandal",       "stalled",       "tension",       "tensions",      "terror",
    "threat",        "threaten",      "threatened",    "threats",       "violated",
    "violation",     "violence",      "war",           "warn",          "warned",
    "warning",       "warrant",       "weak",          "worried",       "worry",
    "worse"};

constexpr std::array<std::string_view, 7> kNegators = {
    "n't",   "never", "no",    "nor",   "not",   "nothing", "without"};

static_assert(std::is_sorted(kPositive.begin(), kPositive.end()));
static_assert(std::is_sorted(kNegative.begin(), kNegative.end()));
static_assert(std::is_sorted(kNegators.begin(), kNegators.end()));

bool InSorted(const auto& list, std::string_view w) {
  return std::binary_search(list.begin(), list.end(), w);
}

// What an article's outlet is called: its site, else its file name.
std::string Outlet(const Document& d) {
  if (!d.site.empty()) return d.site;
  const size_t slash = d.source.find_last_of('/');
  return slash == std::string::npos ? d.source : d.source.substr(slash + 1);
}

}  // namespace

double Tone(std::string_view s, std::vector<Word>* words) {
  SplitWords(s, words);
  if (words->empty()) return 0;
  int score = 0;
  size_t negated_until = 0;  // word index up to which polarity flips
  for (size_t i = 0; i < words->size(); ++i) {
    const Word& w = (*words)[i];
    const LowerWord word(s.substr(w.begin, w.end - w.begin));
    const std::string_view lw = word.view();
    if (InSorted(kNegators, lw) ||
        (lw.size() > 3 && lw.compare(lw.size() - 3, 3, "n't") == 0)) {
      negated_until = i + 4;
      continue;
    }
    int polarity = 0;
    if (InSorted(kPositive, lw)) polarity = 1;
    if (InSorted(kNegative, lw)) polarity = -1;
    if (polarity != 0 && i < negated_until) polarity = -polarity;
    score += polarity;
  }
  return 100.0 * score / static_cast<double>(words->size());
}

void BuildComparison(Context* ctx) {
  StoryResult& r = *ctx->result;
  std::vector<Word> words;
  constexpr size_t kMaxClaims = 60;
  constexpr size_t kMaxActors = 8;
  for (Cluster& c : r.clusters) {
    std::set<std::string> outlets;
    for (uint32_t d : c.docs) {
      if (ctx->canon[d] == d) outlets.insert(Outlet(ctx->doc(d).doc));
    }
    if (outlets.size() < 2) continue;  // nothing to compare

    // Claims.
    struct Acc {
      std::string about;
      std::map<std::string, Citation> by_outlet;
    };
    std::map<std::tuple<std::string, int32_t, int32_t>, Acc> claims;
    for (const EventRef& ref : c.events) {
      const Event& e = ctx->doc(ref.doc).events[ref.index];
      if (!States(e) || e.type.empty() ||
          !AboutHappening(DatePrefix(e.date), c.date)) {
        continue;
      }
      const int32_t a = ctx->Global(ref.doc, e.source);
      const int32_t b = ctx->Global(ref.doc, e.target);
      if (a < 0 && b < 0) continue;
      // "X hosts Y" and "Y visits X" are one happening told from either
      // side (a visit row codes both): one claim.
      const std::string type = e.type == "host" ? std::string("visit") : e.type;
      const auto key = std::make_tuple(type, std::min(a, b), std::max(a, b));
      Acc& acc = claims[key];
      if (acc.about.empty()) {
        std::vector<std::string> names;
        for (int32_t g : {std::min(a, b), std::max(a, b)}) {
          if (g >= 0) names.push_back(r.entities[g].name);
        }
        std::sort(names.begin(), names.end());
        acc.about = type + ":";
        for (size_t i = 0; i < names.size(); ++i) {
          acc.about += (i ? ", " : " ") + names[i];
        }
      }
      const std::string outlet = Outlet(ctx->doc(ref.doc).doc);
      if (!acc.by_outlet.count(outlet)) {
        acc.by_outlet[outlet] =
            ctx->Cite(ref.doc, Trim(ctx->doc(ref.doc).doc.text, e.evidence));
      }
    }
    for (auto& [key, acc] : claims) {
      ClaimComparison cc;
      cc.about = std::move(acc.about);
      for (auto& [outlet, cite] : acc.by_outlet) {
        cc.outlets.push_back(outlet);
        cc.citations.push_back(std::move(cite));
      }
      if (cc.outlets.size() >= 2) {
        for (const std::string& o : outlets) {
          if (!acc.by_outlet.count(o)) cc.missing.push_back(o);
        }
      }
      c.comparison.push_back(std::move(cc));
    }
    std::stable_sort(c.comparison.begin(), c.comparison.end(),
                     [](const ClaimComparison& x, const ClaimComparison& y) {
                       if (x.outlets.size() != y.outlets.size()) {
                         return x.outlets.size() > y.outlets.size();
                       }
                       return x.about < y.about;
                     });
    if (c.comparison.size() > kMaxClaims) c.comparison.resize(kMaxClaims);

    // Portrayal: sentences per (outlet, actor).
    struct Tally {
      double sum = 0;
      uint32_t n = 0;
      double extreme = -1;
      Citation example;
    };
    std::map<std::pair<int32_t, std::string>, Tally> tally;
    std::map<int32_t, uint32_t> salience;  // sentences per actor, cluster-wide
    for (uint32_t d : c.docs) {
      if (ctx->canon[d] != d) continue;
      const DocAnalysis& a = ctx->doc(d);
      const std::string outlet = Outlet(a.doc);
      const std::vector<ByteSpan> sentences = SentenceSpans(a);
      // Actors mentioned per sentence.
      std::map<size_t, std::set<int32_t>> in_sentence;
      for (const Mention& m : a.mentions) {
        const int32_t g = ctx->Global(d, m.entity);
        if (g < 0 || !IsActorType(r.entities[g].type)) continue;
        const auto it = std::upper_bound(
            sentences.begin(), sentences.end(), m.span.begin,
            [](uint32_t pos, const ByteSpan& s) { return pos < s.begin; });
        if (it == sentences.begin()) continue;
        const auto si = static_cast<size_t>(it - sentences.begin() - 1);
        if (m.span.begin >= sentences[si].end) continue;
        in_sentence[si].insert(g);
      }
      for (const auto& [si, actors] : in_sentence) {
        const ByteSpan span = Trim(a.doc.text, sentences[si]);
        const double tone = Tone(
            std::string_view(a.doc.text).substr(span.begin, span.size()),
            &words);
        for (int32_t g : actors) {
          Tally& t = tally[{g, outlet}];
          t.sum += tone;
          ++t.n;
          ++salience[g];
          if (std::abs(tone) > t.extreme) {
            t.extreme = std::abs(tone);
            t.example = ctx->Cite(d, span);
          }
        }
      }
    }
    std::vector<std::pair<uint32_t, int32_t>> top;
    for (const auto& [g, n] : salience) {
      if (n >= 2) top.emplace_back(n, g);
    }
    std::sort(top.begin(), top.end(), [](const auto& x, const auto& y) {
      return std::tie(y.first, x.second) < std::tie(x.first, y.second);
    });
    if (top.size() > kMaxActors) top.resize(kMaxActors);
    for (const auto& [n, g] : top) {
      for (auto it = tally.lower_bound({g, std::string()});
           it != tally.end() && it->first.first == g; ++it) {
        Portrayal p;
        p.outlet = it->first.second;
        p.entity = g;
        p.sentences = it->second.n;
        p.tone = std::round(10.0 * it->second.sum / it->second.n) / 10.0;
        p.example = it->second.example;
        c.portrayal.push_back(std::move(p));
      }
    }
  }
}

}  // namespace synoptic::stories::internal
