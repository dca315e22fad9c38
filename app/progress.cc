#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace synoptic::app {

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string unit, bool enabled)
    : unit_(std::move(unit)),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { Finish(); }

void Progress::Update(std::string_view stage, size_t done, size_t total) {
  if (!enabled_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (stage != stage_) {
    Finish();  // the previous stage's line stays as it ended
    stage_ = stage;
    start_ = now;
    last_ = now;
  }
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 0.5 && done < total) return;
  if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * done / total);
  std::string bar(static_cast<size_t>(filled), '=');
  if (filled < kWidth) bar += '>';
  bar.resize(kWidth, ' ');
  std::fprintf(stderr, "\r%-8s [%s] %zu/%zu %s  %.1f %s/s  ETA %.0fs   ", stage_.c_str(),
               bar.c_str(), done, total, unit_.c_str(), rate, unit_.c_str(), eta);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Finish() {
  if (drawn_) {
    std::fputc('\n', stderr);
    drawn_ = false;
  }
}

}  // namespace synoptic::app
