#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// "Dịch vụ công trực tuyến": the procedure list, the submission form and its attachments, and
// the attached files on the officer's case page.
constexpr std::array kSubmissionMessages = {
    Message{"sub_title", "Dịch vụ công trực tuyến", "Online public services"},
    Message{"sub_choose_procedure", "Chọn thủ tục hành chính để nộp hồ sơ trực tuyến.",
            "Choose the procedure to submit a case online."},
    Message{"sub_search_label", "Tìm thủ tục", "Find a procedure"},
    Message{"sub_search", "Tìm kiếm", "Search"},
    Message{"sub_code", "Mã thủ tục", "Procedure code"},
    Message{"sub_name", "Tên thủ tục", "Procedure"},
    Message{"sub_field", "Lĩnh vực", "Field"},
    Message{"sub_submit_online", "Nộp hồ sơ", "Submit"},
    Message{"sub_no_procedures", "Không tìm thấy thủ tục nào.", "No procedure found."},
    Message{"sub_more", "Còn nhiều thủ tục khác: hãy nhập thêm từ khóa để thu hẹp tìm kiếm.",
            "More procedures match: type more words to narrow the search."},
    Message{"sub_form_title", "Nộp hồ sơ trực tuyến", "Submit a case online"},
    Message{"sub_receiving_unit", "Đơn vị tiếp nhận", "Receiving unit"},
    Message{"sub_choose_unit", "-- Chọn đơn vị --", "-- Choose a unit --"},
    Message{"sub_owner", "Chủ hồ sơ", "Case owner"},
    Message{"sub_owner_hint", "Để trống nếu chủ hồ sơ là người nộp.",
            "Leave empty when the owner is the submitter."},
    Message{"sub_fees", "Phí, lệ phí", "Fees and charges"},
    Message{"sub_documents", "Thành phần hồ sơ", "Documents"},
    Message{"sub_file_types", "Chấp nhận tệp PDF, JPEG, PNG.", "PDF, JPEG and PNG files only."},
    Message{"sub_max_file", "Dung lượng tối đa mỗi tệp", "At most per file"},
    Message{"sub_max_total", "tổng cộng", "in all"},
    Message{"sub_originals", "bản chính", "original(s)"},
    Message{"sub_copies", "bản sao", "copies"},
    Message{"sub_other_document", "Giấy tờ khác", "Other document"},
    Message{"sub_send", "Nộp hồ sơ", "Submit the case"},
    Message{"sub_reattach", "Vui lòng chọn lại các tệp đính kèm.",
            "Please choose the files again."},
    Message{"sub_error_form", "Hồ sơ chưa được nộp: vui lòng sửa các mục được đánh dấu.",
            "The case was not submitted: please correct the marked fields."},
    Message{"sub_error_unit", "Vui lòng chọn đơn vị tiếp nhận.", "Choose the receiving unit."},
    Message{"sub_error_required_file", "Vui lòng đính kèm giấy tờ này.",
            "Please attach this document."},
    Message{"sub_error_file_size", "Tệp vượt quá dung lượng cho phép.",
            "The file is larger than allowed."},
    Message{"sub_error_file_type", "Chỉ chấp nhận tệp PDF, JPEG hoặc PNG.",
            "Only PDF, JPEG or PNG files are accepted."},
    Message{"sub_error_file_empty", "Tệp rỗng.", "The file is empty."},
    Message{"sub_error_file_document", "Giấy tờ không thuộc thủ tục này.",
            "This document is not part of the procedure."},
    Message{"sub_error_total", "Tổng dung lượng các tệp vượt quá giới hạn.",
            "The files together are larger than allowed."},
    Message{"sub_error_malformed", "Không đọc được dữ liệu gửi lên, vui lòng gửi lại.",
            "The submitted data could not be read; please send it again."},
    Message{"sub_procedure_not_found",
            "Không tìm thấy thủ tục hoặc thủ tục không hỗ trợ nộp hồ sơ trực tuyến.",
            "There is no such procedure, or it cannot be submitted online."},
    Message{"sub_unavailable", "Chức năng nộp hồ sơ trực tuyến tạm thời không khả dụng.",
            "Online submission is not available at the moment."},
    Message{"sub_file", "File đính kèm", "Attached file"},
    Message{"sub_file_missing", "Không tìm thấy tệp.", "File not found."},
    Message{"sub_file_document", "Giấy tờ", "Document"},
    Message{"sub_file_name", "Tên tệp", "File name"},
    Message{"sub_file_type", "Loại tệp", "Type"},
    Message{"sub_file_size", "Dung lượng", "Size"},
    Message{"sub_file_uploaded_at", "Thời gian tải lên", "Uploaded at"},
};

}  // namespace

std::span<const Message> submission_messages() { return kSubmissionMessages; }

}  // namespace motcua::adapters::web
