#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "synoptic/store/store.h"

namespace synoptic::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("synoptic_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

DocAnalysis Doc(const std::string& id, const std::string& title, const std::string& text) {
  DocAnalysis a;
  a.doc.id = id;
  a.doc.source = id + ".html";
  a.doc.title = title;
  a.doc.text = text;
  a.doc.language = "en";
  a.doc.paragraphs = {ByteSpan{0, static_cast<uint32_t>(text.size())}};
  return a;
}

TEST_F(StoreTest, StoresSameContentOnce) {
  auto s = Store::Open(Path("a.db"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto first = (*s)->PutDocument(Doc("0123456789abcdef", "Harbour reopens", "The harbour reopened."));
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(*first);
  auto again = (*s)->PutDocument(Doc("0123456789abcdef", "Harbour reopens", "The harbour reopened."));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  EXPECT_EQ(*(*s)->CountDocuments(), 1u);
}

TEST_F(StoreTest, ReopensWithDocumentsIntactAndSchemaVersioned) {
  {
    auto s = Store::Open(Path("b.db"));
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->PutDocument(Doc("1111111111111111", "Flood warning", "Rivers rose overnight.")).ok());
    ASSERT_TRUE((*s)->PutError(InputError{"x.warc", "truncated", "cut short"}).ok());
  }
  auto s = Store::Open(Path("b.db"));
  ASSERT_TRUE(s.ok());
  auto docs = (*s)->LoadDocuments();
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].doc.title, "Flood warning");
  EXPECT_EQ((*docs)[0].doc.text, "Rivers rose overnight.");
  EXPECT_EQ((*s)->LoadErrors()->size(), 1u);
  EXPECT_TRUE(*(*s)->CheckIntegrity());
}

TEST_F(StoreTest, SearchRanksAndQuotesUserSyntax) {
  auto s = Store::Open(Path("c.db"));
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->PutDocument(Doc("2222222222222222", "Port strike ends",
      "Dock workers ended the port strike after the port authority raised wages.")).ok());
  ASSERT_TRUE((*s)->PutDocument(Doc("3333333333333333", "Trade fair opens",
      "The trade fair opened with a port exhibit.")).ok());
  auto hits = (*s)->Search("port strike", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);  // both words must match
  EXPECT_EQ((*hits)[0].doc_id, "2222222222222222");
  EXPECT_NE((*hits)[0].snippet.find("[strike]"), std::string::npos);
  auto port = (*s)->Search("port", 10);
  ASSERT_TRUE(port.ok());
  ASSERT_EQ(port->size(), 2u);
  EXPECT_EQ((*port)[0].doc_id, "2222222222222222");  // more occurrences rank first
  // FTS5 operators and quotes in user input are plain words, not syntax.
  EXPECT_TRUE((*s)->Search("port\" OR NEAR(", 10).ok());
  EXPECT_EQ((*s)->Search("   ", 10).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, RefusesNewerSchemaAndNonDatabases) {
  {
    auto s = Store::Open(Path("d.db"));
    ASSERT_TRUE(s.ok());
  }
  // Simulate a file from a future synoptic.
  {
    std::string cmd = "sqlite3 '" + Path("d.db") + "' 'PRAGMA user_version=99'";
    if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "sqlite3 shell not installed";
  }
  EXPECT_EQ(Store::Open(Path("d.db")).status().code(), StatusCode::kNotSupported);
  std::FILE* f = std::fopen(Path("junk.db").c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("this is not a database, just some words that fill a page.....", f);
  std::fclose(f);
  auto junk = Store::Open(Path("junk.db"));
  EXPECT_FALSE(junk.ok());
}

}  // namespace
}  // namespace synoptic::store
