// `synoptic serve`: an HTTP JSON API and the web UI over one store.
//
// At start the server reads the whole store, builds the cross-document
// report once (report::BuildReport) and keeps it as an immutable snapshot of
// ready-made JSON (internal/index.h); reads never touch the store except
// full-text search. POST /api/ingest (bearer token required; disabled when
// no token is set) analyses the posted records exactly as `synoptic ingest`
// does, stores them, rebuilds the snapshot and swaps it in; readers keep the
// snapshot they started with. The routes are described in web/openapi.json,
// served at /api/openapi.json.
//
// Security: binds to 127.0.0.1 unless told otherwise; every response carries
// a strict Content-Security-Policy (no inline script, no eval, no framing),
// nosniff and no-referrer; request bodies are capped (413) and reads and
// writes time out. Article text is only ever sent as JSON data.
//
// Thread-safety: Run() blocks the calling thread and serves on a pool of
// `threads` workers; Stop() may be called from any thread.
#ifndef SYNOPTIC_SERVE_SERVE_H_
#define SYNOPTIC_SERVE_SERVE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"

namespace synoptic::serve {

struct ServeOptions {
  std::string db;                  // store file; must exist
  std::string bind = "127.0.0.1";  // address to listen on
  int port = 8080;                 // 0: any free port (see Server::port())
  std::string token;    // bearer token for POST /api/ingest; empty: disabled
  std::string web_dir;  // the UI's files; empty: API only
  std::string models_dir = "models";  // for ingest (loaded only with a token)
  std::string version;                // reported in the report's `version`
  int threads = 64;     // HTTP worker threads (each holds one connection)
  // Read requests (GET, HEAD, OPTIONS) computing at once, admitted first
  // come first served (internal/fair_gate.h); 0: no limit; -1: eight per
  // core (on 2 cores under 200 connections: search p99 220 -> 66 ms at the
  // same throughput; 2 or 4 per core cut the tail as much but gave up a
  // quarter of the throughput on a shared machine).
  int cpu_slots = -1;
  int ingest_jobs = 1;  // analysis threads per ingest request
  uint64_t max_body_bytes = uint64_t{50} << 20;  // larger bodies get 413
  int read_timeout_seconds = 10;                 // per read of a request
  int write_timeout_seconds = 10;                // per write of a response
  int keep_alive_seconds =
      5;  // idle keep-alive connections are closed after this
  int keep_alive_max_requests =
      1000;                    // requests per connection before it is closed
  int listen_backlog = 1024;   // pending connections the kernel may queue
  int search_connections = 4;  // SQLite connections for phrase searches
  size_t search_cache_entries = 4096;  // cached search answers (0: no cache)
};

class Server {
 public:
  // Opens the store, builds the snapshot, loads the UI folder and (with a
  // token) the analysis models. kNotFound if the store or web folder is
  // missing; store and model errors as they come.
  static Result<std::unique_ptr<Server>> Create(Env* env,
                                                const ServeOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket. kIoError if the address is taken or invalid.
  Status Bind();
  // The bound port (after Bind()).
  int port() const;
  // Serves until Stop(). Needs Bind() first.
  Status Run();
  // Makes Run() return; safe from any thread, also before Run().
  void Stop();
  // Documents in the current snapshot.
  size_t documents() const;

 private:
  Server();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace synoptic::serve

#endif  // SYNOPTIC_SERVE_SERVE_H_
