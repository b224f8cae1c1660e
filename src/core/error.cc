#include "core/error.h"

namespace motcua::core {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput:
      return "invalid input";
    case ErrorKind::kOutOfRange:
      return "out of range";
    case ErrorKind::kOverflow:
      return "overflow";
    case ErrorKind::kIllegalTransition:
      return "illegal transition";
    case ErrorKind::kNotFound:
      return "not found";
    case ErrorKind::kConflict:
      return "conflict";
    case ErrorKind::kForbidden:
      return "forbidden";
    case ErrorKind::kUnauthenticated:
      return "unauthenticated";
    case ErrorKind::kRateLimited:
      return "rate limited";
    case ErrorKind::kStorage:
      return "storage failure";
    case ErrorKind::kUnavailable:
      return "service unavailable";
  }
  return "unknown";
}

}  // namespace motcua::core
