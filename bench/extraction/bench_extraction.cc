// Throughput of HTML extraction on the Scrapinghub benchmark pages, one
// thread, all pages in memory first (gunzipped, already UTF-8).
//
// Measures, each over repeated passes for at least --seconds:
//   extract   ExtractDocument (our parse + main content + metadata)
//   parse     our tokenizer + tree builder alone (ParseHtml)
//   gumbo     gumbo's parse alone (gumbo_parse + destroy)
//   gumbo+x   the reference path: gumbo's parse copied into the compact
//             tree, then the same extraction (what extraction cost when it
//             ran on gumbo)
// Rates are per CPU second of this thread (the machine may be shared; wall
// time is printed too). Prints one line per measure: "name pages cpu_seconds
// bytes wall_seconds" (machine-readable, for bench/extraction/run), or
// Markdown with --markdown.
//
// Usage: bench_extraction SHARED_DIR [--seconds S] [--markdown] [--only NAME]
#include <gumbo.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "synoptic/core/utf8.h"
#include "synoptic/extract/extract.h"
#include "synoptic/extract/internal/extractors.h"
#include "synoptic/extract/internal/html_tree.h"

namespace fs = std::filesystem;
namespace html = synoptic::extract::internal::html;

namespace {

std::string Gunzip(const fs::path& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

std::string g_only;  // --only: run just this measure

struct Result {
  const char* name;
  size_t pages = 0;
  double seconds = 0;  // wall
  double cpu = 0;      // this thread's CPU time
  size_t bytes = 0;
};

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

Result Time(const char* name, const std::vector<std::string>& pages,
            double min_seconds,
            const std::function<void(const std::string&)>& fn) {
  Result r{name};
  if (!g_only.empty() && g_only != name) return r;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  int passes = 0;
  while (true) {
    for (const std::string& p : pages) {
      fn(p);
      r.bytes += p.size();
    }
    r.pages += pages.size();
    ++passes;
    r.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    r.cpu = ThreadCpuSeconds() - cpu_start;
    if (passes >= 2 && r.cpu >= min_seconds) break;
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(
        stderr,
        "usage: bench_extraction SHARED_DIR [--seconds S] [--markdown]\n");
    return 2;
  }
  fs::path dir = fs::path(argv[1]) / "data/article-extraction-scrapinghub/html";
  double seconds = 3;
  bool markdown = false;
  std::string only;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--only" && i + 1 < argc) only = argv[++i];
    if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
    if (a == "--markdown") markdown = true;
  }
  g_only = only;
  if (!fs::is_directory(dir)) {
    std::printf("skip: no %s\n", dir.c_str());
    return 0;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".gz") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> pages;
  for (const fs::path& f : files) {
    std::string html = Gunzip(f);
    if (!synoptic::utf8::IsValid(html))
      html = synoptic::utf8::Sanitize(html, nullptr);
    pages.push_back(std::move(html));
  }

  size_t sink = 0;
  std::vector<Result> results;
  results.push_back(Time("extract", pages, seconds, [&](const std::string& p) {
    synoptic::ingest::InputRecord r;
    r.body = p;
    r.format = synoptic::InputFormat::kHtml;
    r.url = "https://example.com/news/story";
    auto doc = synoptic::extract::ExtractDocument(r, {});
    if (doc.ok()) sink += doc->text.size();
  }));
  html::Tree tree;
  html::ParseOptions opt;
  results.push_back(Time("parse", pages, seconds, [&](const std::string& p) {
    html::ParseHtml(p, opt, &tree);
    sink += tree.nodes.size();
  }));
  results.push_back(Time("gumbo", pages, seconds, [&](const std::string& p) {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&o, p.data(), p.size());
    sink += out != nullptr;
    gumbo_destroy_output(&o, out);
  }));
  results.push_back(Time("gumbo+x", pages, seconds, [&](const std::string& p) {
    synoptic::ingest::InputRecord r;
    r.body = p;
    r.format = synoptic::InputFormat::kHtml;
    r.url = "https://example.com/news/story";
    html::ParseHtmlWithGumbo(p, &tree);
    synoptic::extract::internal::Draft d;
    synoptic::extract::internal::ExtractHtmlTree(tree, r, std::nullopt, &d);
    sink += d.paragraphs.size();
  }));

  if (markdown) {
    std::printf(
        "| measure | pages/s (CPU time) | MB/s | pages/s (wall) "
        "|\n|---|---|---|---|\n");
  }
  for (const Result& r : results) {
    if (r.pages == 0) continue;
    if (markdown) {
      std::printf("| %s | %.1f | %.1f | %.1f |\n", r.name, r.pages / r.cpu,
                  r.bytes / r.cpu / 1e6, r.pages / r.seconds);
    } else {
      std::printf("%s %zu %.4f %zu %.4f\n", r.name, r.pages, r.cpu, r.bytes,
                  r.seconds);
    }
  }
  std::fprintf(stderr, "pages %zu checksum %zu\n", pages.size(), sink);
  return 0;
}
