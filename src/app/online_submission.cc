#include "app/online_submission.h"

#include <utility>

#include "app/case_events.h"
#include "app/case_intake.h"
#include "app/case_registration.h"
#include "core/upload_name.h"

namespace motcua::app {
namespace {

std::string file_field(size_t index, const char* part) {
  return "files[" + std::to_string(index) + "]." + part;
}

// A file checked and sniffed, ready to be written.
struct CheckedFile {
  const SubmittedFile* file;
  std::string display_name;
  std::string media_type;
};

// The checks that need no stored data: sizes and sniffed types.
std::vector<CheckedFile> check_files(const std::vector<SubmittedFile>& files,
                                     const ContentSniffer& sniffer, const UploadLimits& limits,
                                     std::vector<IntakeError>& errors) {
  std::vector<CheckedFile> checked;
  std::int64_t total = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    const SubmittedFile& f = files[i];
    auto size = static_cast<std::int64_t>(f.bytes.size());
    total += size;
    if (size == 0) {
      errors.push_back({file_field(i, "empty"), "the file is empty"});
      continue;
    }
    if (size > limits.max_file_bytes) {
      errors.push_back(
          {file_field(i, "size"),
           "the file is larger than " + std::to_string(limits.max_file_bytes) + " bytes"});
      continue;
    }
    std::string type = sniffer.media_type(f.bytes);
    if (!accepted_media_type(type)) {
      errors.push_back({file_field(i, "type"), "the file is " + type + ", not PDF, JPEG or PNG"});
      continue;
    }
    checked.push_back({&f, core::clean_upload_name(f.client_name), std::move(type)});
  }
  if (total > limits.max_total_bytes) {
    errors.push_back({"files.total", "the files together are larger than " +
                                         std::to_string(limits.max_total_bytes) + " bytes"});
  }
  return checked;
}

// The checks against the procedure: known document names, every required document present.
void check_documents(const core::Procedure& procedure, const std::vector<SubmittedFile>& files,
                     std::vector<IntakeError>& errors) {
  auto names_document = [&](const std::string& name) {
    for (const core::ProcedureDocument& d : procedure.documents) {
      if (d.name == name) return true;
    }
    return name == kOtherDocument;
  };
  for (size_t i = 0; i < files.size(); ++i) {
    if (!names_document(files[i].document)) {
      errors.push_back({file_field(i, "document"), "the procedure has no such document"});
    }
  }
  for (size_t j = 0; j < procedure.documents.size(); ++j) {
    const core::ProcedureDocument& d = procedure.documents[j];
    if (!d.required) continue;
    bool present = false;
    for (const SubmittedFile& f : files) present = present || (f.document == d.name);
    if (!present) {
      errors.push_back({"documents[" + std::to_string(j) + "]", "attach " + d.name});
    }
  }
}

core::Error procedure_not_offered(const std::string& code) {
  return {core::ErrorKind::kNotFound, "no procedure " + code + " is offered online"};
}

// The procedure if it exists and is online; kNotFound otherwise.
core::Result<core::Procedure> online_procedure(Repositories& repos, const std::string& code) {
  core::Result<std::optional<core::Procedure>> found = repos.procedures().find(code);
  if (!found.ok()) return found.error();
  if (!found->has_value() || !(*found)->online) return procedure_not_offered(code);
  return std::move(**found);
}

// The receiving unit if it takes online cases on `day`; adds the field error otherwise.
core::Result<std::optional<core::Agency>> receiving_unit(Repositories& repos,
                                                         const std::string& code,
                                                         std::chrono::sys_days day,
                                                         std::vector<IntakeError>& errors) {
  core::Result<std::optional<core::Agency>> unit = repos.agencies().find(code);
  if (!unit.ok()) return unit.error();
  if (!unit->has_value() || !receives_online_cases(**unit, day)) {
    errors.push_back({"receiving_agency_code", "choose a unit that takes online cases"});
    return std::optional<core::Agency>();
  }
  return unit;
}

}  // namespace

bool accepted_media_type(std::string_view media_type) {
  return media_type == "application/pdf" || media_type == "image/jpeg" || media_type == "image/png";
}

bool receives_online_cases(const core::Agency& agency, std::chrono::sys_days day) {
  return agency.is_active_on(day) && !agency.parent_code.empty();
}

OnlineSubmission::OnlineSubmission(Store& store, const Clock& clock, FileStore& files,
                                   const ContentSniffer& sniffer, UploadLimits limits)
    : store_(store), clock_(clock), files_(files), sniffer_(sniffer), limits_(limits) {}

SubmissionResult OnlineSubmission::submit(const core::CitizenAccount& account,
                                          const SubmissionRequest& raw) const {
  SubmissionResult result;
  auto fail = [&](core::Error error) {
    result.record.reset();
    result.files.clear();
    result.error = std::move(error);
    return result;
  };
  IntakeRequest as_intake;
  as_intake.procedure_code = raw.procedure_code;
  as_intake.submitter = raw.submitter;
  as_intake.submitter.id_number = account.id_number;  // never what the form claims
  as_intake.owner = raw.owner;
  as_intake.fees = raw.fees;
  CheckedIntake checked = check_intake_request(as_intake);
  result.field_errors = std::move(checked.errors);
  const IntakeRequest& request = checked.request;
  if (raw.receiving_agency_code.empty()) {
    result.field_errors.push_back({"receiving_agency_code", "choose a receiving unit"});
  }
  std::vector<CheckedFile> files = check_files(raw.files, sniffer_, limits_, result.field_errors);

  const std::chrono::sys_seconds now = clock_.now();
  const std::chrono::sys_days day = vietnam_day(now);
  // What can be refused before anything is written, with every problem at once.
  core::Status readable = store_.read([&](Repositories& repos) -> core::Status {
    core::Result<core::Procedure> procedure = online_procedure(repos, request.procedure_code);
    if (!procedure.ok()) return procedure.error();
    check_documents(*procedure, raw.files, result.field_errors);
    if (raw.receiving_agency_code.empty()) return {};
    core::Result<std::optional<core::Agency>> unit =
        receiving_unit(repos, raw.receiving_agency_code, day, result.field_errors);
    return unit.ok() ? core::Status{} : core::Status{unit.error()};
  });
  if (!readable.ok()) return fail(readable.error());
  if (!result.field_errors.empty()) {
    return fail(core::invalid_input("the submission has " +
                                    std::to_string(result.field_errors.size()) + " problem(s)"));
  }

  // The files go to disk first; a failed transaction deletes them again.
  std::vector<CaseFile> rows;
  auto remove_written = [&] {
    for (const CaseFile& row : rows) (void)files_.remove(row.stored_name);
  };
  for (const CheckedFile& f : files) {
    core::Result<StoredFile> stored = files_.put(f.file->bytes);
    if (!stored.ok()) {
      remove_written();
      return fail(stored.error());
    }
    rows.push_back(CaseFile{0, 0, f.file->document, f.display_name, stored->stored_name,
                            f.media_type, stored->size, stored->sha256, now});
  }

  core::Status stored = store_.transact([&](Repositories& repos) -> core::Status {
    result.field_errors.clear();  // the store may run this more than once
    core::Result<core::Procedure> procedure = online_procedure(repos, request.procedure_code);
    if (!procedure.ok()) return procedure.error();
    core::Result<std::optional<core::Agency>> unit =
        receiving_unit(repos, raw.receiving_agency_code, day, result.field_errors);
    if (!unit.ok()) return unit.error();
    if (!unit->has_value()) return core::invalid_input("the receiving unit is not available");
    const core::Agency& agency = **unit;
    core::Result<std::vector<core::FeeLine>> lines =
        price_fee_lines(*procedure, request.fees, day, result.field_errors);
    if (!lines.ok()) return lines.error();

    core::CaseRecord record;
    record.procedure_code = procedure->code;
    record.procedure_name = procedure->name;
    record.receiving_agency_code = agency.code;
    record.processing_agency_code = agency.code;
    record.submitter = request.submitter;
    record.owner = request.owner.value_or(request.submitter);
    record.channel = core::IntakeChannel::kOnline;
    record.result_delivery = raw.result_delivery;
    record.status = core::CaseStatus::kNew;
    record.submitted_at = now;
    record.citizen_account_id = account.id;
    record.fee_lines = std::move(lines.value());
    core::Status registered = register_case(
        repos, agency, day, "citizen:" + std::to_string(account.id), "case.submit", record);
    if (!registered.ok()) return registered;
    std::vector<CaseFile> saved = rows;
    for (CaseFile& row : saved) {
      row.case_id = record.id;
      core::Result<std::int64_t> id = repos.case_files().insert(row);
      if (!id.ok()) return id.error();
      row.id = *id;
    }
    core::Status evented =
        repos.cases().append_event(record.id, record.code, kCaseEventStatus, now);
    if (!evented.ok()) return evented;
    result.record = std::move(record);
    result.files = std::move(saved);
    return {};
  });
  if (!stored.ok()) {
    remove_written();
    return fail(stored.error());
  }
  return result;
}

}  // namespace motcua::app
