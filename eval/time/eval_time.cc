// TempEval-3 style scoring of the TIMEX3 tagger, plus value accuracy on the
// Duckling English time corpus.
//
// TempEval-3 (UzZaman et al., SemEval-2013 Task 1, "Task A" for timexes):
// strict match = identical extent, relaxed match = any overlap; precision and
// recall count matches over system and gold timexes. Attribute scores (type,
// value) are computed over relaxed matches: an attribute is correct when the
// pair matches and the attribute agrees, and its F1 uses the system and gold
// totals as denominators (so value F1 is roughly relaxed F1 x value
// accuracy, as in the official scorer). We match on character overlap of the
// untagged text, one system timex per gold timex, leftmost first.
//
// Usage: eval_time [--tbaq DIR] [--duckling FILE] [--tml-dir DIR] [--errors N]
//   --tbaq defaults to $SYN_SHARED_DIR/data/tempeval3/TBAQ-cleaned; its
//   TimeBank/ and AQUAINT/ folders are scored separately and together.
//   --tml-dir scores one folder of .tml files instead (e.g. the TE3 silver
//   data unpacked somewhere). --errors N prints the first N mismatches to
//   stderr (MISS, FALSE, DIFF lines).
// The data is read from the shared folder by path and never copied.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/time/timex.h"

namespace fs = std::filesystem;
using synoptic::Timex;
using synoptic::TimexTypeName;
namespace civil = synoptic::civil;

namespace {

struct Gold {
  size_t begin = 0, end = 0;
  std::string type, value;
};

struct Doc {
  std::string name, text;
  std::optional<civil::Date> dct;
  std::vector<Gold> gold;
};

std::string Attr(const std::string& tag, const std::string& name) {
  std::string key = " " + name + "=\"";
  size_t p = tag.find(key);
  if (p == std::string::npos) return "";
  p += key.size();
  size_t q = tag.find('"', p);
  return tag.substr(p, q - p);
}

// Appends the text between tags, decoding the five XML entities.
void AppendText(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<std::string_view, char> kEnt[] = {
          {"&amp;", '&'},
          {"&lt;", '<'},
          {"&gt;", '>'},
          {"&quot;", '"'},
          {"&apos;", '\''}};
      bool done = false;
      for (auto& [e, c] : kEnt) {
        if (s.substr(i, e.size()) == e) {
          out->push_back(c);
          i += e.size() - 1;
          done = true;
          break;
        }
      }
      if (!done) out->push_back('&');
    } else {
      out->push_back(s[i]);
    }
  }
}

bool ReadTml(const fs::path& path, Doc* doc) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  std::string xml = ss.str();
  doc->name = path.filename().string();
  size_t d = xml.find("functionInDocument=\"CREATION_TIME\"");
  if (d != std::string::npos) {
    size_t ts = xml.rfind("<TIMEX3", d);
    size_t te = xml.find('>', d);
    std::string v = Attr(xml.substr(ts, te - ts), "value");
    doc->dct = civil::ParseIsoDate(v);
  }
  size_t b = xml.find("<TEXT>");
  size_t e = xml.find("</TEXT>");
  if (b == std::string::npos || e == std::string::npos) return false;
  b += 6;
  std::vector<Gold> open;
  size_t i = b;
  while (i < e) {
    size_t lt = xml.find('<', i);
    if (lt == std::string::npos || lt > e) lt = e;
    AppendText(std::string_view(xml).substr(i, lt - i), &doc->text);
    if (lt >= e) break;
    size_t gt = xml.find('>', lt);
    std::string tag = xml.substr(lt, gt - lt + 1);
    if (tag.rfind("<TIMEX3", 0) == 0) {
      Gold g;
      g.begin = doc->text.size();
      g.type = Attr(tag, "type");
      g.value = Attr(tag, "value");
      open.push_back(g);
    } else if (tag.rfind("</TIMEX3", 0) == 0 && !open.empty()) {
      Gold g = open.back();
      open.pop_back();
      g.end = doc->text.size();
      doc->gold.push_back(g);
    }
    i = gt + 1;
  }
  return true;
}

struct Counts {
  int gold = 0, sys = 0, strict = 0, relaxed = 0, type_ok = 0, value_ok = 0;
  void Add(const Counts& o) {
    gold += o.gold;
    sys += o.sys;
    strict += o.strict;
    relaxed += o.relaxed;
    type_ok += o.type_ok;
    value_ok += o.value_ok;
  }
};

double F1(int correct, int sys, int gold) {
  if (correct == 0) return 0;
  double p = double(correct) / sys, r = double(correct) / gold;
  return 2 * p * r / (p + r);
}

void Print(const std::string& name, const Counts& c) {
  auto pr = [](int k, int d) { return d ? 100.0 * k / d : 0.0; };
  std::printf(
      "%-10s timex gold=%d sys=%d | strict P %.1f R %.1f F1 %.1f | relaxed P "
      "%.1f R %.1f F1 %.1f | type acc %.1f F1 %.1f | value acc %.1f F1 %.1f\n",
      name.c_str(), c.gold, c.sys, pr(c.strict, c.sys), pr(c.strict, c.gold),
      100 * F1(c.strict, c.sys, c.gold), pr(c.relaxed, c.sys),
      pr(c.relaxed, c.gold), 100 * F1(c.relaxed, c.sys, c.gold),
      pr(c.type_ok, c.relaxed), 100 * F1(c.type_ok, c.sys, c.gold),
      pr(c.value_ok, c.relaxed), 100 * F1(c.value_ok, c.sys, c.gold));
}

Counts Score(const Doc& doc, int* errors_left, std::ostream& err) {
  Counts c;
  std::vector<Timex> sys = synoptic::time::TagText(doc.text, doc.dct, {});
  c.gold = static_cast<int>(doc.gold.size());
  c.sys = static_cast<int>(sys.size());
  std::vector<bool> used(sys.size(), false);
  for (const Gold& g : doc.gold) {
    int hit = -1;
    for (size_t k = 0; k < sys.size(); ++k) {
      if (used[k]) continue;
      if (sys[k].span.begin < g.end && g.begin < sys[k].span.end) {
        hit = static_cast<int>(k);
        break;
      }
    }
    std::string gtext = doc.text.substr(g.begin, g.end - g.begin);
    if (hit < 0) {
      if ((*errors_left)-- > 0)
        err << "MISS  " << doc.name << " [" << gtext << "] " << g.type << " "
            << g.value << "\n";
      continue;
    }
    used[hit] = true;
    const Timex& s = sys[hit];
    ++c.relaxed;
    if (s.span.begin == g.begin && s.span.end == g.end) ++c.strict;
    bool type_ok = TimexTypeName(s.type) == g.type;
    bool value_ok = s.value == g.value;
    c.type_ok += type_ok;
    c.value_ok += value_ok;
    if ((!value_ok || !type_ok || s.span.begin != g.begin ||
         s.span.end != g.end) &&
        (*errors_left)-- > 0) {
      err << "DIFF  " << doc.name << " gold [" << gtext << "] " << g.type << " "
          << g.value << " | sys ["
          << doc.text.substr(s.span.begin, s.span.size()) << "] "
          << TimexTypeName(s.type) << " " << s.value << "\n";
    }
  }
  for (size_t k = 0; k < sys.size(); ++k) {
    if (!used[k] && (*errors_left)-- > 0)
      err << "FALSE " << doc.name << " ["
          << doc.text.substr(sys[k].span.begin, sys[k].span.size()) << "] "
          << TimexTypeName(sys[k].type) << " " << sys[k].value << "\n";
  }
  return c;
}

// Duckling: expected value at the record's grain from its "start".
std::string DucklingValue(const nlohmann::json& rec) {
  if (!rec["start"].is_string()) return "";
  std::string start = rec["start"];
  std::string grain = rec["grain"].is_string() ? std::string(rec["grain"]) : "";
  auto d = civil::ParseIsoDate(start);
  if (!d) return "";
  if (grain == "year") return start.substr(0, 4);
  if (grain == "month") return start.substr(0, 7);
  if (grain == "day") return start.substr(0, 10);
  if (grain == "quarter")
    return start.substr(0, 4) + "-Q" + std::to_string((d->month - 1) / 3 + 1);
  if (grain == "week") {
    int y = 0, w = 0;
    civil::IsoWeek(*d, &y, &w);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", y, w);
    return buf;
  }
  if (grain == "hour" || grain == "minute" || grain == "second")
    return start.substr(0, 16);
  return "";
}

void RunDuckling(const std::string& path, int errors) {
  std::ifstream f(path);
  if (!f) {
    std::printf("duckling: cannot read %s\n", path.c_str());
    return;
  }
  std::map<std::string, std::pair<int, int>> by_kind;  // kind -> (ok, total)
  int found_any = 0, total = 0;
  std::string line;
  while (std::getline(f, line)) {
    auto rec = nlohmann::json::parse(line, nullptr, false);
    if (rec.is_discarded()) continue;
    std::string section = rec["section"];
    if (section == "latentCorpus") continue;
    std::string kind = rec["kind"];
    std::string want = DucklingValue(rec);
    civil::Date ref = section == "diffCorpus" ? civil::Date{2013, 2, 15}
                                              : civil::Date{2013, 2, 12};
    for (const auto& p : rec["phrases"]) {
      std::string phrase = p;
      auto got = synoptic::time::TagText(phrase, ref, {});
      ++total;
      if (!got.empty()) ++found_any;
      bool ok = false;
      for (const auto& t : got) {
        // Compare at the expected grain (our TIME values carry minutes).
        if (!want.empty() && t.value.substr(0, want.size()) == want &&
            (t.value.size() == want.size() || want.size() >= 16))
          ok = true;
      }
      auto& bk = by_kind[kind];
      bk.first += ok;
      bk.second += 1;
      if (!ok && errors-- > 0 && kind == "datetime") {
        std::cerr << "DUCK  [" << phrase << "] want " << want << " got";
        for (const auto& t : got)
          std::cerr << " {" << phrase.substr(t.span.begin, t.span.size())
                    << ": " << t.value << "}";
        std::cerr << "\n";
      }
    }
  }
  int ok_all = 0;
  for (auto& [k, v] : by_kind) {
    std::printf("duckling %-28s value acc %5.1f%% (%d/%d)\n", k.c_str(),
                100.0 * v.first / v.second, v.first, v.second);
    ok_all += v.first;
  }
  std::printf(
      "duckling %-28s value acc %5.1f%% (%d/%d); tagged anything: %.1f%%\n",
      "ALL", 100.0 * ok_all / total, ok_all, total, 100.0 * found_any / total);
  // Negatives: must produce nothing.
  std::string neg =
      fs::path(path).parent_path() / "duckling_time_en_negative.txt";
  std::ifstream nf(neg);
  int nn = 0, nclean = 0;
  while (std::getline(nf, line)) {
    if (line.empty()) continue;
    ++nn;
    auto got = synoptic::time::TagText(line, civil::Date{2013, 2, 12}, {});
    if (got.empty())
      ++nclean;
    else if (errors-- > 0)
      std::cerr << "DUCKNEG [" << line << "] -> " << got[0].value << "\n";
  }
  if (nn)
    std::printf("duckling negatives: %d/%d produce no timex\n", nclean, nn);
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = std::getenv("SYN_SHARED_DIR")
                           ? std::getenv("SYN_SHARED_DIR")
                           : "/work/shared";
  std::string tbaq = shared + "/data/tempeval3/TBAQ-cleaned";
  std::string duck = shared + "/data/duckling-time-en/duckling_time_en.jsonl";
  std::string tml_dir;
  int errors = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--tbaq")
      tbaq = argv[i + 1];
    else if (a == "--tml-dir")
      tml_dir = argv[i + 1];
    else if (a == "--duckling")
      duck = argv[i + 1];
    else if (a == "--errors")
      errors = std::atoi(argv[i + 1]);
  }
  Counts all;
  std::vector<std::pair<std::string, fs::path>> parts = {
      {"TimeBank", fs::path(tbaq) / "TimeBank"},
      {"AQUAINT", fs::path(tbaq) / "AQUAINT"}};
  if (!tml_dir.empty()) parts = {{"tml-dir", fs::path(tml_dir)}};
  for (const auto& [part, dir] : parts) {
    if (!fs::is_directory(dir)) {
      std::printf("%s: not found at %s\n", part.c_str(), dir.c_str());
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".tml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    Counts c;
    for (const auto& p : files) {
      Doc doc;
      if (!ReadTml(p, &doc)) continue;
      c.Add(Score(doc, &errors, std::cerr));
    }
    Print(part, c);
    all.Add(c);
  }
  if (tml_dir.empty()) {
    Print("TBAQ", all);
    RunDuckling(duck, errors);
  }
  return 0;
}
