// Event coding in the spirit of PETRARCH/CAMEO, over tokens and entity
// mentions; optionally (EventOptions::use_parse) a dependency parse finds a
// verbal trigger's source and target first, these positional rules filling
// what it leaves (see "Arguments over the dependency parse" below).
//
// For each sentence, trigger patterns from the lexicon are matched left to
// right (longest pattern first; a matched span is consumed). A verbal
// trigger takes as source the nearest actor mention before it that is not
// inside a prepositional phrase ("the leader of X" does not make X the
// subject), following VP coordination ("X welcomed Y and signed ...") back
// to the first verb's subject, and as target the first actor mention after
// it that is a direct object or follows with/to/against/on/of, stopping at
// the next clause. Reciprocal verbs code "X and Y met" as X -> Y; passives
// ("was attacked by X") swap roles. A nominal trigger (meeting, summit,
// sanctions, strike...) is coded only from its own arguments: "between X and
// Y", pre-modifiers ("X's visit", "Russian strikes", "the Putin-Kim
// meeting"), "by X", and "to/on/with/against/of Y". Place is the nearest
// GPE/LOC/FAC after in/at/near; time the nearest DATE/TIME timex of the
// sentence. Modality comes from cues near the trigger (negation, condition,
// hedge, plan) and from attribution in the sentence (quotes, "X said",
// "according to X", "citing Y", "reportedly"), in that order of strength.
// CAMEO codes planned consultations (meet, visit, host, negotiate) as 036
// "express intent to meet or negotiate"; the coder does the same.
//
// Coordinated actors ("X, Y and Z condemned W") give one event per
// source-target pair; reciprocal rows ("met") and reciprocal verbs with
// coordinated subjects and no object ("X and Y clashed", "renewed their
// ties") code both directions. A "that" clause right after the verb gives
// its subject as target ("charged that X ..."). Rows imported from PETRARCH
// dictionaries are tried only where none of ours match; a bare speech verb
// coded as a statement (01x) is attribution, not an event; a nominal
// trigger heading the object of a verbal one between the same actors ("X
// and Y postponed their meeting") is not coded twice. A row may say where
// its actors stand (PETRARCH's '$' and '+' slots: "+ freed from $") and may
// code a reverse event ("arrived in": 042 visit, and 043 host for the place)
// and pass over one phrase ('~', PETRARCH's '^': "celebrate iftar in ~ +").
//
// One event per trigger and actor pair. A nominal trigger in a
// circumstantial phrase ("during a visit to X") is the background of the
// clause's verbal event and is not coded when there is one. A group phrase
// opening the clause ("the government of X", "soldiers from X") has X as its
// actor. With no other target, an actor in a locative or participial
// modifier of the object ("the closure of houses in X", "the roads leading
// into X") is the target. The object of a light verb ("X launched an
// offensive against Y") is X's action.
#include "synoptic/events/internal/coder.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "synoptic/events/petrarch_import.h"

namespace synoptic::events::internal {
namespace {

struct Match {
  uint32_t pattern = 0;
  uint32_t first = 0;  // first token of the match
  uint32_t last = 0;   // last token of the match
  uint32_t head = 0;   // head token
  // Token where the row's '$' / '+' slot stands (see Pattern::source_slot).
  uint32_t source_at = 0, target_at = 0;
};

// Length of the alternative of `elem` matching at token i (0 if none).
uint32_t MatchElement(const DocView& v, const std::vector<Alternative>& elem,
                      uint32_t i, uint32_t end) {
  uint32_t best = 0;
  for (const Alternative& alt : elem) {
    if (i + alt.size() > end) continue;
    bool ok = true;
    for (size_t k = 0; k < alt.size() && ok; ++k)
      ok = v.Is(i + static_cast<uint32_t>(k), alt[k]);
    if (ok) best = std::max(best, static_cast<uint32_t>(alt.size()));
  }
  return best;
}

// "complete, full diplomatic ties": a comma between two pre-modifiers of
// one noun coordinates them; it ends no phrase.
bool IsModifierComma(const DocView& v, uint32_t j) {
  if (v.low[j] != "," || j == 0 || j + 1 >= v.size()) return false;
  // Taggers often call such adjectives nouns; a lowercase singular word
  // will do, when the word after the pair is no verb or punctuation.
  auto modifier = [&](uint32_t k) {
    if (v.tok_mention[k] >= 0) return false;
    const Pos p = v.pos(k);
    return p == Pos::kAdj ||
           (p == Pos::kNoun && !(v.a->tokens[k].flags & kTokCapitalized) &&
            !v.low[k].ends_with("s"));
  };
  return modifier(j - 1) && modifier(j + 1) && j + 2 < v.size() &&
         !v.IsPunct(j + 2) && !v.IsVerbLike(j + 2);
}

// "his", "their" before a noun: a determiner of the object, not an actor
// ("renewed his licence", "rescheduled their trip").
bool IsPossessiveDeterminer(const DocView& v, uint32_t j) {
  const std::string_view w = v.low[j];
  if (!(w == "his" || w == "her" || w == "its" || w == "their" ||
        w == "our" || w == "my" || w == "your")) {
    return false;
  }
  return j + 1 < v.size() && !v.IsPunct(j + 1) && v.tok_mention[j + 1] < 0 &&
         (v.IsNounLike(j + 1) || v.pos(j + 1) == Pos::kAdj);
}

bool GapTokenOk(const DocView& v, uint32_t j) {
  if (v.low[j] == "-" || IsModifierComma(v, j)) return true;
  if (IsPossessiveDeterminer(v, j)) return true;
  if (v.IsPunct(j)) return false;
  Pos p = v.pos(j);
  return p != Pos::kVerb && p != Pos::kAux && p != Pos::kSconj &&
         p != Pos::kPron;
}

bool HeadPosOk(const DocView& v, const Pattern& p, uint32_t h) {
  if (p.noun) return v.IsNounLike(h);
  if (!v.IsVerbLike(h)) return false;
  // "the meeting", "a visit": a determiner before a verb form makes it a noun.
  if (h > 0 && v.pos(h) == Pos::kX && v.IsDeterminerLike(h - 1)) return false;
  // "against besieged X", "the occupied territories": a participle between a
  // preposition or determiner and the noun or name it modifies is an
  // adjective, not the clause's verb.
  if (h > 0 && h + 1 < v.size() && v.low[h].ends_with("ed") &&
      v.tok_mention[h] < 0 &&
      (v.IsPreposition(h - 1) || v.pos(h - 1) == Pos::kDet) &&
      (v.tok_mention[h + 1] >= 0 || v.pos(h + 1) == Pos::kNoun ||
       v.pos(h + 1) == Pos::kPropn)) {
    return false;
  }
  return true;
}

// A skip element ('~', PETRARCH's '^'): one phrase at token i, an actor
// mention or determiners and adjectives up to a noun run. Returns its
// length (0 if none).
bool IsSkipElement(const std::vector<Alternative>& elem) {
  return elem.size() == 1 && elem[0].size() == 1 && elem[0][0] == "~";
}

uint32_t MatchSkip(const DocView& v, uint32_t i, uint32_t end) {
  constexpr uint32_t kMaxPhrase = 6;
  if (i >= end) return 0;
  if (v.tok_mention[i] >= 0) return v.m_last[v.tok_mention[i]] + 1 - i;
  uint32_t j = i;
  while (j < end && j < i + kMaxPhrase && v.tok_mention[j] < 0 &&
         v.IsDeterminerLike(j) && !v.IsNounLike(j)) {
    ++j;
  }
  if (j < end && v.tok_mention[j] >= 0)
    return v.m_last[v.tok_mention[j]] + 1 - i;
  uint32_t k = j;
  while (k < end && k < i + kMaxPhrase && v.tok_mention[k] < 0 &&
         v.IsNounLike(k) && !v.IsPunct(k)) {
    ++k;
  }
  return k > j ? k - i : 0;
}

bool MatchPattern(const DocView& v, const Pattern& p, uint32_t i, uint32_t end,
                  uint32_t max_gap, Match* m) {
  uint32_t len = MatchElement(v, p.elements[0], i, end);
  if (len == 0) return false;
  uint32_t head = i;
  uint32_t pos = i + len;  // next free token
  m->source_at = p.source_slot == 0 ? i : pos;
  m->target_at = p.target_slot == 0 ? i : pos;
  for (size_t e = 1; e < p.elements.size(); ++e) {
    if (static_cast<int>(e) == p.source_slot) m->source_at = pos;
    if (static_cast<int>(e) == p.target_slot) m->target_at = pos;
    if (IsSkipElement(p.elements[e])) {
      const uint32_t l = MatchSkip(v, pos, end);
      // "(AT ^ ^)": a second skip may find the phrase already taken.
      if (l == 0 && IsSkipElement(p.elements[e - 1])) continue;
      if (l == 0) return false;
      pos += l;
      continue;
    }
    bool found = false;
    for (uint32_t j = pos; j < end && j <= pos + max_gap; ++j) {
      uint32_t l = MatchElement(v, p.elements[e], j, end);
      if (l > 0) {
        if (e == p.head) head = j + l - 1;
        pos = j + l;
        found = true;
        break;
      }
      // "death toll has risen": auxiliaries may stand before the head verb.
      const bool aux_before_head =
          e == p.head && !p.noun && v.pos(j) == Pos::kAux;
      if (!aux_before_head && !GapTokenOk(v, j)) break;
    }
    if (!found) return false;
  }
  const int n = static_cast<int>(p.elements.size());
  if (p.source_slot == n) m->source_at = pos;
  if (p.target_slot == n) m->target_at = pos;
  if (p.head == 0) head = p.noun ? i + len - 1 : i;
  if (!HeadPosOk(v, p, head)) return false;
  m->first = i;
  m->last = pos - 1;
  m->head = head;
  return true;
}

bool IsClauseBreak(const DocView& v, uint32_t j) {
  std::string_view w = v.low[j];
  if (w == ";" || w == ":" || w == "(" || w == ")" || v.IsQuoteMark(j))
    return true;
  return w == "\xE2\x80\x94" || w == "\xE2\x80\x93";  // em/en dash
}

bool IsClauseWord(std::string_view w) {
  return w == "that" || w == "which" || w == "who" || w == "because" ||
         w == "after" || w == "before" || w == "while" || w == "when" ||
         w == "as" || w == "but" || w == "although" || w == "since" ||
         w == "whereas" || w == "where" || w == "if" || w == "unless";
}

struct Actor {
  int32_t mention = -1;
  int32_t entity = -1;
  bool found = false;
};

Actor FromMention(const DocView& v, int32_t m) {
  Actor a;
  a.mention = m;
  a.entity = v.a->mentions[m].entity;
  if (a.entity < 0 && v.a->mentions[m].kind == MentionKind::kPronoun) {
    a.entity = v.PronounAntecedent(v.m_first[m]);
  }
  a.found = true;
  return a;
}

// Collective and institutional nouns that stand for the actor of their
// of/from/in phrase ("the government of X", "the police in X").
constexpr std::string_view kGroupNouns[] = {
    "government", "ministry",   "police",     "army",       "military",
    "parliament", "leadership", "people",     "embassy",    "navy",
    "cabinet",    "opposition", "council",    "delegation", "administration",
    "media",      "press",      "population", "public",     "authorities"};

// "Soldiers from X", "the government of X", "lawmakers in X" at the start of
// a clause: the phrase names a group of X, and PETRARCH codes X (with the
// group as its agent) as the actor. Returns the first token of the group
// noun phrase when mention m is the object of such a phrase, else UINT32_MAX.
uint32_t GroupPhraseStart(const DocView& v, int32_t m, uint32_t sf) {
  constexpr uint32_t kNone = UINT32_MAX;
  uint32_t q = v.m_first[m];
  while (q > sf && q + 3 > v.m_first[m] && v.IsDeterminerLike(q - 1)) --q;
  if (q < sf + 2) return kNone;
  std::string_view prep = v.low[q - 1];
  if (prep != "of" && prep != "from" && prep != "in" && prep != "for")
    return kNone;
  const uint32_t n = q - 2;
  if (v.tok_mention[n] >= 0 || v.pos(n) != Pos::kNoun ||
      (v.a->tokens[n].flags & kTokCapitalized && n > sf)) {
    return kNone;
  }
  std::string_view w = v.low[n];
  bool group = v.lex->IsCue(CueKind::kRole, v.lem[n]) ||
               (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss"));
  for (std::string_view g : kGroupNouns) group = group || w == g;
  if (!group) return kNone;
  uint32_t b = n;
  while (b > sf && b + 4 > n && v.tok_mention[b - 1] < 0 &&
         (v.IsDeterminerLike(b - 1) || v.pos(b - 1) == Pos::kNoun ||
          v.pos(b - 1) == Pos::kAdj || v.pos(b - 1) == Pos::kPropn) &&
         v.low[b - 1] != "and") {
    --b;
  }
  if (b == sf || v.low[b - 1] == "and" || v.low[b - 1] == "," ||
      IsClauseBreak(v, b - 1)) {
    return b;
  }
  return kNone;
}

// Subject of the verb at h: nearest actor mention before it, not in a PP.
Actor FindSubject(const DocView& v, uint32_t h, uint32_t sf, Actor* conj,
                  int depth) {
  Actor none;
  // VP coordination: "X supported Y and has urged Z": the subject of
  // "urged" is the subject of the verb before "and".
  if (depth < 3) {
    uint32_t k = h;
    while (k > sf && (v.pos(k - 1) == Pos::kAdv || v.pos(k - 1) == Pos::kAux ||
                      v.lem[k - 1] == "have" || v.lem[k - 1] == "be" ||
                      v.lem[k - 1] == "also" || v.lem[k - 1] == "then")) {
      --k;
    }
    if (k > sf + 1 && (v.low[k - 1] == "and" || v.low[k - 1] == "but")) {
      for (uint32_t b = k - 1; b-- > sf && b + 25 > k;) {
        if (IsClauseBreak(v, b)) break;
        if (v.pos(b) == Pos::kVerb && v.tok_mention[b] < 0) {
          return FindSubject(v, b, sf, conj, depth + 1);
        }
      }
    }
  }
  for (uint32_t j = h; j-- > sf;) {
    // "the European Union (EU) agreed": a short parenthesis is skipped.
    if (v.low[j] == ")") {
      uint32_t k = j;
      while (k > sf && k + 5 > j && v.low[k - 1] != "(") --k;
      if (k > sf && v.low[k - 1] == "(") {
        j = k - 1;
        continue;
      }
    }
    if (IsClauseBreak(v, j)) break;
    // ", and its ministry threatened": a new clause whose subject is not a
    // name.
    if ((v.low[j] == "and" || v.low[j] == "but" || v.low[j] == "or") &&
        j > sf && v.low[j - 1] == ",") {
      break;
    }
    int32_t m = v.tok_mention[j];
    if (m >= 0) {
      // A place name after a group noun ("activists in X") stands for
      // its people as well: taggers type unfamiliar states as places.
      const bool actor = v.IsActorMention(m);
      const bool place_name = v.IsPlaceMention(m) &&
                              v.a->mentions[m].kind == MentionKind::kName;
      const uint32_t group =
          actor || place_name ? GroupPhraseStart(v, m, sf) : UINT32_MAX;
      if ((actor && v.GoverningPrep(m).empty()) || group != UINT32_MAX) {
        Actor a = FromMention(v, m);
        // "X and (the) Y <verb>": remember X.
        uint32_t f = group != UINT32_MAX ? group : v.m_first[m];
        while (f > sf + 2 && v.tok_mention[f - 1] < 0 &&
               v.IsDeterminerLike(f - 1) && v.low[f - 1] != "and" &&
               f + 2 > v.m_first[m])
          --f;
        if (conj && f >= sf + 2 && v.low[f - 1] == "and") {
          int32_t pm = v.tok_mention[f - 2];
          if (pm >= 0 && v.IsActorMention(pm)) *conj = FromMention(v, pm);
        }
        return a;
      }
      j = v.m_first[m];
      continue;
    }
    if (v.low[j] == "he" || v.low[j] == "she") {
      Actor a;
      a.entity = v.PronounAntecedent(j);
      a.found = true;
      return a;
    }
  }
  return none;
}

// First actor mention after `from` in the clause, as object or after
// with/to/against/on/of.
// "North Korea's Kim": the mention after a possessive one, or -1.
int32_t PossessedMention(const DocView& v, int32_t m, uint32_t se) {
  uint32_t k = v.m_last[m];
  bool poss = v.low[k].ends_with("'s") || v.low[k].ends_with("s'");
  if (!poss && k + 1 < se && (v.low[k + 1] == "'s" || v.low[k + 1] == "'")) {
    poss = true;
    ++k;
  }
  if (!poss) return -1;
  for (uint32_t j = k + 1; j < se && j < k + 4; ++j) {
    int32_t n = v.tok_mention[j];
    if (n >= 0 && n != m) return v.IsActorMention(n) ? n : -1;
    if (!v.IsDeterminerLike(j)) return -1;
  }
  return -1;
}

bool InTimex(const DocView& v, uint32_t j);

// venue_like: the event is a consultation or agreement (CAMEO roots 03-05),
// whose place is where the parties met, not a party ("signed a trade
// agreement in X"); a protest or an exercise in X is aimed at X.
Actor FindObject(const DocView& v, uint32_t from, uint32_t se,
                 const Actor& exclude, bool venue_like = false) {
  Actor none;
  auto target_prep = [](std::string_view p) {
    return p == "with" || p == "to" || p == "against" || p == "on" ||
           p == "upon" || p == "into" || p == "of" || p == "toward" ||
           p == "towards" || p == "for" || p == "at" || p == "between" ||
           p == "from" ||
           // "warned about X": whom a statement is about; "condemned an
           // attack by X": the actor inside the object phrase.
           p == "about" || p == "by";
  };
  bool in_place_pp = false;  // "in the city of X": X is a place, not a target
  // "X allowed/charged that Y ...": the subject of the complement clause,
  // also after a time adverbial ("expressed hopes on Thursday that Y").
  {
    uint32_t t = from;
    while (t < se && t < from + 6 &&
           (InTimex(v, t) || ((v.low[t] == "on" || v.low[t] == "in") &&
                              t + 1 < se && InTimex(v, t + 1)))) {
      ++t;
    }
    if (t > from && t + 1 < se && v.low[t] == "that") from = t;
  }
  if (from + 1 < se && v.low[from] == "that") {
    for (uint32_t j = from + 1; j < se && j < from + 4; ++j) {
      int32_t m = v.tok_mention[j];
      if (m >= 0) {
        if (v.IsActorMention(m) && m != exclude.mention)
          return FromMention(v, m);
        break;
      }
      if (!v.IsDeterminerLike(j)) break;
    }
    return none;
  }
  // With no other target, an actor inside a locative modifier of the
  // object noun phrase is the target, as PETRARCH takes the first actor of
  // the object phrase: "criticized the closure of guest houses in X",
  // "cordoned off the roads leading into X". Only when the object starts
  // with a common noun, and not across a temporal or other phrase ("signed
  // the deal after talks in X").
  auto locative = [](std::string_view p) {
    return p == "in" || p == "at" || p == "near" || p == "into" ||
           p == "along" || p == "across" || p == "inside" || p == "outside" ||
           p == "around" || p == "within";
  };
  // A common noun outside place phrases; the pattern's own last word may be
  // one ("renewed * licence": "renewed his licence in X").
  // For a consultation or agreement a state or city there is the venue,
  // not a target ("signed a trade agreement in X").
  const bool pattern_noun = from > 0 && v.pos(from - 1) == Pos::kNoun &&
                            v.tok_mention[from - 1] < 0 &&
                            !(v.a->tokens[from - 1].flags & kTokCapitalized);
  bool object_noun = pattern_noun;
  bool in_modifier = false;  // inside "the roads leading into X"
  bool other_prep = false;   // a preposition neither target nor locative
  std::string_view place_prep;  // the last preposition other than "of"
  Actor fallback;
  for (uint32_t j = from; j < se; ++j) {
    if (IsModifierComma(v, j)) continue;
    if (IsClauseBreak(v, j) || v.low[j] == "," || v.low[j] == ".") break;
    if (IsClauseWord(v.low[j]) && v.tok_mention[j] < 0) break;
    int32_t m = v.tok_mention[j];
    if (m >= 0 && v.a->mentions[m].kind == MentionKind::kPronoun &&
        IsPossessiveDeterminer(v, j)) {
      continue;  // "renewed his licence in X": "his" is no target
    }
    if (m < 0) {
      // "adopt a set of resolutions": after an article a verb tag is wrong.
      if (j > from && v.pos(j) == Pos::kVerb && v.pos(j - 1) == Pos::kDet &&
          v.tok_mention[j - 1] < 0) {
        object_noun = object_noun || !in_place_pp;
        continue;
      }
      if (j > from && v.pos(j) == Pos::kVerb) {
        // "against besieged X": a participle before the name it modifies.
        if (v.low[j].ends_with("ed") && j + 1 < se &&
            v.tok_mention[j + 1] >= 0 &&
            (v.IsPreposition(j - 1) || v.pos(j - 1) == Pos::kDet)) {
          continue;
        }
        // A participle right after the object noun modifies it ("the
        // roads leading into X", "assurances sent from X").
        if (object_noun && !in_modifier &&
            (v.low[j].ends_with("ing") || v.low[j].ends_with("ed") ||
             v.low[j] != v.lem[j]) &&
            v.pos(j - 1) == Pos::kNoun) {
          in_modifier = true;
          continue;
        }
        break;
      }
      if (v.IsPreposition(j) && v.low[j] != "of") {
        place_prep = v.low[j];
        in_place_pp = !target_prep(v.low[j]);
        if (in_place_pp && !locative(v.low[j])) other_prep = true;
      } else if (!in_place_pp && v.pos(j) == Pos::kNoun &&
                 !(v.a->tokens[j].flags & kTokCapitalized)) {
        object_noun = true;
      }
      continue;
    }
    if (in_place_pp || in_modifier) {
      const std::string_view gp = v.GoverningPrep(m);
      if (object_noun && !other_prep && !fallback.found &&
          v.IsActorMention(m) && m != exclude.mention &&
          !(venue_like && pattern_noun &&
            v.a->mentions[m].type == EntityType::kGpe) &&
          // "in the vicinity of X": the of-phrase of a locative phrase.
          (locative(gp) || (gp == "of" && locative(place_prep)) ||
           (in_modifier && (gp == "from" || gp == "by")))) {
        fallback = FromMention(v, m);
      }
      j = v.m_last[m];
      continue;
    }
    std::string_view prep = v.GoverningPrep(m);
    // A preposition that is part of the pattern ("arrive in X", "fire at
    // X") introduces the object itself.
    bool pattern_prep =
        j == from || (j == from + 1 && v.IsDeterminerLike(from));
    bool ok = prep.empty() ||
              (pattern_prep && from > 0 && v.IsPreposition(from - 1)) ||
              target_prep(prep);
    // The object of the pattern's own preposition may be a place name:
    // "arrived in X" is hosted by X however the tagger typed it.
    const bool pattern_place =
        pattern_prep && from > 0 && v.IsPreposition(from - 1) &&
        v.IsPlaceMention(m) && v.a->mentions[m].kind == MentionKind::kName;
    if (ok && (v.IsActorMention(m) || pattern_place) &&
        m != exclude.mention) {
      int32_t head = PossessedMention(v, m, se);
      return FromMention(v, head >= 0 ? head : m);
    }
    j = v.m_last[m];
  }
  return fallback;
}

Actor FindAgent(const DocView& v, uint32_t from, uint32_t se) {
  for (uint32_t j = from; j < se && j < from + 4; ++j) {
    if (v.low[j] == "by") {
      for (uint32_t k = j + 1; k < se && k < j + 4; ++k) {
        int32_t m = v.tok_mention[k];
        if (m >= 0 && v.IsActorMention(m)) return FromMention(v, m);
      }
      break;
    }
  }
  return Actor();
}

bool IsPassive(const DocView& v, uint32_t h, uint32_t sf) {
  std::string_view w = v.low[h];
  bool participle =
      (w.size() > 3 && (w.ends_with("ed") || w.ends_with("en"))) ||
      (w != v.lem[h] && !w.ends_with("s") && !w.ends_with("ing"));
  if (!participle) return false;
  for (uint32_t j = h, steps = 0; j-- > sf && steps < 3; ++steps) {
    if (v.lem[j] == "be" || v.lem[j] == "get") return true;
    if (v.pos(j) != Pos::kAdv && v.lem[j] != "reportedly" &&
        v.lem[j] != "allegedly" && v.lem[j] != "also" && v.lem[j] != "not" &&
        v.lem[j] != "n't") {
      return false;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Arguments over the dependency parse (CoderOptions via LazyParse).
//
// The verb's own dependents say who did what: nsubj is the source, a
// passive subject (nsubj:pass) the target with the "by" agent (obl:agent) as
// source, and iobj, obj, then an oblique with a target preposition (or the
// pattern's own one: "arrived in X") the target. A verb with no subject of
// its own takes it from the verb it is coordinated with ("X met Y and
// signed ..."), controlled by ("X vowed to retaliate"), or modifies as an
// adverbial clause ("X attacked Y, killing ..."); a relative clause's
// relative pronoun ("X, who met Y") and a reduced relative ("the troops
// attacking X", "civilians killed by X") stand for the noun they modify. A
// noun that is no actor itself stands for the actor of its possessor, its
// demonym or compound modifier ("Russian troops") or, for a group noun, of
// its of/from/in phrase ("the government of X").

struct DepArgs {
  bool passive = false;
  Actor subj;   // active subject, or the passive subject (the patient)
  Actor conj;   // an actor coordinated with the subject
  Actor agent;  // "by X" of a passive
  Actor obj;    // target of an active verb
};

bool IsGroupNoun(const DocView& v, uint32_t n) {
  const std::string_view w = v.low[n];
  if (v.lex->IsCue(CueKind::kRole, v.lem[n])) return true;
  if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss")) return true;
  for (std::string_view g : kGroupNouns) {
    if (w == g) return true;
  }
  return false;
}

std::string_view CaseOf(const DocView& v, const LazyParse& p, uint32_t n) {
  for (const uint32_t* k = p.kids_begin(n); k != p.kids_end(n); ++k) {
    if (p.rel(*k) == Rel::kCase) return v.low[*k];
  }
  return {};
}

Actor DepActor(const DocView& v, const LazyParse& p, uint32_t n, int depth) {
  const int32_t m = v.tok_mention[n];
  if (m >= 0) {
    if (v.IsActorMention(m)) return FromMention(v, m);
    return Actor();
  }
  const std::string_view w = v.low[n];
  if (w == "he" || w == "she") {
    Actor a;
    a.entity = v.PronounAntecedent(n);
    a.found = a.entity >= 0;
    return a;
  }
  if (depth >= 3) return Actor();
  // "X, who met Y": the relative pronoun stands for the noun modified.
  if ((w == "who" || w == "which" || w == "that") &&
      p.rel(p.head(n)) == Rel::kAclRelcl) {
    const uint32_t noun = p.head(p.head(n));
    if (noun != p.head(n)) return DepActor(v, p, noun, depth + 1);
    return Actor();
  }
  const Pos up = p.upos(n);
  if (up != Pos::kNoun && up != Pos::kPropn) return Actor();
  // "Saarland's premier, Anke Rehlinger, ...": the named apposition is the
  // actor, not the possessor of the role noun.
  for (const uint32_t* k = p.kids_begin(n); k != p.kids_end(n); ++k) {
    const int32_t km = v.tok_mention[*k];
    if (p.rel(*k) == Rel::kAppos && km >= 0 && v.IsActorMention(km))
      return FromMention(v, km);
  }
  const bool group = IsGroupNoun(v, n);
  for (const uint32_t* k = p.kids_begin(n); k != p.kids_end(n); ++k) {
    const Rel r = p.rel(*k);
    const int32_t km = v.tok_mention[*k];
    // "X's army", "Russian troops", "the U.S. embassy".
    if ((r == Rel::kNmodPoss || r == Rel::kAmod || r == Rel::kCompound) &&
        km >= 0 && v.IsActorMention(km)) {
      return FromMention(v, km);
    }
    if (r == Rel::kNmod && group) {
      const std::string_view c = CaseOf(v, p, *k);
      if (c == "of" || c == "from" || c == "in" || c == "for") {
        Actor a = DepActor(v, p, *k, depth + 1);
        if (a.found) return a;
      }
    }
  }
  return Actor();
}

// Prepositions whose object is the one acted upon ("met with X", "fired
// on X", "withdrew from X"); "at", "in", "of" phrases of a verb are places
// or parts more often than parties ("held talks at the Great Hall").
bool IsTargetCase(std::string_view c) {
  return c == "with" || c == "to" || c == "against" || c == "on" ||
         c == "upon" || c == "into" || c == "toward" || c == "towards" ||
         c == "for" || c == "from" || c == "about" || c == "between";
}

void DepSubject(const DocView& v, const LazyParse& p, uint32_t h, int depth,
                DepArgs* d);

// Subject and voice of the clause headed by h; *by gets the actor of a "by"
// phrase of h, the agent if the clause turns out passive.
void DepClauseSubject(const DocView& v, const LazyParse& p, uint32_t h,
                      int depth, DepArgs* d, Actor* by) {
  uint32_t subject = UINT32_MAX;
  uint32_t cc = UINT32_MAX;
  for (const uint32_t* k = p.kids_begin(h); k != p.kids_end(h); ++k) {
    const Rel r = p.rel(*k);
    if ((r == Rel::kNsubj || r == Rel::kNsubjPass) && subject == UINT32_MAX) {
      subject = *k;
      if (r == Rel::kNsubjPass) d->passive = true;
    } else if (r == Rel::kAuxPass) {
      d->passive = true;
    } else if (r == Rel::kCc && cc == UINT32_MAX) {
      cc = *k;
    } else if (r == Rel::kOblAgent ||
               (r == Rel::kObl && CaseOf(v, p, *k) == "by")) {
      if (!by->found) *by = DepActor(v, p, *k, 0);
    }
  }
  // A coordinated clause's own subject follows its conjunction: "X
  // welcomed Y and signed ..." parsed with Y as the subject of "signed" is
  // the object of the first verb.
  if (subject != UINT32_MAX && p.rel(h) == Rel::kConj && cc != UINT32_MAX &&
      subject < cc) {
    subject = UINT32_MAX;
  }
  if (subject != UINT32_MAX) {
    d->subj = DepActor(v, p, subject, 0);
    for (const uint32_t* k = p.kids_begin(subject);
         k != p.kids_end(subject) && d->subj.found; ++k) {
      if (p.rel(*k) != Rel::kConj) continue;
      Actor c = DepActor(v, p, *k, 0);
      if (c.found && c.entity != d->subj.entity) {
        d->conj = c;
        break;
      }
    }
    return;
  }
  const uint32_t g = p.head(h);
  if (g == h || depth >= 3) return;
  const Rel r = p.rel(h);
  const Pos gp = p.upos(g);
  const bool g_verb = gp == Pos::kVerb || gp == Pos::kAux;
  if ((r == Rel::kConj || r == Rel::kAdvcl) && g_verb) {
    // "X met Y and signed ...", "X attacked Y, killing ...": the subject of
    // the verb it hangs on (with its voice, for a coordination).
    DepArgs up;
    DepSubject(v, p, g, depth + 1, &up);
    d->subj = up.subj;
    d->conj = up.conj;
    if (r == Rel::kConj && up.passive) d->passive = true;
    return;
  }
  if (r == Rel::kXcomp && g_verb) {
    // "X urged Y to withdraw": the object controls; "X vowed to retaliate":
    // the subject does.
    for (const uint32_t* k = p.kids_begin(g); k != p.kids_end(g); ++k) {
      if (p.rel(*k) != Rel::kObj || *k > h) continue;
      // The controller stands right before the infinitive ("urged Y to").
      const int32_t km = v.tok_mention[*k];
      uint32_t end = km >= 0 ? v.m_last[km] : *k;
      if (end + 1 < h && v.low[end + 1] == "to") ++end;
      if (end + 1 != h) continue;
      Actor a = DepActor(v, p, *k, 0);
      if (a.found) {
        d->subj = a;
        return;
      }
    }
    DepArgs up;
    DepSubject(v, p, g, depth + 1, &up);
    if (up.passive) return;  // "X was asked to ...": leave it to the rules
    d->subj = up.subj;
    d->conj = up.conj;
    return;
  }
  // A participle on a noun that heads the sentence is more likely a clause
  // the parser missed ("Three weeks later Russian troops crossed into X")
  // than a reduced relative: left to the rules.
  if ((r == Rel::kAcl || r == Rel::kAclRelcl) && p.rel(g) != Rel::kRoot) {
    // "civilians killed by X" (a participle: the noun is the patient),
    // "troops attacking X" (the noun is the subject).
    const std::string_view w = v.low[h];
    if (r == Rel::kAcl && !w.ends_with("ing")) d->passive = true;
    d->subj = DepActor(v, p, g, 0);
  }
}

// Target of the active clause headed by h (match tokens [first, last]).
Actor DepObject(const DocView& v, const LazyParse& p, uint32_t h,
                uint32_t first, uint32_t last, const Actor& exclude) {
  auto ok = [&](const Actor& a) {
    return a.found && !(a.mention >= 0 && a.mention == exclude.mention) &&
           !(a.entity >= 0 && a.entity == exclude.entity);
  };
  Actor obl, inner, comp;
  auto scan = [&](uint32_t node, bool after_only) -> Actor {
    for (const uint32_t* k = p.kids_begin(node); k != p.kids_end(node); ++k) {
      if (after_only && *k < h) continue;
      const Rel r = p.rel(*k);
      if (r == Rel::kIobj || r == Rel::kObj) {
        Actor a = DepActor(v, p, *k, 0);
        if (ok(a)) return a;
        // "condemned the attack on X", "criticised an attack by X": the
        // actor inside the object phrase. When the object is the pattern's
        // own noun ("held talks with X"), that actor is the target itself.
        const bool own_noun = *k >= first && *k <= last;
        for (const uint32_t* q = p.kids_begin(*k);
             q != p.kids_end(*k) && !inner.found; ++q) {
          if (p.rel(*q) != Rel::kNmod) continue;
          const std::string_view c = CaseOf(v, p, *q);
          if (!IsTargetCase(c) && c != "by" && c != "of") continue;
          Actor b = DepActor(v, p, *q, 0);
          if (ok(b)) inner = b;
        }
        if (own_noun && inner.found) return inner;
      } else if (r == Rel::kObl && !obl.found) {
        uint32_t case_tok = UINT32_MAX;
        for (const uint32_t* q = p.kids_begin(*k); q != p.kids_end(*k); ++q) {
          if (p.rel(*q) == Rel::kCase) case_tok = *q;
        }
        if (case_tok == UINT32_MAX) continue;
        const bool own = case_tok >= first && case_tok <= last;
        if (!own && !IsTargetCase(v.low[case_tok])) continue;
        Actor a = DepActor(v, p, *k, 0);
        // The pattern's own preposition may take a place name ("arrived in
        // X"): its host, however the tagger typed it.
        if (!a.found && own) {
          const int32_t m = v.tok_mention[*k];
          if (m >= 0 && v.IsPlaceMention(m) &&
              v.a->mentions[m].kind == MentionKind::kName)
            a = FromMention(v, m);
        }
        if (ok(a)) obl = a;
      } else if (r == Rel::kCcomp && !comp.found) {
        // "X charged that Y ...": the complement clause's subject.
        bool that = false;
        uint32_t s = UINT32_MAX;
        for (const uint32_t* q = p.kids_begin(*k); q != p.kids_end(*k); ++q) {
          if (p.rel(*q) == Rel::kMark && v.low[*q] == "that") that = true;
          if (p.rel(*q) == Rel::kNsubj || p.rel(*q) == Rel::kNsubjPass) s = *q;
        }
        if (that && s != UINT32_MAX) {
          Actor a = DepActor(v, p, s, 0);
          if (ok(a)) comp = a;
        }
      }
    }
    return Actor();
  };
  Actor a = scan(h, false);
  if (a.found) return a;
  // "X attacked and killed Y": a shared object hangs on the first verb.
  if (!obl.found && p.rel(h) == Rel::kConj && p.head(h) != h) {
    a = scan(p.head(h), true);
    if (a.found) return a;
  }
  if (obl.found) return obl;
  if (inner.found) return inner;
  return comp;
}

// Subject, voice and agent of the clause headed by h. A "by" phrase is the
// agent of a passive only ("condemned allegations by X" is active, whatever
// the parser attached the phrase to); the voice may come from the context
// (a coordinated or reduced relative verb), so the agent is set last.
void DepSubject(const DocView& v, const LazyParse& p, uint32_t h, int depth,
                DepArgs* d) {
  Actor by;
  DepClauseSubject(v, p, h, depth, d, &by);
  if (d->passive) d->agent = by;
}

DepArgs FindDepArgs(const DocView& v, const LazyParse& p, const Match& mt) {
  DepArgs d;
  DepSubject(v, p, mt.head, 0, &d);
  if (!d.passive) d.obj = DepObject(v, p, mt.head, mt.first, mt.last, d.subj);
  return d;
}

// Actor mentions coordinated with m ("X, Y and Z", "X and the Y"), in text
// order, m included. A chain counts only when its links end with and / or /
// nor, so an apposition ("X, its biggest partner") or a list cut by a comma
// alone is not taken for coordination.
constexpr size_t kMaxConjuncts = 8;
constexpr uint32_t kMaxLinkTokens = 5;

std::vector<int32_t> Conjuncts(const DocView& v, int32_t m, uint32_t sf,
                               uint32_t se) {
  std::vector<int32_t> out;
  if (m < 0) return out;
  out.push_back(m);
  // Tokens strictly between two mentions form a link: commas, a
  // conjunction, determiners and adjectives. Returns 0 not a link, 1 comma
  // only, 2 with a conjunction.
  auto link = [&](uint32_t from, uint32_t to) -> int {
    if (to <= from || to - from > kMaxLinkTokens) return 0;
    int kind = 0;
    int nouns = 0;  // "the evil awful X": taggers often call such words nouns
    for (uint32_t j = from; j < to; ++j) {
      std::string_view w = v.low[j];
      // "X's awful and evil minister Y": a possessor is not a conjunct.
      if (w == "'s" || w == "'") return 0;
      if (w == "and" || w == "or" || w == "nor") {
        kind = 2;
      } else if (w == ",") {
        kind = std::max(kind, 1);
      } else if (v.pos(j) == Pos::kNoun &&
                 !(v.a->tokens[j].flags & kTokCapitalized) && ++nouns <= 2) {
        continue;
      } else if (!(v.IsDeterminerLike(j) || v.pos(j) == Pos::kAdj) ||
                 v.pos(j) == Pos::kVerb || v.pos(j) == Pos::kPron) {
        return 0;
      }
    }
    return kind;
  };
  // A name the tagger typed as a place is a conjunct of actors as well
  // ("Arnor, Calenardhon and Gondor welcomed ...": taggers type unfamiliar
  // state names as GPE, LOC or no type at random); a list that starts from
  // an actor coordinates actors.
  auto conjunct_ok = [&](int32_t n) {
    return v.IsActorMention(n) ||
           (v.IsPlaceMention(n) && v.a->mentions[n].kind == MentionKind::kName);
  };
  // Rightwards: keep the chain up to its last conjunction link.
  std::vector<int32_t> right;
  size_t keep = 0;
  for (uint32_t k = v.m_last[m] + 1; right.size() + 1 < kMaxConjuncts;) {
    uint32_t j = k;
    while (j < se && j < k + kMaxLinkTokens + 1 && v.tok_mention[j] < 0) ++j;
    if (j >= se || v.tok_mention[j] < 0) break;
    int32_t n = v.tok_mention[j];
    int kind = link(k, j);
    if (kind == 0 || !conjunct_ok(n)) break;
    right.push_back(n);
    if (kind == 2) {
      keep = right.size();
      break;  // "X, Y and Z" ends at the conjunction's conjunct
    }
    k = v.m_last[n] + 1;
  }
  right.resize(keep);
  // Leftwards: the link next to m must hold the conjunction; then commas.
  std::vector<int32_t> left;
  bool had_conj = false;
  for (uint32_t k = v.m_first[m]; left.size() + 1 < kMaxConjuncts;) {
    if (k <= sf) break;
    uint32_t j = k;
    while (j > sf && j + kMaxLinkTokens + 1 > k && v.tok_mention[j - 1] < 0)
      --j;
    if (j <= sf || v.tok_mention[j - 1] < 0) break;
    int32_t n = v.tok_mention[j - 1];
    int kind = link(j, k);
    if (kind == 0 || !conjunct_ok(n)) break;
    if (!had_conj && kind != 2) break;
    if (had_conj && kind == 2) break;  // "A and B and C": stop at one list
    had_conj = true;
    left.push_back(n);
    k = v.m_first[n];
  }
  std::vector<int32_t> all(left.rbegin(), left.rend());
  all.push_back(m);
  if (left.empty()) all.insert(all.end(), right.begin(), right.end());
  return all;
}

void CodeNominal(const DocView& v, const Pattern& p, const Match& mt,
                 uint32_t sf, uint32_t se, Actor* src, Actor* tgt) {
  // "between X and Y": the last name of each conjunct ("between North
  // Korean leader Kim and Russian President Putin" -> Kim, Putin).
  uint32_t j = mt.last + 1;
  if (j < se && v.low[j] == "between") {
    int32_t x = -1, y = -1;
    bool after_and = false;
    for (uint32_t k = j + 1; k < se && k < j + 16; ++k) {
      if (v.low[k] == "and" && v.tok_mention[k] < 0) {
        if (after_and || x < 0) break;
        after_and = true;
        continue;
      }
      int32_t m = v.tok_mention[k];
      if (m >= 0) {
        if (v.IsActorMention(m)) (after_and ? y : x) = m;
        k = v.m_last[m];
        continue;
      }
      if (v.IsPunct(k) && v.low[k] != "-") break;
      if (v.IsPreposition(k) || v.pos(k) == Pos::kVerb) break;
    }
    if (x >= 0) {
      *src = FromMention(v, x);
      if (y >= 0) *tgt = FromMention(v, y);
      return;
    }
  }
  // Pre-modifiers: "X's visit", "Russian strikes", "the Putin-Kim meeting".
  // First find where the modifiers start, then take every actor mention in
  // that zone (two names may share one token, as in "Putin-Kim").
  uint32_t zone = mt.first;
  for (uint32_t k = mt.first, steps = 0; k-- > sf && steps < 8; ++steps) {
    int32_t m = v.tok_mention[k];
    if (m >= 0) {
      zone = v.m_first[m];
      k = v.m_first[m];
      if (k <= sf) break;
      continue;
    }
    std::string_view w = v.low[k];
    if (w == "'s" || w == "'" || w == "-" || w == "and" ||
        v.IsDeterminerLike(k) || (v.pos(k) == Pos::kNoun && !v.IsPunct(k))) {
      zone = k;
      continue;
    }
    break;
  }
  std::vector<int32_t> pre;
  for (size_t m = 0; m < v.a->mentions.size() && zone < mt.first; ++m) {
    const int32_t mi = static_cast<int32_t>(m);
    if (!v.m_has_tokens[m] || !v.IsActorMention(mi)) continue;
    if (v.m_first[m] >= zone && v.m_last[m] < mt.first) pre.push_back(mi);
  }
  std::sort(pre.begin(), pre.end(), [&](int32_t a, int32_t b) {
    return v.a->mentions[a].span.begin < v.a->mentions[b].span.begin;
  });
  if (pre.size() == 1 && p.type == "visit" &&
      (v.a->mentions[pre[0]].type == EntityType::kGpe ||
       v.a->mentions[pre[0]].kind == MentionKind::kMetonym) &&
      PossessedMention(v, pre[0], se) < 0) {
    *tgt = FromMention(v, pre[0]);  // "the Pyongyang visit": the place visited
  } else {
    if (!pre.empty()) *src = FromMention(v, pre[0]);
    if (pre.size() > 1) *tgt = FromMention(v, pre[1]);
  }
  // "by X", then "from X" ("aid from X to Y").
  if (!src->found) {
    Actor agent = FindAgent(v, mt.last + 1, se);
    if (agent.found) *src = agent;
  }
  // "X launched a new shelling offensive against Y", "X carried out strikes
  // on Y": the object of a light verb is X's own action.
  if (!src->found && zone > sf) {
    uint32_t k = zone - 1;
    if (v.low[k] == "out" && k > sf) --k;  // "carried out"
    std::string_view l = v.lem[k];
    if (v.IsVerbLike(k) &&
        (l == "launch" || l == "carry" || l == "conduct" || l == "stage" ||
         l == "mount" || l == "wage" || l == "unleash" || l == "step" ||
         l == "intensify" || l == "resume" || l == "escalate")) {
      Actor subj = FindSubject(v, k, sf, nullptr, 0);
      if (subj.found && subj.mention != tgt->mention) *src = subj;
    }
  }
  for (uint32_t k = mt.last + 1; !src->found && k + 1 < se && k < mt.last + 6;
       ++k) {
    if (v.IsPunct(k) || v.IsVerbLike(k)) break;
    if (v.low[k] != "from") continue;
    int32_t m = v.tok_mention[k + 1];
    if (m >= 0 && v.IsActorMention(m) && m != tgt->mention)
      *src = FromMention(v, m);
    break;
  }
  // "to/on/with/against/of Y"
  if (!tgt->found) {
    for (uint32_t k = mt.last + 1; k < se && k < mt.last + 8; ++k) {
      if (v.IsPunct(k) || v.IsVerbLike(k)) break;
      std::string_view w = v.low[k];
      if (w == "to" || w == "on" || w == "with" || w == "against" ||
          w == "of" || w == "into" || w == "upon" || w == "toward" ||
          w == "towards") {
        for (uint32_t b = k + 1; b < se && b < k + 4; ++b) {
          int32_t m = v.tok_mention[b];
          if (m >= 0) {
            if (v.IsActorMention(m) && m != src->mention)
              *tgt = FromMention(v, m);
            break;
          }
          // "against besieged X": a participle modifying the name.
          if (!v.IsDeterminerLike(b) && !v.low[b].ends_with("ed")) break;
        }
        break;
      }
      if (w == "by") {  // "a visit by X to Y": past the agent
        k += 1;
        while (k < se && v.tok_mention[k] >= 0) ++k;
        --k;  // the loop steps onto the word after the agent
      }
    }
  }
}

// Whether the trigger starting at token `first` heads the object of a
// circumstantial preposition ("during a brief private visit", "on his first
// official visit", "after the talks"): the preposition may be separated from
// the trigger by determiners, possessives, numbers, adjectives and common
// nouns only, and a determiner must show that the trigger is a noun unless
// the preposition takes only noun phrases ("during", "amid").
bool InCircumstantialPp(const DocView& v, uint32_t first, uint32_t sf) {
  constexpr uint32_t kMaxModifiers = 5;
  bool det = false;
  for (uint32_t j = first, steps = 0; j-- > sf && steps <= kMaxModifiers;
       ++steps) {
    std::string_view w = v.low[j];
    if (w == "during" || w == "amid" || w == "amidst" || w == "throughout")
      return true;
    if (w == "on" || w == "at" || w == "after" || w == "before" ||
        w == "following" || w == "since") {
      return det;
    }
    if (v.tok_mention[j] >= 0 || v.IsPunct(j)) return false;
    const Pos p = v.pos(j);
    if (v.IsDeterminerLike(j) || p == Pos::kPron) {
      det = true;
    } else if (!(p == Pos::kAdj || p == Pos::kNum ||
                 (p == Pos::kNoun &&
                  !(v.a->tokens[j].flags & kTokCapitalized)))) {
      return false;
    }
  }
  return false;
}

// Whether token j lies inside a time expression of the document.
bool InTimex(const DocView& v, uint32_t j) {
  const Token& t = v.a->tokens[j];
  for (const Timex& x : v.a->times) {
    if (x.span.begin <= t.begin && t.end <= x.span.end) return true;
  }
  return false;
}

// A nominal trigger that is the subject of a venue predicate ("the meeting
// ... took place / was held / happened in X") takes its place from that
// predicate: returns the predicate's last token, else the trigger head.
uint32_t VenueAnchor(const DocView& v, const Match& mt, uint32_t h,
                     uint32_t se) {
  constexpr uint32_t kMaxSubjectTokens = 12;  // "between X and Y" and such
  for (uint32_t j = mt.last + 1; j < se && j <= mt.last + kMaxSubjectTokens;
       ++j) {
    if (v.IsPunct(j)) break;
    if (v.tok_mention[j] >= 0) continue;
    if (v.lem[j] == "take" && j + 1 < se && v.low[j + 1] == "place") {
      return j + 1;
    }
    if ((v.lem[j] == "hold" || v.low[j] == "held") && j > mt.last + 1 &&
        (v.lem[j - 1] == "be" || v.pos(j - 1) == Pos::kAux)) {
      return j;
    }
    if (v.lem[j] == "happen" || v.lem[j] == "occur") return j;
    if (v.lem[j] == "be" || v.pos(j) == Pos::kAux) continue;  // "was held"
    if (v.IsVerbLike(j)) break;  // another verb: not the trigger's predicate
  }
  return h;
}

// A country-level place ("kb:" + a three-letter code).
bool IsCountryEntity(const DocView& v, int32_t entity) {
  if (entity < 0 || static_cast<size_t>(entity) >= v.a->entities.size()) {
    return false;
  }
  const std::string& key = v.a->entities[entity].key;
  if (key.size() != 6 || key.compare(0, 3, "kb:") != 0) return false;
  for (size_t i = 3; i < 6; ++i) {
    if (key[i] < 'A' || key[i] > 'Z') return false;
  }
  return true;
}

int32_t FindPlace(const DocView& v, const Match& mt, uint32_t h, uint32_t sf,
                  uint32_t se, int32_t src_entity, int32_t tgt_entity) {
  int32_t best = -1, best_mention = -1;
  uint32_t best_dist = 0;
  if (v.lex->pattern(mt.pattern).noun) h = VenueAnchor(v, mt, h, se);
  for (uint32_t j = sf; j < se; ++j) {
    int32_t m = v.tok_mention[j];
    if (m < 0) continue;
    j = v.m_last[m];
    if (!v.IsPlaceMention(m)) continue;
    const Mention& mm = v.a->mentions[m];
    if (mm.entity < 0 || mm.entity == src_entity || mm.entity == tgt_entity)
      continue;
    std::string_view prep = v.GoverningPrep(m);
    if (prep == "of") {
      // "in the eastern city of X"
      for (uint32_t k = v.m_first[m], steps = 0; k-- > sf && steps < 6;
           ++steps) {
        if (v.low[k] == "in" || v.low[k] == "at" || v.low[k] == "near") {
          prep = v.low[k];
          break;
        }
      }
    }
    if (prep != "in" && prep != "at" && prep != "near" && prep != "outside" &&
        prep != "inside") {
      continue;
    }
    // Prepositional phrases attach locally: a place far from the trigger
    // ("... leaving no change in the course of the war in X") belongs to
    // another noun, not to this event. A date adverbial between the two
    // ("took place on the 13th of May in X") does not separate them.
    constexpr uint32_t kMaxPlaceDistance = 10;
    const uint32_t lo = std::min(v.m_first[m], h),
                   hi = std::max(v.m_first[m], h);
    uint32_t d = hi - lo;
    if (d > kMaxPlaceDistance) {
      d = 1;  // the place itself, as above
      for (uint32_t k = lo + 1; k < hi && d <= kMaxPlaceDistance; ++k) {
        if (!InTimex(v, k)) ++d;
      }
      if (d > kMaxPlaceDistance) continue;
    }
    if (best < 0 || d < best_dist) {
      best = mm.entity;
      best_mention = m;
      best_dist = d;
    }
  }
  // "in the east of <country>, in <region>": a country refined by the place
  // phrase right after it; the most specific place is where it happened.
  for (int hops = 0; hops < 3 && best >= 0 && IsCountryEntity(v, best);
       ++hops) {
    uint32_t k = v.m_last[best_mention] + 1;
    if (k + 1 >= se || v.low[k] != "," ||
        (v.low[k + 1] != "in" && v.low[k + 1] != "at")) {
      break;
    }
    k += 2;
    for (uint32_t steps = 0;
         k < se && steps < 3 && v.tok_mention[k] < 0 && v.IsDeterminerLike(k);
         ++steps) {
      ++k;
    }
    if (k >= se) break;
    const int32_t m = v.tok_mention[k];
    if (m < 0 || !v.IsPlaceMention(m)) break;
    const int32_t e = v.a->mentions[m].entity;
    if (e < 0 || e == src_entity || e == tgt_entity || e == best) break;
    best = e;
    best_mention = m;
  }
  return best;
}

// Whether a relative clause or a contrast opens between two bytes of a
// sentence: "may meet in Vladivostok, where Putin arrived Monday": the day
// is the arriving's, not the meeting's.
bool ClauseBetween(const DocView& v, const Sentence& s, uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = v.a->tokens[i];
    if (t.begin < a) continue;
    if (t.begin >= b) break;
    const std::string_view w = v.low[i];
    if (w == "where" || w == "which" || w == "who" || w == "whom" || w == "whose" ||
        w == "whereas" || w == "while" || w == ";") {
      return true;
    }
  }
  return false;
}

int32_t FindTime(const DocView& v, const Sentence& s, uint32_t trigger_byte) {
  int32_t best = -1;
  uint32_t best_dist = 0;
  const auto& times = v.a->times;
  for (size_t t = 0; t < times.size(); ++t) {
    const Timex& x = times[t];
    if (x.type != TimexType::kDate && x.type != TimexType::kTime) continue;
    if (x.span.begin < s.span.begin || x.span.end > s.span.end) continue;
    if (ClauseBetween(v, s, trigger_byte, x.span.begin)) continue;
    uint32_t d = x.span.begin > trigger_byte ? x.span.begin - trigger_byte
                                             : trigger_byte - x.span.begin;
    if (best < 0 || d < best_dist) {
      best = static_cast<int32_t>(t);
      best_dist = d;
    }
  }
  return best;
}

bool ResolvedDate(const std::string& value) {
  if (value.size() < 4) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (value[i] < '0' || value[i] > '9') return false;
  }
  return value.find('X') == std::string::npos;
}

struct ModalityResult {
  Modality modality = Modality::kAsserted;
  std::string attributed_to;
};

bool IsSpeechVerbAt(const DocView& v, uint32_t i) {
  if (v.tok_mention[i] >= 0) return false;
  Pos p = v.pos(i);
  if (p != Pos::kVerb && p != Pos::kAux && p != Pos::kX) return false;
  return v.lex->IsCue(CueKind::kSpeech, v.lem[i]) ||
         v.lex->IsCue(CueKind::kBelief, v.lem[i]);
}

ModalityResult Classify(const DocView& v, const Match& mt, const Pattern& p,
                        uint32_t sf, uint32_t se,
                        const std::vector<Quote>& quotes,
                        const CoderOptions& opt) {
  bool negated = false, hypothetical = false, speculated = false,
       planned = false;
  bool reported = false;
  std::string attribution;
  // Cues in a window before the trigger, within the clause.
  uint32_t lo =
      mt.first > sf + opt.modality_window ? mt.first - opt.modality_window : sf;
  for (uint32_t j = mt.first; j-- > lo;) {
    // A comma or another verb ("has not commented on X's visit") ends the
    // trigger's own cue zone; verbs that are part of cues do not.
    bool other_verb = v.pos(j) == Pos::kVerb &&
                      !v.lex->IsModalityWord(v.lem[j]) &&
                      !v.lex->IsModalityWord(v.low[j]);
    if (IsClauseBreak(v, j) || v.low[j] == "," || v.low[j] == "." ||
        other_verb) {
      lo = j + 1;
      break;
    }
  }
  for (uint32_t j = lo; j < mt.first; ++j) {
    const uint32_t lim = mt.first;
    // "didn't", "can't", "won't" when the tokenizer keeps them whole.
    if (v.lex->IsCue(CueKind::kNegation, v.low[j]) ||
        (v.low[j].size() > 3 && v.low[j].ends_with("n't"))) {
      negated = true;
    }
    if (v.MatchCue(CueKind::kNegVerb, j, lim)) negated = true;
    if (v.MatchCue(CueKind::kHypothetical, j, lim)) hypothetical = true;
    if (v.MatchCue(CueKind::kSpeculated, j, lim)) speculated = true;
    if (v.MatchCue(CueKind::kPlanned, j, lim)) planned = true;
    if (p.noun && v.lex->IsCue(CueKind::kPlanAdj, v.low[j])) planned = true;
  }
  // Conditions anywhere in the sentence; "would" after a speech verb is a
  // reported future, not a condition.
  bool speech_before_would = false;
  for (uint32_t j = sf; j < se; ++j) {
    if (v.low[j] == "if" || v.low[j] == "unless") hypothetical = true;
    if (IsSpeechVerbAt(v, j) && j < mt.first) speech_before_would = true;
    if (v.low[j] == "would" && j < mt.first && j + 4 >= mt.first &&
        speech_before_would) {
      hypothetical = false;
      planned = true;
    }
  }
  // Attribution: a direct quote around the trigger first (indirect quotes
  // are re-read below with their "citing" chains).
  const uint32_t tb = v.a->tokens[mt.head].begin;
  for (const Quote& q : quotes) {
    if (q.direct && q.span.begin <= tb && tb < q.span.end) {
      reported = true;
      if (q.speaker >= 0 &&
          static_cast<size_t>(q.speaker) < v.a->entities.size()) {
        const LocalEntity& e = v.a->entities[q.speaker];
        attribution = e.key.empty() ? e.name : e.key;
      } else {
        attribution = q.speaker_text;
      }
      break;
    }
  }
  // "according to X" anywhere in the sentence.
  if (attribution.empty()) {
    for (uint32_t j = sf; j + 2 < se; ++j) {
      if (v.low[j] == "according" && v.low[j + 1] == "to") {
        uint32_t k = j + 2;
        while (k < se && (v.low[k] == "the" || v.low[k] == "a")) ++k;
        Speaker s;
        if (k < se && v.tok_mention[k] >= 0) {
          s = v.SpeakerAt(v.m_last[v.tok_mention[k]], sf, se);
        } else {
          uint32_t e = k;
          while (e + 1 < se && e < k + 3 && !v.IsPunct(e + 1) &&
                 !v.IsPreposition(e + 1))
            ++e;
          s.found = k < se;
          s.text = std::string(v.Text(k, e));
          // "according to a report by X": X is the source.
          if (e + 2 < se && (v.low[e + 1] == "by" || v.low[e + 1] == "from" ||
                             v.low[e + 1] == "in" || v.low[e + 1] == "of")) {
            uint32_t b = e + 2;
            while (b < se && b < e + 4 && v.tok_mention[b] < 0) ++b;
            if (b < se && v.tok_mention[b] >= 0) {
              s = v.SpeakerAt(v.m_last[v.tok_mention[b]], sf, se);
            }
          }
          for (uint32_t c = e + 1; c + 1 < se && c < e + 3; ++c) {
            if (v.low[c] == "citing")
              s.cited = std::string(v.Text(c + 1, std::min(se - 1, c + 2)));
          }
        }
        if (s.found) {
          reported = true;
          attribution = v.AttributionText(s);
        }
        break;
      }
    }
  }
  // A speech or belief verb governing the trigger.
  if (attribution.empty()) {
    for (uint32_t j = sf; j < se; ++j) {
      if (j >= mt.first && j <= mt.last) continue;
      if (!IsSpeechVerbAt(v, j)) continue;
      bool belief = v.lex->IsCue(CueKind::kBelief, v.lem[j]);
      Speaker s;
      if (j < mt.first) {
        s = v.SpeakerOf(j, false);
        if (!s.found) continue;
        // The trigger must sit in the verb's complement: "X said (that) ...",
        // "X warned that ...", not "X warned Y, and Z attacked".
        bool that = false, broken = false;
        for (uint32_t k = j + 1; k < mt.first; ++k) {
          if (v.low[k] == "that") that = true;
          if (v.low[k] == "," || IsClauseBreak(v, k)) broken = true;
        }
        bool bare_ok = v.lem[j] == "say" || v.lem[j] == "tell" ||
                       v.lem[j] == "claim" || belief;
        if (!that && (broken || !bare_ok)) continue;
      } else {
        s = v.SpeakerOf(j, true);
        if (!s.found) continue;
        uint32_t g = std::min(s.first, j);
        if (g == 0 || v.low[g - 1] != ",") continue;
      }
      attribution = v.AttributionText(s);
      if (belief) {
        speculated = true;
      } else {
        reported = true;
        // "analysts say X is expected to ...": expectation of experts.
        if (v.lex->IsCue(CueKind::kExpert, v.lem[s.last]) && planned)
          speculated = true;
      }
      break;
    }
  }
  for (uint32_t j = sf; j < se; ++j) {
    if (v.lex->IsCue(CueKind::kReported, v.low[j])) reported = true;
  }
  ModalityResult r;
  r.attributed_to = std::move(attribution);
  if (negated) {
    r.modality = Modality::kNegated;
  } else if (hypothetical) {
    r.modality = Modality::kHypothetical;
  } else if (speculated) {
    r.modality = Modality::kSpeculated;
  } else if (planned) {
    r.modality = Modality::kPlanned;
  } else if (reported || !r.attributed_to.empty()) {
    r.modality = Modality::kReported;
  }
  return r;
}

void CodeSentence(const DocView& v, uint32_t si,
                  const std::vector<Quote>& quotes, const CoderOptions& opt,
                  LazyParse* parse, std::vector<bool>* used,
                  std::vector<Event>* out) {
  const Sentence& s = v.sentences[si];
  // Actor mentions of the sentence, counted up to what the parse needs.
  const uint32_t min_actors = std::max(1u, opt.parse_min_actors);
  uint32_t actors = 0;
  for (uint32_t t = s.first_token; t < s.end_token && actors < min_actors;
       ++t) {
    const int32_t m = v.tok_mention[t];
    if (m >= 0 && v.IsActorMention(m)) {
      ++actors;
      t = std::max(t, v.m_last[m]);
    }
  }
  const bool enough_actors = actors >= min_actors;
  std::vector<uint32_t> cands;  // reused for every token
  // Per event made here: nominal or verbal, and its trigger's token range.
  struct Made {
    bool noun;
    uint32_t first, last;
  };
  const size_t first_event = out->size();
  std::vector<Made> made;
  for (uint32_t i = s.first_token;
       i < s.end_token && out->size() < opt.max_events; ++i) {
    if ((*used)[i]) continue;
    int32_t im = v.tok_mention[i];
    if (im >= 0 && v.IsActorMention(im)) continue;
    // Candidate patterns keyed by form and by lemma (deduplicated).
    const std::vector<uint32_t>* lists[2] = {
        v.lex->PatternsStartingWith(v.low[i]),
        v.lem[i] != v.low[i] ? v.lex->PatternsStartingWith(v.lem[i]) : nullptr};
    // Both lists come sorted (our rows first, longest first, file order);
    // merging keeps that order without sorting per token.
    auto before = [&](uint32_t a, uint32_t b) {
      const Pattern& pa = v.lex->pattern(a);
      const Pattern& pb = v.lex->pattern(b);
      if (pa.imported != pb.imported) return pb.imported;
      if (pa.elements.size() != pb.elements.size())
        return pa.elements.size() > pb.elements.size();
      return pa.order < pb.order;
    };
    cands.clear();
    if (lists[0] && lists[1]) {
      std::merge(lists[0]->begin(), lists[0]->end(), lists[1]->begin(),
                 lists[1]->end(), std::back_inserter(cands), before);
      cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
      // On equal footing a row written for this very form ("left" 042)
      // beats one reached through the lemma ("leave" 012).
      auto by_form = [&](uint32_t pi) {
        for (const Alternative& alt : v.lex->pattern(pi).elements[0])
          if (alt[0] == v.low[i]) return true;
        return false;
      };
      std::stable_sort(cands.begin(), cands.end(), [&](uint32_t a, uint32_t b) {
        const Pattern& pa = v.lex->pattern(a);
        const Pattern& pb = v.lex->pattern(b);
        if (pa.imported != pb.imported) return pb.imported;
        if (pa.elements.size() != pb.elements.size())
          return pa.elements.size() > pb.elements.size();
        return by_form(a) && !by_form(b);
      });
    } else if (lists[0] || lists[1]) {
      const auto* l = lists[0] ? lists[0] : lists[1];
      cands.assign(l->begin(), l->end());
    }
    if (cands.empty()) continue;
    bool consumed = false;
    Match consumed_match;
    for (uint32_t pi : cands) {
      const Pattern& p = v.lex->pattern(pi);
      Match mt;
      if (!MatchPattern(v, p, i, s.end_token, opt.max_gap, &mt)) continue;
      mt.pattern = pi;
      // A bare speech verb ("said", "added") that a dictionary codes as a
      // public statement (01x) is the attribution of what follows, not an
      // event of its own.
      if (!p.noun && p.elements.size() == 1 && p.code.starts_with("01") &&
          (v.lex->IsCue(CueKind::kSpeech, v.lem[mt.head]) ||
           v.lex->IsCue(CueKind::kThatSpeech, v.lem[mt.head]))) {
        continue;
      }
      // "agreed to supply", "vowed to retaliate": the verb after "to" is
      // the event; the control verb only sets its modality.
      // A time adverbial may come between ("vowed on Thursday to wage").
      if (!p.noun && p.elements.size() == 1) {
        uint32_t t = mt.last + 1;
        while (t < s.end_token && t < mt.last + 6 &&
               (InTimex(v, t) || ((v.low[t] == "on" || v.low[t] == "in") &&
                                  t + 1 < s.end_token && InTimex(v, t + 1)))) {
          ++t;
        }
        if (t + 1 < s.end_token && v.low[t] == "to" &&
            v.tok_mention[t + 1] < 0 && !v.IsDeterminerLike(t + 1) &&
            (v.pos(t + 1) == Pos::kVerb || v.pos(t + 1) == Pos::kX ||
             // a base form that starts a verb row, whatever its tag
             (t > mt.last + 1 && v.low[t + 1] == v.lem[t + 1] &&
              v.lex->PatternsStartingWith(v.low[t + 1]) != nullptr))) {
          continue;
        }
      }
      if (consumed && (mt.first != consumed_match.first ||
                       mt.last != consumed_match.last)) {
        continue;  // only fall back to rows covering the same tokens
      }
      bool span_free = true;
      for (uint32_t k = mt.first; k <= mt.last; ++k)
        span_free = span_free && !(*used)[k];
      if (!span_free) continue;
      consumed = true;
      consumed_match = mt;
      const bool symmetric = p.symmetric;
      // Reciprocal verbs ("agree", "clash") with coordinated subjects and
      // no object code both directions whatever row matched them.
      const bool reciprocal =
          !p.noun && v.lex->IsCue(CueKind::kReciprocal, v.lem[mt.head]);
      // Everything below looks at a bounded window around the trigger, so a
      // hostile one-sentence document stays linear.
      const uint32_t sf = mt.first > s.first_token + opt.max_reach
                              ? mt.first - opt.max_reach
                              : s.first_token;
      const uint32_t se = std::min(s.end_token, mt.last + 1 + opt.max_reach);
      Actor src, tgt;
      Actor conj_subject;   // the subject before coordination rewrites
      bool mutual = false;  // "X and Y met": the pairs are among the subjects
      Actor conj;           // "X and Y <verb>": X
      if (p.noun) {
        CodeNominal(v, p, mt, sf, se, &src, &tgt);
      } else {
        Actor subj = FindSubject(v, mt.first, sf, &conj, 0);
        // Objects inside the match ("provide Ukraine military aid") count too.
        Actor obj;
        for (uint32_t k = mt.first + 1; k < mt.last && !obj.found; ++k) {
          int32_t m = v.tok_mention[k];
          if (m >= 0 && v.IsActorMention(m) && v.GoverningPrep(m).empty() &&
              !(v.a->mentions[m].kind == MentionKind::kPronoun &&
                IsPossessiveDeterminer(v, k)))
            obj = FromMention(v, m);
        }
        const bool venue_like = p.code.size() >= 2 && p.code[0] == '0' &&
                                p.code[1] >= '3' && p.code[1] <= '5';
        if (!obj.found) obj = FindObject(v, mt.last + 1, se, subj, venue_like);
        // "victims killed by X": a participle after a common noun with a
        // by-phrase is a reduced passive relative; X is the source and the
        // noun (no actor) the target, not the sentence's subject.
        const bool reduced_passive =
            mt.last + 1 < se && v.low[mt.last + 1] == "by" && mt.first > sf &&
            v.low[mt.head].ends_with("ed") && v.tok_mention[mt.first - 1] < 0 &&
            v.pos(mt.first - 1) == Pos::kNoun &&
            // "X was attacked by Y": an auxiliary (a form of be, have or
            // get, whatever its tag) makes a full passive, not a relative.
            v.lem[mt.first - 1] != "be" && v.lem[mt.first - 1] != "have" &&
            v.lem[mt.first - 1] != "get";
        // "boycotted the parade supporting X": an -ing participle after
        // the object noun of another verb is a reduced relative whose
        // subject is that noun (no actor), not the sentence's subject.
        bool ing_relative = false;
        if (!reduced_passive && v.low[mt.head].ends_with("ing") &&
            mt.first > sf + 1 && v.tok_mention[mt.first - 1] < 0 &&
            v.pos(mt.first - 1) == Pos::kNoun &&
            !(v.a->tokens[mt.first - 1].flags & kTokCapitalized)) {
          uint32_t b = mt.first - 1;
          while (b > sf && b + 4 > mt.first && v.tok_mention[b - 1] < 0 &&
                 (v.IsDeterminerLike(b - 1) || v.pos(b - 1) == Pos::kNoun)) {
            --b;
          }
          ing_relative = b > sf && v.tok_mention[b - 1] < 0 &&
                         (v.pos(b - 1) == Pos::kVerb || v.IsPreposition(b - 1));
        }
        if (reduced_passive || ing_relative) {
          subj = Actor();
          conj = Actor();
        }
        bool passive = reduced_passive || IsPassive(v, mt.head, sf);
        Actor agent;
        // The parse is asked for only here: a verbal trigger matched, in a
        // sentence that mentions enough actors (opt.parse_min_actors).
        const bool parsed =
            parse != nullptr && enough_actors && parse->Ensure(si);
        if (parsed) {
          // The parse's roles first; the rules above fill the ones it
          // leaves empty (no subject found, or a subject that names no
          // actor).
          const DepArgs d = FindDepArgs(v, *parse, mt);
          // The voice of a subject the parse found; with none, the rules'
          // reading stands unless the parse sees a passive auxiliary.
          passive = d.subj.found ? d.passive : passive || d.passive;
          if (d.subj.found) {
            subj = d.subj;
            conj = d.conj;
          }
          if (passive) {
            agent = d.agent;
          } else if (d.obj.found) {
            obj = d.obj;
          }
          auto same = [](const Actor& a, const Actor& b) {
            return a.found && b.found &&
                   ((a.mention >= 0 && a.mention == b.mention) ||
                    (a.entity >= 0 && a.entity == b.entity));
          };
          if (same(obj, subj)) obj = Actor();
        }
        if (passive) {
          tgt = subj;
          src = agent.found ? agent : FindAgent(v, mt.last + 1, se);
          if (src.found && obj.found && obj.mention == src.mention)
            obj = Actor();
        } else {
          src = subj;
          tgt = obj;
          conj_subject = subj;
          if (conj.found) {
            if (symmetric && !tgt.found) {
              tgt = subj;
              src = conj;
              mutual = true;
            } else if (!symmetric) {
              src = conj;
            }
          }
        }
        // A row that says where its actors stand ('$' / '+' slots) is
        // followed: a slot before the verb is its subject, one after it the
        // actor at that place ("+ freed from $": the freed subject is the
        // target, the one after "from" the source). An unmarked role is the
        // subject when the marked one comes after the verb, else the agent
        // or the object as usual.
        if (p.source_slot >= 0 || p.target_slot >= 0) {
          const int head_el = static_cast<int>(p.head);
          auto at_slot = [&](int slot, uint32_t at) {
            return slot <= head_el ? subj : FindObject(v, at, se, subj);
          };
          Actor s2, t2;
          if (p.source_slot >= 0) s2 = at_slot(p.source_slot, mt.source_at);
          if (p.target_slot >= 0) t2 = at_slot(p.target_slot, mt.target_at);
          if (p.source_slot < 0) {
            s2 =
                p.target_slot <= head_el ? FindAgent(v, mt.last + 1, se) : subj;
          }
          if (p.target_slot < 0) t2 = p.source_slot <= head_el ? obj : subj;
          src = s2;
          tgt = t2;
          conj_subject = src.found && src.mention == subj.mention &&
                                 src.entity == subj.entity
                             ? subj
                             : Actor();
          mutual = false;
        }
      }
      if (p.needs_target) {
        // The row wants a direct object: "welcomed Novak", not "welcomed a
        // resumption of ties with X".
        bool direct = tgt.entity >= 0 && tgt.mention >= 0 &&
                      v.m_first[tgt.mention] > mt.last &&
                      v.m_first[tgt.mention] <= mt.last + 3;
        for (uint32_t k = mt.last + 1; direct && k < v.m_first[tgt.mention];
             ++k) {
          direct = v.IsDeterminerLike(k) || v.IsPreposition(k);
        }
        if (!direct) continue;
      }
      if (src.entity < 0 && tgt.entity < 0)
        break;  // no actor: skip the trigger
      // Coordinated actors give one event per pair ("X and Y welcomed Z":
      // X->Z, Y->Z); a reciprocal verb codes both directions ("X and Y met":
      // X->Y, Y->X).
      std::vector<Actor> srcs, tgts;
      auto expand = [&](const Actor& a, std::vector<Actor>* list) {
        if (!a.found) return;
        if (a.mention < 0) {
          list->push_back(a);
          return;
        }
        for (int32_t m : Conjuncts(v, a.mention, sf, se)) {
          list->push_back(m == a.mention ? a : FromMention(v, m));
        }
      };
      // "X and Y renewed their ties / agreed with each other": with no
      // other target, coordinated subjects act on one another.
      if (!p.noun && !symmetric && !tgt.found && conj.found &&
          conj_subject.found) {
        mutual = reciprocal;
        for (uint32_t k = mt.first; k < se && k <= mt.last + 4; ++k) {
          std::string_view w = v.low[k];
          if (w == "their" || w == "each" || w == "another" || w == "ties" ||
              w == "relations" || w == "mutual" || w == "bilateral") {
            mutual = true;
            break;
          }
          if (k > mt.last && (IsClauseBreak(v, k) || v.low[k] == ",")) break;
        }
      }
      if (!p.noun && conj_subject.found && (!symmetric || mutual)) {
        expand(conj_subject, &srcs);
        // "X and the government of Y <verb>": X is a conjunct that the
        // name chain does not reach across the group phrase.
        bool has_conj = !conj.found;
        for (const Actor& a : srcs)
          has_conj = has_conj || a.entity == conj.entity;
        if (!has_conj) srcs.insert(srcs.begin(), conj);
      } else {
        expand(src, &srcs);
      }
      if (!mutual) expand(tgt, &tgts);
      // Source and target in one list ("between X and Y") are not two
      // groups of conjuncts: keep the pair as found.
      for (const Actor& a : srcs) {
        for (const Actor& b : tgts) {
          if (a.mention >= 0 && a.mention == b.mention) {
            srcs.assign(1, src);
            tgts.assign(tgt.found ? 1 : 0, tgt);
            break;
          }
        }
      }
      std::vector<std::pair<Actor, Actor>> pairs;
      if (mutual && srcs.size() < 2) {
        pairs.push_back({src, tgt});
      } else if (mutual || (symmetric && tgts.empty() && srcs.size() >= 2)) {
        for (const Actor& a : srcs)
          for (const Actor& b : srcs)
            if (a.entity != b.entity) pairs.push_back({a, b});
      } else {
        if (srcs.empty()) srcs.push_back(Actor());
        if (tgts.empty()) tgts.push_back(Actor());
        for (const Actor& a : srcs) {
          for (const Actor& b : tgts) {
            pairs.push_back({a, b});
            if (symmetric && a.entity >= 0 && b.entity >= 0 &&
                a.entity != b.entity)
              pairs.push_back({b, a});
          }
        }
      }
      ModalityResult mr = Classify(v, mt, p, sf, se, quotes, opt);
      for (auto& [ps, pt] : pairs) {
        if (out->size() >= opt.max_events) break;
        Actor src = ps, tgt = pt;
        if (src.entity < 0 && tgt.entity < 0) continue;
        if (src.entity >= 0 && src.entity == tgt.entity) tgt = Actor();
        Event e;
        e.type = p.type;
        e.code = p.code;
        e.quad_class = p.quad;
        e.goldstein = p.goldstein;
        e.source = src.entity;
        e.target = tgt.entity;
        e.evidence = s.span;
        e.trigger = {v.a->tokens[mt.first].begin, v.a->tokens[mt.last].end};
        e.location = FindPlace(v, mt, mt.head, sf, se, e.source, e.target);
        e.time = FindTime(v, s, e.trigger.begin);
        if (e.time >= 0 && ResolvedDate(v.a->times[e.time].value))
          e.date = v.a->times[e.time].value;
        e.modality = mr.modality;
        e.attributed_to = mr.attributed_to;
        if (e.modality == Modality::kPlanned && e.code.size() == 3 &&
            e.code[0] == '0' && e.code[1] == '4' && e.code != "041") {
          e.code = "036";
          e.quad_class = 1;
          e.goldstein = 4.0;
        }
        e.root_code = e.code.substr(0, std::min<size_t>(2, e.code.size()));
        // A paired row also codes the reverse event ("X arrived in Y": Y
        // hosts X, 043), with the same evidence and modality.
        const bool paired = !p.pair_code.empty() && e.source >= 0 &&
                            e.target >= 0 && out->size() + 1 < opt.max_events;
        Event reverse;
        if (paired) {
          reverse = e;
          std::swap(reverse.source, reverse.target);
          reverse.code = p.pair_code;
          // The reverse of a visit is the host's event ("Y hosts X"), in
          // type as in code: a reader of types (who travels where) must not
          // take it for a visit by Y.
          if (p.pair_code == "043") reverse.type = "host";
          if (e.code == "036" && p.pair_code.starts_with("04"))
            reverse.code = "036";
          reverse.quad_class = static_cast<uint8_t>(QuadOfCode(reverse.code));
          reverse.goldstein = GoldsteinOfRoot(reverse.code);
          reverse.root_code = reverse.code.substr(0, 2);
        }
        out->push_back(std::move(e));
        made.push_back({p.noun, mt.first, mt.last});
        if (paired) {
          out->push_back(std::move(reverse));
          made.push_back({p.noun, mt.first, mt.last});
        }
      }
      break;
    }
    if (consumed) {
      for (uint32_t k = consumed_match.first; k <= consumed_match.last; ++k)
        (*used)[k] = true;
      i = consumed_match.last;
    }
  }
  // "X and Y postponed their meeting": a nominal trigger heading the object
  // of a verbal one, between the same actors, is that event's object, not
  // an event of its own. ("condemned the sanctions imposed by Z" keeps both:
  // the sanctions have another source.)
  std::vector<bool> drop(made.size(), false);
  // "X clashed with Y during a visit to Z", "arrived in Y on his first
  // visit": a nominal trigger inside a circumstantial adjunct (time or
  // occasion) is the background of the clause's verbal event, not a second
  // event reported by the sentence. Without a verbal event it is kept.
  // A verb form after a determiner ("their meeting") is a noun here too.
  auto is_nominal = [&](const Made& md) {
    return md.noun || (md.first > 0 && v.IsDeterminerLike(md.first - 1));
  };
  std::vector<bool> circumstance(made.size(), false);
  bool any_verbal = false;
  for (size_t n = 0; n < made.size(); ++n) {
    circumstance[n] = InCircumstantialPp(v, made[n].first, s.first_token);
    any_verbal = any_verbal || (!circumstance[n] && !is_nominal(made[n]));
  }
  for (size_t n = 0; n < made.size() && any_verbal; ++n) {
    if (circumstance[n]) drop[n] = true;
  }
  // One event per trigger, code and actor pair: coordination and reciprocal
  // rows can reach the same pair twice.
  for (size_t n = 0; n < made.size(); ++n) {
    const Event& en = (*out)[first_event + n];
    for (size_t k = 0; k < n && !drop[n]; ++k) {
      const Event& ek = (*out)[first_event + k];
      if (!drop[k] && ek.trigger.begin == en.trigger.begin &&
          ek.trigger.end == en.trigger.end && ek.code == en.code &&
          ek.source == en.source && ek.target == en.target) {
        drop[n] = true;
      }
    }
  }
  for (size_t n = 0; n < made.size(); ++n) {
    if (!is_nominal(made[n])) continue;
    const Event& en = (*out)[first_event + n];
    for (size_t k = 0; k < made.size() && !drop[n]; ++k) {
      if (made[k].noun || made[k].last >= made[n].first ||
          made[n].first > made[k].last + 4)
        continue;
      bool object = true;
      for (uint32_t j = made[k].last + 1; j < made[n].first; ++j)
        object = object && v.IsDeterminerLike(j);
      const Event& ev = (*out)[first_event + k];
      auto in = [&](int32_t x) {
        return x < 0 || x == ev.source || x == ev.target;
      };
      if (object && in(en.source) && in(en.target)) drop[n] = true;
    }
  }
  size_t w = first_event;
  for (size_t n = 0; n < made.size(); ++n) {
    if (drop[n]) continue;
    if (w != first_event + n) (*out)[w] = std::move((*out)[first_event + n]);
    ++w;
  }
  out->resize(w);
}

}  // namespace

void CodeEvents(const DocView& view, const std::vector<Quote>& quotes,
                const CoderOptions& options, LazyParse* parse,
                std::vector<Event>* out) {
  std::vector<bool> used(view.size(), false);
  for (uint32_t si = 0; si < view.sentences.size(); ++si) {
    CodeSentence(view, si, quotes, options, parse, &used, out);
  }
}

}  // namespace synoptic::events::internal
