#include "app/numbering.h"

#include "core/case_code.h"
#include "core/receipt_number.h"

namespace motcua::app {

core::Result<std::string> allocate_case_code(SequenceRepository& sequences,
                                             const core::Agency& agency,
                                             std::chrono::year_month_day date) {
  core::Result<core::CaseCodePattern> pattern =
      core::CaseCodePattern::parse(agency.case_code_pattern);
  if (!pattern.ok()) return pattern.error();
  core::Result<std::int64_t> sequence = sequences.next(pattern->scope_key(agency.code, date));
  if (!sequence.ok()) return sequence.error();
  return pattern->format(agency.code, date, sequence.value());
}

core::Result<ReceiptNumber> allocate_receipt_number(SequenceRepository& sequences,
                                                    std::string_view series) {
  if (series.empty()) return core::invalid_input("a receipt series is needed");
  core::Result<std::int64_t> number = sequences.next("receipt:" + std::string(series));
  if (!number.ok()) return number.error();
  if (number.value() > kMaxReceiptNumber) {
    return core::out_of_range("receipt series " + std::string(series) +
                              " is full (9.999.999 receipts); open a new series");
  }
  core::Result<std::string> text = core::format_receipt_number(number.value());
  if (!text.ok()) return text.error();
  return ReceiptNumber{number.value(), text.value()};
}

}  // namespace motcua::app
