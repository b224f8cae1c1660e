// Receipt signatures, cancellation and re-issue (issue 7) on both engines.
#include "app/receipt_lifecycle.h"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "../fakes/fake_payment_gateway.h"
#include "adapters/security/sodium_receipt_signer.h"
#include "adapters/storage/open_store.h"
#include "app/online_payment.h"
#include "console_fixture.h"
#include "fixtures.h"

namespace motcua::testing {
namespace {

using core::ErrorKind;
using core::ReceiptState;

constexpr const char* kKeys =
    "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,"
    "k2:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

class ReceiptLifecycleTest : public ConsoleTest {
 protected:
  void SetUp() override {
    ConsoleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto signer = adapters::security::SodiumReceiptSigner::from_config(kKeys, "k2");
    ASSERT_TRUE(signer.ok()) << signer.error().message;
    signer_ = std::make_unique<adapters::security::SodiumReceiptSigner>(signer.value());
    case_ = take_in(officer_);
    receipt_id_ = pay(case_);
  }

  // Pays every line of `record` online; returns the receipt issued.
  std::int64_t pay(const core::CaseRecord& record) {
    app::OnlinePaymentSettings settings;
    settings.public_base_url = "https://motcua.example";
    settings.receipt_signer = signer_.get();
    app::OnlinePayment payments(store(), gateway_, *clock_, settings);
    auto started = payments.start(record.code);
    EXPECT_TRUE(started.ok());
    if (!started.ok()) return 0;
    app::GatewayOutcome o;
    o.event_id = "EV-" + started->reference;
    o.transaction_id = "TX-" + started->reference;
    o.reference = started->reference;
    o.state = core::PaymentState::kSucceeded;
    o.amount = started->amount;
    o.currency = "VND";
    o.paid_at = 1714091400;
    auto applied = payments.apply(o, "{}");
    EXPECT_TRUE(applied.ok());
    return applied.ok() && applied->receipt_id ? *applied->receipt_id : 0;
  }

  app::ReceiptLifecycle lifecycle(app::Store* other = nullptr) {
    return app::ReceiptLifecycle(other ? *other : store(), *clock_, signer_.get());
  }

  app::ReceiptStatus status(std::int64_t id) {
    auto found = lifecycle().status(id);
    EXPECT_TRUE(found.ok());
    return found.ok() ? found.value() : app::ReceiptStatus{};
  }

  FakePaymentGateway gateway_;
  std::unique_ptr<adapters::security::SodiumReceiptSigner> signer_;
  core::CaseRecord case_;
  std::int64_t receipt_id_ = 0;
};

TEST_P(ReceiptLifecycleTest, AnIssuedReceiptIsSignedOverItsStoredContent) {
  app::ReceiptStatus s = status(receipt_id_);
  EXPECT_EQ(s.receipt.key_id, "k2");
  EXPECT_FALSE(s.receipt.signature.empty());
  EXPECT_TRUE(s.signature_holds);
  EXPECT_EQ(s.receipt.state, ReceiptState::kIssued);
  EXPECT_EQ(s.receipt.case_code, case_.code);
  EXPECT_EQ(s.receipt.amount_in_words, "Ba nghìn đồng");
  EXPECT_EQ(s.receipt.provider_transaction_id, "TX-PR-000001");
  ASSERT_EQ(s.receipt.lines.size(), 2u);
  EXPECT_EQ(s.receipt.lines[0].amount, core::Money::dong(2000));

  const std::string id = std::to_string(receipt_id_);
  const std::string line_name = s.receipt.lines[0].name;
  // Each tampering of a shown field breaks the signature; undoing it restores it.
  for (const auto& [tamper, undo] : std::vector<std::pair<std::string, std::string>>{
           {"UPDATE receipts SET amount = 30000 WHERE id = " + id,
            "UPDATE receipts SET amount = 3000 WHERE id = " + id},
           {"UPDATE receipts SET payer_name = 'Nguyễn Văn A' WHERE id = " + id,
            "UPDATE receipts SET payer_name = '" + s.receipt.payer_name + "' WHERE id = " + id},
           {"UPDATE receipt_lines SET name = 'Khác' WHERE position = 1 AND receipt_id = " + id,
            "UPDATE receipt_lines SET name = '" + line_name +
                "' WHERE position = 1 AND receipt_id = " + id},
           {"UPDATE receipt_lines SET amount = 2001 WHERE position = 1 AND receipt_id = " + id,
            "UPDATE receipt_lines SET amount = 2000 WHERE position = 1 AND receipt_id = " + id},
           {"UPDATE receipts SET issued_at = issued_at + 1 WHERE id = " + id,
            "UPDATE receipts SET issued_at = issued_at - 1 WHERE id = " + id}}) {
    SCOPED_TRACE(tamper);
    execute_sql(tamper);
    EXPECT_FALSE(status(receipt_id_).signature_holds);
    execute_sql(undo);
    EXPECT_TRUE(status(receipt_id_).signature_holds);
  }
  // A receipt signed by a key the installation no longer has does not verify.
  auto only_k1 = adapters::security::SodiumReceiptSigner::from_config(
      "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "");
  ASSERT_TRUE(only_k1.ok());
  app::ReceiptLifecycle other(store(), *clock_, &only_k1.value());
  EXPECT_FALSE(other.status(receipt_id_)->signature_holds);
}

TEST_P(ReceiptLifecycleTest, CancelNeedsAReasonAndHappensOnce) {
  auto empty = lifecycle().cancel(officer_, case_.code, receipt_id_, "   ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(status(receipt_id_).receipt.state, ReceiptState::kIssued);

  auto wrong_case = lifecycle().cancel(officer_, "H34.22.6-240426-9999", receipt_id_, "Sai");
  ASSERT_FALSE(wrong_case.ok());
  EXPECT_EQ(wrong_case.error().kind, ErrorKind::kNotFound);
  core::StaffMember stranger = add_staff("stranger", "H34.4", core::kRoleOfficer);
  auto foreign = lifecycle().cancel(stranger, case_.code, receipt_id_, "Sai");
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().kind, ErrorKind::kNotFound);

  auto cancelled = lifecycle().cancel(officer_, case_.code, receipt_id_, " Ghi sai tên ");
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  app::ReceiptStatus s = status(receipt_id_);
  EXPECT_EQ(s.receipt.state, ReceiptState::kCancelled);
  EXPECT_EQ(s.receipt.cancel_reason, "Ghi sai tên");
  EXPECT_EQ(s.receipt.cancelled_by, officer_.full_name);
  EXPECT_EQ(s.receipt.cancelled_at, clock_->now());
  EXPECT_TRUE(s.signature_holds) << "cancelling changes no signed field";
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE action = 'receipt.cancel'"
                         " AND entity_id = '" +
                         std::to_string(receipt_id_) + "'"),
            1);

  auto again = lifecycle().cancel(officer_, case_.code, receipt_id_, "Lần nữa");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  auto reissued = lifecycle().reissue(officer_, case_.code, receipt_id_);
  ASSERT_FALSE(reissued.ok());
  EXPECT_EQ(reissued.error().kind, ErrorKind::kConflict);
}

TEST_P(ReceiptLifecycleTest, TwoOfficersCancellingAtOnceOneWins) {
  auto wide = adapters::storage::open_store(url(), {8});
  ASSERT_TRUE(wide.ok());
  std::atomic<int> won{0}, conflicts{0}, other{0};
  std::barrier ready(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      app::ReceiptLifecycle mine = lifecycle(wide.value().get());
      ready.arrive_and_wait();
      auto r = mine.cancel(officer_, case_.code, receipt_id_, "Lý do " + std::to_string(i));
      if (r.ok()) {
        ++won;
      } else if (r.error().kind == ErrorKind::kConflict) {
        ++conflicts;
      } else {
        ++other;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(conflicts.load() + other.load(), 7);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE action = 'receipt.cancel'"), 1);
}

TEST_P(ReceiptLifecycleTest, ReissueReplacesWithTheNextNumberAndMovesTheLines) {
  core::CaseRecord second = take_in(officer_);
  std::int64_t second_receipt = pay(second);  // number 2 of the series
  ASSERT_NE(second_receipt, 0);

  auto replacement = lifecycle().reissue(officer_, case_.code, receipt_id_);
  ASSERT_TRUE(replacement.ok()) << replacement.error().message;
  EXPECT_EQ(replacement->number, 3);
  EXPECT_EQ(replacement->replaces_receipt_id, receipt_id_);

  app::ReceiptStatus original = status(receipt_id_);
  EXPECT_EQ(original.receipt.state, ReceiptState::kReplaced);
  ASSERT_TRUE(original.replacement.has_value());
  EXPECT_EQ(original.replacement->id, replacement->id);
  EXPECT_TRUE(original.signature_holds) << "the original still verifies after its lines moved";
  ASSERT_EQ(original.receipt.lines.size(), 2u);

  app::ReceiptStatus now = status(replacement->id);
  EXPECT_EQ(now.receipt.state, ReceiptState::kIssued);
  EXPECT_TRUE(now.signature_holds);
  EXPECT_EQ(now.receipt.key_id, "k2");
  ASSERT_TRUE(now.original.has_value());
  EXPECT_EQ(now.original->id, receipt_id_);
  EXPECT_EQ(now.receipt.amount, original.receipt.amount);
  EXPECT_EQ(now.receipt.payer_name, original.receipt.payer_name);
  ASSERT_EQ(now.receipt.lines.size(), 2u);
  EXPECT_EQ(now.receipt.lines[1].name, original.receipt.lines[1].name);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM fee_lines WHERE receipt_id = " +
                         std::to_string(replacement->id)),
            2);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE action IN"
                         " ('receipt.replace', 'receipt.reissue')"),
            2);
  auto twice = lifecycle().reissue(officer_, case_.code, receipt_id_);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(query_number("SELECT last_value FROM sequences WHERE scope = 'receipt:AA-24E'"), 3)
      << "a refused re-issue takes no number";
}

TEST_P(ReceiptLifecycleTest, RepositoryCancelAndMarkReplacedOnlyLeaveIssued) {
  core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
    auto missing = r.receipts().cancel(999999, clock_->now(), "x", "y");
    EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
    EXPECT_TRUE(r.receipts().mark_replaced(receipt_id_).ok());
    auto cancel = r.receipts().cancel(receipt_id_, clock_->now(), "x", "y");
    EXPECT_EQ(cancel.error().kind, ErrorKind::kConflict);
    auto again = r.receipts().mark_replaced(receipt_id_);
    EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
    auto replacement = r.receipts().find_replacement(receipt_id_);
    EXPECT_TRUE(replacement.ok() && !replacement->has_value());
    return {};
  });
  EXPECT_TRUE(s.ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, ReceiptLifecycleTest, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
