// ReadInputs / ReadBytes / DetectFormat on single documents, compression and
// limits. Inputs are written here by hand.
#include "synoptic/ingest/reader.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <chrono>
#include <map>

#include "synoptic/ingest/test_util.h"

namespace synoptic::ingest {
namespace {

using testing::Gzip;

const char kPage[] =
    "<!DOCTYPE html>\n<html><head><title>Harbour bridge "
    "reopens</title></head>\n"
    "<body><nav>Home | World | Sport</nav><article><p>The harbour bridge in "
    "Lowmere reopened on Tuesday after nine months of repairs, the city "
    "council said.</p></article></body></html>\n";

const char kText[] =
    "Farmers in the northern valley began the barley harvest early this year,\n"
    "citing a dry spring and warnings of storms later in the month.\n";

VectorSink Read(std::string_view bytes,
                const ReaderOptions& options = ReaderOptions(),
                std::string_view source = "in") {
  VectorSink sink;
  ReadBytes(source, bytes, options, &sink);
  return sink;
}

TEST(ReadInputs, WalksDirectoriesSortedAndReportsMissingPaths) {
  MemEnv env;
  env.AddFile("corpus/b/two.html", kPage);
  env.AddFile("corpus/a.txt", kText);
  env.AddFile("corpus/b/one.txt", kText);
  env.AddFile("single.html", kPage);
  VectorSink sink;
  ReadInputs(&env, {"corpus", "nowhere.html", "single.html"}, ReaderOptions(),
             &sink);
  ASSERT_EQ(sink.records.size(), 4u);
  EXPECT_EQ(sink.records[0].source, "corpus/a.txt");
  EXPECT_EQ(sink.records[1].source, "corpus/b/one.txt");
  EXPECT_EQ(sink.records[2].source, "corpus/b/two.html");
  EXPECT_EQ(sink.records[3].source, "single.html");
  EXPECT_EQ(sink.records[2].format, InputFormat::kHtml);
  EXPECT_EQ(sink.records[0].format, InputFormat::kText);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].source, "nowhere.html");
  EXPECT_EQ(sink.errors[0].code, "not_found");
  EXPECT_EQ(sink.errors[0].message, "no such file or directory");
}

TEST(ReadInputs, DashReadsStandardInput) {
  MemEnv env;
  env.AddFile("/dev/stdin", kText);
  VectorSink sink;
  ReadInputs(&env, {"-"}, ReaderOptions(), &sink);
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_EQ(sink.records[0].source, "-");
  EXPECT_EQ(sink.records[0].body, kText);
}

TEST(ReadInputs, FileOverTheFileLimitIsAnError) {
  MemEnv env;
  env.AddFile("big.txt", std::string(5000, 'x'));
  ReaderOptions options;
  options.max_file_bytes = 1000;
  VectorSink sink;
  ReadInputs(&env, {"big.txt"}, options, &sink);
  EXPECT_TRUE(sink.records.empty());
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].code, "too_large");
  EXPECT_NE(sink.errors[0].message.find("5000"), std::string::npos);
  EXPECT_NE(sink.errors[0].message.find("1000"), std::string::npos);
}

TEST(DetectFormat, SniffsContentNotNames) {
  EXPECT_EQ(DetectFormat("WARC/1.0\r\nWARC-Type: warcinfo\r\n"),
            InputFormat::kWarc);
  EXPECT_EQ(DetectFormat("WARC/1.1\r\n"), InputFormat::kWarc);
  EXPECT_EQ(
      DetectFormat("  {\"url\": \"http://a.example/\", \"text\": \"hi\"}\n{"),
      InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("{not json at all}\nmore"), InputFormat::kText);
  EXPECT_EQ(DetectFormat(kPage), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF\n  <!doctype HTML><p>x"),
            InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("<DIV class=\"story\">Rain</DIV>"),
            InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("<p>Short note</p>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("<pre>code</pre>"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("Notes on the <body> tag in a text file"),
            InputFormat::kHtml);
  EXPECT_EQ(DetectFormat(kText), InputFormat::kText);
  EXPECT_EQ(DetectFormat(std::string("abc\0def", 7)), InputFormat::kUnknown);
  EXPECT_EQ(DetectFormat("   \n\t"), InputFormat::kUnknown);
}

TEST(ReadBytes, HtmlAndTextBecomeOneRecordEach) {
  VectorSink html = Read(kPage, ReaderOptions(), "page.html");
  ASSERT_EQ(html.records.size(), 1u);
  EXPECT_TRUE(html.errors.empty());
  EXPECT_EQ(html.records[0].source, "page.html");
  EXPECT_EQ(html.records[0].container, InputFormat::kHtml);
  EXPECT_EQ(html.records[0].format, InputFormat::kHtml);
  EXPECT_EQ(html.records[0].body, kPage);
  EXPECT_EQ(html.records[0].charset, "UTF-8");

  VectorSink text = Read(kText);
  ASSERT_EQ(text.records.size(), 1u);
  EXPECT_EQ(text.records[0].format, InputFormat::kText);
  EXPECT_EQ(text.records[0].body, kText);
}

TEST(ReadBytes, EmptyAndBlankFilesAreErrors) {
  for (std::string_view in :
       {std::string_view(""), std::string_view(" \r\n\t \n")}) {
    VectorSink s = Read(in);
    EXPECT_TRUE(s.records.empty());
    ASSERT_EQ(s.errors.size(), 1u);
    EXPECT_EQ(s.errors[0].code, "empty");
    EXPECT_EQ(s.errors[0].message, "empty file");
    EXPECT_EQ(s.errors[0].source, "in");
  }
  VectorSink gz = Read(Gzip(""));
  ASSERT_EQ(gz.errors.size(), 1u);
  EXPECT_EQ(gz.errors[0].code, "empty");
}

TEST(ReadBytes, BinaryDataIsNotSupported) {
  const char kPngStart[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  std::string png(kPngStart, sizeof(kPngStart) - 1);
  for (int i = 0; i < 200; ++i) png += static_cast<char>(i % 7);
  VectorSink s = Read(png);
  EXPECT_TRUE(s.records.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "not_supported");
  EXPECT_EQ(s.errors[0].message,
            "binary data, not HTML, text, WARC or JSON lines");

  // Many control bytes without NUL are binary too.
  std::string ctl;
  for (int i = 0; i < 400; ++i) ctl += (i % 3 == 0) ? '\x02' : 'a';
  EXPECT_EQ(Read(ctl).errors.at(0).code, "not_supported");
}

TEST(ReadBytes, GzipIsUndoneTransparently) {
  VectorSink s = Read(Gzip(kPage), ReaderOptions(), "page.html.gz");
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_TRUE(s.errors.empty());
  EXPECT_EQ(s.records[0].body, kPage);
  EXPECT_EQ(s.records[0].format, InputFormat::kHtml);
}

TEST(ReadBytes, MultiMemberGzipIsReadWhole) {
  const std::string text = kText;
  const std::string a = text.substr(0, 40);
  const std::string b = text.substr(40);
  VectorSink s = Read(Gzip(a) + Gzip(b));
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].body, text);
}

TEST(ReadBytes, TruncatedGzipDocumentIsAnErrorNotAPrefix) {
  std::string big;
  for (int i = 0; i < 2000; ++i)
    big += "Paragraph " + std::to_string(i) + " of the report.\n";
  std::string gz = Gzip(big);
  gz.resize(gz.size() / 2);
  VectorSink s = Read(gz);
  EXPECT_TRUE(s.records.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "truncated");
  EXPECT_EQ(s.errors[0].message, "truncated gzip stream");
}

TEST(ReadBytes, CorruptGzipIsAnError) {
  std::string gz = Gzip(kPage);
  for (size_t i = 12; i < 40 && i < gz.size(); ++i)
    gz[i] = static_cast<char>(0xff);
  VectorSink s = Read(gz);
  EXPECT_TRUE(s.records.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "corrupt");
  EXPECT_NE(s.errors[0].message.find("gzip"), std::string::npos);
}

TEST(ReadBytes, GzipBombHitsTheDecompressedCap) {
  const std::string zeros(1 << 20, 'a');
  ReaderOptions options;
  options.max_decompressed_bytes = 100000;
  VectorSink s = Read(Gzip(zeros), options);
  EXPECT_TRUE(s.records.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "too_large");
  EXPECT_NE(s.errors[0].message.find("100000"), std::string::npos);
}

TEST(ReadBytes, ZstdIsUndoneTransparently) {
  std::string z(ZSTD_compressBound(sizeof(kPage)), '\0');
  z.resize(ZSTD_compress(z.data(), z.size(), kPage, sizeof(kPage) - 1, 3));
  VectorSink s = Read(z);
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].body, kPage);
  z.resize(z.size() - 5);
  VectorSink cut = Read(z);
  EXPECT_TRUE(cut.records.empty());
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_EQ(cut.errors[0].code, "truncated");
}

TEST(ReadBytes, DocumentOverTheRecordLimitIsRefusedQuickly) {
  // 200 MB of HTML: refused by size, without decoding it.
  std::string huge = "<html><body><p>";
  huge.resize(size_t{200} << 20, 'w');
  const auto t0 = std::chrono::steady_clock::now();
  VectorSink s = Read(huge);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  EXPECT_LT(secs, 2.0);
  EXPECT_TRUE(s.records.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "too_large");
  EXPECT_NE(s.errors[0].message.find(std::to_string(size_t{200} << 20)),
            std::string::npos);
  EXPECT_NE(s.errors[0].message.find(std::to_string(uint64_t{32} << 20)),
            std::string::npos);

  ReaderOptions small;
  small.max_record_bytes = 100;
  VectorSink gz = Read(Gzip(std::string(500, 'q')), small);
  ASSERT_EQ(gz.errors.size(), 1u);
  EXPECT_EQ(gz.errors[0].code, "too_large");
  EXPECT_NE(gz.errors[0].message.find("100"), std::string::npos);
}

TEST(ReadBytes, FileOverTheFileLimitIsRefused) {
  ReaderOptions options;
  options.max_file_bytes = 10;
  VectorSink s = Read(kText, options);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "too_large");
  EXPECT_NE(s.errors[0].message.find("over the limit of 10"),
            std::string::npos);
}

TEST(TestData, DirectoryGivesExpectedRecords) {
  const std::string dir = std::string(SYN_SOURCE_DIR) + "/testdata/ingest";
  VectorSink sink;
  ReadInputs(DefaultEnv(), {dir}, ReaderOptions(), &sink);
  std::map<std::string, std::pair<int, int>> per_file;  // records, errors
  auto file_of = [&](const std::string& source) {
    std::string f = source.substr(dir.size() + 1);
    return f.substr(0, f.find_first_of("#:"));
  };
  for (const auto& r : sink.records) ++per_file[file_of(r.source)].first;
  for (const auto& e : sink.errors) ++per_file[file_of(e.source)].second;
  const std::map<std::string, std::pair<int, int>> expected = {
      {"README.md", {1, 0}},     {"feed.jsonl", {2, 2}},
      {"feed.jsonl.gz", {2, 2}}, {"legacy-cp1251.html", {1, 0}},
      {"note.txt", {1, 0}},      {"note.txt.zst", {1, 0}},
      {"old.arc", {1, 0}},       {"page.html", {1, 0}},
      {"sample.warc", {3, 0}},   {"sample.warc.gz", {3, 0}},
  };
  EXPECT_EQ(per_file, expected);
  for (const auto& r : sink.records) {
    if (file_of(r.source) == "legacy-cp1251.html") {
      EXPECT_EQ(r.charset, "windows-1251");
      EXPECT_NE(r.body.find("\xD0\x9D\xD0\xBE\xD0\xB2"),
                std::string::npos);  // "Нов"
    }
    if (r.source.size() > 3 && r.source.substr(r.source.size() - 3) == "#4") {
      EXPECT_EQ(r.url,
                "http://courier.example/tram2");  // chunked + gzip payload
      EXPECT_NE(r.body.find("northern tram extension"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace synoptic::ingest
