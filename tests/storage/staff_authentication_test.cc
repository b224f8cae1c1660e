#include "app/staff_authentication.h"

#include <gtest/gtest.h>

#include "../fakes/fake_clock.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/security/sodium_token_service.h"
#include "adapters/storage/open_store.h"
#include "fixtures.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using core::ErrorKind;
using namespace std::chrono_literals;

class StaffAuth : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    std::string hash = hasher_.hash("Mật khẩu 2024").value();
    core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
      if (auto saved = r.agencies().save(ward_agency()); !saved.ok()) return saved;
      auto id = r.staff().create(
          {0, "canbo.thd", "Cán bộ một cửa", "H34.22.6", core::kRoleOfficer, hash, true});
      return id.ok() ? core::Status{} : core::Status{id.error()};
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
    sessions_ = std::move(adapters::storage::open_web_session_store(url())).value();
    auth_ =
        std::make_unique<app::StaffAuthentication>(store(), *sessions_, hasher_, tokens_, clock_);
  }

  adapters::security::Argon2PasswordHasher hasher_{adapters::security::Argon2Cost::fast()};
  adapters::security::SodiumTokenService tokens_;
  FakeClock clock_{guide_reception()};
  std::unique_ptr<app::WebSessionStore> sessions_;
  std::unique_ptr<app::StaffAuthentication> auth_;
};

TEST_P(StaffAuth, RightPasswordGivesASessionThatAuthenticates) {
  auto signed_in = auth_->sign_in("canbo.thd", "Mật khẩu 2024");
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
  EXPECT_EQ(signed_in->staff.username, "canbo.thd");
  EXPECT_GE(signed_in->token.size(), 43u);
  EXPECT_NE(signed_in->token, signed_in->csrf_token);
  auto again = auth_->authenticate(signed_in->token);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->staff.full_name, "Cán bộ một cửa");
  EXPECT_EQ(again->csrf_token, signed_in->csrf_token);
  EXPECT_EQ(auth_->authenticate("forged-token").error().kind, ErrorKind::kUnauthenticated);
}

TEST_P(StaffAuth, WrongPasswordAndUnknownUserLookTheSame) {
  auto wrong = auth_->sign_in("canbo.thd", "sai");
  auto unknown = auth_->sign_in("nobody", "sai");
  EXPECT_EQ(wrong.error().kind, ErrorKind::kUnauthenticated);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_P(StaffAuth, RepeatedFailuresLockEvenTheRightPasswordThenBackOff) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(auth_->sign_in("canbo.thd", "sai").ok());
  EXPECT_EQ(auth_->sign_in("canbo.thd", "Mật khẩu 2024").error().kind, ErrorKind::kRateLimited);
  EXPECT_EQ(auth_->locked_until("canbo.thd").value(), guide_reception() + 1min);
  clock_.advance(61s);
  EXPECT_EQ(auth_->locked_until("canbo.thd").value(), std::nullopt);
  EXPECT_EQ(auth_->sign_in("canbo.thd", "sai").error().kind, ErrorKind::kUnauthenticated);
  clock_.advance(61s);  // the sixth failure locked for two minutes
  EXPECT_EQ(auth_->sign_in("canbo.thd", "Mật khẩu 2024").error().kind, ErrorKind::kRateLimited);
  clock_.advance(61s);
  ASSERT_TRUE(auth_->sign_in("canbo.thd", "Mật khẩu 2024").ok());
  EXPECT_EQ(sessions_->failures("canbo.thd").value().count, 0);
}

TEST_P(StaffAuth, SessionsEndOnSignOutAndAfterIdling) {
  auto first = auth_->sign_in("canbo.thd", "Mật khẩu 2024").value();
  ASSERT_TRUE(auth_->sign_out(first.token).ok());
  EXPECT_FALSE(auth_->authenticate(first.token).ok());

  auto second = auth_->sign_in("canbo.thd", "Mật khẩu 2024").value();
  clock_.advance(7h);
  EXPECT_TRUE(auth_->authenticate(second.token).ok());  // use slides the expiry
  clock_.advance(7h);
  EXPECT_TRUE(auth_->authenticate(second.token).ok());
  clock_.advance(8h + 1s);
  EXPECT_EQ(auth_->authenticate(second.token).error().kind, ErrorKind::kUnauthenticated);
}

INSTANTIATE_TEST_SUITE_P(Engines, StaffAuth, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
