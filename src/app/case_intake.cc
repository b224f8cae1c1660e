#include "app/case_intake.h"

#include <string_view>
#include <utility>

#include "app/case_registration.h"
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
  check_fee_quantities(r.fees, checked.errors);
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
        price_fee_lines(procedure, request.fees, day, result.field_errors);
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
    Status registered = register_case(repos, agency, day, "staff:" + std::to_string(actor.id),
                                      "case.intake", record);
    if (!registered.ok()) return registered;
    result.record = std::move(record);
    return {};
  });
  if (!stored.ok()) return fail(stored.error());
  return result;
}

}  // namespace motcua::app
