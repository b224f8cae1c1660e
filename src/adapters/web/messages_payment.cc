#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// The payment side of the console and of the public site: the "Lệ phí" tab's payment
// information, receipts ("Xem biên lai") and the payer's return page.
constexpr std::array kPaymentMessages = {
    Message{"pay_waiting", "Đang chờ thanh toán", "Awaiting payment"},
    Message{"pay_receipt_information", "Thông tin biên lai thanh toán",
            "Payment receipt information"},
    Message{"pay_view_receipt", "Xem biên lai", "View receipt"},
    Message{"pay_no_receipts", "Chưa có biên lai nào.", "No receipt yet."},
    Message{"pay_form_symbol", "Mẫu số", "Form symbol"},
    Message{"pay_series", "Ký hiệu", "Series"},
    Message{"pay_receipt_number", "Số", "Number"},
    Message{"pay_amount", "Số tiền", "Amount"},
    Message{"pay_issued_at", "Ngày phát hành", "Issued on"},
    Message{"pay_actions", "Thao tác", "Actions"},
    Message{"pay_paid_at", "Thời gian thanh toán", "Paid at"},
    Message{"pay_transaction_id", "Mã giao dịch", "Transaction id"},
    Message{"pay_overpayments", "Tiền thanh toán thừa (cần hoàn trả)", "Overpayments (to refund)"},
    Message{"pay_overpayment_note",
            "Khoản tiền nộp cho các dòng phí đã được thanh toán trước đó; cần hoàn trả cho "
            "người nộp.",
            "Money paid for lines that were already paid; to be refunded to the payer."},
    Message{"pay_recorded_at", "Thời điểm ghi nhận", "Recorded at"},
    Message{"pay_receipt_title", "BIÊN LAI THU PHÍ, LỆ PHÍ", "FEE AND CHARGE RECEIPT"},
    Message{"pay_receipt_page", "Biên lai thu phí, lệ phí", "Fee receipt"},
    Message{"pay_unit", "Đơn vị thu", "Collecting unit"},
    Message{"pay_tax_code", "Mã số thuế", "Tax code"},
    Message{"pay_payer", "Người nộp tiền", "Payer"},
    Message{"pay_payer_id", "CCCD/MST", "ID / tax code"},
    Message{"pay_address", "Địa chỉ", "Address"},
    Message{"pay_case", "Hồ sơ", "Case"},
    Message{"pay_procedure", "Thủ tục", "Procedure"},
    Message{"pay_fee_name", "Tên loại phí, lệ phí", "Fee"},
    Message{"pay_total", "Tổng cộng", "Total"},
    Message{"pay_in_words", "Số tiền viết bằng chữ", "Amount in words"},
    Message{"pay_method", "Hình thức thanh toán", "Payment method"},
    Message{"pay_reference", "Mã yêu cầu thanh toán", "Payment request"},
    Message{"pay_signature_note",
            "Biên lai điện tử; bản PDF có chữ ký số của đơn vị thu được cung cấp khi chức năng "
            "biên lai điện tử hoàn thành.",
            "Electronic receipt; the PDF signed by the collecting unit comes with the "
            "electronic-receipt feature."},
    Message{"pay_receipt_unavailable", "Không tìm thấy biên lai.", "Receipt not found."},
    Message{"pay_result_title", "Kết quả thanh toán", "Payment result"},
    Message{"pay_case_code", "Mã số hồ sơ", "Case code"},
    Message{"pay_pending_note",
            "Hệ thống đang chờ ngân hàng hoặc trung gian thanh toán xác nhận. Vui lòng tải lại "
            "trang sau ít phút.",
            "Waiting for the bank or wallet to confirm. Please reload in a few minutes."},
    Message{"pay_reload", "Tải lại", "Reload"},
    Message{"pay_again", "Thanh toán lại", "Pay again"},
    Message{"pay_request_not_found", "Không tìm thấy yêu cầu thanh toán.",
            "Payment request not found."},
    Message{"pay_platform_unavailable",
            "Cổng thanh toán tạm thời không phản hồi. Vui lòng thử lại sau ít phút.",
            "The payment platform is not answering. Please try again in a few minutes."},
};

}  // namespace

std::span<const Message> payment_messages() { return kPaymentMessages; }

}  // namespace motcua::adapters::web
