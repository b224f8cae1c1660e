#pragma once
// "Quên mật khẩu": a one-time code sent to the account's contact details, then a new password
// with the code. The code has kCodeDigits random digits (TokenService::new_digits, the
// CSPRNG), is stored hashed, lives kCodeLifetime, allows kMaxTries wrong tries and works once;
// a newer code replaces the older. The answer to a request is the same whether the number has
// an account or not; an account gets at most kCodesPerHour codes an hour (further requests
// send nothing, silently). The per-address limit is the web layer's.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/citizen_accounts.h"
#include "app/clock.h"
#include "app/outbox.h"
#include "app/password_hasher.h"
#include "app/store.h"
#include "app/token_service.h"
#include "app/web_sessions.h"

namespace motcua::app {

class PasswordReset {
 public:
  static constexpr std::size_t kCodeDigits = 6;
  static constexpr std::chrono::minutes kCodeLifetime{15};
  static constexpr std::int64_t kMaxTries = 5;
  static constexpr std::int64_t kCodesPerHour = 3;

  PasswordReset(Store& store, WebSessionStore& failures, PasswordHasher& hasher,
                TokenService& tokens, Outbox& outbox, const Clock& clock);

  // Sends a code to the account of `id_number`, if there is one. Fails only when the store or
  // the outbox fails.
  core::Status request(std::string_view id_number);

  // Sets the new password when `code` is the account's live code: burns the code, clears the
  // sign-in lockout, writes "citizen.password_reset". kInvalidInput with the problems
  // otherwise (one problem, kCodeInvalid, for a wrong, expired, used or unknown code or
  // number); a wrong code counts as a try.
  AccountResult<core::CitizenAccount> reset(std::string_view id_number, std::string_view code,
                                            std::string_view password, std::string_view again);

 private:
  Store& store_;
  WebSessionStore& failures_;
  PasswordHasher& hasher_;
  TokenService& tokens_;
  Outbox& outbox_;
  const Clock& clock_;
};

// The message that carries a code (Vietnamese, short enough for an SMS).
std::string reset_code_text(std::string_view code);

}  // namespace motcua::app
