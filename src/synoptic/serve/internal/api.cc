// Routing for `synoptic serve`. Every answer is built from the immutable
// snapshot's precomputed strings (index.cc), so a read is a hash lookup and
// a string concatenation; only search and ingest reach the store.
//
// Every JSON answer carries an ETag derived from the snapshot generation and
// the request (path and sorted parameters): a client that sends it back in
// If-None-Match gets 304 until the store changes.
#include "synoptic/serve/internal/api.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "synoptic/core/hash.h"
#include "synoptic/core/utf8.h"

namespace synoptic::serve {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kApi = "/api/";

// The list endpoints: /api/<name>, paged, each a Collection of the index.
constexpr std::string_view kLists[] = {"documents", "entities",      "events",
                                       "clusters",  "storylines",    "timeline",
                                       "relations", "disagreements", "errors"};

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

ApiResponse JsonResponse(std::string body) {
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

// Parses a non-negative decimal of at most 9 digits.
bool ParseCount(const std::string& s, uint32_t* out) {
  if (s.empty() || s.size() > 9) return false;
  uint32_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return false;
  *out = v;
  return true;
}

// Appends s as a JSON string: quotes, backslashes and control characters
// escaped, ill-formed UTF-8 replaced by U+FFFD (as Dump's handler does).
void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // The run of printable ASCII up to the next byte needing care is
    // appended in one go.
    size_t j = i;
    while (j < s.size()) {
      const auto c = static_cast<unsigned char>(s[j]);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
      ++j;
    }
    out->append(s.data() + i, j - i);
    i = j;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t next = i;
      const char32_t cp = utf8::Next(s, &next);
      if (cp == 0xFFFD && s.substr(i, next - i) != "\xEF\xBF\xBD") {
        out->append("\xEF\xBF\xBD");
      } else {
        out->append(s.data() + i, next - i);
      }
      i = next;
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->push_back('"');
}

bool IsListName(std::string_view name) {
  return std::find(std::begin(kLists), std::end(kLists), name) !=
         std::end(kLists);
}

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view message) {
  ApiResponse r;
  r.status = status;
  r.body = Dump(Json{{"error", std::string(message)}});
  return r;
}

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kResourceExhausted:
      return 413;
    case StatusCode::kCorrupt:
    case StatusCode::kTruncated:
    case StatusCode::kNotSupported:
    case StatusCode::kEmpty:
      return 422;
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

std::string MakeEtag(uint64_t generation, std::string_view path,
                     const std::map<std::string, std::string>& params) {
  std::string key(path);
  for (const auto& [k, v] : params) {
    key += '\x1f';
    key += k;
    key += '=';
    key += v;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "\"%016llx-%08llx\"",
                static_cast<unsigned long long>(Hash64(key, generation)),
                static_cast<unsigned long long>(generation & 0xffffffffu));
  return buf;
}

bool EtagMatches(std::string_view header, std::string_view etag) {
  if (header.empty() || etag.empty()) return false;
  size_t i = 0;
  while (i < header.size()) {
    size_t j = header.find(',', i);
    if (j == std::string_view::npos) j = header.size();
    std::string_view tag = header.substr(i, j - i);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t'))
      tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t'))
      tag.remove_suffix(1);
    if (tag == "*") return true;
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);  // weak comparison
    if (tag == etag) return true;
    i = j + 1;
  }
  return false;
}

bool TokenEquals(std::string_view a, std::string_view b) {
  unsigned diff = a.size() == b.size() ? 0u : 1u;
  const size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? a[i] : 0;
    const unsigned char y = i < b.size() ? b[i] : 0;
    diff |= x ^ y;
  }
  return diff == 0;
}

Api::Api(Backend* backend, const Assets* assets, ApiOptions options)
    : backend_(backend), assets_(assets), options_(std::move(options)) {}

ApiResponse Api::Handle(const ApiRequest& req) const {
  const std::string& path = req.path;
  if (path.rfind(kApi, 0) == 0 || path == "/api") return HandleApi(req);
  if (req.method != "GET" && req.method != "HEAD") {
    ApiResponse r = ErrorResponse(405, "method not allowed");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  // The UI: "/" is index.html; other paths name files below web/.
  std::string_view file = path;
  if (!file.empty() && file.front() == '/') file.remove_prefix(1);
  if (file.empty()) file = "index.html";
  return Static(req, file);
}

ApiResponse Api::Static(const ApiRequest& req, std::string_view file) const {
  const Asset* a = assets_ ? assets_->Find(file) : nullptr;
  if (a == nullptr) return ErrorResponse(404, "no such file");
  ApiResponse r;
  r.etag = a->etag;
  if (EtagMatches(req.if_none_match, r.etag)) {
    r.status = 304;
    return r;
  }
  r.content_type = a->content_type;
  r.body = a->body;
  return r;
}

ApiResponse Api::HandleApi(const ApiRequest& req) const {
  std::string_view rest = req.path;
  rest.remove_prefix(std::min(rest.size(), kApi.size()));
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);

  if (rest == "ingest") {
    if (req.method != "POST") {
      ApiResponse r = ErrorResponse(405, "use POST to ingest");
      r.headers.emplace_back("Allow", "POST");
      return r;
    }
    return IngestRoute(req);
  }
  if (req.method != "GET" && req.method != "HEAD") {
    ApiResponse r = ErrorResponse(405, "method not allowed");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  if (rest == "openapi.json") return Static(req, "openapi.json");

  const std::shared_ptr<const Index> index = backend_->Snapshot();
  if (!index) return ErrorResponse(503, "the store is still loading");

  ApiResponse r;
  const size_t slash = rest.find('/');
  const std::string_view head = rest.substr(0, slash);
  const std::string id = slash == std::string_view::npos
                             ? ""
                             : std::string(rest.substr(slash + 1));
  if (slash != std::string_view::npos && id.find('/') != std::string::npos) {
    return ErrorResponse(404, "no such endpoint");
  }

  if (rest == "health") {
    Json h{{"status", "ok"}, {"ingest", !options_.token.empty()}};
    r = JsonResponse(Dump(h));
    // Counts are precomputed JSON: splice them in after "status"/"ingest".
    r.body.pop_back();
    r.body += ",\"counts\":" + index->Counts() + "}";
  } else if (rest == "search") {
    r = SearchRoute(req, *index);
  } else if (slash == std::string_view::npos && IsListName(head)) {
    r = List(req, *index, head);
  } else if (slash != std::string_view::npos && !id.empty() &&
             (head == "documents" || head == "clusters" ||
              head == "storylines")) {
    const std::string* body = head == "documents"  ? index->Document(id)
                              : head == "clusters" ? index->Cluster(id)
                                                   : index->Storyline(id);
    if (body == nullptr) {
      return ErrorResponse(
          404, "no " + std::string(head.substr(0, head.size() - 1)) +
                   " with id '" + id + "'");
    }
    r.shared = std::shared_ptr<const std::string>(
        index, body);  // aliases the snapshot
  } else {
    return ErrorResponse(404, "no such endpoint");
  }
  if (r.status != 200) return r;
  r.etag = MakeEtag(index->generation(), req.path, req.params);
  if (EtagMatches(req.if_none_match, r.etag)) {
    r.status = 304;
    r.body.clear();
    r.shared.reset();
  }
  return r;
}

ApiResponse Api::List(const ApiRequest& req, const Index& index,
                      std::string_view name) const {
  const Collection* c = index.Find(name);
  if (c == nullptr) return ErrorResponse(404, "no such endpoint");
  uint32_t offset = 0, limit = options_.default_limit;
  const std::vector<uint32_t>* subset = nullptr;
  std::string filter;
  for (const auto& [k, v] : req.params) {
    if (k == "offset") {
      if (!ParseCount(v, &offset)) {
        return ErrorResponse(400, "offset must be a non-negative integer");
      }
    } else if (k == "limit") {
      if (!ParseCount(v, &limit) || limit == 0) {
        return ErrorResponse(400, "limit must be a positive integer");
      }
      limit = std::min(limit, options_.max_limit);
    } else if (c->HasFacet(k)) {
      if (!filter.empty()) return ErrorResponse(400, "one filter at a time");
      filter = k;
      subset = c->Filter(k, v);
    } else {
      std::string known;
      for (const auto& [f, _] : c->facets)
        known += (known.empty() ? "" : ", ") + f;
      return ErrorResponse(
          400, "unknown parameter '" + k + "' for /api/" + std::string(name) +
                   " (paging: offset, limit" +
                   (known.empty() ? "" : "; filters: " + known) + ")");
    }
  }
  const size_t total = subset ? subset->size() : c->items.size();
  const size_t begin = std::min<size_t>(offset, total);
  const size_t end = std::min<size_t>(begin + limit, total);
  std::string body = "{\"total\":" + std::to_string(total) +
                     ",\"offset\":" + std::to_string(offset) +
                     ",\"limit\":" + std::to_string(limit);
  if (name == "relations") body += ",\"periods\":" + index.Periods();
  body += ",\"items\":[";
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) body += ',';
    body += c->items[subset ? (*subset)[i] : i];
  }
  body += "]}";
  return JsonResponse(std::move(body));
}

ApiResponse Api::SearchRoute(const ApiRequest& req, const Index& index) const {
  std::string q;
  uint32_t limit = options_.default_search;
  for (const auto& [k, v] : req.params) {
    if (k == "q") {
      q = v;
    } else if (k == "limit") {
      if (!ParseCount(v, &limit) || limit == 0) {
        return ErrorResponse(400, "limit must be a positive integer");
      }
      limit = std::min(limit, options_.max_search);
    } else {
      return ErrorResponse(400, "unknown parameter '" + k + "' (use q, limit)");
    }
  }
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ErrorResponse(400, "missing query: /api/search?q=words");
  }
  if (q.size() > options_.max_query_bytes)
    return ErrorResponse(400, "query too long");
  auto hits = backend_->Search(q, limit);
  if (!hits.ok()) {
    return ErrorResponse(HttpStatusFor(hits.status().code()),
                         hits.status().message());
  }
  // Written directly rather than through a JSON DOM: this is the one
  // answer built per request.
  const auto& items = **hits;
  std::string body;
  body.reserve(256 + items.size() * 1024);
  body += "{\"query\":";
  AppendJsonString(&body, q);
  body += ",\"total\":";
  body += std::to_string(items.size());
  body += ",\"items\":[";
  char rank[32];
  for (size_t i = 0; i < items.size(); ++i) {
    const store::SearchHit& h = items[i];
    if (i > 0) body += ',';
    body += "{\"doc\":";
    AppendJsonString(&body, h.doc_id);
    body += ",\"title\":";
    AppendJsonString(&body, h.title);
    body += ",\"source\":";
    AppendJsonString(&body, h.source);
    body += ",\"snippet\":";
    AppendJsonString(&body, h.snippet);
    body += ",\"rank\":";
    // Shortest text that reads back as the same double.
    auto [end, ec] = std::to_chars(rank, rank + sizeof rank, h.rank);
    body.append(rank, ec == std::errc() ? end : rank);
    if (ec != std::errc()) body += '0';
    body += ",\"document\":";
    const std::string* summary = index.DocumentSummary(h.doc_id);
    body += summary ? *summary : std::string_view("null");
    body += '}';
  }
  body += "]}";
  return JsonResponse(std::move(body));
}

ApiResponse Api::IngestRoute(const ApiRequest& req) const {
  if (options_.token.empty()) {
    return ErrorResponse(403,
                         "ingest is disabled: start the server with "
                         "--token-file or SYNOPTIC_TOKEN to enable it");
  }
  constexpr std::string_view kBearer = "Bearer ";
  const std::string& auth = req.authorization;
  if (auth.size() <= kBearer.size() ||
      auth.compare(0, kBearer.size(), kBearer) != 0 ||
      !TokenEquals(std::string_view(auth).substr(kBearer.size()),
                   options_.token)) {
    ApiResponse r = ErrorResponse(401, "missing or wrong bearer token");
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"synoptic\"");
    return r;
  }
  if (req.body.empty())
    return ErrorResponse(400, "empty body: POST the articles");
  std::string name = "upload";
  if (auto it = req.params.find("name");
      it != req.params.end() && !it->second.empty()) {
    name = it->second.substr(0, 200);
  }
  auto out = backend_->Ingest(req.body, name);
  if (!out.ok()) {
    return ErrorResponse(HttpStatusFor(out.status().code()),
                         out.status().message());
  }
  return JsonResponse(std::move(out).value());
}

}  // namespace synoptic::serve
