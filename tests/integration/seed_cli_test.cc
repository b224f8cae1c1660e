// `motcua migrate` and `motcua seed ...` against a temporary SQLite file (and PostgreSQL when the
// harness provides one), checked through the storage adapter.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "../support/run_process.h"
#include "../support/temp_dir.h"
#include "adapters/storage/open_store.h"
#include "app/store.h"
#include "core/case_code.h"
#include "core/civil_time.h"

namespace motcua {
namespace {

using testing::ProcessResult;
using testing::run_process;
using testing::shell_quote;

ProcessResult motcua(const std::string& args) {
  return run_process(std::string(MOTCUA_BIN) + " " + args);
}

std::string sqlite_url(const motcua::testing::TempDir& dir) {
  return "sqlite://" + dir.file("motcua.db");  // an absolute path: sqlite:///tmp/...
}

std::unique_ptr<app::Store> open(const std::string& url) {
  core::Result<std::unique_ptr<app::Store>> store = adapters::storage::open_store(url);
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
  return store.ok() ? std::move(store).value() : nullptr;
}

std::string vietnam_time(std::chrono::sys_seconds at) {
  return core::format_display_date_time(core::to_vietnam_local(at));
}

// The numbering scope of a code issued with the default pattern.
std::string scope_of(const std::string& code) {
  core::CaseCodePattern pattern =
      core::CaseCodePattern::parse(core::CaseCodePattern::kDefault).value();
  core::CaseCodeParts parts = core::parse_case_code(code, pattern).value();
  std::chrono::year_month_day date{std::chrono::year{parts.year},
                                   std::chrono::month{static_cast<unsigned>(parts.month)},
                                   std::chrono::day{static_cast<unsigned>(parts.day)}};
  return pattern.scope_key(parts.agency_code, date);
}

// The guide's world is there, and the numbering continues after the guide's codes.
void expect_demo_world(const std::string& url) {
  std::unique_ptr<app::Store> store = open(url);
  ASSERT_NE(store, nullptr);
  core::Status checked = store->read([](app::Repositories& repos) -> core::Status {
    auto counter = repos.cases().find_by_code("H34.22.6-240426-0002").value();
    EXPECT_TRUE(counter.has_value());
    if (counter) {
      EXPECT_EQ(counter->submitter.name, "Võ Đặng Ngọc Giả");
      EXPECT_TRUE(counter->submitter.id_number.ends_with("8870"));
      EXPECT_EQ(counter->status, core::CaseStatus::kAccepted);
      EXPECT_EQ(counter->channel, core::IntakeChannel::kCounter);
      EXPECT_EQ(vietnam_time(*counter->received_at), "26/04/2024 07:27:52");
      EXPECT_EQ(vietnam_time(*counter->deadline_at), "02/05/2024 07:27:00");
      EXPECT_EQ(vietnam_time(*counter->appointment_at), "04/05/2024 07:27:00");
      EXPECT_TRUE(counter->assigned_staff_id.has_value());
      EXPECT_EQ(counter->fee_lines.size(), 2u);
      for (const core::FeeLine& line : counter->fee_lines) EXPECT_FALSE(line.paid);
      if (counter->fee_lines.size() == 2) {
        EXPECT_EQ(counter->fee_lines[0].amount, core::Money::dong(2000));
        EXPECT_EQ(counter->fee_lines[1].amount, core::Money::dong(1000));
        EXPECT_EQ(counter->fee_lines[1].name,
                  "Phí chứng thực bản sao từ bản chính từ trang thứ 3.");
      }
    }
    auto online = repos.cases().find_by_code("H34.4-240503-0012").value();
    EXPECT_TRUE(online.has_value());
    if (online) {
      EXPECT_EQ(online->status, core::CaseStatus::kNew);
      EXPECT_EQ(online->channel, core::IntakeChannel::kOnline);
      EXPECT_EQ(vietnam_time(online->submitted_at), "03/05/2024 15:29:14");
      EXPECT_TRUE(online->citizen_account_id.has_value());
    }
    EXPECT_EQ(repos.sequences().current(scope_of("H34.22.6-240426-0002")).value(), 2);
    EXPECT_EQ(repos.sequences().current(scope_of("H34.4-240503-0012")).value(), 12);

    auto province = repos.agencies().find("H34").value();
    EXPECT_TRUE(province.has_value());
    if (province) {
      EXPECT_EQ(province->successor_code.value_or(""), "H48");
    }
    auto ward = repos.agencies().find("H34.22.6").value();
    EXPECT_TRUE(ward.has_value());
    if (ward) {
      EXPECT_EQ(ward->name, "Bộ phận TN&TKQ phường Trần Hưng Đạo");
      EXPECT_EQ(ward->receipt_form_symbol, "01BLP0-001");
      EXPECT_EQ(ward->receipt_series, "AA-24E");
    }
    for (const char* username : {"demo", "sotuphap", "admin"}) {
      auto staff = repos.staff().find_by_username(username).value();
      EXPECT_TRUE(staff.has_value()) << username;
      if (staff) {
        EXPECT_TRUE(staff->password_hash.starts_with("$argon2id$")) << username;
      }
    }
    EXPECT_TRUE(repos.citizens().find_by_id_number("062190018870").value().has_value());
    auto copy = repos.procedures().find("2.000815.000.00.00.H34").value();
    EXPECT_TRUE(copy.has_value());
    if (copy) {
      EXPECT_FALSE(copy->fees.empty());
    }
    return {};
  });
  EXPECT_TRUE(checked.ok()) << checked.error().message;
}

TEST(SeedCli, DemoLoadsTheGuidesWorldAndASecondRunChangesNothing) {
  testing::TempDir dir;
  std::string url = sqlite_url(dir);
  ProcessResult migrated = motcua("migrate --database " + shell_quote(url));
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;

  ProcessResult first = motcua("seed demo --database " + shell_quote(url));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("loaded the demo"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("demo / motcua-demo"), std::string::npos) << first.out;

  ProcessResult second = motcua("seed demo --database " + shell_quote(url));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("nothing changed"), std::string::npos) << second.out;
  expect_demo_world(url);
}

TEST(SeedCli, SyntheticCasesHaveUniqueCodesAndConsistentSequences) {
  testing::TempDir dir;
  std::string url = sqlite_url(dir);
  ASSERT_EQ(motcua("migrate --database " + shell_quote(url)).exit_code, 0);
  ASSERT_EQ(motcua("seed demo --database " + shell_quote(url)).exit_code, 0);
  ProcessResult seeded =
      motcua("seed synthetic --cases 2000 --seed 7 --database " + shell_quote(url));
  ASSERT_EQ(seeded.exit_code, 0) << seeded.err;
  EXPECT_NE(seeded.out.find("added 2000 cases"), std::string::npos) << seeded.out;
  EXPECT_NE(seeded.err.find("100%"), std::string::npos) << seeded.err;  // the progress bar

  std::unique_ptr<app::Store> store = open(url);
  ASSERT_NE(store, nullptr);
  core::Status checked = store->read([](app::Repositories& repos) -> core::Status {
    app::CasePage all = repos.cases().search(app::CaseQuery{.page_size = 100}).value();
    EXPECT_EQ(all.total, 2002);
    // Each scope's sequence equals the number of codes issued in it.
    int scopes = 0;
    for (const core::CaseRecord& c : all.items) {
      std::string prefix = c.code.substr(0, c.code.size() - 4);  // "H34.22.6-240426-"
      app::CasePage same = repos.cases().search(app::CaseQuery{.code_prefix = prefix}).value();
      EXPECT_EQ(repos.sequences().current(scope_of(c.code)).value(), same.total) << c.code;
      ++scopes;
    }
    EXPECT_GT(scopes, 0);
    // Diacritic-insensitive search finds the generated Nguyễn.
    EXPECT_GT(repos.cases().search(app::CaseQuery{.name = "nguyen"}).value().total, 500);
    // The demo's cases are untouched.
    EXPECT_TRUE(repos.cases().find_by_code("H34.22.6-240426-0002").value().has_value());
    return {};
  });
  EXPECT_TRUE(checked.ok()) << checked.error().message;
}

TEST(SeedCli, SameSeedGivesTheSameCases) {
  testing::TempDir dir;
  std::string a = "sqlite://" + dir.file("a.db");
  std::string b = "sqlite://" + dir.file("b.db");
  for (const std::string& url : {a, b}) {
    ASSERT_EQ(motcua("migrate --database " + shell_quote(url)).exit_code, 0);
    ASSERT_EQ(motcua("seed synthetic --cases 50 --seed 3 --database " + shell_quote(url)).exit_code,
              0);
  }
  auto names = [](const std::string& url) {
    std::string out;
    std::unique_ptr<app::Store> store = open(url);
    if (!store) return out;
    core::Status s = store->read([&](app::Repositories& repos) -> core::Status {
      app::CasePage page = repos.cases().search(app::CaseQuery{.page_size = 50}).value();
      for (const core::CaseRecord& c : page.items) {
        out += c.code + " " + c.submitter.name + " " + c.submitter.id_number + "\n";
      }
      return {};
    });
    EXPECT_TRUE(s.ok());
    return out;
  };
  std::string first = names(a);
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, names(b));
}

TEST(SeedCli, SeedingAnUnmigratedDatabaseSaysToMigrate) {
  testing::TempDir dir;
  ProcessResult result = motcua("seed demo --database " + shell_quote(sqlite_url(dir)));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("error:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("migrate"), std::string::npos) << result.err;
}

TEST(SeedCli, RejectsACaseCountThatIsNotAPositiveNumber) {
  testing::TempDir dir;
  for (const char* count : {"0", "-5", "abc", "1.5"}) {
    ProcessResult result = motcua(std::string("seed synthetic --cases ") + shell_quote(count) +
                                  " --database " + shell_quote(sqlite_url(dir)));
    EXPECT_EQ(result.exit_code, 1) << count;
    EXPECT_NE(result.err.find("--cases"), std::string::npos) << result.err;
  }
  EXPECT_EQ(motcua("seed synthetic --database x").exit_code, 2);  // --cases is required
}

TEST(SeedCli, MigrateRefusesAFileThatIsNotADatabase) {
  testing::TempDir dir;
  std::ofstream(dir.file("notes.db")) << "not a database\n";
  ProcessResult result =
      motcua("migrate --database " + shell_quote("sqlite://" + dir.file("notes.db")));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("error:"), std::string::npos) << result.err;
}

TEST(SeedCli, UnknownDatabaseSchemeIsAClearError) {
  ProcessResult result = motcua("migrate --database mysql://localhost/motcua");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("error:"), std::string::npos) << result.err;
}

TEST(SeedCli, DemoOnPostgresqlIsIdempotentToo) {
  const char* url = std::getenv("MOTCUA_TEST_POSTGRES_URL");
  // Fails rather than skips, so an engine never silently stops being tested.
  ASSERT_NE(url, nullptr) << "MOTCUA_TEST_POSTGRES_URL is unset: run the tests under "
                             "scripts/with-postgres.sh (as `make test` does)";
  ASSERT_EQ(motcua("migrate --database " + shell_quote(url)).exit_code, 0);
  ProcessResult first = motcua("seed demo --database " + shell_quote(url));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ProcessResult second = motcua("seed demo --database " + shell_quote(url));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("nothing changed"), std::string::npos) << second.out;
  expect_demo_world(url);
}

}  // namespace
}  // namespace motcua
