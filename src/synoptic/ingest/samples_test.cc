// The warcio conformance samples, read in place from the shared data folder
// (never copied): every file must be read without a crash, with the records
// and errors a careful reader would give.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "synoptic/core/utf8.h"
#include "synoptic/ingest/reader.h"

namespace synoptic::ingest {
namespace {

std::string SamplesDir() {
  return std::string(SYN_SHARED_DIR) + "/data/warc-samples";
}

VectorSink ReadSample(const std::string& name) {
  VectorSink sink;
  auto data =
      DefaultEnv()->ReadFile(SamplesDir() + "/" + name, uint64_t{1} << 30);
  EXPECT_TRUE(data.ok()) << name;
  if (data.ok()) ReadBytes(name, *data, ReaderOptions(), &sink);
  return sink;
}

struct Expected {
  size_t records;
  size_t errors;
  const char* error_code;  // of every error, when there are some
};

// Why each count is right:
// - example*.warc[.gz], wget, bad.warc.gz.bad, bad-non-chunked, wrong-chunks:
//   one 200 text/html response each; requests, revisits, warcinfo, metadata
//   and redirects are skipped. Whole-file gzip ("non-chunked") is fine.
// - resource: one text/html resource record.
// - space-in-target-uri: its only resource is an image/png: skipped.
// - post-test: every response is application/json: skipped.
// - digest: four request records only.
// - trunc: the response's Content-Length is 2 bytes short: that record is
//   an error, the request after it is found again.
// - bad.arc: lengths "-1" (on the filedesc) and "abc".
// - space-in-url.arc: the record says 1591 bytes but the file holds 1579.
const std::map<std::string, Expected>& Table() {
  static const auto* table = new std::map<std::string, Expected>{
      {"example.warc", {1, 0, ""}},
      {"example.warc.gz", {1, 0, ""}},
      {"example-bad.warc.gz.bad", {1, 0, ""}},
      {"example-bad-non-chunked.warc.gz", {1, 0, ""}},
      {"example-wrong-chunks.warc.gz", {1, 0, ""}},
      {"example-wget-bad-target-uri.warc.gz", {1, 0, ""}},
      {"example-iana.org-chunked.warc", {1, 0, ""}},
      {"example-resource.warc.gz", {1, 0, ""}},
      {"example-space-in-target-uri.warc.gz", {0, 0, ""}},
      {"post-test.warc.gz", {0, 0, ""}},
      {"example-digest.warc", {0, 0, ""}},
      {"example-trunc.warc", {0, 1, "corrupt"}},
      {"example.arc", {1, 0, ""}},
      {"example.arc.gz", {1, 0, ""}},
      {"bad.arc", {0, 2, "corrupt"}},
      {"example-space-in-url.arc", {0, 1, "truncated"}},
  };
  return *table;
}

TEST(WarcSamples, EveryFileGivesTheExpectedRecordsAndErrors) {
  if (!std::filesystem::is_directory(SamplesDir()))
    GTEST_SKIP() << "no samples";
  size_t seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SamplesDir())) {
    const std::string name = entry.path().filename().string();
    if (name == "LICENSE" || name == "SOURCE.md") continue;
    VectorSink sink = ReadSample(name);
    for (const auto& r : sink.records) {
      EXPECT_EQ(r.source.rfind(name + "#", 0), 0u) << r.source;
      EXPECT_TRUE(utf8::IsValid(r.body)) << r.source;
      EXPECT_FALSE(r.body.empty()) << r.source;
      EXPECT_FALSE(r.url.empty()) << r.source;
    }
    for (const auto& e : sink.errors) {
      EXPECT_EQ(e.source.rfind(name, 0), 0u) << e.source;
      EXPECT_FALSE(e.message.empty()) << e.source;
    }
    auto it = Table().find(name);
    if (it == Table().end()) continue;  // a new sample: crash-free is enough
    ++seen;
    EXPECT_EQ(sink.records.size(), it->second.records) << name;
    EXPECT_EQ(sink.errors.size(), it->second.errors) << name;
    for (const auto& e : sink.errors)
      EXPECT_EQ(e.code, it->second.error_code) << name;
  }
  EXPECT_EQ(seen, Table().size());
}

TEST(WarcSamples, ChunkedPayloadIsDechunked) {
  if (!std::filesystem::is_directory(SamplesDir()))
    GTEST_SKIP() << "no samples";
  VectorSink sink = ReadSample("example-iana.org-chunked.warc");
  ASSERT_EQ(sink.records.size(), 1u);
  const std::string& body = sink.records[0].body;
  EXPECT_EQ(body.rfind("<!doctype html>", 0), 0u) << body.substr(0, 40);
  EXPECT_NE(body.find("</html>"), std::string::npos);
  EXPECT_EQ(sink.records[0].url, "http://www.iana.org/");
}

TEST(WarcSamples, AngleBracketsAroundTargetUriAreRemoved) {
  if (!std::filesystem::is_directory(SamplesDir()))
    GTEST_SKIP() << "no samples";
  VectorSink sink = ReadSample("example-wget-bad-target-uri.warc.gz");
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_EQ(sink.records[0].url, "http://example.com/");
}

TEST(WarcSamples, GzipContentEncodingIsUndone) {
  if (!std::filesystem::is_directory(SamplesDir()))
    GTEST_SKIP() << "no samples";
  VectorSink sink = ReadSample("example.warc.gz");
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_NE(sink.records[0].body.find("Example Domain"), std::string::npos);
}

}  // namespace
}  // namespace synoptic::ingest
