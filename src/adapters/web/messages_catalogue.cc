#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// The public catalogue ("Thủ tục hành chính", a procedure's page, the site search) and the
// public "Tra cứu hồ sơ". Column labels are those of the national portal's procedure pages.
constexpr std::array kCatalogueMessages = {
    // The catalogue's list.
    Message{"cat_search_results", "Kết quả tìm kiếm", "Search results"},
    Message{"cat_search_label", "Tên hoặc mã thủ tục", "Procedure name or code"},
    Message{"cat_field", "Lĩnh vực", "Field"},
    Message{"cat_all_fields", "Tất cả lĩnh vực", "All fields"},
    Message{"cat_level", "Cấp thực hiện", "Level"},
    Message{"cat_all_levels", "Tất cả các cấp", "All levels"},
    Message{"cat_group", "Nhóm", "Group"},
    Message{"cat_all_procedures", "Xem tất cả thủ tục", "See every procedure"},
    Message{"cat_total", "Số thủ tục tìm thấy", "Procedures found"},
    Message{"cat_results", "Danh sách thủ tục hành chính", "Administrative procedures"},
    Message{"cat_code", "Mã thủ tục", "Procedure code"},
    Message{"cat_name", "Tên thủ tục", "Procedure name"},
    Message{"cat_online", "Nộp trực tuyến", "Submit online"},
    Message{"cat_group_unknown", "Không có nhóm thủ tục này; dưới đây là mọi thủ tục.",
            "There is no such group; every procedure is listed below."},
    Message{"cat_group_empty", "Nhóm này chưa có thủ tục nào trên hệ thống.",
            "This group has no procedure in the system yet."},
    Message{"cat_none", "Không tìm thấy thủ tục phù hợp.", "No procedure matches."},
    // A procedure's page.
    Message{"cat_from", "từ", "from"},
    Message{"cat_same_day", "Trong ngày", "Within the day"},
    Message{"cat_working_days", "ngày làm việc", "working days"},
    Message{"cat_procedure_not_found", "Không tìm thấy thủ tục", "Procedure not found"},
    Message{"cat_procedure_not_found_body",
            "Không có thủ tục hành chính với mã này. Vui lòng tìm thủ tục trong danh mục "
            "\"Thủ tục hành chính\".",
            "There is no administrative procedure with this code. Please look for it under "
            "\"Administrative procedures\"."},
    Message{"cat_agency", "Cơ quan thực hiện", "Implementing agency"},
    Message{"cat_days", "Thời hạn giải quyết", "Processing time"},
    Message{"cat_documents", "Thành phần hồ sơ", "Documents to submit"},
    Message{"cat_document_name", "Tên giấy tờ", "Document"},
    Message{"cat_originals", "Bản chính", "Originals"},
    Message{"cat_copies", "Bản sao", "Copies"},
    Message{"cat_requirement", "Yêu cầu", "Requirement"},
    Message{"cat_required", "Bắt buộc", "Required"},
    Message{"cat_if_any", "Nếu có", "If any"},
    Message{"cat_no_documents", "Chưa cập nhật thành phần hồ sơ.",
            "The documents are not recorded yet."},
    Message{"cat_fees", "Phí, lệ phí", "Fees and charges"},
    Message{"cat_fee_name", "Loại phí, lệ phí", "Fee"},
    Message{"cat_fee_amount", "Mức thu", "Amount"},
    Message{"cat_fee_cap", "Mức thu tối đa", "At most"},
    Message{"cat_fee_basis", "Căn cứ", "Basis"},
    Message{"cat_no_fees", "Chưa có mức phí, lệ phí áp dụng hôm nay trong danh mục.",
            "The catalogue has no fee that applies today."},
    Message{"cat_legal_basis", "Căn cứ pháp lý", "Legal basis"},
    Message{"cat_not_recorded", "Chưa cập nhật", "Not recorded yet"},
    Message{"cat_unconfirmed",
            "Một số thông tin của thủ tục này chưa được đối chiếu với Cơ sở dữ liệu quốc gia về "
            "thủ tục hành chính.",
            "Some facts of this procedure are not yet checked against the national database of "
            "administrative procedures."},
    Message{"cat_submit_online", "Nộp hồ sơ trực tuyến", "Submit the case online"},
    Message{"cat_back_to_catalogue", "Quay lại danh mục thủ tục", "Back to the catalogue"},
    // "Tra cứu hồ sơ".
    Message{"cat_lookup_intro",
            "Nhập mã số hồ sơ và 4 số cuối CCCD/MST của người nộp để xem tình trạng hồ sơ.",
            "Type the case code and the last 4 digits of the submitter's ID or tax code to see "
            "the case's status."},
    Message{"cat_case_code", "Mã số hồ sơ", "Case code"},
    Message{"cat_last_digits", "4 số cuối CCCD/MST của người nộp",
            "Last 4 digits of the submitter's ID or tax code"},
    Message{"cat_lookup_not_found",
            "Không tìm thấy hồ sơ khớp với mã số hồ sơ và 4 số cuối CCCD/MST đã nhập.",
            "No case matches this code and these digits."},
    Message{"cat_lookup_digits", "Vui lòng nhập đúng 4 chữ số cuối của CCCD/MST người nộp.",
            "Please type the last 4 digits of the submitter's ID or tax code."},
    Message{"cat_procedure", "Thủ tục", "Procedure"},
    Message{"cat_submitter", "Người nộp", "Submitter"},
    Message{"cat_unit", "Đơn vị thực hiện", "Processing unit"},
    Message{"cat_status", "Trạng thái", "Status"},
    Message{"cat_submitted_at", "Ngày nộp", "Submitted"},
    Message{"cat_received_at", "Ngày tiếp nhận", "Received"},
    Message{"cat_appointment_at", "Ngày hẹn trả", "Results due"},
    Message{"cat_history", "Quá trình xử lý", "History"},
    Message{"cat_history_at", "Thời gian", "Time"},
    Message{"cat_amount_due", "Phí, lệ phí còn phải nộp", "Fees still due"},
    // The admin's procedure page: its public terms.
    Message{"cat_admin_public_terms", "Thông tin công khai trên cổng dịch vụ công",
            "What the public portal shows"},
    Message{"cat_admin_online", "Cho phép nộp hồ sơ trực tuyến", "Offered online"},
    Message{"cat_admin_fees_up_front", "Thu phí, lệ phí ngay khi nộp hồ sơ",
            "Fees are paid at submission"},
    Message{"cat_admin_documents_hint",
            "Mỗi dòng một giấy tờ: Tên giấy tờ | bản chính | bản sao | bắt buộc (hoặc nếu có). "
            "Ví dụ: Tờ khai theo mẫu | 1 | 0 | bắt buộc",
            "One document a line: name | originals | copies | bắt buộc (required) or nếu có (if "
            "any). Example: Tờ khai theo mẫu | 1 | 0 | bắt buộc"},
    Message{"cat_doc_line", "Thành phần hồ sơ, dòng", "Documents, line"},
    Message{"cat_doc_parts",
            "cần đủ 4 phần ngăn cách bởi dấu |: Tên giấy tờ | bản chính | bản sao | bắt buộc "
            "hoặc nếu có.",
            "needs 4 parts separated by |: name | originals | copies | bắt buộc or nếu có."},
    Message{"cat_doc_name", "tên giấy tờ không được để trống (tối đa 500 ký tự).",
            "the document needs a name (at most 500 characters)."},
    Message{"cat_doc_count", "số bản chính và bản sao là số nguyên từ 0 đến 99.",
            "originals and copies are whole numbers from 0 to 99."},
    Message{"cat_doc_requirement", "phần cuối phải là \"bắt buộc\" hoặc \"nếu có\".",
            "the last part must be \"bắt buộc\" (required) or \"nếu có\" (if any)."},
    Message{"cat_doc_text", "có ký tự không hợp lệ.", "has characters that are not valid text."},
    Message{"cat_doc_too_many", "một thủ tục có tối đa 50 giấy tờ.",
            "a procedure has at most 50 documents."},
    Message{"cat_terms_invalid",
            "Thông tin công khai không hợp lệ (cơ quan thực hiện tối đa 300 ký tự).",
            "The public terms are not valid (the agency has at most 300 characters)."},
};

}  // namespace

std::span<const Message> catalogue_messages() { return kCatalogueMessages; }

}  // namespace motcua::adapters::web
