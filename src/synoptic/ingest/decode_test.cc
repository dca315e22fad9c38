// Charset handling: declared, <meta>, BOM, detection, repair. Legacy-encoded
// pages are built here with ICU from UTF-8 text, then decoded back.
#include "synoptic/ingest/internal/decode.h"

#include <gtest/gtest.h>

#include "synoptic/core/utf8.h"
#include "synoptic/ingest/reader.h"
#include "synoptic/ingest/test_util.h"

namespace synoptic::ingest {
namespace {

using testing::FromUtf8;

const char kRussian[] =
    "Правительство области объявило в среду о строительстве нового моста через "
    "реку. По словам губернатора, работы начнутся весной и займут два года. "
    "Жители прибрежных сёл давно просили о переправе.";
const char kArabic[] =
    "أعلنت وزارة الصحة يوم الاثنين عن افتتاح مستشفى جديد في المدينة الساحلية، "
    "وقال الوزير إن المستشفى سيخدم أكثر من مئة ألف نسمة في المنطقة.";
const char kJapanese[] =
    "東京都は火曜日、新しい図書館を来年春に開館すると発表した。"
    "館長によると、蔵書は約二十万冊になる見込みだという。";
const char kKorean[] =
    "서울시는 수요일 새로운 도서관을 내년 봄에 개관한다고 밝혔다. "
    "관장에 따르면 장서는 약 이십만 권이 될 전망이다.";

std::string Decode(std::string_view bytes, std::string_view declared, bool html,
                   std::string* used) {
  auto r = DecodeToUtf8(bytes, declared, html, used);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : std::string();
}

TEST(Decode, DeclaredCharsetIsUsed) {
  struct Case {
    const char* text;
    const char* charset;
  } cases[] = {{kRussian, "windows-1251"},
               {kArabic, "windows-1256"},
               {kJapanese, "Shift_JIS"},
               {kKorean, "EUC-KR"}};
  for (const Case& c : cases) {
    const std::string legacy = FromUtf8(c.text, c.charset);
    ASSERT_FALSE(legacy.empty()) << c.charset;
    ASSERT_FALSE(utf8::IsValid(legacy)) << c.charset;
    std::string used;
    EXPECT_EQ(Decode(legacy, c.charset, false, &used), c.text) << c.charset;
    EXPECT_FALSE(used.empty());
  }
}

TEST(Decode, MetaCharsetIsUsedForHtml) {
  const std::string page_utf8 =
      std::string(
          "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
          "charset=windows-1256\"><title>x</title></head><body><p>") +
      kArabic + "</p></body></html>";
  const std::string page = FromUtf8(page_utf8, "windows-1256");
  std::string used;
  EXPECT_EQ(Decode(page, "", true, &used), page_utf8);
  EXPECT_EQ(used, "windows-1256");

  const std::string short_form_utf8 =
      std::string("<html><head><meta charset='shift_jis'></head><body>") +
      kJapanese + "</body></html>";
  EXPECT_EQ(Decode(FromUtf8(short_form_utf8, "Shift_JIS"), "", true, &used),
            short_form_utf8);
}

TEST(Decode, UndeclaredLegacyTextIsDetected) {
  std::string used;
  const std::string cp1251 = FromUtf8(kRussian, "windows-1251");
  EXPECT_EQ(Decode(cp1251, "", false, &used), kRussian);
  EXPECT_EQ(used, "windows-1251");
  const std::string euckr = FromUtf8(kKorean, "EUC-KR");
  EXPECT_EQ(Decode(euckr, "", false, &used), kKorean);
}

TEST(Decode, UnknownCharsetNameFallsBackToDetection) {
  std::string used;
  EXPECT_EQ(Decode(kRussian, "x-no-such-charset", false, &used), kRussian);
  EXPECT_EQ(used, "UTF-8");
  const std::string cp1251 = FromUtf8(kRussian, "windows-1251");
  EXPECT_EQ(Decode(cp1251, "bogus", false, &used), kRussian);
}

TEST(Decode, LatinDeclarationOnUtf8BytesIsIgnored) {
  const std::string s = "Caf\xC3\xA9 owners met the mayor.";
  std::string used;
  EXPECT_EQ(Decode(s, "ISO-8859-1", false, &used), s);
  EXPECT_EQ(used, "UTF-8");
  // Real Latin-1 is decoded as such.
  EXPECT_EQ(Decode("Caf\xE9 owners", "iso-8859-1", false, &used),
            "Caf\xC3\xA9 owners");
}

TEST(Decode, InvalidUtf8ComesOutValid) {
  const std::string bad = "Prices rose \xff\xfe\xc3 sharply in March.";
  std::string used;
  const std::string out = Decode(bad, "", false, &used);
  EXPECT_TRUE(utf8::IsValid(out));
  EXPECT_NE(out.find("Prices rose "), std::string::npos);
  EXPECT_NE(out.find(" sharply in March."), std::string::npos);
  const std::string declared = Decode(bad, "utf-8", false, &used);
  EXPECT_TRUE(utf8::IsValid(declared));
  EXPECT_NE(declared.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Decode, BomWinsOverEverything) {
  std::string used;
  EXPECT_EQ(Decode("\xEF\xBB\xBFplain", "windows-1251", false, &used), "plain");
  EXPECT_EQ(used, "UTF-8");
}

TEST(Decode, Utf16FileWithBomIsReadAsUtf8) {
  const std::string page_utf8 = std::string("<!DOCTYPE html><html><body><p>") +
                                kRussian + "</p></body></html>";
  std::string utf16 = "\xFF\xFE" + FromUtf8(page_utf8, "UTF-16LE");
  VectorSink sink;
  ReadBytes("page16.html", utf16, ReaderOptions(), &sink);
  ASSERT_TRUE(sink.errors.empty()) << sink.errors[0].message;
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_EQ(sink.records[0].format, InputFormat::kHtml);
  EXPECT_EQ(sink.records[0].body, page_utf8);
  EXPECT_EQ(sink.records[0].charset, "UTF-16LE");
}

TEST(Decode, LegacyHtmlFileIsDecodedByReadBytes) {
  const std::string page_utf8 =
      std::string(
          "<html><head><meta charset=\"windows-1251\"></head><body><p>") +
      kRussian + "</p></body></html>";
  VectorSink sink;
  ReadBytes("ru.html", FromUtf8(page_utf8, "windows-1251"), ReaderOptions(),
            &sink);
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_EQ(sink.records[0].body, page_utf8);
  EXPECT_EQ(sink.records[0].charset, "windows-1251");
}

TEST(Decode, CharsetHelpers) {
  EXPECT_EQ(internal::CharsetParam("text/html; Charset=\"KOI8-R\""), "KOI8-R");
  EXPECT_EQ(internal::CharsetParam("text/html"), "");
  EXPECT_EQ(internal::MetaCharset("<META CHARSET = utf-8>"), "utf-8");
  EXPECT_EQ(internal::MetaCharset("<p>charset=koi8-r</p>"), "");
}

}  // namespace
}  // namespace synoptic::ingest
