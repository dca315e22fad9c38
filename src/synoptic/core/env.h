// The outside world, injected: file system, clock, logging.
//
// Stages never call the OS directly; they take an Env& (or are handed bytes).
// DefaultEnv() talks to the real machine; MemEnv (tests) holds files in memory
// and a fixed clock. Thread-safety: Env implementations are safe to call from
// several threads at once.
#ifndef SYNOPTIC_CORE_ENV_H_
#define SYNOPTIC_CORE_ENV_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/status.h"

namespace synoptic {

enum class LogLevel : uint8_t { kDebug, kInfo, kWarning, kError };

class Env {
 public:
  virtual ~Env() = default;

  // Reads a whole file, refusing files over max_bytes with kResourceExhausted
  // (nothing is silently truncated).
  virtual Result<std::string> ReadFile(const std::string& path,
                                       uint64_t max_bytes) = 0;
  virtual Status WriteFile(const std::string& path, std::string_view data) = 0;
  virtual Result<uint64_t> FileSize(const std::string& path) = 0;
  virtual bool IsDirectory(const std::string& path) = 0;
  virtual bool Exists(const std::string& path) = 0;
  // Regular files below dir, recursively, sorted by path; hidden entries
  // (dot-files) are skipped.
  virtual Result<std::vector<std::string>> ListFilesRecursive(
      const std::string& dir) = 0;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t NowUnixSeconds() = 0;
  virtual void Log(LogLevel level, std::string_view message) = 0;
};

// The real machine. Logs at kWarning and above go to stderr. Never null;
// lives for the whole process.
Env* DefaultEnv();

// In-memory files and a fixed clock, for tests. Logs are kept in `logs()`.
class MemEnv final : public Env {
 public:
  explicit MemEnv(int64_t now_unix_seconds = 1700000000)
      : now_(now_unix_seconds) {}
  void AddFile(std::string path, std::string data);

  Result<std::string> ReadFile(const std::string& path,
                               uint64_t max_bytes) override;
  Status WriteFile(const std::string& path, std::string_view data) override;
  Result<uint64_t> FileSize(const std::string& path) override;
  bool IsDirectory(const std::string& path) override;
  bool Exists(const std::string& path) override;
  Result<std::vector<std::string>> ListFilesRecursive(
      const std::string& dir) override;
  int64_t NowUnixSeconds() override { return now_; }
  void Log(LogLevel level, std::string_view message) override;
  std::vector<std::string> logs() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> files_;
  std::vector<std::string> logs_;
  int64_t now_;
};

}  // namespace synoptic

#endif  // SYNOPTIC_CORE_ENV_H_
