#include "app/staff_authentication.h"

#include <charconv>

#include "core/login_throttle.h"

namespace motcua::app {
namespace {

constexpr std::string_view kStaffPrefix = "staff:";

core::Error wrong_credentials() {
  return {core::ErrorKind::kUnauthenticated, "wrong username or password"};
}

core::Result<std::optional<core::StaffMember>> find_staff(Store& store, std::string_view username,
                                                          std::int64_t id) {
  std::optional<core::StaffMember> found;
  core::Status read = store.read([&](Repositories& r) -> core::Status {
    auto staff = username.empty() ? r.staff().find_by_id(id) : r.staff().find_by_username(username);
    if (!staff.ok()) return staff.error();
    found = staff.value();
    return {};
  });
  if (!read.ok()) return read.error();
  return found;
}

}  // namespace

StaffAuthentication::StaffAuthentication(Store& store, WebSessionStore& sessions,
                                         PasswordHasher& hasher, TokenService& tokens,
                                         const Clock& clock)
    : store_(store), sessions_(sessions), hasher_(hasher), tokens_(tokens), clock_(clock) {}

core::Result<StaffSession> StaffAuthentication::sign_in(std::string_view username,
                                                        std::string_view password) {
  const auto now = clock_.now();
  core::Result<LoginFailures> failures = sessions_.failures(username);
  if (!failures.ok()) return failures.error();
  if (failures->locked_until && *failures->locked_until > now) {
    return core::Error{core::ErrorKind::kRateLimited,
                       "too many failed sign-ins; try again in a few minutes"};
  }
  core::Result<std::optional<core::StaffMember>> staff = find_staff(store_, username, 0);
  if (!staff.ok()) return staff.error();
  bool good =
      staff->has_value() && (*staff)->active && hasher_.verify((*staff)->password_hash, password);
  if (!good) {
    core::Status recorded =
        sessions_.record_failure(username, core::lock_after_failure(failures->count + 1, now));
    if (!recorded.ok()) return recorded.error();
    return wrong_credentials();
  }
  if (core::Status cleared = sessions_.clear_failures(username); !cleared.ok()) {
    return cleared.error();
  }
  StaffSession session{tokens_.new_token(), tokens_.new_token(), **staff};
  WebSession stored{tokens_.fingerprint(session.token),
                    std::string(kStaffPrefix) + std::to_string(session.staff.id),
                    session.csrf_token, now, now + kIdleLimit};
  if (core::Status created = sessions_.create(stored); !created.ok()) return created.error();
  return session;
}

core::Result<std::optional<std::chrono::sys_seconds>> StaffAuthentication::locked_until(
    std::string_view username) {
  core::Result<LoginFailures> failures = sessions_.failures(username);
  if (!failures.ok()) return failures.error();
  if (failures->locked_until && *failures->locked_until > clock_.now()) {
    return failures->locked_until;
  }
  return std::optional<std::chrono::sys_seconds>{};
}

core::Result<StaffSession> StaffAuthentication::authenticate(std::string_view token) {
  const auto now = clock_.now();
  std::string fingerprint = tokens_.fingerprint(token);
  core::Result<std::optional<WebSession>> found = sessions_.find(fingerprint, now);
  if (!found.ok()) return found.error();
  if (!found->has_value() || (*found)->principal.rfind(kStaffPrefix, 0) != 0) {
    return core::Error{core::ErrorKind::kUnauthenticated, "not signed in"};
  }
  const WebSession& session = **found;
  std::int64_t id = 0;
  std::string_view digits = std::string_view(session.principal).substr(kStaffPrefix.size());
  std::from_chars(digits.data(), digits.data() + digits.size(), id);
  core::Result<std::optional<core::StaffMember>> staff = find_staff(store_, "", id);
  if (!staff.ok()) return staff.error();
  if (!staff->has_value() || !(*staff)->active) {
    return core::Error{core::ErrorKind::kUnauthenticated, "not signed in"};
  }
  if (session.expires_at - now < kIdleLimit - std::chrono::minutes(1)) {
    if (core::Status extended = sessions_.extend(fingerprint, now + kIdleLimit); !extended.ok()) {
      return extended.error();
    }
  }
  return StaffSession{std::string(token), session.csrf_token, **staff};
}

core::Status StaffAuthentication::sign_out(std::string_view token) {
  return sessions_.remove(tokens_.fingerprint(token));
}

}  // namespace motcua::app
