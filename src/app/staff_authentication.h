#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/password_hasher.h"
#include "app/store.h"
#include "app/token_service.h"
#include "app/web_sessions.h"
#include "core/account.h"
#include "core/result.h"

namespace motcua::app {

// A staff member's browser after sign-in: the cookie token (given to the browser once, stored
// only as a fingerprint) and the CSRF token its forms must echo.
struct StaffSession {
  std::string token;
  std::string csrf_token;
  core::StaffMember staff;
};

// Sign-in, session lookup and sign-out for the console. Sessions slide: each use within the
// idle limit pushes the expiry forward (at most once a minute, to spare the database).
class StaffAuthentication {
 public:
  static constexpr std::chrono::hours kIdleLimit{8};

  StaffAuthentication(Store& store, WebSessionStore& sessions, PasswordHasher& hasher,
                      TokenService& tokens, const Clock& clock);

  // kRateLimited while the login is locked (too many failures: core/login_throttle.h);
  // kUnauthenticated for a wrong password, an unknown or inactive user — one message for all,
  // so the answer does not reveal which logins exist.
  core::Result<StaffSession> sign_in(std::string_view username, std::string_view password);
  // Until when `username` is locked out (for a Retry-After answer); empty when it is not
  // locked now.
  core::Result<std::optional<std::chrono::sys_seconds>> locked_until(std::string_view username);
  // The session and its staff member; kUnauthenticated when the token is unknown, expired,
  // or its staff member is gone or inactive. The returned token is the one passed in.
  core::Result<StaffSession> authenticate(std::string_view token);
  core::Status sign_out(std::string_view token);

 private:
  Store& store_;
  WebSessionStore& sessions_;
  PasswordHasher& hasher_;
  TokenService& tokens_;
  const Clock& clock_;
};

}  // namespace motcua::app
