// TABARI/PETRARCH verb dictionary -> our trigger-pattern rows. One pass over
// the lines; synsets are collected first (they may be defined anywhere before
// the verb section, and are looked up lazily at the end so a pattern may
// name a synset defined after it).
#include "synoptic/events/petrarch_import.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

namespace synoptic::events {
namespace {

std::string_view Strip(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string o(s);
  for (char& c : o) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return o;
}

// "ARMED_FORCES_" -> "armed_forces" (our multi-word alternative); "" when
// the word holds characters our format cannot carry.
std::string Word(std::string_view w) {
  while (!w.empty() && w.back() == '_') w.remove_suffix(1);
  while (!w.empty() && w.front() == '_') w.remove_prefix(1);
  if (w.empty() || w.size() > 40) return {};
  for (char c : w) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '\'' ||
              c == '.';
    if (!ok) return {};
  }
  std::string o = Lower(w);
  // Collapse "__" runs.
  std::string out;
  for (char c : o) {
    if (c == '_' && !out.empty() && out.back() == '_') continue;
    out += c;
  }
  return out;
}

std::vector<std::string_view> SplitWs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "[0311:0312]" / "[---]" -> "0311" / "-"; "" when not a code.
std::string CodeOf(std::string_view bracket) {
  std::string_view c = bracket;
  size_t colon = c.find(':');
  if (colon != std::string_view::npos) c = c.substr(0, colon);
  c = Strip(c);
  if (c == "---" || c == "--") return "-";
  if (c.size() < 2 || c.size() > 4) return {};
  for (char ch : c) {
    if (ch < '0' || ch > '9') return {};
  }
  return std::string(c);
}

// "[042:043]" -> "043": the code of the reverse event (target -> source);
// "" when the bracket has none or it is not a code.
std::string PairOf(std::string_view bracket) {
  size_t colon = bracket.find(':');
  if (colon == std::string_view::npos) return {};
  std::string c = CodeOf(bracket.substr(colon + 1));
  return c == "-" ? std::string() : c;
}

struct Block {
  std::string code;                // block default
  std::string pair;                // block default reverse code
  std::vector<std::string> verbs;  // lowercase lemma (or multi_word)
  std::vector<std::vector<std::string>> forms;  // per verb: all surface forms
  // Per verb: its own "[code]" on the verb row ("LEFT [042:043]",
  // "REPORT [---]"), else empty (the block's code applies).
  std::vector<std::string> verb_codes, verb_pairs;
  struct Pat {
    std::vector<std::string> pre, post;  // raw tokens ("&synset", word, or
                                         // a '$' / '+' actor slot)
    std::string code, pair;
    std::string verb;  // from the comment, or "" for all
  };
  std::vector<Pat> patterns;
};

}  // namespace

double GoldsteinOfRoot(std::string_view code) {
  static constexpr std::array<double, 21> kRoot = {
      0.0,  0.0,  3.0,  4.0,  1.0,  3.5,  6.0,  7.0,  5.0,   -2.0, -5.0,
      -2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0};
  if (code.size() < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' ||
      code[1] > '9')
    return 0.0;
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  return r >= 1 && r <= 20 ? kRoot[r] : 0.0;
}

int QuadOfCode(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' ||
      code[1] > '9')
    return 0;
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14 && r <= 20) return 4;
  return 0;
}

Result<std::string> ImportPetrarchVerbs(std::string_view dict,
                                        std::string_view source,
                                        bool mark_imported,
                                        PetrarchImportStats* stats,
                                        bool bare_verbs) {
  PetrarchImportStats st;
  std::map<std::string, std::vector<std::string>> synsets;
  std::vector<Block> blocks;
  std::string cur_synset;
  bool in_verbs = false;
  size_t pos = 0;
  while (pos < dict.size()) {
    size_t nl = dict.find('\n', pos);
    if (nl == std::string_view::npos) nl = dict.size();
    std::string_view raw = dict.substr(pos, nl - pos);
    pos = nl + 1;
    std::string_view line = Strip(raw);
    std::string_view comment;
    if (size_t h = line.find('#'); h != std::string_view::npos) {
      comment = Strip(line.substr(h + 1));
      line = Strip(line.substr(0, h));
    }
    if (line.empty()) continue;
    if (line.substr(0, 3) == "---") {
      // Block header "--- VERB [code] ---".
      Block b;
      size_t lb = line.find('['), rb = line.find(']');
      if (lb != std::string_view::npos && rb != std::string_view::npos &&
          rb > lb) {
        b.code = CodeOf(line.substr(lb + 1, rb - lb - 1));
        b.pair = PairOf(line.substr(lb + 1, rb - lb - 1));
      }
      blocks.push_back(std::move(b));
      cur_synset.clear();
      in_verbs = true;
      continue;
    }
    if (line.front() == '&') {
      cur_synset = Lower(SplitWs(line)[0].substr(1));
      while (!cur_synset.empty() && cur_synset.back() == '_')
        cur_synset.pop_back();
      synsets[cur_synset];
      ++st.synsets;
      in_verbs = false;
      continue;
    }
    if (line.front() == '+' && !cur_synset.empty() && !in_verbs) {
      std::string w = Word(SplitWs(line.substr(1))[0]);
      if (!w.empty()) synsets[cur_synset].push_back(w);
      continue;
    }
    if (!in_verbs || blocks.empty()) continue;
    Block& b = blocks.back();
    if (line.front() == '-') {
      // Pattern row.
      size_t lb = line.rfind('['), rb = line.rfind(']');
      if (lb == std::string_view::npos || rb == std::string_view::npos ||
          rb < lb) {
        ++st.skipped;
        continue;
      }
      Block::Pat p;
      p.code = CodeOf(line.substr(lb + 1, rb - lb - 1));
      p.pair = PairOf(line.substr(lb + 1, rb - lb - 1));
      if (p.code.empty()) {
        ++st.skipped;
        continue;
      }
      std::string_view body = line.substr(1, lb - 1);
      bool after = false, bad = false, star = false;
      for (std::string_view t : SplitWs(body)) {
        if (t == "*") {
          after = true;
          star = true;
          continue;
        }
        std::string tok;
        for (char c : t) {
          if (c != '(' && c != ')' && c != '{' && c != '}') tok += c;
        }
        // '$' and '+' say where the source and the target stand; each is
        // kept once, as an actor slot of our row.
        if (tok == "$" || tok == "+") {
          std::vector<std::string>& side = after ? p.post : p.pre;
          bool seen = false;
          for (const std::string& w : p.pre) seen = seen || w == tok;
          for (const std::string& w : p.post) seen = seen || w == tok;
          if (!seen) side.push_back(tok);
          continue;
        }
        // '^' after the verb skips one phrase ("IFTAR (IN ^) +": the target
        // follows the place phrase); kept as our skip element '~'.
        if (tok == "^" && after) {
          p.post.push_back("~");
          continue;
        }
        if (tok.empty() || tok == "%" || tok == "^") continue;
        if (tok.front() == '+' || tok.front() == '$' || tok.front() == '%')
          tok.erase(0, 1);
        if (tok.empty()) continue;
        std::string w =
            tok.front() == '&' ? "&" + Lower(tok.substr(1)) : Word(tok);
        if (!w.empty() && w.front() == '&') {
          while (w.back() == '_') w.pop_back();
        }
        if (w.empty() || w == "&") {
          bad = true;
          break;
        }
        (after ? p.post : p.pre).push_back(w);
      }
      // Words before the verb that are auxiliaries, negations or other
      // function words belong to our modality cues, not to a pattern.
      for (const std::string& w : p.pre) {
        static constexpr std::array<std::string_view, 22> kFunction = {
            "will", "would", "not",   "never", "no",  "has",  "have", "had",
            "is",   "are",   "was",   "were",  "be",  "been", "to",   "did",
            "does", "do",    "could", "can",   "may", "said"};
        if (std::find(kFunction.begin(), kFunction.end(), w) != kFunction.end())
          bad = true;
      }
      if (bad || !star) {
        ++st.skipped;
        continue;
      }
      if (!comment.empty()) {
        std::string_view v = SplitWs(comment)[0];
        p.verb = Word(v);
      }
      b.patterns.push_back(std::move(p));
      continue;
    }
    // A verb row: "WORD {FORMS}" or "+MULTI_WORD {FORMS}".
    std::string_view v = line;
    if (v.front() == '+') v.remove_prefix(1);
    std::vector<std::string_view> parts = SplitWs(v);
    std::string lemma = Word(parts.empty() ? std::string_view() : parts[0]);
    if (lemma.empty()) continue;
    std::vector<std::string> forms{lemma};
    size_t lbr = v.find('{'), rbr = v.find('}');
    if (lbr != std::string_view::npos && rbr != std::string_view::npos &&
        rbr > lbr) {
      for (std::string_view f : SplitWs(v.substr(lbr + 1, rbr - lbr - 1))) {
        if (!f.empty() && f.front() == '+') f.remove_prefix(1);
        std::string w = Word(f);
        if (!w.empty() &&
            std::find(forms.begin(), forms.end(), w) == forms.end())
          forms.push_back(w);
      }
    }
    b.verbs.push_back(lemma);
    b.forms.push_back(std::move(forms));
    std::string own_code, own_pair;
    size_t vlb = v.find('['), vrb = v.find(']');
    if (vlb != std::string_view::npos && vrb != std::string_view::npos &&
        vrb > vlb) {
      own_code = CodeOf(v.substr(vlb + 1, vrb - vlb - 1));
      own_pair = PairOf(v.substr(vlb + 1, vrb - vlb - 1));
    }
    b.verb_codes.push_back(own_code);
    b.verb_pairs.push_back(own_pair);
    ++st.verbs;
  }
  if (blocks.empty())
    return Corrupt("PETRARCH verbs: no '--- VERB [code] ---' block");

  auto element = [&](const std::string& tok) -> std::string {
    if (tok.front() != '&') return tok;  // a word or an actor slot
    auto it = synsets.find(tok.substr(1));
    if (it == synsets.end() || it->second.empty()) return {};
    std::string e;
    std::set<std::string> seen;
    for (const std::string& w : it->second) {
      if (!seen.insert(w).second) continue;
      if (!e.empty()) e += '|';
      e += w;
    }
    return e;
  };
  auto verb_element = [](const Block& b, const std::string& only) {
    std::string e;
    std::set<std::string> seen;
    for (size_t i = 0; i < b.verbs.size(); ++i) {
      if (!only.empty() && b.verbs[i] != only) continue;
      for (const std::string& f : b.forms[i]) {
        if (!seen.insert(f).second) continue;
        if (!e.empty()) e += '|';
        e += f;
      }
    }
    return e;
  };
  auto row = [mark_imported](const std::string& pattern, const std::string& cls,
                             const std::string& code, const std::string& pair) {
    std::string c = code.empty() ? "-" : code;
    char g[16];
    std::snprintf(g, sizeof g, "%.1f", c == "-" ? 0.0 : GoldsteinOfRoot(c));
    std::string flags = mark_imported ? "imported" : "";
    if (!pair.empty() && c != "-")
      flags += (flags.empty() ? "" : ",") + ("pair:" + pair);
    if (flags.empty()) flags = "-";
    return "V\t" + pattern + "\t" + cls + "\t" + c + "\t" +
           std::to_string(c == "-" ? 0 : QuadOfCode(c)) + "\t" + g + "\t" +
           flags + "\n";
  };

  std::string rows;
  for (const Block& b : blocks) {
    if (b.verbs.empty()) continue;
    const std::string cls = "petrarch_" + b.verbs[0];
    // Bare verbs: only when the block has a code (a bare "---" row would only
    // hide our hand-written rows of the same verb).
    // Verbs with their own code ("LEFT [042:043]" in a LEAVE block) get
    // their own row; a verb marked "[---]" gets none.
    if (bare_verbs) {
      std::string shared;
      for (size_t i = 0; i < b.verbs.size(); ++i) {
        const std::string& own = b.verb_codes[i];
        if (own.empty()) {
          if (b.code.empty() || b.code == "-") continue;
          std::string e = verb_element(b, b.verbs[i]);
          if (!e.empty()) shared += (shared.empty() ? "" : "|") + e;
        } else if (own != "-") {
          rows += row(verb_element(b, b.verbs[i]), cls, own, b.verb_pairs[i]);
        }
      }
      if (!shared.empty()) rows += row(shared, cls, b.code, b.pair);
    }
    for (const Block::Pat& p : b.patterns) {
      std::string only = p.verb;
      if (!only.empty() &&
          std::find(b.verbs.begin(), b.verbs.end(), only) == b.verbs.end())
        only.clear();
      std::string verb = verb_element(b, only);
      if (verb.empty()) continue;
      std::string pat;
      bool ok = true;
      size_t words_pre = 0, words_post = 0;
      for (const std::string& t : p.pre) {
        std::string e = element(t);
        if (e.empty()) ok = false;
        if (t != "$" && t != "+") ++words_pre;
        pat += e + " ";
      }
      pat += (words_pre == 0 ? "" : "^") + verb;
      for (const std::string& t : p.post) {
        std::string e = element(t);
        if (e.empty()) ok = false;
        if (t != "$" && t != "+" && t != "~") ++words_post;
        pat += " " + e;
      }
      // A row of slots alone ("- % *", "- + *") says nothing the bare verb
      // does not.
      if (!ok || (words_pre == 0 && words_post == 0)) {
        ++st.skipped;
        continue;
      }
      rows += row(pat, cls, p.code, p.pair);
      ++st.patterns;
    }
  }
  if (stats != nullptr) *stats = st;
  std::string out =
      "# synoptic events_verbs v1 -- verb patterns imported from a "
      "TABARI/PETRARCH "
      "verb dictionary.\n"
      "# Generated by `synoptic code --import-verbs` "
      "(events/petrarch_import.cc) from " +
      std::string(source) + "\n# " + std::to_string(st.verbs) + " verbs, " +
      std::to_string(st.synsets) + " synsets, " + std::to_string(st.patterns) +
      " patterns written, " + std::to_string(st.skipped) + " skipped" +
      (bare_verbs ? "" : "; verb-alone rows left out") +
      ". Quad class and Goldstein score are those of the code's root.\n"
      "# Columns as in events_verbs.tsv.\n";
  out += rows;
  return out;
}

}  // namespace synoptic::events
