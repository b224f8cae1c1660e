#pragma once
// The seam between proving who a citizen is and giving them a session (docs/adr: the sign-in
// seam). A sign-in method (the password below; the national e-ID, VNeID over OpenID Connect,
// later) ends with a VerifiedCitizen: the account whose holder has proved their identity and
// how. CitizenSessions::open(verified.account) then makes the session, so a new method adds a
// class and its routes, never touches sessions, pages or access rules.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/password_hasher.h"
#include "app/store.h"
#include "app/web_sessions.h"
#include "core/account.h"
#include "core/result.h"

namespace motcua::app {

// An account whose holder has just proved their identity.
struct VerifiedCitizen {
  core::CitizenAccount account;
  std::string method;  // "password"; "vneid" for the national e-ID
};

// The login key of a typed number in the shared failure counts (WebSessionStore::failures):
// "citizen:" and the number's canonical spelling, so a citizen's failures never share a
// count with a staff username and "0101234567001" counts with "0101234567-001".
std::string citizen_login_key(std::string_view typed_id_number);

// Sign-in with the account's number and password, locked out with back-off after repeated
// failures (core/login_throttle.h).
class PasswordSignIn {
 public:
  PasswordSignIn(Store& store, WebSessionStore& failures, PasswordHasher& hasher,
                 const Clock& clock);

  // kRateLimited while the number is locked; kUnauthenticated for an unknown number and a
  // wrong password alike (the same work is done for both, so neither the answer nor its time
  // says which numbers have accounts). A success clears the failures and writes the audit
  // entry "citizen.sign_in".
  core::Result<VerifiedCitizen> verify(std::string_view id_number, std::string_view password);
  // Until when the number is locked (for Retry-After); empty when it is not locked now.
  core::Result<std::optional<std::chrono::sys_seconds>> locked_until(std::string_view id_number);

 private:
  const std::string& decoy_hash();

  Store& store_;
  WebSessionStore& failures_;
  PasswordHasher& hasher_;
  const Clock& clock_;
  std::once_flag decoy_once_;
  std::string decoy_hash_;  // verified against when the number has no account
};

}  // namespace motcua::app
