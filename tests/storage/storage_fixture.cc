#include "storage_fixture.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>

namespace motcua::testing {
namespace {

std::unique_ptr<soci::session> raw_session(const std::string& url) {
  if (url.rfind("sqlite://", 0) == 0) {
    return std::make_unique<soci::session>(soci::sqlite3, "db=" + url.substr(9));
  }
  auto session = std::make_unique<soci::session>(soci::postgresql, url);
  *session << "SET client_min_messages TO WARNING";
  return session;
}

}  // namespace

std::string engine_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param == "sqlite" ? "Sqlite" : "Postgres";
}

void StorageTest::SetUp() {
  if (is_sqlite()) {
    dir_ = std::make_unique<TempDir>("motcua-storage");
    url_ = "sqlite://" + dir_->file("motcua.db");
    return;
  }
  const char* engines = std::getenv("MOTCUA_TEST_ENGINES");
  if (engines != nullptr && std::string(engines) == "sqlite") GTEST_SKIP() << "SQLite only";
  const char* pg = std::getenv("MOTCUA_TEST_POSTGRES_URL");
  ASSERT_NE(pg, nullptr) << "MOTCUA_TEST_POSTGRES_URL is not set: run the tests through "
                            "`make test` (scripts/with-postgres.sh starts PostgreSQL)";
  // A schema of its own, so that other test binaries may use the same server at the same time.
  url_ = std::string(pg) + (std::string(pg).find('?') == std::string::npos ? "?" : "&") +
         "options=-csearch_path%3Dstorage_contract";
  execute_sql("DROP SCHEMA IF EXISTS storage_contract CASCADE");
  execute_sql("CREATE SCHEMA storage_contract");
}

void StorageTest::TearDown() { store_.reset(); }

app::Store& StorageTest::store() {
  if (!store_) {
    auto migrated = adapters::storage::migrate(url_);
    EXPECT_TRUE(migrated.ok()) << migrated.error().message;
    auto opened = adapters::storage::open_store(url_);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    if (opened.ok()) store_ = std::move(opened).value();
  }
  if (!store_) throw std::runtime_error("no store");
  return *store_;
}

void StorageTest::execute_sql(const std::string& sql) { *raw_session(url_) << sql; }

long long StorageTest::query_number(const std::string& sql) {
  long long value = 0;
  *raw_session(url_) << sql, soci::into(value);
  return value;
}

}  // namespace motcua::testing
