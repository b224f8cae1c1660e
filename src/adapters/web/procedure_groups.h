#pragma once
// "DỊCH VỤ HÀNH CHÍNH CÔNG NỔI BẬT": the home page's groups for citizens and businesses, and
// the catalogue fields (lĩnh vực) each one lists on "Thủ tục hành chính" (?nhom=<slug>).
#include <span>
#include <string_view>

namespace motcua::adapters::web {

struct ProcedureGroup {
  std::string_view slug;  // "co-con-nho"
  std::string_view key;   // its label's message key
  bool business = false;  // under "Doanh nghiệp" (else "Công dân")
  // The catalogue's fields it covers, exactly as procedures.csv spells them. A field no
  // procedure has yet simply lists nothing; a group whose fields list nothing says so.
  std::span<const std::string_view> fields;
};

// Every group, in the guide's order (citizens first).
std::span<const ProcedureGroup> procedure_groups();

// The group with this slug, or nullptr.
const ProcedureGroup* find_procedure_group(std::string_view slug);

}  // namespace motcua::adapters::web
