#include "app/citizen_sign_in.h"

#include "core/account_rules.h"
#include "core/login_throttle.h"

namespace motcua::app {

std::string citizen_login_key(std::string_view typed_id_number) {
  return "citizen:" + core::account_lookup_id(typed_id_number);
}

PasswordSignIn::PasswordSignIn(Store& store, WebSessionStore& failures, PasswordHasher& hasher,
                               const Clock& clock)
    : store_(store), failures_(failures), hasher_(hasher), clock_(clock) {}

const std::string& PasswordSignIn::decoy_hash() {
  std::call_once(decoy_once_, [this] {
    core::Result<std::string> hash = hasher_.hash("motcua: no such account");
    if (hash.ok()) decoy_hash_ = *hash;
  });
  return decoy_hash_;
}

core::Result<VerifiedCitizen> PasswordSignIn::verify(std::string_view id_number,
                                                     std::string_view password) {
  const auto now = clock_.now();
  const std::string login = citizen_login_key(id_number);
  core::Result<LoginFailures> failures = failures_.failures(login);
  if (!failures.ok()) return failures.error();
  if (failures->locked_until && *failures->locked_until > now) {
    return core::Error{core::ErrorKind::kRateLimited,
                       "too many failed sign-ins; try again in a few minutes"};
  }
  std::optional<core::CitizenAccount> account;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    auto found = r.citizens().find_by_id_number(core::account_lookup_id(id_number));
    if (!found.ok()) return found.error();
    account = *found;
    return {};
  });
  if (!read.ok()) return read.error();
  bool good = account ? hasher_.verify(account->password_hash, password)
                      : (hasher_.verify(decoy_hash(), password), false);
  if (!good) {
    core::Status recorded =
        failures_.record_failure(login, core::lock_after_failure(failures->count + 1, now));
    if (!recorded.ok()) return recorded.error();
    return core::Error{core::ErrorKind::kUnauthenticated, "wrong ID number or password"};
  }
  if (core::Status cleared = failures_.clear_failures(login); !cleared.ok()) return cleared.error();
  core::Status audited = store_.transact([&](Repositories& r) {
    return r.audit().append(AuditEntry{.at = now,
                                       .actor = "citizen:" + std::to_string(account->id),
                                       .action = "citizen.sign_in",
                                       .entity_type = "citizen",
                                       .entity_id = std::to_string(account->id),
                                       .after = R"({"method":"password"})"});
  });
  if (!audited.ok()) return audited.error();
  return VerifiedCitizen{std::move(*account), "password"};
}

core::Result<std::optional<std::chrono::sys_seconds>> PasswordSignIn::locked_until(
    std::string_view id_number) {
  core::Result<LoginFailures> failures = failures_.failures(citizen_login_key(id_number));
  if (!failures.ok()) return failures.error();
  if (failures->locked_until && *failures->locked_until > clock_.now()) {
    return failures->locked_until;
  }
  return std::optional<std::chrono::sys_seconds>{};
}

}  // namespace motcua::app
