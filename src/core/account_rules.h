#pragma once
// What a portal account's details must look like (registration, the account page, password
// reset). Pure rules: the use cases in app/citizen_accounts.h apply them and the pages say
// each problem next to its field.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"

namespace motcua::core {

enum class AccountField {
  kKind,
  kIdNumber,
  kFullName,
  kPhone,
  kEmail,
  kPassword,
  kPasswordAgain,
  kCurrentPassword,
  kCode
};

enum class AccountProblem {
  kCitizenIdShape,  // a person's number must be a CCCD (12 digits)
  kTaxCodeShape,    // a business's number must be an MST (10 digits, or 13 for a branch)
  kIdNumberTaken,   // the number already has an account
  kRequired,        // empty
  kNotText,         // not valid UTF-8
  kPhoneShape,      // core/contact_details.h
  kEmailShape,
  kPasswordTooShort,      // fewer than kMinPasswordLength characters
  kPasswordIsIdNumber,    // the account's own number
  kPasswordOneCharacter,  // "aaaaaaaa"
  kPasswordsDiffer,       // the repeated password is not the same
  kCurrentPasswordWrong,  // changing the password needs the current one
  kCodeInvalid,           // reset code wrong, expired, used up or unknown: one answer for all
};

struct AccountFieldProblem {
  AccountField field;
  AccountProblem problem;
  bool operator==(const AccountFieldProblem&) const = default;
};

// Characters (code points), not bytes.
inline constexpr std::size_t kMinPasswordLength = 8;

// The stored spelling of a typed number for an account of `kind` (spaces removed, a branch
// MST hyphenated: core::canonical_personal_id); nothing when the number is not of the kind's
// shape (a CCCD for a person; an MST for a business).
std::optional<std::string> canonical_account_id(AccountKind kind, std::string_view typed);

// The spelling to look an account up by, whatever its kind: the canonical one when the typed
// text is a CCCD or an MST, else the text without spaces (which matches no account).
std::string account_lookup_id(std::string_view typed);

// The password policy: at least kMinPasswordLength characters, not the account's number (in
// any of its spellings), not one character repeated. Nothing when the password is acceptable.
std::optional<AccountProblem> password_problem(std::string_view password,
                                               std::string_view id_number);

// The details of an account as typed; normalise_account_details puts them in stored form.
struct AccountDetails {
  AccountKind kind = AccountKind::kCitizen;
  std::string id_number;
  std::string full_name;
  std::string phone;
  std::string email;
};

// Checks and normalises `details` in place: the number canonical, the name NFC and trimmed
// (required), the phone (required) and e-mail (optional) trimmed and of a plausible shape.
// Returns every problem found, in field order; empty when all is well.
std::vector<AccountFieldProblem> normalise_account_details(AccountDetails& details);

// The contact details alone (the account page): phone required, e-mail optional.
std::vector<AccountFieldProblem> normalise_contact(std::string& phone, std::string& email);

}  // namespace motcua::core
