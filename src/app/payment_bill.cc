#include "app/payment_bill.h"

#include <algorithm>

#include "core/vietnamese_text.h"

namespace motcua::app {

core::Result<GatewayTransactionRequest> payment_bill(const PaymentRequestRecord& request,
                                                     const core::CaseRecord& record,
                                                     const core::Agency& unit) {
  GatewayTransactionRequest bill;
  bill.reference = request.reference;
  bill.amount = request.amount;
  // ASCII: bank statements and wallets drop diacritics, the case code is ASCII anyway.
  bill.description = "Thanh toan le phi cho ho so " + record.code;
  bill.expires_at = request.expires_at.time_since_epoch().count();
  bill.case_code = record.code;
  bill.procedure_code = record.procedure_code;
  bill.procedure_name = record.procedure_name;
  bill.agency_code = unit.code;
  bill.agency_name = unit.name;
  core::Result<std::string> payer = core::to_upper(record.submitter.name);
  if (!payer.ok()) return payer.error();
  bill.payer_name = payer.value();
  bill.payer_id_number = record.submitter.id_number;
  for (const PaymentRequestLine& wanted : request.lines) {
    auto line = std::find_if(record.fee_lines.begin(), record.fee_lines.end(),
                             [&](const core::FeeLine& l) { return l.id == wanted.fee_line_id; });
    if (line == record.fee_lines.end()) {
      return core::invalid_input("fee line " + std::to_string(wanted.fee_line_id) +
                                 " is not a line of case " + record.code);
    }
    bill.fee_lines.push_back({wanted.fee_line_id,
                              line->description.empty() ? line->name : line->description,
                              wanted.amount});
  }
  bill.beneficiary_bank_bin = unit.bank_bin;
  bill.beneficiary_account = unit.bank_account;
  bill.beneficiary_name = unit.name;
  return bill;
}

}  // namespace motcua::app
