#include "synoptic/serve/internal/assets.h"

#include <cstdio>

#include "synoptic/core/hash.h"

namespace synoptic::serve {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

std::string QuotedHash(std::string_view body) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"",
                static_cast<unsigned long long>(Hash64(body)));
  return buf;
}

}  // namespace

std::string ContentTypeFor(std::string_view path) {
  if (EndsWith(path, ".html")) return "text/html; charset=utf-8";
  if (EndsWith(path, ".js") || EndsWith(path, ".mjs")) {
    return "text/javascript; charset=utf-8";
  }
  if (EndsWith(path, ".css")) return "text/css; charset=utf-8";
  if (EndsWith(path, ".json")) return "application/json; charset=utf-8";
  if (EndsWith(path, ".svg")) return "image/svg+xml";
  if (EndsWith(path, ".png")) return "image/png";
  if (EndsWith(path, ".ico")) return "image/x-icon";
  if (EndsWith(path, ".txt") || EndsWith(path, ".md"))
    return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Result<std::shared_ptr<const Assets>> Assets::Load(Env* env,
                                                   const std::string& dir,
                                                   size_t max_files,
                                                   uint64_t max_bytes) {
  if (!env->IsDirectory(dir)) return NotFound(dir + ": web folder not found");
  SYN_ASSIGN_OR_RETURN(std::vector<std::string> files,
                       env->ListFilesRecursive(dir));
  if (files.size() > max_files) {
    return ResourceExhausted(dir + ": more than " + std::to_string(max_files) +
                             " files in the web folder");
  }
  auto assets = std::make_shared<Assets>();
  std::string prefix = dir;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  for (const auto& f : files) {
    std::string rel = f.rfind(prefix, 0) == 0 ? f.substr(prefix.size()) : f;
    SYN_ASSIGN_OR_RETURN(std::string body, env->ReadFile(f, max_bytes));
    assets->Add(std::move(rel), std::move(body));
  }
  return std::shared_ptr<const Assets>(std::move(assets));
}

void Assets::Add(std::string path, std::string body) {
  Asset a;
  a.content_type = ContentTypeFor(path);
  a.etag = QuotedHash(body);
  a.body = std::move(body);
  files_[std::move(path)] = std::move(a);
}

const Asset* Assets::Find(std::string_view path) const {
  auto it = files_.find(std::string(path));
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace synoptic::serve
