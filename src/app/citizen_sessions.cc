#include "app/citizen_sessions.h"

#include <charconv>

namespace motcua::app {
namespace {

constexpr std::string_view kCitizenPrefix = "citizen:";

core::Error not_signed_in() { return {core::ErrorKind::kUnauthenticated, "not signed in"}; }

}  // namespace

CitizenSessions::CitizenSessions(Store& store, WebSessionStore& sessions, TokenService& tokens,
                                 const Clock& clock)
    : store_(store), sessions_(sessions), tokens_(tokens), clock_(clock) {}

core::Result<CitizenSession> CitizenSessions::open(const core::CitizenAccount& citizen) {
  const auto now = clock_.now();
  CitizenSession session{tokens_.new_token(), tokens_.new_token(), citizen};
  WebSession stored{tokens_.fingerprint(session.token),
                    std::string(kCitizenPrefix) + std::to_string(citizen.id), session.csrf_token,
                    now, now + kIdleLimit};
  if (core::Status created = sessions_.create(stored); !created.ok()) return created.error();
  return session;
}

core::Result<CitizenSession> CitizenSessions::authenticate(std::string_view token) {
  const auto now = clock_.now();
  std::string fingerprint = tokens_.fingerprint(token);
  core::Result<std::optional<WebSession>> found = sessions_.find(fingerprint, now);
  if (!found.ok()) return found.error();
  if (!found->has_value() || (*found)->principal.rfind(kCitizenPrefix, 0) != 0) {
    return not_signed_in();
  }
  const WebSession& session = **found;
  std::string_view digits = std::string_view(session.principal).substr(kCitizenPrefix.size());
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size()) return not_signed_in();
  std::optional<core::CitizenAccount> citizen;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    auto account = r.citizens().find_by_id(id);
    if (!account.ok()) return account.error();
    citizen = *account;
    return {};
  });
  if (!read.ok()) return read.error();
  if (!citizen) return not_signed_in();
  if (session.expires_at - now < kIdleLimit - std::chrono::minutes(1)) {
    if (core::Status extended = sessions_.extend(fingerprint, now + kIdleLimit); !extended.ok()) {
      return extended.error();
    }
  }
  return CitizenSession{std::string(token), session.csrf_token, std::move(*citizen)};
}

core::Status CitizenSessions::close(std::string_view token) {
  return sessions_.remove(tokens_.fingerprint(token));
}

}  // namespace motcua::app
