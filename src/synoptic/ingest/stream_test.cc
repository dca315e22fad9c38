// ByteStream: windows, skipping and decoder faults, at several step sizes.
#include "synoptic/ingest/internal/stream.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include "synoptic/ingest/test_util.h"

namespace synoptic::ingest::internal {
namespace {

std::string Numbers(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += std::to_string(i) + ",";
  return s;
}

std::string Zstd(std::string_view data) {
  std::string z(ZSTD_compressBound(data.size()), '\0');
  z.resize(ZSTD_compress(z.data(), z.size(), data.data(), data.size(), 1));
  return z;
}

TEST(ByteStream, SniffsCodecs) {
  EXPECT_EQ(SniffCodec(testing::Gzip("x")), Codec::kGzip);
  EXPECT_EQ(SniffCodec(Zstd("x")), Codec::kZstd);
  EXPECT_EQ(SniffCodec("plain"), Codec::kNone);
  EXPECT_EQ(SniffCodec(""), Codec::kNone);
}

TEST(ByteStream, ReadsEverythingThroughSmallSteps) {
  const std::string data = Numbers(20000);
  const std::string gz =
      testing::Gzip(data.substr(0, 30000)) + testing::Gzip(data.substr(30000));
  const std::string zs = Zstd(data.substr(0, 50000)) + Zstd(data.substr(50000));
  for (const auto& [raw, codec] :
       {std::pair<std::string, Codec>{data, Codec::kNone},
        {gz, Codec::kGzip},
        {zs, Codec::kZstd}}) {
    for (size_t step : {16u, 1000u, 65536u}) {
      ByteStream s(raw, codec, uint64_t{1} << 30, step);
      std::string out;
      while (!s.AtEnd()) {
        const std::string_view w = s.Window();
        const size_t take = std::min<size_t>(w.size(), 777);
        out.append(w.substr(0, take));
        s.Consume(take);
      }
      EXPECT_TRUE(s.status().ok()) << s.status().ToString();
      EXPECT_TRUE(out == data) << CodecName(codec) << " step " << step;
      EXPECT_EQ(s.position(), data.size());
    }
  }
}

TEST(ByteStream, EnsureSkipAndTake) {
  const std::string data = Numbers(5000);
  const std::string gz = testing::Gzip(data);
  ByteStream s(gz, Codec::kGzip, uint64_t{1} << 30, 64);
  ASSERT_TRUE(s.Ensure(100));
  EXPECT_EQ(s.Window().substr(0, 100), std::string_view(data).substr(0, 100));
  EXPECT_EQ(s.Skip(1000), 1000u);
  ASSERT_TRUE(s.Ensure(10));
  EXPECT_EQ(s.Window().substr(0, 10), std::string_view(data).substr(1000, 10));
  s.FillUpTo(uint64_t{1} << 30);
  EXPECT_TRUE(s.TakeWindow() == data.substr(1000));
  EXPECT_EQ(s.position(), data.size());
  EXPECT_TRUE(s.AtEnd());
  EXPECT_FALSE(s.Ensure(1));
  EXPECT_EQ(s.Skip(5), 0u);
}

TEST(ByteStream, ReportsDecoderFaults) {
  const std::string data = Numbers(5000);
  std::string cut = testing::Gzip(data);
  cut.resize(cut.size() - 10);
  ByteStream a(cut, Codec::kGzip, uint64_t{1} << 30);
  a.FillUpTo(uint64_t{1} << 30);
  EXPECT_EQ(a.status().code(), StatusCode::kTruncated);
  EXPECT_LE(a.Window().size(), data.size());

  const std::string junk = testing::Gzip(data) + "junk after";
  ByteStream b(junk, Codec::kGzip, uint64_t{1} << 30);
  b.FillUpTo(uint64_t{1} << 30);
  EXPECT_TRUE(b.Window() == data);
  EXPECT_EQ(b.status().code(), StatusCode::kCorrupt);

  const std::string padded = testing::Gzip(data) + std::string(512, '\0');
  ByteStream c(padded, Codec::kGzip, uint64_t{1} << 30);
  c.FillUpTo(uint64_t{1} << 30);
  EXPECT_TRUE(c.status().ok());
  EXPECT_TRUE(c.Window() == data);

  const std::string gz = testing::Gzip(data);
  ByteStream d(gz, Codec::kGzip, 1000);
  d.FillUpTo(uint64_t{1} << 30);
  EXPECT_EQ(d.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(d.Window().size(), 1000u);
}

TEST(ByteStream, InflatesContentCodings) {
  const std::string data = "A body for the content coding test.";
  auto g = Inflate(testing::Gzip(data), false, 1000);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(*g, data);
  auto bad = Inflate("not deflate at all", true, 1000);
  EXPECT_FALSE(bad.ok());
  auto big = Inflate(testing::Gzip(std::string(5000, 'a')), false, 100);
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace synoptic::ingest::internal
