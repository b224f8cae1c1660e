#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "adapters/storage/open_store.h"
#include "adapters/storage/schema.h"
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
  // Each version a migration ends at (numbers may have gaps: branches take their own).
  for (const adapters::storage::Migration& migration : adapters::storage::migrations()) {
    std::int64_t start = migration.version;
    if (start >= schema_version()) break;
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

// Version 4 replaces migration 2's unused payment placeholders and teaches fee lines how they
// were paid; a line stored before keeps its values and reads as not paid online.
TEST_P(Migration, OnlinePaymentTablesReplaceThePlaceholdersAndKeepFeeLines) {
  ASSERT_TRUE(migrate(url(), 3).ok());
  execute_sql(
      "INSERT INTO agencies (code, name, parent_code, valid_from, tax_code, bank_bin,"
      " bank_account, receipt_form_symbol, receipt_series, case_code_pattern) VALUES"
      " ('H34.22.6', 'Phường', 'H34', 0, '6100123456', '970415', '1', '01BLP0-001', 'AA-24E', '')");
  execute_sql(
      "INSERT INTO cases (id, code, procedure_code, procedure_name, receiving_agency_code,"
      " processing_agency_code, submitter_name, submitter_id_number, submitter_address,"
      " submitter_phone, submitter_email, owner_name, owner_id_number, owner_address, owner_phone,"
      " owner_email, channel, result_delivery, submitted_at, status, version) VALUES"
      " (7, 'H34.22.6-240426-0002', 'p', 'p', 'H34.22.6', 'H34.22.6', 'n', '1', 'a', '', '', 'n',"
      " '1', 'a', '', '', 0, 0, 0, 2, 1)");
  execute_sql(
      "INSERT INTO fee_lines (id, case_id, position, name, description, quantity, unit_amount,"
      " amount, paid, method) VALUES (41, 7, 1, 'Phí', '', 1, 2000, 2000, 1, 4)");
  auto report = migrate(url());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(query_number("SELECT amount FROM fee_lines WHERE id = 41"), 2000);
  EXPECT_EQ(query_number("SELECT method FROM fee_lines WHERE id = 41"), 4);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM fee_lines WHERE id = 41 AND paid_at IS NULL"
                         " AND payment_request_id IS NULL AND receipt_id IS NULL"
                         " AND provider_transaction_id = ''"),
            1);
  for (const char* table : {"payment_requests", "payment_request_lines", "applied_events",
                            "payment_callbacks", "overpayments", "receipts"}) {
    EXPECT_EQ(query_number(std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
  EXPECT_ANY_THROW(query_number("SELECT COUNT(*) FROM provider_events"));
  EXPECT_ANY_THROW(query_number("SELECT COUNT(*) FROM payment_transactions"));
  EXPECT_ANY_THROW(query_number("SELECT token FROM payment_requests"));  // the old shape
  // The exactly-once guard is the key (gateway, event_id).
  execute_sql(
      "INSERT INTO payment_requests (id, case_id, gateway, reference, transaction_id, amount,"
      " currency, state, payment_url, created_at, expires_at, updated_at, channel_type,"
      " channel_code, channel_name, provider_reference) VALUES (1, 7, 'payment-platform',"
      " 'PR-000001', 'TX1', 2000, 'VND', 1, '', 0, 0, 0, '', '', '', '')");
  execute_sql("INSERT INTO applied_events VALUES ('payment-platform', 'EV-1', 1, 0)");
  EXPECT_ANY_THROW(
      execute_sql("INSERT INTO applied_events VALUES ('payment-platform', 'EV-1', 1, 5)"));
  EXPECT_ANY_THROW(execute_sql(
      "INSERT INTO payment_requests (case_id, gateway, reference, transaction_id, amount,"
      " currency, state, payment_url, created_at, expires_at, updated_at, channel_type,"
      " channel_code, channel_name, provider_reference) VALUES (7, 'payment-platform',"
      " 'PR-000001', 'TX2', 2000, 'VND', 1, '', 0, 0, 0, '', '', '', '')"));
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
