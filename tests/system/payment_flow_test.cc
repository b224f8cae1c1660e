// Online payment end to end with real processes: `motcua serve` on a fresh SQLite database with
// the demo seed, the real motcua-sandbox, and the money read back from the database.

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <set>
#include <thread>

#include "system_harness.h"

namespace motcua::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

class PaymentFlowTest : public ::testing::Test {
 protected:
  // Starts a sandbox and motcua (demo seed) with `env` added to motcua's payment settings.
  void start(std::vector<std::string> env = {}) {
    sandbox_ = std::make_unique<Sandbox>();
    ASSERT_FALSE(sandbox_->url().empty());
    database_url_ = "sqlite://" + dir_.file("motcua.db");
    motcua_ = std::make_unique<Motcua>(database_url_, sandbox_->url(), 0, std::move(env),
                                       dir_.path().string());
    motcua_->start();
    ASSERT_TRUE(motcua_->running()) << motcua_->output();
    db_ = open_database(database_url_);
  }

  // The guide case's pay link opened once: the sandbox transaction it redirects to.
  std::string open_guide_case() {
    PaymentInfo info = payment_info(motcua_->url(), kGuideCase);
    first_info_ = info;
    EXPECT_EQ(info.status, 200);
    EXPECT_EQ(info.amount_due, 3000);
    EXPECT_FALSE(info.pay_url.empty());
    int status = 0;
    std::string location;
    std::string transaction = open_pay_link(info.pay_url, &status, &location);
    EXPECT_EQ(status, 303) << motcua_->output();
    EXPECT_TRUE(location.starts_with(sandbox_->url() + "/checkout/")) << location;
    EXPECT_FALSE(transaction.empty());
    return transaction;
  }

  std::int64_t guide_lines(const std::string& where) {
    return count(*db_,
                 "SELECT COUNT(*) FROM fee_lines f JOIN cases c ON c.id = f.case_id"
                 " WHERE c.code = '" +
                     std::string(kGuideCase) + "' AND " + where);
  }

  std::string reference_of(const std::string& transaction) {
    std::string reference;
    *db_ << "SELECT reference FROM payment_requests WHERE transaction_id = :t",
        soci::use(transaction), soci::into(reference);
    return reference;
  }

  // Nothing was paid: both guide lines unpaid, no receipt, no overpayment.
  void expect_nothing_changed() {
    EXPECT_EQ(guide_lines("f.paid = 0"), 2);
    EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM receipts"), 0);
    EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM overpayments"), 0);
    EXPECT_EQ(payment_info(motcua_->url(), kGuideCase).amount_due, 3000);
  }

  TempDir dir_{"motcua-system"};
  std::unique_ptr<Sandbox> sandbox_;
  std::string database_url_;
  std::unique_ptr<Motcua> motcua_;
  std::unique_ptr<soci::session> db_;
  PaymentInfo first_info_;  // the guide case's payment info before it was paid
};

TEST_F(PaymentFlowTest, HappyPathPaysBothLinesAndIssuesReceiptOne) {
  ASSERT_NO_FATAL_FAILURE(start());
  std::string transaction = open_guide_case();
  ASSERT_FALSE(transaction.empty());
  // The checkout page is the sandbox's, for this transaction.
  EXPECT_EQ(http("GET", sandbox_->url() + "/checkout/" + transaction).status, 200);

  ASSERT_EQ(sandbox_->complete(transaction, "succeeded").status, 200);
  bool paid = eventually([&] { return payment_info(motcua_->url(), kGuideCase).amount_due == 0; },
                         seconds(30));
  ASSERT_TRUE(paid) << motcua_->output();
  PaymentInfo after = payment_info(motcua_->url(), kGuideCase);
  EXPECT_EQ(after.pay_url, "");  // nothing due: no pay link

  EXPECT_EQ(guide_lines("f.paid = 1 AND f.method = 0"), 2);  // method 0: the payment platform
  EXPECT_EQ(guide_lines("f.provider_transaction_id = '" + transaction + "'"), 2);
  Ledger ledger = read_ledger(*db_);
  EXPECT_EQ(ledger.receipts, 1);
  EXPECT_EQ(ledger.receipt_total, 3000);
  EXPECT_EQ(count(*db_, "SELECT MAX(number) FROM receipts"), 1);
  EXPECT_EQ(ledger.overpayments, 0);
  EXPECT_TRUE(ledger.numbering_problems.empty());

  std::string reference = reference_of(transaction);
  ASSERT_FALSE(reference.empty());
  // The return URL carries the case's pay-link token: /tt/{code}/{token} → ?ma=&t=&ref=.
  PaymentInfo before_paying = first_info_;
  std::string token = before_paying.pay_url.substr(before_paying.pay_url.rfind('/') + 1);
  web_response page =
      http("GET", motcua_->url() + "/thanh-toan/ket-qua?ma=" + std::string(kGuideCase) +
                      "&t=" + token + "&ref=" + reference);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Thanh toán thành công"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find(kGuideCase), std::string::npos);
  PaymentInfo again = payment_info(motcua_->url(), kGuideCase);
  EXPECT_EQ(again.amount_due, 0);
}

TEST_F(PaymentFlowTest, DuplicateCallbacksAreAppliedOnce) {
  ASSERT_NO_FATAL_FAILURE(start());
  std::string transaction = open_guide_case();
  ASSERT_FALSE(transaction.empty());
  ASSERT_EQ(sandbox_->set_faults(transaction, R"({"duplicate": 3})").status, 200);
  ASSERT_EQ(sandbox_->complete(transaction, "succeeded").status, 200);
  // Four deliveries of the event, all answered 200.
  auto delivered = [&] {
    std::size_t done = 0;
    for (auto& [status, result] : sandbox_->attempts(transaction)) {
      if (status == 200 && result == "delivered") ++done;
    }
    return done;
  };
  ASSERT_TRUE(eventually([&] { return delivered() >= 4; }, seconds(30))) << motcua_->output();
  // The resent event comes with its three copies too (the faults hold until set again).
  ASSERT_EQ(sandbox_->resend(transaction).status, 200);
  ASSERT_TRUE(eventually([&] { return delivered() >= 8; }, seconds(30)));
  EXPECT_EQ(delivered(), 8u);

  Ledger ledger = read_ledger(*db_);
  EXPECT_EQ(ledger.receipts, 1);
  EXPECT_EQ(ledger.receipt_total, 3000);
  EXPECT_EQ(ledger.overpayments, 0);
  EXPECT_EQ(guide_lines("f.paid = 1"), 2);
  std::string reference = reference_of(transaction);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM payment_callbacks WHERE reference = '" + reference +
                            "' AND verdict = 'applied'"),
            1);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM payment_callbacks WHERE reference = '" + reference +
                            "' AND verdict = 'duplicate'"),
            7);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM applied_events"), 1);
}

TEST_F(PaymentFlowTest, ForgedStaleWrongAmountAndUnknownCallbacksAreRefused) {
  ASSERT_NO_FATAL_FAILURE(start());
  std::string transaction = open_guide_case();
  ASSERT_FALSE(transaction.empty());
  std::string reference = reference_of(transaction);
  ASSERT_FALSE(reference.empty());
  // Everything true about the payment but the signature: it would pay the case if accepted.
  std::string genuine =
      callback_body("EV-FORGED-1", "transaction.succeeded", transaction, reference, 3000);
  auto code_of = [](const web_response& answer) {
    if (answer.status == 0) return std::string("(no answer: ") + answer.body + ")";
    return std::string(boost::json::parse(answer.body).at("code").as_string());
  };

  // (a) Signed under a key motcua does not hold, with the right key id.
  CallbackToSend forged{genuine};
  forged.key_base64 = "Zm9yZ2VkLWtleS1mb3JnZWQta2V5LWZvcmdlZC1rZXk=";
  web_response bad_signature = post_callback(motcua_->url(), forged);
  EXPECT_EQ(bad_signature.status, 401);
  EXPECT_EQ(code_of(bad_signature), "01");
  // An unknown key id is the same refusal.
  CallbackToSend unknown_key{genuine};
  unknown_key.key_id = "sandbox-9";
  web_response unknown_key_answer = post_callback(motcua_->url(), unknown_key);
  EXPECT_EQ(unknown_key_answer.status, 401);
  EXPECT_EQ(code_of(unknown_key_answer), "01");

  // (b) The right key, ten minutes old.
  CallbackToSend stale{genuine};
  stale.timestamp = static_cast<std::int64_t>(std::time(nullptr)) - 600;
  web_response stale_answer = post_callback(motcua_->url(), stale);
  EXPECT_EQ(stale_answer.status, 401);
  EXPECT_EQ(code_of(stale_answer), "02");

  // (d) Correctly signed, for a transaction motcua never asked for.
  web_response unknown = post_callback(
      motcua_->url(), CallbackToSend{callback_body("EV-UNKNOWN-1", "transaction.succeeded",
                                                   "PP24042699999", "PR-999999", 3000)});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(code_of(unknown), "03");

  // Each of the four was stored raw with its refusal, and nothing else was recorded.
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM payment_callbacks WHERE verdict = 'refused'"), 4);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM payment_callbacks"), 4);
  expect_nothing_changed();

  // (c) The platform itself reports another amount.
  ASSERT_EQ(sandbox_->set_faults(transaction, R"({"wrong_amount": 1000})").status, 200);
  ASSERT_EQ(sandbox_->complete(transaction, "succeeded").status, 200);
  ASSERT_TRUE(eventually(
      [&] {
        for (auto& [status, result] : sandbox_->attempts(transaction)) {
          if (status == 422) return true;
        }
        return false;
      },
      seconds(30)))
      << motcua_->output();
  // Its retries are refused the same way; a genuine correct answer never came.
  for (auto& [status, result] : sandbox_->attempts(transaction)) {
    EXPECT_TRUE(status == 422 || status == 0) << status << " " << result;
  }

  expect_nothing_changed();
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM applied_events"), 0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM payment_requests WHERE state = 2"), 0);
  // The sandbox's wrong amounts are recorded as refusals of this request.
  EXPECT_GE(count(*db_,
                  "SELECT COUNT(*) FROM payment_callbacks WHERE verdict = 'refused'"
                  " AND reference = '" +
                      reference + "'"),
            1);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM payment_callbacks WHERE verdict <> 'refused'"), 0);
}

TEST_F(PaymentFlowTest, FiftyConcurrentAttemptsPayEachLineOnceAndRecordOverpayments) {
  ASSERT_NO_FATAL_FAILURE(start());
  PaymentInfo info = payment_info(motcua_->url(), kGuideCase);
  ASSERT_FALSE(info.pay_url.empty());
  constexpr int kThreads = 50;

  // 50 payers open the pay link at once: one request, reused by all.
  {
    std::mutex mutex;
    std::set<std::string> seen;
    std::atomic<int> redirected = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&] {
        std::string transaction = open_pay_link(info.pay_url);
        if (transaction.empty()) return;
        ++redirected;
        std::lock_guard lock(mutex);
        seen.insert(transaction);
      });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(redirected.load(), kThreads);
    EXPECT_EQ(seen.size(), 1u);
    EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM payment_requests"), 1);
  }

  // Then each of the 50 payers makes an attempt of its own: open the link, and abandon the
  // transaction it got (cancelled at the platform) unless another payer already did; once the
  // cancellation reached motcua, the next opening creates a new request.
  std::vector<std::string> attempts(kThreads);
  auto attempts_start = std::chrono::steady_clock::now();
  {
    std::vector<std::thread> threads;
    auto deadline = std::chrono::steady_clock::now() + seconds(120);
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        while (std::chrono::steady_clock::now() < deadline) {
          std::string transaction = open_pay_link(info.pay_url);
          if (!transaction.empty() && sandbox_->complete(transaction, "cancelled").status == 200) {
            attempts[static_cast<std::size_t>(i)] = transaction;
            return;
          }
          // Not faster: 50 payers polling would crowd out the callback they wait for.
          std::this_thread::sleep_for(milliseconds(150));
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  std::printf(
      "[ timings  ] 50 attempts, each cancelled, in %.1f s\n",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - attempts_start).count());
  std::set<std::string> distinct(attempts.begin(), attempts.end());
  ASSERT_EQ(distinct.size(), static_cast<std::size_t>(kThreads)) << motcua_->output();
  ASSERT_EQ(distinct.count(""), 0u);

  // The bank reports late success for every one of them, all at once.
  std::atomic<std::int64_t> succeeded_total = 0;
  {
    std::vector<std::thread> threads;
    for (const std::string& transaction : attempts) {
      threads.emplace_back([&, transaction] {
        web_response answer = sandbox_->complete(transaction, "succeeded");
        if (answer.status != 200) return;
        boost::json::value status = boost::json::parse(answer.body);
        if (status.at("status").as_string() == "succeeded") {
          succeeded_total += status.at("amount").to_number<std::int64_t>();
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  ASSERT_EQ(succeeded_total.load(), 3000 * kThreads);
  bool settled = eventually(
      [&] {
        return count(*db_, "SELECT COUNT(*) FROM payment_requests WHERE state = 2") == kThreads;
      },
      seconds(60));
  ASSERT_TRUE(settled) << motcua_->output();

  Ledger ledger = read_ledger(*db_);
  EXPECT_EQ(ledger.requests.size(), static_cast<std::size_t>(kThreads));
  EXPECT_EQ(guide_lines("f.paid = 1 AND f.method = 0"), 2);
  EXPECT_EQ(ledger.receipts, 1);
  EXPECT_EQ(ledger.receipt_total, 3000);
  EXPECT_EQ(ledger.overpayments, kThreads - 1);
  EXPECT_EQ(ledger.receipt_total + ledger.overpayment_total, succeeded_total.load());
  EXPECT_TRUE(ledger.numbering_problems.empty());
  // Both lines were paid by the one request that has the receipt.
  ASSERT_EQ(ledger.receipts_per_request.size(), 1u);
  std::int64_t payer = ledger.receipts_per_request.begin()->first;
  EXPECT_EQ(ledger.lines_paid_by_request[payer], 2);
  EXPECT_EQ(ledger.lines_paid_by_request.size(), 1u);
  EXPECT_EQ(payment_info(motcua_->url(), kGuideCase).amount_due, 0);
}

TEST_F(PaymentFlowTest, DroppedCallbackIsRecoveredByTheQueryJob) {
  ASSERT_NO_FATAL_FAILURE(
      start({"MOTCUA_PAYMENT_REQUEST_LIFETIME_SECONDS=5", "MOTCUA_PAYMENT_RECOVERY_GRACE_SECONDS=0",
             "MOTCUA_PAYMENT_RECOVERY_INTERVAL_SECONDS=1"}));
  std::string transaction = open_guide_case();
  ASSERT_FALSE(transaction.empty());
  ASSERT_EQ(sandbox_->set_faults(transaction, R"({"drop": true})").status, 200);
  ASSERT_EQ(sandbox_->complete(transaction, "succeeded").status, 200);
  ASSERT_TRUE(eventually(
      [&] {
        auto all = sandbox_->attempts(transaction);
        return !all.empty() && all.front().second == "dropped";
      },
      seconds(10)));

  bool paid = eventually([&] { return guide_lines("f.paid = 1") == 2; }, seconds(60));
  ASSERT_TRUE(paid) << motcua_->output();
  Ledger ledger = read_ledger(*db_);
  EXPECT_EQ(ledger.receipts, 1);
  EXPECT_EQ(ledger.receipt_total, 3000);
  EXPECT_EQ(ledger.overpayments, 0);
  // The callback never arrived: the money came by the status query.
  for (auto& [status, result] : sandbox_->attempts(transaction)) EXPECT_EQ(result, "dropped");
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM applied_events WHERE event_id LIKE 'query:%'"), 1);
  EXPECT_EQ(payment_info(motcua_->url(), kGuideCase).amount_due, 0);
}

}  // namespace
}  // namespace motcua::testing
