#include "core/account_rules.h"

#include "core/contact_details.h"
#include "core/personal_id.h"
#include "core/vietnamese_text.h"

namespace motcua::core {
namespace {

std::string trim(std::string_view text) {
  const char* spaces = " \t\r\n";
  std::size_t first = text.find_first_not_of(spaces);
  if (first == std::string_view::npos) return {};
  std::size_t last = text.find_last_not_of(spaces);
  return std::string(text.substr(first, last - first + 1));
}

// The code points of valid UTF-8 text (continuation bytes are not counted).
std::vector<std::string_view> characters(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      out.push_back(text.substr(start, i - start));
      start = i;
    }
  }
  return out;
}

std::string without(std::string_view text, char drop) {
  std::string out;
  for (char c : text) {
    if (c != drop) out += c;
  }
  return out;
}

}  // namespace

std::optional<std::string> canonical_account_id(AccountKind kind, std::string_view typed) {
  Result<PersonalId> id = parse_personal_id(trim(typed));
  if (!id.ok()) return std::nullopt;
  PersonalIdKind wanted =
      kind == AccountKind::kCitizen ? PersonalIdKind::kCitizenId : PersonalIdKind::kTaxCode;
  if (id->kind != wanted) return std::nullopt;
  return canonical_personal_id(*id);
}

std::string account_lookup_id(std::string_view typed) {
  for (AccountKind kind : {AccountKind::kCitizen, AccountKind::kBusiness}) {
    if (std::optional<std::string> id = canonical_account_id(kind, typed)) return *id;
  }
  return without(trim(typed), ' ');
}

std::optional<AccountProblem> password_problem(std::string_view password,
                                               std::string_view id_number) {
  std::vector<std::string_view> chars = characters(password);
  if (chars.size() < kMinPasswordLength) return AccountProblem::kPasswordTooShort;
  std::string bare = without(without(password, ' '), '-');
  if (!id_number.empty() && (password == id_number || bare == without(id_number, '-'))) {
    return AccountProblem::kPasswordIsIdNumber;
  }
  bool one = true;
  for (std::string_view c : chars) one = one && c == chars.front();
  if (one) return AccountProblem::kPasswordOneCharacter;
  return std::nullopt;
}

std::vector<AccountFieldProblem> normalise_contact(std::string& phone, std::string& email) {
  std::vector<AccountFieldProblem> problems;
  phone = trim(phone);
  email = trim(email);
  if (phone.empty()) {
    problems.push_back({AccountField::kPhone, AccountProblem::kRequired});
  } else if (!looks_like_phone(phone)) {
    problems.push_back({AccountField::kPhone, AccountProblem::kPhoneShape});
  }
  if (!email.empty() && !looks_like_email(email)) {
    problems.push_back({AccountField::kEmail, AccountProblem::kEmailShape});
  }
  return problems;
}

std::vector<AccountFieldProblem> normalise_account_details(AccountDetails& details) {
  std::vector<AccountFieldProblem> problems;
  std::string typed_id = trim(details.id_number);
  if (typed_id.empty()) {
    problems.push_back({AccountField::kIdNumber, AccountProblem::kRequired});
  } else if (std::optional<std::string> id = canonical_account_id(details.kind, typed_id)) {
    details.id_number = *id;
  } else {
    problems.push_back({AccountField::kIdNumber, details.kind == AccountKind::kCitizen
                                                     ? AccountProblem::kCitizenIdShape
                                                     : AccountProblem::kTaxCodeShape});
  }
  if (Result<std::string> name = to_nfc(details.full_name); !name.ok()) {
    problems.push_back({AccountField::kFullName, AccountProblem::kNotText});
  } else {
    details.full_name = trim(*name);
    if (details.full_name.empty()) {
      problems.push_back({AccountField::kFullName, AccountProblem::kRequired});
    }
  }
  std::vector<AccountFieldProblem> contact = normalise_contact(details.phone, details.email);
  problems.insert(problems.end(), contact.begin(), contact.end());
  return problems;
}

}  // namespace motcua::core
