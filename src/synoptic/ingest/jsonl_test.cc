// JSON lines input: fields, per-line errors, limits.
#include <gtest/gtest.h>

#include "synoptic/ingest/reader.h"
#include "synoptic/ingest/test_util.h"

namespace synoptic::ingest {
namespace {

VectorSink Read(std::string_view bytes,
                const ReaderOptions& options = ReaderOptions()) {
  VectorSink sink;
  ReadBytes("feed.jsonl", bytes, options, &sink);
  return sink;
}

TEST(JsonLines, ReadsFieldsOfEachLine) {
  const std::string feed =
      R"({"url": "https://paper.example/a", "title": "Dam opens", "html": "<p>The dam opened.</p>", "published": "2024-02-01", "site": "The Paper", "authors": ["R. Osei", "L. Marsh"]})"
      "\n"
      R"({"url": "https://wire.example/b", "text": "Rain fell all week.", "date": "2024-02-03T08:00:00Z", "author": "K. Lund"})"
      "\r\n\n"
      R"({"content": "<div><p>Body field with markup.</p></div>", "published_at": "2024-02-04"})"
      "\n";
  VectorSink s = Read(feed);
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  ASSERT_EQ(s.records.size(), 3u);
  const InputRecord& a = s.records[0];
  EXPECT_EQ(a.source, "feed.jsonl:1");
  EXPECT_EQ(a.container, InputFormat::kJsonLines);
  EXPECT_EQ(a.format, InputFormat::kHtml);
  EXPECT_EQ(a.url, "https://paper.example/a");
  EXPECT_EQ(a.title, "Dam opens");
  EXPECT_EQ(a.body, "<p>The dam opened.</p>");
  EXPECT_EQ(a.published, "2024-02-01");
  EXPECT_EQ(a.site, "The Paper");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"R. Osei", "L. Marsh"}));
  const InputRecord& b = s.records[1];
  EXPECT_EQ(b.source, "feed.jsonl:2");
  EXPECT_EQ(b.format, InputFormat::kText);
  EXPECT_EQ(b.body, "Rain fell all week.");
  EXPECT_EQ(b.published, "2024-02-03T08:00:00Z");
  EXPECT_EQ(b.authors, (std::vector<std::string>{"K. Lund"}));
  EXPECT_EQ(s.records[2].source, "feed.jsonl:4");
  EXPECT_EQ(s.records[2].format, InputFormat::kHtml);
  EXPECT_EQ(s.records[2].published, "2024-02-04");
}

TEST(JsonLines, BadLinesAreReportedAndTheRestIsRead) {
  const std::string feed = R"({"text": "first good line"})"
                           "\n"
                           R"({"text": "missing brace")"
                           "\n"
                           R"({"title": "no body here"})"
                           "\n"
                           R"(["an", "array"])"
                           "\n"
                           R"({"html": "   "})"
                           "\n"
                           R"({"text": "last good line"})"
                           "\n";
  VectorSink s = Read(feed);
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[1].source, "feed.jsonl:6");
  ASSERT_EQ(s.errors.size(), 4u);
  EXPECT_EQ(s.errors[0].source, "feed.jsonl:2");
  EXPECT_EQ(s.errors[0].code, "corrupt");
  EXPECT_EQ(s.errors[0].message.rfind("invalid JSON: ", 0), 0u);
  EXPECT_EQ(s.errors[0].message.find("json.exception"), std::string::npos);
  EXPECT_EQ(s.errors[1].source, "feed.jsonl:3");
  EXPECT_EQ(s.errors[1].message, "no html or text field");
  EXPECT_EQ(s.errors[2].source, "feed.jsonl:4");
  EXPECT_NE(s.errors[2].message.find("not a JSON object"), std::string::npos);
  EXPECT_EQ(s.errors[3].source, "feed.jsonl:5");
  EXPECT_EQ(s.errors[3].code, "empty");
}

TEST(JsonLines, InvalidUtf8InsideAStringIsRepaired) {
  const std::string feed =
      "{\"text\": \"caf\xe9 au lait\"}\n{\"text\": \"ok\"}\n";
  VectorSink s = Read(feed);
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[0].body, "caf\xEF\xBF\xBD au lait");
}

TEST(JsonLines, LineOverTheRecordLimitIsRefused) {
  ReaderOptions options;
  options.max_record_bytes = 200;
  std::string feed = R"({"text": "short one"})"
                     "\n";
  feed += R"({"text": ")" + std::string(500, 'y') + "\"}\n";
  feed += R"({"text": "after the long one"})"
          "\n";
  for (const std::string& input :
       {feed, testing::Gzip(feed), testing::Gzip(feed)}) {
    options.decode_chunk_bytes =
        input == feed ? 1024 : options.decode_chunk_bytes / 2;
    VectorSink s = Read(input, options);
    ASSERT_EQ(s.records.size(), 2u);
    EXPECT_EQ(s.records[1].source, "feed.jsonl:3");
    ASSERT_EQ(s.errors.size(), 1u);
    EXPECT_EQ(s.errors[0].source, "feed.jsonl:2");
    EXPECT_EQ(s.errors[0].code, "too_large");
    EXPECT_NE(s.errors[0].message.find("200"), std::string::npos);
  }
}

TEST(JsonLines, TruncatedGzipKeepsCompleteLines) {
  std::string feed;
  for (int i = 0; i < 3000; ++i) {
    feed += R"({"text": "Item number )" + std::to_string(i * 7919) +
            R"( in the list"})"
            "\n";
  }
  std::string gz = testing::Gzip(feed);
  gz.resize(gz.size() * 2 / 3);
  VectorSink s = Read(gz);
  EXPECT_GT(s.records.size(), 100u);
  EXPECT_LT(s.records.size(), 3000u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].source, "feed.jsonl");
  EXPECT_EQ(s.errors[0].message, "truncated gzip stream");
}

TEST(JsonLines, ByteOrderMarkAndBlankLeadingLinesAreFine) {
  VectorSink s = Read("\xEF\xBB\xBF\n\n{\"text\": \"Wind farm approved.\"}\n");
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].source, "feed.jsonl:3");
  EXPECT_EQ(s.records[0].body, "Wind farm approved.");
}

}  // namespace
}  // namespace synoptic::ingest
