// `synoptic serve --db FILE`: the HTTP API and web UI over a store.
//
// The token for POST /api/ingest comes from --token-file (first line), else
// $SYNOPTIC_TOKEN; without one, ingest is refused with 403. SIGINT/SIGTERM
// stop the server cleanly: they are blocked in every thread and awaited by
// the main thread with sigwait().
#include "cmd_serve.h"

#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <thread>

#include "synoptic/core/env.h"
#include "synoptic/serve/serve.h"

#ifndef SYN_DEFAULT_WEB_DIR
#define SYN_DEFAULT_WEB_DIR "web"
#endif

namespace synoptic::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitFatal = 3;

Result<std::string> ReadToken(Env* env, const std::string& file) {
  std::string token;
  if (!file.empty()) {
    SYN_ASSIGN_OR_RETURN(token, env->ReadFile(file, 4096));
    token = token.substr(0, token.find('\n'));
    if (!token.empty() && token.back() == '\r') token.pop_back();
    if (token.empty())
      return InvalidArgument(file + ": the token file is empty");
  } else if (const char* e = std::getenv("SYNOPTIC_TOKEN"); e && *e) {
    token = e;
  }
  if (!token.empty() && token.size() < 16) {
    return InvalidArgument("the ingest token must have at least 16 characters");
  }
  return token;
}

}  // namespace

CLI::App* AddServeCommand(CLI::App& app, ServeFlags* f) {
  auto* cmd = app.add_subcommand(
      "serve", "HTTP JSON API and web UI over a store (127.0.0.1 by default)");
  cmd->add_option("--db", f->db, "store file (SQLite)")->required();
  cmd->add_option("--port,-p", f->port, "TCP port (0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", f->bind, "address to listen on");
  cmd->add_option("--token-file", f->token_file,
                  "file holding the bearer token that POST /api/ingest needs "
                  "(default: $SYNOPTIC_TOKEN; none: ingest disabled)");
  cmd->add_option("--web", f->web,
                  "folder of the web UI (default: the source tree's web/)");
  cmd->add_option(
      "--models", f->models,
      "folder of model files for ingest (default: $SYNOPTIC_MODELS or "
      "the source tree's models/)");
  cmd->add_option("--threads", f->threads, "HTTP worker threads")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--cpu-slots", f->cpu_slots,
                  "read requests computing at once, first come first served "
                  "(default: eight per core; 0: no limit)")
      ->check(CLI::Range(-1, 4096));
  cmd->add_option("--max-body-mb", f->max_body_mb, "largest request body (MB)")
      ->check(CLI::Range(1, 4096));
  cmd->add_flag("--quiet,-q", f->quiet, "no start-up line on stderr");
  return cmd;
}

int RunServe(const ServeFlags& f, const char* version, const char* models_dir) {
  Env* env = DefaultEnv();
  auto token = ReadToken(env, f.token_file);
  if (!token.ok()) {
    std::cerr << "synoptic: " << token.status().message() << "\n";
    return token.status().code() == StatusCode::kInvalidArgument ? kExitUsage
                                                                 : kExitFatal;
  }
  serve::ServeOptions o;
  o.db = f.db;
  o.bind = f.bind;
  o.port = f.port;
  o.token = *token;
  o.web_dir = f.web.empty() ? SYN_DEFAULT_WEB_DIR : f.web;
  o.version = version;
  o.threads = f.threads;
  o.cpu_slots = f.cpu_slots;
  o.max_body_bytes = static_cast<uint64_t>(f.max_body_mb) << 20;
  if (!f.models.empty()) {
    o.models_dir = f.models;
  } else if (const char* e = std::getenv("SYNOPTIC_MODELS"); e && *e) {
    o.models_dir = e;
  } else {
    o.models_dir = models_dir;
  }

  // Block the stop signals before any thread starts, so only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = serve::Server::Create(env, o);
  if (!server.ok()) {
    std::cerr << "synoptic: " << server.status().message() << "\n";
    return kExitFatal;
  }
  if (Status st = (*server)->Bind(); !st.ok()) {
    std::cerr << "synoptic: " << st.message() << "\n";
    return kExitFatal;
  }
  if (!f.quiet) {
    std::cerr << "synoptic: serving " << (*server)->documents()
              << " documents from " << f.db << " at http://" << f.bind << ":"
              << (*server)->port() << "/ (ingest "
              << (o.token.empty() ? "disabled" : "enabled") << ")\n";
  }
  Status run_status;
  std::thread runner([&] { run_status = (*server)->Run(); });
  int sig = 0;
  sigwait(&stop_signals, &sig);
  (*server)->Stop();
  runner.join();
  if (!run_status.ok()) {
    std::cerr << "synoptic: " << run_status.message() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace synoptic::app
