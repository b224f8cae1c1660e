#include "app/password_reset.h"

#include "app/citizen_sign_in.h"
#include "core/account_rules.h"

namespace motcua::app {
namespace {

AccountRefusal code_invalid() {
  return {core::Error{core::ErrorKind::kInvalidInput, "the reset code is not valid"},
          {{core::AccountField::kCode, core::AccountProblem::kCodeInvalid}}};
}

AuditEntry citizen_audit(std::int64_t id, std::chrono::sys_seconds at, std::string action) {
  return AuditEntry{.at = at,
                    .actor = "citizen:" + std::to_string(id),
                    .action = std::move(action),
                    .entity_type = "citizen",
                    .entity_id = std::to_string(id)};
}

}  // namespace

std::string reset_code_text(std::string_view code) {
  return "Mã xác nhận đặt lại mật khẩu tài khoản Cổng dịch vụ công của bạn là " +
         std::string(code) + ". Mã có hiệu lực trong 15 phút và chỉ dùng được một lần. " +
         "Không chia sẻ mã này cho bất kỳ ai.";
}

PasswordReset::PasswordReset(Store& store, WebSessionStore& failures, PasswordHasher& hasher,
                             TokenService& tokens, Outbox& outbox, const Clock& clock)
    : store_(store),
      failures_(failures),
      hasher_(hasher),
      tokens_(tokens),
      outbox_(outbox),
      clock_(clock) {}

core::Status PasswordReset::request(std::string_view id_number) {
  const auto now = clock_.now();
  // Made and hashed whether or not the number has an account, so the answer takes as long.
  std::string code = tokens_.new_digits(kCodeDigits);
  core::Result<std::string> hash = hasher_.hash(code);
  if (!hash.ok()) return hash.error();
  std::optional<core::CitizenAccount> send_to;
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    auto account = r.citizens().find_by_id_number(core::account_lookup_id(id_number));
    if (!account.ok()) return account.error();
    if (!account->has_value()) return {};
    const core::CitizenAccount& a = **account;
    auto recent = r.citizens().reset_codes_since(a.id, now - std::chrono::hours(1));
    if (!recent.ok()) return recent.error();
    if (*recent >= kCodesPerHour) return {};
    auto id = r.citizens().add_reset_code(PasswordResetCode{.citizen_id = a.id,
                                                            .code_hash = *hash,
                                                            .created_at = now,
                                                            .expires_at = now + kCodeLifetime});
    if (!id.ok()) return id.error();
    send_to = a;
    return r.audit().append(citizen_audit(a.id, now, "citizen.password_reset_request"));
  });
  if (!stored.ok()) return stored;
  if (!send_to) return {};
  return outbox_.send(OutboxMessage{send_to->email, send_to->phone, "Mã xác nhận đặt lại mật khẩu",
                                    reset_code_text(code)});
}

AccountResult<core::CitizenAccount> PasswordReset::reset(std::string_view id_number,
                                                         std::string_view code,
                                                         std::string_view password,
                                                         std::string_view again) {
  const auto now = clock_.now();
  const std::string lookup = core::account_lookup_id(id_number);
  std::vector<core::AccountFieldProblem> problems = new_password_problems(password, again, lookup);
  if (!problems.empty()) {
    return AccountRefusal{core::Error{core::ErrorKind::kInvalidInput, "unacceptable password"},
                          std::move(problems)};
  }
  std::optional<core::CitizenAccount> account;
  std::optional<PasswordResetCode> live;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    auto found = r.citizens().find_by_id_number(lookup);
    if (!found.ok()) return found.error();
    account = *found;
    if (!account) return {};
    auto current = r.citizens().current_reset_code(account->id);
    if (!current.ok()) return current.error();
    live = *current;
    return {};
  });
  if (!read.ok()) return AccountRefusal{read.error(), {}};
  if (!account || !live || live->expires_at <= now || live->attempts >= kMaxTries) {
    return code_invalid();
  }
  if (!hasher_.verify(live->code_hash, code)) {
    core::Status counted = store_.transact(
        [&](Repositories& r) { return r.citizens().count_reset_attempt(live->id); });
    if (!counted.ok()) return AccountRefusal{counted.error(), {}};
    return code_invalid();
  }
  core::Result<std::string> hash = hasher_.hash(password);
  if (!hash.ok()) return AccountRefusal{hash.error(), {}};
  bool raced = false;
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    // The code must still be the live one: two resets with one code cannot both pass.
    auto current = r.citizens().current_reset_code(account->id);
    if (!current.ok()) return current.error();
    if (!current->has_value() || (*current)->id != live->id) {
      raced = true;
      return core::Error{core::ErrorKind::kConflict, "the code was used meanwhile"};
    }
    if (core::Status s = r.citizens().use_reset_code(live->id); !s.ok()) return s;
    if (core::Status s = r.citizens().update_password(account->id, *hash); !s.ok()) return s;
    return r.audit().append(citizen_audit(account->id, now, "citizen.password_reset"));
  });
  if (raced) return code_invalid();
  if (!stored.ok()) return AccountRefusal{stored.error(), {}};
  if (core::Status cleared = failures_.clear_failures(citizen_login_key(lookup)); !cleared.ok()) {
    return AccountRefusal{cleared.error(), {}};
  }
  account->password_hash = *hash;
  return std::move(*account);
}

}  // namespace motcua::app
