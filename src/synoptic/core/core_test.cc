#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "synoptic/core/civil.h"
#include "synoptic/core/env.h"
#include "synoptic/core/hash.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/core/utf8.h"

namespace synoptic {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument("odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  SYN_ASSIGN_OR_RETURN(int h, Half(x));
  SYN_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(Status, OkCarriesNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
  EXPECT_EQ(Corrupt("bad header").ToString(), "corrupt: bad header");
}

TEST(Result, PropagatesErrorsThroughMacros) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(Result, OkStatusBecomesInternalError) {
  Result<int> r{Status::Ok()};
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

TEST(Utf8, RejectsOverlongsSurrogatesAndTruncation) {
  EXPECT_TRUE(utf8::IsValid("plain ascii"));
  EXPECT_TRUE(utf8::IsValid("\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD"));  // Путин
  EXPECT_FALSE(utf8::IsValid("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(utf8::IsValid("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(utf8::IsValid("\xE2\x82"));          // truncated
  EXPECT_FALSE(utf8::IsValid("\xF4\x90\x80\x80"));  // > U+10FFFF
}

TEST(Utf8, SanitizeReplacesEachBadByte) {
  size_t bad = 0;
  EXPECT_EQ(utf8::Sanitize("a\xFF" "b\xC3", &bad), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(bad, 2u);
}

TEST(Utf8, OffsetMapCountsCodePointsLikePython) {
  const std::string s = "K\xC3\xB6ln \xF0\x9F\x99\x82 x";  // "Köln 🙂 x"
  utf8::OffsetMap m(s);
  EXPECT_EQ(m.ToCodePoint(0), 0u);
  EXPECT_EQ(m.ToCodePoint(3), 2u);                 // 'l' after 2-byte ö
  EXPECT_EQ(m.ToCodePoint(s.size()), 8u);          // len("Köln 🙂 x") == 8
  EXPECT_EQ(utf8::CountCodePoints(s), 8u);
  EXPECT_EQ(m.ToByte(2), 3u);
  EXPECT_EQ(m.ToByte(8), s.size());
}

TEST(Civil, RoundTripsAndKnowsWeekdays) {
  const civil::Date d{2023, 9, 13};
  EXPECT_EQ(civil::FromDays(civil::ToDays(d)), d);
  EXPECT_EQ(civil::Weekday(d), 3);  // a Wednesday
  EXPECT_EQ(civil::Weekday({2024, 6, 19}), 3);
  EXPECT_EQ(civil::Weekday({1970, 1, 1}), 4);
  EXPECT_EQ(civil::FormatDate(civil::AddDays({2024, 2, 28}, 1)), "2024-02-29");
  EXPECT_EQ(civil::FormatDate(civil::AddMonths({2023, 1, 31}, 1)), "2023-02-28");
  EXPECT_EQ(civil::FormatDate(civil::AddMonths({2023, 1, 15}, -2)), "2022-11-15");
  int y = 0, w = 0;
  civil::IsoWeek({2024, 6, 19}, &y, &w);
  EXPECT_EQ(y, 2024);
  EXPECT_EQ(w, 25);
  civil::IsoWeek({2021, 1, 1}, &y, &w);  // belongs to 2020-W53
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(w, 53);
}

TEST(Civil, ParsesOnlyRealIsoDates) {
  EXPECT_TRUE(civil::ParseIsoDate("2023-09-22T23:18:00+03:00").has_value());
  EXPECT_FALSE(civil::ParseIsoDate("2023-02-30").has_value());
  EXPECT_FALSE(civil::ParseIsoDate("22 Sep 2023").has_value());
  EXPECT_FALSE(civil::ParseIsoDate("2023-09-1").has_value());
}

TEST(Hash, IdsAreStableAndDistinct) {
  EXPECT_EQ(HexId("abc"), HexId("abc"));
  EXPECT_NE(HexId("abc"), HexId("abd"));
  EXPECT_EQ(HexId("abc").size(), 16u);
}

TEST(MemEnv, ListsFilesBelowADirectoryOnly) {
  MemEnv env;
  env.AddFile("corpus/a.html", "x");
  env.AddFile("corpus/sub/b.txt", "y");
  env.AddFile("corpus2/c.txt", "z");
  auto files = env.ListFilesRecursive("corpus");
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files->size(), 2u);
  EXPECT_TRUE(env.IsDirectory("corpus"));
  EXPECT_FALSE(env.IsDirectory("corpus/a.html"));
  auto big = env.ReadFile("corpus/a.html", 0);
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
}

TEST(DefaultEnv, FollowsFolderLinksOnceAndSkipsHiddenEntries) {
  namespace fs = std::filesystem;
  const fs::path root =
      fs::temp_directory_path() / ("syn-env-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "real" / "inner");
  fs::create_directories(root / "corpus" / ".hidden");
  std::ofstream(root / "real" / "a.txt") << "a";
  std::ofstream(root / "real" / "inner" / "b.txt") << "b";
  std::ofstream(root / "corpus" / "c.txt") << "c";
  std::ofstream(root / "corpus" / ".hidden" / "d.txt") << "d";
  fs::create_directory_symlink(root / "real", root / "corpus" / "linked");
  // A cycle: a link back up to the corpus itself.
  fs::create_directory_symlink(root / "corpus", root / "real" / "loop");
  auto files = DefaultEnv()->ListFilesRecursive((root / "corpus").string());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  std::vector<std::string> rel;
  for (const std::string& f : *files) {
    rel.push_back(fs::path(f).lexically_relative(root / "corpus").string());
  }
  EXPECT_EQ(rel, (std::vector<std::string>{"c.txt", "linked/a.txt",
                                           "linked/inner/b.txt"}));
  fs::remove_all(root);
}

}  // namespace
}  // namespace synoptic
