// The real HTTP server on an ephemeral loopback port, with a real client.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdio>
#include <thread>

#include "synoptic/serve/serve.h"
#include "synoptic/store/store.h"

namespace synoptic::serve {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = ::testing::TempDir() + "serve_test_" + std::to_string(::getpid()) +
          ".db";
    std::remove(db_.c_str());
    ASSERT_TRUE(store::Store::Open(db_).ok());  // an empty store
    ServeOptions o;
    o.db = db_;
    o.port = 0;
    o.web_dir = std::string(SYN_SOURCE_DIR) + "/web";
    o.max_body_bytes = 64 << 10;
    o.threads = 4;
    auto s = Server::Create(DefaultEnv(), o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(s).value();
    ASSERT_TRUE(server_->Bind().ok());
    runner_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(5);
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (runner_.joinable()) runner_.join();
    for (const char* ext : {"", "-wal", "-shm"})
      std::remove((db_ + ext).c_str());
  }

  std::string db_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, AnswersHealthWithSecurityHeaders) {
  auto res = client_->Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"documents\":0"), std::string::npos);
  const std::string csp = res->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
  EXPECT_FALSE(res->get_header_value("ETag").empty());
}

TEST_F(ServerTest, RevalidatesWithIfNoneMatch) {
  auto first = client_->Get("/api/storylines");
  ASSERT_TRUE(first);
  httplib::Headers h{{"If-None-Match", first->get_header_value("ETag")}};
  auto second = client_->Get("/api/storylines", h);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
}

TEST_F(ServerTest, DecodesQueryParameters) {
  auto res = client_->Get("/api/documents?limit=abc%20d");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("\"error\""), std::string::npos);
}

TEST_F(ServerTest, RefusesOversizedBodiesWith413) {
  auto res =
      client_->Post("/api/ingest", std::string(100 << 10, 'x'), "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_NE(res->get_header_value("Content-Type").find("application/json"),
            std::string::npos);
  EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
}

TEST_F(ServerTest, FormEncodedBodiesUnderTheCapAreNotRefused) {
  // httplib alone would answer 413 to any form-encoded body over 8 KB.
  auto res = client_->Post("/api/ingest", std::string(20 << 10, 'x'),
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);  // reached the API: no token configured
}

TEST_F(ServerTest, IngestIsForbiddenWithoutToken) {
  auto res = client_->Post("/api/ingest", "<p>x</p>", "text/html");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST_F(ServerTest, ServesTheUi) {
  auto res = client_->Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<script type=\"module\" src=\"/js/app.js\">"),
            std::string::npos);
  auto spec = client_->Get("/api/openapi.json");
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->status, 200);
  auto missing = client_->Get("/js/../../CMakeLists.txt");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST(ServerCreate, FailsOnAMissingStore) {
  ServeOptions o;
  o.db = ::testing::TempDir() + "no_such_store.db";
  auto s = Server::Create(DefaultEnv(), o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace synoptic::serve
