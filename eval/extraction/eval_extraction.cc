// Main-text extraction scores of extract::ExtractDocument on two public
// benchmarks, printed as Markdown beside the published anchors.
//
// 1. Zyte/Scrapinghub article-extraction-benchmark (SOURCE.md in its data
//    folder). Body metric: tokens are maximal runs of Python-`\w` characters
//    (Unicode letters, numbers, underscore; case kept); shingles are 4-token
//    windows (a shorter text gives one shorter shingle) counted as multisets.
//    Per page, tp/fp/fn are the multiset overlap and surpluses, normalised by
//    their sum so long pages do not dominate. Precision is the mean of
//    tp/(tp+fp) over pages with tp+fp > 0 (1 when fp = fn = 0), recall the
//    mean of tp/(tp+fn) over pages with tp+fn > 0, and F1 = 2PR/(P+R) of the
//    two means, not a mean of per-page F1. "±" is 1.96 standard deviations
//    over 1000 bootstrap resamples of the pages, as the benchmark reports.
//    The same scorer runs on every peer system's output in output/, so the
//    peers' numbers on the pages present here check the scorer (the
//    published table is over all 181 pages; about half are held back).
// 2. trafilatura's evaluation set (evaldata.json + html.tar.xz). For each
//    page, the output and each segment are whitespace-normalised (runs of
//    Python-`\s` characters -> one space, trimmed); a "with" segment found as
//    a substring is a TP (else FN), a "without" segment found is an FP (else
//    TN). Counts are summed over the corpus (micro average): P = TP/(TP+FP),
//    R = TP/(TP+FN), accuracy = (TP+TN)/all, F1 = 2TP/(2TP+FP+FN). A page we
//    return nothing for scores TP = FP = 0.
// 3. Publication dates on the same trafilatura pages: Document::published
//    against evaldata.json's "date" field (YYYY-MM-DD, or "" for a page the
//    annotators found undated), day level: same day, wrong day (and how
//    many of those are one day off), no date; plus how many undated pages
//    get a date. Date peers run here are read from
//    PEERS/trafilatura-dates/*.json ({"output": {url: {"published": ISO}}}).
//
// Nothing here tunes anything: the pages are scored once, as they are.
//
// Usage: eval_extraction SHARED_DIR [--only scrapinghub|trafilatura]
//                        [--peers DIR] [--errors N] [--date-errors N]
//   SHARED_DIR holds data/ (defaults to $SYN_SHARED_DIR, then the CMake
//   define SYN_SHARED_DIR). --peers DIR adds systems run here
//   (eval/extraction/peers/): DIR/scrapinghub/*.json,
//   DIR/trafilatura/*.json in the benchmark's output format and
//   DIR/trafilatura-dates/*.json. --errors N lists our N worst Scrapinghub
//   pages and N trafilatura segment misses on stderr; --date-errors N
//   (default: the --errors N) lists up to N pages of each date error kind:
//   DATE-WRONG (another day than gold), DATE-EXTRA (a date on a page gold
//   calls undated), DATE-MISSING (no date where gold has one), each with
//   the file, URL, gold, our date and its published_from. Exit
//   code 0 unless a data file is malformed or unpacking fails; absent data
//   prints a "skip:" line and is not an error.
#include <unicode/uchar.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synoptic/core/utf8.h"
#include "synoptic/extract/extract.h"
#include "synoptic/ingest/reader.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

#ifndef SYN_SHARED_DIR
#define SYN_SHARED_DIR "../shared"
#endif

// ---------------------------------------------------------------- input --

std::optional<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Gunzips `data` when it starts with the gzip magic, else returns it as is.
std::optional<std::string> MaybeGunzip(std::string data) {
  if (data.size() < 2 || static_cast<unsigned char>(data[0]) != 0x1f ||
      static_cast<unsigned char>(data[1]) != 0x8b) {
    return data;
  }
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return std::nullopt;
  std::string out;
  char buf[1 << 16];
  zs.next_in = reinterpret_cast<Bytef*>(data.data());
  zs.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return std::nullopt;
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) break;
  }
  inflateEnd(&zs);
  return out;
}

// What we keep of one extraction: the main text and the publication date
// with where it came from ("" when none).
struct Extracted {
  std::string text;
  std::string published;
  std::string published_from;
};

// Our system under test: raw page bytes -> main text and date. nullopt when
// the extractor returns an error (kEmpty included): "returned nothing".
std::optional<Extracted> ExtractPage(const std::string& source,
                                     std::string_view bytes,
                                     const std::string& url) {
  std::string used;
  auto decoded = synoptic::ingest::DecodeToUtf8(bytes, "", true, &used);
  if (!decoded.ok()) return std::nullopt;
  synoptic::ingest::InputRecord record;
  record.source = source;
  record.container = synoptic::InputFormat::kHtml;
  record.format = synoptic::InputFormat::kHtml;
  record.body = std::move(decoded).value();
  record.url = url;
  record.charset = used;
  auto doc = synoptic::extract::ExtractDocument(record, {});
  if (!doc.ok()) return std::nullopt;
  Extracted out;
  out.text = std::move(doc.value().text);
  out.published = doc.value().published;
  if (!out.published.empty()) {
    out.published_from =
        std::string(synoptic::DateSourceName(doc.value().published_from));
  }
  return out;
}

// ------------------------------------------------------ Python char classes --

// Python's `\w` on str: str.isalnum() (letters Lu/Ll/Lt/Lm/Lo or any
// character with a numeric type) or '_'. Combining marks are not word
// characters, exactly as in Python.
bool IsPyWord(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
  }
  UChar32 u = static_cast<UChar32>(c);
  return u_isalpha(u) ||
         u_getIntPropertyValue(u, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

// Python's `\s` on str: str.isspace(), i.e. general category Zs or
// bidirectional class WS, B or S.
bool IsPySpace(char32_t c) {
  if (c < 0x80)
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  UChar32 u = static_cast<UChar32>(c);
  if (u_charType(u) == U_SPACE_SEPARATOR) return true;
  UCharDirection d = u_charDirection(u);
  return d == U_WHITE_SPACE_NEUTRAL || d == U_BLOCK_SEPARATOR ||
         d == U_SEGMENT_SEPARATOR;
}

// ------------------------------------------------ Scrapinghub body metric --

std::vector<std::string_view> Tokenize(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t pos = 0, start = 0;
  bool in_word = false;
  while (pos < text.size()) {
    size_t at = pos;
    char32_t c = synoptic::utf8::Next(text, &pos);
    bool w = IsPyWord(c);
    if (w && !in_word) start = at;
    if (!w && in_word) tokens.push_back(text.substr(start, at - start));
    in_word = w;
  }
  if (in_word) tokens.push_back(text.substr(start));
  return tokens;
}

// Multiset of n-token shingles; tokens never contain a space, so a space
// joins them unambiguously.
std::unordered_map<std::string, int> Shingles(
    const std::vector<std::string_view>& tokens, size_t n) {
  std::unordered_map<std::string, int> out;
  if (tokens.empty()) return out;
  size_t windows = tokens.size() >= n ? tokens.size() - n + 1 : 1;
  std::string key;
  for (size_t i = 0; i < windows; ++i) {
    key.clear();
    for (size_t k = i; k < std::min(i + n, tokens.size()); ++k) {
      if (k > i) key.push_back(' ');
      key.append(tokens[k]);
    }
    ++out[key];
  }
  return out;
}

struct PageScore {
  double tp = 0, fp = 0, fn = 0;  // normalised to sum 1 (all 0 if empty)
  bool exact = false;             // identical token lists
};

PageScore ScorePage(std::string_view truth, std::string_view pred) {
  auto tt = Tokenize(truth), pt = Tokenize(pred);
  auto ts = Shingles(tt, 4), ps = Shingles(pt, 4);
  PageScore s;
  for (const auto& [k, tc] : ts) {
    auto it = ps.find(k);
    int pc = it == ps.end() ? 0 : it->second;
    s.tp += std::min(tc, pc);
    s.fn += std::max(0, tc - pc);
    s.fp += std::max(0, pc - tc);
  }
  for (const auto& [k, pc] : ps) {
    if (!ts.count(k)) s.fp += pc;
  }
  double sum = s.tp + s.fp + s.fn;
  if (sum > 0) {
    s.tp /= sum;
    s.fp /= sum;
    s.fn /= sum;
  }
  s.exact = tt == pt;
  return s;
}

struct Metrics {
  double p = 0, r = 0, f1 = 0, exact = 0;
  double p_ci = 0, r_ci = 0, f1_ci = 0;
};

void PointMetrics(const std::vector<PageScore>& pages,
                  const std::vector<size_t>& idx, Metrics* m) {
  double psum = 0, rsum = 0;
  int pn = 0, rn = 0, exact = 0;
  for (size_t i : idx) {
    const PageScore& s = pages[i];
    if (s.tp + s.fp > 0) {
      psum += (s.fp == 0 && s.fn == 0) ? 1.0 : s.tp / (s.tp + s.fp);
      ++pn;
    }
    if (s.tp + s.fn > 0) {
      rsum += (s.fp == 0 && s.fn == 0) ? 1.0 : s.tp / (s.tp + s.fn);
      ++rn;
    }
    exact += s.exact;
  }
  m->p = pn ? psum / pn : 0;
  m->r = rn ? rsum / rn : 0;
  m->f1 = m->p + m->r > 0 ? 2 * m->p * m->r / (m->p + m->r) : 0;
  m->exact = idx.empty() ? 0 : double(exact) / idx.size();
}

double CiOf(const std::vector<double>& v) {
  double mean = 0;
  for (double x : v) mean += x;
  mean /= v.size();
  double var = 0;
  for (double x : v) var += (x - mean) * (x - mean);
  return 1.96 * std::sqrt(var / (v.size() - 1));
}

Metrics Aggregate(const std::vector<PageScore>& pages) {
  Metrics m;
  std::vector<size_t> all(pages.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  PointMetrics(pages, all, &m);
  if (pages.size() < 2) return m;
  // Fixed seed: the intervals are reproducible run to run.
  std::mt19937_64 rng(20191119);
  std::uniform_int_distribution<size_t> pick(0, pages.size() - 1);
  std::vector<double> ps, rs, fs;
  std::vector<size_t> idx(pages.size());
  for (int b = 0; b < 1000; ++b) {
    for (size_t& i : idx) i = pick(rng);
    Metrics bm;
    PointMetrics(pages, idx, &bm);
    ps.push_back(bm.p);
    rs.push_back(bm.r);
    fs.push_back(bm.f1);
  }
  m.p_ci = CiOf(ps);
  m.r_ci = CiOf(rs);
  m.f1_ci = CiOf(fs);
  return m;
}

// Published full-set (181 pages) figures from the data's SOURCE.md, keyed by
// output file stem.
struct Anchor {
  const char* stem;
  const char* label;
  double f1, p, r;
};
constexpr Anchor kScrapinghubAnchors[] = {
    {"go_trafilatura", "go_trafilatura ae7ea06", 0.960, 0.940, 0.980},
    {"trafilatura", "trafilatura 2.0.0", 0.958, 0.938, 0.978},
    {"newspaper", "newspaper4k 0.9.3.1 (previous run)", 0.949, 0.964, 0.934},
    {"readability_js", "readability_js 0.6.0", 0.947, 0.914, 0.982},
    {"readability", "readability-lxml 0.8.4.1", 0.922, 0.913, 0.931},
    {"goose3", "goose3 3.1.20", 0.896, 0.940, 0.856},
    {"justext", "justext 3.0.2", 0.804, 0.858, 0.756},
    {"html-text", "html-text 0.7.0 (all text)", 0.665, 0.500, 0.994},
};

const Anchor* FindAnchor(const std::string& stem) {
  for (const Anchor& a : kScrapinghubAnchors)
    if (stem == a.stem) return &a;
  return nullptr;
}

std::string Fmt(const char* f, double a, double b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, a, b);
  return buf;
}

struct Row {
  std::string system, version;
  Metrics m;
  int missing = 0;
  const Anchor* anchor = nullptr;
};

void PrintRow(const Row& row, bool bold) {
  const char* b = bold ? "**" : "";
  std::printf(
      "| %s%s%s | %s | %s | %s | %s%s%s | %.3f |", b, row.system.c_str(), b,
      row.version.c_str(), Fmt("%.3f ± %.3f", row.m.p, row.m.p_ci).c_str(),
      Fmt("%.3f ± %.3f", row.m.r, row.m.r_ci).c_str(), b,
      Fmt("%.3f ± %.3f", row.m.f1, row.m.f1_ci).c_str(), b, row.m.exact);
  if (row.anchor) {
    std::printf(" %.3f | %.3f | %.3f |", row.anchor->f1, row.anchor->p,
                row.anchor->r);
  } else {
    std::printf(" — | — | — |");
  }
  if (row.missing) std::printf(" (%d pages absent: scored empty)", row.missing);
  std::printf("\n");
}

// One system's outputs in the Scrapinghub benchmark's format: a map of item
// id (or URL) -> {"articleBody": text}, optionally wrapped as
// {"version": ..., "output": {...}}.
struct SystemOutput {
  std::string name, version = "?";
  json output;
};

// Every DIR/*.json that parses as such a map, sorted by name; unreadable
// files get a skip line.
std::vector<SystemOutput> LoadOutputs(const fs::path& dir,
                                      const std::string& suffix) {
  std::vector<SystemOutput> outs;
  if (dir.empty() || !fs::is_directory(dir)) return outs;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    auto text = ReadWholeFile(p);
    json out = text ? json::parse(*text, nullptr, false) : json();
    if (!out.is_object()) {
      std::printf("skip: peer output %s (unreadable JSON)\n", p.c_str());
      continue;
    }
    SystemOutput so;
    so.name = p.stem().string() + suffix;
    if (out.contains("output") && out["output"].is_object()) {
      if (out.contains("version") && out["version"].is_string())
        so.version = out["version"].get<std::string>();
      json inner = std::move(out["output"]);
      out = std::move(inner);
    }
    so.output = std::move(out);
    outs.push_back(std::move(so));
  }
  return outs;
}

// The text a system gave for `key`; nullopt when the key is absent or its
// articleBody is not a string (null: the system returned nothing).
std::optional<std::string> OutputText(const json& output,
                                      const std::string& key) {
  auto it = output.find(key);
  if (it == output.end() || !it->is_object()) return std::nullopt;
  auto body = it->find("articleBody");
  if (body == it->end() || !body->is_string()) return std::nullopt;
  return body->get<std::string>();
}

int RunScrapinghub(const fs::path& shared, const fs::path& peers_dir,
                   int errors) {
  fs::path dir = shared / "data" / "article-extraction-scrapinghub";
  fs::path gt_path = dir / "ground-truth.json";
  std::printf("## Article body extraction: Scrapinghub benchmark\n\n");
  auto gt_text = ReadWholeFile(gt_path);
  if (!gt_text) {
    std::printf("skip: Scrapinghub article extraction (no %s)\n\n",
                gt_path.c_str());
    return 0;
  }
  json gt = json::parse(*gt_text, nullptr, false);
  if (gt.is_discarded() || !gt.is_object()) {
    std::printf("error: %s is not a JSON object\n\n", gt_path.c_str());
    return 1;
  }
  std::vector<std::string> keys;
  for (auto it = gt.begin(); it != gt.end(); ++it) keys.push_back(it.key());
  std::sort(keys.begin(), keys.end());
  auto truth_of = [&](const std::string& k) {
    const json& v = gt[k];
    return v.contains("articleBody") && v["articleBody"].is_string()
               ? v["articleBody"].get<std::string>()
               : std::string();
  };

  // Peers: other systems' outputs shipped with the benchmark, then any run
  // here (eval/extraction/peers/) under peers_dir.
  std::vector<SystemOutput> systems = LoadOutputs(dir / "output", "");
  if (!peers_dir.empty()) {
    for (auto& so : LoadOutputs(peers_dir / "scrapinghub", " (run here)"))
      systems.push_back(std::move(so));
  }
  std::vector<Row> rows;
  for (const SystemOutput& so : systems) {
    Row row;
    row.system = so.name;
    row.version = so.version;
    std::vector<PageScore> pages;
    for (const std::string& k : keys) {
      std::optional<std::string> pred = OutputText(so.output, k);
      if (!so.output.contains(k)) ++row.missing;
      pages.push_back(ScorePage(truth_of(k), pred ? *pred : std::string()));
    }
    row.m = Aggregate(pages);
    row.anchor = FindAnchor(row.system);
    rows.push_back(std::move(row));
  }

  // Ours. Pages are read and gunzipped first; the timer covers charset
  // decoding and extraction only, one thread.
  const bool have_html = fs::is_directory(dir / "html");
  std::vector<std::string> html(keys.size());
  int unreadable = 0;
  size_t html_bytes = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    fs::path base = dir / "html" / keys[i];
    auto raw = ReadWholeFile(base.string() + ".html.gz");
    if (!raw) raw = ReadWholeFile(base.string() + ".html");
    std::optional<std::string> page =
        raw ? MaybeGunzip(std::move(*raw)) : std::nullopt;
    if (!page) {
      ++unreadable;
      continue;
    }
    html_bytes += page->size();
    html[i] = std::move(*page);
  }
  std::vector<std::string> ours(keys.size());
  int nothing = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (html[i].empty()) continue;
    std::string url = gt[keys[i]].value("url", "");
    auto page = ExtractPage(keys[i], html[i], url);
    if (page)
      ours[i] = std::move(page->text);
    else
      ++nothing;
  }
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  std::vector<PageScore> pages;
  for (size_t i = 0; i < keys.size(); ++i)
    pages.push_back(ScorePage(truth_of(keys[i]), ours[i]));
  Row our;
  our.system = "synoptic";
  our.version = "this tree";
  our.m = Aggregate(pages);
  our.missing = unreadable;

  std::printf(
      "%zu pages here (of 181; the rest are held back), metric: 4-token "
      "shingle P/R averaged per page, F1 of the means; ± = 1.96 sd over 1000 "
      "bootstrap resamples. Peers are scored from output/ with the same "
      "scorer on the same pages; the published columns are the benchmark "
      "README's full-set numbers (not comparable digit for digit).\n\n",
      keys.size());
  std::printf(
      "| system | version | P | R | F1 | exact | published F1 (181) | "
      "published P | published R |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return a.m.f1 > b.m.f1; });
  bool printed_ours = false;
  for (const Row& r : rows) {
    if (have_html && !printed_ours && our.m.f1 >= r.m.f1) {
      PrintRow(our, true);
      printed_ours = true;
    }
    PrintRow(r, false);
  }
  if (have_html && !printed_ours) PrintRow(our, true);
  if (!have_html) {
    std::printf("\nskip: synoptic on Scrapinghub (no %s)\n\n",
                (dir / "html").c_str());
    return 0;
  }
  std::printf(
      "\nsynoptic speed: %zu pages, %.1f MB of HTML, %.2f s wall, %.1f "
      "pages/s, %.1f MB/s (charset decoding + ExtractDocument, one thread; "
      "%d pages gave no text, %d unreadable)\n\n",
      keys.size(), html_bytes / 1e6, secs, secs > 0 ? keys.size() / secs : 0,
      secs > 0 ? html_bytes / 1e6 / secs : 0, nothing, unreadable);

  if (errors > 0) {
    std::vector<size_t> order(keys.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto f1_of = [&](size_t i) {
      const PageScore& s = pages[i];
      return s.tp > 0 ? 2 * s.tp / (2 * s.tp + s.fp + s.fn) : 0.0;
    };
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return f1_of(a) < f1_of(b); });
    for (int k = 0; k < errors && k < static_cast<int>(order.size()); ++k) {
      size_t i = order[k];
      std::fprintf(stderr, "WORST %s tp %.2f fp %.2f fn %.2f %s\n",
                   keys[i].c_str(), pages[i].tp, pages[i].fp, pages[i].fn,
                   gt[keys[i]].value("url", "").c_str());
    }
  }
  return 0;
}

// -------------------------------------------------------- trafilatura-eval --

std::string NormalizeSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  bool pending_space = false;
  while (pos < s.size()) {
    size_t at = pos;
    char32_t c = synoptic::utf8::Next(s, &pos);
    if (IsPySpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(at, pos - at));
  }
  return out;
}

struct Confusion {
  long tp = 0, fp = 0, fn = 0, tn = 0;
};

// Makes a private temporary directory; empty path on failure.
fs::path MakeTempDir() {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string templ = (base / "syn-eval-XXXXXX").string();
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) return {};
  return fs::path(buf.data());
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out.push_back(c);
  }
  return out + "'";
}

// Adds one page's segment checks to *c. `text` nullopt: the system returned
// nothing (every "with" is a miss, every "without" a true negative).
void CountItem(const json& item, const std::optional<std::string>& text,
               const std::string& file, int* errors, Confusion* c) {
  std::string norm = text ? NormalizeSpace(*text) : std::string();
  auto found = [&](const json& seg) {
    return text && seg.is_string() &&
           norm.find(NormalizeSpace(seg.get<std::string>())) !=
               std::string::npos;
  };
  auto report = [&](const char* what, const json& seg) {
    if (*errors <= 0 || !seg.is_string()) return;
    --*errors;
    std::fprintf(stderr, "%s %s [%s]\n", what, file.c_str(),
                 seg.get<std::string>().c_str());
  };
  if (item.contains("with")) {
    for (const json& seg : item["with"]) {
      if (found(seg)) {
        ++c->tp;
      } else {
        ++c->fn;
        report("TRAFI-FN", seg);
      }
    }
  }
  if (item.contains("without")) {
    for (const json& seg : item["without"]) {
      if (found(seg)) {
        ++c->fp;
        report("TRAFI-FP", seg);
      } else {
        ++c->tn;
      }
    }
  }
}

struct TrafiAnchor {
  const char* label;
  double p, r, acc, f1;
};
constexpr TrafiAnchor kTrafilaturaAnchors[] = {
    {"trafilatura 2.2.0 (standard)", 0.906, 0.943, 0.923, 0.924},
    {"trafilatura 2.2.0 (precision)", 0.925, 0.915, 0.921, 0.920},
    {"magic-html 0.1.8", 0.887, 0.891, 0.889, 0.889},
    {"justext 3.0.2 (custom)", 0.864, 0.859, 0.862, 0.862},
    {"news-please 1.6.16", 0.932, 0.758, 0.852, 0.836},
    {"readability-lxml 0.8.4.1", 0.898, 0.764, 0.839, 0.826},
    {"baseline (text markup)", 0.767, 0.869, 0.803, 0.815},
    {"resiliparse 1.0.9", 0.705, 0.955, 0.778, 0.811},
    {"goose3 3.1.22", 0.936, 0.714, 0.833, 0.810},
    {"newspaper4k 0.9.6", 0.878, 0.736, 0.817, 0.801},
    {"raw HTML", 0.528, 0.906, 0.549, 0.667},
};

// ------------------------------------------------- publication dates --

// One trafilatura-eval page that carries a gold "date": the annotators'
// publication day (YYYY-MM-DD), or "" for a page they judged undated.
struct DatedPage {
  std::string url, file, gold, ours, ours_from;
};

// Day-level outcome of one system on the gold-dated pages, and what it
// says on the pages annotated as undated.
struct DateCounts {
  int dated = 0, same_day = 0, wrong_day = 0, none = 0;
  int one_day_off = 0;  // of wrong_day: the day before or after
  int undated = 0, undated_none = 0, undated_given = 0;
};

bool IsIsoDay(std::string_view s) {
  if (s.size() < 10) return false;
  for (size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Days from 0000-03-01 of an ISO day (proleptic Gregorian), to tell dates
// one day apart (a UTC time stamp against the publisher's local day).
long DayNumber(std::string_view s) {
  int y = std::atoi(std::string(s.substr(0, 4)).c_str());
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m <= 2) {
    --y;
    m += 12;
  }
  return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

// Adds one page; `ours` is an ISO 8601 date or date-time ("" = none). Gold
// values that are neither "" nor YYYY-MM-DD are not scored (returns false).
bool CountDate(const std::string& gold, const std::string& ours,
               DateCounts* d) {
  if (gold.empty()) {
    ++d->undated;
    ++(ours.empty() ? d->undated_none : d->undated_given);
    return true;
  }
  if (!IsIsoDay(gold) || gold.size() != 10) return false;
  ++d->dated;
  if (ours.empty() || !IsIsoDay(ours)) {
    ++d->none;
  } else if (ours.compare(0, 10, gold) == 0) {
    ++d->same_day;
  } else {
    ++d->wrong_day;
    if (std::labs(DayNumber(ours) - DayNumber(gold)) == 1) ++d->one_day_off;
  }
  return true;
}

void PrintDateRow(const std::string& label, const DateCounts& d) {
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
  std::printf(
      "| %s | %d | %.1f %% | %.1f %% (%.1f %%) | %.1f %% | %.1f %% | %d | "
      "%.1f %% |\n",
      label.c_str(), d.dated, pct(d.same_day, d.dated),
      pct(d.wrong_day, d.dated), pct(d.one_day_off, d.dated),
      pct(d.none, d.dated), pct(d.same_day, d.same_day + d.wrong_day),
      d.undated, pct(d.undated_given, d.undated));
}

// Publication dates (Document::published) against the gold "date" field
// of evaldata.json, day level, beside any date peer run here
// (PEERS/trafilatura-dates/*.json: {"version", "output": {url:
// {"published": ISO}}}). `errors` caps each kind of date error listed on
// stderr.
void PrintDates(const std::vector<DatedPage>& pages, const fs::path& peers_dir,
                int errors) {
  std::printf("## Publication dates: trafilatura evaluation set\n\n");
  if (pages.empty()) {
    std::printf("skip: no page of evaldata.json carries a \"date\"\n\n");
    return;
  }
  DateCounts ours;
  std::map<std::string, std::array<int, 3>> by_source;  // same, wrong, given
  int unscored = 0;
  // Up to `errors` lines of each kind: a wrong day, a date on a page gold
  // calls undated, no date on a gold-dated page.
  int wrong_left = errors, extra_left = errors, missing_left = errors;
  auto list = [](const char* kind, const DatedPage& p, int* left) {
    if ((*left)-- <= 0) return;
    std::fprintf(stderr, "%s %s %s gold [%s] ours [%s] from %s\n", kind,
                 p.file.c_str(), p.url.c_str(), p.gold.c_str(), p.ours.c_str(),
                 p.ours_from.empty() ? "-" : p.ours_from.c_str());
  };
  for (const DatedPage& p : pages) {
    DateCounts before = ours;
    if (!CountDate(p.gold, p.ours, &ours)) {
      ++unscored;
      continue;
    }
    if (p.ours.empty()) continue;
    std::array<int, 3>& s = by_source[p.ours_from];
    ++s[2];
    s[0] += ours.same_day - before.same_day;
    s[1] += ours.wrong_day - before.wrong_day;
    if (ours.wrong_day > before.wrong_day) {
      list("DATE-WRONG", p, &wrong_left);
    } else if (ours.undated_given > before.undated_given) {
      list("DATE-EXTRA", p, &extra_left);
    }
  }
  for (const DatedPage& p : pages) {
    if (p.ours.empty() && IsIsoDay(p.gold) && p.gold.size() == 10)
      list("DATE-MISSING", p, &missing_left);
  }
  std::printf(
      "Gold: the \"date\" field of evaldata.json (%zu of its pages carry "
      "one; \"\" marks a page its annotators found undated; %d values not "
      "YYYY-MM-DD are left out). Day level: same day as gold, a different "
      "day, or no date. \"precision\" = same / (same + wrong). The pages "
      "carry no crawl time, so no not-after limit applies.\n\n",
      pages.size(), unscored);
  std::printf(
      "| system | pages with a gold day | same day | wrong day (of it one "
      "day off) | no date | "
      "precision | pages gold-undated | of them given a date |\n"
      "|---|---|---|---|---|---|---|---|\n");
  PrintDateRow("**synoptic (this tree)**", ours);
  if (!peers_dir.empty()) {
    for (const SystemOutput& so :
         LoadOutputs(peers_dir / "trafilatura-dates", "")) {
      DateCounts pc;
      for (const DatedPage& p : pages) {
        std::string theirs;
        auto it = so.output.find(p.url);
        if (it != so.output.end() && it->is_object()) {
          auto v = it->find("published");
          if (v != it->end() && v->is_string()) theirs = v->get<std::string>();
        }
        CountDate(p.gold, theirs, &pc);
      }
      PrintDateRow(so.name + " " + so.version + " (run here)", pc);
    }
  }
  std::printf("\nsynoptic by source of the date (published_from):");
  for (const auto& [src, s] : by_source) {
    std::printf(" %s %d given, %d same day, %d wrong day;", src.c_str(), s[2],
                s[0], s[1]);
  }
  std::printf(
      " (pages gold-undated count as given, neither same nor wrong)\n\n");
}

int RunTrafilatura(const fs::path& shared, const fs::path& peers_dir,
                   int errors, int date_errors) {
  fs::path dir = shared / "data" / "trafilatura-eval";
  fs::path evaldata_path = dir / "evaldata.json";
  fs::path tarball = dir / "html.tar.xz";
  std::printf("## Main text extraction: trafilatura evaluation set\n\n");
  auto evaltext = ReadWholeFile(evaldata_path);
  if (!evaltext) {
    std::printf("skip: trafilatura-eval (no %s)\n\n", evaldata_path.c_str());
    return 0;
  }
  if (!fs::exists(tarball)) {
    std::printf("skip: trafilatura-eval (no %s)\n\n", tarball.c_str());
    return 0;
  }
  json evaldata = json::parse(*evaltext, nullptr, false);
  if (!evaldata.is_object()) {
    std::printf("error: %s is not a JSON object\n\n", evaldata_path.c_str());
    return 1;
  }
  fs::path tmp = MakeTempDir();
  if (tmp.empty()) {
    std::printf("error: cannot make a temporary directory\n\n");
    return 1;
  }
  std::string cmd = "tar -xJf " + ShellQuote(tarball.string()) + " -C " +
                    ShellQuote(tmp.string());
  if (std::system(cmd.c_str()) != 0) {
    std::printf("error: `%s` failed\n\n", cmd.c_str());
    std::error_code ec;
    fs::remove_all(tmp, ec);
    return 1;
  }

  // Ours: page bytes -> text, then the segment checks. The timer covers
  // charset decoding and extraction only, one thread.
  std::vector<DatedPage> dated;
  Confusion c;
  int docs = 0, missing = 0, nothing = 0;
  size_t html_bytes = 0;
  double secs = 0;
  for (auto it = evaldata.begin(); it != evaldata.end(); ++it) {
    const json& item = it.value();
    std::string file = item.value("file", "");
    std::optional<std::string> raw;
    for (const char* sub : {"cache", "eval"}) {
      fs::path p = tmp / "tests" / sub / file;
      if (!file.empty() && fs::is_regular_file(p)) {
        raw = ReadWholeFile(p);
        break;
      }
    }
    if (raw) raw = MaybeGunzip(std::move(*raw));
    if (!raw) {
      ++missing;
      continue;
    }
    ++docs;
    html_bytes += raw->size();
    auto t0 = std::chrono::steady_clock::now();
    std::optional<Extracted> page = ExtractPage(file, *raw, it.key());
    secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
                .count();
    std::optional<std::string> text;
    if (page) text = page->text;
    if (!page) ++nothing;
    CountItem(item, text, file, &errors, &c);
    if (item.contains("date") && item["date"].is_string()) {
      dated.push_back({it.key(), file, item["date"].get<std::string>(),
                       page ? page->published : std::string(),
                       page ? page->published_from : std::string()});
    }
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);

  std::vector<std::pair<std::string, Confusion>> peers;
  if (!peers_dir.empty()) {
    for (const SystemOutput& so : LoadOutputs(peers_dir / "trafilatura", "")) {
      Confusion pc;
      int no_errors = 0;
      for (auto it = evaldata.begin(); it != evaldata.end(); ++it)
        CountItem(it.value(), OutputText(so.output, it.key()), "", &no_errors,
                  &pc);
      peers.emplace_back(so.name + " " + so.version + " (run here)", pc);
    }
  }

  std::printf(
      "%d of %zu pages scored (%d files not in the archive), %ld \"with\" and "
      "%ld \"without\" segments; micro-averaged over segments. Published "
      "rows: trafilatura docs/evaluation.rst (2026-08-04, same 990 pages); "
      "\"run here\" rows are scored by this program.\n\n",
      docs, evaldata.size(), missing, c.tp + c.fn, c.fp + c.tn);
  struct TRow {
    std::string label;
    double p, r, acc, f1;
    bool bold;
  };
  std::vector<TRow> table;
  auto row_of = [](std::string label, const Confusion& k, bool bold) {
    double p = k.tp + k.fp ? double(k.tp) / (k.tp + k.fp) : 0;
    double r = k.tp + k.fn ? double(k.tp) / (k.tp + k.fn) : 0;
    long all = k.tp + k.fp + k.fn + k.tn;
    double acc = all ? double(k.tp + k.tn) / all : 0;
    long denom = 2 * k.tp + k.fp + k.fn;
    double f1 = denom ? 2.0 * k.tp / denom : 0;
    return TRow{std::move(label), p, r, acc, f1, bold};
  };
  table.push_back(row_of("synoptic (this tree)", c, true));
  const double f1 = table.back().f1;
  for (const auto& [label, k] : peers) table.push_back(row_of(label, k, false));
  for (const TrafiAnchor& a : kTrafilaturaAnchors)
    table.push_back(TRow{std::string(a.label) + " (published)", a.p, a.r, a.acc,
                         a.f1, false});
  std::stable_sort(table.begin(), table.end(),
                   [](const TRow& a, const TRow& b) { return a.f1 > b.f1; });
  std::printf("| system | P | R | accuracy | F1 |\n|---|---|---|---|---|\n");
  for (const TRow& t : table) {
    const char* b = t.bold ? "**" : "";
    std::printf("| %s%s%s | %.3f | %.3f | %.3f | %s%.3f%s |\n", b,
                t.label.c_str(), b, t.p, t.r, t.acc, b, t.f1, b);
  }
  std::printf(
      "\ncounts (synoptic): TP %ld FP %ld FN %ld TN %ld; %d pages "
      "gave no text\n",
      c.tp, c.fp, c.fn, c.tn, nothing);

  auto baseline_text = ReadWholeFile(dir / "eval_baseline.json");
  json baseline =
      baseline_text ? json::parse(*baseline_text, nullptr, false) : json();
  if (baseline.is_object() && baseline.contains("floors")) {
    const json& fl = baseline["floors"];
    std::printf(
        "eval_baseline.json (trafilatura's own CI floors, F1): fast %.4f, "
        "fallback %.4f; ours %.4f",
        fl.value("fast", 0.0), fl.value("fallback", 0.0), f1);
    if (baseline.value("entries", 0) != static_cast<int>(evaldata.size()))
      std::printf(" (baseline counts %d entries, evaldata has %zu)",
                  baseline.value("entries", 0), evaldata.size());
    std::printf("\n");
  }
  std::printf(
      "synoptic speed: %d pages, %.1f MB of HTML, %.2f s, %.1f pages/s "
      "(charset decoding + ExtractDocument, one thread)\n\n",
      docs, html_bytes / 1e6, secs, secs > 0 ? docs / secs : 0.0);
  PrintDates(dated, peers_dir, date_errors);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared;
  std::string only;
  std::string peers;
  int errors = 0;
  int date_errors = -1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else if (a == "--peers" && i + 1 < argc) {
      peers = argv[++i];
    } else if (a == "--errors" && i + 1 < argc) {
      errors = std::atoi(argv[++i]);
    } else if (a == "--date-errors" && i + 1 < argc) {
      date_errors = std::atoi(argv[++i]);
    } else if (a == "-h" || a == "--help") {
      std::printf(
          "usage: eval_extraction [SHARED_DIR] [--only scrapinghub|"
          "trafilatura] [--peers DIR] [--errors N] [--date-errors N]\n");
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "eval_extraction: unknown flag %s\n", a.c_str());
      return 2;
    } else {
      shared = a;
    }
  }
  if (shared.empty()) {
    const char* env = std::getenv("SYN_SHARED_DIR");
    shared = env && *env ? env : SYN_SHARED_DIR;
  }
  int rc = 0;
  if (only.empty() || only == "scrapinghub")
    rc |= RunScrapinghub(fs::path(shared), fs::path(peers), errors);
  if (only.empty() || only == "trafilatura")
    rc |= RunTrafilatura(fs::path(shared), fs::path(peers), errors,
                         date_errors < 0 ? errors : date_errors);
  return rc;
}
