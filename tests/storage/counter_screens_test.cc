// The counter screens' storage contract (migration 9), on both engines: unique secrets, codes
// and officers, the version check, last_seen without a version change, forgetting unbound
// screens, and the fee progress a screen polls.
#include <gtest/gtest.h>

#include "fixtures.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using core::ErrorKind;
using core::Status;
using namespace std::chrono_literals;

constexpr std::chrono::sys_seconds kT0{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};

app::CounterScreenRecord unbound(std::string hash, std::string code) {
  app::CounterScreenRecord s;
  s.secret_hash = std::move(hash);
  s.pairing_code = std::move(code);
  s.pairing_expires_at = kT0 + 600s;
  s.created_at = s.last_seen = kT0;
  return s;
}

class CounterScreens : public StorageTest {
 protected:
  Status write(const std::function<Status(app::Repositories&)>& work) {
    return store().transact(work);
  }
  std::optional<app::CounterScreenRecord> by_secret(const std::string& hash) {
    std::optional<app::CounterScreenRecord> out;
    Status s = store().read([&](app::Repositories& r) -> Status {
      auto found = r.counter_screens().find_by_secret(hash);
      if (!found.ok()) return found.error();
      out = *found;
      return {};
    });
    EXPECT_TRUE(s.ok());
    return out;
  }
  std::int64_t create(const app::CounterScreenRecord& screen) {
    std::int64_t id = 0;
    Status s = write([&](app::Repositories& r) -> Status {
      auto made = r.counter_screens().create(screen);
      if (!made.ok()) return made.error();
      id = *made;
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return id;
  }
};

TEST_P(CounterScreens, AScreenRoundTripsAndIsFoundBySecretCodeAndOfficer) {
  std::int64_t id = create(unbound("hash-a", "123456"));
  ASSERT_GT(id, 0);
  std::optional<app::CounterScreenRecord> a = by_secret("hash-a");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->id, id);
  EXPECT_EQ(a->pairing_code, "123456");
  EXPECT_EQ(a->pairing_expires_at, kT0 + 600s);
  EXPECT_EQ(a->staff_login, "");
  EXPECT_FALSE(a->paired_at.has_value());
  EXPECT_FALSE(a->pushed_at.has_value());
  EXPECT_EQ(a->version, 1);
  EXPECT_FALSE(by_secret("hash-b").has_value());

  // Bound and pushed: every field is written and the version moves on.
  app::CounterScreenRecord bound = *a;
  bound.pairing_code.clear();
  bound.pairing_expires_at.reset();
  bound.staff_login = "canbo";
  bound.paired_at = kT0 + 5s;
  bound.case_code = "H34.22.6-240426-0002";
  bound.pushed_amount = core::Money::dong(3000);
  bound.pushed_at = kT0 + 9s;
  ASSERT_TRUE(write([&](app::Repositories& r) { return r.counter_screens().update(bound); }).ok());
  Status read = store().read([&](app::Repositories& r) -> Status {
    auto found = r.counter_screens().find_by_staff("canbo");
    EXPECT_TRUE(found.ok() && found->has_value());
    if (found.ok() && *found) {
      EXPECT_EQ((*found)->id, id);
      EXPECT_EQ((*found)->version, 2);
      EXPECT_EQ((*found)->paired_at, kT0 + 5s);
      EXPECT_EQ((*found)->case_code, "H34.22.6-240426-0002");
      EXPECT_EQ((*found)->pushed_amount, core::Money::dong(3000));
      EXPECT_EQ((*found)->pushed_at, kT0 + 9s);
      EXPECT_FALSE((*found)->pairing_expires_at.has_value());
    }
    auto by_code = r.counter_screens().find_by_pairing_code("123456");
    EXPECT_TRUE(by_code.ok() && !by_code->has_value());
    auto none = r.counter_screens().find_by_pairing_code("");
    EXPECT_TRUE(none.ok() && !none->has_value());
    auto nobody = r.counter_screens().find_by_staff("");
    EXPECT_TRUE(nobody.ok() && !nobody->has_value());
    return {};
  });
  EXPECT_TRUE(read.ok());
}

TEST_P(CounterScreens, SecretsCodesAndOfficersBelongToOneScreen) {
  create(unbound("hash-a", "123456"));
  Status same_secret = write([](app::Repositories& r) -> Status {
    auto made = r.counter_screens().create(unbound("hash-a", ""));
    return made.ok() ? Status() : Status(made.error());
  });
  ASSERT_FALSE(same_secret.ok());
  EXPECT_EQ(same_secret.error().kind, ErrorKind::kConflict);
  Status same_code = write([](app::Repositories& r) -> Status {
    auto made = r.counter_screens().create(unbound("hash-b", "123456"));
    return made.ok() ? Status() : Status(made.error());
  });
  ASSERT_FALSE(same_code.ok());
  EXPECT_EQ(same_code.error().kind, ErrorKind::kConflict);
  // Many screens may have no code.
  create(unbound("hash-c", ""));
  create(unbound("hash-d", ""));

  app::CounterScreenRecord c = *by_secret("hash-c");
  c.staff_login = "canbo";
  ASSERT_TRUE(write([&](app::Repositories& r) { return r.counter_screens().update(c); }).ok());
  app::CounterScreenRecord d = *by_secret("hash-d");
  d.staff_login = "canbo";
  Status twice = write([&](app::Repositories& r) { return r.counter_screens().update(d); });
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(by_secret("hash-d")->staff_login, "");
}

TEST_P(CounterScreens, AStaleUpdateIsAConflictAndTouchKeepsTheVersion) {
  std::int64_t id = create(unbound("hash-a", "123456"));
  app::CounterScreenRecord read_once = *by_secret("hash-a");
  app::CounterScreenRecord first = read_once;
  first.case_code = "X";
  ASSERT_TRUE(write([&](app::Repositories& r) { return r.counter_screens().update(first); }).ok());
  app::CounterScreenRecord stale = read_once;
  stale.case_code = "Y";
  Status lost = write([&](app::Repositories& r) { return r.counter_screens().update(stale); });
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(by_secret("hash-a")->case_code, "X");

  app::CounterScreenRecord gone = read_once;
  gone.id = id + 100;
  Status missing = write([&](app::Repositories& r) { return r.counter_screens().update(gone); });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);

  ASSERT_TRUE(
      write([&](app::Repositories& r) { return r.counter_screens().touch(id, kT0 + 90s); }).ok());
  EXPECT_EQ(by_secret("hash-a")->last_seen, kT0 + 90s);
  EXPECT_EQ(by_secret("hash-a")->version, 2);
}

TEST_P(CounterScreens, OnlyUnboundScreensUnseenSinceTheCutAreForgotten) {
  app::CounterScreenRecord old_unbound = unbound("old", "111111");
  app::CounterScreenRecord old_bound = unbound("bound", "");
  old_bound.staff_login = "canbo";
  app::CounterScreenRecord recent = unbound("recent", "222222");
  recent.last_seen = kT0 + 3600s;
  create(old_unbound);
  create(old_bound);
  create(recent);
  std::int64_t removed = -1;
  ASSERT_TRUE(write([&](app::Repositories& r) -> Status {
                auto n = r.counter_screens().remove_unbound_unseen(kT0 + 60s);
                if (!n.ok()) return n.error();
                removed = *n;
                return {};
              }).ok());
  EXPECT_EQ(removed, 1);
  EXPECT_FALSE(by_secret("old").has_value());
  EXPECT_TRUE(by_secret("bound").has_value());
  EXPECT_TRUE(by_secret("recent").has_value());
}

TEST_P(CounterScreens, FeeProgressSumsTheUnpaidLinesAndTheLastPayment) {
  std::int64_t case_id = 0;
  ASSERT_TRUE(write([&](app::Repositories& r) -> Status {
                if (Status s = r.agencies().save(ward_agency()); !s.ok()) return s;
                auto inserted = r.cases().insert(guide_case());
                if (!inserted.ok()) return inserted.error();
                case_id = *inserted;
                return {};
              }).ok());
  auto progress = [&]() {
    std::optional<app::FeeProgress> out;
    Status s = store().read([&](app::Repositories& r) -> Status {
      auto p = r.counter_screens().fee_progress("H34.22.6-240426-0002");
      if (!p.ok()) return p.error();
      out = *p;
      auto none = r.counter_screens().fee_progress("H34.22.6-240426-9999");
      EXPECT_TRUE(none.ok() && !none->has_value());
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return out;
  };
  std::optional<app::FeeProgress> before = progress();
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(before->case_id, case_id);
  EXPECT_EQ(before->lines, 2);
  EXPECT_EQ(before->unpaid_lines, 2);
  EXPECT_EQ(before->outstanding, core::Money::dong(3000));
  EXPECT_FALSE(before->last_paid_at.has_value());

  core::CaseRecord c;
  ASSERT_TRUE(store()
                  .read([&](app::Repositories& r) -> Status {
                    c = r.cases().find_by_code("H34.22.6-240426-0002").value().value();
                    return {};
                  })
                  .ok());
  // Settled behind motcua's back, as another process's payment would be.
  execute_sql("UPDATE fee_lines SET paid = 1, paid_at = " +
              std::to_string((kT0 + 42s).time_since_epoch().count()) +
              " WHERE id = " + std::to_string(c.fee_lines[0].id));
  std::optional<app::FeeProgress> after = progress();
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->unpaid_lines, 1);
  EXPECT_EQ(after->outstanding, core::Money::dong(1000));
  EXPECT_EQ(after->last_paid_at, kT0 + 42s);
}

INSTANTIATE_TEST_SUITE_P(Engines, CounterScreens, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
