#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/case_files.h"
#include "app/clock.h"
#include "app/fee_pricing.h"
#include "app/file_store.h"
#include "app/store.h"
#include "core/account.h"
#include "core/agency.h"
#include "core/case_record.h"
#include "core/error.h"

namespace motcua::app {

// The document name of an attachment that is none of the procedure's documents.
inline constexpr std::string_view kOtherDocument = "Giấy tờ khác";

// The media types an attachment may have, decided by ContentSniffer from its bytes.
bool accepted_media_type(std::string_view media_type);

// [uploads] limits.
struct UploadLimits {
  std::int64_t max_file_bytes = 10 * 1024 * 1024;
  std::int64_t max_total_bytes = 30 * 1024 * 1024;
};

// One attachment as the citizen sent it.
struct SubmittedFile {
  std::string document;     // one of the procedure's documents, or kOtherDocument
  std::string client_name;  // as sent; kept only as display text (core::clean_upload_name)
  std::string bytes;
};

// Dịch vụ công trực tuyến: what the citizen enters.
struct SubmissionRequest {
  std::string procedure_code;
  std::string receiving_agency_code;      // Đơn vị tiếp nhận
  core::CasePerson submitter;             // người nộp; the ID number is always the account's
  std::optional<core::CasePerson> owner;  // chủ hồ sơ; the submitter when absent
  core::ResultDelivery result_delivery = core::ResultDelivery::kOnline;
  std::vector<FeeItemRequest> fees;  // as for CaseIntake
  std::vector<SubmittedFile> files;
};

struct SubmissionResult {
  std::optional<core::CaseRecord> record;  // the stored case on success
  std::vector<CaseFile> files;             // its file rows on success
  // On failure: kNotFound (no such procedure, or not offered online), kInvalidInput (see
  // field_errors: the IntakeRequest paths plus "receiving_agency_code", "files[i].size",
  // "files[i].type", "files[i].empty", "files[i].document", "files.total",
  // "documents[j]" for a required document j of the procedure without a file), kOutOfRange,
  // kStorage.
  core::Error error{core::ErrorKind::kInvalidInput, {}};
  std::vector<IntakeError> field_errors;
  bool ok() const { return record.has_value(); }
};

// Whether `agency` takes online cases on `day` ("Đơn vị tiếp nhận"): active that day and not
// a top-level agency (a province has no one-stop counter of its own; its departments and
// wards do).
bool receives_online_cases(const core::Agency& agency, std::chrono::sys_days day);

// Submits a case from the portal for the signed-in citizen. Checks the request (the person
// checks of CaseIntake, file sizes against `limits`, each file's type sniffed from its bytes:
// PDF, JPEG or PNG only, every required document of the procedure with a file), writes the
// files to the FileStore, then in one transaction: the procedure must exist and be online, the
// unit must take online cases, the fee lines are priced as CaseIntake does, the code comes from
// the unit's pattern, and the case (channel Trực tuyến, status Mới đăng ký, the account's id,
// submitted now, no reception dates), its case_files rows, the audit entry "case.submit" by
// "citizen:<id>" and a status case event are stored. When the transaction fails the files just
// written are deleted; nothing is written for a refused request.
class OnlineSubmission {
 public:
  OnlineSubmission(Store& store, const Clock& clock, FileStore& files,
                   const ContentSniffer& sniffer, UploadLimits limits = {});
  SubmissionResult submit(const core::CitizenAccount& account,
                          const SubmissionRequest& request) const;

 private:
  Store& store_;
  const Clock& clock_;
  FileStore& files_;
  const ContentSniffer& sniffer_;
  UploadLimits limits_;
};

}  // namespace motcua::app
