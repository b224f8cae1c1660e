#include "adapters/catalogue/procedure_catalogue.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "adapters/catalogue/csv_records.h"
#include "adapters/catalogue/procedure_details.h"
#include "core/money.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::catalogue {
namespace {

using core::Result;

constexpr std::array<std::string_view, 14> kColumns = {
    "code",     "name",           "field",          "level",     "processing_days",
    "fee_name", "fee_amount_vnd", "fee_unit",       "fee_rule",  "legal_basis",
    "source",   "row_kind",       "tier_from_unit", "valid_from"};

// Column positions, in kColumns' order.
enum Column : std::size_t {
  kCode,
  kName,
  kField,
  kLevel,
  kProcessingDays,
  kFeeName,
  kFeeAmount,
  kFeeUnit,
  kFeeRule,
  kLegalBasis,
  kSource,
  kRowKind,
  kTierFromUnit,
  kValidFrom,
};

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "2017-01-01" (exactly YYYY-MM-DD, a real date).
std::optional<std::chrono::sys_days> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = parse_integer(text.substr(0, 4));
  auto month = parse_integer(text.substr(5, 2));
  auto day = parse_integer(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *day < 1) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(*year)},
                                  std::chrono::month{static_cast<unsigned>(*month)},
                                  std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Builds the procedures row by row. Each method returns the error for the row's line.
class CatalogueBuilder {
 public:
  core::Status add_row(const CsvRecord& row) {
    line_ = row.line;
    const std::vector<std::string>& f = row.fields;
    if (f.size() != kColumns.size()) {
      return fail("expected " + std::to_string(kColumns.size()) + " columns, got " +
                  std::to_string(f.size()));
    }
    Result<core::Money> amount = core::parse_money(f[kFeeAmount]);
    if (!amount.ok()) {
      return fail("bad fee_amount_vnd '" + f[kFeeAmount] + "': " + amount.error().message);
    }
    std::optional<std::chrono::sys_days> valid_from = parse_date(f[kValidFrom]);
    if (!valid_from) return fail("bad valid_from '" + f[kValidFrom] + "' (want YYYY-MM-DD)");
    Result<std::string> fee_name = nfc(f[kFeeName], "fee_name");
    if (!fee_name.ok()) return fee_name.error();

    const std::string& kind = f[kRowKind];
    if (kind == "item") return add_item(f, *amount, *valid_from, std::move(fee_name).value());
    if (kind != "tier" && kind != "cap") {
      return fail("bad row_kind '" + kind + "' (want item, tier or cap)");
    }
    if (last_ == nullptr || f[kCode] != last_code_) {
      return fail("a '" + kind + "' row must follow an 'item' row of the same code");
    }
    if (*valid_from != last_->valid_from) {
      return fail("a '" + kind + "' row must have its item's valid_from");
    }
    core::FeeItem& item = last_->item;
    if (kind == "cap") {
      if (!f[kTierFromUnit].empty()) return fail("a 'cap' row has no tier_from_unit");
      if (item.cap_per_set) return fail("the item already has a cap");
      item.cap_per_set = *amount;
      return {};
    }
    std::optional<std::int64_t> from = parse_integer(f[kTierFromUnit]);
    if (!from || *from < 2) {
      return fail("bad tier_from_unit '" + f[kTierFromUnit] + "' (want an integer from 2)");
    }
    if (*from <= item.tiers.back().from_unit) {
      return fail("tier_from_unit " + std::to_string(*from) +
                  " must exceed the previous band's first unit");
    }
    item.tiers.push_back({*from, *amount, std::move(fee_name).value()});
    return {};
  }

  // Checks every item once all its rows are in, and hands the procedures over.
  Result<std::vector<core::Procedure>> finish() && {
    for (const core::Procedure& procedure : procedures_) {
      for (const core::ProcedureFee& fee : procedure.fees) {
        if (core::Status s = core::validate_fee_item(fee.item); !s.ok()) {
          return core::invalid_input("procedure '" + procedure.code + "': " + s.error().message);
        }
      }
    }
    return std::move(procedures_);
  }

 private:
  core::Error fail(const std::string& message) const {
    return core::invalid_input("line " + std::to_string(line_) + ": " + message);
  }

  Result<std::string> nfc(const std::string& text, std::string_view column) const {
    Result<std::string> r = core::to_nfc(text);
    if (!r.ok()) return fail(std::string(column) + ": " + r.error().message);
    return r;
  }

  core::Status add_item(const std::vector<std::string>& f, core::Money amount,
                        std::chrono::sys_days valid_from, std::string fee_name) {
    if (!f[kTierFromUnit].empty() && f[kTierFromUnit] != "1") {
      return fail("an 'item' row's band starts at unit 1 (tier_from_unit empty or 1)");
    }
    Result<core::Procedure*> procedure = procedure_for(f);
    if (!procedure.ok()) return procedure.error();
    Result<std::string> legal_basis = nfc(f[kLegalBasis], "legal_basis");
    if (!legal_basis.ok()) return legal_basis.error();
    std::string_view unit = f[kFeeUnit];
    if (starts_with(unit, "đồng/")) unit.remove_prefix(std::string_view("đồng/").size());
    if (unit == "đồng") unit = {};
    core::ProcedureFee fee;
    fee.item.name = fee_name;
    fee.item.unit = std::string(unit);
    fee.item.tiers.push_back({1, amount, std::move(fee_name)});
    fee.valid_from = valid_from;
    fee.legal_basis = std::move(legal_basis).value();
    procedure.value()->fees.push_back(std::move(fee));
    last_ = &procedure.value()->fees.back();
    last_code_ = f[kCode];
    return {};
  }

  // The procedure of the row's code, created from this row when the code is new or empty.
  Result<core::Procedure*> procedure_for(const std::vector<std::string>& f) {
    const std::string& code = f[kCode];
    if (!code.empty()) {
      for (core::Procedure& p : procedures_) {
        if (p.code == code) return &p;
      }
    }
    core::Procedure p;
    p.code = code;
    std::optional<std::int64_t> days = parse_integer(f[kProcessingDays]);
    if (!days || *days < 0) {
      return fail("bad processing_days '" + f[kProcessingDays] + "' (want a whole number)");
    }
    p.processing_days = *days;
    for (auto [column, target] :
         {std::pair{kName, &p.name}, std::pair{kField, &p.field}, std::pair{kLevel, &p.level},
          std::pair{kLegalBasis, &p.legal_basis}, std::pair{kSource, &p.source}}) {
      Result<std::string> text = nfc(f[column], kColumns[column]);
      if (!text.ok()) return text.error();
      *target = std::move(text).value();
    }
    if (p.name.empty()) return fail("a procedure's first row needs a name");
    p.confirmed = starts_with(p.source, "CONFIRMED");
    procedures_.push_back(std::move(p));
    last_ = nullptr;  // push_back may move the procedures, and with them their fees
    return &procedures_.back();
  }

  std::vector<core::Procedure> procedures_;
  core::ProcedureFee* last_ = nullptr;  // the item a following tier or cap row extends
  std::string last_code_;
  std::size_t line_ = 0;
};

}  // namespace

Result<std::vector<core::Procedure>> parse_procedure_catalogue(std::string_view csv_text) {
  Result<std::vector<CsvRecord>> rows = parse_csv(csv_text);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return core::invalid_input("line 1: the catalogue is empty (no header)");
  const CsvRecord& header = rows->front();
  bool header_ok = header.fields.size() == kColumns.size();
  for (std::size_t i = 0; header_ok && i < kColumns.size(); ++i) {
    // A byte-order mark before the first column name is tolerated.
    std::string_view name = header.fields[i];
    if (i == 0 && starts_with(name, "\xEF\xBB\xBF")) name.remove_prefix(3);
    header_ok = name == kColumns[i];
  }
  if (!header_ok) {
    std::string expected;
    for (std::string_view c : kColumns) expected += (expected.empty() ? "" : ",") + std::string(c);
    return core::invalid_input("line " + std::to_string(header.line) + ": expected the header " +
                               expected);
  }
  CatalogueBuilder builder;
  for (std::size_t i = 1; i < rows->size(); ++i) {
    if (core::Status s = builder.add_row((*rows)[i]); !s.ok()) return s.error();
  }
  return std::move(builder).finish();
}

Result<std::vector<core::Procedure>> shipped_procedure_catalogue() {
  Result<std::vector<core::Procedure>> procedures =
      parse_procedure_catalogue(shipped_procedure_catalogue_csv());
  if (!procedures.ok()) {
    return core::invalid_input("data/catalogue/procedures.csv: " + procedures.error().message);
  }
  if (core::Status s = apply_procedure_terms(procedures.value(), shipped_procedure_terms_csv());
      !s.ok()) {
    return core::invalid_input("data/catalogue/procedure_terms.csv: " + s.error().message);
  }
  if (core::Status s =
          apply_procedure_documents(procedures.value(), shipped_procedure_documents_csv());
      !s.ok()) {
    return core::invalid_input("data/catalogue/procedure_documents.csv: " + s.error().message);
  }
  return procedures;
}

}  // namespace motcua::adapters::catalogue
