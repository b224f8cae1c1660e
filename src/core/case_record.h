#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_status.h"
#include "core/fee_line.h"

namespace motcua::core {

// Hình thức tiếp nhận: how the case reached the office.
enum class IntakeChannel { kCounter, kOnline, kPostal };
std::string_view label_vi(IntakeChannel channel);  // "Trực tiếp", "Trực tuyến", "Qua bưu chính"

// Hình thức nhận kết quả: how the citizen gets the result.
enum class ResultDelivery { kAtCounter, kPostal, kOnline };
std::string_view label_vi(ResultDelivery delivery);  // "Nhận trực tiếp", ...

// A person on a case: the submitter (người nộp) or the owner (chủ hồ sơ). Names are NFC.
struct CasePerson {
  std::string name;
  std::string id_number;  // CCCD, CMND or MST as entered (see personal_id.h)
  std::string address;
  std::string phone;
  std::string email;
};

// Hồ sơ: one administrative-procedure case with its fee lines. Times are instants (UTC);
// pages show them in Vietnam time. `version` guards against lost updates: a write carries the
// version it read, and storage refuses it if the case changed since.
struct CaseRecord {
  std::int64_t id = 0;  // 0 until stored
  std::string code;     // as issued, never re-derived
  std::string procedure_code;
  std::string procedure_name;  // as at intake, so a later catalogue change does not alter it
  std::string receiving_agency_code;
  std::string processing_agency_code;
  CasePerson submitter;
  CasePerson owner;
  IntakeChannel channel = IntakeChannel::kCounter;
  ResultDelivery result_delivery = ResultDelivery::kAtCounter;
  std::chrono::sys_seconds submitted_at{};
  std::optional<std::chrono::sys_seconds> received_at;
  std::optional<std::chrono::sys_seconds> deadline_at;     // Hạn xử lý toàn quy trình
  std::optional<std::chrono::sys_seconds> appointment_at;  // Ngày hẹn trả
  CaseStatus status = CaseStatus::kNew;
  std::optional<std::int64_t> assigned_staff_id;
  std::optional<std::int64_t> citizen_account_id;  // set for cases submitted online
  std::int64_t version = 0;
  std::vector<FeeLine> fee_lines;
};

}  // namespace motcua::core
