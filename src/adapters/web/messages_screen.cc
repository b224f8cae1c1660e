#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// Màn hình phụ, the counter screen: the tablet's pages and the officer's console page. The
// scanning hint is the guide's sentence (part II), word for word.
constexpr std::array kScreenMessages = {
    Message{"scr_title", "Màn hình phụ", "Counter screen"},
    Message{"scr_menu", "Màn hình phụ", "Counter screen"},
    Message{"scr_pairing_heading", "Ghép nối màn hình phụ", "Pair this counter screen"},
    Message{"scr_pairing_code", "Mã ghép nối", "Pairing code"},
    Message{"scr_pairing_help",
            "Cán bộ Một cửa nhập mã này tại mục \"Màn hình phụ\" trên màn hình làm việc.",
            "The one-stop-shop officer types this code under \"Counter screen\" in the console."},
    Message{"scr_pairing_valid_until", "Mã có hiệu lực đến", "The code is valid until"},
    Message{"scr_welcome", "Chào mừng quý khách", "Welcome"},
    Message{"scr_welcome_help", "Vui lòng chờ cán bộ Một cửa hướng dẫn.",
            "Please wait for the officer's guidance."},
    Message{"scr_case_code", "Mã hồ sơ", "Case code"},
    Message{"scr_scan_hint",
            "Khi đã kiểm tra và chính xác thông tin mã hồ sơ và số tiền người dân, doanh nghiệp "
            "thực hiện quét mã QR (sử dụng chức năng camera của điện thoại di động để quét mã "
            "QR).",
            "Once the case code and the amount are checked and correct, scan the QR code (with "
            "the camera of your mobile phone)."},
    Message{"scr_paid", "Thanh toán thành công", "Payment successful"},
    Message{"scr_paid_amount", "Số tiền đã thanh toán", "Amount paid"},
    Message{"scr_receipt", "Biên lai số", "Receipt number"},
    Message{"scr_receipt_series", "ký hiệu", "series"},
    Message{"scr_no_script", "Trang tự làm mới sau mỗi 3 giây.",
            "This page refreshes itself every 3 seconds."},
    // The officer's console page.
    Message{"scr_console_intro",
            "Mở trang /man-hinh-phu trên màn hình phụ hoặc máy tính bảng đặt tại quầy, rồi nhập "
            "mã ghép nối hiển thị trên đó.",
            "Open /man-hinh-phu on the second screen or tablet at the counter, then type the "
            "pairing code it shows."},
    Message{"scr_pair", "Ghép nối", "Pair"},
    Message{"scr_unpair", "Ngắt kết nối", "Disconnect"},
    Message{"scr_bound", "Đã kết nối màn hình phụ", "A counter screen is connected"},
    Message{"scr_not_bound", "Chưa kết nối màn hình phụ nào.", "No counter screen is connected."},
    Message{"scr_paired_at", "Thời điểm kết nối", "Connected at"},
    Message{"scr_last_seen", "Lần cuối hoạt động", "Last seen"},
    Message{"scr_showing", "Hồ sơ hiển thị gần nhất", "Case shown last"},
    Message{"scr_paired_ok", "Đã ghép nối màn hình phụ.", "The counter screen is paired."},
    Message{"scr_unpaired_ok", "Đã ngắt kết nối màn hình phụ.",
            "The counter screen is disconnected."},
    Message{"scr_code_malformed", "Mã ghép nối gồm 6 chữ số.", "A pairing code has 6 digits."},
    Message{"scr_code_wrong",
            "Mã ghép nối không đúng. Vui lòng kiểm tra mã đang hiển thị trên màn hình phụ.",
            "Wrong pairing code. Please check the code the counter screen shows."},
    Message{"scr_code_expired",
            "Mã ghép nối đã hết hạn. Màn hình phụ đang hiển thị mã mới; vui lòng nhập mã mới.",
            "The pairing code has expired. The counter screen shows a new one; please type it."},
    Message{"scr_too_many", "Nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
            "Too many attempts. Please try again in a few minutes."},
    // "Hiển thị cho người nộp" on the case page.
    Message{"scr_push", "Hiển thị cho người nộp", "Show to the payer"},
    Message{"scr_pushed_ok", "Đã hiển thị thông tin thanh toán trên màn hình phụ.",
            "The payment is shown on the counter screen."},
    Message{"scr_push_not_bound",
            "Bạn chưa kết nối màn hình phụ nào, nên không thể hiển thị cho người nộp. Chỉ cán bộ "
            "đã ghép nối màn hình phụ mới hiển thị được lên màn hình đó.",
            "No counter screen is connected to you, so nothing can be shown. Only the officer "
            "paired with a counter screen can show things on it."},
    Message{"scr_push_nothing_due", "Hồ sơ không còn khoản phí, lệ phí nào cần thanh toán.",
            "Nothing is left to pay on this case."},
    Message{"scr_back_to_case", "Quay lại hồ sơ", "Back to the case"},
};

}  // namespace

std::span<const Message> screen_messages() { return kScreenMessages; }

}  // namespace motcua::adapters::web
