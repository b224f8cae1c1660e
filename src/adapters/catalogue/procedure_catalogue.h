#pragma once

#include <string_view>
#include <vector>

#include "core/procedure.h"
#include "core/result.h"

namespace motcua::adapters::catalogue {

// Parses the procedure catalogue (data/catalogue/procedures.csv; its README describes it): a
// header of the 14 columns
//   code,name,field,level,processing_days,fee_name,fee_amount_vnd,fee_unit,fee_rule,
//   legal_basis,source,row_kind,tier_from_unit,valid_from
// then one row per fee item (`item`), further price band of the previous item (`tier`, from
// unit `tier_from_unit`) or cap per set of the previous item (`cap`).
//
// Rows of one code form one procedure, in the order codes first appear; its name, field, level,
// processing days, legal basis and source come from its first row, and it is `confirmed` when
// that source starts with "CONFIRMED". Codes are kept as written (short, "2.000815"); a row
// with an empty code (national code unknown) starts a procedure of its own. Each item becomes
// a ProcedureFee valid from its row's `valid_from`, with its row's legal basis; its unit is
// fee_unit without the leading "đồng/" ("trang"); each band's description is its row's fee_name.
// Text is stored NFC.
//
// Errors (kInvalidInput) name the line: "line 7: expected 14 columns, got 13", "line 3: bad
// fee_amount_vnd '2,000': ...", "line 2: a 'tier' row must follow an 'item' row of the same
// code", and any fee item core::validate_fee_item refuses.
core::Result<std::vector<core::Procedure>> parse_procedure_catalogue(std::string_view csv_text);

// The text of data/catalogue/procedures.csv, compiled into the binary (generated .cc).
std::string_view shipped_procedure_catalogue_csv();

// The shipped catalogue, parsed, with its terms and documents (procedure_details.h) applied.
// Fails only if the shipped file is invalid (a build defect,
// caught by the integration tests).
core::Result<std::vector<core::Procedure>> shipped_procedure_catalogue();

}  // namespace motcua::adapters::catalogue
