// Quote finding.
//
// Direct quotes are found on the text itself, paragraph by paragraph, with a
// small state machine over code points: an opening mark (" “ „ « ‘ 「 『,
// and the typewriter pairs `` and '') starts a quote that its own family of
// closing marks ends. The straight double quote opens only at a word start, the
// single curly quote only when it is followed by a letter and closed by a ’
// that is not followed by a letter (so "Putin’s" stays an apostrophe). A quote
// left open at the end of a paragraph continues when the next paragraph opens
// with a mark of the same family (the newspaper convention for multi-paragraph
// quotes); an unclosed curly quote otherwise ends with its paragraph. Short
// quoted text (scare quotes) is kept only when a speech cue stands right next
// to it.
//
// The speaker comes from the cue next to the marks: after the close
// (", he said", ", said Goldberg", "X told reporters") or before the open
// ("X said: “"), in the same paragraph, or from a previous paragraph ending
// with "said:". A bare quote that names no speaker continues the attributed
// quote before it: farther on in the same paragraph, or in a paragraph that
// is only that quote a few paragraphs on, when no other person is named in
// between. Pronouns resolve to the last PERSON named before the quote,
// role nouns ("the ambassador") to the last person introduced with that role.
//
// Indirect quotes are read from tokens: "X said (that) CLAUSE", "X told Y
// (that) CLAUSE", "X warned/insisted/... that CLAUSE", "X believes that
// CLAUSE", "CLAUSE, X said.", "CLAUSE, X said, CLAUSE", "According to X,
// CLAUSE", "CLAUSE, according to X" and a poll with "in" ("In a new poll,
// CLAUSE"), "Name: CLAUSE" opening a paragraph (a headline or transcript
// label). "A, X said, B" gives B as a continuation of A. Reported speech
// holding a short quotation ("called it a “disaster”") is kept whole as a
// mixed quote. Each quote can also report where its speaker phrase and cue
// stand (QuoteFrame).
#include "synoptic/events/internal/quotes.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <span>

#include "synoptic/core/utf8.h"
#include "synoptic/events/internal/cue_model.h"
#include "synoptic/events/internal/dep_view.h"

namespace synoptic::events::internal {
namespace {

enum class Family : uint8_t {
  kTwoApostrophes,  // ''quote'' and ``quote'' (typewriter and PTB style)
  kStraight,
  kCurly,
  kLow,
  kGuillemet,
  kSingle,
  kCorner,
  kWhiteCorner
};

// Two-character marks read as one code point from the private use area.
constexpr char32_t kTwoApos = 0xE000;   // ''
constexpr char32_t kTwoTicks = 0xE001;  // ``

// Reads one code point, folding '' and `` into one mark.
char32_t ReadMark(std::string_view text, size_t* pos, size_t end) {
  char32_t c = utf8::Next(text, pos);
  if ((c == '\'' || c == '`') && *pos < end &&
      text[*pos] == static_cast<char>(c)) {
    ++*pos;
    return c == '\'' ? kTwoApos : kTwoTicks;
  }
  return c;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         c == 0x2009 || c == 0x202F;
}
bool IsLetterOrDigit(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') ||
         (c >= 0xC0 && c != 0xD7 && c != 0xF7 &&
          !(c >= 0x2000 && c <= 0x206F) && !(c >= 0x3000 && c <= 0x303F));
}
bool IsOpenContext(char32_t prev) {
  return prev == 0 || IsSpace(prev) || prev == '(' || prev == '[' ||
         prev == '{' || prev == 0x2014 || prev == 0x2013 || prev == '-' ||
         prev == ':';
}

// Returns true and sets *f when c opens a quote here.
bool Opens(char32_t c, char32_t prev, char32_t next, Family* f) {
  switch (c) {
    case kTwoApos:
      if (!IsOpenContext(prev) || next == 0 || IsSpace(next)) return false;
      *f = Family::kTwoApostrophes;
      return true;
    case kTwoTicks:
      *f = Family::kTwoApostrophes;
      return next != 0 && !IsSpace(next);
    case '"':
      if (!IsOpenContext(prev) || next == 0 || IsSpace(next)) return false;
      *f = Family::kStraight;
      return true;
    case 0x201C:
      *f = Family::kCurly;
      return next != 0 && !IsSpace(next);
    case 0x201E:
      *f = Family::kLow;
      return true;
    case 0x00AB:
      *f = Family::kGuillemet;
      return true;
    case 0x2018:
      if (!IsOpenContext(prev) || !IsLetterOrDigit(next)) return false;
      if (next >= '0' && next <= '9') return false;  // ‘90s
      *f = Family::kSingle;
      return true;
    case 0x300C:
      *f = Family::kCorner;
      return true;
    case 0x300E:
      *f = Family::kWhiteCorner;
      return true;
    default:
      return false;
  }
}

// Typed text mixes the marks: a straight quote may end with a right curly
// mark, and a curly one with a straight mark or a mistyped left curly mark
// that ends a word ("crumbling,\"", "unusual,“ said").
bool Closes(Family f, char32_t prev, char32_t c, char32_t next) {
  switch (f) {
    case Family::kTwoApostrophes:
      return c == kTwoApos;
    case Family::kStraight:
      return c == '"' || c == 0x201D;
    case Family::kCurly:
      return c == 0x201D || ((c == '"' || c == 0x201C) && prev != 0 &&
                             !IsSpace(prev) && !IsLetterOrDigit(next));
    case Family::kLow:
      return c == 0x201C || c == 0x201D;
    case Family::kGuillemet:
      return c == 0x00BB;
    case Family::kSingle:
      return c == 0x2019 && !IsLetterOrDigit(next);
    case Family::kCorner:
      return c == 0x300D;
    case Family::kWhiteCorner:
      return c == 0x300F;
  }
  return false;
}

char32_t PeekAt(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return 0;
  return utf8::Next(text, &pos);
}

uint32_t CountWords(std::string_view s) {
  uint32_t words = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!sp && !in) ++words;
    in = !sp;
  }
  return words;
}

ByteSpan TrimSpan(std::string_view text, ByteSpan s) {
  while (s.begin < s.end && (text[s.begin] == ' ' || text[s.begin] == '\n' ||
                             text[s.begin] == '\t' || text[s.begin] == '\r')) {
    ++s.begin;
  }
  while (s.end > s.begin &&
         (text[s.end - 1] == ' ' || text[s.end - 1] == '\n' ||
          text[s.end - 1] == '\t' || text[s.end - 1] == '\r')) {
    --s.end;
  }
  return s;
}

struct RawQuote {
  ByteSpan outer;                    // including the marks
  ByteSpan content;                  // inside the marks
  uint32_t first_paragraph_end = 0;  // end of the quote's first paragraph
};

std::vector<ByteSpan> Paragraphs(const Document& doc) {
  std::vector<ByteSpan> out;
  if (!doc.paragraphs.empty()) {
    for (ByteSpan p : doc.paragraphs) {
      p.end = std::min<uint32_t>(p.end, static_cast<uint32_t>(doc.text.size()));
      if (p.begin < p.end) out.push_back(p);
    }
    return out;
  }
  const std::string& t = doc.text;
  size_t start = 0;
  while (start < t.size()) {
    size_t p = t.find("\n\n", start);
    size_t end = p == std::string::npos ? t.size() : p;
    if (end > start)
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    if (p == std::string::npos) break;
    start = p + 2;
  }
  return out;
}

std::vector<RawQuote> ScanDirect(const Document& doc, const QuoteOptions& opt) {
  std::vector<RawQuote> out;
  const std::string_view text = doc.text;
  std::vector<ByteSpan> paras = Paragraphs(doc);
  bool in = false;
  Family fam = Family::kStraight;
  RawQuote cur;
  uint32_t paras_in_quote = 0;
  for (size_t pi = 0; pi < paras.size() && out.size() < opt.max_quotes; ++pi) {
    const ByteSpan p = paras[pi];
    size_t pos = p.begin;
    char32_t prev = 0;
    if (in) {
      // A continued quote: skip leading space and the re-opening mark.
      while (pos < p.end && IsSpace(PeekAt(text, pos, p.end)))
        utf8::Next(text, &pos);
      ReadMark(text, &pos, p.end);
    }
    while (pos < p.end) {
      size_t at = pos;
      char32_t c = ReadMark(text, &pos, p.end);
      char32_t next = PeekAt(text, pos, p.end);
      if (!in) {
        Family f;
        if (Opens(c, prev, next, &f)) {
          in = true;
          fam = f;
          cur = RawQuote();
          cur.outer.begin = static_cast<uint32_t>(at);
          cur.content.begin = static_cast<uint32_t>(pos);
          cur.first_paragraph_end = p.end;
          paras_in_quote = 1;
        }
      } else if (Closes(fam, prev, c, next)) {
        // ''... 'old-school,''': the inner single quote closes first.
        if (c == kTwoApos && next == '\'') {
          ++at;
          ++pos;
        }
        cur.content.end = static_cast<uint32_t>(at);
        cur.outer.end = static_cast<uint32_t>(pos);
        out.push_back(cur);
        in = false;
      }
      prev = c;
    }
    if (!in) continue;
    // Open at the end of the paragraph: continued by the next one?
    bool continued = false;
    if (pi + 1 < paras.size() && paras_in_quote < opt.max_paragraphs) {
      size_t q = paras[pi + 1].begin;
      while (q < paras[pi + 1].end &&
             IsSpace(PeekAt(text, q, paras[pi + 1].end))) {
        utf8::Next(text, &q);
      }
      size_t q2 = q;
      char32_t c =
          q < paras[pi + 1].end ? ReadMark(text, &q2, paras[pi + 1].end) : 0;
      Family f;
      if (Opens(c, 0, PeekAt(text, q2, paras[pi + 1].end), &f) && f == fam)
        continued = true;
    }
    if (continued) {
      ++paras_in_quote;
      continue;
    }
    in = false;
    if (fam != Family::kStraight) {
      cur.content.end = p.end;
      cur.outer.end = p.end;
      if (CountWords(text.substr(cur.content.begin,
                                 cur.content.end - cur.content.begin)) >= 3) {
        out.push_back(cur);
      }
    }
  }
  return out;
}

// First token whose begin is >= byte.
uint32_t FirstTokenFrom(const DocView& v, uint32_t byte) {
  const auto& toks = v.a->tokens;
  auto it =
      std::lower_bound(toks.begin(), toks.end(), byte,
                       [](const Token& t, uint32_t b) { return t.begin < b; });
  return static_cast<uint32_t>(it - toks.begin());
}

bool IsSpeechVerb(const DocView& v, uint32_t i) {
  if (!v.lex->IsCue(CueKind::kSpeech, v.lem[i])) return false;
  if (v.tok_mention[i] >= 0) return false;
  Pos p = v.pos(i);
  return p == Pos::kVerb || p == Pos::kAux || p == Pos::kX;
}

bool IsAdverbLike(const DocView& v, uint32_t i) {
  return v.pos(i) == Pos::kAdv && v.low[i] != "then";
}

bool IsTerminal(const DocView& v, uint32_t i) {
  return v.low[i] == "." || v.low[i] == "!" || v.low[i] == "?";
}

// The time expression covering token k, or null.
const Timex* TimexAt(const DocView& v, uint32_t k) {
  const uint32_t b = v.a->tokens[k].begin;
  for (const Timex& t : v.a->times)
    if (t.span.begin <= b && b < t.span.end) return &t;
  return nullptr;
}

// The first token from k (before `end`) outside the time expressions that
// follow one another from k ("said Tuesday night", "on Friday"); k itself
// when none covers it.
uint32_t SkipTimes(const DocView& v, uint32_t k, uint32_t end) {
  while (k < end) {
    const Timex* t = TimexAt(v, k);
    if (t == nullptr) break;
    while (k < end && v.a->tokens[k].begin < t->span.end) ++k;
  }
  return k;
}

// A period of an abbreviation split off as a token ("R-Ky., said", "(D-Ore.)
// said") does not end the sentence.
bool EndsSentence(const DocView& v, uint32_t i) {
  if (!IsTerminal(v, i)) return false;
  if (v.low[i] != "." || i + 1 >= v.size()) return true;
  return v.low[i + 1] != "," && v.low[i + 1] != ")";
}

// A quote mark token, but not the apostrophe of a possessive glued to its
// word ("Sanders’ campaign manager").
bool IsQuoteBreak(const DocView& v, uint32_t i) {
  if (!v.IsQuoteMark(i)) return false;
  if (v.low[i] != "'" || i == 0) return true;
  return v.a->tokens[i].begin != v.a->tokens[i - 1].end ||
         !v.low[i - 1].ends_with('s');
}

// Fixes a pronoun or role speaker found after the quote so that it refers
// to someone named before the quote, not inside it.
void Rebind(const DocView& v, uint32_t quote_first_tok, Speaker* s) {
  if (!s->found || s->first != s->last) return;
  uint32_t i = s->first;
  if (v.tok_mention[i] >= 0 && v.a->mentions[v.tok_mention[i]].entity >= 0)
    return;
  if (v.low[i] == "he" || v.low[i] == "she") {
    s->entity = v.PronounAntecedent(quote_first_tok);
  }
}

struct Found {
  Speaker speaker;
  std::string cue;
  uint32_t cue_first = 0, cue_last = 0;  // token range of the cue
  bool adjacent = false;                 // the cue touches the marks
};

// Byte spans of a speaker phrase and a cue given as token ranges; empty when
// there is no speaker.
QuoteFrame FrameOf(const DocView& v, const Speaker& s, uint32_t cue_first,
                   uint32_t cue_last) {
  QuoteFrame f;
  const uint32_t n = v.size();
  if (s.found && s.first <= s.last && s.last < n) {
    // The speaker's whole noun phrase: titles and modifiers before the name
    // ("Former Florida Gov. Jeb Bush", "the company's chief").
    uint32_t first = s.first;
    const uint32_t floor = v.sentences[v.tok_sentence[s.first]].first_token;
    while (first > floor && first + 6 > s.first) {
      const uint32_t k = first - 1;
      const Pos p = v.pos(k);
      const bool part = (v.IsDeterminerLike(k) || p == Pos::kPropn ||
                         p == Pos::kNoun || p == Pos::kAdj || p == Pos::kNum ||
                         v.tok_mention[k] >= 0 || v.low[k] == "'s") &&
                        !v.IsPunct(k) && p != Pos::kVerb && p != Pos::kAux;
      if (!part) break;
      // "that" before a name opens a clause ("noted that Moody had ..."):
      // a complementizer, not the name's determiner.
      if (v.low[k] == "that") {
        const char next = v.a->doc.text[v.a->tokens[k + 1].begin];
        if (v.pos(k + 1) == Pos::kPropn || v.tok_mention[k + 1] >= 0 ||
            (next >= 'A' && next <= 'Z'))
          break;
      }
      first = k;
    }
    f.source = {v.a->tokens[first].begin, v.a->tokens[s.last].end};
  }
  if (cue_first <= cue_last && cue_last < n) {
    f.cue = {v.a->tokens[cue_first].begin, v.a->tokens[cue_last].end};
  }
  return f;
}

bool ParticipleSubject(const DocView& v, uint32_t g, uint32_t sf,
                       uint32_t* src_b, uint32_t* src_e);
bool CoordinatedSubject(const DocView& v, uint32_t g, uint32_t sf,
                        const std::vector<ByteSpan>& direct, uint32_t* b,
                        uint32_t* e);
bool SourceBefore(const DocView& v, uint32_t g, uint32_t floor, uint32_t* b,
                  uint32_t* e);

// The speaker of a speech verb k far after a quote's close when the phrase
// right after the close is its subject, set off by an apposition or a
// parenthesis: "...,” Jeff Weaver, Sanders’ campaign manager, said",
// "...,” Rep. Earl Blumenauer (D-Ore.) said". `after` is the first token
// after the close.
Speaker ApposedSpeaker(const DocView& v, uint32_t after, uint32_t k) {
  Speaker none;
  uint32_t b = after;
  while (b < k && v.IsPunct(b)) ++b;
  // (The sentence splitter may cut at "R-Ky.": the subject's own sentence.)
  const uint32_t sf = v.sentences[v.tok_sentence[b]].first_token;
  const uint32_t se = v.sentences[v.tok_sentence[b]].end_token;
  // The subject ends right before the first comma or parenthesis.
  uint32_t p = b;
  while (p < k && p < b + 8 && v.low[p] != "," && v.low[p] != "(") ++p;
  if (p == b || p >= k || (v.low[p] != "," && v.low[p] != "(")) return none;
  Speaker s = v.SpeakerAt(p - 1, sf, se);
  if (!s.found || s.first < b || s.last + 1 != p) return none;
  const std::string_view open = v.low[s.last + 1];
  if (open != "," && open != "(") return none;
  uint32_t c = k;
  while (c > s.last + 1 && IsAdverbLike(v, c - 1)) --c;
  const std::string_view close = v.low[c - 1];
  if (close != "," && close != ")") return none;
  for (uint32_t j = s.last + 1; j < c; ++j) {
    if (IsQuoteBreak(v, j) || EndsSentence(v, j)) return none;
  }
  return s;
}

// The first token from k (before `end`) past adverbs and time expressions;
// with `on`, also past an "on" that opens a time ("on Tuesday").
uint32_t SkipAdverbsAndTimes(const DocView& v, uint32_t k, uint32_t end,
                             bool on) {
  for (;;) {
    if (k < end && IsAdverbLike(v, k)) {
      ++k;
      continue;
    }
    const uint32_t at = on && k + 1 < end && v.low[k] == "on" ? k + 1 : k;
    const uint32_t t = SkipTimes(v, at, end);
    if (t == at) return k;
    k = t;
  }
}

// True when the speech verb at k is followed by words of its own (a
// complement), not by the end of its clause: adverbs and a time right after
// it do not count ("he said Tuesday.").
bool HasComplement(const DocView& v, uint32_t k) {
  const uint32_t se = v.sentences[v.tok_sentence[k]].end_token;
  const uint32_t j = SkipAdverbsAndTimes(v, k + 1, se, false);
  return j < se && !v.IsPunct(j) && !v.IsQuoteMark(j) && !v.IsPreposition(j);
}

Found SpeakerForQuote(const DocView& v, const RawQuote& q, ByteSpan para,
                      ByteSpan prev_para, uint32_t close_para_end) {
  Found f;
  const uint32_t n = v.size();
  if (n == 0) return f;
  const uint32_t open_tok = std::min(v.TokenAtOrAfter(q.outer.begin), n);
  const uint32_t after = FirstTokenFrom(v, q.outer.end);
  // 1. After the close, in the same paragraph: ", he said", "said X". A verb
  // farther on counts when its subject starts at the close: "...,” Jeff
  // Weaver, Sanders’ campaign manager, said", "...,” Rep. Earl Blumenauer
  // (D-Ore.) said".
  constexpr uint32_t kNearVerb = 6, kFarVerb = 30;
  bool ends_sentence = false;
  {
    uint32_t e = q.content.end;
    while (e > q.content.begin &&
           (v.a->doc.text[e - 1] == ' ' || v.a->doc.text[e - 1] == '\n'))
      --e;
    const char last = e > q.content.begin ? v.a->doc.text[e - 1] : 0;
    ends_sentence = last == '.' || last == '!' || last == '?';
  }
  for (uint32_t k = after; k < n && k < after + kFarVerb; ++k) {
    if (v.a->tokens[k].begin >= close_para_end) break;
    if (IsQuoteBreak(v, k)) break;
    if (IsSpeechVerb(v, k)) {
      Speaker s = v.SpeakerOf(k, true);
      // An inverted speaker ("..., said X") stands right after a verb that
      // follows the close; "and said it was ..." starts a clause of its own.
      bool inverted_ok = true;
      if (s.found && s.first > k) {
        for (uint32_t j = after; j < k && inverted_ok; ++j)
          inverted_ok = v.IsPunct(j) || IsAdverbLike(v, j);
        inverted_ok = inverted_ok && v.low[s.first] != "it" &&
                      v.low[s.first] != "there" && v.low[s.first] != "that";
        // "..., saying the city embodied ...": a subject with its own verb
        // opens a reported clause; it is not an inverted speaker.
        const uint32_t nx = s.last + 1;
        inverted_ok =
            inverted_ok &&
            !(nx < n && (v.pos(nx) == Pos::kVerb || v.pos(nx) == Pos::kAux));
      }
      if (k >= after + kNearVerb) s = ApposedSpeaker(v, after, k);
      // "...my heart.” He said he recognizes ...": after a quote that ends
      // its own sentence, a verb with a complement of its own opens a new
      // attribution; it is not this quote's frame.
      if (s.found && s.first < k && ends_sentence && HasComplement(v, k)) break;
      if (s.found && s.first >= after && inverted_ok) {
        Rebind(v, open_tok, &s);
        f.speaker = std::move(s);
        f.cue = std::string(v.low[k]);
        f.cue_first = f.cue_last = k;
        f.adjacent = k <= after + 3;
        return f;
      }
    }
    if (EndsSentence(v, k)) break;
  }
  // 2. Before the open, in the same paragraph: "X said: “", "according to X,
  // “".
  auto search_back = [&](uint32_t from, uint32_t floor_byte,
                         uint32_t max) -> bool {
    for (uint32_t k = from, steps = 0; k-- > 0 && steps < max; ++steps) {
      if (v.a->tokens[k].begin < floor_byte) break;
      if (v.IsQuoteMark(k) && k + 1 != from) break;
      if (IsTerminal(v, k) && steps > 0) break;
      if (v.low[k] == "according" && k + 2 < from && v.low[k + 1] == "to") {
        Speaker s =
            v.SpeakerAt(k + 2, v.sentences[v.tok_sentence[k]].first_token,
                        v.sentences[v.tok_sentence[k]].end_token);
        uint32_t e = k + 2;
        if (v.tok_mention[e] >= 0)
          s = v.SpeakerAt(v.m_last[v.tok_mention[e]], 0, n);
        if (s.found) {
          f.speaker = std::move(s);
          f.cue = "according to";
          f.cue_first = k;
          f.cue_last = k + 1;
          f.adjacent = steps < 8;
          return true;
        }
      }
      if (IsSpeechVerb(v, k)) {
        Speaker s = v.SpeakerOf(k, true);
        // "X defended the plan, saying, “...”": the clause's subject.
        uint32_t pb = 0, pe = 0;
        const uint32_t sf = v.sentences[v.tok_sentence[k]].first_token;
        // The speaker whose phrase is tokens [pb, pe]: the entity ending
        // there, or the phrase's text when none starts inside it.
        const auto subject_speaker = [&] {
          Speaker sp = v.SpeakerAt(pe, sf, v.sentences[v.tok_sentence[k]].end_token);
          if (!sp.found || sp.first < pb) {
            sp = Speaker{};
            sp.found = true;
            sp.text = std::string(v.Text(pb, pe));
          }
          sp.first = pb;
          sp.last = pe;
          return sp;
        };
        if (!s.found && v.low[k].ends_with("ing") &&
            ParticipleSubject(v, k, sf, &pb, &pe)) {
          s = subject_speaker();
        }
        // "X thanked them and said, “...”": the first conjunct's subject.
        uint32_t g = k;
        while (g > sf && IsAdverbLike(v, g - 1)) --g;
        if (!s.found && CoordinatedSubject(v, g, sf, {}, &pb, &pe)) {
          s = subject_speaker();
        }
        // "saying it is time to have a “...”": a subject after the verb
        // opens the reported clause the quote stands in (a mixed quote,
        // left to the indirect frames); only a speaker right before the
        // open is inverted ("said Smith: “").
        if (s.found && s.first > k) {
          bool adjacent = true;
          for (uint32_t j = s.last + 1; j < from && adjacent; ++j)
            adjacent = v.IsPunct(j) && !IsTerminal(v, j);
          if (!adjacent) return false;
        }
        if (s.found && s.last < from) {
          f.speaker = std::move(s);
          f.cue = std::string(v.low[k]);
          f.cue_first = f.cue_last = k;
          f.adjacent = steps <= 4;
          return true;
        }
      }
    }
    return false;
  };
  if (open_tok > 0 && search_back(open_tok, para.begin, 10)) return f;
  // 3. The previous paragraph ends with "... said:".
  if (prev_para.end > prev_para.begin && q.outer.begin <= para.begin + 4) {
    uint32_t last = FirstTokenFrom(v, prev_para.end);
    if (last > 0 && v.low[last - 1] == ":" &&
        search_back(last - 1, prev_para.begin, 12)) {
      return f;
    }
  }
  return f;
}

// ---------------------------------------------------------------------------
// Attributions beyond speech: PolNeAR's sense of attribution covers beliefs,
// intentions, stances and findings ("X wants to ...", "X criticized Y", "the
// poll shows ..."), each with a subject as its source. The verbs below are
// the common English attribution verbs of news text; each is matched in any
// inflection. The frame is read from the surface: the source is the noun
// phrase ending right before the verb group (with an identifying apposition,
// or a relative pronoun alone, as the annotation guidelines ask), the cue is
// the verb group (auxiliaries, negation, adverbs and a particle such as
// "for" or "about"), and the content is the rest of the clause; a verb at
// the end of its clause ("..., X believes.") takes the clause before it.
// A verb after "and" takes the subject of the verb it is coordinated with
// ("X thanked Y and said Z"), and a content stops before such a verb.
// PolNeAR also annotates attributions with no source: passives ("is
// expected to", "was asked whether") and the author's evidentials ("seems
// to"); and nouns of statement or stance ("his criticism of X", "In her
// view, ..."), whose possessor is the source.

// Sorted (checked below) base forms.
constexpr std::string_view kAttributionVerbs[] = {
    "accept",       "accuse",    "acknowledge", "add",        "admit",
    "admonish",     "advise",    "advocate",    "affirm",     "agree",
    "allege",       "allude",    "announce",    "answer",     "anticipate",
    "apologise",    "apologize", "applaud",     "appoint",    "approve",
    "argue",        "ask",       "assail",      "assert",     "assume",
    "assure",       "attack",    "back",        "believe",    "berate",
    "blame",        "blast",     "boast",       "brag",       "call",
    "castigate",    "caution",   "challenge",   "champion",   "chant",
    "characterize", "charge",    "chide",       "cite",       "claim",
    "comment",      "compare",   "complain",    "concede",    "conclude",
    "concur",       "condemn",   "confirm",     "consider",   "contend",
    "convince",     "criticise", "criticize",   "debate",     "decide",
    "declare",      "decline",   "decry",       "deem",       "defend",
    "demand",       "denounce",  "deny",        "describe",   "disagree",
    "disclose",     "discuss",   "dismiss",     "dispute",    "doubt",
    "downplay",     "dread",     "dub",         "echo",       "email",
    "emphasise",    "emphasize", "encourage",   "endorse",    "envision",
    "estimate",     "expect",    "explain",     "express",    "fault",
    "favor",        "favour",    "fear",        "feel",       "find",
    "forecast",     "guess",     "hail",        "highlight",  "hint",
    "hope",         "imagine",   "imply",       "indicate",   "insist",
    "instruct",     "intend",    "invoke",      "joke",       "know",
    "label",        "lambaste",  "lament",      "lash",       "laud",
    "learn",        "lobby",     "maintain",    "mention",    "mock",
    "muse",         "nominate",  "note",        "object",     "observe",
    "offer",        "oppose",    "order",       "persuade",   "plan",
    "pledge",       "point",     "portray",     "post",       "praise",
    "predict",      "prefer",    "presume",     "proclaim",   "promise",
    "propose",      "protest",   "publish",     "question",   "quip",
    "quote",        "rail",      "realize",     "rebuke",     "recall",
    "reckon",       "recognize", "recommend",   "recount",    "refer",
    "refuse",       "regard",    "regret",      "reiterate",  "reject",
    "remark",       "remember",  "remind",      "repeat",     "reply",
    "report",       "request",   "resent",      "respond",    "retweet",
    "reveal",       "ridicule",  "rule",        "say",        "scoff",
    "scold",        "see",       "seek",        "share",      "shout",
    "show",         "signal",    "slam",        "speak",      "speculate",
    "state",        "stress",    "suggest",     "support",    "surmise",
    "suspect",      "swear",     "talk",        "testify",    "think",
    "threaten",     "tout",      "tweet",       "understand", "urge",
    "view",         "vote",      "vouch",       "vow",        "want",
    "warn",         "welcome",   "wish",        "wonder",     "worry",
    "write",        "yell",
};
static_assert(std::is_sorted(std::begin(kAttributionVerbs),
                             std::end(kAttributionVerbs)));

// Verbs whose first object is the addressee, not the content ("told
// reporters that ...", "urged voters to ...").
constexpr std::string_view kAddresseeVerbs[] = {
    "advise", "ask",   "assure", "convince", "remind",
    "tell",   "thank", "urge",   "warn",
};
static_assert(std::is_sorted(std::begin(kAddresseeVerbs),
                             std::end(kAddresseeVerbs)));

// Irregular past forms of the verbs above.
constexpr std::pair<std::string_view, std::string_view> kIrregular[] = {
    {"felt", "feel"},
    {"found", "find"},
    {"knew", "know"},
    {"known", "know"},
    {"said", "say"},
    {"saw", "see"},
    {"seen", "see"},
    {"sought", "seek"},
    {"shown", "show"},
    {"swore", "swear"},
    {"sworn", "swear"},
    {"thought", "think"},
    {"told", "tell"},
    {"wrote", "write"},
    {"written", "write"},
    {"forecast", "forecast"},
    {"spoke", "speak"},
    {"spoken", "speak"},
    {"understood", "understand"},
    {"learnt", "learn"},
};

bool InSorted(std::span<const std::string_view> list, std::string_view w) {
  return std::binary_search(list.begin(), list.end(), w);
}

// The base form of `w` when it is an inflection of an attribution verb (or
// "tell"), else "".
std::string_view AttributionBase(std::string_view w) {
  if (w.size() < 3 || w.size() > 24) return {};
  for (const auto& [form, base] : kIrregular)
    if (w == form) return base;
  if (w == "tell") return "tell";
  if (auto it = std::lower_bound(std::begin(kAttributionVerbs),
                                 std::end(kAttributionVerbs), w);
      it != std::end(kAttributionVerbs) && *it == w)
    return *it;
  char buf[32];
  auto try_base = [&](size_t keep, std::string_view add) -> std::string_view {
    if (keep + add.size() >= sizeof(buf)) return {};
    std::memcpy(buf, w.data(), keep);
    std::memcpy(buf + keep, add.data(), add.size());
    std::string_view b(buf, keep + add.size());
    if (b == "tell") return "tell";
    auto it = std::lower_bound(std::begin(kAttributionVerbs),
                               std::end(kAttributionVerbs), b);
    return it != std::end(kAttributionVerbs) && *it == b ? *it
                                                         : std::string_view();
  };
  const size_t n = w.size();
  auto ends = [&](std::string_view s) {
    return n > s.size() + 1 && w.substr(n - s.size()) == s;
  };
  std::string_view b;
  if (ends("ies") || ends("ied")) b = try_base(n - 3, "y");
  if (b.empty() && ends("es")) b = try_base(n - 2, "");
  if (b.empty() && ends("s")) b = try_base(n - 1, "");
  if (b.empty() && ends("ed")) {
    b = try_base(n - 2, "");
    if (b.empty()) b = try_base(n - 1, "");
    if (b.empty() && n > 4 && w[n - 3] == w[n - 4]) b = try_base(n - 3, "");
  }
  if (b.empty() && ends("ing")) {
    b = try_base(n - 3, "");
    if (b.empty()) b = try_base(n - 3, "e");
    if (b.empty() && n > 5 && w[n - 4] == w[n - 5]) b = try_base(n - 4, "");
  }
  return b;
}

bool IsAuxLike(const DocView& v, uint32_t k) {
  std::string_view l = v.lem[k], w = v.low[k];
  return l == "be" || l == "have" || l == "do" || w == "will" || w == "would" ||
         w == "can" || w == "could" || w == "may" || w == "might" ||
         w == "must" || w == "should" || w == "shall" || w == "not" ||
         w == "n't" || w == "never" || w == "also" || w == "still" ||
         w == "already" || w == "repeatedly" || w == "publicly" ||
         w == "privately" || w == "openly" || w == "reportedly" ||
         w == "previously" || w == "later" || w == "recently" || w == "again" ||
         w == "then" || w == "once" || w == "even" || w == "just" ||
         w == "only" || w == "now" || w == "often" || w == "long" ||
         w == "first" || w.ends_with("n't") || w.ends_with("n\u2019t") ||
         (w.size() > 4 && w.ends_with("ly") && v.pos(k) == Pos::kAdv);
}

bool IsSubjectPronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "we" || w == "i" ||
         w == "you";
}

// A token that can sit inside a subject noun phrase.
bool InNounPhrase(const DocView& v, uint32_t k) {
  if (v.tok_mention[k] >= 0) return true;
  std::string_view w = v.low[k];
  if (w == "'s" || w == "'" || w == "%" || w == "-" || w == "&" || w == ".")
    return w != ".";
  const Pos p = v.pos(k);
  if (p == Pos::kVerb || p == Pos::kAux || p == Pos::kAdp || p == Pos::kCconj ||
      p == Pos::kSconj || p == Pos::kPunct || p == Pos::kAdv || p == Pos::kPart)
    return false;
  if (v.IsPunct(k)) return false;
  if (w == "that" || w == "who" || w == "which" || w == "it" || w == "there" ||
      w == "this" || w == "what" || w.ends_with("n't") ||
      w.ends_with("n\u2019t"))
    return false;
  return p == Pos::kNoun || p == Pos::kPropn || p == Pos::kAdj ||
         p == Pos::kNum || p == Pos::kDet || p == Pos::kPron || p == Pos::kX;
}

// The subject noun phrase ending at j, or false. Walks left over noun
// phrase tokens, "of", "and", "for", "in", "from" and "at" between them
// ("a spokesman for the campaign", "farmers in the north"); a subject
// pronoun stands alone.
bool IsPossessive(std::string_view w);

// A gerund the tagger called a verb inside a noun phrase: a modifier before
// a noun ("fundraising documents") or a head after a modifier ("exit
// polling", "the polling").
bool NominalIng(const DocView& v, uint32_t k) {
  if (v.pos(k) != Pos::kVerb || v.tok_mention[k] >= 0 ||
      !v.low[k].ends_with("ing") || k == 0 || k + 1 >= v.size())
    return false;
  const Pos next = v.pos(k + 1), prev = v.pos(k - 1);
  return ((next == Pos::kNoun || next == Pos::kPropn) &&
          v.tok_mention[k + 1] < 0) ||
         ((prev == Pos::kDet || prev == Pos::kAdj || prev == Pos::kNoun ||
           prev == Pos::kPropn || v.tok_mention[k - 1] >= 0) &&
          !IsPossessive(v.low[k - 1]) && !v.IsPunct(k - 1));
}

bool SubjectEndingAt(const DocView& v, uint32_t j, uint32_t sf, uint32_t* b) {
  if (IsSubjectPronoun(v.low[j])) {
    *b = j;
    return true;
  }
  // A quotation mark is never one (NYT's '' is tagged as a noun at times).
  if (v.IsQuoteMark(j) || (!InNounPhrase(v, j) && !NominalIng(v, j)))
    return false;
  // An adjective cannot end a subject: a word tagged so at the end of one
  // after a determiner, number or name is its head noun, mis-tagged ("The
  // assailant, X, told", "Twenty-four percent said").
  const bool head_adj =
      v.pos(j) == Pos::kAdj && j > sf && v.tok_mention[j] < 0 &&
      (v.pos(j - 1) == Pos::kDet || v.pos(j - 1) == Pos::kNum ||
       v.pos(j - 1) == Pos::kPropn || IsPossessive(v.low[j - 1]));
  if (v.pos(j) == Pos::kDet || (v.pos(j) == Pos::kAdj && !head_adj))
    return false;
  uint32_t f = j;
  while (f > sf && j - f < 14) {
    const uint32_t k = f - 1;
    std::string_view w = v.low[k];
    if ((w == "of" || w == "and" || w == "for" || w == "in" || w == "from" ||
         w == "at") &&
        k > sf && InNounPhrase(v, k - 1) && !IsSubjectPronoun(v.low[k - 1])) {
      f = k;
      continue;
    }
    if ((!InNounPhrase(v, k) && !NominalIng(v, k)) || IsSubjectPronoun(w) ||
        v.IsQuoteMark(k))
      break;
    f = k;
  }
  *b = f;
  return true;
}

// Nouns for a text someone puts out ("a statement", "a tweet").
bool IsCommunicationNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "ad",      "ads",       "e-mail",  "email",    "letter",  "memo",
      "message", "note",      "post",    "release",  "report",  "statement",
      "tweet",   "video"};
  for (std::string_view n : kNouns)
    if (w == n) return true;
  return false;
}

// When the phrase [*b, *e] is a communication noun's phrase that is the
// object of a verb ("X issued a statement", "X posted a video"), moves it
// to that verb's subject and returns true; leaves it otherwise.
bool StatementAuthor(const DocView& v, uint32_t sf, uint32_t* b, uint32_t* e) {
  if (!IsCommunicationNoun(v.low[*e]) || v.tok_mention[*e] >= 0) return false;
  uint32_t d = *b;
  while (d > sf && (v.IsDeterminerLike(d - 1) || v.pos(d - 1) == Pos::kAdj))
    --d;
  if (d <= sf + 1 || !v.IsVerbLike(d - 1) || v.pos(d - 1) == Pos::kAux)
    return false;
  uint32_t g = d - 1;
  while (g > sf && IsAuxLike(v, g - 1)) --g;
  uint32_t nb = 0, ne = 0;
  if (!SourceBefore(v, g, sf, &nb, &ne)) return false;
  if (IsCommunicationNoun(v.low[ne])) return false;
  *b = nb;
  *e = ne;
  return true;
}

// The subject of the clause a participle cue at g hangs on ("X defended the
// plan, saying ..."): the noun phrase opening the sentence, or after an
// introductory phrase ("In an interview Sunday, he defended the plan,
// saying ...") the first noun phrase after a comma that its verb follows.
bool ParticipleSubject(const DocView& v, uint32_t g, uint32_t sf,
                       uint32_t* src_b, uint32_t* src_e) {
  // The comma may stand inside a closing quotation mark ("values,” saying").
  if (g > sf + 2 && v.IsQuoteMark(g - 1) && v.low[g - 2] == ",") --g;
  if (g <= sf + 1 || v.low[g - 1] != ",") return false;
  uint32_t e = sf;
  while (e + 1 < g && InNounPhrase(v, e + 1) && e < sf + 10) ++e;
  uint32_t b = 0;
  // The phrase opening the sentence is its subject, unless a preposition
  // follows it ("Hours after the rally, ..."), it is a time ("Last month,
  // ...") or a dateline ("WASHINGTON (AP) — ...", "WASHINGTON — ...").
  auto followed_as_subject = [&](uint32_t last) {
    uint32_t k = last + 1;
    while (k < g && IsAuxLike(v, k)) ++k;
    if (k >= g) return false;
    if (v.low[k] == "(")
      return !(k + 1 < g &&
               (v.low[k + 1] == "ap" || v.low[k + 1] == "reuters"));
    return !v.IsPreposition(k) && v.low[k] != "\u2014" && v.low[k] != "--";
  };
  auto is_time = [&](uint32_t k) { return TimexAt(v, k) != nullptr; };
  if (SubjectEndingAt(v, e, sf, &b) && b == sf && followed_as_subject(e) &&
      !is_time(e)) {
    *src_b = b;
    *src_e = e;
    return true;
  }
  for (uint32_t k = sf; k + 3 < g; ++k) {
    // After an introductory phrase or a dateline ("WASHINGTON (AP) — X
    // said ..., saying ...").
    const std::string_view sep = v.low[k];
    if (sep != "," && sep != "\u2014" && sep != "--" && sep != "\u2013")
      continue;
    // After a quotation's close ("“...,” McCain said, citing ...").
    uint32_t b0 = k + 1;
    while (b0 + 1 < g && v.IsQuoteMark(b0)) ++b0;
    e = b0;
    if (!IsSubjectPronoun(v.low[b0])) {
      if (!InNounPhrase(v, b0)) continue;
      while (e + 1 < g && InNounPhrase(v, e + 1) && e < b0 + 10) ++e;
    }
    // "Trump on Tuesday dismissed ...": a time between subject and verb.
    const uint32_t vb = SkipAdverbsAndTimes(v, e + 1, g, true);
    if (vb + 1 >= g || !v.IsVerbLike(vb) || v.pos(vb) == Pos::kAdj) continue;
    if (SubjectEndingAt(v, e, b0, &b) && b == b0) {
      *src_b = b;
      *src_e = e;
      return true;
    }
  }
  return false;
}

struct Frame {
  uint32_t src_b = 0, src_e = 0;  // token range [b, e]; src_e < src_b: none
  bool has_source = false;
  uint32_t cue_b = 0, cue_e = 0;
  uint32_t con_b = 0, con_e = 0;
  bool nested = false;  // may stand inside another attribution's content
};

bool IsParticle(std::string_view w) {
  return w == "for" || w == "about" || w == "on" || w == "against" ||
         w == "over" || w == "of" || w == "with" || w == "out";
}

// True when tokens [b, comma) are an introductory phrase before a subject
// ("Speaking later on the same show, X ...", "In a statement, X ..."): they
// open with a preposition, a subordinator, an adverb or a participle and hold
// no other comma.
bool IntroductoryPhrase(const DocView& v, uint32_t b, uint32_t comma) {
  if (comma <= b) return false;
  for (uint32_t k = b; k < comma; ++k)
    if (v.low[k] == "," || v.IsQuoteMark(k) || IsTerminal(v, k)) return false;
  const Pos p = v.pos(b);
  return v.IsPreposition(b) || p == Pos::kSconj || p == Pos::kAdv ||
         (p == Pos::kVerb && v.low[b].ends_with("ing"));
}

bool IsDash(std::string_view w) {
  return w == "\u2014" || w == "--" || w == "\u2013";
}

// True when token t of an apposition or parenthesis opening at token b is
// a finite verb, which makes the segment a clause of its own. Participles
// and infinitives describe the noun ("a man visiting Nice", "a rabbi
// helping to organize the boycott"), and so does a past participle after a
// subordinator ("when contacted by Reuters").
bool FiniteInSegment(const DocView& v, uint32_t b, uint32_t t) {
  if (v.pos(t) != Pos::kVerb && v.pos(t) != Pos::kAux) return false;
  const std::string_view w = v.low[t];
  if (w.ends_with("ing")) return false;
  if (t > b && v.low[t - 1] == "to") return false;
  if (w.ends_with("ed")) {
    const std::string_view o = v.low[b];
    if (o == "when" || o == "while" || o == "if" || o == "as" || o == "after" ||
        o == "before" || o == "once" || o == "though" || o == "although" ||
        o == "unless")
      return false;
  }
  return true;
}

// The source phrase right before the verb group starting at token g (not
// before token `floor`): a subject noun phrase, with an identifying
// apposition ("X, a Republican from Ohio, said") but not a relative clause
// ("X, who ..., said"), a relative pronoun alone ("who said"), skipping a
// short parenthesis ("Sen. X (R-Fla.) said") and a time ("X on Tuesday
// said"). Sets the token range [*b, *e].
bool SourceBefore(const DocView& v, uint32_t g, uint32_t floor, uint32_t* b,
                  uint32_t* e) {
  if (g <= floor) return false;
  uint32_t j = g - 1;
  // "X on Tuesday said", "X last week said".
  for (const Timex& t : v.a->times) {
    const auto& toks = v.a->tokens;
    if (t.span.begin <= toks[j].begin && toks[j].end <= t.span.end) {
      while (j > floor && toks[j].begin >= t.span.begin) --j;
      if (v.low[j] == "on" || v.low[j] == "in" || v.low[j] == "last") {
        if (j == floor) return false;
        --j;
      }
      break;
    }
  }
  if (v.low[j] == ")" && j > floor) {
    uint32_t k = j;
    while (k > floor && k + 8 > j && v.low[k] != "(") --k;
    if (v.low[k] == "(" && k > floor) j = k - 1;
  }
  if (v.low[j] == "who" || v.low[j] == "which" ||
      (v.low[j] == "that" && j > floor && InNounPhrase(v, j - 1))) {
    *b = *e = j;
    return true;
  }
  // "Jason Sims — a teacher from Mount Pleasant — says": an apposition
  // between dashes, with no finite verb, after the subject.
  if (IsDash(v.low[j]) && j > floor + 2) {
    uint32_t k = j - 1;
    while (k > floor && k + 25 > j && !IsDash(v.low[k])) --k;
    if (!IsDash(v.low[k]) || k <= floor || k + 1 >= j) return false;
    for (uint32_t t = k + 1; t < j; ++t)
      if (IsTerminal(v, t) || v.IsQuoteMark(t) ||
          (FiniteInSegment(v, k + 1, t) && v.low[k + 1] != "who"))
        return false;
    uint32_t nb = 0;
    if (!SubjectEndingAt(v, k - 1, floor, &nb)) return false;
    *b = nb;
    *e = j;
    return true;
  }
  if (v.low[j] == "," && j > floor + 1) {
    // Walk back over up to three comma-separated segments, each an
    // apposition ("a Republican from Ohio", "58") or a relative clause
    // ("who lives outside Minneapolis"), to the subject they describe:
    // "Woodrow Benford, 58, who lives outside Minneapolis, says",
    // "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said".
    // The source keeps them (PolNeAR's sources do).
    uint32_t end = j;
    for (int seg = 0; seg < 3; ++seg) {
      uint32_t k = end - 1;
      while (k > floor && k + 30 > end && v.low[k] != ",") --k;
      if (v.low[k] != "," || k <= floor || k + 1 >= end) return false;
      const std::string_view w = v.low[k + 1];
      const bool relative = w == "who" || w == "which" || w == "whose";
      // A finite verb outside a relative clause makes the segment a clause
      // of its own ("The deal failed, Smith said" is not an apposition).
      if (!relative)
        for (uint32_t t = k + 1; t < end; ++t)
          if (FiniteInSegment(v, k + 1, t) || IsTerminal(v, t) ||
              v.IsQuoteMark(t))
            return false;
      uint32_t t = k - 1;
      if (v.low[t] == ")" && t > floor) {  // a party tag: "(D-Md.)"
        uint32_t o = t;
        while (o > floor && o + 8 > t && v.low[o] != "(") --o;
        if (v.low[o] == "(" && o > floor) t = o - 1;
      }
      uint32_t nb = 0;
      if (SubjectEndingAt(v, t, floor, &nb) &&
          !(nb > floor && v.low[nb - 1] == "," &&
            !IntroductoryPhrase(v, floor, nb - 1))) {
        *b = nb;
        *e = j - 1;
        return true;
      }
      end = k;
    }
    return false;
  }
  uint32_t nb = 0;
  if (!SubjectEndingAt(v, j, floor, &nb)) return false;
  *b = nb;
  *e = j;
  return true;
}

// The source after an inverted cue ("said Dave Smith, a Cruz backer"): the
// noun phrase from token r with an apposition, to the clause end.
bool SourceAfter(const DocView& v, uint32_t r, uint32_t se, uint32_t* b,
                 uint32_t* e) {
  while (r < se && IsAuxLike(v, r)) ++r;  // "said dryly"
  if (r >= se || !(InNounPhrase(v, r) || IsSubjectPronoun(v.low[r])))
    return false;
  uint32_t k = r;
  if (IsSubjectPronoun(v.low[r])) {
    *b = *e = r;
    return true;
  }
  while (k + 1 < se && k < r + 30 && !IsTerminal(v, k + 1) &&
         !v.IsQuoteMark(k + 1) && v.low[k + 1] != ";" &&
         (InNounPhrase(v, k + 1) || v.low[k + 1] == "," ||
          v.low[k + 1] == "of" || v.low[k + 1] == "and" ||
          v.low[k + 1] == "at" || v.low[k + 1] == "for" ||
          v.low[k + 1] == "in" || v.low[k + 1] == "from"))
    ++k;
  while (k > r && (v.IsPunct(k) || v.IsPreposition(k) || v.low[k] == "and"))
    --k;
  // "saying the city embodied ...": a noun phrase with a verb of its own is
  // the subject of a reported clause, not an inverted source.
  if (k + 1 < se && (v.pos(k + 1) == Pos::kVerb || v.pos(k + 1) == Pos::kAux))
    return false;
  *b = r;
  *e = k;
  return true;
}

// The end (exclusive) of content that starts at token c: the sentence end,
// a semicolon, or a coordinated verb phrase that is an attribution of its
// own ("said A and warned that B", "said A, but added B").
uint32_t ContentEnd(const DocView& v, uint32_t c, uint32_t se) {
  for (uint32_t e = c; e < se; ++e) {
    if (v.low[e] == ";") return e;
    // "..., saying that ...": a participle cue after a comma starts an
    // attribution of its own.
    // (The comma may stand inside a closing quotation mark: "...,” adding
    // ...".)
    const uint32_t pe = e + 1 < se && v.low[e] == "," && v.IsQuoteMark(e + 1)
                            ? e + 2
                            : e + 1;
    if (e > c && v.low[e] == "," && pe < se && v.low[pe].ends_with("ing") &&
        v.tok_mention[pe] < 0 && !AttributionBase(v.low[pe]).empty() &&
        (v.pos(pe) == Pos::kVerb || v.pos(pe) == Pos::kX))
      return pe == e + 1 ? e : e + 2;
    if (e == c || (v.low[e] != "and" && v.low[e] != "but")) continue;
    uint32_t k = e + 1;
    while (k < se && k < e + 4 && IsAuxLike(v, k) && v.lem[k] != "be") ++k;
    if (k < se && !AttributionBase(v.low[k]).empty() && v.tok_mention[k] < 0 &&
        (v.pos(k) == Pos::kVerb || v.pos(k) == Pos::kX))
      return e;
  }
  return se;
}

// "X thanked Y and said Z": the subject of a verb group that starts at g
// right after "and" / "but" is the subject of the verb before it, found by
// walking back over the first conjunct (and over direct quotes in it).
bool CoordinatedSubject(const DocView& v, uint32_t g, uint32_t sf,
                        const std::vector<ByteSpan>& direct, uint32_t* b,
                        uint32_t* e) {
  if (g < sf + 2 || (v.low[g - 1] != "and" && v.low[g - 1] != "but"))
    return false;
  const auto& toks = v.a->tokens;
  // The first conjunct's verb: an attribution verb when there is one ("said
  // A had failed and added ..."), else the nearest verb.
  uint32_t nearest = g, cue = g;
  for (uint32_t k = g - 1, steps = 0; k-- > sf && steps < 40; ++steps) {
    bool quoted = false;
    for (const ByteSpan& d : direct)
      if (d.begin <= toks[k].begin && toks[k].end <= d.end) {
        quoted = true;
        while (k > sf && toks[k - 1].end > d.begin) --k;
        break;
      }
    if (quoted) continue;
    if (v.low[k] == ";" || IsTerminal(v, k)) break;
    // A subject pronoun before the nearest verb opens the first conjunct's
    // clause ("When X was asked ..., he laughed and said").
    // But a pronoun opening a reported clause belongs to the clause of the
    // verb before it ("She said she had met X twice but said ..."): that
    // verb is the first conjunct's.
    if (nearest != g && IsSubjectPronoun(v.low[k])) {
      uint32_t q = k;
      if (q > sf && v.low[q - 1] == "that") --q;
      if (q > sf && v.pos(q - 1) == Pos::kVerb &&
          !AttributionBase(v.low[q - 1]).empty())
        cue = q - 1;
      break;
    }
    if (v.pos(k) != Pos::kVerb || v.tok_mention[k] >= 0) continue;
    if (nearest == g) nearest = k;
    if (!AttributionBase(v.low[k]).empty()) {
      cue = k;
      break;
    }
  }
  const uint32_t k = cue != g ? cue : nearest;
  if (k == g) return false;
  uint32_t g0 = k;
  while (g0 > sf && IsAuxLike(v, g0 - 1)) --g0;
  if (g0 > sf && v.low[g0 - 1] == "to") return false;
  if (SourceBefore(v, g0, sf, b, e)) return true;
  // "X celebrated, declaring A, and said B": a participle's subject.
  return v.low[k].ends_with("ing") && ParticipleSubject(v, g0, sf, b, e);
}

// Passive attribution verbs that take a content after them ("is expected
// to", "is believed that", "was asked whether", "is seen as").
bool PassiveFrame(const DocView& v, uint32_t g, uint32_t i, uint32_t se,
                  std::string_view base, Frame* f) {
  static constexpr std::string_view kPassive[] = {
      "allege", "ask",      "believe", "consider",   "estimate",
      "expect", "forecast", "know",    "predict",    "report",
      "say",    "see",      "think",   "understand",
  };
  if (std::find(std::begin(kPassive), std::end(kPassive), base) ==
      std::end(kPassive))
    return false;
  uint32_t c = i + 1;
  while (c < se && c < i + 3 && v.pos(c) == Pos::kAdv) ++c;
  if (c + 1 >= se) return false;
  const std::string_view w = v.low[c];
  bool ok = false;
  uint32_t cue_e = i;
  if (w == "to") {
    ok = v.IsVerbLike(c + 1) || v.pos(c + 1) == Pos::kAux;
  } else if (w == "that") {
    ok = true;
  } else if (w == "as") {
    ok = base == "see" || base == "consider" || base == "know";
    cue_e = c++;
  } else if (base == "ask") {
    ok = w == "whether" || w == "if" || w == "about" || w == "what" ||
         w == "how" || w == "why" || w == "who" || w == "when";
    if (w == "about") cue_e = c++;
  }
  if (!ok || c >= se) return false;
  uint32_t last = ContentEnd(v, c, se);
  while (last > c && v.IsPunct(last - 1) && !v.IsQuoteMark(last - 1)) --last;
  if (last <= c + 1) return false;
  f->has_source = false;
  f->cue_b = g;
  f->cue_e = cue_e;
  f->con_b = c;
  f->con_e = last - 1;
  return true;
}

bool IsEvidentialVerb(std::string_view w) {
  return w == "seem" || w == "seems" || w == "seemed" || w == "appear" ||
         w == "appears" || w == "appeared";
}

// "X seems to ...", "X appeared ready to ...", "it seems that ...": the
// author's evidential, annotated as a sourceless attribution of what
// follows. "appear" needs "to" or "that" (not "appeared on television").
bool EvidentialFrame(const DocView& v, uint32_t sf, uint32_t i, uint32_t se,
                     Frame* f) {
  const uint32_t c = i + 1;
  if (c + 1 >= se) return false;
  const std::string_view w = v.low[c];
  if (v.low[i].starts_with("appear") && w != "to" && w != "that") return false;
  if (w == "to" && !(v.IsVerbLike(c + 1) || v.pos(c + 1) == Pos::kAux))
    return false;
  if (v.IsPunct(c) || (v.IsPreposition(c) && w != "to")) return false;
  uint32_t g = i;
  while (g > sf && IsAuxLike(v, g - 1)) --g;
  uint32_t last = ContentEnd(v, c, se);
  while (last > c && v.IsPunct(last - 1) && !v.IsQuoteMark(last - 1)) --last;
  if (last <= c + 1) return false;
  f->has_source = false;
  f->cue_b = g;
  f->cue_e = i;
  f->con_b = c;
  f->con_e = last - 1;
  return true;
}

// Nouns of statement, stance and belief that carry an attribution of their
// own ("his criticism of X", "her view that ...", "calls for X", "In his
// view, ..."), sorted.
constexpr std::string_view kCueNouns[] = {
    "accusation", "accusations", "allegation", "allegations", "argument",
    "assertion",  "assessment",  "belief",     "claim",       "claims",
    "complaint",  "complaints",  "concern",    "concerns",    "criticism",
    "criticisms", "demand",      "demands",    "endorsement", "fear",
    "fears",      "insistence",  "opinion",    "opposition",  "pledge",
    "prediction", "promise",     "proposal",   "remarks",     "suggestion",
    "view",       "views",       "vow",        "warning",     "warnings",
};
static_assert(std::is_sorted(std::begin(kCueNouns), std::end(kCueNouns)));

bool IsPossessive(std::string_view w) {
  return w == "his" || w == "her" || w == "their" || w == "its" || w == "my" ||
         w == "our" || w == "your";
}

// A noun cue at token i: the possessor as source ("his", "Mr. X's"), the
// noun with its modifiers and a linking preposition as cue, and the
// that-clause, infinitive or object after it as content ("In his view,
// CLAUSE" takes the clause after the comma).
bool NominalFrame(const DocView& v, uint32_t sf, uint32_t i, uint32_t se,
                  Frame* f) {
  if (!InSorted(kCueNouns, v.low[i]) || v.tok_mention[i] >= 0) return false;
  if (v.pos(i) != Pos::kNoun) return false;
  // Modifiers before the noun, then the possessor.
  uint32_t b = i;
  while (b > sf && b + 3 > i && v.pos(b - 1) == Pos::kAdj) --b;
  f->has_source = false;
  if (b > sf && IsPossessive(v.low[b - 1])) {
    f->has_source = true;
    f->src_b = f->src_e = b - 1;
  } else if (b > sf + 1 && v.low[b - 1] == "'s") {
    uint32_t nb = 0;
    if (SubjectEndingAt(v, b - 2, sf, &nb)) {
      f->has_source = true;
      f->src_b = nb;
      f->src_e = b - 1;
    }
  }
  uint32_t c = i + 1;
  if (c + 1 >= se) return false;
  const std::string_view w = v.low[c];
  uint32_t cue_e = i;
  uint32_t end = se;
  if (w == "that") {
    end = ContentEnd(v, c, se);
  } else if (w == "to" && (v.IsVerbLike(c + 1) || v.pos(c + 1) == Pos::kAux)) {
    end = ContentEnd(v, c, se);
  } else if (w == "of" || w == "about" || w == "on" || w == "against" ||
             w == "for" || w == "to") {
    cue_e = c++;
    // The object: up to the next comma or clause end.
    end = c;
    while (end < se && !IsTerminal(v, end) && v.low[end] != "," &&
           v.low[end] != ";" && end < c + 25 &&
           !(end > c && (v.pos(end) == Pos::kVerb || v.pos(end) == Pos::kAux)))
      ++end;
  } else if (w == "," && f->has_source && b > sf + 1 &&
             v.low[f->src_b - 1] == "in" && f->src_b - 1 == sf) {
    ++c;  // "In his view, CLAUSE"
    end = ContentEnd(v, c, se);
  } else {
    return false;
  }
  uint32_t last = end;
  while (last > c && v.IsPunct(last - 1) && !v.IsQuoteMark(last - 1)) --last;
  if (last <= c) return false;
  f->cue_b = b;
  f->cue_e = cue_e;
  f->con_b = c;
  f->con_e = last - 1;
  return true;
}

// A direct quote whose speaker the speech cues did not give: any
// attribution verb right after the close (", said X, a Y", ", X, a Y, said",
// ", asked X") or right before the open ("she said, “", "As X pointed out,
// “"), with its source phrase. Fills *f (speaker, cue) and *frame.
bool DirectFallback(const DocView& v, const RawQuote& q, ByteSpan para,
                    uint32_t close_para_end, Found* f, QuoteFrame* frame) {
  const uint32_t n = v.size();
  if (n == 0) return false;
  const auto& toks = v.a->tokens;
  auto finish = [&](uint32_t cue, uint32_t b, uint32_t e) {
    const uint32_t sf = v.sentences[v.tok_sentence[b]].first_token;
    const uint32_t se = v.sentences[v.tok_sentence[b]].end_token;
    Speaker s = v.SpeakerAt(e, sf, se);
    if (!s.found) {
      s.found = true;
      s.text = std::string(v.Text(b, e));
    }
    s.first = b;
    s.last = e;
    f->speaker = std::move(s);
    f->cue = std::string(v.low[cue]);
    f->cue_first = f->cue_last = cue;
    frame->source = {toks[b].begin, toks[e].end};
    frame->cue = {toks[cue].begin, toks[cue].end};
    return true;
  };
  const uint32_t after = FirstTokenFrom(v, q.outer.end);
  for (uint32_t k = after; k < n && k < after + 12; ++k) {
    if (toks[k].begin >= close_para_end || v.IsQuoteMark(k)) break;
    if (IsTerminal(v, k) && k > after) break;
    if (AttributionBase(v.low[k]).empty() || v.tok_mention[k] >= 0) continue;
    uint32_t g = k;
    while (g > after && IsAuxLike(v, g - 1)) --g;
    uint32_t b = 0, e = 0;
    // The subject opens right after the close, or after a comma there; not
    // after a quote that ended its sentence ("“...” She said the talks
    // ..." is an attribution of its own).
    const bool ended =
        after >= 2 && v.IsQuoteMark(after - 1) && IsTerminal(v, after - 2);
    const uint32_t floor = v.IsPunct(after) || ended ? after + 1 : after;
    if (g > floor && SourceBefore(v, g, floor, &b, &e)) return finish(k, b, e);
    const uint32_t se = v.sentences[v.tok_sentence[k]].end_token;
    if (g <= after + 1 && SourceAfter(v, k + 1, se, &b, &e))
      return finish(k, b, e);
    break;
  }
  const uint32_t open = std::min(v.TokenAtOrAfter(q.outer.begin), n);
  for (uint32_t k = open, steps = 0; k-- > 0 && steps < 6; ++steps) {
    if (toks[k].begin < para.begin || IsTerminal(v, k) || v.IsQuoteMark(k))
      break;
    if (AttributionBase(v.low[k]).empty() || v.tok_mention[k] >= 0) continue;
    uint32_t g = k;
    while (g > 0 && IsAuxLike(v, g - 1)) --g;
    const uint32_t sf = v.sentences[v.tok_sentence[k]].first_token;
    uint32_t b = 0, e = 0;
    if (SourceBefore(v, g, sf, &b, &e)) return finish(k, b, e);
    // "X praised Y, telling Reuters, “...”": the participle's subject.
    if (v.low[k].ends_with("ing") && ParticipleSubject(v, g, sf, &b, &e))
      return finish(k, b, e);
    break;
  }
  return false;
}

// True when the quote opening at byte `open` comes right after the sentence
// that holds `cue` ("“A,” X said on Monday at a forum with Y. “B.”"): a
// person named in the rest of that sentence is not a new speaker.
bool OpensAfterCueSentence(const DocView& v, ByteSpan cue, uint32_t open) {
  const uint32_t n = static_cast<uint32_t>(v.a->tokens.size());
  const uint32_t kc = FirstTokenFrom(v, cue.begin);
  const uint32_t ko = FirstTokenFrom(v, open);
  if (kc >= n || ko == 0 || ko > n || ko <= kc) return false;
  return v.tok_sentence[ko - 1] == v.tok_sentence[kc] && IsTerminal(v, ko - 1);
}

// True when a person other than `speaker` (an entity index, or -1) is named
// in the bytes [b, e): a quote after that may be theirs.
bool OtherPersonBetween(const DocView& v, uint32_t b, uint32_t e,
                        int32_t speaker) {
  for (const Mention& m : v.a->mentions) {
    if (m.span.end <= b || m.span.begin >= e) continue;
    if (m.type != EntityType::kPerson) continue;
    if (speaker >= 0 && m.entity == speaker) continue;
    return true;
  }
  return false;
}

// Quoted text that is a title, a headline or a slogan's name rather than
// something said: two to ten words, no sentence punctuation, and every word
// of four letters or more capitalised ("Good Morning America", "Putin's
// Potential Involvement In The DNC Email Hack"), at least two of them.
bool TitleLike(std::string_view s) {
  uint32_t words = 0, long_words = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::string_view w = s.substr(i, j - i);
    i = j;
    ++words;
    for (char c : w)
      if (c == '.' || c == '?' || c == '!' || c == ';' || c == ':' || c == ',')
        return false;
    uint32_t letters = 0;
    for (char c : w) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letters < 4) continue;
    const char first = w[0];
    if (!(first >= 'A' && first <= 'Z')) return false;
    ++long_words;
  }
  return words >= 2 && words <= 10 && long_words >= 2;
}

void AddDirect(const DocView& v, const QuoteOptions& opt,
               std::vector<Quote>* out, std::vector<ByteSpan>* direct_spans,
               std::vector<QuoteFrame>* frames) {
  const Document& doc = v.a->doc;
  std::vector<RawQuote> raw = ScanDirect(doc, opt);
  std::vector<ByteSpan> paras = Paragraphs(doc);
  // Quotes appended here (indices into *out from `first`): their frames and
  // the quote each continues (itself when none).
  const size_t first = out->size();
  std::vector<QuoteFrame> out_frames;
  std::vector<int32_t> root;
  int32_t last = -1;  // index into out_frames of the last quote with a speaker
  size_t last_para = 0;
  uint32_t last_outer_end = 0;
  // The last quote with a speaker and a cue, kept across quotes without one:
  // a later paragraph that is a bare quote takes its speaker when no other
  // person is named in between.
  int32_t held = -1;
  size_t held_para = 0;
  uint32_t held_end = 0;
  for (const RawQuote& q : raw) {
    ByteSpan content = TrimSpan(doc.text, q.content);
    // A comma before the closing mark belongs to the frame ("...," he said).
    while (!content.empty() && doc.text[content.end - 1] == ',') --content.end;
    content = TrimSpan(doc.text, content);
    if (content.empty()) continue;
    uint32_t words = CountWords(
        std::string_view(doc.text).substr(content.begin, content.size()));
    size_t pi = 0;
    while (pi + 1 < paras.size() && paras[pi].end < q.outer.begin) ++pi;
    ByteSpan para = pi < paras.size()
                        ? paras[pi]
                        : ByteSpan{0, static_cast<uint32_t>(doc.text.size())};
    ByteSpan prev = pi > 0 ? paras[pi - 1] : ByteSpan{};
    uint32_t close_para_end = static_cast<uint32_t>(doc.text.size());
    for (const ByteSpan& p : paras) {
      if (p.begin < q.outer.end && q.outer.end <= p.end) close_para_end = p.end;
    }
    Found f = SpeakerForQuote(v, q, para, prev, close_para_end);
    QuoteFrame fallback;
    if (!f.speaker.found &&
        DirectFallback(v, q, para, close_para_end, &f, &fallback)) {
      f.adjacent = true;
    }
    QuoteFrame frame = !fallback.source.empty() ? fallback
                       : f.speaker.found
                           ? FrameOf(v, f.speaker, f.cue_first, f.cue_last)
                           : QuoteFrame{};
    // A continuation: the quote after "“A,” she said." that names no other
    // speaker (or names the same cue), in the same paragraph or opening the
    // next one.
    int32_t continues = -1;
    if (last >= 0 && !out_frames[last].cue.empty()) {
      const bool same_cue =
          !frame.cue.empty() && frame.cue.begin == out_frames[last].cue.begin;
      const Quote& lq = (*out)[first + last];
      // Farther on in the same paragraph ("“A,” X said, noting that ...
      // “B.”"), when no one else is named in between.
      const bool near_same_para =
          last_para == pi && q.outer.begin >= last_outer_end &&
          out_frames[last].cue.begin >= last_outer_end &&
          (q.outer.begin - last_outer_end <= 80 ||
           (q.outer.begin - last_outer_end <= opt.max_continue_gap &&
            (OpensAfterCueSentence(v, out_frames[last].cue, q.outer.begin) ||
             !OtherPersonBetween(v, out_frames[last].cue.end, q.outer.begin,
                                 lq.speaker))));
      const bool next_para = last_para + 1 == pi &&
                             q.outer.begin <= para.begin + 4 &&
                             paras[last_para].end <= last_outer_end + 80;
      if (same_cue || (!f.speaker.found && (near_same_para || next_para))) {
        continues = root[last];
        frame = QuoteFrame{};
        f.speaker.found = true;
        f.speaker.entity = lq.speaker;
        f.speaker.text = lq.speaker_text;
        f.cue = lq.cue;
        f.adjacent = true;
      }
    }
    if (continues < 0 && !f.speaker.found && held >= 0 && pi > held_para &&
        pi <= held_para + opt.max_carry_paragraphs &&
        q.outer.begin <= para.begin + 4 && words >= opt.min_words &&
        !OtherPersonBetween(v, held_end, q.outer.begin,
                            (*out)[first + held].speaker)) {
      const Quote& hq = (*out)[first + held];
      continues = root[held];
      frame = QuoteFrame{};
      f.speaker.found = true;
      f.speaker.entity = hq.speaker;
      f.speaker.text = hq.speaker_text;
      f.cue = hq.cue;
      f.adjacent = true;
    }
    if (words < opt.min_words && !(f.speaker.found && f.adjacent)) continue;
    if (!(f.speaker.found && f.adjacent) &&
        TitleLike(std::string_view(doc.text).substr(content.begin,
                                                     content.size())))
      continue;
    Quote out_q;
    out_q.span = content;
    out_q.direct = true;
    out_q.cue = f.cue;
    if (f.speaker.found) {
      out_q.speaker = f.speaker.entity;
      if (f.speaker.entity < 0) out_q.speaker_text = f.speaker.text;
    }
    out->push_back(std::move(out_q));
    frame.continues = continues;
    const int32_t index = static_cast<int32_t>(out->size()) - 1;
    root.push_back(continues >= 0 ? continues : index);
    const int32_t local = static_cast<int32_t>(out_frames.size());
    out_frames.push_back(frame);
    if (frames != nullptr) frames->push_back(frame);
    direct_spans->push_back(q.outer);
    if (f.speaker.found) {
      // A continuation leaves `last` on the piece that has the cue.
      if (continues < 0) last = local;
      if (continues < 0 && !frame.cue.empty()) held = local;
      held_para = pi;
      held_end = q.outer.end;
      last_para = pi;
      last_outer_end = q.outer.end;
    } else {
      last = -1;
    }
  }
}

bool Overlaps(const std::vector<ByteSpan>& spans, uint32_t b, uint32_t e) {
  for (const ByteSpan& s : spans) {
    if (b < s.end && s.begin < e) return true;
  }
  return false;
}

bool IsObjectPronoun(std::string_view w) {
  return w == "him" || w == "her" || w == "them" || w == "us" || w == "me" ||
         w == "you";
}

// The end (exclusive) of the addressee after "told" starting at token c: an
// object pronoun, or one noun phrase ("reporters", "CNN's Anna Berg", "the
// crowd"). A subject pronoun or a new determiner after the head noun starts
// the reported clause instead ("told reporters she ...", "told the crowd
// the plan ..."). Returns c when there is no addressee.
uint32_t AddresseeEnd(const DocView& v, uint32_t c, uint32_t se) {
  if (c >= se) return c;
  if (IsObjectPronoun(v.low[c])) return c + 1;
  uint32_t k = c;
  bool head = false;  // a noun (or name) has been seen since the last "'s"
  while (k < se && k < c + 8) {
    const std::string_view w = v.low[k];
    const bool split =
        (w == "'" || w == "\u2019") && k + 1 < se && v.low[k + 1] == "s";
    if (w == "'s" || w == "\u2019s" || split) {  // "CNN's Anna Berg"
      if (!head) break;
      k += split ? 2 : 1;
      head = false;
      continue;
    }
    if (IsSubjectPronoun(w) || v.IsQuoteMark(k) || !InNounPhrase(v, k)) break;
    if (head && v.tok_mention[k] < 0 && v.pos(k) == Pos::kDet) break;
    // A possessive after the head starts the reported clause ("told the AP
    // her group ...").
    if (head && IsPossessive(w)) break;
    const Pos p = v.pos(k);
    head = head || v.tok_mention[k] >= 0 || p == Pos::kNoun ||
           p == Pos::kPropn || p == Pos::kPron;
    ++k;
  }
  return head ? k : c;
}

// "told reporters at a rally in Ohio on Sunday that ...": the "that" within
// a few words after the addressee, with no punctuation before it; se when
// there is none.
uint32_t ThatAfterAddressee(const DocView& v, uint32_t k, uint32_t se) {
  for (uint32_t j = k; j < se && j < k + 12; ++j) {
    if (v.low[j] == "that") return j;
    if (v.IsPunct(j) || v.IsQuoteMark(j) || v.pos(j) == Pos::kVerb ||
        v.pos(j) == Pos::kAux)
      break;
  }
  return se;
}

// True when tokens [c, se) read as a reported clause: they open with a
// subject (a pronoun or a noun phrase, not a preposition, time or quote)
// and hold a finite verb before any quotation mark.
bool ClauseFollows(const DocView& v, uint32_t c, uint32_t se) {
  if (c >= se || v.IsPunct(c) || v.IsQuoteMark(c) || v.IsPreposition(c) ||
      v.low[c] == "to")
    return false;
  if (TimexAt(v, c) != nullptr) return false;
  const std::string_view w = v.low[c];
  const bool pronoun = IsSubjectPronoun(w) || w == "it" || w == "this" ||
                       w == "there" || w == "these" || w == "those";
  if (!pronoun && !InNounPhrase(v, c)) return false;
  // "she's with them": a clitic after a subject pronoun is "is" or "has".
  if (pronoun && c + 1 < se &&
      (v.low[c + 1] == "'s" || v.low[c + 1] == "\u2019s"))
    return true;
  for (uint32_t k = c + 1; k < se && k < c + 20; ++k) {
    if (v.IsQuoteMark(k) || IsTerminal(v, k)) return false;
    if (v.pos(k) == Pos::kVerb || v.pos(k) == Pos::kAux) return true;
  }
  return false;
}

// "about half", "around 300", "over $4 million": a word that is a
// preposition elsewhere used as an adverb of quantity.
bool ApproximateNumber(const DocView& v, uint32_t c, uint32_t se) {
  const std::string_view w = v.low[c];
  if (w != "about" && w != "around" && w != "over" && w != "under" &&
      w != "nearly")
    return false;
  if (c + 1 >= se) return false;
  const std::string_view n = v.low[c + 1];
  return v.pos(c + 1) == Pos::kNum || n == "half" || n == "$" ||
         n == "\u20ac" || n == "\u00a3" ||
         (!n.empty() && n[0] >= '0' && n[0] <= '9');
}

// After the preposition at c, a short time or venue phrase ("on Friday",
// "in a statement", "in an interview on Sunday") followed by a clause with
// its own subject; returns where the clause starts, or se.
uint32_t ClauseAfterPhrase(const DocView& v, uint32_t c, uint32_t se) {
  auto timex_end = [&](uint32_t k) { return SkipTimes(v, k, se); };
  auto clause_at = [&](uint32_t k) -> uint32_t {
    if (k < se && v.low[k] == ",") return se;  // "said on Friday, ..."
    return ClauseFollows(v, k, se) ? k : se;
  };
  // The preposition itself may open the time ("on Friday" as one timex).
  uint32_t k = timex_end(c);
  if (k > c) return clause_at(k);
  k = timex_end(c + 1);
  if (k > c + 1) return clause_at(k);
  // A noun phrase of at most five words; the clause's subject starts with
  // a pronoun or a determiner after it.
  for (k = c + 1; k < se && k < c + 7; ++k) {
    if (k > c + 1) {
      const uint32_t t = timex_end(k);  // "in a statement Friday the ..."
      if (t > k) return clause_at(t);
      const std::string_view w = v.low[k];
      if ((IsSubjectPronoun(w) || v.pos(k) == Pos::kDet) &&
          (v.tok_mention[k] < 0 || v.tok_mention[k] != v.tok_mention[k - 1]) &&
          ClauseFollows(v, k, se))
        return k;
    }
    if (!InNounPhrase(v, k)) return se;
  }
  return se;
}

// Tokens [b, e) before ", X said" that are only a fronted adjunct, not
// something said: a phrase with no verb ("In her post about the tweet, she
// said: ..."), or one opened by a preposition, a subordinator or "asked"
// with no main clause after a comma inside it ("In February, as a
// protester was removed, he said ...", "Asked whether she would run, she
// said ..."). "In 2015, the company grew, he said" has a main clause.
bool AdjunctOnly(const DocView& v, uint32_t b, uint32_t e) {
  if (b >= e) return true;
  bool verb = false;
  for (uint32_t k = b; k < e && !verb; ++k)
    verb = v.pos(k) == Pos::kVerb || v.pos(k) == Pos::kAux;
  if (!verb) return true;
  const std::string_view w = v.low[b];
  // "Whether X is Y will be Z", "That X did Y shows Z": a clause as the
  // subject, not an adjunct.
  if (w == "whether" || w == "that" || w == "what" || w == "how" ||
      w == "why" || w == "who")
    return false;
  const bool opener = v.pos(b) == Pos::kAdp || v.pos(b) == Pos::kSconj ||
                      w == "asked" || w == "when" || w == "while" ||
                      w == "as" || w == "after" || w == "before" ||
                      w == "if" || w == "although" || w == "though";
  if (!opener) return false;
  for (uint32_t k = b + 1; k + 1 < e; ++k) {
    if (v.low[k] != ",") continue;
    const Pos p = v.pos(k + 1);
    if (p == Pos::kAdp || p == Pos::kSconj || v.low[k + 1] == "as" ||
        v.low[k + 1] == "when" || v.low[k + 1] == "while")
      continue;
    if (ClauseFollows(v, k + 1, e)) return false;
  }
  return true;
}

// Appends the reported speech [c, e] with its frame; false when nothing was
// appended (too short, or inside or around a direct quote).
bool Emit(const DocView& v, const Speaker& s, std::string cue,
          uint32_t cue_first, uint32_t cue_last, uint32_t c, uint32_t e,
          const std::vector<ByteSpan>& direct, std::vector<Quote>* out,
          std::vector<QuoteFrame>* frames) {
  // "said Thursday (that) ...": a time expression right after the cue
  // belongs to the frame, not to what was said.
  for (bool moved = true; moved && c <= e;) {
    moved = false;
    const uint32_t tb = v.a->tokens[c].begin;
    for (const Timex& t : v.a->times) {
      if (t.span.begin <= tb && tb < t.span.end) {
        while (c <= e && v.a->tokens[c].begin < t.span.end) ++c;
        moved = true;
        break;
      }
    }
    if (c <= e && v.low[c] == "," && moved) ++c;
  }
  while (e > c && v.IsPunct(e) && !v.IsQuoteMark(e)) --e;
  if (e < c || e - c + 1 < 3) return false;
  uint32_t b = v.a->tokens[c].begin, end = v.a->tokens[e].end;
  // Quoted words inside reported speech ("called it a “disaster”") make a
  // mixed quote, kept whole; reported speech inside a direct quote is not a
  // quote of its own.
  for (const ByteSpan& d : direct) {
    if (d.begin < end && b < d.end && (d.begin <= b || d.end > end))
      return false;
  }
  Quote q;
  q.span = {b, end};
  q.direct = false;
  q.speaker = s.entity;
  if (s.entity < 0) q.speaker_text = s.text;
  q.cue = std::move(cue);
  out->push_back(std::move(q));
  if (frames != nullptr) frames->push_back(FrameOf(v, s, cue_first, cue_last));
  return true;
}

// Poll shares as speakers: "52 percent said ...", "some 56 percent of
// Cuban-Americans polled said ...", "six in 10 said ...", "a majority of
// voters say ...". The noun phrase ending right before the verb `i` (after
// adverbs such as "now", "also") when it opens with a quantity and names a
// share; not found otherwise.
Speaker QuantitySpeaker(const DocView& v, uint32_t i, uint32_t sf) {
  Speaker s;
  uint32_t g = i;
  while (g > sf && (IsAdverbLike(v, g - 1) || v.low[g - 1] == "now" ||
                    v.low[g - 1] == "also"))
    --g;
  if (g == sf) return s;
  auto approx = [&](uint32_t k) {
    const std::string_view w = v.low[k];
    return w == "some" || w == "about" || w == "nearly" || w == "almost" ||
           w == "only" || w == "just" || w == "roughly" || w == "around" ||
           w == "over" || w == "fully" || w == "a" || w == "the";
  };
  auto share_word = [&](std::string_view w) {
    return w == "percent" || w == "%" || w == "majority" || w == "half" ||
           w == "plurality" || w == "third" || w == "thirds" ||
           w == "quarter" || w == "quarters" || w == "fifths" ||
           w == "minority";
  };
  auto number = [&](uint32_t k) {
    const std::string_view w = v.low[k];
    static constexpr std::string_view kNumbers[] = {
        "eight", "five", "four", "nine", "one", "seven", "six", "three", "two"};
    return v.pos(k) == Pos::kNum || (!w.empty() && w[0] >= '0' && w[0] <= '9') ||
           std::find(std::begin(kNumbers), std::end(kNumbers), w) !=
               std::end(kNumbers);
  };
  // Walk back over the noun phrase (no verbs but "polled"/"surveyed", no
  // punctuation but "%" and "-").
  uint32_t b = g;
  bool share = false;
  for (uint32_t k = g; k-- > sf && g - k <= 10;) {
    const std::string_view w = v.low[k];
    const bool polled = w == "polled" || w == "surveyed" ||
                        w == "questioned" || w == "interviewed";
    if (v.IsPunct(k) && w != "%" && w != "-") break;
    // A preposition before the share opens no part of it ("with 30
    // percent saying ..."), but "of" and "in" do ("six in 10").
    if (!polled && (v.pos(k) == Pos::kVerb || v.pos(k) == Pos::kAux ||
                    v.pos(k) == Pos::kSconj || v.pos(k) == Pos::kCconj ||
                    v.pos(k) == Pos::kPron || w == "that" ||
                    (v.pos(k) == Pos::kAdp && w != "of" && w != "in")))
      break;
    share = share || share_word(w) ||
            (w == "in" && k > sf && k + 1 < g && number(k - 1) &&
             number(k + 1));
    b = k;
  }
  if (!share || b == g) return s;
  // The phrase must open with the quantity.
  uint32_t q = b;
  while (q < g && approx(q)) ++q;
  if (q >= g || !(number(q) || share_word(v.low[q]) ||
                  v.low[q] == "two-thirds" || v.low[q] == "three-quarters"))
    return s;
  s.found = true;
  s.first = b;
  s.last = g - 1;
  s.text = std::string(v.Text(b, g - 1));
  return s;
}

bool IsPollNoun(std::string_view w) {
  return w == "poll" || w == "polls" || w == "survey" || w == "surveys" ||
         w == "polling";
}

// A poll as the source of its findings, with "in" as the cue: "In a Des
// Moines Register poll released Monday, CLAUSE". The noun phrase after
// "in" must hold a poll noun before the comma.
void PollFrame(const DocView& v, uint32_t sf, uint32_t se,
               const std::vector<ByteSpan>& direct, std::vector<Quote>* out,
               std::vector<QuoteFrame>* frames) {
  if (se < sf + 5) return;
  auto speaker = [&](uint32_t b, uint32_t e) {
    Speaker s;
    s.found = true;
    s.first = b;
    s.last = e;
    s.text = std::string(v.Text(b, e));
    return s;
  };
  if (v.low[sf] == "in") {
    uint32_t k = sf + 1;
    bool poll = false;
    while (k < se && k < sf + 16 && v.low[k] != "," && !IsTerminal(v, k) &&
           !v.IsQuoteMark(k)) {
      poll = poll || IsPollNoun(v.low[k]);
      ++k;
    }
    if (poll && k + 3 < se && v.low[k] == "," && k > sf + 1 &&
        !(v.pos(sf + 1) == Pos::kVerb || v.pos(sf + 1) == Pos::kAux))
      Emit(v, speaker(sf + 1, k - 1), "in", sf, sf, k + 1,
           ContentEnd(v, k + 1, se) - 1, direct, out, frames);
    return;
  }
  // (A trailing "... lead in the polls." is not read as one: it reports a
  // standing, not what a poll says; on PolNeAR train four in five of them
  // were no attribution.)
}

// "Name: CLAUSE" opening a paragraph (a headline "Trump: Cruz has a long
// way to go", a transcript's speaker label "SMITH: We ...", "Poll: Clinton
// leads in Ohio"): the name is the source of the rest of the paragraph,
// with no cue word. The phrase before the colon is at most five tokens,
// each inside a person or organization mention (titles and possessives
// allowed before it), or a single report noun.
void LabelFrame(const DocView& v, uint32_t sf, uint32_t se,
                const std::vector<ByteSpan>& direct, std::vector<Quote>* out,
                std::vector<QuoteFrame>* frames) {
  const auto& toks = v.a->tokens;
  const std::string& text = v.a->doc.text;
  if (se < sf + 4) return;
  for (uint32_t b = toks[sf].begin; b > 0; --b) {
    const char c = text[b - 1];
    if (c == '\n') break;
    if (c != ' ' && c != '\t' && c != '\r') return;
  }
  uint32_t k = sf + 1;
  while (k < se && k < sf + 6 && v.low[k] != ":") ++k;
  if (k >= se || v.low[k] != ":" || k + 2 >= se) return;
  bool named = false;
  for (uint32_t j = sf; j < k; ++j) {
    const int32_t m = v.tok_mention[j];
    if (m >= 0) {
      const EntityType t = v.a->mentions[m].type;
      if (t != EntityType::kPerson && t != EntityType::kOrg) return;
      named = true;
    } else if (v.pos(j) != Pos::kPropn && v.low[j] != "'s" &&
               v.low[j] != "\u2019s" && v.low[j] != ".") {
      return;
    }
  }
  const std::string_view w = v.low[sf];
  const bool report = k == sf + 1 && (w == "poll" || w == "report" ||
                                      w == "study" || w == "survey");
  if (!named && !report) return;
  // The content runs to the end of the paragraph.
  const size_t nl = text.find('\n', toks[k].end);
  const uint32_t para_end = nl == std::string::npos
                                ? static_cast<uint32_t>(text.size())
                                : static_cast<uint32_t>(nl);
  uint32_t e = k + 1;
  while (e + 1 < v.size() && e < k + 150 && toks[e + 1].end <= para_end) ++e;
  Speaker s = v.SpeakerAt(k - 1, sf, se);
  if (!s.found || s.first < sf) {
    s.found = true;
    s.entity = -1;
    s.text = std::string(v.Text(sf, k - 1));
  }
  s.first = sf;
  s.last = k - 1;
  Emit(v, s, "", 1, 0, k + 1, e, direct, out, frames);
}

void AddIndirect(const DocView& v, const QuoteOptions& opt,
                 const std::vector<ByteSpan>& direct, std::vector<Quote>* out,
                 std::vector<QuoteFrame>* frames) {
  for (const Sentence& sent : v.sentences) {
    const uint32_t sf = sent.first_token, se = sent.end_token;
    if (se <= sf || se - sf > opt.max_sentence_tokens) continue;
    // "According to X, CLAUSE".
    if (se - sf > 4 && v.low[sf] == "according" && v.low[sf + 1] == "to") {
      Speaker s = v.SpeakerAt(sf + 2, sf, se);
      if (v.tok_mention[sf + 2] >= 0)
        s = v.SpeakerAt(v.m_last[v.tok_mention[sf + 2]], sf, se);
      uint32_t k = sf + 2;
      while (k < se && v.low[k] != ",") ++k;
      // "According to a poll released Tuesday by X, ...": the whole phrase
      // up to the comma names the source.
      if (!s.found && k < se && k > sf + 2 && k - sf <= 20) {
        s.found = true;
        s.first = sf + 2;
        s.last = k - 1;
        s.text = std::string(v.Text(sf + 2, k - 1));
      }
      if (s.found && k + 1 < se)
        Emit(v, s, "according to", sf, sf + 1, k + 1, se - 1, direct, out,
             frames);
    }
    PollFrame(v, sf, se, direct, out, frames);
    LabelFrame(v, sf, se, direct, out, frames);
    // "CLAUSE, according to X.", "CLAUSE according to X", "A, according to
    // X, B."
    for (uint32_t k = sf + 2; k + 2 < se; ++k) {
      if (v.low[k] != "according" || v.low[k + 1] != "to") continue;
      if (k < sf + 4 && v.low[k - 1] != ",") continue;
      uint32_t x = k + 2;
      Speaker s = v.SpeakerAt(x, sf, se);
      if (v.tok_mention[x] >= 0) {
        s = v.SpeakerAt(v.m_last[v.tok_mention[x]], sf, se);
      }
      if (!s.found) {
        // "according to a report by X", "according to the Journal".
        uint32_t e = x;
        while (e + 1 < se && e < x + 6 && !v.IsPunct(e + 1)) ++e;
        s.found = true;
        s.first = x;
        s.last = e;
        s.text = std::string(v.Text(x, e));
      }
      if (!s.found) break;
      const uint32_t before_end = v.low[k - 1] == "," ? k - 2 : k - 1;
      // "A, according to X, B": the longer side of the parenthesis.
      uint32_t after_b = s.last + 1;
      if (v.low[k - 1] == "," && after_b + 3 < se && v.low[after_b] == "," &&
          se - after_b > before_end + 1 - sf) {
        Emit(v, s, "according to", k, k + 1, after_b + 1, se - 1, direct, out,
             frames);
      } else {
        Emit(v, s, "according to", k, k + 1, sf, before_end, direct, out,
             frames);
      }
      break;
    }
    for (uint32_t i = sf; i < se && out->size() < opt.max_quotes; ++i) {
      const bool belief = v.lex->IsCue(CueKind::kBelief, v.lem[i]) &&
                          i + 1 < se && v.low[i + 1] == "that" &&
                          v.tok_mention[i] < 0 && v.IsVerbLike(i);
      if (!IsSpeechVerb(v, i) && !belief) continue;
      if (Overlaps(direct, v.a->tokens[i].begin, v.a->tokens[i].end)) continue;
      std::string cue(v.low[i]);
      Speaker s = v.SpeakerOf(i, false);
      // A poll share replaces a subject found inside it ("10" of "six in
      // 10", "voters" of "52 percent of voters").
      if (Speaker share = QuantitySpeaker(v, i, sf);
          share.found && (!s.found || (s.first >= share.first &&
                                       s.last <= share.last))) {
        s = std::move(share);
      }
      // "X issued a statement saying ...": X says it.
      if (s.found && s.last + 1 == i && v.low[i].ends_with("ing")) {
        uint32_t b = s.first, e = s.last;
        if (StatementAuthor(v, sf, &b, &e)) {
          Speaker author = v.SpeakerAt(e, sf, se);
          if (author.found) s = std::move(author);
        }
      }
      if (s.found) {
        uint32_t c = se;
        std::string_view lemma = v.lem[i];
        auto find_that = [&](uint32_t from, uint32_t max) -> uint32_t {
          for (uint32_t k = from; k < se && k < from + max; ++k) {
            if (v.low[k] == "that") return k;
            if (v.IsPunct(k) && v.low[k] != ",") break;
          }
          return se;
        };
        if (lemma == "say") {
          uint32_t t = find_that(i + 1, 6);
          if (t < se) {
            c = t;  // "that" is part of the content (PolNeAR, PARC)
          } else if (i + 1 < se && !v.IsPunct(i + 1) && v.low[i + 1] != "to" &&
                     v.low[i + 1] != "so" && !v.IsPreposition(i + 1)) {
            // A that-less complement must be a clause: it needs a verb
            // (unless the tagger gave us nothing to go on).
            bool verb = false, tagged = false;
            for (uint32_t k = i + 1; k < se; ++k) {
              tagged = tagged || v.pos(k) != Pos::kX;
              verb = verb || v.pos(k) == Pos::kVerb || v.pos(k) == Pos::kAux;
            }
            // With tags, a clause with a subject of its own ("said they
            // would vote"), after a time ("said Tuesday he would"); not an
            // adjunct ("said as he launched the process", "said, drawing
            // applause", "said matter-of-factly").
            const uint32_t k = SkipTimes(v, i + 1, se);
            if (!tagged || (verb && ClauseFollows(v, k, se))) c = i + 1;
          } else if (i + 2 < se && v.low[i + 1] == "," &&
                     !v.IsQuoteMark(i + 2) && !v.IsPunct(i + 2) &&
                     s.first < i && !Overlaps(direct, v.a->tokens[i + 2].begin,
                                              v.a->tokens[se - 1].end)) {
            // "X says, win or lose, he is staying": the clause after the
            // comma, when it has a verb of its own; not "A, X said, B" (a
            // comma before the speaker), whose content is both sides.
            bool verb = false, comma_before = false;
            for (uint32_t k = i + 2; k < se && !verb; ++k)
              verb = v.pos(k) == Pos::kVerb || v.pos(k) == Pos::kAux;
            for (uint32_t k = sf; k < s.first && !comma_before; ++k)
              comma_before = v.low[k] == ",";
            if (verb && !comma_before) c = i + 2;
          }
        } else if (lemma == "tell") {
          // "told reporters (that) CLAUSE"; "told CNN's X on Sunday, “...”"
          // reports no clause here (the direct quote is its content).
          const uint32_t k = AddresseeEnd(v, i + 1, se);
          if (k > i + 1 && ClauseFollows(v, k, se)) {
            c = k;
          } else if (k > i + 1) {
            c = ThatAfterAddressee(v, k, se);
          }
        } else if (belief || v.lex->IsCue(CueKind::kThatSpeech, lemma)) {
          uint32_t t = find_that(i + 1, 4);
          if (t < se) c = t;
        }
        if (c < se) {
          Emit(v, s, cue, i, i, c, ContentEnd(v, c, se) - 1, direct, out,
               frames);
          continue;
        }
      }
      // "CLAUSE, X said." / "CLAUSE, said X."
      Speaker after = s.found ? s : v.SpeakerOf(i, true);
      if (!after.found) continue;
      uint32_t g = std::min(after.first, i);
      uint32_t tail = std::max(after.last, i) + 1;
      while (tail < se && v.IsPunct(tail) && !v.IsQuoteMark(tail)) ++tail;
      // "CLAUSE, X said." and "A, X said, B." (A, then B continuing the
      // same content; B alone when A is too short to stand as a quote:
      // "Many days, former employees said, she would ...").
      const uint32_t frame_end = std::max(after.last, i);
      const bool middle =
          after.first < i && frame_end + 2 < se && v.low[frame_end + 1] == ",";
      // The speaker's determiner and modifiers ("the officials").
      while (g > sf + 1 && v.low[g - 1] != "," && !v.IsPunct(g - 1) &&
             (v.IsDeterminerLike(g - 1) || v.pos(g - 1) == Pos::kAdj))
        --g;
      // "CLAUSE, X said Tuesday in Paris." and "CLAUSE, X said Tuesday,
      // noting ...": a time or place after the cue, then the clause end or
      // a participle clause, still closes the frame.
      bool closes = false;
      if (!middle && tail < se) {
        uint32_t k = frame_end + 1;
        while (k < se && k < frame_end + 9 && !v.IsPunct(k) &&
               !v.IsQuoteMark(k) && v.pos(k) != Pos::kVerb &&
               v.pos(k) != Pos::kAux && v.low[k] != "that")
          ++k;
        closes = k > frame_end + 1 && (k >= se || IsTerminal(v, k) ||
                                       (v.low[k] == "," && k + 1 < se &&
                                        v.low[k + 1].ends_with("ing") &&
                                        v.pos(k + 1) == Pos::kVerb));
        // "CLAUSE, said X, a professor at Y.", "CLAUSE, said X, adding
        // ..." and "CLAUSE, said Ms. Gil, with games ...": with the verb
        // before its subject, whatever follows the speaker's comma (an
        // apposition, a participle clause, more of the sentence) leaves the
        // clause before the verb what was said.
        if (!closes && after.first > i && frame_end + 2 < se &&
            v.low[frame_end + 1] == ",")
          closes = true;
      }
      if (g > sf + 1 && v.low[g - 1] == "," &&
          (tail >= se || middle || closes)) {
        const size_t first = out->size();
        // A fronted adjunct opens the clause after the frame ("After the
        // winter, they said, prices will rise") but is nothing said on its
        // own, before a direct quote or the sentence end.
        const bool b_direct =
            middle && Overlaps(direct, v.a->tokens[frame_end + 2].begin,
                               v.a->tokens[frame_end + 2].end);
        const bool head =
            (!AdjunctOnly(v, sf, g - 1) || (middle && !b_direct)) &&
            Emit(v, after, cue, i, i, sf, g - 2, direct, out, frames);
        if (middle) {
          const uint32_t b = frame_end + 2;
          const size_t second = out->size();
          if (Emit(v, after, cue, i, i, b, ContentEnd(v, b, se) - 1, direct,
                   out, frames) &&
              head && frames != nullptr && second < frames->size()) {
            (*frames)[second].continues = static_cast<int32_t>(first);
            (*frames)[second].source = {};
            (*frames)[second].cue = {};
          }
        }
      }
    }
  }
}

bool IsQuestionWord(std::string_view w) {
  return w == "about" || w == "what" || w == "whether" || w == "why" ||
         w == "how" || w == "if" || w == "who" || w == "where" ||
         w == "which" || w == "when";
}

// "Asked about X, ...", "When asked what ..., ...": "asked" opens its
// sentence (after "when", "if", "after" or "but when") and the question
// word follows within a few tokens, with a comma closing the question.
bool AskedFrame(const DocView& v, uint32_t sf, uint32_t i, uint32_t se,
                const std::vector<ByteSpan>& taken,
                const std::vector<ByteSpan>& cues) {
  const auto& toks = v.a->tokens;
  if (Overlaps(taken, toks[i].begin, toks[i].end) ||
      Overlaps(cues, toks[i].begin, toks[i].end))
    return false;
  uint32_t k = i;
  if (k > sf && (v.low[k - 1] == "when" || v.low[k - 1] == "if" ||
                 v.low[k - 1] == "after" || v.low[k - 1] == "once"))
    --k;
  if (k > sf && (v.low[k - 1] == "but" || v.low[k - 1] == "and")) --k;
  if (k != sf) return false;
  uint32_t q = i + 1;
  while (q < se && q < i + 4 && !IsQuestionWord(v.low[q]) && !v.IsPunct(q)) ++q;
  if (q >= se || !IsQuestionWord(v.low[q])) return false;
  uint32_t c = q + 1;
  while (c < se && c < q + 40 && v.low[c] != ",") ++c;
  return c < se && v.low[c] == "," && c > q;
}

// Verbs of aspect and effort that take an attribution verb as infinitive
// and are part of its cue ("continued to suggest").
bool IsAspectual(std::string_view w) {
  static constexpr std::string_view kForms[] = {
      "attempt",   "attempted", "attempting", "attempts", "began",
      "begin",     "beginning", "begins",     "begun",    "continue",
      "continued", "continues", "continuing", "fail",     "failed",
      "fails",     "start",     "started",    "starting", "starts",
      "tend",      "tended",    "tends",      "tried",    "tries",
      "try",       "trying",
  };
  return std::binary_search(std::begin(kForms), std::end(kForms), w);
}

// A participle inside a noun phrase, modifying the noun after it: "400
// pledged delegates", "four Republican nominating contests", "strict voting
// laws" (a number, adjective, determiner or possessive before it).
bool ModifierParticiple(const DocView& v, uint32_t sf, uint32_t i,
                        uint32_t se) {
  const std::string_view w = v.low[i];
  if (i == sf || i + 1 >= se || !(w.ends_with("ed") || w.ends_with("ing")))
    return false;
  if (v.pos(i + 1) != Pos::kNoun || v.tok_mention[i + 1] >= 0) return false;
  const Pos p = v.pos(i - 1);
  // A nationality or party adjective tagged as a name ("the Democratic
  // nominating contest") modifies like any adjective.
  const int32_t m = v.tok_mention[i - 1];
  const bool norp = m >= 0 && v.a->mentions[m].type == EntityType::kNorp;
  return p == Pos::kNum || p == Pos::kAdj || p == Pos::kDet || norp ||
         IsPossessive(v.low[i - 1]);
}

// An attribution verb the tagger called a noun or an adjective ("The poll
// also suggests that ...", "supporters argue that ...", "She predicts it
// ..."): an inflected or base form of a verb of the list, not after a
// determiner, number or possessive, with "that" right after it, a subject
// pronoun right before it, or an auxiliary or adverb of the verb group
// right before it and a pronoun subject or "to" after it.
bool MistaggedVerb(const DocView& v, uint32_t sf, uint32_t i, uint32_t se) {
  const Pos p = v.pos(i);
  if ((p != Pos::kNoun && p != Pos::kAdj) || v.tok_mention[i] >= 0 || i == sf ||
      i + 1 >= se)
    return false;
  const std::string_view base = AttributionBase(v.low[i]);
  if (base.empty()) return false;
  const std::string_view prev = v.low[i - 1];
  if (v.pos(i - 1) == Pos::kDet || v.pos(i - 1) == Pos::kAdj ||
      (v.pos(i - 1) == Pos::kAdp && prev != "to") ||
      v.pos(i - 1) == Pos::kNum || IsPossessive(prev) || prev == "'s" ||
      prev == "\u2019s")
    return prev == "both" || prev == "all";
  if (v.low[i + 1] == "that") return true;
  if (IsSubjectPronoun(prev)) return true;  // "She predicts it could ..."
  // An inflected form right after a name that is a person or organization
  // ("Trump argued the deal ...", "The campaign's Smith warns voters").
  const int32_t pm = v.tok_mention[i - 1];
  const std::string_view w = v.low[i];
  if (pm >= 0 && v.m_last[pm] == i - 1 &&
      (v.a->mentions[pm].type == EntityType::kPerson ||
       v.a->mentions[pm].type == EntityType::kOrg) &&
      (w.ends_with("ed") || w.ends_with("s") || base == "say" ||
       base == "tell" || base == "think" || base == "write"))
    return true;
  return IsAuxLike(v, i - 1) && v.lem[i - 1] != "be" &&
         (IsSubjectPronoun(v.low[i + 1]) || v.low[i + 1] == "to");
}

// The base standing for a past participle of a verb of feeling ("angered",
// "impressed") before "by".
constexpr std::string_view kFeelingBase = "<feeling>";

// Past participles of verbs of feeling whose by-phrase names what the
// subject feels about ("voters were angered by the remarks"), sorted.
constexpr std::string_view kFeelingParticiples[] = {
    "alarmed",   "amused",     "angered",    "annoyed",      "baffled",
    "bothered",  "concerned",  "delighted",  "disappointed", "disgusted",
    "dismayed",  "encouraged", "frightened", "frustrated",   "horrified",
    "impressed", "incensed",   "infuriated", "inspired",     "intrigued",
    "offended",  "outraged",   "pleased",    "puzzled",      "scared",
    "shocked",   "stunned",    "surprised",  "terrified",    "troubled",
    "upset",     "worried",
};
static_assert(std::is_sorted(std::begin(kFeelingParticiples),
                             std::end(kFeelingParticiples)));

// "O'Malley's move was first reported by MSNBC", "the plan was rejected by
// 64 percent of voters": a passive attribution verb with a by-phrase; the
// agent is the source, the passive subject the content. "Voters were
// angered by the remarks": a verb of feeling; the subject is the source,
// the by-phrase the content. `g` starts the verb group, `i` is the verb.
bool AgentFrame(const DocView& v, uint32_t sf, uint32_t g, uint32_t i,
                uint32_t se, bool feeling, Frame* f) {
  uint32_t by = i + 1;
  while (by < se && by < i + 3 && v.pos(by) == Pos::kAdv) ++by;
  if (by + 1 >= se || v.low[by] != "by") return false;
  // The noun phrase after "by", up to a comma, clause end or verb.
  uint32_t ab = by + 1, ae = ab;
  if (!InNounPhrase(v, ab)) return false;
  while (ae + 1 < se && ae < ab + 15 &&
         (InNounPhrase(v, ae + 1) ||
          ((v.low[ae + 1] == "of" || v.low[ae + 1] == "and" ||
            v.low[ae + 1] == "in") &&
           ae + 2 < se && InNounPhrase(v, ae + 2))))
    ++ae;
  uint32_t nb = 0, ne = 0;
  if (g <= sf || !SourceBefore(v, g, sf, &nb, &ne)) return false;
  if (v.low[ne] == "it" || v.low[ne] == "there" || v.low[ne] == "that")
    return false;
  f->has_source = true;
  f->cue_b = g;
  f->cue_e = by;
  if (feeling) {
    f->src_b = nb;
    f->src_e = ne;
    f->con_b = ab;
    f->con_e = ae;
  } else {
    f->src_b = ab;
    f->src_e = ae;
    f->con_b = nb;
    f->con_e = ne;
  }
  return true;
}

// The base standing for a verb outside the list that takes a that-clause.
constexpr std::string_view kGenericBase = "<that>";

// Verbs that take a that-clause without attributing it: purpose and result
// ("ensure that", "mean that"), existence and fact ("is that", "given that").
bool NonAttributiveThatVerb(std::string_view lemma) {
  static constexpr std::string_view kLemmas[] = {
      "be",   "do",      "ensure",  "given", "have", "make",
      "mean", "provide", "require", "see",   "so",   "such",
  };
  return std::find(std::begin(kLemmas), std::end(kLemmas), lemma) !=
         std::end(kLemmas);
}

// A verb outside the attribution list followed by a that-clause: "that"
// right after it and a clause after "that" (a subject and a verb), so that
// "that" is a complementizer, not a relative or demonstrative pronoun.
bool ThatClauseVerb(const DocView& v, uint32_t sf, uint32_t i, uint32_t se) {
  if (v.pos(i) != Pos::kVerb || v.tok_mention[i] >= 0 || i == sf ||
      i + 3 >= se || v.low[i + 1] != "that")
    return false;
  if (NonAttributiveThatVerb(v.lem[i]) || NonAttributiveThatVerb(v.low[i]))
    return false;
  return ClauseFollows(v, i + 2, se);
}

// The base standing for a verb the cue model reads as a cue.
constexpr std::string_view kLearnedBase = "<learned>";

// The subject of the attribution verb at token i over the parse of sentence
// si: its nsubj, else (a coordinated verb, a participle clause, a verb under
// a control verb) the nsubj of the verb before it that it hangs from, two
// levels at most.
// Sets [*b, *e] to the subject's words from its leftmost dependent to its
// head (a name: to the name's end), leaving out what follows the head
// (appositions, relative clauses). False without a parse or a subject, or
// for "it" and "there".
bool ParsedSubject(const DocView& v, LazyParse* parse, uint32_t si,
                   uint32_t i, uint32_t* b, uint32_t* e) {
  if (parse == nullptr || !parse->Ensure(si)) return false;
  uint32_t h = i;
  for (int depth = 0; depth < 3; ++depth) {
    for (const uint32_t* k = parse->kids_begin(h); k != parse->kids_end(h);
         ++k) {
      if (parse->rel(*k) != Rel::kNsubj) continue;
      const uint32_t n = *k;
      const std::string_view w = v.low[n];
      if (w == "it" || w == "there" || w == "which" || w == "that") return false;
      uint32_t first = n;
      for (const uint32_t* d = parse->kids_begin(n); d != parse->kids_end(n);
           ++d)
        if (*d < first && parse->rel(*d) != Rel::kCc &&
            parse->rel(*d) != Rel::kOther && !v.IsPunct(*d))
          first = std::min(first, *d);
      uint32_t last = n;
      if (v.tok_mention[n] >= 0) last = std::max(last, v.m_last[v.tok_mention[n]]);
      *b = first;
      *e = last;
      return true;
    }
    // Up to the verb it hangs from, only leftwards: a fronted participle
    // ("Speaking on the radio, X said ...") is an adjunct of the verb after
    // it, which has its own attribution.
    const Rel r = parse->rel(h);
    if (parse->head(h) >= h ||
        !(r == Rel::kConj || r == Rel::kAdvcl || r == Rel::kXcomp))
      return false;
    h = parse->head(h);
  }
  return false;
}

// The source [*b, *e] (tokens) of an attribution already found whose
// content ends right before the conjunction at token conj (a comma between
// allowed), in the sentence starting at sf; false when there is none.
bool EarlierAttributionSource(const DocView& v, const std::vector<Quote>& out,
                              const std::vector<QuoteFrame>* frames,
                              uint32_t conj, uint32_t sf, uint32_t* b,
                              uint32_t* e) {
  if (frames == nullptr) return false;
  uint32_t k = conj;
  if (k > sf && v.low[k - 1] == ",") --k;
  if (k <= sf) return false;
  const auto& toks = v.a->tokens;
  const uint32_t content_end = toks[k - 1].end;
  const uint32_t floor = toks[sf].begin;
  for (size_t q = 0; q < out.size() && q < frames->size(); ++q) {
    const ByteSpan src = (*frames)[q].source;
    if (out[q].direct || out[q].span.end != content_end || src.empty() ||
        src.begin < floor || src.end > out[q].span.begin)
      continue;
    uint32_t sb = FirstTokenFrom(v, src.begin), se = sb;
    while (se + 1 < k && toks[se + 1].end <= src.end) ++se;
    if (sb >= k || toks[se].end != src.end) continue;
    *b = sb;
    *e = se;
    return true;
  }
  return false;
}

void AddAttributions(const DocView& v, const QuoteOptions& opt,
                     const std::vector<ByteSpan>& direct,
                     std::vector<Quote>* out, std::vector<QuoteFrame>* frames) {
  // Bytes already attributed: contents of quotes found so far (nested
  // attributions are not annotated) and their cues.
  std::vector<ByteSpan> taken;
  std::vector<ByteSpan> cues;
  for (size_t i = 0; i < out->size(); ++i) {
    taken.push_back((*out)[i].span);
    if (frames != nullptr && i < frames->size() && !(*frames)[i].cue.empty())
      cues.push_back((*frames)[i].cue);
  }
  for (const ByteSpan& d : direct) taken.push_back(d);
  // Direct quotes only (see nested attributions below).
  std::vector<ByteSpan> outer(direct.begin(), direct.end());
  const auto& toks = v.a->tokens;
  // Adds the attribution of frame f (no source when !f.has_source) unless
  // its content is already attributed; false when it was not added.
  auto add = [&](const Frame& f, const Sentence& sent) -> bool {
    const uint32_t sf = sent.first_token, se = sent.end_token;
    ByteSpan con{toks[f.con_b].begin, toks[f.con_e].end};
    const bool nested =
        f.nested && !Overlaps(outer, toks[f.cue_b].begin, con.end);
    if (!nested && Overlaps(taken, con.begin, con.end)) {
      // Already a quote's content (or inside a direct quote): only a
      // mixed quote ("called it a “disaster”") is added.
      // An attribution found earlier inside this content with its own cue
      // there too is nested in this one ("X noted that Y had tweeted that
      // Z"), not the same content found twice.
      auto nested_in = [&](const ByteSpan& t) {
        if (frames == nullptr) return false;
        for (size_t k = 0; k < out->size() && k < frames->size(); ++k) {
          const ByteSpan q = (*out)[k].span, c = (*frames)[k].cue;
          if (q.begin == t.begin && q.end == t.end && !c.empty() &&
              con.begin <= c.begin && c.end <= con.end)
            return true;
        }
        return false;
      };
      bool inside = false;
      for (const ByteSpan& t : taken)
        inside = inside || (t.begin <= con.begin && con.end <= t.end) ||
                 (con.begin <= t.begin && t.end <= con.end &&
                  t.size() * 2 > con.size() && !nested_in(t));
      if (inside) return false;
    }
    Quote q;
    q.span = con;
    q.direct = false;
    q.cue = std::string(v.Text(f.cue_b, f.cue_e));
    if (f.has_source) {
      Speaker s = v.SpeakerAt(f.src_e, sf, se);
      if (s.found && s.entity >= 0) {
        q.speaker = s.entity;
      } else {
        q.speaker_text = std::string(v.Text(f.src_b, f.src_e));
      }
    }
    out->push_back(std::move(q));
    if (frames != nullptr) {
      QuoteFrame qf;
      if (f.has_source) qf.source = {toks[f.src_b].begin, toks[f.src_e].end};
      qf.cue = {toks[f.cue_b].begin, toks[f.cue_e].end};
      frames->push_back(qf);
    }
    taken.push_back(con);
    cues.push_back({toks[f.cue_b].begin, toks[f.cue_e].end});
    return true;
  };
  // Scratch for the cue model's features (reused).
  std::string cue_scratch;
  std::vector<uint64_t> cue_features;
  // The last attribution added: its sentence, source and content end.
  const Sentence* prev_sentence = nullptr;
  uint32_t prev_src_b = 0, prev_src_e = 0, prev_end = 0;
  for (const Sentence& sent : v.sentences) {
    const uint32_t sf = sent.first_token, se = sent.end_token;
    if (se <= sf || se - sf > opt.max_sentence_tokens) continue;
    for (uint32_t i = sf; i < se && out->size() < opt.max_quotes; ++i) {
      if (IsEvidentialVerb(v.low[i]) && v.pos(i) == Pos::kVerb &&
          !Overlaps(taken, toks[i].begin, toks[i].end)) {
        Frame ef;
        if (EvidentialFrame(v, sf, i, se, &ef)) add(ef, sent);
        continue;
      }
      const bool mistagged = MistaggedVerb(v, sf, i, se);
      if (v.pos(i) == Pos::kNoun && !mistagged &&
          !Overlaps(taken, toks[i].begin, toks[i].end)) {
        Frame nf;
        if (NominalFrame(v, sf, i, se, &nf)) add(nf, sent);
        continue;
      }
      // "Asked about X, she said ...", "When asked whether ..., he ...": the
      // question is a sourceless attribution (its asker is not named).
      if (v.low[i] == "asked" && AskedFrame(v, sf, i, se, taken, cues)) {
        Frame af;
        af.cue_b = af.cue_e = i;
        af.con_b = i + 1;
        while (!IsQuestionWord(v.low[af.con_b])) ++af.con_b;
        af.con_e = af.con_b;
        while (af.con_e + 1 < se && v.low[af.con_e + 1] != "," &&
               !IsTerminal(v, af.con_e + 1))
          ++af.con_e;
        add(af, sent);
        continue;
      }
      std::string_view base = AttributionBase(v.low[i]);
      // Any other verb with a that-clause ("insinuated that", "griped
      // that"): the clause is its content.
      const bool generic = base.empty() && ThatClauseVerb(v, sf, i, se);
      if (generic) base = kGenericBase;
      if (base.empty() && InSorted(kFeelingParticiples, v.low[i]) &&
          i + 1 < se && v.low[i + 1] == "by" && v.tok_mention[i] < 0)
        base = kFeelingBase;
      if (base.empty() && opt.cue_model != nullptr &&
          CueCandidate(v, i, sf, se)) {
        cue_features.clear();
        CueFeatures(v, i, sf, se, &cue_scratch, &cue_features);
        if (opt.cue_model->Probability(cue_features) >=
            opt.cue_model->threshold())
          base = kLearnedBase;
      }
      if (base.empty() || v.tok_mention[i] >= 0) continue;
      if (ModifierParticiple(v, sf, i, se)) continue;
      // "issued a statement saying ...": the participle is the cue (found
      // before this pass), not the verb putting the statement out.
      {
        uint32_t k = i + 1;
        while (k < se && k < i + 4 &&
               (v.IsDeterminerLike(k) || v.pos(k) == Pos::kAdj))
          ++k;
        if (k + 1 < se && IsCommunicationNoun(v.low[k]) &&
            Overlaps(cues, toks[k + 1].begin, toks[k + 1].end))
          continue;
      }
      // "adding to her lead": an increase, not an addition to what was said.
      if (base == "add" && i + 1 < se && v.low[i + 1] == "to") continue;
      const Pos p = v.pos(i);
      // A participle the tagger called an adjective after "be" and before
      // "by" is a passive verb ("was first reported by").
      const bool by_passive = i > sf && i + 1 < se && v.low[i + 1] == "by" &&
                              v.low[i].ends_with("ed") && IsAuxLike(v, i - 1);
      if (p != Pos::kVerb && p != Pos::kAux && p != Pos::kX && !mistagged &&
          !by_passive)
        continue;
      // An attribution nested in reported speech is kept when its cue is a
      // verb of saying ("said Y told him that Z").
      const bool nested_ok = base == "say" || base == "tell";
      if (Overlaps(nested_ok ? outer : taken, toks[i].begin, toks[i].end) ||
          Overlaps(cues, toks[i].begin, toks[i].end))
        continue;
      const bool ing = v.low[i].ends_with("ing");
      // The verb group: auxiliaries, negation and adverbs before the verb.
      uint32_t g = i;
      bool passive = false;
      while (g > sf && IsAuxLike(v, g - 1)) {
        if (v.lem[g - 1] == "be" && !ing) passive = true;
        --g;
      }
      // "to" before the verb: an infinitive under another verb ("wants to
      // say"); the outer verb is the attribution, if any. An aspectual verb
      // is part of the cue instead ("continued to suggest", "began to
      // argue", "tried to explain").
      if (g > sf + 1 && v.low[g - 1] == "to" && IsAspectual(v.low[g - 2]) &&
          v.tok_mention[g - 2] < 0) {
        g -= 2;
        while (g > sf && IsAuxLike(v, g - 1)) --g;
      }
      if (g > sf && v.low[g - 1] == "to") continue;
      if (passive) {
        Frame af;
        if (AgentFrame(v, sf, g, i, se, base == kFeelingBase, &af) &&
            add(af, sent)) {
          prev_sentence = nullptr;
          continue;
        }
        // "X is expected to ...", "it is believed that ...", "was asked
        // whether ...": a sourceless attribution whose content follows.
        Frame pf;
        if (PassiveFrame(v, g, i, se, base, &pf) && add(pf, sent))
          prev_sentence = nullptr;
        continue;
      }
      Frame f;
      f.cue_b = g;
      f.cue_e = i;
      f.nested = nested_ok;
      // Source before the verb group; "X criticized Y and said Z": the
      // second verb shares the first one's subject.
      if (g > sf + 1 && (v.low[g - 1] == "and" || v.low[g - 1] == "but") &&
          prev_end + 1 == g - 1 && prev_sentence == &sent) {
        f.has_source = true;
        f.src_b = prev_src_b;
        f.src_e = prev_src_e;
      } else if (g > sf + 1 && (v.low[g - 1] == "and" || v.low[g - 1] == "but") &&
                 EarlierAttributionSource(v, *out, frames, g - 1, sf, &f.src_b,
                                          &f.src_e)) {
        // "X said he was not ready, and suggested that ...": the first
        // verb's attribution (found before this pass) ends right before
        // the conjunction; its source is this verb's subject too.
        f.has_source = true;
      } else if (ing && g > sf + 1 && v.low[g - 1] == "," &&
                 ParticipleSubject(v, g, sf, &f.src_b, &f.src_e)) {
        // "Trump dismissed Walker as a weak leader, arguing that ...": a
        // participle after a comma takes the clause's subject, not the
        // noun phrase before the comma.
        f.has_source = true;
      } else if (g > sf) {
        f.has_source =
            CoordinatedSubject(v, g, sf, direct, &f.src_b, &f.src_e) ||
            SourceBefore(v, g, sf, &f.src_b, &f.src_e);
      }
      // "..., saying that ...": a participle takes the clause's subject.
      if (!f.has_source && ing)
        f.has_source = ParticipleSubject(v, g, sf, &f.src_b, &f.src_e);
      // "X issued a statement saying ...": the statement is what X put
      // out; X is the source.
      if (f.has_source && ing && f.src_e + 1 == g)
        StatementAuthor(v, sf, &f.src_b, &f.src_e);
      // A bare relative "that" is no source ("the groups that brought
      // them in and say ...").
      if (f.has_source && f.src_b == f.src_e && v.low[f.src_b] == "that")
        f.has_source = false;
      if (!f.has_source && opt.parse != nullptr)
        f.has_source = ParsedSubject(
            v, opt.parse, static_cast<uint32_t>(&sent - v.sentences.data()),
            i, &f.src_b, &f.src_e);
      if (!f.has_source) continue;
      if (v.low[f.src_e] == "it" || v.low[f.src_e] == "there") continue;
      // Content after the verb group.
      uint32_t c = i + 1;
      const bool say = base == "say" || base == "tell";
      if (say && c < se && v.IsPreposition(c) && !ApproximateNumber(v, c, se)) {
        // "said on Fox News that ...": the venue is neither cue nor content.
        uint32_t k = c;
        while (k < se && k < c + 10 && v.low[k] != "that" && !v.IsPunct(k)) ++k;
        if (k < se && v.low[k] == "that") {
          c = k;
        } else {
          // "said on Friday he met ...", "said in a statement the talks
          // ...": a short time or venue phrase, then a clause with no
          // "that".
          k = ClauseAfterPhrase(v, c, se);
          if (k >= se) continue;
          c = k;
        }
      } else if (!say && c < se && IsParticle(v.low[c]) && c + 1 < se) {
        f.cue_e = c;
        ++c;
      } else if (c + 1 < se && v.low[c] == "to" && !v.IsVerbLike(c + 1)) {
        f.cue_e = c;  // "referring to X", "pointed to X"
        ++c;
      } else if (c < se && v.IsPreposition(c) && v.low[c] != "to" &&
                 !ApproximateNumber(v, c, se)) {
        // "speaking outside the main gate", "spoke at a rally": a venue,
        // not content; only a that-clause after it is ("spoke at a rally
        // that ...").
        uint32_t k = c;
        while (k < se && k < c + 10 && v.low[k] != "that" && !v.IsPunct(k)) ++k;
        if (k >= se || v.low[k] != "that") continue;
        c = k;
      }
      // A time right after the cue belongs to the frame ("said Tuesday").
      c = SkipTimes(v, c, se);
      // The addressee is not content ("told reporters that ..."); "told X"
      // with no clause after it is no attribution of its own (its content,
      // if any, is a direct quote).
      if (base == "tell") {
        uint32_t k = AddresseeEnd(v, c, se);
        if (k == c) continue;
        const bool complement =
            k < se &&
            (v.low[k] == "to" || v.low[k] == "not" || v.low[k] == "whether" ||
             v.low[k] == "if" || v.low[k] == "about" || v.low[k] == "how" ||
             v.low[k] == "what" || v.low[k] == "why");
        if (!complement && !ClauseFollows(v, k, se)) {
          k = ThatAfterAddressee(v, k, se);
          if (k >= se) continue;
        }
        c = k;
      } else if (InSorted(kAddresseeVerbs, base)) {
        uint32_t k = c;
        while (k < se && k < c + 6 &&
               (InNounPhrase(v, k) || v.low[k] == "him" || v.low[k] == "her" ||
                v.low[k] == "them" || v.low[k] == "us" || v.low[k] == "me"))
          ++k;
        if (k > c && k < se &&
            (v.low[k] == "that" || v.low[k] == "to" || v.low[k] == "whether" ||
             v.low[k] == "if" || v.low[k] == "about" || v.low[k] == "not" ||
             v.low[k] == "how" || v.low[k] == "what" || v.low[k] == "why"))
          c = k;
      }
      // "X criticized Y and said Z": the second verb starts its own
      // attribution.
      uint32_t ce = ContentEnd(v, c, se);
      // "X, who has endorsed Clinton, said ...": a relative clause set off
      // by commas ends at its closing comma.
      if (f.src_b == f.src_e && f.src_b > sf && v.low[f.src_b - 1] == "," &&
          (v.low[f.src_b] == "who" || v.low[f.src_b] == "which")) {
        for (uint32_t k = c + 1; k < ce; ++k)
          if (v.low[k] == ",") {
            ce = k;
            break;
          }
      }
      uint32_t e = c;
      while (e < ce && !IsTerminal(v, e)) ++e;
      uint32_t last = e;  // exclusive
      while (last > c && (v.IsPunct(last - 1) && !v.IsQuoteMark(last - 1)))
        --last;
      if (last > c && !v.IsPunct(c)) {
        f.con_b = c;
        f.con_e = last - 1;
      } else if (f.src_b > sf && v.low[f.src_b - 1] == "as" && c < se &&
                 v.low[c] == "," && c + 1 < se) {
        // "As X noted, CLAUSE": the clause after the comma.
        const uint32_t ae = ContentEnd(v, c + 1, se);
        uint32_t al = ae;
        while (al > c + 1 && v.IsPunct(al - 1) && !v.IsQuoteMark(al - 1)) --al;
        if (al <= c + 1) continue;
        f.con_b = c + 1;
        f.con_e = al - 1;
      } else if (f.src_b > sf + 1 && v.low[f.src_b - 1] == "," &&
                 (c >= se || IsTerminal(v, c))) {
        // "CLAUSE, X believes."
        uint32_t ce = f.src_b - 2;
        while (ce > sf && v.IsPunct(ce) && !v.IsQuoteMark(ce)) --ce;
        f.con_b = sf;
        f.con_e = ce;
      } else if (f.src_b > sf && v.low[f.src_b - 1] == "," && c + 1 < se &&
                 v.low[c] == ",") {
        // "Loyalty, he noted, has long been ...": the clause the frame
        // interrupts; its part after the frame holds the verb.
        const uint32_t ae = ContentEnd(v, c + 1, se);
        uint32_t al = ae;
        while (al > c + 1 && v.IsPunct(al - 1) && !v.IsQuoteMark(al - 1)) --al;
        if (al <= c + 1) continue;
        f.con_b = c + 1;
        f.con_e = al - 1;
      } else {
        continue;
      }
      if (!add(f, sent)) continue;
      prev_sentence = &sent;
      prev_src_b = f.src_b;
      prev_src_e = f.src_e;
      prev_end = f.con_e;
    }
  }
}

// A short direct quote inside reported speech ("said he was “truly
// concerned”") is part of that mixed quote, not an attribution of its own:
// it is dropped unless another quote continues it. Indices in `continues`
// are remapped.
void DropMixedParts(size_t first, size_t direct_end, std::vector<Quote>* out,
                    std::vector<QuoteFrame>* frames) {
  if (frames->size() != out->size()) return;
  const size_t n = out->size();
  std::vector<bool> drop(n, false);
  std::vector<bool> continued(n, false);
  for (size_t i = first; i < n; ++i) {
    const int32_t c = (*frames)[i].continues;
    if (c >= 0 && static_cast<size_t>(c) < n) continued[c] = true;
  }
  bool any = false;
  for (size_t i = first; i < direct_end; ++i) {
    if (continued[i] || (*frames)[i].continues >= 0) continue;
    const ByteSpan d = (*out)[i].span;
    for (size_t j = direct_end; j < n && !drop[i]; ++j) {
      const ByteSpan s = (*out)[j].span;
      drop[i] = s.begin < d.begin && d.end <= s.end + 3;
    }
    any = any || drop[i];
  }
  if (!any) return;
  std::vector<int32_t> remap(n, -1);
  size_t w = first;
  for (size_t i = first; i < n; ++i) {
    if (drop[i]) continue;
    remap[i] = static_cast<int32_t>(w);
    if (w != i) {
      (*out)[w] = std::move((*out)[i]);
      (*frames)[w] = (*frames)[i];
    }
    ++w;
  }
  out->resize(w);
  frames->resize(w);
  for (size_t i = first; i < w; ++i) {
    int32_t& c = (*frames)[i].continues;
    if (c >= static_cast<int32_t>(first)) c = remap[c];
  }
}

}  // namespace

bool CueCandidate(const DocView& v, uint32_t i, uint32_t sf, uint32_t se) {
  if (i <= sf || i >= se || v.pos(i) != Pos::kVerb || v.tok_mention[i] >= 0 ||
      IsAuxLike(v, i) || v.low[i] == "asked" || IsEvidentialVerb(v.low[i]))
    return false;
  if (!AttributionBase(v.low[i]).empty() || ThatClauseVerb(v, sf, i, se))
    return false;
  return !(InSorted(kFeelingParticiples, v.low[i]) && i + 1 < se &&
           v.low[i + 1] == "by");
}

void FindQuotes(const DocView& view, const QuoteOptions& options,
                std::vector<Quote>* out, std::vector<QuoteFrame>* frames) {
  std::vector<ByteSpan> direct;
  // The frames are needed internally (cues already used) even when the
  // caller does not want them.
  std::vector<QuoteFrame> local;
  std::vector<QuoteFrame>* f = frames != nullptr ? frames : &local;
  const size_t first = out->size();
  AddDirect(view, options, out, &direct, f);
  const size_t direct_end = out->size();
  if (view.size() > 0) {
    AddIndirect(view, options, direct, out, f);
    AddAttributions(view, options, direct, out, f);
  }
  DropMixedParts(first, direct_end, out, f);
}

}  // namespace synoptic::events::internal
