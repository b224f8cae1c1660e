#pragma once

#include <span>
#include <string_view>

namespace motcua::adapters::web {

// One UI text in both languages. Labels are the guide's, word for word, where it has them.
struct Message {
  std::string_view key;
  std::string_view vi;
  std::string_view en;
};

// The tables of messages, one per page area; i18n.cc searches them all. A key must be unique
// across tables (a test checks it).
std::span<const Message> console_messages();  // sign-in, menu, lookup, case page
std::span<const Message> intake_messages();  // "Tiếp nhận hồ sơ", intake slip, "Xử lý hồ sơ"
std::span<const Message> admin_messages();    // numbering, agencies, staff, procedures, calendar
std::span<const Message> api_messages();      // problem+json titles of /api/v1
std::span<const Message> public_messages();   // the public site: home, "Thanh toán trực tuyến"
std::span<const Message> payment_messages();  // payments and receipts, console and public
std::span<const Message> document_messages();        // the printed documents (PDF) and their links
std::span<const Message> reconciliation_messages();  // payment history, "Đối soát thanh toán"
std::span<const Message> screen_messages();          // màn hình phụ, the counter screen
std::span<const Message> receipt_messages();    // receipts' states, cancel, re-issue, verification
std::span<const Message> counter_messages();    // POS and cash at the counter, "Xem hóa đơn"
std::span<const Message> live_messages();       // live payment status: list badges, streams
std::span<const Message> catalogue_messages();  // public catalogue, procedure page, case lookup
std::span<const Message> mycases_messages();    // "Quản lý hồ sơ", the citizen's case page
std::span<const Message> account_messages();    // portal accounts: register, sign in, reset
std::span<const Message> submission_messages();  // "Dịch vụ công trực tuyến", attached files

}  // namespace motcua::adapters::web
