#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>
#include <string>

namespace motcua::testing {
namespace {

// The PostgreSQL tests need the server that scripts/with-postgres.sh starts (`make test` runs
// ctest under it). A missing server is a failure, never a skip: a skipped engine would let the
// PostgreSQL half of the storage suite silently stop running.
TEST(PostgresHarness, UrlIsSetByWithPostgres) {
  const char* url = std::getenv("MOTCUA_TEST_POSTGRES_URL");
  ASSERT_NE(url, nullptr) << "MOTCUA_TEST_POSTGRES_URL is unset: run the tests under "
                             "scripts/with-postgres.sh (as `make test` does)";
}

TEST(PostgresHarness, ServerIsPostgres15WithUtf8) {
  const char* url = std::getenv("MOTCUA_TEST_POSTGRES_URL");
  ASSERT_NE(url, nullptr) << "MOTCUA_TEST_POSTGRES_URL is unset";
  try {
    soci::session session(soci::postgresql, url);
    std::string version;
    session << "SELECT version()", soci::into(version);
    EXPECT_EQ(version.rfind("PostgreSQL 15.", 0), 0u) << version;
    std::string encoding;
    session << "SHOW server_encoding", soci::into(encoding);
    EXPECT_EQ(encoding, "UTF8");
  } catch (const soci::soci_error& e) {
    FAIL() << "cannot use " << url << ": " << e.what();
  }
}

}  // namespace
}  // namespace motcua::testing
