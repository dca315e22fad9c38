// WARC and ARC reading: record selection, HTTP payloads, damage handling.
#include <gtest/gtest.h>

#include "synoptic/ingest/reader.h"
#include "synoptic/ingest/test_util.h"

namespace synoptic::ingest {
namespace {

using testing::FromUtf8;
using testing::Gzip;
using testing::HttpResponse;
using testing::WarcRecord;

const char kArticle[] =
    "<html><head><title>Ferry service resumes</title></head><body><p>The "
    "island "
    "ferry resumed its winter timetable on Monday, the operator "
    "said.</p></body></html>";

std::string Ok(std::string_view body,
               std::string_view type = "text/html; charset=utf-8") {
  return HttpResponse("200 OK", "Content-Type: " + std::string(type) + "\r\n",
                      body);
}

std::string Warcinfo() {
  return WarcRecord(
      "warcinfo", "", "application/warc-fields",
      "software: handmade-test/1.0\r\nformat: WARC File Format 1.0\r\n");
}

std::string Request(std::string_view uri) {
  return WarcRecord("request", uri, "application/http; msgtype=request",
                    "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n");
}

std::string Response(std::string_view uri, std::string_view http) {
  return WarcRecord("response", uri, "application/http; msgtype=response",
                    http);
}

VectorSink Read(std::string_view bytes,
                const ReaderOptions& options = ReaderOptions()) {
  VectorSink sink;
  ReadBytes("crawl.warc", bytes, options, &sink);
  return sink;
}

std::vector<std::string> MixedRecords() {
  return {
      Warcinfo(),
      Request("http://news.example/ferry"),
      Response("<http://news.example/ferry>", Ok(kArticle)),
      Response("http://news.example/moved",
               HttpResponse("301 Moved Permanently", "Location: /x\r\n", "")),
      Response(
          "http://news.example/logo.png",
          HttpResponse("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n")),
      WarcRecord("metadata", "http://news.example/ferry",
                 "application/warc-fields",
                 "outlink: http://news.example/\r\n"),
      WarcRecord("revisit", "http://news.example/ferry", "application/http",
                 ""),
      WarcRecord("resource", "file:///notes.txt", "text/plain",
                 "Harbour notes: ferries sail at nine."),
  };
}

void ExpectMixedResult(const VectorSink& s) {
  ASSERT_TRUE(s.errors.empty())
      << s.errors[0].source << ": " << s.errors[0].message;
  ASSERT_EQ(s.records.size(), 2u);
  const InputRecord& page = s.records[0];
  EXPECT_EQ(page.source, "crawl.warc#3");
  EXPECT_EQ(page.container, InputFormat::kWarc);
  EXPECT_EQ(page.format, InputFormat::kHtml);
  EXPECT_EQ(page.url, "http://news.example/ferry");
  EXPECT_EQ(page.crawled, "2024-03-05T10:20:30Z");
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(page.charset, "UTF-8");
  EXPECT_EQ(page.body, kArticle);
  const InputRecord& note = s.records[1];
  EXPECT_EQ(note.source, "crawl.warc#8");
  EXPECT_EQ(note.format, InputFormat::kText);
  EXPECT_EQ(note.body, "Harbour notes: ferries sail at nine.");
}

TEST(Warc, KeepsTextResponsesAndResourcesSkipsTheRest) {
  std::string warc;
  for (const auto& r : MixedRecords()) warc += r;
  ExpectMixedResult(Read(warc));
}

TEST(Warc, PerRecordGzipGivesTheSameRecords) {
  std::string warc;
  for (const auto& r : MixedRecords()) warc += Gzip(r);
  ExpectMixedResult(Read(warc));
}

TEST(Warc, TinyDecodeStepsGiveTheSameRecords) {
  std::string warc;
  for (const auto& r : MixedRecords()) warc += Gzip(r);
  for (uint32_t step : {16u, 17u, 100u, 1000u}) {
    ReaderOptions options;
    options.decode_chunk_bytes = step;
    ExpectMixedResult(Read(warc, options));
  }
}

TEST(Warc, Version11AndLfOnlyHeadersAreRead) {
  std::string rec = WarcRecord("resource", "urn:x", "text/plain",
                               "Plain words here.", "", "WARC/1.1");
  VectorSink s = Read(rec);
  ASSERT_EQ(s.records.size(), 1u);
  std::string lf =
      "WARC/1.0\nWARC-Type: resource\nContent-Type: text/plain\n"
      "Content-Length: 9\n\nline one.\n\n";
  VectorSink t = Read(lf);
  ASSERT_EQ(t.records.size(), 1u)
      << (t.errors.empty() ? "" : t.errors[0].message);
  EXPECT_EQ(t.records[0].body, "line one.");
}

TEST(Warc, UnknownVersionIsNotSupported) {
  std::string warc =
      WarcRecord("resource", "urn:x", "text/plain", "Words.", "", "WARC/2.0") +
      WarcRecord("resource", "urn:y", "text/plain", "More words.");
  VectorSink s = Read(warc);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "not_supported");
  EXPECT_EQ(s.errors[0].source, "crawl.warc#1");
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].url, "urn:y");
}

TEST(Warc, ChunkedAndGzipEncodedBodiesAreDecoded) {
  const std::string gz = Gzip(kArticle);
  std::string chunked;
  for (size_t i = 0; i < gz.size(); i += 50) {
    const std::string part = gz.substr(i, 50);
    char hex[16];
    std::snprintf(hex, sizeof hex, "%zx", part.size());
    chunked += std::string(hex) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string http =
      HttpResponse("200 OK",
                   "Content-Type: text/html\r\nTransfer-Encoding: "
                   "chunked\r\nContent-Encoding: gzip\r\n",
                   chunked);
  VectorSink s = Read(Response("http://news.example/a", http));
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].body, kArticle);
}

TEST(Warc, ContentCodingHeadersThatLieAreTolerated) {
  // Already-decoded body under "deflate"; gzip body with no header at all;
  // binary body under a text label (skipped, not an error).
  const std::string decoded = HttpResponse(
      "200 OK", "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
      kArticle);
  const std::string silent_gzip =
      HttpResponse("200 OK", "Content-Type: text/html\r\n", Gzip(kArticle));
  const std::string binary =
      HttpResponse("200 OK", "Content-Type: text/html\r\n",
                   std::string("\x00\x01\x02\x03\x04", 5));
  VectorSink s = Read(Response("http://a.example/1", decoded) +
                      Response("http://a.example/2", silent_gzip) +
                      Response("http://a.example/3", binary));
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[0].body, kArticle);
  EXPECT_EQ(s.records[1].body, kArticle);
}

TEST(Warc, BrokenChunkingIsAnErrorForThatRecord) {
  const std::string http = HttpResponse(
      "200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
      "10\r\n<html><body>abc\r\nzz\r\nrest</body></html>\r\n0\r\n\r\n");
  VectorSink s = Read(Response("http://news.example/a", http) +
                      Response("http://news.example/b", Ok(kArticle)));
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].source, "crawl.warc#1");
  EXPECT_EQ(s.errors[0].code, "corrupt");
  EXPECT_NE(s.errors[0].message.find("chunked"), std::string::npos);
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].source, "crawl.warc#2");
}

TEST(Warc, CharsetFromHttpHeaderIsUsed) {
  const std::string utf8 =
      "<html><body><p>Министр заявил о новых переговорах.</p></body></html>";
  const std::string cp1251 = FromUtf8(utf8, "windows-1251");
  ASSERT_FALSE(cp1251.empty());
  VectorSink s = Read(Response("http://news.example/ru",
                               Ok(cp1251, "text/html; charset=windows-1251")));
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].body, utf8);
  EXPECT_EQ(s.records[0].charset, "windows-1251");
}

TEST(Warc, TruncatedLastRecordKeepsEarlierRecords) {
  std::string warc = Response("http://news.example/a", Ok(kArticle));
  const std::string last = Response("http://news.example/b", Ok(kArticle));
  warc += last.substr(0, last.size() - 60);
  VectorSink s = Read(warc);
  ASSERT_EQ(s.records.size(), 1u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].source, "crawl.warc#2");
  EXPECT_EQ(s.errors[0].code, "truncated");
  const std::string http = Ok(kArticle);
  const std::string expect = "truncated WARC record: Content-Length says " +
                             std::to_string(http.size()) + ", " +
                             std::to_string(http.size() - 56) + " bytes left";
  EXPECT_EQ(s.errors[0].message, expect);
}

TEST(Warc, WrongContentLengthCostsOneRecordThenResyncs) {
  std::string bad = Response("http://news.example/a", Ok(kArticle));
  const size_t at = bad.find("Content-Length: ") + 16;
  bad.replace(at, 3, "100");  // shorter than the block
  std::string longer = Response("http://news.example/b", Ok(kArticle));
  const size_t at2 = longer.find("Content-Length: ") + 16;
  longer.replace(at2, 3, "330");  // runs into the next record
  std::string warc = Warcinfo() + bad + Request("http://news.example/") +
                     longer + Response("http://news.example/c", Ok(kArticle));
  VectorSink s = Read(warc);
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_EQ(s.errors[0].source, "crawl.warc#2");
  EXPECT_EQ(s.errors[0].code, "corrupt");
  EXPECT_NE(s.errors[0].message.find("record boundary"), std::string::npos);
  EXPECT_EQ(s.errors[1].source, "crawl.warc#4");
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].url, "http://news.example/c");
  EXPECT_EQ(s.records[0].source, "crawl.warc#5");
}

TEST(Warc, MissingOrBadContentLengthIsAnError) {
  std::string no_len =
      "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: "
      "text/plain\r\n\r\nwords\r\n\r\n";
  std::string bad_len =
      "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: "
      "text/plain\r\nContent-Length: "
      "12x\r\n\r\nwords\r\n\r\n";
  VectorSink s =
      Read(no_len + bad_len +
           WarcRecord("resource", "urn:ok", "text/plain", "Good record."));
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_EQ(s.errors[0].code, "corrupt");
  EXPECT_NE(s.errors[0].message.find("no Content-Length"), std::string::npos);
  EXPECT_NE(s.errors[1].message.find("bad WARC Content-Length '12x'"),
            std::string::npos);
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].source, "crawl.warc#3");
}

TEST(Warc, GarbageBeforeARecordIsReportedAndSkipped) {
  std::string warc = WarcRecord("resource", "urn:a", "text/plain", "First.") +
                     "this is not a record\r\n\r\n" +
                     WarcRecord("resource", "urn:b", "text/plain", "Second.");
  VectorSink s = Read(warc);
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[1].source, "crawl.warc#3");
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].source, "crawl.warc#2");
  EXPECT_EQ(s.errors[0].code, "corrupt");
  EXPECT_NE(s.errors[0].message.find("version line"), std::string::npos);
}

TEST(Warc, TruncatedGzipStreamKeepsRecordsReadBeforeTheCut) {
  std::string warc;
  for (int i = 0; i < 3; ++i) {
    warc += Gzip(
        Response("http://news.example/" + std::to_string(i), Ok(kArticle)));
  }
  const std::string last =
      Gzip(Response("http://news.example/3", Ok(kArticle)));
  warc += last.substr(0, last.size() / 2);
  VectorSink s = Read(warc);
  ASSERT_EQ(s.records.size(), 3u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "truncated");
  EXPECT_NE(s.errors[0].message.find("truncated gzip stream"),
            std::string::npos);
  EXPECT_EQ(s.errors[0].source, "crawl.warc#4");

  // Cut exactly between members: every record, then the error for the file.
  std::string whole =
      Gzip(WarcRecord("resource", "urn:a", "text/plain", "Alpha."));
  const std::string second =
      Gzip(WarcRecord("resource", "urn:b", "text/plain", "Beta."));
  whole += second.substr(0, 8);
  VectorSink t = Read(whole);
  ASSERT_EQ(t.records.size(), 1u);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].code, "truncated");
}

TEST(Warc, RecordOverTheLimitIsRefusedAndTheNextIsRead) {
  ReaderOptions options;
  options.max_record_bytes = 1000;
  std::string big = "<html><body><p>";
  big.append(3000, 'z');
  std::string warc = Response("http://news.example/big", Ok(big)) +
                     Response("http://news.example/small", Ok(kArticle));
  for (const std::string& input : {warc, Gzip(warc)}) {
    VectorSink s = Read(input, options);
    ASSERT_EQ(s.errors.size(), 1u);
    EXPECT_EQ(s.errors[0].code, "too_large");
    EXPECT_EQ(s.errors[0].source, "crawl.warc#1");
    EXPECT_NE(s.errors[0].message.find("1000"), std::string::npos);
    ASSERT_EQ(s.records.size(), 1u);
    EXPECT_EQ(s.records[0].url, "http://news.example/small");
  }
}

TEST(Warc, CrawlerTruncatedRecordIsNotAPrefix) {
  VectorSink s = Read(WarcRecord("response", "http://news.example/a",
                                 "application/http; msgtype=response",
                                 Ok(kArticle), "WARC-Truncated: length\r\n"));
  EXPECT_TRUE(s.records.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "truncated");
  EXPECT_NE(s.errors[0].message.find("WARC-Truncated"), std::string::npos);
}

TEST(Warc, SegmentedRecordIsNotSupportedRatherThanAPrefix) {
  VectorSink s = Read(WarcRecord("response", "http://news.example/a",
                                 "application/http; msgtype=response",
                                 Ok(kArticle), "WARC-Segment-Number: 1\r\n") +
                      WarcRecord("continuation", "http://news.example/a",
                                 "application/http", "rest of it",
                                 "WARC-Segment-Number: 2\r\n"));
  EXPECT_TRUE(s.records.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "not_supported");
  EXPECT_NE(s.errors[0].message.find("segmented"), std::string::npos);
}

TEST(Warc, ResponseWithoutHttpStatusLineIsCorrupt) {
  VectorSink s =
      Read(Response("http://news.example/a", "<html>no status line</html>"));
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "corrupt");
  EXPECT_NE(s.errors[0].message.find("HTTP status line"), std::string::npos);
}

TEST(Arc, ReadsVersionOneRecords) {
  const std::string http = Ok(kArticle, "text/html");
  const std::string desc =
      "1 0 Handmade\nURL IP-address Archive-date Content-type Archive-length\n";
  std::string arc =
      "filedesc://handmade.arc 0.0.0.0 20240305102030 text/plain " +
      std::to_string(desc.size()) + "\n" + desc + "\n";
  arc += "http://news.example/a b 10.0.0.1 20240305102030 text/html " +
         std::to_string(http.size()) + "\n" + http + "\n";
  arc += "http://news.example/c 10.0.0.1 20240305102031 text/html nope\n\n";
  VectorSink s;
  ReadBytes("old.arc", arc, ReaderOptions(), &s);
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].url, "http://news.example/a b");
  EXPECT_EQ(s.records[0].crawled, "2024-03-05T10:20:30Z");
  EXPECT_EQ(s.records[0].body, kArticle);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].source, "old.arc#3");
  EXPECT_EQ(s.errors[0].code, "corrupt");
}

// Regression: header fields were string_views into the stream window and
// dangled once loading the record body moved the window, so records that
// straddled a decode chunk were skipped without an error.
TEST(Warc, GzipRecordsAcrossDecodeChunksAreAllRead) {
  std::string page = "<html><body>";
  for (int i = 0; i < 120; ++i)
    page += "<p>The assembly debated the water plan again.</p>\n";
  page += "</body></html>";
  std::string warc;
  const int kRecords = 300;
  for (int i = 0; i < kRecords; ++i) {
    warc +=
        Gzip(Response("http://news.example/" + std::to_string(i), Ok(page)));
  }
  VectorSink s = Read(warc);
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  ASSERT_EQ(s.records.size(), static_cast<size_t>(kRecords));
  for (int i = 0; i < kRecords; ++i) {
    EXPECT_EQ(s.records[i].url, "http://news.example/" + std::to_string(i));
    EXPECT_EQ(s.records[i].source, "crawl.warc#" + std::to_string(i + 1));
    EXPECT_EQ(s.records[i].body, page);
  }
}

TEST(Warc, HeaderThatNeverEndsIsTruncated) {
  VectorSink s =
      Read("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5\r\n");
  EXPECT_TRUE(s.records.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "truncated");
  EXPECT_NE(s.errors[0].message.find("header does not end"), std::string::npos);
}

TEST(Warc, HugeHeaderIsCorrupt) {
  std::string warc = "WARC/1.0\r\nWARC-Type: resource\r\n";
  while (warc.size() < (size_t{1} << 20) + 100)
    warc += "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaa\r\n";
  VectorSink s = Read(warc);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "corrupt");
  EXPECT_NE(s.errors[0].message.find("header is longer than"),
            std::string::npos);
}

TEST(Warc, PayloadFaultsAreOneErrorPerRecord) {
  const std::string cut_chunk = HttpResponse(
      "200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
      "400\r\n<html><body>only a little</body></html>");
  const std::string brotli = HttpResponse(
      "200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n",
      "\x1b\x03\x00");
  std::string bad_gzip_body = Gzip(kArticle);
  bad_gzip_body.resize(bad_gzip_body.size() / 2);
  const std::string bad_gzip = HttpResponse(
      "200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
      bad_gzip_body);
  const std::string bad_status =
      "HTTP/1.1 OK fine\r\nContent-Type: text/html\r\n\r\n<p>x</p>";
  VectorSink s = Read(Response("http://a.example/1", cut_chunk) +
                      Response("http://a.example/2", brotli) +
                      Response("http://a.example/3", bad_gzip) +
                      Response("http://a.example/4", bad_status) +
                      Response("http://a.example/5", Ok(kArticle)));
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].url, "http://a.example/5");
  ASSERT_EQ(s.errors.size(), 4u);
  EXPECT_EQ(s.errors[0].code, "truncated");
  EXPECT_NE(s.errors[0].message.find("chunked body cut short"),
            std::string::npos);
  EXPECT_EQ(s.errors[1].code, "not_supported");
  EXPECT_NE(s.errors[1].message.find("'br'"), std::string::npos);
  EXPECT_EQ(s.errors[2].code, "truncated");
  EXPECT_NE(s.errors[2].message.find("content encoding gzip"),
            std::string::npos);
  EXPECT_EQ(s.errors[3].code, "corrupt");
  EXPECT_NE(s.errors[3].message.find("bad HTTP status line"),
            std::string::npos);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(s.errors[i].source, "crawl.warc#" + std::to_string(i + 1));
  }
}

TEST(Arc, EmptyArcIsNoErrorAndBareRecordLineIsText) {
  VectorSink s;
  ReadBytes("x.arc", "filedesc://x.arc 0.0.0.0 20240101000000 text/plain 0\n\n",
            ReaderOptions(), &s);
  EXPECT_TRUE(s.errors.empty());
  VectorSink t;
  const std::string body = "<html><body><p>Words.</p></body></html>";
  // Sniffed as ARC only with filedesc://; a bare ARC record line is text.
  ReadBytes("y.arc",
            "http://a.example/ 1.2.3.4 20240101000000 text/html " +
                std::to_string(body.size()) + "\n" + body + "\n",
            ReaderOptions(), &t);
  ASSERT_EQ(t.records.size(), 1u);
  EXPECT_EQ(t.records[0].format, InputFormat::kHtml);
}

}  // namespace
}  // namespace synoptic::ingest
