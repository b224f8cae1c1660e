#pragma once

#include <string>

#include "adapters/storage/sql_support.h"
#include "core/case_record.h"

namespace motcua::adapters::storage {

// A cases row in bindable variables: SOCI binds by reference, so prepared statements bind
// one CaseRow once and are re-executed after its fields change.
struct CaseRow {
  long long id = 0;
  std::string code, procedure_code, procedure_name, receiving_agency, processing_agency;
  std::string submitter_name, submitter_id, submitter_address, submitter_phone, submitter_email;
  std::string owner_name, owner_id, owner_address, owner_phone, owner_email;
  long long channel = 0, result_delivery = 0, submitted_at = 0, status = 0, version = 0;
  NullableInt received_at, deadline_at, appointment_at, assigned_staff_id, citizen_account_id;

  void assign(const core::CaseRecord& record);
  // The record without fee lines.
  core::CaseRecord to_record() const;
};

// "code, procedure_code, ..., version": the columns in the order CaseRow binds them, without id.
extern const char* const kCaseColumns;

// Binds every column of kCaseColumns, in order, as into() or use().
template <typename Statement, typename Bind>
void bind_case_columns(Statement& st, CaseRow& r, Bind bind) {
  bind(st, r.code);
  bind(st, r.procedure_code);
  bind(st, r.procedure_name);
  bind(st, r.receiving_agency);
  bind(st, r.processing_agency);
  bind(st, r.submitter_name);
  bind(st, r.submitter_id);
  bind(st, r.submitter_address);
  bind(st, r.submitter_phone);
  bind(st, r.submitter_email);
  bind(st, r.owner_name);
  bind(st, r.owner_id);
  bind(st, r.owner_address);
  bind(st, r.owner_phone);
  bind(st, r.owner_email);
  bind(st, r.channel);
  bind(st, r.result_delivery);
  bind(st, r.submitted_at);
  bind(st, r.received_at);
  bind(st, r.deadline_at);
  bind(st, r.appointment_at);
  bind(st, r.status);
  bind(st, r.assigned_staff_id);
  bind(st, r.citizen_account_id);
  bind(st, r.version);
}

}  // namespace motcua::adapters::storage
