#include "adapters/storage/case_row.h"

namespace motcua::adapters::storage {
namespace {

std::optional<long long> seconds_or_null(const std::optional<std::chrono::sys_seconds>& t) {
  return t ? std::optional<long long>(to_column(*t)) : std::nullopt;
}

std::optional<std::chrono::sys_seconds> seconds_from(const NullableInt& v) {
  return v.get() ? std::optional(seconds_from_column(v.value)) : std::nullopt;
}

}  // namespace

const char* const kCaseColumns =
    "code, procedure_code, procedure_name, receiving_agency_code, processing_agency_code,"
    " submitter_name, submitter_id_number, submitter_address, submitter_phone, submitter_email,"
    " owner_name, owner_id_number, owner_address, owner_phone, owner_email, channel,"
    " result_delivery, submitted_at, received_at, deadline_at, appointment_at, status,"
    " assigned_staff_id, citizen_account_id, version";

void CaseRow::assign(const core::CaseRecord& c) {
  id = c.id;
  code = c.code;
  procedure_code = c.procedure_code;
  procedure_name = c.procedure_name;
  receiving_agency = c.receiving_agency_code;
  processing_agency = c.processing_agency_code;
  submitter_name = c.submitter.name;
  submitter_id = c.submitter.id_number;
  submitter_address = c.submitter.address;
  submitter_phone = c.submitter.phone;
  submitter_email = c.submitter.email;
  owner_name = c.owner.name;
  owner_id = c.owner.id_number;
  owner_address = c.owner.address;
  owner_phone = c.owner.phone;
  owner_email = c.owner.email;
  channel = static_cast<long long>(c.channel);
  result_delivery = static_cast<long long>(c.result_delivery);
  submitted_at = to_column(c.submitted_at);
  received_at.set(seconds_or_null(c.received_at));
  deadline_at.set(seconds_or_null(c.deadline_at));
  appointment_at.set(seconds_or_null(c.appointment_at));
  status = static_cast<long long>(c.status);
  assigned_staff_id.set(c.assigned_staff_id);
  citizen_account_id.set(c.citizen_account_id);
  version = c.version;
}

core::CaseRecord CaseRow::to_record() const {
  core::CaseRecord c;
  c.id = id;
  c.code = code;
  c.procedure_code = procedure_code;
  c.procedure_name = procedure_name;
  c.receiving_agency_code = receiving_agency;
  c.processing_agency_code = processing_agency;
  c.submitter = {submitter_name, submitter_id, submitter_address, submitter_phone, submitter_email};
  c.owner = {owner_name, owner_id, owner_address, owner_phone, owner_email};
  c.channel = static_cast<core::IntakeChannel>(channel);
  c.result_delivery = static_cast<core::ResultDelivery>(result_delivery);
  c.submitted_at = seconds_from_column(submitted_at);
  c.received_at = seconds_from(received_at);
  c.deadline_at = seconds_from(deadline_at);
  c.appointment_at = seconds_from(appointment_at);
  c.status = static_cast<core::CaseStatus>(status);
  c.assigned_staff_id = assigned_staff_id.get();
  c.citizen_account_id = citizen_account_id.get();
  c.version = version;
  return c;
}

}  // namespace motcua::adapters::storage
