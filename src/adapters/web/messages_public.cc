#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// The public site: labels from the guide's home page and "Thanh toán trực tuyến" page, word
// for word (parts A.I step 1, A.II and B).
constexpr std::array kPublicMessages = {
    // Header and menu.
    Message{"pub_system_name", "HỆ THỐNG THÔNG TIN GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            "ADMINISTRATIVE PROCEDURE INFORMATION SYSTEM"},
    Message{"pub_motto", "Hành chính phục vụ", "Administration that serves"},
    Message{"pub_sign_in", "Đăng nhập", "Sign in"},
    Message{"pub_register", "Đăng ký", "Register"},
    Message{"pub_account_menu", "Tài khoản", "Account"},
    Message{"pub_manage_cases", "Quản lý hồ sơ", "My cases"},
    Message{"pub_account_info", "Thông tin tài khoản", "Account details"},
    Message{"pub_sign_out", "Đăng xuất", "Sign out"},
    Message{"pub_menu_label", "Menu chính", "Main menu"},
    Message{"pub_menu_about", "Giới thiệu", "About"},
    Message{"pub_menu_procedures", "Thủ tục hành chính", "Administrative procedures"},
    Message{"pub_menu_online_services", "Dịch vụ công trực tuyến", "Online public services"},
    Message{"pub_menu_case_lookup", "Tra cứu hồ sơ", "Case lookup"},
    Message{"pub_menu_feedback", "Phản ánh kiến nghị", "Feedback and petitions"},
    Message{"pub_menu_rating", "Đánh giá", "Service rating"},
    Message{"pub_menu_statistics", "Thống kê", "Statistics"},
    Message{"pub_menu_support", "Hỗ trợ", "Support"},
    Message{"pub_menu_other", "Dịch vụ khác", "Other services"},
    Message{"pub_support_faq", "Câu hỏi thường gặp dành cho công dân, doanh nghiệp",
            "Frequently asked questions for citizens and businesses"},
    Message{"pub_support_staff_guide", "Hướng dẫn dành cho cán bộ sử dụng phần mềm",
            "Guide for officers using the software"},
    Message{"pub_support_citizen_guide", "Hướng dẫn dành cho công dân, doanh nghiệp",
            "Guide for citizens and businesses"},
    Message{"pub_online_payment", "Thanh toán trực tuyến", "Online payment"},
    Message{"pub_home", "Trang chủ", "Home"},
    // Home page.
    Message{"pub_home_title", "Trang chủ", "Home"},
    Message{"pub_search", "Tìm kiếm", "Search"},
    Message{"pub_search_placeholder", "Nhập từ khóa tìm kiếm", "Enter search keywords"},
    Message{"pub_questions", "Hỏi đáp", "Questions and answers"},
    Message{"pub_survey", "Khảo sát", "Survey"},
    Message{"pub_featured", "DỊCH VỤ HÀNH CHÍNH CÔNG NỔI BẬT", "FEATURED PUBLIC SERVICES"},
    Message{"pub_citizens", "CÔNG DÂN", "CITIZENS"},
    Message{"pub_businesses", "DOANH NGHIỆP", "BUSINESSES"},
    Message{"pub_group_small_children", "Có con nhỏ", "Having young children"},
    Message{"pub_group_study", "Học tập", "Study"},
    Message{"pub_group_work", "Việc làm", "Employment"},
    Message{"pub_group_residence", "Cư trú và giấy tờ tùy thân", "Residence and identity papers"},
    Message{"pub_group_family", "Hôn nhân và gia đình", "Marriage and family"},
    Message{"pub_group_housing", "Điện lực, nhà ở, đất đai", "Electricity, housing, land"},
    Message{"pub_group_health", "Sức khỏe và y tế", "Health and medical care"},
    Message{"pub_group_start_business", "Khởi sự kinh doanh", "Starting a business"},
    Message{"pub_group_labour", "Lao động và bảo hiểm xã hội", "Labour and social insurance"},
    Message{"pub_group_finance", "Tài chính doanh nghiệp", "Business finance"},
    Message{"pub_group_construction", "Điện lực, đất đai, xây dựng",
            "Electricity, land, construction"},
    Message{"pub_group_trade", "Thương mại, quảng cáo", "Trade, advertising"},
    Message{"pub_group_property", "Sở hữu trí tuệ, đăng ký tài sản",
            "Intellectual property, asset registration"},
    Message{"pub_group_branch", "Thành lập chi nhánh, văn phòng đại diện",
            "Branches and representative offices"},
    // Footer.
    Message{"pub_footer_system", "Hệ thống thông tin giải quyết TTHC",
            "Administrative procedure information system,"},
    Message{"pub_footer_address", "Địa điểm trụ sở", "Office"},
    Message{"pub_staff_console", "Cán bộ Một cửa: đăng nhập hệ thống xử lý hồ sơ",
            "One-stop-shop officers: sign in to the case console"},
    // Pages still to come (the citizen portal).
    Message{"pub_not_yet_title", "Chức năng đang được xây dựng", "Coming soon"},
    Message{"pub_not_yet_body",
            "Chức năng này đang được xây dựng và sẽ sớm được đưa vào sử dụng. Bạn vẫn có thể "
            "thanh toán phí, lệ phí hồ sơ tại trang Thanh toán trực tuyến.",
            "This feature is being built and will be available soon. You can already pay a "
            "case's fees on the Online payment page."},
    Message{"pub_back_home", "Về trang chủ", "Back to the home page"},
    // "Thanh toán trực tuyến".
    Message{"pub_enter_code", "Nhập mã hồ sơ", "Enter the case code"},
    Message{"pub_find", "Tìm kiếm", "Search"},
    Message{"pub_payer", "Người nộp tiền", "Payer"},
    Message{"pub_payer_id", "CCCD/MST", "Citizen ID / tax code"},
    Message{"pub_content", "Nội dung", "Content"},
    Message{"pub_fee", "Phí lệ phí", "Fees due"},
    Message{"pub_scan_hint", "*Quét mã QR hoặc click vào nút bên dưới để thanh toán",
            "*Scan the QR code or click the button below to pay"},
    Message{"pub_pay", "Thanh toán", "Pay"},
    Message{"pub_qr_title", "Mã QR thanh toán lệ phí cho hồ sơ", "Payment QR code for case"},
    Message{"pub_case_not_found",
            "Không tìm thấy hồ sơ cần thanh toán với mã đã nhập. Vui lòng kiểm tra lại mã hồ sơ "
            "trên giấy tiếp nhận.",
            "No case to pay was found for this code. Please check the case code on the intake "
            "slip."},
    Message{"pub_too_many_lookups",
            "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau 1 phút.",
            "Too many lookups in a short time. Please try again in a minute."},
    Message{"pub_all_paid",
            "Hồ sơ không còn khoản phí, lệ phí nào phải thanh toán: các khoản phí, lệ phí đã "
            "được thanh toán đủ.",
            "Nothing is outstanding on this case: its fees have been paid in full."},
    Message{"pub_no_fees",
            "Hồ sơ không còn khoản phí, lệ phí nào phải thanh toán: hồ sơ không thu phí, lệ phí.",
            "Nothing is outstanding on this case: it carries no fees."},
    Message{"pub_slip_qr_caption",
            "Quét mã QR bằng điện thoại để thanh toán trực tuyến phí, lệ phí còn lại:",
            "Scan the QR code with a phone to pay the outstanding fees online:"},
    // /api/v1/public problem+json titles.
    Message{"api_public_rate_limited", "Tra cứu quá nhiều lần", "Too many lookups"},
};

}  // namespace

std::span<const Message> public_messages() { return kPublicMessages; }

}  // namespace motcua::adapters::web
