#include "synoptic/serve/internal/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "synoptic/serve/serve_test_util.h"

namespace synoptic::serve {
namespace {

using Json = nlohmann::json;

class FakeBackend final : public Backend {
 public:
  FakeBackend() { snapshot_ = *Index::Build(testing::MakeReport()); }
  std::shared_ptr<const Index> Snapshot() const override { return snapshot_; }
  Result<std::shared_ptr<const std::vector<store::SearchHit>>> Search(
      const std::string& q, size_t limit) override {
    last_query = q;
    last_limit = limit;
    return std::make_shared<const std::vector<store::SearchHit>>(
        std::vector<store::SearchHit>{
            {"d1", "Title of d1", "d1.html", "[Zoë] Ray \"met\"\n\x01", -1.5},
            {"gone", "Old", "x", "bad \xff byte", -0.5}});
  }
  Result<std::string> Ingest(std::string_view body,
                             const std::string& name) override {
    ingested = std::string(body);
    ingest_name = name;
    return std::string("{\"added\":[\"n1\"]}");
  }
  std::string last_query, ingested, ingest_name;
  size_t last_limit = 0;

 private:
  std::shared_ptr<const Index> snapshot_;
};

class ApiTest : public ::testing::Test {
 protected:
  ApiTest() {
    assets_.Add("index.html", "<!doctype html><title>t</title>");
    assets_.Add("js/app.js", "export {};");
    assets_.Add("openapi.json", "{\"openapi\":\"3.0.3\"}");
    ApiOptions o;
    o.token = "secret-token-0123456789";
    o.max_limit = 2;
    api_ = std::make_unique<Api>(&backend_, &assets_, o);
  }
  ApiResponse Get(const std::string& path,
                  std::map<std::string, std::string> params = {},
                  const std::string& inm = "") {
    ApiRequest r;
    r.method = "GET";
    r.path = path;
    r.params = std::move(params);
    r.if_none_match = inm;
    return api_->Handle(r);
  }
  ApiResponse Post(const std::string& path, const std::string& body,
                   const std::string& auth) {
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = body;
    r.authorization = auth;
    return api_->Handle(r);
  }
  static Json Body(const ApiResponse& r) { return Json::parse(r.text()); }

  FakeBackend backend_;
  Assets assets_;
  std::unique_ptr<Api> api_;
};

TEST_F(ApiTest, ListsArePagedAndClamped) {
  ApiResponse r = Get("/api/documents", {{"offset", "1"}, {"limit", "50"}});
  ASSERT_EQ(r.status, 200);
  Json b = Body(r);
  EXPECT_EQ(b["total"], 3);
  EXPECT_EQ(b["offset"], 1);
  EXPECT_EQ(b["limit"], 2);  // clamped to max_limit
  ASSERT_EQ(b["items"].size(), 2u);
  EXPECT_EQ(b["items"][0]["id"], "d2");
  b = Body(Get("/api/documents", {{"offset", "99"}}));
  EXPECT_TRUE(b["items"].empty());
  EXPECT_EQ(b["total"], 3);
}

TEST_F(ApiTest, BadPagingAndUnknownParametersAre400) {
  for (auto p : std::vector<std::map<std::string, std::string>>{
           {{"offset", "-1"}},
           {{"limit", "0"}},
           {{"limit", "x"}},
           {{"offset", "9999999999"}},
           {{"colour", "red"}},
           {{"cluster", "C1"}, {"doc", "d1"}}}) {
    ApiResponse r = Get("/api/events", p);
    EXPECT_EQ(r.status, 400) << p.begin()->first;
    EXPECT_TRUE(Body(r)["error"].is_string());
  }
}

TEST_F(ApiTest, FiltersSelectByFacet) {
  Json b = Body(Get("/api/events", {{"doc", "d2"}}));
  EXPECT_EQ(b["total"], 1);
  EXPECT_EQ(b["items"][0]["doc"], "d2");
  b = Body(Get("/api/events", {{"cluster", "C404"}}));
  EXPECT_EQ(b["total"], 0);
  b = Body(Get("/api/relations"));
  EXPECT_EQ(b["periods"], Json::array({"2024-01"}));
}

TEST_F(ApiTest, DetailsAnd404s) {
  EXPECT_EQ(Get("/api/clusters/C1").status, 200);
  EXPECT_EQ(Get("/api/storylines/S1").status, 200);
  EXPECT_EQ(Body(Get("/api/documents/d1"))["document"]["id"], "d1");
  for (const char* p :
       {"/api/clusters/C2", "/api/documents/x", "/api/documents/d1/more",
        "/api/whatever", "/api/events/d1-e1", "/nope.js",
        "/../CMakeLists.txt"}) {
    ApiResponse r = Get(p);
    EXPECT_EQ(r.status, 404) << p;
    EXPECT_TRUE(Body(r)["error"].is_string()) << p;
  }
}

TEST_F(ApiTest, ErrorMessagesAreJsonEscaped) {
  ApiResponse r = Get("/api/clusters/\"<script>");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Body(r)["error"], "no cluster with id '\"<script>'");
}

TEST_F(ApiTest, EtagRevalidatesTo304) {
  ApiResponse r = Get("/api/clusters", {{"limit", "1"}});
  ASSERT_FALSE(r.etag.empty());
  ApiResponse again = Get("/api/clusters", {{"limit", "1"}}, r.etag);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.text().empty());
  EXPECT_EQ(Get("/api/clusters", {{"limit", "2"}}, r.etag).status, 200);
  EXPECT_EQ(Get("/api/clusters", {{"limit", "1"}}, "W/" + r.etag).status, 304);
  EXPECT_EQ(Get("/api/clusters", {{"limit", "1"}}, "\"x\", " + r.etag).status,
            304);
}

TEST_F(ApiTest, EtagDependsOnGenerationPathAndParams) {
  const std::map<std::string, std::string> none;
  EXPECT_NE(MakeEtag(1, "/api/a", none), MakeEtag(2, "/api/a", none));
  EXPECT_NE(MakeEtag(1, "/api/a", none), MakeEtag(1, "/api/b", none));
  EXPECT_NE(MakeEtag(1, "/api/a", {{"limit", "1"}}),
            MakeEtag(1, "/api/a", {{"limit", "2"}}));
  EXPECT_EQ(MakeEtag(1, "/api/a", {{"a", "1"}, {"b", "2"}}),
            MakeEtag(1, "/api/a", {{"b", "2"}, {"a", "1"}}));
  EXPECT_TRUE(EtagMatches("*", "\"x\""));
  EXPECT_FALSE(EtagMatches("\"y\"", "\"x\""));
  EXPECT_FALSE(EtagMatches("", "\"x\""));
}

TEST_F(ApiTest, HealthCarriesCounts) {
  Json b = Body(Get("/api/health"));
  EXPECT_EQ(b["status"], "ok");
  EXPECT_EQ(b["ingest"], true);
  EXPECT_EQ(b["counts"]["documents"], 3);
  EXPECT_EQ(b["counts"]["clusters"], 1);
}

TEST_F(ApiTest, SearchValidatesAndDecorates) {
  EXPECT_EQ(Get("/api/search").status, 400);
  EXPECT_EQ(Get("/api/search", {{"q", "  "}}).status, 400);
  EXPECT_EQ(Get("/api/search", {{"q", std::string(1001, 'a')}}).status, 400);
  Json b = Body(Get("/api/search", {{"q", "zoë"}, {"limit", "1000"}}));
  EXPECT_EQ(backend_.last_query, "zoë");
  EXPECT_EQ(backend_.last_limit, 100u);
  ASSERT_EQ(b["items"].size(), 2u);
  EXPECT_EQ(b["items"][0]["document"]["site"], "Alpha");
  EXPECT_TRUE(b["items"][1]["document"].is_null());  // not in the snapshot
  // The answer is written by hand: escapes, U+FFFD and ranks must survive.
  EXPECT_EQ(b["query"], "zoë");
  EXPECT_EQ(b["total"], 2);
  EXPECT_EQ(b["items"][0]["snippet"], "[Zoë] Ray \"met\"\n\x01");
  EXPECT_EQ(b["items"][1]["snippet"], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(b["items"][0]["rank"], -1.5);
  EXPECT_EQ(b["items"][0]["title"], "Title of d1");
  EXPECT_EQ(b["items"][1]["source"], "x");
}

TEST_F(ApiTest, IngestNeedsTheBearerToken) {
  EXPECT_EQ(Post("/api/ingest", "x", "").status, 401);
  EXPECT_EQ(Post("/api/ingest", "x", "Bearer wrong").status, 401);
  EXPECT_EQ(Post("/api/ingest", "x", "secret-token-0123456789").status, 401);
  EXPECT_EQ(Post("/api/ingest", "x", "Bearer secret-token-01234567890").status,
            401);
  EXPECT_TRUE(backend_.ingested.empty());
  EXPECT_EQ(Post("/api/ingest", "", "Bearer secret-token-0123456789").status,
            400);
  ApiResponse r =
      Post("/api/ingest", "<p>hi</p>", "Bearer secret-token-0123456789");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(backend_.ingested, "<p>hi</p>");
  EXPECT_EQ(backend_.ingest_name, "upload");
  EXPECT_EQ(Get("/api/ingest").status, 405);
}

TEST_F(ApiTest, IngestIsForbiddenWithoutAToken) {
  Api open(&backend_, &assets_, ApiOptions{});
  ApiRequest r;
  r.method = "POST";
  r.path = "/api/ingest";
  r.body = "x";
  r.authorization = "Bearer ";
  EXPECT_EQ(open.Handle(r).status, 403);
}

TEST_F(ApiTest, OtherMethodsAre405) {
  ApiRequest r;
  r.method = "DELETE";
  r.path = "/api/clusters";
  ApiResponse res = api_->Handle(r);
  EXPECT_EQ(res.status, 405);
  r.path = "/index.html";
  EXPECT_EQ(api_->Handle(r).status, 405);
}

TEST_F(ApiTest, ServesTheUiFilesWithTheirTypes) {
  ApiResponse r = Get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(Get("/js/app.js").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Get("/js/app.js", {}, Get("/js/app.js").etag).status, 304);
  EXPECT_EQ(Body(Get("/api/openapi.json"))["openapi"], "3.0.3");
}

TEST_F(ApiTest, RandomRequestsAlwaysGetAStatusAndJsonErrors) {
  // A fixed-seed stream of hostile paths and parameters: every answer has a
  // known status, and every error body is a JSON object with "error".
  const std::string alphabet = "/apicluster%0x?&=.\"<>'\\ \x01\xc3\xa9-_C1S1d1";
  uint64_t state = 42;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  const char* methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"};
  for (int i = 0; i < 3000; ++i) {
    ApiRequest r;
    r.method = methods[next() % 6];
    r.path = i % 2 ? "/api/" : "/";
    const uint32_t len = next() % 24;
    for (uint32_t k = 0; k < len; ++k)
      r.path += alphabet[next() % alphabet.size()];
    if (next() % 2)
      r.params[std::string(1, alphabet[next() % alphabet.size()])] = "1";
    if (next() % 3 == 0) r.params["limit"] = std::to_string(next());
    r.authorization = next() % 2 ? "Bearer x" : "";
    ApiResponse res = api_->Handle(r);
    ASSERT_TRUE(res.status == 200 || res.status == 304 || res.status == 400 ||
                res.status == 401 || res.status == 404 || res.status == 405)
        << r.method << " " << r.path << " -> " << res.status;
    if (res.status >= 400) {
      const Json b = Json::parse(res.text(), nullptr, false);
      ASSERT_TRUE(b.is_object() && b["error"].is_string()) << r.path;
    }
  }
}

TEST(TokenEquals, ComparesWholeStrings) {
  EXPECT_TRUE(TokenEquals("abc", "abc"));
  EXPECT_FALSE(TokenEquals("abc", "abd"));
  EXPECT_FALSE(TokenEquals("abc", "abcd"));
  EXPECT_FALSE(TokenEquals("", "a"));
}

TEST(HttpStatusFor, MapsCodes) {
  EXPECT_EQ(HttpStatusFor(StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(StatusCode::kResourceExhausted), 413);
  EXPECT_EQ(HttpStatusFor(StatusCode::kCorrupt), 422);
  EXPECT_EQ(HttpStatusFor(StatusCode::kIoError), 500);
}

}  // namespace
}  // namespace synoptic::serve
