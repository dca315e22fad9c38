// POS tagging. With a trained model (pos_model.h) loaded, it tags every
// sentence but headlines. The rules below tag headlines, and everything when
// no model is loaded: lexicon, then capitalisation, then suffix rules, then
// two contextual repairs.
//
// Capitalisation only means "name" where it is not forced: at the start of a
// sentence and in Title Case / ALL CAPS headlines a capitalised word is a
// name only if the lexicon and the suffix rules know nothing about it.
#include <vector>

#include "synoptic/nlp/internal/nlp_internal.h"
#include "synoptic/nlp/pos_model.h"

namespace synoptic::nlp::internal {
namespace {

bool EndsWith(std::string_view w, std::string_view suf) {
  return w.size() > suf.size() + 1 &&
         w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
}

// Suffix guess for an unknown lowercase word; kX when nothing matches.
Pos SuffixGuess(std::string_view w) {
  if (EndsWith(w, "ly")) return Pos::kAdv;
  if (EndsWith(w, "ing") || EndsWith(w, "ed")) return Pos::kVerb;
  if (EndsWith(w, "ize") || EndsWith(w, "ise") || EndsWith(w, "ized") ||
      EndsWith(w, "ify")) {
    return Pos::kVerb;
  }
  for (std::string_view s :
       {"tion",  "tions", "sion", "sions", "ment", "ments", "ness",  "ity",
        "ities", "ism",   "ship", "ance",  "ence", "ances", "ences", "ers",
        "ors",   "ists",  "age",  "ure",   "ures", "ies",   "cy"}) {
    if (EndsWith(w, s)) return Pos::kNoun;
  }
  for (std::string_view s : {"ous", "ful", "ive", "able", "ible", "al", "ic",
                             "less", "ary", "ant", "ent", "ical"}) {
    if (EndsWith(w, s)) return Pos::kAdj;
  }
  if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") &&
      !EndsWith(w, "is")) {
    return Pos::kNoun;
  }
  return Pos::kX;
}

bool IsClosedClass(Pos p) {
  return p == Pos::kDet || p == Pos::kAdp || p == Pos::kPron ||
         p == Pos::kCconj || p == Pos::kSconj || p == Pos::kPart;
}

bool IsSymbol(std::string_view t) {
  return t == "$" || t == "%" || t == "&" || t == "+" || t == "=" || t == "<" ||
         t == ">" || t == "#" || t == "@" || t == "|" || t == "~" || t == "^" ||
         t == "\xE2\x82\xAC" /* € */ || t == "\xC2\xA3" /* £ */ ||
         t == "\xC2\xA5" /* ¥ */;
}

}  // namespace

bool IsHeadlineSentence(const NlpModel& model, const DocAnalysis& a,
                        const Sentence& s) {
  // Evidence comes from words whose case is informative: known common words
  // (lexicon or a clear suffix) after the first word. Short function words
  // stay lowercase in Title Case ("of", "the") and say nothing.
  const std::string_view text = a.doc.text;
  char buf[64];
  int words = 0;
  int all_caps = 0;
  int common = 0;
  int common_caps = 0;
  bool first = true;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = a.tokens[i];
    if (t.flags & (kTokPunct | kTokDigit)) continue;
    ++words;
    if (t.flags & kTokAllCaps) ++all_caps;
    if (first) {
      first = false;
      continue;
    }
    std::string_view lw =
        LowerInto(text.substr(t.begin, t.end - t.begin), buf, sizeof(buf));
    if (lw.empty()) continue;
    const LexEntry* e = model.Find(lw);
    const bool cap = (t.flags & kTokCapitalized) != 0;
    bool known = false;
    if (e != nullptr && e->has_pos) {
      if (e->pos == Pos::kPropn || e->pos == Pos::kX) continue;
      if (IsClosedClass(e->pos) && lw.size() <= 4 && !cap) continue;
      known = true;
    } else {
      const Pos g = SuffixGuess(lw);
      known = g == Pos::kVerb || g == Pos::kAdv || g == Pos::kNoun;
    }
    if (!known) continue;
    ++common;
    if (cap) ++common_caps;
  }
  if (words >= 3 && all_caps * 10 >= words * 6) return true;
  return common >= 3 && common_caps * 4 >= common * 3;
}

void TagPos(const NlpModel& model, DocAnalysis* a) {
  const std::string_view text = a->doc.text;
  char buf[64];
  // Buffers for the trained tagger, reused across sentences.
  std::vector<std::string_view> words;
  std::vector<Pos> tags;
  for (const Sentence& s : a->sentences) {
    const bool headline = IsHeadlineSentence(model, *a, s);
    if (model.pos_model() != nullptr && !headline) {
      words.clear();
      for (uint32_t i = s.first_token; i < s.end_token; ++i) {
        const Token& t = a->tokens[i];
        words.push_back(text.substr(t.begin, t.end - t.begin));
      }
      tags.assign(words.size(), Pos::kX);
      TagWords(*model.pos_model(), words, tags);
      for (uint32_t i = s.first_token; i < s.end_token; ++i) {
        a->tokens[i].pos = tags[i - s.first_token];
      }
      continue;
    }
    bool seen_word = false;
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      Token& t = a->tokens[i];
      const std::string_view w = text.substr(t.begin, t.end - t.begin);
      if (t.flags & kTokPunct) {
        t.pos = IsSymbol(w) ? Pos::kSym : Pos::kPunct;
        continue;
      }
      const bool strict = headline || !seen_word;
      seen_word = true;
      if (t.flags & kTokDigit) {
        t.pos = Pos::kNum;
        continue;
      }
      if (w[0] == '\'' || w.substr(0, 3) == "\xE2\x80\x99") {
        // A clitic split off by the tokenizer: "'s" possessive, else "'re".
        const char last = w.back();
        t.pos = (last == 's' || last == 'S') ? Pos::kPart : Pos::kAux;
        continue;
      }
      std::string_view lw = LowerInto(w, buf, sizeof(buf));
      const LexEntry* e = lw.empty() ? nullptr : model.Find(lw);
      const bool cap = (t.flags & kTokCapitalized) != 0;
      if (cap && (t.flags & kTokAllCaps) && !headline &&
          (e == nullptr || !e->has_pos || !IsClosedClass(e->pos) ||
           lw.size() <= 3)) {
        t.pos = Pos::kPropn;  // acronym: "NATO", "US", "U.N."
        continue;
      }
      if (cap && !strict) {
        t.pos = (e != nullptr && e->has_pos && IsClosedClass(e->pos))
                    ? e->pos
                    : Pos::kPropn;
        continue;
      }
      if (e != nullptr && e->has_pos) {
        t.pos = e->pos;
        continue;
      }
      Pos g = SuffixGuess(lw);
      if (cap) {
        // Sentence-initial or headline: a name unless a strong suffix says
        // otherwise ("Firstly", "Analysts", "Growing").
        t.pos = g == Pos::kX || g == Pos::kAdj ? Pos::kPropn : g;
      } else {
        t.pos = g == Pos::kX ? Pos::kNoun : g;
      }
    }
    // Contextual repairs: a determiner or adjective is followed by a noun
    // phrase, so "the meeting" is a NOUN and "the isolated states" an ADJ.
    for (uint32_t i = s.first_token + 1; i < s.end_token; ++i) {
      Token& t = a->tokens[i];
      const Pos prev = a->tokens[i - 1].pos;
      if (t.pos != Pos::kVerb || (prev != Pos::kDet && prev != Pos::kAdj)) {
        continue;
      }
      const std::string_view w = text.substr(t.begin, t.end - t.begin);
      if (EndsWith(w, "ing"))
        t.pos = Pos::kNoun;
      else if (EndsWith(w, "ed"))
        t.pos = Pos::kAdj;
    }
  }
}

void TagWordsWithRules(const NlpModel& model, std::span<const std::string_view> words,
                       std::span<Pos> out) {
  DocAnalysis a;
  for (std::string_view w : words) {
    if (!a.doc.text.empty()) a.doc.text += ' ';
    Token t;
    t.begin = static_cast<uint32_t>(a.doc.text.size());
    a.doc.text += w;
    t.end = static_cast<uint32_t>(a.doc.text.size());
    // The tokenizer's flags, for ASCII letters and digits.
    bool alnum = false;
    int letters = 0, upper = 0;
    for (const char c : w) {
      const bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
      const bool digit = c >= '0' && c <= '9';
      if (up || low) {
        ++letters;
        upper += up;
      }
      alnum = alnum || up || low || digit || static_cast<unsigned char>(c) >= 0x80;
    }
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') t.flags |= kTokCapitalized;
    if (!w.empty() && w[0] >= '0' && w[0] <= '9') t.flags |= kTokDigit;
    if (letters >= 2 && upper == letters) t.flags |= kTokAllCaps;
    if (!alnum) {
      t.flags |= kTokPunct;
      if (w == "\"" || w == "'" || w == "``" || w == "''") t.flags |= kTokQuote;
    }
    a.tokens.push_back(t);
  }
  if (a.tokens.empty()) return;
  a.tokens[0].flags |= kTokSentenceStart;
  Sentence s;
  s.span = {0, static_cast<uint32_t>(a.doc.text.size())};
  s.first_token = 0;
  s.end_token = static_cast<uint32_t>(a.tokens.size());
  a.sentences.push_back(s);
  TagPos(model, &a);
  for (size_t i = 0; i < words.size() && i < out.size(); ++i) out[i] = a.tokens[i].pos;
}

}  // namespace synoptic::nlp::internal
