// Throughput of time::TagText on news text: the text of the TempEval-3 TBAQ
// documents (TimeBank + AQUAINT, tags stripped, XML entities decoded), each
// tagged against its own creation date. Rates are whitespace tokens per
// second of this process's CPU time, on one thread, so they are per core and
// comparable with the peers that bench/time/run measures on the same text.
//
// Usage: time_throughput SHARED_DIR [--write-texts FILE] [--min-seconds S]
//   --write-texts writes the texts as JSON lines {doc, text, dct} for the
//   peers and exits. Otherwise prints one line:
//   "synoptic DOCS TOKENS CPU_SECONDS TIMEXES" (timexes of one pass).
// Exit codes: 0 ok, 1 no data, 2 usage error.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/time/timex.h"

namespace fs = std::filesystem;
namespace civil = synoptic::civil;

namespace {

struct Text {
  std::string doc, text;
  std::optional<civil::Date> dct;
};

// Text between <TEXT> and </TEXT> without tags, the five XML entities
// decoded; the DCT from the CREATION_TIME timex.
bool ReadTml(const fs::path& path, Text* t) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string xml = ss.str();
  size_t d = xml.find("functionInDocument=\"CREATION_TIME\"");
  if (d != std::string::npos) {
    size_t ts = xml.rfind("<TIMEX3", d);
    size_t v = xml.find(" value=\"", ts);
    if (v != std::string::npos) t->dct = civil::ParseIsoDate(xml.substr(v + 8, 10));
  }
  size_t b = xml.find("<TEXT>"), e = xml.find("</TEXT>");
  if (b == std::string::npos || e == std::string::npos) return false;
  bool in_tag = false;
  static const std::pair<std::string_view, char> kEnt[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
      {"&apos;", '\''}};
  for (size_t i = b + 6; i < e; ++i) {
    char c = xml[i];
    if (in_tag) {
      in_tag = c != '>';
      continue;
    }
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (c == '&') {
      bool done = false;
      for (auto& [ent, ch] : kEnt) {
        if (std::string_view(xml).substr(i, ent.size()) == ent) {
          t->text.push_back(ch);
          i += ent.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    t->text.push_back(c);
  }
  return true;
}

size_t WhitespaceTokens(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (unsigned char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' ||
                 c == '\f' || c == '\v';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared, write_texts;
  double min_seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--write-texts" && i + 1 < argc) {
      write_texts = argv[++i];
    } else if (a == "--min-seconds" && i + 1 < argc) {
      min_seconds = std::atof(argv[++i]);
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr,
                   "usage: time_throughput SHARED_DIR [--write-texts FILE] "
                   "[--min-seconds S]\n");
      return 2;
    } else {
      shared = a;
    }
  }
  std::vector<Text> texts;
  for (const char* part : {"TimeBank", "AQUAINT"}) {
    fs::path dir = fs::path(shared) / "data/tempeval3/TBAQ-cleaned" / part;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".tml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
      Text t;
      t.doc = std::string(part) + "/" + p.filename().string();
      if (ReadTml(p, &t)) texts.push_back(std::move(t));
    }
  }
  if (texts.empty()) {
    std::fprintf(stderr, "time_throughput: no TBAQ texts under %s\n",
                 shared.c_str());
    return 1;
  }
  if (!write_texts.empty()) {
    std::ofstream out(write_texts);
    for (const Text& t : texts)
      out << nlohmann::json{{"doc", t.doc},
                            {"text", t.text},
                            {"dct", t.dct ? civil::FormatDate(*t.dct) : ""}}
                 .dump()
          << "\n";
    return out ? 0 : 1;
  }
  size_t tokens = 0;
  for (const Text& t : texts) tokens += WhitespaceTokens(t.text);
  // One untimed pass (warm caches, count outputs), then whole passes until
  // min_seconds of CPU time have gone by.
  size_t timexes = 0;
  for (const Text& t : texts)
    timexes += synoptic::time::TagText(t.text, t.dct, {}).size();
  size_t passes = 0, sink = 0;
  double start = CpuSeconds(), elapsed = 0;
  do {
    for (const Text& t : texts)
      sink += synoptic::time::TagText(t.text, t.dct, {}).size();
    ++passes;
    elapsed = CpuSeconds() - start;
  } while (elapsed < min_seconds);
  if (sink != timexes * passes) {
    std::fprintf(stderr, "time_throughput: output changed between passes\n");
    return 1;
  }
  std::printf("synoptic %zu %zu %.4f %zu\n", texts.size(), tokens * passes,
              elapsed, timexes);
  return 0;
}
