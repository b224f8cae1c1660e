#pragma once
// The fee quantities of a new case's form, shared by the console's "Tiếp nhận hồ sơ"
// (intake_pages.cc) and the portal's online submission (submission_pages.cc): one hidden
// "phi_<i>" per fee item valid on the day (its name) and one "Số lượng" input "sl_<i>_<t>" per
// tier line, as on the guide's fee table.
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/web/i18n.h"
#include "adapters/web/template_data.h"
#include "app/fee_pricing.h"
#include "core/case_record.h"
#include "core/procedure.h"

namespace motcua::adapters::web {

using FormValues = std::map<std::string, std::string>;
// A field's name -> the message key of its problem.
using FormErrors = std::map<std::string, std::string>;

std::string fee_item_field(size_t item);
std::string fee_count_field(size_t item, size_t tier);

// Sets "fee_items" (the hidden item names) and "fee_rows" (item, description, unit_amount,
// cap, input, value, error) on `data` for the procedure's fee items that apply on `day`, in
// the procedure's order (as app::price_fee_lines prices them). `fresh`: pre-filled as an
// unlisted item is charged (1 on each item's first line, 0 elsewhere); else `values`.
void add_fee_rows(TemplateData& data, Language language, const core::Procedure& procedure,
                  std::chrono::sys_days day, const FormValues& values, const FormErrors& errors,
                  bool fresh);

// The fee requests the form's "phi_<i>" / "sl_<i>_<t>" fields describe. A count that is not a
// whole number >= 0 puts "intake_error_quantity" on its field (and counts as 0). One tier
// line: a count of units (a cap per set still applies); several: one count per tier line.
std::vector<app::FeeItemRequest> fee_requests_from(const FormValues& values, FormErrors& errors);

// Places a fee problem of app::price_fee_lines ("fees[i].item", "fees[i].tier_counts", ...) on
// the form's field; false when `path` is not a fee path.
bool place_fee_error(const std::string& path, FormErrors& errors);

// True when `text` holds nothing but spaces, tabs or line breaks.
bool is_blank_text(std::string_view text);

// The message key for a problem the intake checks (app::check_intake_request) found with a
// person's `part` ("name", "id_number", "phone", "email", ...), given what was entered there.
std::string person_error_key(std::string_view part, const std::string& value);

// The person fields of a new case's form: the submitter's are "nop_<part>", the owner's
// "chu_<part>"; `path` is the part's name in app::IntakeError::field ("submitter.name").
struct PersonPart {
  const char* part;
  const char* path;
  const char* label_key;
  const char* type;
};
inline constexpr std::array kPersonParts = {
    PersonPart{"ten", "name", "intake_full_name", "text"},
    PersonPart{"so_giay_to", "id_number", "intake_id_number", "text"},
    PersonPart{"dia_chi", "address", "intake_address", "text"},
    PersonPart{"dien_thoai", "phone", "intake_phone", "tel"},
    PersonPart{"email", "email", "intake_email", "email"},
};

// A person of the form: "<prefix>_ten", "_so_giay_to", "_dia_chi", "_dien_thoai", "_email"
// (prefix "nop" for người nộp, "chu" for chủ hồ sơ). Empty when every field is blank and
// `always` is false (no owner given: the submitter is the owner).
std::optional<core::CasePerson> person_from(const FormValues& values, const std::string& prefix,
                                            bool always);

// Places a person problem of app::check_intake_request ("submitter.phone", "owner.name", ...)
// on the form's field ("nop_dien_thoai", "chu_ten", ...); false when `path` is not one.
bool place_person_error(const std::string& path, const FormValues& values, FormErrors& errors);

}  // namespace motcua::adapters::web
