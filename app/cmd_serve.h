// `synoptic serve`: flags (stage 1) and the run (stage 2) of the HTTP server.
#ifndef SYNOPTIC_APP_CMD_SERVE_H_
#define SYNOPTIC_APP_CMD_SERVE_H_

#include <CLI/CLI.hpp>
#include <string>

namespace synoptic::app {

struct ServeFlags {
  std::string db;
  int port = 8080;
  std::string bind = "127.0.0.1";
  std::string token_file;
  std::string web;
  std::string models;
  int threads = 64;
  int cpu_slots = -1;
  int max_body_mb = 50;
  bool quiet = false;
};

// Registers the subcommand on `app`, filling `*flags` when parsed.
CLI::App* AddServeCommand(CLI::App& app, ServeFlags* flags);
// Exit codes as in main.cc: 0 stopped by a signal, 2 usage, 3 cannot run.
int RunServe(const ServeFlags& flags, const char* version,
             const char* models_dir);

}  // namespace synoptic::app

#endif  // SYNOPTIC_APP_CMD_SERVE_H_
