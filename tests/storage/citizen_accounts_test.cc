// Portal accounts on both engines: the repository's new columns and reset codes, and the use
// cases over them (registration, password sign-in with lockout, password reset).
#include <gtest/gtest.h>

#include "../fakes/capturing_outbox.h"
#include "../fakes/fake_clock.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/security/sodium_token_service.h"
#include "adapters/storage/open_store.h"
#include "app/citizen_accounts.h"
#include "app/citizen_sign_in.h"
#include "app/password_reset.h"
#include "core/login_throttle.h"
#include "fixtures.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using core::AccountField;
using core::AccountProblem;
using core::ErrorKind;
using namespace std::chrono_literals;

class CitizenAccountsStorage : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    (void)store();
    sessions_ = std::move(adapters::storage::open_web_session_store(url())).value();
  }

  app::Registration registration(std::string id = "062190008870",
                                 core::AccountKind kind = core::AccountKind::kCitizen) {
    return {{kind, std::move(id), "Võ Đặng Ngọc Giả", "0886650748", "gia@example.vn"},
            "mat-khau-2024",
            "mat-khau-2024"};
  }

  core::CitizenAccount registered(std::string id = "062190008870") {
    auto made = accounts().register_account(registration(std::move(id)));
    EXPECT_TRUE(std::holds_alternative<core::CitizenAccount>(made));
    return std::get<core::CitizenAccount>(made);
  }

  std::optional<core::CitizenAccount> find(std::string_view id_number) {
    std::optional<core::CitizenAccount> out;
    core::Status s = store().read([&](app::Repositories& r) -> core::Status {
      auto found = r.citizens().find_by_id_number(id_number);
      if (!found.ok()) return found.error();
      out = *found;
      return {};
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  std::vector<std::string> audit_actions(std::int64_t id) {
    std::vector<std::string> out;
    core::Status s = store().read([&](app::Repositories& r) -> core::Status {
      auto entries = r.audit().for_entity("citizen", std::to_string(id));
      if (!entries.ok()) return entries.error();
      for (const auto& e : *entries) out.push_back(e.action);
      return {};
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  adapters::security::Argon2PasswordHasher hasher_{adapters::security::Argon2Cost::fast()};
  adapters::security::SodiumTokenService tokens_;
  FakeClock clock_{guide_reception()};
  CapturingOutbox outbox_;
  std::unique_ptr<app::WebSessionStore> sessions_;
  std::unique_ptr<app::PasswordSignIn> sign_in_;  // made on first use, after SetUp
  app::CitizenAccounts accounts() { return {store(), hasher_, clock_}; }
  app::PasswordSignIn& password_sign_in() {
    if (!sign_in_) {
      sign_in_ = std::make_unique<app::PasswordSignIn>(store(), *sessions_, hasher_, clock_);
    }
    return *sign_in_;
  }
  app::PasswordReset reset() {
    return app::PasswordReset(store(), *sessions_, hasher_, tokens_, outbox_, clock_);
  }
};

TEST_P(CitizenAccountsStorage, RepositoryKeepsKindCreationTimeAndContactChanges) {
  core::CitizenAccount business{.id_number = "0101234567-001",
                                .full_name = "Công ty TNHH Một Cửa",
                                .phone = "02603862222",
                                .email = "",
                                .password_hash = "$argon2id$x",
                                .kind = core::AccountKind::kBusiness,
                                .created_at = guide_reception()};
  core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
    auto id = r.citizens().create(business);
    if (!id.ok()) return id.error();
    business.id = *id;
    if (auto c = r.citizens().update_contact(*id, "0905000111", "cty@example.vn"); !c.ok())
      return c;
    if (auto p = r.citizens().update_password(*id, "$argon2id$y"); !p.ok()) return p;
    EXPECT_EQ(r.citizens().update_password(*id + 99, "h").error().kind, ErrorKind::kNotFound);
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  std::optional<core::CitizenAccount> found = find("0101234567-001");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->kind, core::AccountKind::kBusiness);
  EXPECT_EQ(found->created_at, guide_reception());
  EXPECT_EQ(found->phone, "0905000111");
  EXPECT_EQ(found->email, "cty@example.vn");
  EXPECT_EQ(found->password_hash, "$argon2id$y");
}

TEST_P(CitizenAccountsStorage, OnlyTheNewestResetCodeIsLiveAndTriesAreCounted) {
  core::CitizenAccount a = registered();
  app::PasswordResetCode first{.citizen_id = a.id,
                               .code_hash = "h1",
                               .created_at = guide_reception(),
                               .expires_at = guide_reception() + 15min};
  core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
    auto one = r.citizens().add_reset_code(first);
    if (!one.ok()) return one.error();
    app::PasswordResetCode second = first;
    second.code_hash = "h2";
    second.created_at += 1min;
    auto two = r.citizens().add_reset_code(second);
    if (!two.ok()) return two.error();
    auto live = r.citizens().current_reset_code(a.id);
    EXPECT_EQ(live.value()->code_hash, "h2");
    EXPECT_EQ(live.value()->expires_at, guide_reception() + 15min);
    EXPECT_EQ(r.citizens().reset_codes_since(a.id, guide_reception()).value(), 2);
    EXPECT_EQ(r.citizens().reset_codes_since(a.id, guide_reception() + 1min).value(), 1);
    if (auto c = r.citizens().count_reset_attempt(*two); !c.ok()) return c;
    if (auto c = r.citizens().count_reset_attempt(*two); !c.ok()) return c;
    EXPECT_EQ(r.citizens().current_reset_code(a.id).value()->attempts, 2);
    if (auto u = r.citizens().use_reset_code(*two); !u.ok()) return u;
    EXPECT_FALSE(r.citizens().current_reset_code(a.id).value().has_value());
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

TEST_P(CitizenAccountsStorage, RegistrationStoresTheCanonicalNumberAndRefusesASecond) {
  auto made =
      accounts().register_account(registration("0101234567001", core::AccountKind::kBusiness));
  ASSERT_TRUE(std::holds_alternative<core::CitizenAccount>(made));
  const auto& account = std::get<core::CitizenAccount>(made);
  EXPECT_EQ(account.id_number, "0101234567-001");
  EXPECT_TRUE(hasher_.verify(account.password_hash, "mat-khau-2024"));
  EXPECT_EQ(find("0101234567-001")->created_at, guide_reception());
  EXPECT_EQ(audit_actions(account.id), std::vector<std::string>{"citizen.register"});

  auto again =
      accounts().register_account(registration("0101234567-001", core::AccountKind::kBusiness));
  ASSERT_TRUE(std::holds_alternative<app::AccountRefusal>(again));
  const auto& refusal = std::get<app::AccountRefusal>(again);
  EXPECT_EQ(refusal.error.kind, ErrorKind::kConflict);
  EXPECT_EQ(refusal.problems, (std::vector<core::AccountFieldProblem>{
                                  {AccountField::kIdNumber, AccountProblem::kIdNumberTaken}}));
}

TEST_P(CitizenAccountsStorage, BadDetailsStoreNothing) {
  app::Registration bad = registration("0101234567");  // an MST for a person
  bad.details.full_name = "   ";
  bad.password_again = "khac-hoan-toan";
  auto refused = accounts().register_account(bad);
  ASSERT_TRUE(std::holds_alternative<app::AccountRefusal>(refused));
  EXPECT_EQ(std::get<app::AccountRefusal>(refused).problems,
            (std::vector<core::AccountFieldProblem>{
                {AccountField::kIdNumber, AccountProblem::kCitizenIdShape},
                {AccountField::kFullName, AccountProblem::kRequired},
                {AccountField::kPasswordAgain, AccountProblem::kPasswordsDiffer}}));
  EXPECT_FALSE(find("0101234567"));
}

TEST_P(CitizenAccountsStorage, PasswordSignInLocksOutWithBackOffAndOneMessage) {
  registered();
  auto good = password_sign_in().verify("062 190 008 870", "mat-khau-2024");
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good->method, "password");
  EXPECT_EQ(password_sign_in().verify("062190008870", "sai").error().kind,
            ErrorKind::kUnauthenticated);
  EXPECT_EQ(password_sign_in().verify("079000000000", "sai").error().kind,
            ErrorKind::kUnauthenticated);
  for (std::int64_t i = 1; i <= core::kFreeAttempts; ++i) {
    (void)password_sign_in().verify("062190008870", "sai");
  }
  auto locked = password_sign_in().verify("062190008870", "mat-khau-2024");
  EXPECT_EQ(locked.error().kind, ErrorKind::kRateLimited);
  EXPECT_EQ(password_sign_in().locked_until("062190008870").value(), guide_reception() + 1min);
  // A staff member named like the key's number is not locked with it.
  EXPECT_EQ(sessions_->failures("062190008870").value().count, 0);
  EXPECT_EQ(sessions_->failures("citizen:062190008870").value().count, core::kFreeAttempts);
  clock_.advance(61s);
  EXPECT_TRUE(password_sign_in().verify("062190008870", "mat-khau-2024").ok());
}

TEST_P(CitizenAccountsStorage, ResetCodeWorksOnceWithinItsLifetimeAndClearsTheLockout) {
  core::CitizenAccount a = registered();
  for (std::int64_t i = 0; i <= core::kFreeAttempts; ++i) {
    (void)password_sign_in().verify("062190008870", "sai");
  }
  ASSERT_TRUE(password_sign_in().locked_until("062190008870").value().has_value());
  ASSERT_TRUE(reset().request("062190008870").ok());
  ASSERT_EQ(outbox_.sent().size(), 1u);
  EXPECT_EQ(outbox_.sent()[0].email, "gia@example.vn");
  EXPECT_EQ(outbox_.sent()[0].phone, "0886650748");
  std::string code = outbox_.last_code();
  ASSERT_EQ(code.size(), 6u);
  std::string wrong = code == "000000" ? "111111" : "000000";

  auto short_password = reset().reset("062190008870", code, "ngan", "ngan");
  EXPECT_EQ(std::get<app::AccountRefusal>(short_password).problems[0].problem,
            AccountProblem::kPasswordTooShort);
  auto bad = reset().reset("062190008870", wrong, "mat-khau-moi", "mat-khau-moi");
  EXPECT_EQ(std::get<app::AccountRefusal>(bad).problems[0].problem, AccountProblem::kCodeInvalid);
  auto good = reset().reset("062190008870", code, "mat-khau-moi", "mat-khau-moi");
  ASSERT_TRUE(std::holds_alternative<core::CitizenAccount>(good));
  EXPECT_FALSE(password_sign_in().locked_until("062190008870").value().has_value());
  EXPECT_TRUE(password_sign_in().verify("062190008870", "mat-khau-moi").ok());
  auto twice = reset().reset("062190008870", code, "mat-khau-khac", "mat-khau-khac");
  EXPECT_EQ(std::get<app::AccountRefusal>(twice).problems[0].problem, AccountProblem::kCodeInvalid);
  auto actions = audit_actions(a.id);
  EXPECT_NE(std::find(actions.begin(), actions.end(), "citizen.password_reset"), actions.end());
}

TEST_P(CitizenAccountsStorage, ResetCodeExpiresAndDiesAfterFiveWrongTries) {
  registered();
  ASSERT_TRUE(reset().request("062190008870").ok());
  std::string code = outbox_.last_code();
  clock_.advance(app::PasswordReset::kCodeLifetime + 1s);
  EXPECT_TRUE(std::holds_alternative<app::AccountRefusal>(
      reset().reset("062190008870", code, "mat-khau-moi", "mat-khau-moi")));

  ASSERT_TRUE(reset().request("062190008870").ok());
  code = outbox_.last_code();
  std::string wrong = code == "000000" ? "111111" : "000000";
  for (std::int64_t i = 0; i < app::PasswordReset::kMaxTries; ++i) {
    (void)reset().reset("062190008870", wrong, "mat-khau-moi", "mat-khau-moi");
  }
  EXPECT_TRUE(std::holds_alternative<app::AccountRefusal>(
      reset().reset("062190008870", code, "mat-khau-moi", "mat-khau-moi")))
      << "the right code after five wrong tries";
}

TEST_P(CitizenAccountsStorage, RequestsSendNothingForUnknownNumbersOrPastTheHourlyLimit) {
  registered();
  EXPECT_TRUE(reset().request("079000000000").ok());
  EXPECT_TRUE(outbox_.sent().empty());
  for (std::int64_t i = 0; i < app::PasswordReset::kCodesPerHour + 2; ++i) {
    EXPECT_TRUE(reset().request("062190008870").ok());
  }
  EXPECT_EQ(outbox_.sent().size(), static_cast<std::size_t>(app::PasswordReset::kCodesPerHour));
  clock_.advance(61min);
  EXPECT_TRUE(reset().request("062190008870").ok());
  EXPECT_EQ(outbox_.sent().size(), static_cast<std::size_t>(app::PasswordReset::kCodesPerHour + 1));
}

TEST_P(CitizenAccountsStorage, AccountPageChangesNeedValidDetailsAndTheCurrentPassword) {
  core::CitizenAccount a = registered();
  auto bad = accounts().change_contact(a, "12", "not-an-email");
  EXPECT_EQ(std::get<app::AccountRefusal>(bad).problems.size(), 2u);
  auto changed = accounts().change_contact(a, " 0905 111 222 ", "");
  ASSERT_TRUE(std::holds_alternative<core::CitizenAccount>(changed));
  EXPECT_EQ(find("062190008870")->phone, "0905 111 222");
  EXPECT_EQ(find("062190008870")->email, "");

  auto wrong = accounts().change_password(a, "sai", "mat-khau-moi", "mat-khau-moi");
  EXPECT_EQ(std::get<app::AccountRefusal>(wrong).problems[0].problem,
            AccountProblem::kCurrentPasswordWrong);
  auto same_as_id = accounts().change_password(a, "mat-khau-2024", "062190008870", "062190008870");
  EXPECT_EQ(std::get<app::AccountRefusal>(same_as_id).problems[0].problem,
            AccountProblem::kPasswordIsIdNumber);
  auto ok = accounts().change_password(a, "mat-khau-2024", "mat-khau-moi", "mat-khau-moi");
  ASSERT_TRUE(std::holds_alternative<core::CitizenAccount>(ok));
  EXPECT_TRUE(hasher_.verify(find("062190008870")->password_hash, "mat-khau-moi"));
}

INSTANTIATE_TEST_SUITE_P(Engines, CitizenAccountsStorage, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
