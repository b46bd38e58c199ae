#include "detente/status.h"

namespace detente {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kNotFound: name = "Not found"; break;
    case Code::kInvalidArgument: name = "Invalid argument"; break;
    case Code::kDataError: name = "Data error"; break;
    case Code::kIOError: name = "IO error"; break;
    case Code::kDatabaseError: name = "Database error"; break;
    case Code::kUnsupported: name = "Unsupported"; break;
    case Code::kTimeout: name = "Timeout"; break;
    case Code::kCancelled: name = "Cancelled"; break;
    case Code::kResourceExhausted: name = "Resource exhausted"; break;
    case Code::kInternal: name = "Internal error"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace detente
