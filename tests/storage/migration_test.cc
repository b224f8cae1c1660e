#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "adapters/storage/open_store.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using adapters::storage::migrate;
using adapters::storage::open_store;
using adapters::storage::schema_version;

class Migration : public StorageTest {};

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_P(Migration, FromEmptyToTheLatestVersion) {
  auto report = migrate(url());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->from_version, 0);
  EXPECT_EQ(report->to_version, schema_version());
  auto again = migrate(url());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->from_version, schema_version());
  EXPECT_EQ(again->to_version, schema_version());
  EXPECT_TRUE(open_store(url()).ok());
}

TEST_P(Migration, FromEachEarlierVersionKeepsTheData) {
  for (std::int64_t start = 1; start < schema_version(); ++start) {
    SCOPED_TRACE("starting at version " + std::to_string(start));
    if (start > 1) TearDown(), SetUp();
    ASSERT_TRUE(migrate(url(), start).ok());
    execute_sql("INSERT INTO settings (key, value) VALUES ('kept', 'từ phiên bản " +
                std::to_string(start) + "')");
    auto opened = open_store(url());
    ASSERT_FALSE(opened.ok()) << "an old schema must not open";
    EXPECT_NE(opened.error().message.find("motcua migrate"), std::string::npos);

    auto report = migrate(url());
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->from_version, start);
    auto store = open_store(url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    std::optional<std::string> kept;
    ASSERT_TRUE(store.value()
                    ->read([&](app::Repositories& r) -> core::Status {
                      auto value = r.settings().get("kept");
                      if (!value.ok()) return value.error();
                      kept = value.value();
                      return {};
                    })
                    .ok());
    EXPECT_EQ(kept, "từ phiên bản " + std::to_string(start));
  }
}

TEST_P(Migration, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(migrate(url()).ok());
  execute_sql("INSERT INTO motcua_schema (version, description, applied_at) VALUES (" +
              std::to_string(schema_version() + 1) + ", 'from the future', 0)");
  auto report = migrate(url());
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("newer"), std::string::npos) << report.error().message;
  auto opened = open_store(url());
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().message.find("newer"), std::string::npos);
}

TEST_P(Migration, RefusesADatabaseThatIsNotMotcuas) {
  execute_sql("CREATE TABLE invoices (id BIGINT PRIMARY KEY, total BIGINT)");
  execute_sql("INSERT INTO invoices VALUES (1, 500)");
  auto report = migrate(url());
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("not a motcua database"), std::string::npos)
      << report.error().message;
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM invoices"), 1);
  EXPECT_FALSE(open_store(url()).ok());
}

TEST_P(Migration, BadUrlIsAClearError) {
  auto report = migrate("mysql://localhost/motcua");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("sqlite://"), std::string::npos);
}

// Only SQLite has a file that could be someone else's.
TEST(SqliteMigration, RefusesAFileThatIsNotADatabaseAndLeavesItAlone) {
  TempDir dir("motcua-foreign");
  std::string path = dir.file("notes.db");
  {
    std::ofstream out(path);
    out << "Danh sách hồ sơ, không phải cơ sở dữ liệu\n";
  }
  std::string before = file_bytes(path);
  auto report = migrate("sqlite://" + path);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("not a motcua database"), std::string::npos)
      << report.error().message;
  EXPECT_EQ(file_bytes(path), before);
}

INSTANTIATE_TEST_SUITE_P(Engines, Migration, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
