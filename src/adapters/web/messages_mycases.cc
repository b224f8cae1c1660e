#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// "Quản lý hồ sơ" and the citizen's case page: labels from the guide's part B (the list's
// filters and columns) and its online submission ("Nộp hồ sơ thành công", the fee table).
constexpr std::array kMyCasesMessages = {
    // The list.
    Message{"my_title", "Quản lý hồ sơ", "My cases"},
    Message{"my_search_label", "Tìm hồ sơ", "Find cases"},
    Message{"my_code", "Số hồ sơ", "Case number"},
    Message{"my_status", "Trạng thái", "Status"},
    Message{"my_status_all", "Tất cả", "All"},
    Message{"my_field", "Lĩnh vực", "Field"},
    Message{"my_field_none", "-Không chọn-", "-None-"},
    Message{"my_search", "Tìm kiếm", "Search"},
    Message{"my_col_no", "STT", "No."},
    Message{"my_col_procedure", "Thủ tục thực hiện", "Procedure"},
    Message{"my_col_agency", "Đơn vị thực hiện", "Processing unit"},
    Message{"my_col_submitted", "Ngày nộp", "Submitted on"},
    Message{"my_col_actions", "Thao tác", "Actions"},
    Message{"my_view", "Xem", "View"},
    Message{"my_pay", "Thanh toán", "Pay"},
    Message{"my_page_size", "Hiển thị", "Show"},
    Message{"my_pages", "Phân trang", "Pages"},
    Message{"my_total", "Số hồ sơ tìm thấy", "Cases found"},
    Message{"my_empty", "Bạn chưa có hồ sơ nào nộp trực tuyến.",
            "You have not submitted any case online yet."},
    Message{"my_empty_search", "Không có hồ sơ nào khớp với điều kiện tìm kiếm.",
            "No case matches the search."},
    Message{"my_submit_online", "Nộp hồ sơ trực tuyến", "Submit a case online"},
    // The case page.
    Message{"my_case_title", "Thông tin hồ sơ", "Case details"},
    Message{"my_case_code", "Mã số hồ sơ", "Case code"},
    Message{"my_procedure", "Thủ tục", "Procedure"},
    Message{"my_receiving_agency", "Đơn vị tiếp nhận", "Receiving unit"},
    Message{"my_submitter", "Người nộp", "Submitter"},
    Message{"my_owner", "Chủ hồ sơ", "Case owner"},
    Message{"my_delivery", "Hình thức nhận kết quả", "How the result is delivered"},
    Message{"my_appointment", "Ngày hẹn trả", "Result due on"},
    Message{"my_timeline", "Quá trình xử lý", "Processing history"},
    Message{"my_timeline_at", "Thời gian", "Time"},
    Message{"my_timeline_event", "Nội dung", "Event"},
    Message{"my_timeline_reason", "Lý do", "Reason"},
    Message{"my_timeline_empty", "Chưa có bước xử lý nào được ghi nhận.",
            "No processing step has been recorded yet."},
    Message{"my_fees", "Thông tin phí, lệ phí", "Fees and charges"},
    Message{"my_fee_kind", "Loại lệ phí", "Fee type"},
    Message{"my_fee_quantity", "Số lượng", "Quantity"},
    Message{"my_fee_rate", "Mức lệ phí", "Fee rate"},
    Message{"my_fee_amount", "Thành tiền", "Amount"},
    Message{"my_fee_description", "Mô tả", "Description"},
    Message{"my_fee_paid_state", "Tình trạng thanh toán", "Payment"},
    Message{"my_fee_total", "Tổng", "Total"},
    Message{"my_no_fees", "Hồ sơ không thu phí, lệ phí.", "This case has no fees."},
    Message{"my_pay_after_intake", "Phí, lệ phí được thanh toán sau khi hồ sơ được tiếp nhận.",
            "The fees can be paid once the office has taken the case in."},
    Message{"my_submitted", "Nộp hồ sơ thành công", "Case submitted"},
    Message{"my_waiting_intake", "Hồ sơ đang chờ tiếp nhận", "The case is waiting to be taken in"},
    Message{"my_back", "Danh sách hồ sơ", "Back to my cases"},
    Message{"my_not_found", "Không tìm thấy hồ sơ.", "Case not found."},
    Message{"my_not_found_body", "Không có hồ sơ nào với mã này trong tài khoản của bạn.",
            "Your account has no case with this code."},
};

}  // namespace

std::span<const Message> mycases_messages() { return kMyCasesMessages; }

}  // namespace motcua::adapters::web
