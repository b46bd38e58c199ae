// Status and Result<T>: how every detente library call reports failure.
//
// A Status is either OK or carries a code and a message. Library functions
// never throw; they return a Status, or a Result<T> that holds either a value
// or a non-OK Status.
//
// Thread safety: multiple threads may call const methods on the same Status
// or Result concurrently; any non-const use needs external synchronisation.
#ifndef DETENTE_STATUS_H_
#define DETENTE_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace detente {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,           // the answer is empty: no such entity, no path
    kInvalidArgument,    // the caller's request is malformed (usage error)
    kDataError,          // bad input data: invalid UTF-8, malformed JSON ...
    kIOError,            // a file could not be read or written
    kDatabaseError,      // SQLite reported an error
    kUnsupported,        // e.g. a database written by a newer detente
    kTimeout,            // a time limit was hit
    kCancelled,          // stopped on request (e.g. Ctrl-C)
    kResourceExhausted,  // out of memory or another limit of the machine
    kInternal,           // a bug or an unexpected exception
  };

  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status NotFound(std::string_view msg) { return {Code::kNotFound, msg}; }
  static Status InvalidArgument(std::string_view msg) {
    return {Code::kInvalidArgument, msg};
  }
  static Status DataError(std::string_view msg) { return {Code::kDataError, msg}; }
  static Status IOError(std::string_view msg) { return {Code::kIOError, msg}; }
  static Status DatabaseError(std::string_view msg) {
    return {Code::kDatabaseError, msg};
  }
  static Status Unsupported(std::string_view msg) { return {Code::kUnsupported, msg}; }
  static Status Timeout(std::string_view msg) { return {Code::kTimeout, msg}; }
  static Status Cancelled(std::string_view msg) { return {Code::kCancelled, msg}; }
  static Status ResourceExhausted(std::string_view msg) { return {Code::kResourceExhausted, msg}; }
  static Status Internal(std::string_view msg) { return {Code::kInternal, msg}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }

  // "OK", or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or a non-OK Status. Constructing a Result from an OK Status is a
// programming error (asserted in debug builds, turned into kInternal otherwise).
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) {
      assert(false && "Result built from an OK status");
      v_ = Status::Internal("Result built from an OK status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // OK when a value is held.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  // Requires ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace detente

// Returns early from the enclosing function when `expr` is not OK.
#define DETENTE_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::detente::Status _st = (expr);            \
    if (!_st.ok()) return _st;                 \
  } while (0)

#endif  // DETENTE_STATUS_H_
