// Status and Result<T>: the error currency at every module boundary.
//
// A Status is a canonical code plus a human message. OK carries no message
// and allocates nothing. Result<T> holds either a value or a non-OK Status
// (GCC 12 has no std::expected in C++20 mode). Both are [[nodiscard]].
// Thread-safety: value types; distinct objects may be used from any thread.
#ifndef SYNOPTIC_CORE_STATUS_H_
#define SYNOPTIC_CORE_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace synoptic {

// Canonical codes. Values are written to the report's `errors` array as
// names, never as numbers.
enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidArgument,   // bad flag, bad option value
  kNotFound,          // file or record missing
  kCorrupt,           // input bytes not of the format they claim
  kTruncated,         // input ended early (gzip, WARC, JSON)
  kNotSupported,      // a format or version we do not read
  kResourceExhausted, // a configured cap was hit (size, count)
  kIoError,           // the OS refused a read or write
  kInternal,          // a bug: an invariant did not hold
  kEmpty,             // the input holds nothing to analyse
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corrupt: bad WARC header" style, for logs and error lines.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) {
  return {StatusCode::kNotFound, std::move(m)};
}
inline Status Corrupt(std::string m) {
  return {StatusCode::kCorrupt, std::move(m)};
}
inline Status Truncated(std::string m) {
  return {StatusCode::kTruncated, std::move(m)};
}
inline Status NotSupported(std::string m) {
  return {StatusCode::kNotSupported, std::move(m)};
}
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status IoError(std::string m) {
  return {StatusCode::kIoError, std::move(m)};
}
inline Status Internal(std::string m) {
  return {StatusCode::kInternal, std::move(m)};
}
inline Status Empty(std::string m) { return {StatusCode::kEmpty, std::move(m)}; }

// Either a T or a non-OK Status. Constructing from an OK Status is a bug and
// is turned into kInternal.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) {
      v_ = Status(StatusCode::kInternal, "Result built from OK status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace synoptic

#define SYN_CONCAT_INNER_(a, b) a##b
#define SYN_CONCAT_(a, b) SYN_CONCAT_INNER_(a, b)

#define SYN_RETURN_IF_ERROR(expr)            \
  do {                                       \
    ::synoptic::Status syn_st_ = (expr);     \
    if (!syn_st_.ok()) return syn_st_;       \
  } while (0)

#define SYN_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#define SYN_ASSIGN_OR_RETURN(lhs, expr) \
  SYN_ASSIGN_OR_RETURN_IMPL_(SYN_CONCAT_(syn_res_, __LINE__), lhs, expr)

// Invariants that no input can break. Aborts in every build type: a broken
// invariant is a bug we want to see, not silently continue past.
#define SYN_DCHECK(cond)                                               \
  do {                                                                 \
    if (!(cond)) ::synoptic::internal::DcheckFail(#cond, __FILE__, __LINE__); \
  } while (0)

namespace synoptic::internal {
[[noreturn]] void DcheckFail(const char* cond, const char* file, int line);
}  // namespace synoptic::internal

#endif  // SYNOPTIC_CORE_STATUS_H_
