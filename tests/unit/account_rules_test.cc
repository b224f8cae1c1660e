#include "core/account_rules.h"

#include <gtest/gtest.h>

#include "core/contact_details.h"

namespace motcua::core {
namespace {

TEST(AccountRules, APersonIsKeyedByACccdAndABusinessByAnMst) {
  EXPECT_EQ(canonical_account_id(AccountKind::kCitizen, " 062 190 008 870 "), "062190008870");
  EXPECT_FALSE(canonical_account_id(AccountKind::kCitizen, "0101234567"));
  EXPECT_FALSE(canonical_account_id(AccountKind::kCitizen, "123458870")) << "old CMND";
  EXPECT_EQ(canonical_account_id(AccountKind::kBusiness, "0101234567"), "0101234567");
  EXPECT_EQ(canonical_account_id(AccountKind::kBusiness, "0101234567001"), "0101234567-001");
  EXPECT_EQ(canonical_account_id(AccountKind::kBusiness, "0101234567-001"), "0101234567-001");
  EXPECT_FALSE(canonical_account_id(AccountKind::kBusiness, "0101234567-000"));
  EXPECT_FALSE(canonical_account_id(AccountKind::kBusiness, "062190008870"));
}

TEST(AccountRules, LookupIdFindsEitherKindAndLeavesOtherTextAlone) {
  EXPECT_EQ(account_lookup_id("062 190 008 870"), "062190008870");
  EXPECT_EQ(account_lookup_id("0101234567001"), "0101234567-001");
  EXPECT_EQ(account_lookup_id(" abc def "), "abcdef");
}

TEST(AccountRules, PasswordPolicy) {
  EXPECT_EQ(password_problem("ngan", "062190008870"), AccountProblem::kPasswordTooShort);
  // Characters, not bytes: "mậtkhẩu" is 7 characters in 11 bytes.
  EXPECT_EQ(password_problem("mậtkhẩu", ""), AccountProblem::kPasswordTooShort);
  EXPECT_EQ(password_problem("mậtkhẩu1", ""), std::nullopt);
  EXPECT_EQ(password_problem("062190008870", "062190008870"), AccountProblem::kPasswordIsIdNumber);
  EXPECT_EQ(password_problem("0101234567001", "0101234567-001"),
            AccountProblem::kPasswordIsIdNumber);
  EXPECT_EQ(password_problem("aaaaaaaaaa", ""), AccountProblem::kPasswordOneCharacter);
  EXPECT_EQ(password_problem("ảảảảảảảả", ""), AccountProblem::kPasswordOneCharacter);
  EXPECT_EQ(password_problem("motcua-demo", "062190008870"), std::nullopt);
}

TEST(AccountRules, DetailsAreNormalisedOrEveryProblemSaid) {
  AccountDetails good{AccountKind::kBusiness, "0101234567001", "  Co\xCC\x82ng ty Vo\xCC\x83  ",
                      " 0905 123 870 ", ""};
  EXPECT_TRUE(normalise_account_details(good).empty());
  EXPECT_EQ(good.id_number, "0101234567-001");
  EXPECT_EQ(good.phone, "0905 123 870");
  EXPECT_EQ(good.full_name, "Công ty Võ") << "trimmed, in NFC";

  AccountDetails bad{AccountKind::kCitizen, "", " ", "12", "a@b"};
  EXPECT_EQ(
      normalise_account_details(bad),
      (std::vector<AccountFieldProblem>{{AccountField::kIdNumber, AccountProblem::kRequired},
                                        {AccountField::kFullName, AccountProblem::kRequired},
                                        {AccountField::kPhone, AccountProblem::kPhoneShape},
                                        {AccountField::kEmail, AccountProblem::kEmailShape}}));
  AccountDetails no_phone{AccountKind::kCitizen, "0101234567", "\xFF", "", "gia@example.vn"};
  EXPECT_EQ(
      normalise_account_details(no_phone),
      (std::vector<AccountFieldProblem>{{AccountField::kIdNumber, AccountProblem::kCitizenIdShape},
                                        {AccountField::kFullName, AccountProblem::kNotText},
                                        {AccountField::kPhone, AccountProblem::kRequired}}));
}

TEST(ContactDetails, ShapesOfPhonesAndEmails) {
  EXPECT_TRUE(looks_like_phone("0905123870"));
  EXPECT_TRUE(looks_like_phone("+84 905.123-870"));
  EXPECT_FALSE(looks_like_phone("0905a23870"));
  EXPECT_FALSE(looks_like_phone("1234567"));
  EXPECT_FALSE(looks_like_phone("84+905123870"));
  EXPECT_TRUE(looks_like_email("gia@example.vn"));
  EXPECT_FALSE(looks_like_email("gia@example"));
  EXPECT_FALSE(looks_like_email("gia @example.vn"));
  EXPECT_FALSE(looks_like_email("a@b@example.vn"));
}

}  // namespace
}  // namespace motcua::core
