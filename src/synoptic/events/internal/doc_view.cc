// DocView: token forms, lemmas and mention maps for one document, plus the
// shallow syntactic probes the coder and the quote finder share. Without a
// dependency parse everything here is positional: a subject is the phrase
// just before a verb, an object the phrase just after, a prepositional
// phrase is a mention whose left neighbour (past determiners) is a
// preposition. When the nlp stage gives only coarse POS or none (Pos::kX),
// the noun/verb tests fall back on the neighbouring words.
#include "synoptic/events/internal/doc_view.h"

#include <algorithm>
#include <array>

namespace synoptic::events::internal {
namespace {

constexpr std::array<std::string_view, 33> kPreps{
    "of",      "in",     "at",      "on",      "with",   "to",     "from",
    "for",     "by",     "near",    "against", "into",   "over",   "under",
    "between", "about",  "after",   "before",  "during", "across", "toward",
    "towards", "within", "amid",    "among",   "upon",   "inside", "outside",
    "through", "around", "despite", "since",   "until"};

constexpr std::array<std::string_view, 30> kDetWords{
    "the",    "a",       "an",    "this", "that",    "these",  "those",  "his",
    "her",    "its",     "their", "our",  "my",      "your",   "'s",     "'",
    "some",   "any",     "no",    "new",  "latest",  "first",  "second", "last",
    "recent", "further", "fresh", "two",  "several", "another"};

bool Contains(std::string_view w, auto const& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

}  // namespace

void DocView::Build(const DocAnalysis& analysis, const EventLexicon& lexicon) {
  a = &analysis;
  lex = &lexicon;
  const std::string& text = analysis.doc.text;
  const size_t n = analysis.tokens.size();
  lowered.clear();
  std::vector<std::pair<uint32_t, uint32_t>> offs(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = analysis.tokens[i];
    uint32_t b =
        std::min<uint32_t>(t.begin, static_cast<uint32_t>(text.size()));
    uint32_t e = std::min<uint32_t>(std::max(t.end, b),
                                    static_cast<uint32_t>(text.size()));
    uint32_t start = static_cast<uint32_t>(lowered.size());
    for (uint32_t k = b; k < e; ++k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      // Typographic apostrophes (U+2018/U+2019) fold to ASCII so that
      // "n’t" and "’s" match the lexicon.
      if (c == 0xE2 && k + 2 < e + 0u &&
          static_cast<unsigned char>(text[k + 1]) == 0x80 &&
          (static_cast<unsigned char>(text[k + 2]) == 0x98 ||
           static_cast<unsigned char>(text[k + 2]) == 0x99)) {
        lowered.push_back('\'');
        k += 2;
        continue;
      }
      lowered.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32)
                                             : static_cast<char>(c));
    }
    offs[i] = {start, static_cast<uint32_t>(lowered.size()) - start};
  }
  low.resize(n);
  lem.resize(n);
  for (size_t i = 0; i < n; ++i) {
    low[i] = std::string_view(lowered).substr(offs[i].first, offs[i].second);
    lem[i] = lexicon.Lemma(low[i]);
  }

  const size_t nm = analysis.mentions.size();
  tok_mention.assign(n, -1);
  m_first.assign(nm, 0);
  m_last.assign(nm, 0);
  m_has_tokens.assign(nm, false);
  for (size_t m = 0; m < nm; ++m) {
    const ByteSpan sp = analysis.mentions[m].span;
    uint32_t f = TokenAtOrAfter(sp.begin);
    if (f >= n || analysis.tokens[f].begin >= sp.end) continue;
    uint32_t l = f;
    while (l + 1 < n && analysis.tokens[l + 1].begin < sp.end) ++l;
    m_first[m] = f;
    m_last[m] = l;
    m_has_tokens[m] = true;
    for (uint32_t t = f; t <= l; ++t) {
      if (tok_mention[t] < 0) tok_mention[t] = static_cast<int32_t>(m);
    }
  }

  sentences.clear();
  for (const Sentence& s : analysis.sentences) {
    Sentence c = s;
    c.end_token = std::min<uint32_t>(c.end_token, static_cast<uint32_t>(n));
    c.first_token = std::min(c.first_token, c.end_token);
    sentences.push_back(c);
  }
  if (sentences.empty() && n > 0) {
    Sentence all;
    all.first_token = 0;
    all.end_token = static_cast<uint32_t>(n);
    all.span = {analysis.tokens.front().begin, analysis.tokens.back().end};
    sentences.push_back(all);
  }
  tok_sentence.assign(n, 0);
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    for (uint32_t t = sentences[s].first_token; t < sentences[s].end_token;
         ++t) {
      tok_sentence[t] = s;
    }
  }
}

uint32_t DocView::TokenAtOrAfter(uint32_t byte) const {
  const auto& toks = a->tokens;
  auto it =
      std::upper_bound(toks.begin(), toks.end(), byte,
                       [](uint32_t b, const Token& t) { return b < t.end; });
  return static_cast<uint32_t>(it - toks.begin());
}

bool DocView::IsQuoteMark(uint32_t i) const {
  std::string_view w = low[i];
  if (w.empty()) return false;
  if (w == "\"" || w == "''" || w == "``") return true;
  // “ ” „ « » (and the folded ‘ ’ as a lone "'").
  return w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "\xE2\x80\x9E" ||
         w == "\xC2\xAB" || w == "\xC2\xBB" || w == "'";
}

bool DocView::IsPunct(uint32_t i) const {
  const Token& t = a->tokens[i];
  if (t.pos == Pos::kPunct || (t.flags & (kTokPunct | kTokQuote)) != 0)
    return true;
  if (IsQuoteMark(i)) return true;
  std::string_view w = low[i];
  if (w.empty()) return true;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (c >= 0x80) return w.size() <= 3 && (w[0] == '\xE2');  // dashes, ellipsis
  return !IsAsciiAlnum(w[0]) && w[0] != '\'';
}

bool DocView::IsDeterminerLike(uint32_t i) const {
  Pos p = pos(i);
  if (p == Pos::kDet || p == Pos::kAdj || p == Pos::kNum) return true;
  return Contains(low[i], kDetWords) || lex->IsCue(CueKind::kPlanAdj, low[i]) ||
         lex->IsCue(CueKind::kSpeculated, low[i]);
}

bool DocView::IsPreposition(uint32_t i) const {
  if (pos(i) == Pos::kAdp) return true;
  return Contains(low[i], kPreps) && pos(i) != Pos::kVerb &&
         pos(i) != Pos::kNoun;
}

bool DocView::IsVerbLike(uint32_t i) const {
  Pos p = pos(i);
  if (p == Pos::kVerb || p == Pos::kAux) return true;
  // A tagger without the word in its lexicon often calls a verb a noun; a
  // base form right after a modal or "to" ("will abandon", "about to
  // restore", "did not clash") is a verb whatever its tag.
  if (p == Pos::kNoun && low[i] == lem[i] && tok_mention[i] < 0) {
    uint32_t k = i;
    // "did not even ever clash": negations and adverbs between.
    while (k > 0 && k + 5 > i &&
           (low[k - 1] == "not" || low[k - 1] == "n't" ||
            low[k - 1] == "never" || low[k - 1] == "ever" ||
            low[k - 1] == "also" || low[k - 1] == "even" ||
            low[k - 1] == "really" || low[k - 1] == "still" ||
            low[k - 1] == "just" || pos(k - 1) == Pos::kAdv)) {
      --k;
    }
    if (k > 0) {
      std::string_view w = low[k - 1];
      if (w == "will" || w == "would" || w == "can" || w == "could" ||
          w == "may" || w == "might" || w == "must" || w == "shall" ||
          w == "should" || w == "did" || w == "does" || w == "do" ||
          w == "wo" || w == "ca" || w == "'ll" ||
          (w.size() > 3 && w.ends_with("n't"))) {
        return true;
      }
      if (w == "to" && k >= 2 && !IsDeterminerLike(k - 2) &&
          pos(k - 2) != Pos::kNoun && pos(k - 2) != Pos::kPropn &&
          tok_mention[k - 2] < 0) {
        return true;
      }
    }
  }
  // "Ethiopia departs from Libya": an inflected word the lexicon knows as a
  // verb form, right after the name that opens the sentence and before a
  // preposition, a determiner or a name, is the clause's finite verb.
  if (p == Pos::kNoun && tok_mention[i] < 0 && i > 0 && low[i] != lem[i] &&
      (low[i].ends_with("s") || low[i].ends_with("ed")) && i + 1 < size() &&
      tok_mention[i - 1] >= 0 &&
      m_first[tok_mention[i - 1]] == sentences[tok_sentence[i]].first_token &&
      (IsPreposition(i + 1) || pos(i + 1) == Pos::kDet ||
       tok_mention[i + 1] >= 0)) {
    return true;
  }
  if (p != Pos::kX || IsPunct(i)) return false;
  // Untagged: a word after a determiner or an adjective is a noun.
  if (i > 0 && (IsDeterminerLike(i - 1) && low[i - 1] != "no")) return false;
  return true;
}

bool DocView::IsNounLike(uint32_t i) const {
  Pos p = pos(i);
  if (p == Pos::kNoun || p == Pos::kPropn) return true;
  if (p != Pos::kX || IsPunct(i)) return false;
  if (i == 0 || a->tokens[i].flags & kTokSentenceStart) return true;
  if (IsDeterminerLike(i - 1) || tok_mention[i - 1] >= 0) return true;
  if (i + 1 < size() && IsPreposition(i + 1) && low[i + 1] != "to") return true;
  return false;
}

bool DocView::IsActorMention(int32_t m) const {
  if (m < 0) return false;
  const Mention& mm = a->mentions[m];
  EntityType t = mm.type;
  // A proper name the tagger could not type (an unknown state, group or
  // person) may still be an actor: event coding starts from who acts, and a
  // name in subject or object position of an event verb usually acts.
  return t == EntityType::kPerson || t == EntityType::kOrg ||
         t == EntityType::kGpe || t == EntityType::kNorp ||
         (t == EntityType::kOther && mm.kind == MentionKind::kName);
}

bool DocView::IsPlaceMention(int32_t m) const {
  if (m < 0) return false;
  EntityType t = a->mentions[m].type;
  return t == EntityType::kGpe || t == EntityType::kLoc ||
         t == EntityType::kFac;
}

uint32_t DocView::MatchPhrase(uint32_t i, const Phrase& phrase,
                              uint32_t limit) const {
  if (i + phrase.size() > limit) return 0;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (!Is(i + static_cast<uint32_t>(k), phrase[k])) return 0;
  }
  return static_cast<uint32_t>(phrase.size());
}

uint32_t DocView::MatchCue(CueKind kind, uint32_t i, uint32_t limit) const {
  uint32_t best = 0;
  for (const Phrase& p : lex->Phrases(kind)) {
    best = std::max(best, MatchPhrase(i, p, limit));
  }
  return best;
}

std::string_view DocView::GoverningPrep(int32_t m) const {
  if (m < 0 || !m_has_tokens[m]) return {};
  uint32_t j = m_first[m];
  const uint32_t sf =
      sentences.empty() ? 0 : sentences[tok_sentence[j]].first_token;
  for (int steps = 0; steps < 3 && j > sf; ++steps) {
    --j;
    if (IsPreposition(j)) return low[j];
    // "in the eastern Russian city": modifiers and nouns between.
    if (!IsDeterminerLike(j) && pos(j) != Pos::kNoun && pos(j) != Pos::kPropn) {
      return {};
    }
  }
  return {};
}

std::string_view DocView::Text(uint32_t first, uint32_t last) const {
  const auto& toks = a->tokens;
  if (first > last || last >= toks.size()) return {};
  uint32_t b = toks[first].begin, e = toks[last].end;
  const std::string& text = a->doc.text;
  if (b > e || e > text.size()) return {};
  return std::string_view(text).substr(b, e - b);
}

int32_t DocView::PronounAntecedent(uint32_t before) const {
  int32_t best = -1;
  uint32_t best_pos = 0;
  for (size_t m = 0; m < a->mentions.size(); ++m) {
    const Mention& mm = a->mentions[m];
    if (!m_has_tokens[m] || mm.entity < 0 || mm.type != EntityType::kPerson)
      continue;
    if (m_last[m] >= before) continue;
    if (best < 0 || m_last[m] >= best_pos) {
      best = mm.entity;
      best_pos = m_last[m];
    }
  }
  return best;
}

int32_t DocView::RoleAntecedent(std::string_view role, uint32_t before) const {
  int32_t best = -1;
  uint32_t best_pos = 0;
  for (size_t m = 0; m < a->mentions.size(); ++m) {
    const Mention& mm = a->mentions[m];
    if (!m_has_tokens[m] || mm.entity < 0 || mm.type != EntityType::kPerson)
      continue;
    if (m_last[m] >= before) continue;
    uint32_t from = m_first[m] >= 3 ? m_first[m] - 3 : 0;
    bool has_role = false;
    for (uint32_t t = from; t <= m_last[m] && !has_role; ++t) {
      has_role = Is(t, role);
    }
    if (has_role && (best < 0 || m_last[m] >= best_pos)) {
      best = mm.entity;
      best_pos = m_last[m];
    }
  }
  return best;
}

Speaker DocView::SpeakerAt(uint32_t i, uint32_t sent_first,
                           uint32_t sent_end) const {
  Speaker s;
  if (i < sent_first || i >= sent_end) return s;
  int32_t m = tok_mention[i];
  if (m >= 0) {
    const Mention& mm = a->mentions[m];
    if (mm.type == EntityType::kLoc || mm.type == EntityType::kFac) return s;
    s.found = true;
    s.entity = mm.entity;
    s.first = m_first[m];
    s.last = m_last[m];
    if (s.entity < 0 && mm.kind == MentionKind::kPronoun) {
      s.entity = PronounAntecedent(s.first);
    }
    s.text = std::string(Text(s.first, s.last));
    return s;
  }
  if (low[i] == "he" || low[i] == "she") {
    s.found = true;
    s.entity = PronounAntecedent(i);
    s.first = s.last = i;
    s.text = std::string(Text(i, i));
    return s;
  }
  if (low[i] == "they" || low[i] == "it" || low[i] == "we" || low[i] == "i") {
    s.found = true;
    s.first = s.last = i;
    s.text = std::string(Text(i, i));
    return s;
  }
  const bool role =
      lex->IsCue(CueKind::kRole, lem[i]) || lex->IsCue(CueKind::kRole, low[i]);
  const bool source = lex->IsCue(CueKind::kSource, lem[i]);
  if (!(role || source) || (pos(i) == Pos::kVerb || pos(i) == Pos::kAux))
    return s;
  // The noun phrase ending at i: modifiers, names and determiners before it.
  uint32_t f = i;
  while (f > sent_first && f + 6 > i) {
    uint32_t p = f - 1;
    if (IsPunct(p) && low[p] != "'s" && low[p] != "-") break;
    if (tok_mention[p] >= 0 || IsDeterminerLike(p) || pos(p) == Pos::kNoun ||
        pos(p) == Pos::kPropn || low[p] == "'s" || low[p] == "-") {
      f = p;
      continue;
    }
    break;
  }
  while (f < i && (low[f] == "the" || low[f] == "a" || low[f] == "an")) ++f;
  s.found = true;
  s.first = f;
  s.last = i;
  s.text = std::string(Text(f, i));
  // "the ambassador": a role refers back to the last person introduced
  // with it; a source noun ("analysts") stays a phrase.
  if (role) s.entity = RoleAntecedent(lem[i], f);
  return s;
}

namespace {

bool IsSkippableBeforeSpeech(const DocView& v, uint32_t j) {
  Pos p = v.pos(j);
  if (p == Pos::kAdv || p == Pos::kAux || p == Pos::kPart) return true;
  std::string_view l = v.lem[j];
  return l == "also" || l == "later" || l == "earlier" || l == "again" ||
         l == "then" || l == "reportedly" || l == "previously" || l == "be" ||
         l == "have" || l == "do" || l == "will" || l == "would" ||
         l == "not" || l == "n't" || l == "has" || l == "once" ||
         l == "publicly" || l == "repeatedly";
}

}  // namespace

Speaker DocView::NounPhraseSpeaker(uint32_t j, uint32_t sf) const {
  Speaker s;
  if (j >= size() || j < sf) return s;
  if (low[j] == "some" || low[j] == "others" || low[j] == "many" ||
      low[j] == "both" || low[j] == "you") {
    s.found = true;
    s.first = s.last = j;
    s.text = std::string(Text(j, j));
    return s;
  }
  // "voters overall said": a trailing adverb of the subject phrase.
  if (j > sf && (low[j] == "overall" || low[j] == "themselves" ||
                 low[j] == "too" || low[j] == "alike")) {
    --j;
  }
  // Heads: nouns, and counts ("47 percent", "six in 10").
  if (pos(j) != Pos::kNoun && pos(j) != Pos::kPropn && pos(j) != Pos::kNum)
    return s;
  uint32_t f = j;
  while (f > sf && f + 8 > j &&
         (IsDeterminerLike(f - 1) || pos(f - 1) == Pos::kNoun ||
          pos(f - 1) == Pos::kPropn || pos(f - 1) == Pos::kAdj ||
          pos(f - 1) == Pos::kNum || tok_mention[f - 1] >= 0 ||
          low[f - 1] == "'s" ||
          (low[f - 1] == "in" && f >= 2 && pos(f - 2) == Pos::kNum) ||
          low[f - 1] == "than" || low[f - 1] == "nearly" ||
          low[f - 1] == "about" || low[f - 1] == "around")) {
    --f;
  }
  // Only a phrase that opens its clause: "The campaign said", ", the
  // company said"; not the tail of an object ("met the press said").
  if (!(f == sf || low[f - 1] == "," || low[f - 1] == "and" ||
        low[f - 1] == "but" || IsQuoteMark(f - 1))) {
    return s;
  }
  while (f < j && (low[f] == "the" || low[f] == "a" || low[f] == "an")) ++f;
  s.found = true;
  s.first = f;
  s.last = j;
  s.text = std::string(Text(f, j));
  return s;
}

Speaker DocView::SpeakerOf(uint32_t v, bool allow_after) const {
  Speaker none;
  if (v >= size() || sentences.empty()) return none;
  const Sentence& sent = sentences[tok_sentence[v]];
  const uint32_t sf = sent.first_token, se = sent.end_token;
  std::string cited;
  auto cited_at = [&](uint32_t c) -> std::string {
    // The phrase after "citing": a mention, or a short noun phrase.
    uint32_t k = c + 1;
    while (k < se && (low[k] == "the" || low[k] == "a")) ++k;
    if (k >= se) return {};
    if (tok_mention[k] >= 0 && IsActorMention(tok_mention[k])) {
      int32_t m = tok_mention[k];
      Speaker cs;
      cs.entity = a->mentions[m].entity;
      cs.text = std::string(Text(m_first[m], m_last[m]));
      return AttributionText(cs);
    }
    uint32_t e = k;
    while (e + 1 < se && e < k + 4 && !IsPunct(e + 1) &&
           !IsPreposition(e + 1) && !IsVerbLike(e + 1)) {
      ++e;
    }
    return std::string(Text(k, e));
  };
  // Before: "X said", "X has also said", "X, citing Y, said".
  if (v > sf) {
    uint32_t j = v - 1;
    bool passive = false;
    for (int steps = 0;
         steps < 4 && j > sf && IsSkippableBeforeSpeech(*this, j); ++steps) {
      passive = passive || (lem[j] == "be" && low[v] != lem[v] &&
                            !low[v].ends_with("ing"));
      --j;
    }
    // "X was told", "X is expected to": X is not the one speaking.
    if (passive) return none;
    // "Sen. X (I-Vt.) said": a short parenthesis after the speaker.
    if (low[j] == ")" && j > sf) {
      uint32_t k = j;
      while (k > sf && k + 8 > j && low[k] != "(") --k;
      if (low[k] == "(" && k > sf) j = k - 1;
    }
    bool apposition = false;
    if (low[j] == "," && j > sf) {
      uint32_t k = j - 1;
      while (k > sf && k + 14 > j && low[k] != ",") --k;
      if (low[k] == "," && k + 1 < j && low[k + 1] == "citing") {
        cited = cited_at(k + 1);
        j = k > sf ? k - 1 : k;
      } else if (low[k] == "," && k > sf && k + 1 < j) {
        // "X, a Republican, said": an apposition between speaker and verb.
        apposition = true;
        j = k - 1;
      }
    }
    if (apposition) {
      Speaker s = SpeakerAt(j, sf, se);
      if (s.found && (tok_mention[j] >= 0 || low[j] == "he" || low[j] == "she"))
        return s;
      return none;
    }
    if (!IsPunct(j)) {
      Speaker s = SpeakerAt(j, sf, se);
      if (!s.found) s = NounPhraseSpeaker(j, sf);
      if (s.found) {
        if (cited.empty() && v + 2 < se && low[v + 1] == "," &&
            low[v + 2] == "citing") {
          cited = cited_at(v + 2);
        }
        s.cited = cited;
        return s;
      }
    }
  }
  if (!allow_after) return none;
  // After: "said Goldberg", "said the foreign minister".
  uint32_t i = v + 1;
  while (i < se && (low[i] == "the" || low[i] == "a" || low[i] == "an")) ++i;
  if (i >= se) return none;
  if (tok_mention[i] >= 0) {
    Speaker s = SpeakerAt(m_last[tok_mention[i]], sf, se);
    return s;
  }
  if (low[i] == "he" || low[i] == "she") return SpeakerAt(i, sf, se);
  uint32_t e = i;
  while (e + 1 < se && e < i + 4 && !IsPunct(e + 1) &&
         (IsDeterminerLike(e + 1) || pos(e + 1) == Pos::kNoun ||
          pos(e + 1) == Pos::kPropn || tok_mention[e + 1] >= 0 ||
          (pos(e + 1) == Pos::kX && !IsPreposition(e + 1)))) {
    ++e;
  }
  for (uint32_t k = e + 1; k-- > i;) {
    Speaker s = SpeakerAt(k, sf, se);
    if (s.found) {
      s.first = i;
      s.text = std::string(Text(i, s.last));
      if (s.entity < 0 && lex->IsCue(CueKind::kRole, lem[s.last])) {
        s.entity = RoleAntecedent(lem[s.last], i);
      }
      return s;
    }
  }
  return none;
}

std::string DocView::AttributionText(const Speaker& s) const {
  std::string out;
  if (s.entity >= 0 && static_cast<size_t>(s.entity) < a->entities.size()) {
    const LocalEntity& e = a->entities[s.entity];
    out = e.key.empty() ? e.name : e.key;
  } else {
    out = s.text;
  }
  if (!s.cited.empty()) {
    out += " < ";
    out += s.cited;
  }
  return out;
}

}  // namespace synoptic::events::internal
