#pragma once

#include <string>
#include <string_view>

namespace motcua::core {

// The kinds of failure the domain reports. The web layer maps each kind to an HTTP status in
// one table; the CLI prints the message. Messages are English (CLI and logs); pages translate
// by kind and context.
enum class ErrorKind {
  kInvalidInput,       // malformed or unacceptable input; nothing was changed
  kOutOfRange,         // a value outside what the rule supports (e.g. amount too large)
  kOverflow,           // arithmetic would overflow int64
  kIllegalTransition,  // a state machine refused the move
  kNotFound,
  kConflict,
  kForbidden,        // the acting user's role or scope does not allow it; nothing was changed
  kUnauthenticated,  // no valid sign-in (wrong password, unknown user, expired session)
  kRateLimited,      // too many attempts; try again later
  kStorage,          // the database failed (unreachable, corrupt, refused); not the input
  kUnavailable,      // an outside service (the payment platform) did not answer usably; retry
};

struct Error {
  ErrorKind kind;
  std::string message;
};

inline Error invalid_input(std::string message) {
  return {ErrorKind::kInvalidInput, std::move(message)};
}
inline Error out_of_range(std::string message) {
  return {ErrorKind::kOutOfRange, std::move(message)};
}

std::string_view to_string(ErrorKind kind);

}  // namespace motcua::core
