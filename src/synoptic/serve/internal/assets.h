// The web UI's files (web/), read into memory once at start-up.
//
// Only files below the folder are served, by exact relative path; nothing
// on disk is touched per request, so no request path can reach outside it.
// Thread-safety: immutable after Load(); share freely.
#ifndef SYNOPTIC_SERVE_INTERNAL_ASSETS_H_
#define SYNOPTIC_SERVE_INTERNAL_ASSETS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"

namespace synoptic::serve {

struct Asset {
  std::string body;
  std::string content_type;
  std::string etag;  // quoted content hash
};

class Assets {
 public:
  // Reads every file below `dir` (at most max_files files of at most
  // max_bytes each). kNotFound if `dir` is not a folder.
  static Result<std::shared_ptr<const Assets>> Load(
      Env* env, const std::string& dir, size_t max_files = 1000,
      uint64_t max_bytes = uint64_t{16} << 20);
  // `path` relative to the folder, "/" separated ("js/app.js"); nullptr if
  // there is no such file.
  const Asset* Find(std::string_view path) const;
  size_t size() const { return files_.size(); }
  // Adds one file (tests).
  void Add(std::string path, std::string body);

 private:
  std::unordered_map<std::string, Asset> files_;
};

// "text/css; charset=utf-8" etc. from a file name's extension.
std::string ContentTypeFor(std::string_view path);

}  // namespace synoptic::serve

#endif  // SYNOPTIC_SERVE_INTERNAL_ASSETS_H_
