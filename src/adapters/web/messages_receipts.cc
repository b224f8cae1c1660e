#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// Receipts' life and signature (issue 7): states, cancellation and re-issue on the officer's
// receipt page, and the public verification page.
constexpr std::array kReceiptMessages = {
    Message{"rcpt_state", "Trạng thái", "State"},
    Message{"rcpt_details", "Chi tiết", "Details"},
    Message{"rcpt_state_issued", "Đã phát hành", "Issued"},
    Message{"rcpt_state_cancelled", "Đã hủy", "Cancelled"},
    Message{"rcpt_state_replaced", "Đã bị thay thế", "Replaced"},
    Message{"rcpt_cancelled_at", "Ngày hủy", "Cancelled on"},
    Message{"rcpt_cancelled_by", "Người hủy", "Cancelled by"},
    Message{"rcpt_cancel_reason", "Lý do hủy", "Reason for cancelling"},
    Message{"rcpt_replaced_by", "Được thay thế bởi biên lai số", "Replaced by receipt number"},
    Message{"rcpt_replaces", "Thay thế cho biên lai số", "Replaces receipt number"},
    Message{"rcpt_cancel", "Hủy biên lai", "Cancel receipt"},
    Message{"rcpt_reissue", "Phát hành lại", "Re-issue"},
    Message{"rcpt_reason_required", "Vui lòng nhập lý do hủy biên lai.",
            "Please give the reason for cancelling the receipt."},
    Message{"rcpt_reason_too_long", "Lý do hủy không được dài quá 500 ký tự.",
            "The reason may not be longer than 500 characters."},
    Message{"rcpt_not_issued",
            "Biên lai không còn ở trạng thái đã phát hành (có thể cán bộ khác vừa hủy hoặc phát "
            "hành lại). Vui lòng tải lại trang.",
            "The receipt is no longer issued (another officer may have just cancelled or "
            "re-issued it). Please reload the page."},
    Message{"rcpt_series_full", "Ký hiệu biên lai đã hết số.",
            "The receipt series has no numbers left."},
    Message{"rcpt_cancelled_done", "Đã hủy biên lai.", "The receipt was cancelled."},
    Message{"rcpt_verify_link", "Kiểm tra tính hợp lệ của biên lai",
            "Check that this receipt is genuine"},
    Message{"rcpt_verify_page", "Kiểm tra biên lai điện tử", "Electronic receipt check"},
    Message{"rcpt_verdict", "Kết quả kiểm tra", "Result"},
    Message{"rcpt_valid", "Biên lai hợp lệ – chữ ký số đúng",
            "Valid receipt – the digital signature is correct"},
    Message{"rcpt_tampered", "Chữ ký số không hợp lệ – nội dung biên lai đã bị thay đổi",
            "Invalid digital signature – the receipt's content has been changed"},
    Message{"rcpt_unsigned",
            "Biên lai được phát hành trước khi áp dụng chữ ký số: không có chữ ký để kiểm tra",
            "The receipt was issued before digital signatures: there is no signature to check"},
    Message{"rcpt_is_cancelled", "Biên lai đã bị hủy", "The receipt has been cancelled"},
    Message{"rcpt_is_replaced", "Biên lai đã được thay thế bởi biên lai số",
            "The receipt has been replaced by receipt number"},
    Message{"rcpt_unit", "Đơn vị thu", "Collecting unit"},
    Message{"rcpt_signed_by_key", "Khóa ký", "Signing key"},
};

}  // namespace

std::span<const Message> receipt_messages() { return kReceiptMessages; }

}  // namespace motcua::adapters::web
