// The real-machine Env and the in-memory MemEnv. This file and env_posix
// details are the only places that touch the file system and the clock.
#include "synoptic/core/env.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

namespace synoptic {
namespace {

namespace fs = std::filesystem;

std::string ErrnoText() { return std::strerror(errno); }

class PosixEnv final : public Env {
 public:
  Result<std::string> ReadFile(const std::string& path,
                               uint64_t max_bytes) override {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      return errno == ENOENT ? NotFound("no such file")
                             : IoError("cannot stat: " + ErrnoText());
    }
    if (S_ISDIR(st.st_mode)) return InvalidArgument("is a directory");
    if (static_cast<uint64_t>(st.st_size) > max_bytes) {
      return ResourceExhausted("file is " + std::to_string(st.st_size) +
                               " bytes, over the limit of " +
                               std::to_string(max_bytes));
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return IoError("cannot open: " + ErrnoText());
    std::string data;
    data.resize(static_cast<size_t>(st.st_size));
    size_t got = data.empty() ? 0 : std::fread(data.data(), 1, data.size(), f);
    // Files that grow or are not regular (pipes, /dev/stdin) are read on.
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
      if (got + n > max_bytes) {
        std::fclose(f);
        return ResourceExhausted("input is over the limit of " +
                                 std::to_string(max_bytes) + " bytes");
      }
      data.resize(got);
      data.append(buf, n);
      got += n;
    }
    const bool err = std::ferror(f) != 0;
    std::fclose(f);
    if (err) return IoError("read failed: " + ErrnoText());
    data.resize(got);
    return data;
  }

  Status WriteFile(const std::string& path, std::string_view data) override {
    std::error_code ec;
    const fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    const std::string tmp = path + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (f == nullptr) return IoError(path + ": cannot create: " + ErrnoText());
    const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) return IoError(path + ": write failed");
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      return IoError(path + ": rename failed: " + ErrnoText());
    }
    return Status::Ok();
  }

  Result<uint64_t> FileSize(const std::string& path) override {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return NotFound("no such file");
    return static_cast<uint64_t>(st.st_size);
  }

  bool IsDirectory(const std::string& path) override {
    std::error_code ec;
    return fs::is_directory(path, ec);
  }

  bool Exists(const std::string& path) override {
    std::error_code ec;
    return fs::exists(path, ec);
  }

  Result<std::vector<std::string>> ListFilesRecursive(
      const std::string& dir) override {
    std::vector<std::string> out;
    std::error_code ec;
    // Symbolic links to folders are followed (a corpus assembled from
    // links is common), each real folder once: a link cycle ends there.
    fs::recursive_directory_iterator it(
        dir,
        fs::directory_options::skip_permission_denied |
            fs::directory_options::follow_directory_symlink,
        ec);
    if (ec) return IoError("cannot list directory: " + ec.message());
    std::set<std::string> seen_dirs;
    seen_dirs.insert(fs::canonical(dir, ec).string());
    for (auto end = fs::recursive_directory_iterator(); it != end;
         it.increment(ec)) {
      if (ec) return IoError("cannot list directory: " + ec.message());
      const auto name = it->path().filename().string();
      const bool is_dir = it->is_directory(ec);
      if (!name.empty() && name[0] == '.') {
        if (is_dir) it.disable_recursion_pending();
        continue;
      }
      if (is_dir) {
        std::error_code cec;
        const fs::path real = fs::canonical(it->path(), cec);
        if (cec || !seen_dirs.insert(real.string()).second) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (it->is_regular_file(ec)) out.push_back(it->path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  int64_t NowUnixSeconds() override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  void Log(LogLevel level, std::string_view message) override {
    if (level < LogLevel::kWarning) return;
    std::lock_guard<std::mutex> lock(mu_);
    std::cerr << "synoptic: " << message << '\n';
  }

 private:
  std::mutex mu_;
};

}  // namespace

Env* DefaultEnv() {
  static PosixEnv* env = new PosixEnv();  // never destroyed: used at exit
  return env;
}

void MemEnv::AddFile(std::string path, std::string data) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[std::move(path)] = std::move(data);
}

Result<std::string> MemEnv::ReadFile(const std::string& path,
                                     uint64_t max_bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(path);
  if (it == files_.end()) return NotFound("no such file");
  if (it->second.size() > max_bytes) {
    return ResourceExhausted("file is " + std::to_string(it->second.size()) +
                             " bytes, over the limit of " +
                             std::to_string(max_bytes));
  }
  return it->second;
}

Status MemEnv::WriteFile(const std::string& path, std::string_view data) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[path] = std::string(data);
  return Status::Ok();
}

Result<uint64_t> MemEnv::FileSize(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(path);
  if (it == files_.end()) return NotFound("no such file");
  return static_cast<uint64_t>(it->second.size());
}

bool MemEnv::IsDirectory(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

bool MemEnv::Exists(const std::string& path) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (files_.count(path)) return true;
  }
  return IsDirectory(path);
}

Result<std::vector<std::string>> MemEnv::ListFilesRecursive(
    const std::string& dir) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    out.push_back(it->first);
  }
  return out;
}

void MemEnv::Log(LogLevel level, std::string_view message) {
  std::lock_guard<std::mutex> lock(mu_);
  static constexpr const char* kNames[] = {"debug", "info", "warning", "error"};
  logs_.push_back(std::string(kNames[static_cast<int>(level)]) + ": " +
                  std::string(message));
}

std::vector<std::string> MemEnv::logs() const {
  std::lock_guard<std::mutex> lock(mu_);
  return logs_;
}

}  // namespace synoptic
