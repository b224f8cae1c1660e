#include "adapters/web/i18n.h"

#include <array>

#include "adapters/web/form.h"

namespace motcua::adapters::web {
namespace {

struct Message {
  std::string_view key;
  std::string_view vi;
  std::string_view en;
};

// Labels are the guide's, word for word, where the guide has them.
constexpr std::array kMessages = {
    Message{"system_name", "Hệ thống thông tin giải quyết thủ tục hành chính",
            "Administrative procedure information system"},
    Message{"skip_to_content", "Chuyển đến nội dung", "Skip to content"},
    Message{"motto", "Hành chính phục vụ", "Administration that serves"},
    Message{"sign_in", "Đăng nhập", "Sign in"},
    Message{"sign_out", "Đăng xuất", "Sign out"},
    Message{"username", "Tên đăng nhập", "Username"},
    Message{"password", "Mật khẩu", "Password"},
    Message{"wrong_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.",
            "Wrong username or password."},
    Message{"locked", "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
            "Too many failed attempts. Please try again in a few minutes."},
    Message{"csrf_refused", "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng thử lại.",
            "The form has expired or is not valid. Please try again."},
    Message{"menu_processing", "Xử lý hồ sơ", "Case processing"},
    Message{"menu_pending", "Hồ sơ chờ tiếp nhận", "Cases awaiting intake"},
    Message{"menu_intake", "Tiếp nhận hồ sơ", "Take in a case"},
    Message{"menu_import", "Import hồ sơ từ file excel", "Import cases from Excel"},
    Message{"menu_process", "Xử lý hồ sơ", "Process cases"},
    Message{"menu_no_processing", "Hồ sơ không cần xử lý", "Cases needing no processing"},
    Message{"menu_lookup_unit", "Tra cứu hồ sơ theo đơn vị", "Look up cases of the unit"},
    Message{"menu_lookup_agency", "Tra cứu hồ sơ toàn cơ quan", "Look up cases agency-wide"},
    Message{"menu_lookup_own", "Tra cứu hồ sơ cá nhân", "Look up my cases"},
    Message{"menu_numbering", "Cấu hình số hồ sơ", "Case number settings"},
    Message{"menu_one_stop_data", "Dữ liệu một cửa", "One-stop-shop data"},
    Message{"menu_data_review", "Đánh giá dữ liệu", "Data review"},
    Message{"menu_archive", "Kho dữ liệu điện tử", "Electronic archive"},
    Message{"dashboard", "Bảng điều khiển", "Dashboard"},
    Message{"work_list", "Danh sách công việc", "Work list"},
    Message{"cancelled", "Đã hủy", "Cancelled"},
    Message{"returned", "Đã trả kết quả", "Result returned"},
    Message{"withdrawn", "HS đã rút", "Withdrawn"},
    Message{"by_status", "Theo trạng thái", "By status"},
    Message{"not_yet_title", "Chức năng đang được xây dựng", "This feature is being built"},
    Message{"not_yet_body",
            "Chức năng này chưa có trong phiên bản hiện tại của motcua. Các chức năng đã có "
            "nằm trong trình đơn bên trái.",
            "This feature is not in the current version of motcua yet. The features that exist "
            "are in the menu on the left."},
    Message{"case_code", "Mã số hồ sơ", "Case code"},
    Message{"id_number_search", "Số CMND", "ID number"},
    Message{"submitter_name_search", "Tên người nộp", "Submitter's name"},
    Message{"search", "Tìm kiếm", "Search"},
    Message{"advanced_search", "Tìm kiếm nâng cao", "Advanced search"},
    Message{"status", "Trạng thái", "Status"},
    Message{"all_statuses", "Tất cả trạng thái", "All statuses"},
    Message{"results_found", "Số hồ sơ tìm thấy", "Cases found"},
    Message{"procedure", "Thủ tục", "Procedure"},
    Message{"time_allowed", "Thời gian quy định", "Time allowed"},
    Message{"submitter", "Người nộp", "Submitter"},
    Message{"performing_agency", "Cơ quan thực hiện", "Performing agency"},
    Message{"submitted_at", "Ngày nộp", "Submitted"},
    Message{"received_at", "Ngày tiếp nhận", "Received"},
    Message{"deadline_all", "Hạn xử lý toàn quy trình", "Deadline for the whole process"},
    Message{"appointment_at", "Ngày hẹn trả", "Result due"},
    Message{"agency", "Cơ quan", "Agency"},
    Message{"officer", "Cán bộ", "Officer"},
    Message{"no_results", "Không tìm thấy hồ sơ nào.", "No case found."},
    Message{"pagination", "Phân trang", "Pages"},
    Message{"page_size_10", "Hiển thị 10", "Showing 10"},
    Message{"case_detail", "Chi tiết hồ sơ", "Case details"},
    Message{"case_information", "Thông tin hồ sơ", "Case information"},
    Message{"citizen_id", "CCCD", "Citizen ID"},
    Message{"deadline", "Hạn xử lý", "Deadline"},
    Message{"time_remaining", "Thời gian còn lại", "Time remaining"},
    Message{"intake_channel", "Hình thức tiếp nhận", "Intake channel"},
    Message{"result_delivery", "Hình thức nhận kết quả", "Result delivery"},
    Message{"fees", "Lệ phí", "Fees"},
    Message{"fee_unit_amount", "Mức lệ phí", "Fee rate"},
    Message{"fee_amount", "Thành tiền", "Amount"},
    Message{"fee_description", "Mô tả", "Description"},
    Message{"payment", "Thanh toán", "Payment"},
    Message{"payment_method", "Hình thức thanh toán", "Payment method"},
    Message{"paid", "Đã thanh toán", "Paid"},
    Message{"unpaid", "Chưa thanh toán", "Not paid"},
    Message{"total", "Tổng", "Total"},
    Message{"no_fees", "Hồ sơ không có lệ phí.", "This case has no fees."},
    Message{"change_status", "Chuyển trạng thái", "Change status"},
    Message{"new_status", "Trạng thái mới", "New status"},
    Message{"reason", "Lý do", "Reason"},
    Message{"save", "Lưu", "Save"},
    Message{"no_next_status", "Hồ sơ ở trạng thái này không thể chuyển tiếp.",
            "A case in this status cannot move on."},
    Message{"accept_case", "Tiếp nhận", "Accept"},
    Message{"refuse_case", "Không tiếp nhận", "Refuse"},
    Message{"refusal_reason", "Lý do không tiếp nhận", "Reason for refusing"},
    Message{"history", "Lịch sử xử lý", "History"},
    Message{"when", "Thời gian", "When"},
    Message{"action", "Thao tác", "Action"},
    Message{"actor", "Người thực hiện", "By"},
    Message{"details", "Chi tiết", "Details"},
    Message{"case_not_found", "Không tìm thấy hồ sơ.", "Case not found."},
    Message{"bad_status", "Vui lòng chọn trạng thái mới hợp lệ.",
            "Please choose a valid new status."},
    Message{"illegal_transition",
            "Không thể chuyển hồ sơ từ trạng thái hiện tại sang trạng thái đã chọn.",
            "The case cannot move from its current status to the chosen one."},
    Message{"reason_required", "Vui lòng nhập lý do cho trạng thái này.",
            "Please give a reason for this status."},
    Message{"stale_or_paid",
            "Không thể lưu: hồ sơ vừa được người khác cập nhật (vui lòng xem lại trang) hoặc "
            "hồ sơ có lệ phí đã thanh toán nên không thể hủy.",
            "Not saved: someone else has just changed this case (please review the page), or a "
            "fee of the case is paid so it cannot be cancelled."},
    Message{"language", "Ngôn ngữ", "Language"},
    Message{"not_found", "Không tìm thấy trang.", "Page not found."},
    Message{"forbidden", "Bạn không có quyền thực hiện thao tác này.",
            "You are not allowed to do this."},
    Message{"server_error", "Đã có lỗi xảy ra. Vui lòng thử lại sau.",
            "Something went wrong. Please try again later."},
};

}  // namespace

Language language_of(const HttpRequest& request) {
  std::string asked = request.query_value("lang");
  if (asked.empty()) {
    auto cookies = parse_cookies(request);
    if (auto it = cookies.find("lang"); it != cookies.end()) asked = it->second;
  }
  return asked == "en" ? Language::kEnglish : Language::kVietnamese;
}

std::string_view code_of(Language language) { return language == Language::kEnglish ? "en" : "vi"; }

std::string_view text(Language language, std::string_view key) {
  for (const Message& m : kMessages) {
    if (m.key == key) return language == Language::kEnglish ? m.en : m.vi;
  }
  return key;
}

TemplateData messages(Language language) {
  TemplateData t;
  for (const Message& m : kMessages) {
    t.set(std::string(m.key), std::string(language == Language::kEnglish ? m.en : m.vi));
  }
  return t;
}

std::string missing_translations() {
  std::string missing;
  for (const Message& m : kMessages) {
    if (m.vi.empty() || m.en.empty()) missing += std::string(m.key) + " ";
  }
  return missing;
}

}  // namespace motcua::adapters::web
