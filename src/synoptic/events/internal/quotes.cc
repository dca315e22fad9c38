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
// with "said:". Pronouns resolve to the last PERSON named before the quote,
// role nouns ("the ambassador") to the last person introduced with that role.
//
// Indirect quotes are read from tokens: "X said (that) CLAUSE", "X told Y
// (that) CLAUSE", "X warned/insisted/... that CLAUSE", "X believes that
// CLAUSE", "CLAUSE, X said.", "CLAUSE, X said, CLAUSE", "According to X,
// CLAUSE" and "CLAUSE, according to X". Reported speech holding a short
// quotation ("called it a “disaster”") is kept whole as a mixed quote. Each
// quote can also report where its speaker phrase and cue stand (QuoteFrame).
#include "synoptic/events/internal/quotes.h"

#include <algorithm>

#include "synoptic/core/utf8.h"

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

bool Closes(Family f, char32_t c, char32_t next) {
  switch (f) {
    case Family::kTwoApostrophes:
      return c == kTwoApos;
    case Family::kStraight:
      return c == '"';
    case Family::kCurly:
      return c == 0x201D;
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
      } else if (Closes(fam, c, next)) {
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

bool IsTerminal(const DocView& v, uint32_t i) {
  return v.low[i] == "." || v.low[i] == "!" || v.low[i] == "?";
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
      first = k;
    }
    f.source = {v.a->tokens[first].begin, v.a->tokens[s.last].end};
  }
  if (cue_first <= cue_last && cue_last < n) {
    f.cue = {v.a->tokens[cue_first].begin, v.a->tokens[cue_last].end};
  }
  return f;
}

Found SpeakerForQuote(const DocView& v, const RawQuote& q, ByteSpan para,
                      ByteSpan prev_para, uint32_t close_para_end) {
  Found f;
  const uint32_t n = v.size();
  if (n == 0) return f;
  const uint32_t open_tok = std::min(v.TokenAtOrAfter(q.outer.begin), n);
  const uint32_t after = FirstTokenFrom(v, q.outer.end);
  // 1. After the close, in the same paragraph: ", he said", "said X".
  for (uint32_t k = after; k < n && k < after + 6; ++k) {
    if (v.a->tokens[k].begin >= close_para_end) break;
    if (v.IsQuoteMark(k)) break;
    if (IsSpeechVerb(v, k)) {
      Speaker s = v.SpeakerOf(k, true);
      if (s.found && s.first >= after) {
        Rebind(v, open_tok, &s);
        f.speaker = std::move(s);
        f.cue = std::string(v.low[k]);
        f.cue_first = f.cue_last = k;
        f.adjacent = k <= after + 3;
        return f;
      }
    }
    if (IsTerminal(v, k)) break;
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

void AddDirect(const DocView& v, const QuoteOptions& opt,
               std::vector<Quote>* out, std::vector<ByteSpan>* direct_spans,
               std::vector<QuoteFrame>* frames) {
  const Document& doc = v.a->doc;
  std::vector<RawQuote> raw = ScanDirect(doc, opt);
  std::vector<ByteSpan> paras = Paragraphs(doc);
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
    if (words < opt.min_words && !(f.speaker.found && f.adjacent)) continue;
    Quote out_q;
    out_q.span = content;
    out_q.direct = true;
    out_q.cue = f.cue;
    if (f.speaker.found) {
      out_q.speaker = f.speaker.entity;
      if (f.speaker.entity < 0) out_q.speaker_text = f.speaker.text;
    }
    out->push_back(std::move(out_q));
    if (frames != nullptr) {
      frames->push_back(f.speaker.found
                            ? FrameOf(v, f.speaker, f.cue_first, f.cue_last)
                            : QuoteFrame{});
    }
    direct_spans->push_back(q.outer);
  }
}

bool Overlaps(const std::vector<ByteSpan>& spans, uint32_t b, uint32_t e) {
  for (const ByteSpan& s : spans) {
    if (b < s.end && s.begin < e) return true;
  }
  return false;
}

bool IsObjectWord(std::string_view w) {
  return w == "him" || w == "her" || w == "them" || w == "us" || w == "me" ||
         w == "reporters" || w == "journalists" || w == "lawmakers" ||
         w == "parliament" || w == "the" || w == "a" || w == "state" ||
         w == "media" || w == "television" || w == "radio" || w == "tv" ||
         w == "news" || w == "agency" || w == "an" || w == "interviewer" ||
         w == "audience" || w == "crowd" || w == "supporters";
}

void Emit(const DocView& v, const Speaker& s, std::string cue,
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
    if (c <= e && (v.low[c] == "that" || v.low[c] == ",") && moved) ++c;
  }
  while (e > c && v.IsPunct(e) && !v.IsQuoteMark(e)) --e;
  if (e < c || e - c + 1 < 3) return;
  uint32_t b = v.a->tokens[c].begin, end = v.a->tokens[e].end;
  // Quoted words inside reported speech ("called it a “disaster”") make a
  // mixed quote, kept whole; reported speech inside a direct quote is not a
  // quote of its own.
  for (const ByteSpan& d : direct) {
    if (d.begin < end && b < d.end && (d.begin <= b || d.end > end)) return;
  }
  Quote q;
  q.span = {b, end};
  q.direct = false;
  q.speaker = s.entity;
  if (s.entity < 0) q.speaker_text = s.text;
  q.cue = std::move(cue);
  out->push_back(std::move(q));
  if (frames != nullptr) frames->push_back(FrameOf(v, s, cue_first, cue_last));
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
    // "CLAUSE, according to X."
    for (uint32_t k = sf + 4; k + 2 < se; ++k) {
      if (v.low[k] != "according" || v.low[k + 1] != "to" ||
          v.low[k - 1] != ",")
        continue;
      uint32_t x = k + 2;
      Speaker s = v.SpeakerAt(x, sf, se);
      if (v.tok_mention[x] >= 0) {
        s = v.SpeakerAt(v.m_last[v.tok_mention[x]], sf, se);
      } else if (!s.found) {
        // "according to a report by X", "according to the Journal".
        uint32_t e = x;
        while (e + 1 < se && e < x + 6 && !v.IsPunct(e + 1)) ++e;
        s.found = true;
        s.first = x;
        s.last = e;
        s.text = std::string(v.Text(x, e));
      }
      if (s.found)
        Emit(v, s, "according to", k, k + 1, sf, k - 2, direct, out, frames);
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
            c = t + 1;
          } else if (i + 1 < se && !v.IsPunct(i + 1) && v.low[i + 1] != "to" &&
                     v.low[i + 1] != "so" && !v.IsPreposition(i + 1)) {
            // A that-less complement must be a clause: it needs a verb
            // (unless the tagger gave us nothing to go on).
            bool verb = false, tagged = false;
            for (uint32_t k = i + 1; k < se; ++k) {
              tagged = tagged || v.pos(k) != Pos::kX;
              verb = verb || v.pos(k) == Pos::kVerb || v.pos(k) == Pos::kAux;
            }
            if (verb || !tagged) c = i + 1;
          }
        } else if (lemma == "tell") {
          uint32_t k = i + 1;
          while (k < se && k < i + 5 &&
                 (v.tok_mention[k] >= 0 || IsObjectWord(v.low[k]) ||
                  v.pos(k) == Pos::kAdj)) {
            ++k;
          }
          if (k < se && v.low[k] == "that") {
            c = k + 1;
          } else if (k > i + 1 && k < se && !v.IsPunct(k) && v.low[k] != "to") {
            c = k;
          }
        } else if (belief || v.lex->IsCue(CueKind::kThatSpeech, lemma)) {
          uint32_t t = find_that(i + 1, 4);
          if (t < se) c = t + 1;
        }
        if (c < se) {
          Emit(v, s, cue, i, i, c, se - 1, direct, out, frames);
          continue;
        }
      }
      // "CLAUSE, X said." / "CLAUSE, said X."
      Speaker after = s.found ? s : v.SpeakerOf(i, true);
      if (!after.found) continue;
      uint32_t g = std::min(after.first, i);
      uint32_t tail = std::max(after.last, i) + 1;
      while (tail < se && v.IsPunct(tail) && !v.IsQuoteMark(tail)) ++tail;
      // "CLAUSE, X said." and "CLAUSE, X said, CLAUSE." (the first part;
      // the second continues the same content).
      if (g > sf + 1 && v.low[g - 1] == "," &&
          (tail >= se || (std::max(after.last, i) + 1 < se &&
                          v.low[std::max(after.last, i) + 1] == ","))) {
        Emit(v, after, cue, i, i, sf, g - 2, direct, out, frames);
      }
    }
  }
}

}  // namespace

void FindQuotes(const DocView& view, const QuoteOptions& options,
                std::vector<Quote>* out, std::vector<QuoteFrame>* frames) {
  std::vector<ByteSpan> direct;
  AddDirect(view, options, out, &direct, frames);
  if (view.size() > 0) AddIndirect(view, options, direct, out, frames);
}

}  // namespace synoptic::events::internal
