#include "adapters/web/new_case_form.h"

#include <utility>

#include <optional>

#include "adapters/web/case_table.h"
#include "core/money.h"

namespace motcua::adapters::web {
namespace {

std::string value_of(const FormValues& values, const std::string& field) {
  auto it = values.find(field);
  return it == values.end() ? "" : it->second;
}

}  // namespace

std::string fee_item_field(size_t item) { return "phi_" + std::to_string(item); }
std::string fee_count_field(size_t item, size_t tier) {
  return "sl_" + std::to_string(item) + "_" + std::to_string(tier);
}

void add_fee_rows(TemplateData& data, Language language, const core::Procedure& procedure,
                  std::chrono::sys_days day, const FormValues& values, const FormErrors& errors,
                  bool fresh) {
  TemplateData items = TemplateData::list();
  TemplateData rows = TemplateData::list();
  std::vector<const core::FeeItem*> fees;
  for (const core::ProcedureFee& fee : procedure.fees) {
    if (fee.applies_on(day)) fees.push_back(&fee.item);
  }
  for (size_t i = 0; i < fees.size(); ++i) {
    const core::FeeItem& item = *fees[i];
    TemplateData hidden;
    hidden.set("field", fee_item_field(i));
    hidden.set("item", item.name);
    items.push(hidden);
    auto item_error = errors.find(fee_item_field(i));
    for (size_t t = 0; t < item.tiers.size(); ++t) {
      const core::FeeTier& tier = item.tiers[t];
      std::string input = fee_count_field(i, t);
      TemplateData row;
      row.set("item", item.name);
      row.set("description", tier.description.empty() ? item.name : tier.description);
      row.set("unit_amount",
              core::format_vnd(tier.unit_amount) + (item.unit.empty() ? "" : "/" + item.unit));
      if (t == 0 && item.cap_per_set) row.set("cap", core::format_vnd(*item.cap_per_set));
      row.set("input", input);
      row.set("value", fresh ? std::string(t == 0 ? "1" : "0") : value_of(values, input));
      std::string error;
      if (auto e = errors.find(input); e != errors.end()) {
        error = std::string(text(language, e->second));
      } else if (t == 0 && item_error != errors.end()) {
        error = std::string(text(language, item_error->second));
      }
      if (!error.empty()) row.set("error", error);
      rows.push(row);
    }
  }
  data.set("fee_items", items);
  data.set("fee_rows", rows);
}

std::vector<app::FeeItemRequest> fee_requests_from(const FormValues& values, FormErrors& errors) {
  std::vector<app::FeeItemRequest> fees;
  for (size_t i = 0; values.count(fee_item_field(i)) > 0; ++i) {
    app::FeeItemRequest fee;
    fee.item = value_of(values, fee_item_field(i));
    std::vector<std::int64_t> counts;
    for (size_t t = 0; values.count(fee_count_field(i, t)) > 0; ++t) {
      std::string field = fee_count_field(i, t);
      std::optional<std::int64_t> count = number_of(value_of(values, field));
      if (!count || *count < 0) {
        errors.emplace(field, "intake_error_quantity");
        count = 0;
      }
      counts.push_back(*count);
    }
    if (counts.size() == 1) {
      fee.quantity = core::FeeQuantity{counts[0], 1};
    } else {
      fee.tier_counts = std::move(counts);
    }
    fees.push_back(std::move(fee));
  }
  return fees;
}

bool place_fee_error(const std::string& path, FormErrors& errors) {
  if (path.rfind("fees[", 0) != 0) return false;
  std::optional<std::int64_t> index = number_of(path.substr(5, path.find(']') - 5));
  if (!index) return true;
  bool item = path.find("].item") != std::string::npos;
  errors.emplace(fee_item_field(static_cast<size_t>(*index)),
                 item ? "intake_error_fee_item" : "intake_error_quantity");
  return true;
}

bool is_blank_text(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string person_error_key(std::string_view part, const std::string& value) {
  bool blank = is_blank_text(value);
  if (part == "name") return blank ? "intake_error_name_required" : "intake_error_text_invalid";
  if (part == "id_number") return blank ? "intake_error_id_required" : "intake_error_id_invalid";
  if (part == "phone") return "intake_error_phone";
  if (part == "email") return "intake_error_email";
  return "intake_error_text_invalid";
}

std::optional<core::CasePerson> person_from(const FormValues& values, const std::string& prefix,
                                            bool always) {
  core::CasePerson person{
      value_of(values, prefix + "_ten"), value_of(values, prefix + "_so_giay_to"),
      value_of(values, prefix + "_dia_chi"), value_of(values, prefix + "_dien_thoai"),
      value_of(values, prefix + "_email")};
  bool blank = true;
  for (const PersonPart& p : kPersonParts) {
    if (!is_blank_text(value_of(values, prefix + "_" + p.part))) blank = false;
  }
  if (blank && !always) return std::nullopt;
  return person;
}

bool place_person_error(const std::string& path, const FormValues& values, FormErrors& errors) {
  size_t dot = path.find('.');
  if (dot == std::string::npos) return false;
  std::string who = path.substr(0, dot) == "owner" ? "chu" : "nop";
  std::string_view part = std::string_view(path).substr(dot + 1);
  for (const PersonPart& p : kPersonParts) {
    if (part != p.path) continue;
    std::string field = who + "_" + p.part;
    errors.emplace(field, person_error_key(part, value_of(values, field)));
    return true;
  }
  return false;
}

}  // namespace motcua::adapters::web
