#include "synoptic/core/status.h"

#include <cstdio>
#include <cstdlib>

namespace synoptic {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kCorrupt: return "corrupt";
    case StatusCode::kTruncated: return "truncated";
    case StatusCode::kNotSupported: return "not_supported";
    case StatusCode::kResourceExhausted: return "too_large";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kInternal: return "internal";
    case StatusCode::kEmpty: return "empty";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s(StatusCodeName(code_));
  s += ": ";
  s += message_;
  return s;
}

namespace internal {
void DcheckFail(const char* cond, const char* file, int line) {
  std::fprintf(stderr, "synoptic: internal check failed: %s at %s:%d\n", cond,
               file, line);
  std::abort();
}
}  // namespace internal

}  // namespace synoptic
