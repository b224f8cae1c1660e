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
