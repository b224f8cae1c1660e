#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// The portal's accounts: "Đăng ký", "Đăng nhập", "Quên mật khẩu", "Đặt lại mật khẩu",
// "Thông tin tài khoản", and what each refusal says next to its field.
constexpr std::array kAccountMessages = {
    Message{"acc_register_title", "Đăng ký tài khoản", "Register an account"},
    Message{"acc_sign_in_title", "Đăng nhập", "Sign in"},
    Message{"acc_kind", "Loại tài khoản", "Account type"},
    Message{"acc_kind_citizen", "Công dân", "Citizen"},
    Message{"acc_kind_business", "Doanh nghiệp", "Business"},
    Message{"acc_id_number", "Số định danh (CCCD/MST)", "ID number (citizen ID / tax code)"},
    Message{"acc_id_hint",
            "Công dân: số căn cước công dân (CCCD) gồm 12 chữ số. Doanh nghiệp: mã số thuế gồm 10 "
            "chữ số, chi nhánh 13 chữ số (ví dụ 0123456789-001).",
            "Citizens: the 12-digit citizen ID (CCCD). Businesses: the 10-digit tax code, or 13 "
            "digits for a branch (e.g. 0123456789-001)."},
    Message{"acc_full_name", "Họ và tên / Tên doanh nghiệp", "Full name / business name"},
    Message{"acc_phone", "Số điện thoại", "Phone number"},
    Message{"acc_email", "Thư điện tử (email)", "E-mail"},
    Message{"acc_optional", "không bắt buộc", "optional"},
    Message{"acc_password", "Mật khẩu", "Password"},
    Message{"acc_password_again", "Nhập lại mật khẩu", "Repeat the password"},
    Message{"acc_password_rule",
            "Mật khẩu có ít nhất 8 ký tự, không trùng với số định danh và không chỉ gồm một ký tự "
            "lặp lại.",
            "The password has at least 8 characters, is not the ID number and is not one "
            "character repeated."},
    Message{"acc_register_button", "Đăng ký", "Register"},
    Message{"acc_sign_in_button", "Đăng nhập", "Sign in"},
    Message{"acc_have_account", "Đã có tài khoản?", "Already have an account?"},
    Message{"acc_no_account", "Chưa có tài khoản?", "No account yet?"},
    Message{"acc_forgot_link", "Quên mật khẩu?", "Forgot your password?"},
    Message{"acc_staff_link", "Cán bộ Một cửa đăng nhập tại đây",
            "One-stop-shop officers sign in here"},
    Message{"acc_fix_below", "Vui lòng sửa các thông tin được đánh dấu bên dưới.",
            "Please correct the fields marked below."},
    Message{"acc_wrong_credentials", "Số định danh hoặc mật khẩu không đúng.",
            "The ID number or the password is wrong."},
    Message{"acc_locked",
            "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút hoặc dùng chức năng "
            "Quên mật khẩu.",
            "Too many failed sign-ins. Please try again in a few minutes or use Forgot your "
            "password."},
    Message{"acc_unavailable", "Chức năng tài khoản tạm thời chưa sẵn sàng. Vui lòng thử lại sau.",
            "Accounts are not available at the moment. Please try again later."},
    // Refusals, next to their fields.
    Message{"acc_err_required", "Vui lòng nhập thông tin này.", "Please fill this in."},
    Message{"acc_err_kind", "Vui lòng chọn Công dân hoặc Doanh nghiệp.",
            "Please choose Citizen or Business."},
    Message{"acc_err_cccd", "Số CCCD phải gồm đúng 12 chữ số.",
            "A citizen ID (CCCD) has exactly 12 digits."},
    Message{"acc_err_mst",
            "Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số với chi nhánh (ví dụ 0123456789-001).",
            "A tax code has 10 digits, or 13 for a branch (e.g. 0123456789-001)."},
    Message{"acc_err_taken", "Số định danh đã có tài khoản",
            "This ID number already has an account"},
    Message{"acc_err_not_text", "Nội dung không hợp lệ.", "This text is not valid."},
    Message{"acc_err_phone", "Số điện thoại phải gồm 8 đến 15 chữ số.",
            "A phone number has 8 to 15 digits."},
    Message{"acc_err_email", "Địa chỉ email phải có dạng ten@example.vn.",
            "An e-mail address looks like name@example.vn."},
    Message{"acc_err_password_short", "Mật khẩu phải có ít nhất 8 ký tự.",
            "The password must have at least 8 characters."},
    Message{"acc_err_password_id", "Mật khẩu không được trùng với số định danh.",
            "The password must not be the ID number."},
    Message{"acc_err_password_one", "Mật khẩu không được chỉ gồm một ký tự lặp lại.",
            "The password must not be one character repeated."},
    Message{"acc_err_password_differ", "Mật khẩu nhập lại không khớp.",
            "The repeated password does not match."},
    Message{"acc_err_current_password", "Mật khẩu hiện tại không đúng.",
            "The current password is wrong."},
    Message{"acc_err_code", "Mã xác nhận không đúng hoặc đã hết hạn. Bạn có thể yêu cầu mã mới.",
            "The confirmation code is wrong or has expired. You can ask for a new code."},
    // "Quên mật khẩu" and "Đặt lại mật khẩu".
    Message{"acc_forgot_title", "Quên mật khẩu", "Forgot your password"},
    Message{"acc_forgot_intro",
            "Nhập số định danh của tài khoản. Mã xác nhận gồm 6 chữ số sẽ được gửi tới số điện "
            "thoại và email đã đăng ký; mã có hiệu lực trong 15 phút và chỉ dùng được một lần.",
            "Enter the account's ID number. A 6-digit confirmation code will be sent to the "
            "registered phone and e-mail; it is valid for 15 minutes and works once."},
    Message{"acc_send_code", "Gửi mã xác nhận", "Send the code"},
    Message{"acc_code_sent",
            "Nếu số định danh này có tài khoản, mã xác nhận đã được gửi tới số điện thoại và email "
            "đã đăng ký. Mã có hiệu lực trong 15 phút.",
            "If this ID number has an account, a confirmation code has been sent to the "
            "registered phone and e-mail. It is valid for 15 minutes."},
    Message{"acc_too_many_requests",
            "Bạn đã yêu cầu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau.",
            "Too many requests in a short time. Please try again later."},
    Message{"acc_reset_title", "Đặt lại mật khẩu", "Reset your password"},
    Message{"acc_code", "Mã xác nhận (6 chữ số)", "Confirmation code (6 digits)"},
    Message{"acc_new_password", "Mật khẩu mới", "New password"},
    Message{"acc_reset_button", "Đặt lại mật khẩu", "Reset the password"},
    Message{"acc_request_code_link", "Yêu cầu mã xác nhận mới", "Ask for a new code"},
    Message{"acc_reset_done", "Đã đặt lại mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.",
            "Your password has been reset. Please sign in with the new password."},
    // "Thông tin tài khoản".
    Message{"acc_account_title", "Thông tin tài khoản", "Account details"},
    Message{"acc_created", "Ngày đăng ký", "Registered on"},
    Message{"acc_contact_title", "Thông tin liên hệ", "Contact details"},
    Message{"acc_save", "Lưu thay đổi", "Save changes"},
    Message{"acc_contact_saved", "Đã lưu thông tin liên hệ.", "Contact details saved."},
    Message{"acc_change_password", "Đổi mật khẩu", "Change the password"},
    Message{"acc_current_password", "Mật khẩu hiện tại", "Current password"},
    Message{"acc_password_saved", "Đã đổi mật khẩu.", "Password changed."},
    Message{"acc_signed_out_csrf", "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng thử lại.",
            "The form has expired or is not valid. Please try again."},
};

}  // namespace

std::span<const Message> account_messages() { return kAccountMessages; }

}  // namespace motcua::adapters::web
