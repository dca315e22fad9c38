// `synoptic time`: the TIMEX3 tagger on its own (issue 5), so it can be
// tested and compared without the rest of the pipeline.
#ifndef SYNOPTIC_APP_CMD_TIME_H_
#define SYNOPTIC_APP_CMD_TIME_H_

#include <CLI/CLI.hpp>
#include <string>

namespace synoptic::app {

class TimeCommand {
 public:
  // Registers the "time" subcommand and its flags on `app`.
  explicit TimeCommand(CLI::App* app);
  bool Chosen() const { return cmd_ != nullptr && cmd_->parsed(); }
  // Returns the process exit code (0 ok, 1 bad input, 2 usage).
  int Run() const;

 private:
  CLI::App* cmd_ = nullptr;
  std::string path_ = "-";
  std::string dct_;
  std::string language_;
  std::string format_ = "tsv";
};

}  // namespace synoptic::app

#endif  // SYNOPTIC_APP_CMD_TIME_H_
