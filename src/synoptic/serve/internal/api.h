// The HTTP API of `synoptic serve` as a pure function of a request: routing,
// paging, filters, ETags, the ingest token check and error bodies. No
// sockets here (server.cc adapts cpp-httplib to this), so every rule can be
// tested in-process.
//
// Thread-safety: Api::Handle() is const and may run on many threads at once;
// the Backend must be thread-safe.
#ifndef SYNOPTIC_SERVE_INTERNAL_API_H_
#define SYNOPTIC_SERVE_INTERNAL_API_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synoptic/core/status.h"
#include "synoptic/serve/internal/assets.h"
#include "synoptic/serve/internal/index.h"
#include "synoptic/store/store.h"

namespace synoptic::serve {

struct ApiRequest {
  std::string method;                         // "GET", "HEAD", "POST", ...
  std::string path;                           // percent-decoded path, no query
  std::map<std::string, std::string> params;  // query parameters (first value)
  std::string if_none_match;
  std::string authorization;
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  // When set, the body instead: a precomputed string inside a snapshot (the
  // pointer keeps the snapshot alive), sent without copying.
  std::shared_ptr<const std::string> shared;
  std::string etag;  // quoted; empty for none
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones

  const std::string& text() const { return shared ? *shared : body; }
};

// What the API reads and writes through. Implementations are thread-safe.
class Backend {
 public:
  virtual ~Backend() = default;
  // The current snapshot; never null once the server runs.
  virtual std::shared_ptr<const Index> Snapshot() const = 0;
  // Hits are shared (a cached answer is not copied per request).
  virtual Result<std::shared_ptr<const std::vector<store::SearchHit>>> Search(
      const std::string& query, size_t limit) = 0;
  // Reads, analyses and stores the records in `body`, then publishes a new
  // snapshot. Returns the JSON answer ({"added": N, ...}).
  virtual Result<std::string> Ingest(std::string_view body,
                                     const std::string& name) = 0;
};

struct ApiOptions {
  uint32_t default_limit = 50;    // items per page when ?limit is absent
  uint32_t max_limit = 1000;      // larger ?limit values are clamped to this
  uint32_t default_search = 20;   // search hits when ?limit is absent
  uint32_t max_search = 100;      // cap on search hits
  size_t max_query_bytes = 1000;  // longer ?q is refused (400)
  // Bearer token that POST /api/ingest needs; empty disables ingest (403).
  std::string token;
};

class Api {
 public:
  // `backend` and `assets` must outlive the Api; `assets` may be null (no UI).
  Api(Backend* backend, const Assets* assets, ApiOptions options);
  ApiResponse Handle(const ApiRequest& request) const;

 private:
  ApiResponse HandleApi(const ApiRequest& request) const;
  ApiResponse List(const ApiRequest& request, const Index& index,
                   std::string_view name) const;
  ApiResponse SearchRoute(const ApiRequest& request, const Index& index) const;
  ApiResponse IngestRoute(const ApiRequest& request) const;
  ApiResponse Static(const ApiRequest& request, std::string_view file) const;

  Backend* backend_;
  const Assets* assets_;
  ApiOptions options_;
};

// {"error": message} with `status`.
ApiResponse ErrorResponse(int status, std::string_view message);
// The HTTP status for a Status code (400 bad input, 404, 413, 422, 500).
int HttpStatusFor(StatusCode code);
// Quoted strong ETag of (generation, path, sorted params).
std::string MakeEtag(uint64_t generation, std::string_view path,
                     const std::map<std::string, std::string>& params);
// True if an If-None-Match header value matches `etag` (list, W/, *).
bool EtagMatches(std::string_view if_none_match, std::string_view etag);
// Compares without an early exit, so timing does not reveal the token.
bool TokenEquals(std::string_view a, std::string_view b);

}  // namespace synoptic::serve

#endif  // SYNOPTIC_SERVE_INTERNAL_API_H_
