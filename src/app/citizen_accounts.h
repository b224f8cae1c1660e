#pragma once
// Portal accounts of citizens and businesses: registration and the account page's changes.
// Refusals come back as field problems (core/account_rules.h) for the page to show next to
// each field; nothing is stored when there is any.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/clock.h"
#include "app/password_hasher.h"
#include "app/store.h"
#include "core/account.h"
#include "core/account_rules.h"
#include "core/result.h"

namespace motcua::app {

struct Registration {
  core::AccountDetails details;
  std::string password;
  std::string password_again;
};

// The problems of a refused request; `error` says what kind of refusal it was.
struct AccountRefusal {
  core::Error error;
  std::vector<core::AccountFieldProblem> problems;
};

template <typename T>
using AccountResult = std::variant<T, AccountRefusal>;

// The password rules of a new password and its repetition (registration, change, reset).
std::vector<core::AccountFieldProblem> new_password_problems(std::string_view password,
                                                             std::string_view again,
                                                             std::string_view id_number);

class CitizenAccounts {
 public:
  CitizenAccounts(Store& store, PasswordHasher& hasher, const Clock& clock);

  // A new account (password hashed with the PasswordHasher) and the audit entry
  // "citizen.register". kInvalidInput with the problems; kConflict (kIdNumberTaken) when the
  // number already has an account.
  AccountResult<core::CitizenAccount> register_account(Registration registration);

  // New phone and e-mail ("citizen.contact_change"); the updated account.
  AccountResult<core::CitizenAccount> change_contact(const core::CitizenAccount& account,
                                                     std::string phone, std::string email);

  // A new password, proved by the current one ("citizen.password_change").
  AccountResult<core::CitizenAccount> change_password(const core::CitizenAccount& account,
                                                      std::string_view current,
                                                      std::string_view password,
                                                      std::string_view again);

 private:
  Store& store_;
  PasswordHasher& hasher_;
  const Clock& clock_;
};

}  // namespace motcua::app
