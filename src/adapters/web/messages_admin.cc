#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// "Cấu hình số hồ sơ", "Xóa hồ sơ" and the admin pages (quản trị).
constexpr std::array kAdminMessages = {
    Message{"menu_admin", "Quản trị", "Administration"},
    Message{"menu_admin_agencies", "Cơ quan, đơn vị", "Agencies"},
    Message{"menu_admin_staff", "Cán bộ", "Staff"},
    Message{"menu_admin_procedures", "Thủ tục và lệ phí", "Procedures and fees"},
    Message{"menu_admin_calendar", "Lịch nghỉ lễ, làm bù", "Holiday calendar"},
    Message{"saved", "Đã lưu.", "Saved."},
    Message{"admin_bad_input", "Dữ liệu không hợp lệ. Vui lòng kiểm tra lại.",
            "The data is not valid. Please check it."},
    Message{"admin_not_found", "Không tìm thấy dữ liệu cần sửa.", "The record was not found."},
    Message{"edit", "Sửa", "Edit"},
    Message{"create", "Thêm mới", "Add"},
    Message{"remove", "Xóa", "Remove"},
    Message{"back", "Quay lại", "Back"},
    Message{"choose", "Chọn", "Choose"},
    // Cấu hình số hồ sơ
    Message{"numbering_pattern", "Mẫu số hồ sơ", "Case number pattern"},
    Message{"numbering_help",
            "Dùng các thành phần {agency} (mã cơ quan), {yyyy} hoặc {yy} (năm), {MM} (tháng), {dd} "
            "(ngày) và {seq:N} (số thứ tự, N chữ số). Ví dụ: {agency}-{yy}{MM}{dd}-{seq:4}.",
            "Use {agency} (agency code), {yyyy} or {yy} (year), {MM} (month), {dd} (day) and "
            "{seq:N} (sequence, N digits). Example: {agency}-{yy}{MM}{dd}-{seq:4}."},
    Message{"numbering_preview", "Xem trước", "Preview"},
    Message{"numbering_next_code", "Số hồ sơ tiếp theo", "Next case number"},
    Message{"numbering_who",
            "Quản trị được sửa mẫu của mọi cơ quan; lãnh đạo đơn vị được sửa mẫu của đơn vị mình.",
            "Admins may change any agency's pattern; a unit lead may change their own unit's."},
    Message{"numbering_invalid",
            "Mẫu số hồ sơ không hợp lệ: mẫu phải có {agency} theo sau là ký tự phân cách, năm "
            "({yyyy} hoặc {yy}), {dd} chỉ đi cùng {MM}, và {seq:N} với N từ 1 đến 9; chỉ dùng chữ, "
            "số và các ký tự . - _ /.",
            "The case number pattern is not valid: it needs {agency} followed by a separator, a "
            "year ({yyyy} or {yy}), {dd} only with {MM}, and {seq:N} with N from 1 to 9; only "
            "letters, digits and . - _ / are allowed."},
    Message{"numbering_exhausted", "Số thứ tự trong ngày đã hết chữ số theo mẫu này.",
            "The day's sequence no longer fits this pattern's digits."},
    Message{"unknown_agency", "Không tìm thấy cơ quan.", "Agency not found."},
    // Xóa hồ sơ
    Message{"delete_case", "Xóa hồ sơ", "Delete case"},
    Message{"delete_case_help",
            "Hồ sơ bị xóa chuyển sang trạng thái Đã hủy, vẫn được lưu và tra cứu được; lý do được "
            "ghi vào lịch sử xử lý.",
            "A deleted case moves to Cancelled and stays stored and searchable; the reason is "
            "kept in its history."},
    Message{"delete_reason_required", "Vui lòng nhập lý do xóa hồ sơ.",
            "Please give a reason for deleting the case."},
    Message{"delete_refused_paid",
            "Không thể xóa hồ sơ: hồ sơ đã có khoản lệ phí được thanh toán (hoặc hồ sơ vừa được "
            "người khác cập nhật, vui lòng xem lại trang).",
            "The case cannot be deleted: a fee of the case is paid (or someone has just changed "
            "the case; please review the page)."},
    Message{"delete_refused_status",
            "Không thể xóa hồ sơ ở trạng thái hiện tại (chỉ xóa được hồ sơ Mới đăng ký hoặc Được "
            "tiếp nhận).",
            "A case in this status cannot be deleted (only Mới đăng ký or Được tiếp nhận)."},
    Message{"back_to_case", "Quay lại hồ sơ", "Back to the case"},
    // Cơ quan
    Message{"agency_code", "Mã cơ quan", "Agency code"},
    Message{"agency_name", "Tên cơ quan", "Agency name"},
    Message{"agency_parent", "Cơ quan cấp trên", "Parent agency"},
    Message{"agency_successor", "Cơ quan kế thừa", "Successor agency"},
    Message{"agency_valid_from", "Hiệu lực từ ngày", "Valid from"},
    Message{"agency_valid_until", "Hiệu lực đến ngày", "Valid until"},
    Message{"agency_tax_code", "Mã số thuế", "Tax code"},
    Message{"agency_bank_bin", "Mã ngân hàng (BIN)", "Bank BIN"},
    Message{"agency_bank_account", "Số tài khoản thu", "Collecting account"},
    Message{"agency_receipt_form", "Ký hiệu mẫu số biên lai", "Receipt form symbol"},
    Message{"agency_receipt_series", "Ký hiệu biên lai", "Receipt series"},
    Message{"agency_new", "Thêm cơ quan", "Add an agency"},
    Message{"agency_edit", "Sửa cơ quan", "Edit agency"},
    Message{"agency_exists", "Mã cơ quan đã tồn tại.", "This agency code exists already."},
    Message{"agency_invalid",
            "Thông tin cơ quan không hợp lệ: mã chỉ gồm chữ, số và dấu chấm; tên không được trống; "
            "cơ quan cấp trên và kế thừa phải tồn tại; mã số thuế 10 hoặc 13 chữ số; BIN 6 chữ "
            "số; số tài khoản tối đa 19 chữ số; ngày theo dạng YYYY-MM-DD; mẫu số hồ sơ hợp lệ.",
            "The agency is not valid: the code has only letters, digits and dots; the name is "
            "required; parent and successor must exist; tax code 10 or 13 digits; BIN 6 digits; "
            "account at most 19 digits; dates as YYYY-MM-DD; a valid case number pattern."},
    // Cán bộ
    Message{"staff_username", "Tên đăng nhập", "Username"},
    Message{"staff_full_name", "Họ và tên", "Full name"},
    Message{"staff_roles", "Vai trò", "Roles"},
    Message{"staff_active", "Đang hoạt động", "Active"},
    Message{"staff_inactive", "Đã khóa", "Deactivated"},
    Message{"staff_initial_password", "Mật khẩu ban đầu", "Initial password"},
    Message{"staff_new", "Thêm cán bộ", "Add a staff member"},
    Message{"staff_deactivate", "Khóa tài khoản", "Deactivate"},
    Message{"staff_reactivate", "Mở khóa tài khoản", "Reactivate"},
    Message{"staff_save_roles", "Lưu vai trò", "Save roles"},
    Message{"role_officer", "Cán bộ một cửa", "One-stop-shop officer"},
    Message{"role_unit_lead", "Lãnh đạo đơn vị", "Unit lead"},
    Message{"role_agency_lookup", "Tra cứu hồ sơ toàn cơ quan", "Agency-wide lookup"},
    Message{"role_admin", "Quản trị", "Admin"},
    Message{"staff_none", "Đơn vị chưa có cán bộ.", "The unit has no staff yet."},
    Message{"staff_exists", "Tên đăng nhập đã được sử dụng.", "This username is taken."},
    Message{"staff_invalid",
            "Thông tin cán bộ không hợp lệ: tên đăng nhập 3-64 ký tự a-z, 0-9, . _ -; họ tên không "
            "được trống; chọn ít nhất một vai trò; mật khẩu ít nhất 8 ký tự. Quản trị không thể tự "
            "khóa tài khoản hay bỏ vai trò quản trị của mình.",
            "The staff member is not valid: username 3-64 of a-z, 0-9, . _ -; a full name; at "
            "least one role; a password of at least 8 characters. An admin cannot deactivate "
            "themselves or drop their own admin role."},
    // Thủ tục và lệ phí
    Message{"procedure_code", "Mã thủ tục", "Procedure code"},
    Message{"procedure_name", "Tên thủ tục", "Procedure name"},
    Message{"procedure_field", "Lĩnh vực", "Field"},
    Message{"procedure_days", "Thời hạn giải quyết (ngày làm việc)",
            "Processing time (working days)"},
    Message{"procedure_fee_items", "Loại lệ phí", "Fee items"},
    Message{"procedure_search_hint", "Tên hoặc mã thủ tục (không cần dấu)",
            "Procedure name or code (diacritics optional)"},
    Message{"procedure_none", "Không tìm thấy thủ tục nào.", "No procedure found."},
    Message{"procedure_invalid",
            "Thông tin thủ tục không hợp lệ: tên và lĩnh vực không được trống; thời hạn từ 0 đến "
            "365 ngày làm việc.",
            "The procedure is not valid: name and field are required; processing time 0-365 "
            "working days."},
    Message{"fee_name", "Tên lệ phí", "Fee name"},
    Message{"fee_unit", "Đơn vị tính", "Unit"},
    Message{"fee_amount_dong", "Mức lệ phí (đồng)", "Rate (đồng)"},
    Message{"fee_second_tier_from", "Mức thứ hai áp dụng từ đơn vị thứ", "Second rate from unit"},
    Message{"fee_second_tier_amount", "Mức thứ hai (đồng)", "Second rate (đồng)"},
    Message{"fee_cap", "Tối đa mỗi bản (đồng)", "Cap per copy (đồng)"},
    Message{"fee_valid_from", "Áp dụng từ ngày", "Applies from"},
    Message{"fee_valid_until", "Áp dụng đến ngày", "Applies until"},
    Message{"fee_legal_basis", "Căn cứ pháp lý", "Legal basis"},
    Message{"fee_add", "Thêm lệ phí", "Add a fee item"},
    Message{"fee_none", "Thủ tục chưa có lệ phí.", "The procedure has no fee items."},
    Message{"fee_amount_invalid",
            "Số tiền phải là số nguyên đồng, ví dụ 2000 hoặc 2.000 (không có phần thập phân).",
            "Amounts are whole đồng, e.g. 2000 or 2.000 (no decimals)."},
    Message{"fee_invalid",
            "Lệ phí không hợp lệ: cần tên, đơn vị tính, mức lệ phí, ngày áp dụng dạng YYYY-MM-DD; "
            "mức thứ hai phải áp dụng từ đơn vị thứ 2 trở đi.",
            "The fee item is not valid: it needs a name, a unit, a rate and a start date "
            "(YYYY-MM-DD); a second rate starts at unit 2 or later."},
    // Lịch
    Message{"calendar_year", "Năm", "Year"},
    Message{"calendar_confirmed", "Lịch năm đã được xác nhận.",
            "The year's schedule is confirmed."},
    Message{"calendar_proposed",
            "Lịch năm này là đề xuất, chưa được xác nhận: vui lòng nhập lịch nghỉ do Chính phủ "
            "công bố rồi xác nhận.",
            "This year's schedule is a proposal, not confirmed: please enter the announced "
            "schedule, then confirm it."},
    Message{"calendar_confirm", "Xác nhận lịch năm", "Confirm the year"},
    Message{"calendar_day", "Ngày", "Day"},
    Message{"calendar_to", "Đến ngày", "Until"},
    Message{"calendar_kind", "Loại", "Kind"},
    Message{"calendar_label", "Tên ngày", "Label"},
    Message{"calendar_day_off", "Ngày nghỉ", "Day off"},
    Message{"calendar_make_up", "Ngày làm bù", "Make-up working day"},
    Message{"calendar_add", "Thêm ngày", "Add a day"},
    Message{"calendar_unconfirmed_entry", "chưa xác nhận", "unconfirmed"},
    Message{"calendar_none", "Năm này chưa có ngày nghỉ lễ nào.", "No holidays in this year."},
    Message{"calendar_previous", "Năm trước", "Previous year"},
    Message{"calendar_next", "Năm sau", "Next year"},
    Message{"calendar_invalid",
            "Ngày không hợp lệ: nhập ngày dạng YYYY-MM-DD trong năm đang xem và tên ngày; ngày làm "
            "bù phải là thứ Bảy hoặc Chủ nhật và không trùng ngày nghỉ.",
            "The day is not valid: give a YYYY-MM-DD date in this year and a label; a make-up "
            "day must be a Saturday or Sunday that is not a day off."},
    Message{"calendar_applies_note",
            "Thay đổi có hiệu lực ngay: hạn xử lý của các hồ sơ tiếp nhận hoặc chuyển trạng thái "
            "từ bây giờ được tính theo lịch đã lưu; hạn đã tính trước đó không đổi.",
            "Changes apply at once: deadlines of cases taken in or moved from now on follow the "
            "stored calendar; deadlines already computed stay as they are."},
};

}  // namespace

std::span<const Message> admin_messages() { return kAdminMessages; }

}  // namespace motcua::adapters::web
