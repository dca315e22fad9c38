#include "gum.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

namespace synoptic_eval {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::stringstream ss(s);
  while (std::getline(ss, cur, sep)) out.push_back(cur);
  return out;
}

// One opening's body "id-type-...": its fields.
GumMention FromBody(const std::string& body, uint32_t first) {
  GumMention m;
  m.first = first;
  const std::vector<std::string> f = Split(body, '-');
  if (f.size() > 1) m.type = f[1];
  // The minimal span's first run of consecutive positions: "1,2,3,10,11"
  // is "1,2,3" (the name; the rest is a later part of the mention), as
  // eval_ner and the NER trainer read it.
  if (f.size() > 5) {
    for (const std::string& n : Split(f[5], ',')) {
      const auto v = static_cast<uint32_t>(std::atoi(n.c_str()));
      if (v == 0) continue;
      if (m.min_lo == 0) {
        m.min_lo = m.min_hi = v;
      } else if (v == m.min_hi + 1) {
        m.min_hi = v;
      } else {
        break;
      }
    }
  }
  if (f.size() > 7 && !f[7].empty()) m.wikipedia = DecodeWikipediaId(f[7]);
  return m;
}

}  // namespace

std::string DecodeWikipediaId(const std::string& id) {
  std::string out;
  for (size_t i = 0; i < id.size(); ++i) {
    if (id[i] == '_') {
      out += ' ';
    } else if (id[i] == '%' && i + 2 < id.size() &&
               std::isxdigit(static_cast<unsigned char>(id[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(id[i + 2]))) {
      out += static_cast<char>(std::strtol(id.substr(i + 1, 2).c_str(),
                                           nullptr, 16));
      i += 2;
    } else {
      out += id[i];
    }
  }
  return out;
}

std::set<std::string> GumSplit(const std::string& splits_md,
                               const std::string& split) {
  std::set<std::string> names;
  std::ifstream in(splits_md);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) inside = line == "## " + split;
    const size_t star = line.find("* ");
    if (inside && star != std::string::npos) names.insert(line.substr(star + 2));
  }
  return names;
}

std::vector<GumDoc> ReadGum(const std::string& dir,
                            const std::set<std::string>& names) {
  std::vector<GumDoc> docs;
  for (const std::string& n : names) {
    std::ifstream in(dir + "/" + n + ".conllu");
    if (!in) continue;
    GumDoc doc;
    doc.id = n;
    // Open mentions: (GUM entity id, mention so far).
    std::vector<std::pair<std::string, GumMention>> open;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) {
        if (!doc.toks.empty()) doc.toks.back().sentence_end = true;
        continue;
      }
      if (line[0] == '#') {
        const std::string kDate = "# meta::dateCreated = ";
        if (line.rfind(kDate, 0) == 0) doc.date_created = line.substr(kDate.size());
        continue;
      }
      const std::vector<std::string> f = Split(line, '\t');
      // Word lines only: no multiword ranges ("3-4") or empty nodes ("3.1").
      if (f.size() < 10 || f[0].find_first_of("-.") != std::string::npos) {
        continue;
      }
      const auto idx = static_cast<uint32_t>(doc.toks.size());
      doc.toks.push_back(
          {f[1], f[3], f[9].find("SpaceAfter=No") == std::string::npos, false});
      const size_t e = f[9].find("Entity=");
      if (e == std::string::npos) continue;
      std::string spec = f[9].substr(e + 7);
      spec = spec.substr(0, spec.find('|'));
      size_t i = 0;
      while (i < spec.size()) {
        if (spec[i] == '(') {
          size_t j = i + 1;
          while (j < spec.size() && spec[j] != '(' && spec[j] != ')') ++j;
          const std::string body = spec.substr(i + 1, j - i - 1);
          GumMention m = FromBody(body, idx);
          if (j < spec.size() && spec[j] == ')') {  // one-token mention
            m.last = idx;
            doc.mentions.push_back(std::move(m));
            ++j;
          } else {
            open.emplace_back(body.substr(0, body.find('-')), std::move(m));
          }
          i = j;
        } else if (std::isdigit(static_cast<unsigned char>(spec[i]))) {
          size_t j = i;
          while (j < spec.size() && spec[j] != ')' && spec[j] != '(') ++j;
          const std::string id = spec.substr(i, j - i);
          for (size_t k = open.size(); k-- > 0;) {
            if (open[k].first != id) continue;
            GumMention m = std::move(open[k].second);
            m.last = idx;
            doc.mentions.push_back(std::move(m));
            open.erase(open.begin() + static_cast<long>(k));
            break;
          }
          i = j + 1;
        } else {
          ++i;
        }
      }
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

bool GumNameSpan(const GumDoc& doc, const GumMention& m, uint32_t* first,
                 uint32_t* last) {
  uint32_t a = m.first, b = m.last;
  if (m.min_lo > 0) {
    a = m.first + m.min_lo - 1;
    b = m.first + m.min_hi - 1;
    if (b > m.last) return false;
  }
  while (a < b && doc.toks[a].upos == "DET") ++a;
  if (doc.toks[a].upos != "PROPN" || doc.toks[b].upos != "PROPN") return false;
  *first = a;
  *last = b;
  return true;
}

GumText RebuildGumText(const GumDoc& doc) {
  GumText t;
  for (const GumToken& k : doc.toks) {
    const auto begin = static_cast<uint32_t>(t.text.size());
    t.text += k.text;
    t.tok_bytes.emplace_back(begin, static_cast<uint32_t>(t.text.size()));
    t.text += k.sentence_end ? "\n" : (k.space_after ? " " : "");
  }
  return t;
}

bool GumTokensOf(const GumText& t, uint32_t begin, uint32_t end,
                 uint32_t* first, uint32_t* last) {
  // The first token ending after `begin`, then on while tokens start before
  // `end`.
  auto it = std::partition_point(
      t.tok_bytes.begin(), t.tok_bytes.end(),
      [&](const std::pair<uint32_t, uint32_t>& b) { return b.second <= begin; });
  bool any = false;
  for (; it != t.tok_bytes.end() && it->first < end; ++it) {
    const auto i = static_cast<uint32_t>(it - t.tok_bytes.begin());
    if (!any) *first = i;
    *last = i;
    any = true;
  }
  return any;
}

}  // namespace synoptic_eval
