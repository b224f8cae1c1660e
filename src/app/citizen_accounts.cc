#include "app/citizen_accounts.h"

#include "app/json_object.h"

namespace motcua::app {
namespace {

AccountRefusal refused(std::vector<core::AccountFieldProblem> problems) {
  return {core::Error{core::ErrorKind::kInvalidInput, "the account details are not acceptable"},
          std::move(problems)};
}

AccountRefusal server_error(core::Error error) { return {std::move(error), {}}; }

std::string_view kind_name(core::AccountKind kind) {
  return kind == core::AccountKind::kCitizen ? "citizen" : "business";
}

}  // namespace

std::vector<core::AccountFieldProblem> new_password_problems(std::string_view password,
                                                             std::string_view again,
                                                             std::string_view id_number) {
  std::vector<core::AccountFieldProblem> problems;
  if (std::optional<core::AccountProblem> p = core::password_problem(password, id_number)) {
    problems.push_back({core::AccountField::kPassword, *p});
  } else if (password != again) {
    problems.push_back(
        {core::AccountField::kPasswordAgain, core::AccountProblem::kPasswordsDiffer});
  }
  return problems;
}

CitizenAccounts::CitizenAccounts(Store& store, PasswordHasher& hasher, const Clock& clock)
    : store_(store), hasher_(hasher), clock_(clock) {}

AccountResult<core::CitizenAccount> CitizenAccounts::register_account(Registration registration) {
  core::AccountDetails& details = registration.details;
  std::vector<core::AccountFieldProblem> problems = core::normalise_account_details(details);
  std::vector<core::AccountFieldProblem> password =
      new_password_problems(registration.password, registration.password_again, details.id_number);
  problems.insert(problems.end(), password.begin(), password.end());
  if (!problems.empty()) return refused(std::move(problems));

  core::Result<std::string> hash = hasher_.hash(registration.password);
  if (!hash.ok()) return server_error(hash.error());
  core::CitizenAccount account{.id_number = details.id_number,
                               .full_name = details.full_name,
                               .phone = details.phone,
                               .email = details.email,
                               .password_hash = *hash,
                               .kind = details.kind,
                               .created_at = clock_.now()};
  bool taken = false;
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    auto existing = r.citizens().find_by_id_number(account.id_number);
    if (!existing.ok()) return existing.error();
    if (existing->has_value()) {
      taken = true;
      return core::Error{core::ErrorKind::kConflict, "the ID number already has an account"};
    }
    auto id = r.citizens().create(account);
    if (!id.ok()) return id.error();
    account.id = *id;
    JsonObject after;
    after.add("kind", kind_name(account.kind));
    after.add("id_number", account.id_number);
    after.add("full_name", account.full_name);
    return r.audit().append(AuditEntry{.at = account.created_at,
                                       .actor = "citizen:" + std::to_string(account.id),
                                       .action = "citizen.register",
                                       .entity_type = "citizen",
                                       .entity_id = std::to_string(account.id),
                                       .after = after.str()});
  });
  if (!stored.ok()) {
    // A concurrent registration of the same number loses on the unique key instead.
    if (taken || stored.error().kind == core::ErrorKind::kConflict) {
      return AccountRefusal{
          core::Error{core::ErrorKind::kConflict, "the ID number already has an account"},
          {{core::AccountField::kIdNumber, core::AccountProblem::kIdNumberTaken}}};
    }
    return server_error(stored.error());
  }
  return account;
}

AccountResult<core::CitizenAccount> CitizenAccounts::change_contact(
    const core::CitizenAccount& account, std::string phone, std::string email) {
  std::vector<core::AccountFieldProblem> problems = core::normalise_contact(phone, email);
  if (!problems.empty()) return refused(std::move(problems));
  core::CitizenAccount changed = account;
  changed.phone = phone;
  changed.email = email;
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    if (core::Status s = r.citizens().update_contact(account.id, phone, email); !s.ok()) return s;
    JsonObject before, after;
    before.add("phone", account.phone);
    before.add("email", account.email);
    after.add("phone", phone);
    after.add("email", email);
    return r.audit().append(AuditEntry{.at = clock_.now(),
                                       .actor = "citizen:" + std::to_string(account.id),
                                       .action = "citizen.contact_change",
                                       .entity_type = "citizen",
                                       .entity_id = std::to_string(account.id),
                                       .before = before.str(),
                                       .after = after.str()});
  });
  if (!stored.ok()) return server_error(stored.error());
  return changed;
}

AccountResult<core::CitizenAccount> CitizenAccounts::change_password(
    const core::CitizenAccount& account, std::string_view current, std::string_view password,
    std::string_view again) {
  if (!hasher_.verify(account.password_hash, current)) {
    return refused(
        {{core::AccountField::kCurrentPassword, core::AccountProblem::kCurrentPasswordWrong}});
  }
  std::vector<core::AccountFieldProblem> problems =
      new_password_problems(password, again, account.id_number);
  if (!problems.empty()) return refused(std::move(problems));
  core::Result<std::string> hash = hasher_.hash(password);
  if (!hash.ok()) return server_error(hash.error());
  core::CitizenAccount changed = account;
  changed.password_hash = *hash;
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    if (core::Status s = r.citizens().update_password(account.id, *hash); !s.ok()) return s;
    return r.audit().append(AuditEntry{.at = clock_.now(),
                                       .actor = "citizen:" + std::to_string(account.id),
                                       .action = "citizen.password_change",
                                       .entity_type = "citizen",
                                       .entity_id = std::to_string(account.id)});
  });
  if (!stored.ok()) return server_error(stored.error());
  return changed;
}

}  // namespace motcua::app
