// The daily reconciliation end to end: `motcua serve` on SQLite with the demo seed, the real
// motcua-sandbox, its fault knobs producing each kind of mismatch, and `motcua reconcile` as
// its own process; the money is read back from the database.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "system_harness.h"

namespace motcua::testing {
namespace {

using std::chrono::seconds;
namespace json = boost::json;

// Today in Vietnam (UTC+7), YYYY-MM-DD: the sandbox's file and motcua's requests of today.
std::string vietnam_today() {
  auto local = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() +
                                                     std::chrono::hours(7));
  std::chrono::year_month_day day(local);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

class ReconciliationFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sandbox_ = std::make_unique<Sandbox>();
    ASSERT_FALSE(sandbox_->url().empty());
    database_url_ = "sqlite://" + dir_.file("motcua.db");
    motcua_ = std::make_unique<Motcua>(database_url_, sandbox_->url(), 0,
                                       std::vector<std::string>{}, dir_.path().string());
    motcua_->start();
    ASSERT_TRUE(motcua_->running()) << motcua_->output();
    db_ = open_database(database_url_);
  }

  // A new case of the ward with its copy-certification fee, through the JSON API as `demo`.
  std::string new_case() {
    if (cookie_.empty()) {
      web_response signed_in = http("POST", motcua_->url() + "/api/v1/session",
                                    R"({"username":"demo","password":"motcua-demo"})");
      EXPECT_EQ(signed_in.status, 200) << signed_in.body;
      std::string set = signed_in.header("Set-Cookie");
      cookie_ = set.substr(0, set.find(';'));
      csrf_ = std::string(json::parse(signed_in.body).at("csrf_token").as_string());
    }
    web_response created = http(
        "POST", motcua_->url() + "/api/v1/cases",
        R"({"procedure_code":"2.000815.000.00.00.H34","submitter":{"name":"Trần Văn An","id_number":"062190018871"},)"
        R"("fees":[{"item":"Phí chứng thực bản sao từ bản chính","tier_counts":[1,0]}]})",
        {{"Cookie", cookie_}, {"X-CSRF-Token", csrf_}});
    EXPECT_EQ(created.status, 201) << created.body;
    std::string location = created.header("Location");
    return location.substr(location.rfind('/') + 1);
  }

  // Opens the case's pay link: the sandbox transaction.
  std::string open(const std::string& code) {
    PaymentInfo info = payment_info(motcua_->url(), code);
    EXPECT_GT(info.amount_due, 0) << code;
    int status = 0;
    std::string transaction = open_pay_link(info.pay_url, &status);
    EXPECT_EQ(status, 303) << motcua_->output();
    return transaction;
  }

  std::int64_t paid_lines(const std::string& code) {
    return count(
        *db_, "SELECT COUNT(*) FROM fee_lines f JOIN cases c ON c.id = f.case_id WHERE c.code = '" +
                  code + "' AND f.paid = 1");
  }
  std::int64_t receipts(const std::string& code) {
    return count(
        *db_, "SELECT COUNT(*) FROM receipts r JOIN cases c ON c.id = r.case_id WHERE c.code = '" +
                  code + "'");
  }
  std::int64_t items(std::int64_t run, const std::string& kind, const std::string& action,
                     const std::string& transaction) {
    return count(*db_, "SELECT COUNT(*) FROM reconciliation_items WHERE run_id = " +
                           std::to_string(run) + " AND kind = '" + kind + "' AND action = '" +
                           action + "' AND transaction_id = '" + transaction + "'");
  }

  // `motcua reconcile` against the running sandbox (or `sandbox_url`) and database.
  int reconcile(const std::string& date, std::string* output, const std::string& sandbox_url = "",
                const std::string& callback_keys = "") {
    setenv("MOTCUA_PAYMENT_SANDBOX_URL",
           (sandbox_url.empty() ? sandbox_->url() : sandbox_url).c_str(), 1);
    if (!callback_keys.empty()) setenv("MOTCUA_PAYMENT_CALLBACK_KEYS", callback_keys.c_str(), 1);
    int code = run_motcua({"reconcile", "--date", date, "--database", database_url_}, output);
    unsetenv("MOTCUA_PAYMENT_SANDBOX_URL");
    unsetenv("MOTCUA_PAYMENT_CALLBACK_KEYS");
    return code;
  }

  TempDir dir_{"motcua-recon"};
  std::unique_ptr<Sandbox> sandbox_;
  std::string database_url_;
  std::unique_ptr<Motcua> motcua_;
  std::unique_ptr<soci::session> db_;
  std::string cookie_, csrf_;
};

TEST_F(ReconciliationFlowTest, FaultKnobsProduceEachMismatchAndNothingIsPaidTwice) {
  // Dropped callback: paid at the platform, not here.
  std::string dropped_case = kGuideCase;
  std::string dropped = open(dropped_case);
  ASSERT_EQ(sandbox_->set_faults(dropped, R"({"drop": true})").status, 200);
  ASSERT_EQ(sandbox_->complete(dropped, "succeeded").status, 200);
  // Wrong amount in the callback (refused by motcua) and in the daily file.
  std::string wrong_case = new_case();
  std::string wrong = open(wrong_case);
  ASSERT_EQ(
      sandbox_->set_faults(wrong, R"({"wrong_amount": 1000, "file_wrong_amount": 1000})").status,
      200);
  ASSERT_EQ(sandbox_->complete(wrong, "succeeded").status, 200);
  // Duplicate delivery of the confirmation, and its row listed twice in the file.
  std::string twice_case = new_case();
  std::string twice = open(twice_case);
  ASSERT_EQ(sandbox_->set_faults(twice, R"({"duplicate": 2, "file_duplicate": true})").status, 200);
  ASSERT_EQ(sandbox_->complete(twice, "succeeded").status, 200);
  // A request the platform never completed: cancelled there, its callback dropped.
  std::string never_case = new_case();
  std::string never = open(never_case);
  ASSERT_EQ(sandbox_->set_faults(never, R"({"drop": true})").status, 200);
  ASSERT_EQ(sandbox_->complete(never, "cancelled").status, 200);

  ASSERT_TRUE(eventually([&] { return paid_lines(twice_case) == 1; }, seconds(30)))
      << motcua_->output();
  ASSERT_TRUE(eventually(
      [&] {
        return count(*db_, "SELECT COUNT(*) FROM payment_callbacks WHERE verdict = 'duplicate'") >=
                   2 &&
               count(*db_, "SELECT COUNT(*) FROM payment_callbacks WHERE verdict = 'refused'") >= 1;
      },
      seconds(30)));
  EXPECT_EQ(paid_lines(dropped_case), 0);
  EXPECT_EQ(paid_lines(wrong_case), 0);
  EXPECT_EQ(paid_lines(never_case), 0);

  std::string today = vietnam_today();
  std::string output;
  ASSERT_EQ(reconcile(today, &output), 0) << output;
  EXPECT_NE(output.find("reconciliation of " + today), std::string::npos) << output;
  EXPECT_NE(output.find("paid_not_here"), std::string::npos) << output;
  EXPECT_NE(output.find("settled_after_query"), std::string::npos) << output;
  EXPECT_NE(output.find("amount_differs"), std::string::npos) << output;
  EXPECT_NE(output.find("duplicate"), std::string::npos) << output;
  EXPECT_NE(output.find("not_at_platform"), std::string::npos) << output;
  std::int64_t run = count(*db_, "SELECT MAX(id) FROM reconciliation_runs");
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM reconciliation_runs WHERE state = 'succeeded'"), 1);

  // Dropped: settled by the status query through the exactly-once path.
  EXPECT_EQ(items(run, "paid_not_here", "settled_after_query", dropped), 1);
  EXPECT_EQ(paid_lines(dropped_case), 2);
  EXPECT_EQ(receipts(dropped_case), 1);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM applied_events WHERE event_id = 'query:" + dropped +
                            ":succeeded'"),
            1);
  // Wrong amount: reported, left for review, not paid.
  EXPECT_EQ(items(run, "amount_differs", "review", wrong), 1);
  EXPECT_EQ(paid_lines(wrong_case), 0);
  EXPECT_EQ(receipts(wrong_case), 0);
  // Duplicates: the delivery and the repeated row, each reported; applied once.
  EXPECT_EQ(items(run, "duplicate", "applied_once", twice), 2);
  EXPECT_EQ(paid_lines(twice_case), 1);
  EXPECT_EQ(receipts(twice_case), 1);
  // Never completed: the status query brought the cancellation; nothing paid.
  EXPECT_EQ(items(run, "not_at_platform", "updated_after_query", never), 1);
  EXPECT_EQ(paid_lines(never_case), 0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM payment_requests WHERE transaction_id = '" + never +
                            "' AND state = 4"),  // kCancelled
            1);

  Ledger before = read_ledger(*db_);
  EXPECT_EQ(before.overpayments, 0);
  EXPECT_TRUE(before.numbering_problems.empty());
  // A rerun records a new run and pays nothing.
  std::string again;
  ASSERT_EQ(reconcile(today, &again), 0) << again;
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM reconciliation_runs WHERE state = 'succeeded'"), 2);
  std::int64_t rerun = count(*db_, "SELECT MAX(id) FROM reconciliation_runs");
  EXPECT_EQ(items(rerun, "matched", "none", dropped), 1);
  EXPECT_EQ(items(rerun, "amount_differs", "review", wrong), 1);
  Ledger after = read_ledger(*db_);
  EXPECT_EQ(after.receipts, before.receipts);
  EXPECT_EQ(after.receipt_total, before.receipt_total);
  EXPECT_EQ(after.overpayments, 0);
  for (const auto& [request, paid] : after.lines_paid_by_request) {
    EXPECT_EQ(paid, before.lines_paid_by_request[request]);
  }
  EXPECT_EQ(
      count(*db_, "SELECT COUNT(*) FROM (SELECT id FROM fee_lines WHERE paid = 1)"),
      count(*db_, "SELECT COUNT(*) FROM fee_lines WHERE paid = 1 AND receipt_id IS NOT NULL"));
}

TEST_F(ReconciliationFlowTest, AFileThatCannotBeFetchedOrVerifiedIsANonZeroExit) {
  std::string output;
  // A callback key the sandbox does not sign with: the file's signature is refused.
  EXPECT_EQ(reconcile(vietnam_today(), &output, "",
                      "other-1:b3RoZXItY2FsbGJhY2sta2V5LW9mLXRoaXJ0eS10d28h"),
            3)
      << output;
  EXPECT_NE(output.find("signature"), std::string::npos) << output;
  // No platform at all.
  std::string unreachable;
  EXPECT_EQ(
      reconcile(vietnam_today(), &unreachable, "http://127.0.0.1:" + std::to_string(free_port())),
      3)
      << unreachable;
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM reconciliation_runs WHERE state = 'failed'"), 2);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM reconciliation_runs WHERE state = 'succeeded'"), 0);
  // A date that is not one: a usage error, nothing recorded.
  std::string bad;
  EXPECT_EQ(reconcile("2024-02-30", &bad), 1) << bad;
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM reconciliation_runs"), 2);
}

TEST_F(ReconciliationFlowTest, ServeReconcilesYesterdayOnceAfterTheConfiguredTime) {
  // A second server on the same database with the daily job due at once (00:00) and a check
  // every second.
  Motcua scheduled(
      database_url_, sandbox_->url(), 0,
      {"MOTCUA_PAYMENT_RECONCILE_AT=00:00", "MOTCUA_PAYMENT_RECOVERY_INTERVAL_SECONDS=1"},
      dir_.path().string());
  scheduled.start();
  ASSERT_TRUE(scheduled.running()) << scheduled.output();
  ASSERT_TRUE(eventually(
      [&] {
        return count(*db_,
                     "SELECT COUNT(*) FROM reconciliation_runs WHERE trigger_source = 'schedule'"
                     " AND state = 'succeeded'") == 1;
      },
      seconds(20)))
      << scheduled.output();
  std::this_thread::sleep_for(seconds(3));  // three more checks: the day is not run again
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM reconciliation_runs"), 1);
}

}  // namespace
}  // namespace motcua::testing
