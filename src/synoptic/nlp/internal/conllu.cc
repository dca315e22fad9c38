#include "synoptic/nlp/internal/conllu.h"

#include <algorithm>
#include <charconv>

#include "synoptic/nlp/internal/nlp_internal.h"

namespace synoptic::nlp::internal {
namespace {

// The sentence's tree is kept only if every word has a head in range.
void Finish(UdSentence* s, bool tree_ok, std::vector<UdSentence>* out) {
  if (s->words.empty()) return;
  const auto n = static_cast<int32_t>(s->words.size());
  for (int32_t h : s->heads) tree_ok = tree_ok && h >= -1 && h < n;
  if (!tree_ok || s->heads.size() != s->words.size()) {
    s->heads.clear();
    s->deprels.clear();
  }
  out->push_back(std::move(*s));
  *s = UdSentence();
}

}  // namespace

Result<std::vector<UdSentence>> ParseConllu(std::string_view text,
                                            const std::string& name) {
  std::vector<UdSentence> out;
  UdSentence cur;
  bool tree_ok = true;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(std::min(text.size(), nl + 1));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      Finish(&cur, tree_ok, &out);
      tree_ok = true;
      continue;
    }
    if (line[0] == '#') continue;
    std::string_view f[8];
    size_t k = 0;
    while (k < 8) {
      const size_t tab = line.find('\t');
      f[k++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (k < 4 || f[0].find_first_of("-.") != std::string_view::npos) continue;
    Pos p;
    if (!ParsePos(f[3], &p)) {
      tree_ok = false;
      continue;
    }
    cur.words.emplace_back(f[1]);
    cur.upos.push_back(p);
    int head = -2;
    if (k >= 8) {
      const auto r =
          std::from_chars(f[6].data(), f[6].data() + f[6].size(), head);
      if (r.ec != std::errc() || r.ptr != f[6].data() + f[6].size()) head = -2;
    }
    if (head < 0) {
      tree_ok = false;
      head = 0;
    }
    cur.heads.push_back(head - 1);
    cur.deprels.emplace_back(k >= 8 ? f[7] : std::string_view());
  }
  Finish(&cur, tree_ok, &out);
  if (out.empty()) return InvalidArgument(name + ": no CoNLL-U sentences");
  return out;
}

Result<std::vector<UdSentence>> ReadConllu(Env* env, const std::string& path) {
  SYN_ASSIGN_OR_RETURN(std::string text,
                       env->ReadFile(path, uint64_t{1} << 30));
  return ParseConllu(text, path);
}

}  // namespace synoptic::nlp::internal
