#include "app/case_intake.h"

#include <set>
#include <string_view>
#include <utility>

#include "app/json_object.h"
#include "app/numbering.h"
#include "core/civil_time.h"
#include "core/contact_details.h"
#include "core/personal_id.h"
#include "core/vietnamese_text.h"

namespace motcua::app {
namespace {

using core::Status;

std::string trim(std::string_view text) {
  const char* spaces = " \t\r\n";
  size_t first = text.find_first_not_of(spaces);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(spaces);
  return std::string(text.substr(first, last - first + 1));
}

void check_person(core::CasePerson& person, const std::string& prefix, bool id_required,
                  std::vector<IntakeError>& errors) {
  auto nfc = [&](std::string& text, const char* field) {
    core::Result<std::string> normal = core::to_nfc(text);
    if (!normal.ok()) {
      errors.push_back({prefix + "." + field, "is not valid UTF-8 text"});
      return false;
    }
    text = trim(*normal);
    return true;
  };
  if (nfc(person.name, "name") && person.name.empty()) {
    errors.push_back({prefix + ".name", "a name is required"});
  }
  nfc(person.address, "address");
  person.phone = trim(person.phone);
  person.email = trim(person.email);
  person.id_number = trim(person.id_number);
  if (person.id_number.empty()) {
    if (id_required) errors.push_back({prefix + ".id_number", "an ID number is required"});
  } else if (core::Result<core::PersonalId> id = core::parse_personal_id(person.id_number);
             id.ok()) {
    person.id_number = id->digits;
  } else {
    errors.push_back({prefix + ".id_number", id.error().message});
  }
  if (!person.phone.empty() && !core::looks_like_phone(person.phone)) {
    errors.push_back({prefix + ".phone", "a phone number has 8 to 15 digits"});
  }
  if (!person.email.empty() && !core::looks_like_email(person.email)) {
    errors.push_back({prefix + ".email", "an e-mail address looks like name@example.vn"});
  }
}

std::string fee_field(size_t index, const char* part) {
  return "fees[" + std::to_string(index) + "]." + part;
}

// The fee lines of the case from the procedure's fees valid on `day` and the request.
core::Result<std::vector<core::FeeLine>> price_fees(const core::Procedure& procedure,
                                                    const std::vector<FeeItemRequest>& requested,
                                                    std::chrono::sys_days day,
                                                    std::vector<IntakeError>& errors) {
  std::vector<const core::FeeItem*> applicable;
  for (const core::ProcedureFee& fee : procedure.fees) {
    if (fee.applies_on(day)) applicable.push_back(&fee.item);
  }
  auto find_item = [&](const std::string& name) -> const core::FeeItem* {
    for (const core::FeeItem* item : applicable) {
      if (item->name == name) return item;
    }
    return nullptr;
  };
  std::set<std::string> seen;
  for (size_t i = 0; i < requested.size(); ++i) {
    const FeeItemRequest& r = requested[i];
    if (!seen.insert(r.item).second) {
      errors.push_back({fee_field(i, "item"), "the fee item '" + r.item + "' is listed twice"});
    } else if (find_item(r.item) == nullptr) {
      errors.push_back({fee_field(i, "item"), "the procedure has no fee item '" + r.item +
                                                  "' that applies on " +
                                                  core::format_display_date(day)});
    } else if (!r.tier_counts.empty() && r.tier_counts.size() != find_item(r.item)->tiers.size()) {
      errors.push_back(
          {fee_field(i, "tier_counts"),
           "give one count per tier (" + std::to_string(find_item(r.item)->tiers.size()) + ")"});
    }
  }
  if (!errors.empty()) return core::invalid_input("the fee quantities are not acceptable");

  std::vector<core::FeeLine> lines;
  for (const core::FeeItem* item : applicable) {
    if (core::Status valid = core::validate_fee_item(*item); !valid.ok()) {
      return core::invalid_input("procedure " + procedure.code + " has a broken fee item '" +
                                 item->name + "': " + valid.error().message);
    }
    const FeeItemRequest* request = nullptr;
    for (const FeeItemRequest& r : requested) {
      if (r.item == item->name) request = &r;
    }
    if (request != nullptr && !request->tier_counts.empty()) {
      for (size_t t = 0; t < item->tiers.size(); ++t) {
        std::int64_t count = request->tier_counts[t];
        if (count == 0) continue;
        core::Result<core::Money> amount =
            core::checked_multiply(item->tiers[t].unit_amount, count);
        if (!amount.ok()) return amount.error();
        lines.push_back(
            {item->name, item->tiers[t].description, count, item->tiers[t].unit_amount, *amount});
      }
      continue;
    }
    core::FeeQuantity quantity = request != nullptr ? request->quantity : core::FeeQuantity{};
    core::Result<std::vector<core::ComputedFeeLine>> computed = core::compute_fee(*item, quantity);
    if (!computed.ok()) return computed.error();
    for (const core::ComputedFeeLine& c : *computed) {
      lines.push_back({c.name, c.description, c.quantity, c.unit_amount, c.amount});
    }
  }
  return lines;
}

std::chrono::sys_days vietnam_day(std::chrono::sys_seconds instant) {
  return std::chrono::sys_days{core::local_day(core::to_vietnam_local(instant)).time_since_epoch()};
}

}  // namespace

CheckedIntake check_intake_request(const IntakeRequest& request) {
  CheckedIntake checked{request, {}};
  IntakeRequest& r = checked.request;
  r.procedure_code = trim(r.procedure_code);
  r.processing_agency_code = trim(r.processing_agency_code);
  if (r.procedure_code.empty()) {
    checked.errors.push_back({"procedure_code", "choose a procedure"});
  }
  check_person(r.submitter, "submitter", true, checked.errors);
  if (r.owner) check_person(*r.owner, "owner", false, checked.errors);
  for (size_t i = 0; i < r.fees.size(); ++i) {
    const FeeItemRequest& fee = r.fees[i];
    if (fee.quantity.units < 0 || fee.quantity.sets < 0) {
      checked.errors.push_back({fee_field(i, "quantity"), "quantities cannot be negative"});
    }
    for (std::int64_t count : fee.tier_counts) {
      if (count < 0) {
        checked.errors.push_back({fee_field(i, "tier_counts"), "counts cannot be negative"});
        break;
      }
    }
  }
  return checked;
}

CaseIntake::CaseIntake(Store& store, const Clock& clock, const core::WorkingCalendar& calendar,
                       IntakeSettings settings)
    : store_(store), clock_(clock), calendar_(calendar), settings_(settings) {}

IntakeResult CaseIntake::take_in(const core::StaffMember& actor, const IntakeRequest& raw) const {
  IntakeResult result;
  auto fail = [&](core::Error error) {
    result.record.reset();
    result.error = std::move(error);
    return result;
  };
  if (!actor.active) return fail({core::ErrorKind::kForbidden, "the account is disabled"});
  if ((actor.roles & (core::kRoleOfficer | core::kRoleAdmin)) == 0) {
    return fail({core::ErrorKind::kForbidden, actor.username + " is not a one-stop officer"});
  }
  CheckedIntake checked = check_intake_request(raw);
  if (!checked.errors.empty()) {
    result.field_errors = std::move(checked.errors);
    return fail(core::invalid_input("the intake form has " +
                                    std::to_string(result.field_errors.size()) + " problem(s)"));
  }
  const IntakeRequest& request = checked.request;
  const std::chrono::sys_seconds now = clock_.now();
  const std::chrono::sys_days day = vietnam_day(now);

  Status stored = store_.transact([&](Repositories& repos) -> Status {
    result.field_errors.clear();  // the store may run this more than once
    result.unconfirmed_calendar = false;
    core::Result<std::optional<core::Agency>> unit = repos.agencies().find(actor.agency_code);
    if (!unit.ok()) return unit.error();
    if (!unit->has_value()) {
      return core::Error{core::ErrorKind::kNotFound,
                         "the officer's unit " + actor.agency_code + " does not exist"};
    }
    const core::Agency& agency = **unit;
    if (!agency.is_active_on(day)) {
      return core::invalid_input("the unit " + agency.code + " is not active on " +
                                 core::format_display_date(day));
    }
    std::string processing =
        request.processing_agency_code.empty() ? agency.code : request.processing_agency_code;
    if (processing != agency.code) {
      core::Result<std::optional<core::Agency>> other = repos.agencies().find(processing);
      if (!other.ok()) return other.error();
      if (!other->has_value()) {
        result.field_errors.push_back(
            {"processing_agency_code", "there is no agency " + processing});
        return core::invalid_input("unknown processing agency " + processing);
      }
    }
    core::Result<std::optional<core::Procedure>> found =
        repos.procedures().find(request.procedure_code);
    if (!found.ok()) return found.error();
    if (!found->has_value()) {
      result.field_errors.push_back(
          {"procedure_code", "there is no procedure " + request.procedure_code});
      return core::invalid_input("unknown procedure " + request.procedure_code);
    }
    const core::Procedure& procedure = **found;
    core::Result<std::vector<core::FeeLine>> lines =
        price_fees(procedure, request.fees, day, result.field_errors);
    if (!lines.ok()) return lines.error();

    core::CaseRecord record;
    record.procedure_code = procedure.code;
    record.procedure_name = procedure.name;
    record.receiving_agency_code = agency.code;
    record.processing_agency_code = processing;
    record.submitter = request.submitter;
    record.owner = request.owner.value_or(request.submitter);
    record.channel = request.channel;
    record.result_delivery = request.result_delivery;
    record.submitted_at = now;
    record.fee_lines = std::move(lines.value());
    if (request.channel == core::IntakeChannel::kOnline) {
      record.status = core::CaseStatus::kNew;
    } else {
      record.status = core::CaseStatus::kAccepted;
      record.received_at = now;
      record.assigned_staff_id = actor.id;
      core::Result<core::CaseDeadlines> dates = core::compute_case_deadlines(
          calendar_, now, procedure.processing_days, settings_.appointment_buffer_days);
      if (!dates.ok()) return dates.error();
      record.deadline_at = dates->deadline_at;
      record.appointment_at = dates->appointment_at;
      result.unconfirmed_calendar = dates->unconfirmed_calendar;
    }
    core::Result<std::string> code =
        allocate_case_code(repos.sequences(), agency, std::chrono::year_month_day{day});
    if (!code.ok()) return code.error();
    record.code = *code;
    core::Result<std::int64_t> id = repos.cases().insert(record);
    if (!id.ok()) return id.error();
    // Read back what was stored: fee line ids, and the columns as storage keeps them.
    core::Result<std::optional<core::CaseRecord>> stored_case = repos.cases().find_by_id(*id);
    if (!stored_case.ok()) return stored_case.error();
    if (!stored_case->has_value()) {
      return core::Error{core::ErrorKind::kStorage, "case " + record.code + " vanished"};
    }
    record = std::move(**stored_case);

    core::Result<core::PaymentSummary> summary = core::summarize(record.fee_lines);
    if (!summary.ok()) return summary.error();
    Status logged = repos.audit().append(
        AuditEntry{.at = now,
                   .actor = "staff:" + std::to_string(actor.id),
                   .action = "case.intake",
                   .entity_type = "case",
                   .entity_id = record.code,
                   .before = "",
                   .after = JsonObject()
                                .add("status", core::label_vi(record.status))
                                .add("procedure_code", record.procedure_code)
                                .add("channel", core::label_vi(record.channel))
                                .add("assigned_staff_id", record.assigned_staff_id)
                                .add("total", std::int64_t{summary->total.in_dong()})
                                .str()});
    if (!logged.ok()) return logged;
    result.record = std::move(record);
    return {};
  });
  if (!stored.ok()) return fail(stored.error());
  return result;
}

}  // namespace motcua::app
