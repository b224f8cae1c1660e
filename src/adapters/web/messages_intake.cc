#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// "Tiếp nhận hồ sơ", the intake slip (Mẫu 01, Thông tư 01/2018/TT-VPCP: its wording, word for
// word, where the form has it) and "Xử lý hồ sơ".
constexpr std::array kIntakeMessages = {
    // Procedure picker.
    Message{"intake_choose_procedure", "Chọn thủ tục", "Choose a procedure"},
    Message{"intake_search_procedure", "Tìm thủ tục (tên hoặc mã, gõ có dấu hoặc không dấu)",
            "Find a procedure (name or code, with or without diacritics)"},
    Message{"intake_field_filter", "Lĩnh vực", "Field"},
    Message{"intake_all_fields", "Tất cả lĩnh vực", "All fields"},
    Message{"intake_procedure_code", "Mã thủ tục", "Procedure code"},
    Message{"intake_procedure_name", "Tên thủ tục", "Procedure name"},
    Message{"intake_processing_time", "Thời hạn giải quyết", "Processing time"},
    Message{"intake_working_days", "ngày làm việc", "working days"},
    Message{"intake_choose", "Chọn", "Choose"},
    Message{"intake_no_procedures", "Không tìm thấy thủ tục nào.", "No procedure found."},
    Message{"intake_more_procedures",
            "Chỉ hiển thị 20 thủ tục đầu tiên; hãy nhập thêm từ khóa để thu hẹp.",
            "Only the first 20 procedures are shown; type more words to narrow the list."},
    Message{"intake_procedure_not_found", "Không tìm thấy thủ tục này. Vui lòng chọn lại.",
            "This procedure was not found. Please choose again."},
    Message{"intake_chosen_procedure", "Thủ tục đã chọn", "Chosen procedure"},
    // The form.
    Message{"intake_owner_section", "Chủ hồ sơ (nếu khác người nộp)",
            "Case owner (if not the submitter)"},
    Message{"intake_full_name", "Họ tên", "Full name"},
    Message{"intake_id_number", "Số CMND/CCCD/MST", "ID card, citizen ID or tax code"},
    Message{"intake_address", "Địa chỉ", "Address"},
    Message{"intake_phone", "Số điện thoại", "Phone"},
    Message{"intake_email", "Email", "E-mail"},
    Message{"intake_fee_type", "Loại lệ phí", "Fee type"},
    Message{"intake_quantity", "Số lượng", "Quantity"},
    Message{"intake_fee_cap", "Tối đa mỗi bản", "At most per copy"},
    Message{"intake_no_fee_items", "Thủ tục không có phí, lệ phí áp dụng hôm nay.",
            "The procedure has no fee that applies today."},
    Message{"intake_submit", "Tiếp nhận và in giấy hẹn", "Take in and print the slip"},
    Message{"intake_form_errors",
            "Hồ sơ chưa được lưu. Vui lòng sửa các mục được đánh dấu bên dưới.",
            "The case was not saved. Please correct the marked fields below."},
    Message{"intake_error_name_required", "Vui lòng nhập họ tên.", "Please enter the full name."},
    Message{"intake_error_text_invalid", "Nội dung không hợp lệ.", "This text is not valid."},
    Message{"intake_error_id_required", "Vui lòng nhập số CMND/CCCD/MST.",
            "Please enter the ID card, citizen ID or tax code number."},
    Message{"intake_error_id_invalid",
            "Số giấy tờ không hợp lệ: CCCD có 12 chữ số, CMND 9 chữ số, MST 10 hoặc 13 chữ số.",
            "Not a valid number: a citizen ID has 12 digits, an ID card 9, a tax code 10 or 13."},
    Message{"intake_error_phone", "Số điện thoại phải có từ 8 đến 15 chữ số.",
            "A phone number has 8 to 15 digits."},
    Message{"intake_error_email", "Địa chỉ email không hợp lệ (ví dụ: ten@example.vn).",
            "Not a valid e-mail address (for example name@example.vn)."},
    Message{"intake_error_quantity", "Số lượng phải là số nguyên không âm.",
            "A quantity is a whole number, zero or more."},
    Message{"intake_error_fee_item", "Lệ phí này không còn áp dụng; vui lòng tải lại biểu mẫu.",
            "This fee no longer applies; please reload the form."},
    Message{"intake_error_choice", "Vui lòng chọn một mục trong danh sách.",
            "Please choose an entry of the list."},
    Message{"intake_error_procedure", "Vui lòng chọn thủ tục.", "Please choose a procedure."},
    Message{"intake_failed",
            "Không thể tiếp nhận hồ sơ: đơn vị không hoạt động vào hôm nay hoặc dữ liệu lệ phí "
            "của thủ tục bị lỗi. Vui lòng báo quản trị.",
            "The case cannot be taken in: the unit is not active today or the procedure's fee "
            "data is broken. Please tell the administrator."},
    Message{"intake_out_of_range",
            "Không thể cấp số hồ sơ hoặc tính ngày hẹn trả (hết số trong ngày hoặc thiếu lịch "
            "làm việc). Vui lòng báo quản trị.",
            "No case number or appointment could be given (the day's numbers are used up or the "
            "working calendar is missing). Please tell the administrator."},
    Message{"intake_unconfirmed_calendar",
            "Lưu ý: ngày hẹn trả được tính theo lịch nghỉ chưa được quản trị xác nhận.",
            "Note: the appointment rests on days off the administrator has not confirmed yet."},
    // The slip (Mẫu 01).
    Message{"intake_slip_link", "In giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            "Print the intake slip and result appointment"},
    Message{"slip_page_title", "Giấy tiếp nhận hồ sơ", "Intake slip"},
    Message{"slip_title", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "RECEIPT OF THE CASE AND APPOINTMENT FOR THE RESULT"},
    Message{"slip_nation", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"},
    Message{"slip_motto", "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"},
    Message{"slip_number", "Số", "No."},
    Message{"slip_case_code", "Mã hồ sơ", "Case code"},
    Message{"slip_copy", "(Liên: Lưu/giao khách hàng)", "(Copy: file/customer)"},
    Message{"slip_unit", "Bộ phận tiếp nhận và trả kết quả", "Reception and result unit"},
    Message{"slip_received_from", "Tiếp nhận hồ sơ của", "Case received from"},
    Message{"slip_request", "Nội dung yêu cầu giải quyết", "Request"},
    Message{"slip_documents", "Thành phần hồ sơ nộp gồm", "Documents submitted"},
    Message{"slip_documents_note", "(cán bộ tiếp nhận ghi theo giấy tờ thực nhận)",
            "(written in by the receiving officer from the documents received)"},
    Message{"slip_sets", "Số lượng hồ sơ", "Number of sets"},
    Message{"slip_sets_unit", "(bộ)", "(set)"},
    Message{"slip_legal_time", "Thời gian giải quyết hồ sơ theo quy định là",
            "Processing time set by law"},
    Message{"slip_received_time", "Thời gian nhận hồ sơ", "Received at"},
    Message{"slip_return_time", "Thời gian trả kết quả giải quyết hồ sơ",
            "Result to be returned at"},
    Message{"slip_pickup", "Đăng ký nhận kết quả tại", "Result to be received"},
    Message{"slip_register", "Vào Sổ theo dõi hồ sơ, Quyển số: .......... Số thứ tự: ..........",
            "Entered in the case register, book no.: .......... entry no.: .........."},
    Message{"slip_fees", "Phí, lệ phí", "Fees and charges"},
    Message{"slip_in_words", "Số tiền bằng chữ", "Amount in words"},
    Message{"slip_signer_submitter", "NGƯỜI NỘP HỒ SƠ", "SUBMITTER"},
    Message{"slip_signer_officer", "NGƯỜI TIẾP NHẬN HỒ SƠ", "RECEIVING OFFICER"},
    Message{"slip_sign_note", "(Ký và ghi rõ họ tên)", "(Signature and full name)"},
    Message{"slip_print_hint", "Dùng lệnh In của trình duyệt (Ctrl+P) để in giấy này.",
            "Use the browser's Print command (Ctrl+P) to print this slip."},
    Message{"slip_back_to_case", "Quay lại hồ sơ", "Back to the case"},
    // Xử lý hồ sơ.
    Message{"process_intro",
            "Hồ sơ của đơn vị đang được xử lý. Chọn thao tác để chuyển hồ sơ sang trạng thái "
            "tiếp theo; các trạng thái cần lý do có ô nhập lý do.",
            "The unit's cases in processing. Choose an action to move a case on; statuses that "
            "need a reason have a reason field."},
};

}  // namespace

std::span<const Message> intake_messages() { return kIntakeMessages; }

}  // namespace motcua::adapters::web
