// A progress line on stderr for long runs: count, rate and ETA. Drawn only
// when stderr is a terminal and the run has lasted over half a second;
// silent otherwise (pipes, CI logs). Not thread-safe: call from one thread
// (the pipeline serializes progress callbacks).
#ifndef SYNOPTIC_APP_PROGRESS_H_
#define SYNOPTIC_APP_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace synoptic::app {

class Progress {
 public:
  Progress(std::string unit, bool enabled);
  ~Progress();
  // `stage` names what is counted ("extract", "analyse"); a new stage
  // starts a new line and a new rate.
  void Update(std::string_view stage, size_t done, size_t total);
  void Finish();

 private:
  std::string unit_;
  std::string stage_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

// True when stderr is a terminal.
bool StderrIsTerminal();

}  // namespace synoptic::app

#endif  // SYNOPTIC_APP_PROGRESS_H_
