#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// Titles of the API's problem+json answers (RFC 9457). The API answers in English, the
// language of an integration interface; Vietnamese when the client sends Accept-Language: vi.
constexpr std::array kApiMessages = {
    Message{"api_bad_json", "Nội dung JSON không hợp lệ", "Malformed JSON body"},
    Message{"api_unsupported_media", "Nội dung phải là application/json",
            "The body must be application/json"},
    Message{"api_unauthenticated", "Chưa đăng nhập", "Not signed in"},
    Message{"api_wrong_credentials", "Tên đăng nhập hoặc mật khẩu không đúng",
            "Wrong username or password"},
    Message{"api_locked", "Đăng nhập sai quá nhiều lần", "Too many failed sign-ins"},
    Message{"api_csrf", "Thiếu hoặc sai mã CSRF (X-CSRF-Token)",
            "Missing or invalid CSRF token (X-CSRF-Token)"},
    Message{"api_forbidden", "Không có quyền thực hiện thao tác này",
            "Not allowed for this account"},
    Message{"api_not_found", "Không tìm thấy", "Not found"},
    Message{"api_method_not_allowed", "Phương thức không được hỗ trợ", "Method not allowed"},
    Message{"api_validation", "Dữ liệu không hợp lệ", "Invalid input"},
    Message{"api_illegal_transition", "Không thể chuyển sang trạng thái này",
            "Illegal status change"},
    Message{"api_conflict", "Hồ sơ đã được cập nhật hoặc đã thanh toán",
            "Conflict with the case's current state"},
    Message{"api_unavailable", "Hệ thống tạm thời không phục vụ được", "Service unavailable"},
    Message{"api_server_error", "Lỗi hệ thống", "Internal server error"},
};

}  // namespace

std::span<const Message> api_messages() { return kApiMessages; }

}  // namespace motcua::adapters::web
