#include <gtest/gtest.h>

#include "adapters/storage/open_store.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;

class WebSessions : public StorageTest {
 protected:
  app::WebSessionStore& sessions() {
    if (!sessions_) {
      store();  // migrates
      auto opened = adapters::storage::open_web_session_store(url());
      EXPECT_TRUE(opened.ok()) << opened.error().message;
      sessions_ = std::move(opened).value();
    }
    return *sessions_;
  }
  std::unique_ptr<app::WebSessionStore> sessions_;
  const std::chrono::sys_seconds now_{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};
};

TEST_P(WebSessions, FoundUntilTheyExpireAndGoneWhenRemoved) {
  app::WebSession s{"hash-1", "staff:1", "csrf-1", now_, now_ + 8h};
  ASSERT_TRUE(sessions().create(s).ok());
  auto found = sessions().find("hash-1", now_ + 1h).value();
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->principal, "staff:1");
  EXPECT_EQ(found->csrf_token, "csrf-1");
  EXPECT_FALSE(sessions().find("hash-1", now_ + 9h).value().has_value());
  ASSERT_TRUE(sessions().extend("hash-1", now_ + 10h).ok());
  EXPECT_TRUE(sessions().find("hash-1", now_ + 9h).value().has_value());
  ASSERT_TRUE(sessions().remove("hash-1").ok());
  EXPECT_FALSE(sessions().find("hash-1", now_).value().has_value());
  EXPECT_FALSE(sessions().find("other", now_).value().has_value());
}

TEST_P(WebSessions, FailuresCountUpAndClear) {
  EXPECT_EQ(sessions().failures("canbo").value().count, 0);
  ASSERT_TRUE(sessions().record_failure("canbo", std::nullopt).ok());
  ASSERT_TRUE(sessions().record_failure("canbo", now_ + 1min).ok());
  app::LoginFailures f = sessions().failures("canbo").value();
  EXPECT_EQ(f.count, 2);
  EXPECT_EQ(f.locked_until, now_ + 1min);
  ASSERT_TRUE(sessions().clear_failures("canbo").ok());
  EXPECT_EQ(sessions().failures("canbo").value().count, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, WebSessions, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
