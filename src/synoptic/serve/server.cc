// The one adapter for cpp-httplib, and the store-backed Backend.
//
// Debian's cpp-httplib 0.11 is a compiled library (libcpp-httplib.so, built
// with OpenSSL, zlib and brotli support; we use plain HTTP only). Its worker
// pool holds one connection per thread for as long as the connection lives,
// so the pool is sized for the expected number of concurrent clients; its
// compiled-in listen backlog of 5 would refuse bursts of connections, so the
// socket is listened on again with a larger backlog after binding.
//
// Snapshot swap: readers copy the shared_ptr under a short mutex and then
// work lock-free on the immutable Index; an ingest builds the next Index
// outside that mutex (serialized by its own mutex) and swaps it in. The
// search index (internal/search_index.h) is built and swapped with it;
// SQLite is asked only for the queries it does not answer.
#include "synoptic/serve/serve.h"

#include <httplib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <ctime>
#include <list>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "synoptic/ingest/reader.h"
#include "synoptic/report/pipeline.h"
#include "synoptic/serve/internal/api.h"
#include "synoptic/serve/internal/fair_gate.h"
#include "synoptic/serve/internal/assets.h"
#include "synoptic/serve/internal/index.h"
#include "synoptic/serve/internal/search_index.h"
#include "synoptic/store/store.h"

namespace synoptic::serve {
namespace {

// Sent with every response, errors included.
constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
    "data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

std::string NowIso(Env* env) {
  const std::time_t t = static_cast<std::time_t>(env->NowUnixSeconds());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

class StoreBackend final : public Backend {
 public:
  using Hits = std::shared_ptr<const std::vector<store::SearchHit>>;

  StoreBackend(Env* env, ServeOptions options)
      : env_(env), options_(std::move(options)) {}

  Status Init() {
    SYN_ASSIGN_OR_RETURN(writer_, store::Store::Open(options_.db));
    if (!options_.token.empty()) {
      report::PipelineOptions po;
      po.models_dir = options_.models_dir;
      po.jobs = options_.ingest_jobs;
      reader_ = po.reader;
      // A posted gzip body may not inflate without bound either.
      reader_.max_decompressed_bytes = std::min<uint64_t>(
          reader_.max_decompressed_bytes, options_.max_body_bytes * 20);
      SYN_ASSIGN_OR_RETURN(analyzer_, report::Analyzer::Create(env_, po));
    }
    return Rebuild();
  }

  std::shared_ptr<const Index> Snapshot() const override {
    std::lock_guard<std::mutex> lock(snap_mu_);
    return snapshot_;
  }

  Result<Hits> Search(const std::string& query, size_t limit) override {
    const std::string key = std::to_string(limit) + '\x1f' + query;
    std::shared_ptr<const SearchIndex> search;
    uint64_t generation;
    {
      std::lock_guard<std::mutex> lock(snap_mu_);
      generation = snapshot_->generation();
      search = search_;
    }
    if (Hits cached = CacheGet(key, generation)) return cached;
    {
      auto tokenizer = BorrowTokenizer();
      if (!tokenizer.ok()) return tokenizer.status();
      auto hits = search->Search(query, limit, tokenizer->get());
      ReturnTokenizer(std::move(tokenizer).value());
      if (hits.status().code() != StatusCode::kNotSupported) {
        if (!hits.ok()) return hits.status();
        auto shared = std::make_shared<const std::vector<store::SearchHit>>(
            std::move(hits).value());
        CachePut(key, generation, shared);
        return shared;
      }
    }
    // A word FTS5 reads as a phrase: the store answers.
    // SQLite connections are single-threaded: each search borrows one from
    // a pool of at most `search_connections`; ranking is CPU-bound, so more
    // concurrent searches than cores would only add memory and contention.
    std::unique_ptr<store::Store> conn;
    {
      std::unique_lock<std::mutex> lock(pool_mu_);
      pool_cv_.wait(lock, [&] {
        return !pool_.empty() ||
               open_connections_ < options_.search_connections;
      });
      if (!pool_.empty()) {
        conn = std::move(pool_.back());
        pool_.pop_back();
      } else {
        ++open_connections_;
      }
    }
    if (!conn) {
      auto opened = store::Store::Open(options_.db);
      if (!opened.ok()) {
        std::lock_guard<std::mutex> lock(pool_mu_);
        --open_connections_;
        pool_cv_.notify_one();
        return opened.status();
      }
      conn = std::move(opened).value();
    }
    auto hits = conn->Search(query, limit);
    {
      std::lock_guard<std::mutex> lock(pool_mu_);
      pool_.push_back(std::move(conn));
    }
    pool_cv_.notify_one();
    if (!hits.ok()) return hits.status();
    auto shared = std::make_shared<const std::vector<store::SearchHit>>(
        std::move(hits).value());
    CachePut(key, generation, shared);
    return shared;
  }

  Result<std::string> Ingest(std::string_view body,
                             const std::string& name) override {
    using Json = nlohmann::ordered_json;
    std::lock_guard<std::mutex> lock(ingest_mu_);
    if (!analyzer_) return Internal("ingest without an analyzer");
    ingest::VectorSink sink;
    ingest::ReadBytes(name, body, reader_, &sink);
    for (const auto& e : sink.errors) SYN_RETURN_IF_ERROR(writer_->PutError(e));
    std::vector<InputError> errors = sink.errors;
    const size_t read_errors = errors.size();
    Json added = Json::array(), present = Json::array();
    Status store_error;
    report::AnalyzeAll(*analyzer_, std::move(sink.records),
                       options_.ingest_jobs, &errors, nullptr,
                       [&](size_t, const Result<DocAnalysis>& r) {
                         if (!store_error.ok() || !r.ok()) return;
                         auto put = writer_->PutDocument(r.value());
                         if (!put.ok()) {
                           store_error = put.status();
                           return;
                         }
                         (*put ? added : present).push_back(r.value().doc.id);
                       });
    SYN_RETURN_IF_ERROR(store_error);
    for (size_t i = read_errors; i < errors.size(); ++i) {
      SYN_RETURN_IF_ERROR(writer_->PutError(errors[i]));
    }
    if (added.empty() && present.empty() && !errors.empty()) {
      return Status(StatusCode::kCorrupt,
                    "nothing readable in the body: " + errors.front().message);
    }
    if (!added.empty() || !errors.empty()) SYN_RETURN_IF_ERROR(Rebuild());
    Json errs = Json::array();
    for (const auto& e : errors) {
      errs.push_back(
          Json{{"source", e.source}, {"code", e.code}, {"message", e.message}});
    }
    Json out{{"added", std::move(added)},
             {"present", std::move(present)},
             {"errors", std::move(errs)}};
    out["counts"] = Json::parse(Snapshot()->Counts());
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
  }

 private:
  // Reads the store, builds the report and publishes a new snapshot.
  Status Rebuild() {
    std::string json;
    std::shared_ptr<const SearchIndex> search;
    {
      // The report (every document's tokens and spans) is freed before its
      // JSON is parsed: the two are the largest things held at start-up.
      SYN_ASSIGN_OR_RETURN(std::vector<DocAnalysis> docs,
                           writer_->LoadDocuments());
      SYN_ASSIGN_OR_RETURN(std::vector<InputError> errors,
                           writer_->LoadErrors());
      std::vector<SearchDoc> search_docs;
      search_docs.reserve(docs.size());
      for (const auto& d : docs) {
        search_docs.push_back(
            SearchDoc{d.doc.id, d.doc.title, d.doc.source, d.doc.text});
      }
      SYN_ASSIGN_OR_RETURN(auto tokenizer, BorrowTokenizer());
      auto built = SearchIndex::Build(std::move(search_docs), tokenizer.get());
      ReturnTokenizer(std::move(tokenizer));
      SYN_RETURN_IF_ERROR(built.status());
      search = std::move(built).value();
      report::Report r = report::BuildReport(std::move(docs), std::move(errors),
                                             NowIso(env_), options_.version);
      json = report::RenderJson(r);
    }
    SYN_ASSIGN_OR_RETURN(std::shared_ptr<const Index> next,
                         Index::FromJson(std::move(json)));
    {
      std::lock_guard<std::mutex> lock(snap_mu_);
      snapshot_ = std::move(next);
      search_ = std::move(search);
    }
#ifdef __GLIBC__
    // The build's temporaries (every document's analysis, the report and
    // its JSON) are freed by now; hand their pages back to the system.
    malloc_trim(0);
#endif
    return Status::Ok();
  }

  // Tokenizers are not thread-safe: each search borrows one (creating it
  // when none is free) and gives it back.
  Result<std::unique_ptr<store::TextTokenizer>> BorrowTokenizer() {
    {
      std::lock_guard<std::mutex> lock(tokenizer_mu_);
      if (!tokenizers_.empty()) {
        auto t = std::move(tokenizers_.back());
        tokenizers_.pop_back();
        return t;
      }
    }
    return store::TextTokenizer::Create();
  }
  void ReturnTokenizer(std::unique_ptr<store::TextTokenizer> t) {
    std::lock_guard<std::mutex> lock(tokenizer_mu_);
    tokenizers_.push_back(std::move(t));
  }

  // Search answers are kept in a small LRU cache, dropped whenever the
  // snapshot generation changes (an ingest through this server).
  // Answers are shared, never copied under the lock.
  Hits CacheGet(const std::string& key, uint64_t generation) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (generation != cache_generation_) {
      cache_.clear();
      lru_.clear();
      cache_generation_ = generation;
      return nullptr;
    }
    auto it = cache_.find(key);
    if (it == cache_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
  }

  void CachePut(const std::string& key, uint64_t generation,
                const Hits& hits) {
    if (options_.search_cache_entries == 0) return;
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (generation != cache_generation_ || cache_.count(key)) return;
    lru_.emplace_front(key, hits);
    cache_[key] = lru_.begin();
    if (lru_.size() > options_.search_cache_entries) {
      cache_.erase(lru_.back().first);
      lru_.pop_back();
    }
  }

  Env* env_;
  ServeOptions options_;
  ingest::ReaderOptions reader_;
  std::unique_ptr<report::Analyzer> analyzer_;
  std::mutex ingest_mu_;  // one ingest at a time; guards writer_
  std::unique_ptr<store::Store> writer_;
  mutable std::mutex snap_mu_;
  std::shared_ptr<const Index> snapshot_;
  std::shared_ptr<const SearchIndex> search_;  // swapped with snapshot_
  std::mutex tokenizer_mu_;
  std::vector<std::unique_ptr<store::TextTokenizer>> tokenizers_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  int open_connections_ = 0;
  std::vector<std::unique_ptr<store::Store>> pool_;
  using Entry = std::pair<std::string, Hits>;
  std::mutex cache_mu_;
  uint64_t cache_generation_ = 0;
  std::list<Entry> lru_;
  std::unordered_map<std::string, std::list<Entry>::iterator> cache_;
};

void Send(ApiResponse&& r, httplib::Response* res) {
  res->status = r.status;
  for (const auto& [k, v] : r.headers) res->set_header(k, v);
  if (!r.etag.empty()) res->set_header("ETag", r.etag);
  res->set_header("Cache-Control", "no-cache");
  if (r.status == 304) return;
  if (r.status >= 400) {
    // Small, and the error handler below must see that a body is set.
    res->set_content(r.text(), r.content_type);
    return;
  }
  // The body is handed to httplib by pointer: detail objects stay inside
  // the snapshot and large answers are never copied per request.
  std::shared_ptr<const std::string> body =
      r.shared ? std::move(r.shared)
               : std::make_shared<const std::string>(std::move(r.body));
  const size_t size = body->size();
  if (size == 0) {
    res->set_content("", r.content_type);
    return;
  }
  res->set_content_provider(
      size, r.content_type,
      [body = std::move(body)](size_t offset, size_t length,
                               httplib::DataSink& sink) {
        const size_t n =
            std::min(length, body->size() - std::min(offset, body->size()));
        return sink.write(body->data() + offset, n);
      });
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<StoreBackend> backend;
  std::shared_ptr<const Assets> assets;
  std::unique_ptr<Api> api;
  httplib::Server http;
  std::atomic<int> listen_fd{-1};
  int port = 0;
  std::unique_ptr<FairGate> gate;  // null: no limit
};

Server::Server() : impl_(std::make_unique<Impl>()) {}
Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Create(Env* env,
                                               const ServeOptions& options) {
  if (!env->Exists(options.db)) {
    return NotFound(options.db +
                    ": no such store (create it with `synoptic ingest "
                    "PATH --db " +
                    options.db + "`)");
  }
  std::unique_ptr<Server> s(new Server());
  Impl& m = *s->impl_;
  m.options = options;
  if (!options.web_dir.empty()) {
    SYN_ASSIGN_OR_RETURN(m.assets, Assets::Load(env, options.web_dir));
  }
  m.backend = std::make_unique<StoreBackend>(env, options);
  SYN_RETURN_IF_ERROR(m.backend->Init());
  ApiOptions ao;
  ao.token = options.token;
  m.api = std::make_unique<Api>(m.backend.get(), m.assets.get(), ao);

  httplib::Server& h = m.http;
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  h.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle
  // plus the client's delayed ACK would add ~40 ms to every answer.
  h.set_tcp_nodelay(true);
  h.set_payload_max_length(options.max_body_bytes);
  h.set_read_timeout(options.read_timeout_seconds, 0);
  h.set_write_timeout(options.write_timeout_seconds, 0);
  h.set_keep_alive_timeout(options.keep_alive_seconds);
  h.set_keep_alive_max_count(
      static_cast<size_t>(std::max(1, options.keep_alive_max_requests)));
  h.set_default_headers({{"Content-Security-Policy", kCsp},
                         {"X-Content-Type-Options", "nosniff"},
                         {"Referrer-Policy", "no-referrer"},
                         {"X-Frame-Options", "DENY"},
                         {"Cross-Origin-Opener-Policy", "same-origin"},
                         {"Cross-Origin-Resource-Policy", "same-origin"}});
  std::atomic<int>* fd_slot = &m.listen_fd;
  h.set_socket_options([fd_slot](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    fd_slot->store(sock);
  });
  const int slots =
      options.cpu_slots >= 0
          ? options.cpu_slots
          : 8 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (slots > 0) m.gate = std::make_unique<FairGate>(static_cast<size_t>(slots));
  Api* api = m.api.get();
  FairGate* gate = m.gate.get();
  auto dispatch = [api, gate](const httplib::Request& req, std::string body,
                              httplib::Response& res) {
    // Reads queue for a slot; writes (ingest) take long and must not hold
    // the readers up.
    const bool read = req.method == "GET" || req.method == "HEAD" ||
                      req.method == "OPTIONS";
    FairGate::Hold hold(read ? gate : nullptr);
    ApiRequest a;
    a.method = req.method;
    a.path = req.path;
    for (const auto& [k, v] : req.params) a.params.emplace(k, v);  // first wins
    a.if_none_match = req.get_header_value("If-None-Match");
    a.authorization = req.get_header_value("Authorization");
    a.body = std::move(body);
    Send(api->Handle(a), &res);
  };
  auto handler = [dispatch](const httplib::Request& req,
                            httplib::Response& res) {
    dispatch(req, std::string(), res);
  };
  // Bodies are read through a content reader: httplib's own body reading
  // would parse form-encoded bodies and refuse those over 8 KB with 413.
  // The reader still enforces the payload cap (413).
  auto with_body = [dispatch](const httplib::Request& req,
                              httplib::Response& res,
                              const httplib::ContentReader& reader) {
    std::string body;
    const bool ok = reader([&body](const char* data, size_t n) {
      body.append(data, n);
      return true;
    });
    if (!ok) {
      if (res.status < 400) res.status = 400;
      return;
    }
    dispatch(req, std::move(body), res);
  };
  h.Get(".*", handler);
  h.Post(".*", with_body);
  h.Put(".*", with_body);
  h.Delete(".*", with_body);
  h.Patch(".*", with_body);
  h.Options(".*", handler);
  // Errors httplib produces itself (413, 400 on a malformed request, 404
  // without a route) get the same JSON shape as ours.
  h.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const char* what = res.status == 413   ? "request body too large"
                       : res.status == 414 ? "request URI too long"
                       : res.status == 404 ? "not found"
                                           : "bad request";
    res.set_content(std::string("{\"error\":\"") + what + "\"}",
                    "application/json; charset=utf-8");
  });
  h.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content("{\"error\":\"internal error\"}",
                        "application/json; charset=utf-8");
      });
  return s;
}

Status Server::Bind() {
  Impl& m = *impl_;
  if (m.options.port == 0) {
    m.port = m.http.bind_to_any_port(m.options.bind);
    if (m.port <= 0)
      return IoError("cannot bind " + m.options.bind + " to a free port");
  } else {
    if (!m.http.bind_to_port(m.options.bind, m.options.port)) {
      return IoError("cannot listen on " + m.options.bind + ":" +
                     std::to_string(m.options.port) +
                     " (in use, or not an address here)");
    }
    m.port = m.options.port;
  }
  // A second listen() on a listening socket only changes its backlog.
  if (const int fd = m.listen_fd.load();
      fd >= 0 && m.options.listen_backlog > 0) {
    ::listen(fd, m.options.listen_backlog);
  }
  return Status::Ok();
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) {
    // listen_after_bind also returns false after a normal stop().
    if (impl_->http.is_running())
      return IoError("the server stopped unexpectedly");
  }
  return Status::Ok();
}

void Server::Stop() {
  if (impl_) impl_->http.stop();
}

size_t Server::documents() const {
  auto snap = impl_->backend->Snapshot();
  if (!snap) return 0;
  const Collection* docs = snap->Find("documents");
  return docs ? docs->items.size() : 0;
}

}  // namespace synoptic::serve
