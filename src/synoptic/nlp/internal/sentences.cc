// Sentence splitter over tokens.
//
// A sentence ends after a terminal token (. ! ? … and their runs) plus any
// closing quotes/brackets glued to it, when whitespace follows and the next
// token can open a sentence (capital, digit, opening quote or bracket).
// Abbreviations and initials never end a sentence because the tokenizer keeps
// their period inside the token; a dotted acronym ("U.S.") ends one only when
// a capitalised function word ("The", "He") follows. Paragraph boundaries
// always end a sentence, and so does a line break before a capitalised line
// (headline lists in scraped pages). Overlong sentences are cut at the cap.
#include <algorithm>

#include "synoptic/nlp/internal/nlp_internal.h"

namespace synoptic::nlp::internal {
namespace {

bool IsTerminal(std::string_view t) {
  if (t.empty()) return false;
  if (t == "\xE2\x80\xA6") return true;  // …
  for (char ch : t) {
    if (ch != '.' && ch != '!' && ch != '?') return false;
  }
  return true;
}

bool IsClosing(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" ||
         t == "\xE2\x80\x9D" /* ” */ || t == "\xE2\x80\x99" /* ’ */ ||
         t == "\xC2\xBB" /* » */ || t == "\xE2\x80\xBA" /* › */;
}

bool CanOpen(const Token& t, std::string_view s) {
  if (t.flags & (kTokCapitalized | kTokDigit | kTokQuote)) return true;
  return s == "(" || s == "[" || s == "\xE2\x80\x94" /* — */ || s == "-";
}

}  // namespace

void SplitSentences(const NlpModel& model, const NlpOptions& options,
                    DocAnalysis* a) {
  const std::string_view text = a->doc.text;
  std::vector<Token>& toks = a->tokens;
  std::vector<Sentence>& out = a->sentences;
  if (toks.empty()) return;
  out.reserve(toks.size() / 12 + 4);
  const std::vector<ByteSpan>& paras = a->doc.paragraphs;
  const uint32_t cap = std::max<uint32_t>(options.max_sentence_tokens, 1);
  char lower_buf[64];

  // Paragraph index of each token, computed on the fly (tokens are sorted).
  size_t para = 0;
  auto para_of = [&](uint32_t begin) -> uint32_t {
    while (para + 1 < paras.size() && begin >= paras[para].end) ++para;
    return static_cast<uint32_t>(para);
  };

  uint32_t first = 0;
  uint32_t cur_para = paras.empty() ? 0 : para_of(toks[0].begin);
  auto close = [&](uint32_t end_tok) {
    Sentence s;
    s.first_token = first;
    s.end_token = end_tok;
    s.span = {toks[first].begin, toks[end_tok - 1].end};
    s.paragraph = cur_para;
    out.push_back(s);
    first = end_tok;
  };

  const uint32_t n = static_cast<uint32_t>(toks.size());
  for (uint32_t i = 0; i < n; ++i) {
    if (i + 1 == n) {
      close(n);
      break;
    }
    const uint32_t j = i + 1;
    bool boundary = false;
    // Paragraphs.
    if (!paras.empty() && para_of(toks[j].begin) != cur_para) boundary = true;
    const std::string_view gap =
        text.substr(toks[i].end, toks[j].begin - toks[i].end);
    const std::string_view next_text =
        text.substr(toks[j].begin, toks[j].end - toks[j].begin);
    if (!boundary) {
      size_t nl = gap.find('\n');
      if (nl != std::string_view::npos) {
        // A blank line, or a line break before a line that can open a
        // sentence (scraped headline lists have no final punctuation).
        if (gap.find('\n', nl + 1) != std::string_view::npos ||
            CanOpen(toks[j], next_text)) {
          boundary = true;
        }
      }
    }
    if (!boundary) {
      const std::string_view cur =
          text.substr(toks[i].begin, toks[i].end - toks[i].begin);
      if (IsTerminal(cur)) {
        // Glue closing quotes/brackets that touch the terminal.
        uint32_t k = j;
        while (k < n && toks[k].begin == toks[k - 1].end &&
               IsClosing(
                   text.substr(toks[k].begin, toks[k].end - toks[k].begin))) {
          ++k;
        }
        if (k == n) {
          i = n - 2;  // the loop closes the last sentence
          continue;
        }
        const std::string_view kt =
            text.substr(toks[k].begin, toks[k].end - toks[k].begin);
        if (toks[k].begin > toks[k - 1].end && CanOpen(toks[k], kt)) {
          i = k - 1;
          boundary = true;
        }
      } else if (cur.size() >= 3 && cur.back() == '.' &&
                 (toks[i].flags & kTokAllCaps) && gap.size() > 0 &&
                 (toks[j].flags & kTokCapitalized)) {
        // "... with the U.S. The talks ...": split only before a word that
        // typically opens a sentence.
        std::string_view lw =
            LowerInto(next_text, lower_buf, sizeof(lower_buf));
        const LexEntry* e = lw.empty() ? nullptr : model.Find(lw);
        if (e != nullptr && (e->cues & kCueStarter)) boundary = true;
      }
    }
    if (!boundary && i + 1 - first >= cap) boundary = true;
    if (boundary) {
      close(i + 1);
      if (!paras.empty() && first < n) cur_para = para_of(toks[first].begin);
    }
  }
  for (const Sentence& s : out) {
    toks[s.first_token].flags |= kTokSentenceStart;
  }
}

}  // namespace synoptic::nlp::internal
