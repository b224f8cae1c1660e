#pragma once

#include <string_view>
#include <vector>

#include "core/procedure.h"
#include "core/result.h"

namespace motcua::adapters::catalogue {

// The catalogue's public facts beside its fees (data/catalogue/README.md describes the files):
//
// procedure_terms.csv, header `code,implementing_agency,online,fees_up_front,source`: one row
// per procedure; online and fees_up_front are 1 or 0. A procedure without a row keeps its
// defaults (core::Procedure).
//
// procedure_documents.csv, header `code,position,name,originals,copies,required,source`: the
// documents (thành phần hồ sơ) of a procedure, positions 1, 2, 3... in file order; originals
// and copies are whole numbers from 0, required is 1 or 0 ("nếu có").
//
// Each applies its rows to `procedures` (matched by code). Errors (kInvalidInput) name the
// line: a wrong header or column count, a code no procedure has, a second terms row of one
// code, a bad number or flag, positions out of order, an empty name, text that is not UTF-8.
core::Status apply_procedure_terms(std::vector<core::Procedure>& procedures,
                                   std::string_view csv_text);
core::Status apply_procedure_documents(std::vector<core::Procedure>& procedures,
                                       std::string_view csv_text);

// The texts of data/catalogue/procedure_terms.csv and procedure_documents.csv, compiled in.
std::string_view shipped_procedure_terms_csv();
std::string_view shipped_procedure_documents_csv();

}  // namespace motcua::adapters::catalogue
