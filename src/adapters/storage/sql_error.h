#pragma once

#include <exception>
#include <string_view>

#include "core/result.h"

namespace motcua::adapters::storage {

// Turns an exception from SOCI or a driver into an error value: a uniqueness violation becomes
// kConflict, another constraint violation kInvalidInput, anything else kStorage. `context`
// names the operation for the message.
core::Error translate_exception(const std::exception& e, std::string_view context);

// True for failures that a retry of the whole transaction can cure: SQLite busy/locked,
// PostgreSQL serialization failures and deadlocks.
bool is_retryable(const std::exception& e);

// Runs `f` (returning core::Status or core::Result<T>) and converts any exception, except
// retryable ones: those propagate so that the Store retries the whole transaction.
template <typename F>
auto guarded(std::string_view context, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    if (is_retryable(e)) throw;
    return translate_exception(e, context);
  }
}

}  // namespace motcua::adapters::storage
