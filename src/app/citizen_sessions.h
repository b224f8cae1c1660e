#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/store.h"
#include "app/token_service.h"
#include "app/web_sessions.h"
#include "core/account.h"
#include "core/result.h"

namespace motcua::app {

// A citizen's or business's browser on the portal after sign-in: the cookie token (given to the
// browser once, stored only as a fingerprint), the CSRF token its forms must echo, the account.
struct CitizenSession {
  std::string token;
  std::string csrf_token;
  core::CitizenAccount citizen;
};

// Portal sessions of citizen accounts. Whatever proved who the citizen is (a password today,
// the national e-ID over OpenID Connect later) ends here: `open` is the one door to a session,
// so a new sign-in method never touches sessions, pages or access rules. Sessions slide like
// the console's (each use within the idle limit pushes the expiry, at most once a minute).
class CitizenSessions {
 public:
  static constexpr std::chrono::hours kIdleLimit{2};

  CitizenSessions(Store& store, WebSessionStore& sessions, TokenService& tokens,
                  const Clock& clock);

  // A new session for an account whose identity has been proved.
  core::Result<CitizenSession> open(const core::CitizenAccount& citizen);
  // kUnauthenticated when the token is unknown, expired, a staff session, or its account is
  // gone. The returned token is the one passed in.
  core::Result<CitizenSession> authenticate(std::string_view token);
  core::Status close(std::string_view token);

 private:
  Store& store_;
  WebSessionStore& sessions_;
  TokenService& tokens_;
  const Clock& clock_;
};

}  // namespace motcua::app
