// `synoptic code`: the event coder on its own, one sentence (or JSON record)
// per input line, as PETRARCH is run on validation records.
#ifndef SYNOPTIC_APP_CMD_CODE_H_
#define SYNOPTIC_APP_CMD_CODE_H_

#include <CLI/CLI.hpp>
#include <string>

namespace synoptic::app {

class CodeCommand {
 public:
  // Registers the "code" subcommand and its flags on `app`.
  explicit CodeCommand(CLI::App* app);
  // True when the command line chose this subcommand.
  bool Chosen() const { return cmd_ != nullptr && cmd_->parsed(); }
  // Runs it; returns the process exit code (0 ok, 1 bad input lines, 2
  // usage, 3 could not run).
  int Run() const;

 private:
  CLI::App* cmd_ = nullptr;
  std::string path_ = "-";
  std::string dct_;
  std::string format_ = "text";
  std::string models_;
  std::string plover_table_;
  std::string import_verbs_;
  bool bare_verbs_ = false;
  bool verbose_ = false;
  bool mentions_ = false;
  bool quiet_ = false;
  std::string parse_;  // "", "on" or "off": EventOptions::use_parse
};

}  // namespace synoptic::app

#endif  // SYNOPTIC_APP_CMD_CODE_H_
