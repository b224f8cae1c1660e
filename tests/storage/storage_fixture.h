#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "../support/temp_dir.h"
#include "adapters/storage/open_store.h"
#include "app/store.h"

namespace motcua::testing {

// The storage contract runs once per engine. SQLite gets a fresh file per test; PostgreSQL
// (the server scripts/with-postgres.sh starts for `make test`) gets a fresh schema per test.
// A missing PostgreSQL is a failure, not a skip: set MOTCUA_TEST_ENGINES=sqlite to run
// SQLite alone on purpose.
class StorageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  bool is_sqlite() const { return GetParam() == "sqlite"; }
  // The database of this test, empty (not migrated).
  const std::string& url() const { return url_; }
  // Migrates and opens the store.
  app::Store& store();
  // Runs SQL directly on the test database, outside motcua (to inspect or to tamper).
  void execute_sql(const std::string& sql);
  long long query_number(const std::string& sql);

 private:
  std::unique_ptr<TempDir> dir_;
  std::string url_;
  std::unique_ptr<app::Store> store_;
};

std::string engine_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace motcua::testing
