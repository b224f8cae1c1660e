// The payment platform's JSON messages (src/adapters/payment/platform_messages.h).
#include "adapters/payment/platform_messages.h"

#include <gtest/gtest.h>

namespace motcua::adapters::payment {
namespace {

using core::Money;
using core::PaymentState;

constexpr std::int64_t kReceived = 1714091272;  // 2024-04-26T07:27:52+07:00

app::GatewayTransactionRequest sample_request() {
  app::GatewayTransactionRequest r;
  r.reference = "PR-000123-1";
  r.amount = Money::dong(3000);
  r.description = "Thanh toan le phi cho ho so H34.22.6-240426-0002";
  r.return_url = "http://127.0.0.1:8080/thanh-toan/ket-qua";
  r.callback_url = "http://127.0.0.1:8080/api/v1/payment-platform/callbacks";
  r.expires_at = kReceived + 1800;
  r.case_code = "H34.22.6-240426-0002";
  r.procedure_code = "2.000815.000.00.00.H34";
  r.procedure_name = "Chứng thực bản sao từ bản chính";
  r.agency_code = "H34.22.6";
  r.agency_name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
  r.payer_name = "VÕ ĐẶNG NGỌC GIẢ";
  r.payer_id_number = "062190018870";
  r.fee_lines = {{41, "Phí chứng thực bản sao từ bản chính", Money::dong(2000)},
                 {42, "Phí chứng thực từ trang thứ 3.", Money::dong(1000)}};
  r.beneficiary_bank_bin = "970415";
  r.beneficiary_account = "113000006100";
  r.beneficiary_name = "UBND PHUONG TRAN HUNG DAO";
  return r;
}

// Replaces the first occurrence of `from` in the encoded sample.
std::string sample_with(std::string_view from, std::string_view to) {
  std::string text = encode_create_request(sample_request());
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(PlatformMessages, CreateRequestRoundTrips) {
  std::string text = encode_create_request(sample_request());
  EXPECT_NE(text.find(R"("client_transaction_id":"PR-000123-1")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("amount":3000)"), std::string::npos);
  EXPECT_NE(text.find(R"("expires_at":"2024-04-26T07:57:52+07:00")"), std::string::npos);
  auto back = decode_create_request(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->reference, "PR-000123-1");
  EXPECT_EQ(back->amount, Money::dong(3000));
  EXPECT_EQ(back->expires_at, kReceived + 1800);
  EXPECT_EQ(back->payer_name, "VÕ ĐẶNG NGỌC GIẢ");
  EXPECT_EQ(back->agency_name, "Bộ phận TN&TKQ phường Trần Hưng Đạo");
  ASSERT_EQ(back->fee_lines.size(), 2u);
  EXPECT_EQ(back->fee_lines[1].line_id, 42);
  EXPECT_EQ(back->fee_lines[1].amount, Money::dong(1000));
  EXPECT_EQ(back->beneficiary_account, "113000006100");
  EXPECT_EQ(encode_create_request(*back), text);
}

TEST(PlatformMessages, CreateRequestRefusesDecimalOrStringAmounts) {
  auto decimal = decode_create_request(sample_with(R"("amount":3000)", R"("amount":3000.0)"));
  ASSERT_FALSE(decimal.ok());
  EXPECT_NE(decimal.error().message.find("'amount' must be a JSON integer"), std::string::npos)
      << decimal.error().message;
  EXPECT_FALSE(decode_create_request(sample_with(R"("amount":3000)", R"("amount":"3000")")).ok());
  auto line = decode_create_request(sample_with(R"("amount":2000)", R"("amount":2000.5)"));
  ASSERT_FALSE(line.ok());
  EXPECT_NE(line.error().message.find("bill.fee_lines[0].amount"), std::string::npos)
      << line.error().message;
}

TEST(PlatformMessages, CreateRequestRefusesOtherCurrenciesAndWrongSums) {
  auto usd = decode_create_request(sample_with(R"("currency":"VND")", R"("currency":"USD")"));
  ASSERT_FALSE(usd.ok());
  EXPECT_NE(usd.error().message.find("currency"), std::string::npos);
  auto sum = decode_create_request(sample_with(R"("amount":3000)", R"("amount":3500)"));
  ASSERT_FALSE(sum.ok());
  EXPECT_NE(sum.error().message.find("must equal the sum"), std::string::npos)
      << sum.error().message;
  EXPECT_FALSE(decode_create_request(sample_with(R"("amount":2000)", R"("amount":-2000)")).ok());
}

TEST(PlatformMessages, CreateRequestRefusesMissingFieldsAndNonJson) {
  auto missing = decode_create_request(sample_with(R"("callback_url")", R"("callback_address")"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_NE(missing.error().message.find("'callback_url' is required"), std::string::npos)
      << missing.error().message;
  EXPECT_FALSE(decode_create_request("[1,2]").ok());
  EXPECT_FALSE(decode_create_request("{not json").ok());
  EXPECT_FALSE(
      decode_create_request(sample_with(R"("fee_lines":[)", R"("fee_lines":[],"x":[)")).ok());
}

TEST(PlatformMessages, CreateAnswerRoundTrips) {
  app::GatewayTransaction t{"PP24042600001", "http://127.0.0.1:8090/checkout/PP24042600001",
                            PaymentState::kPending, kReceived + 1800};
  auto back = decode_create_answer(encode_create_answer(t));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->transaction_id, t.transaction_id);
  EXPECT_EQ(back->payment_url, t.payment_url);
  EXPECT_EQ(back->state, PaymentState::kPending);
  EXPECT_EQ(back->expires_at, t.expires_at);
}

app::GatewayOutcome paid_outcome() {
  app::GatewayOutcome o;
  o.event_id = "EV0000000001";
  o.transaction_id = "PP24042600001";
  o.reference = "PR-000123-1";
  o.state = PaymentState::kSucceeded;
  o.amount = Money::dong(3000);
  o.currency = "VND";
  o.paid_at = kReceived + 60;
  o.channel = {"wallet", "MOMO", "Ví MoMo"};
  o.provider_reference = "SBX-1";
  o.occurred_at = kReceived + 61;
  return o;
}

TEST(PlatformMessages, StatusAnswerRoundTripsAndPendingHasNulls) {
  auto back = decode_status_answer(encode_status_answer(paid_outcome()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->event_id, "query:PP24042600001");
  EXPECT_EQ(back->state, PaymentState::kSucceeded);
  EXPECT_EQ(back->paid_at, kReceived + 60);
  EXPECT_EQ(back->occurred_at, kReceived + 61);
  EXPECT_EQ(back->channel.code, "MOMO");
  EXPECT_EQ(back->channel.name, "Ví MoMo");
  app::GatewayOutcome pending = paid_outcome();
  pending.state = PaymentState::kPending;
  pending.paid_at = 0;
  pending.channel = {};
  pending.provider_reference.clear();
  std::string text = encode_status_answer(pending);
  EXPECT_NE(text.find(R"("paid_at":null)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("channel":null)"), std::string::npos) << text;
  auto pending_back = decode_status_answer(text);
  ASSERT_TRUE(pending_back.ok()) << pending_back.error().message;
  EXPECT_EQ(pending_back->state, PaymentState::kPending);
  EXPECT_EQ(pending_back->paid_at, 0);
}

TEST(PlatformMessages, CallbackEventRoundTripsWithItsEventType) {
  std::string text = encode_callback_event({"", paid_outcome()});
  EXPECT_NE(text.find(R"("event_type":"transaction.succeeded")"), std::string::npos) << text;
  auto back = decode_callback_event(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->event_type, "transaction.succeeded");
  EXPECT_EQ(back->outcome.event_id, "EV0000000001");
  EXPECT_EQ(back->outcome.state, PaymentState::kSucceeded);
  EXPECT_EQ(back->outcome.amount, Money::dong(3000));
  EXPECT_EQ(back->outcome.occurred_at, kReceived + 61);
}

TEST(PlatformMessages, CallbackEventRefusesUnknownTypesAndBadAmounts) {
  std::string text = encode_callback_event({"", paid_outcome()});
  std::string unknown = text;
  unknown.replace(unknown.find("transaction.succeeded"), 21, "transaction.refunded!");
  EXPECT_FALSE(decode_callback_event(unknown).ok());
  std::string pending = text;
  pending.replace(pending.find("transaction.succeeded"), 21, "transaction.pending");
  EXPECT_FALSE(decode_callback_event(pending).ok());
  std::string decimal = text;
  decimal.replace(decimal.find(R"("amount":3000)"), 13, R"("amount":3e3)");
  EXPECT_FALSE(decode_callback_event(decimal).ok());
  std::string dollars = text;
  dollars.replace(dollars.find(R"("currency":"VND")"), 16, R"("currency":"USD")");
  EXPECT_FALSE(decode_callback_event(dollars).ok());
}

TEST(PlatformMessages, ChannelListAndProblemRoundTrip) {
  std::vector<app::GatewayChannel> channels{{"bank", "970436", "Vietcombank"},
                                            {"wallet", "ZALOPAY", "ZaloPay"}};
  auto back = decode_channel_list(encode_channel_list(channels));
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[1].code, "ZALOPAY");
  EXPECT_FALSE(decode_channel_list(R"({"channels":[{"type":"cash","code":"X","name":"X"}]})").ok());
  auto problem = decode_problem(encode_problem({"04", "amount differs"}));
  ASSERT_TRUE(problem.ok());
  EXPECT_EQ(problem->code, "04");
  EXPECT_EQ(problem->message, "amount differs");
}

}  // namespace
}  // namespace motcua::adapters::payment
