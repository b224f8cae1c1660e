#include "adapters/payment/reconciliation_file.h"

#include <charconv>

#include "adapters/payment/platform_messages.h"

namespace motcua::adapters::payment {
namespace {

constexpr std::string_view kHeader =
    "transaction_id,client_transaction_id,status,amount,currency,paid_at,channel_code,"
    "provider_reference";

void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

// Splits one line into fields (RFC 4180 quotes, no line breaks inside fields).
core::Result<std::vector<std::string>> split_line(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  if (quoted) return core::invalid_input("an unterminated quote in '" + std::string(line) + "'");
  return fields;
}

bool read_int(std::string_view text, std::int64_t* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string encode_reconciliation_csv(const std::vector<ReconciliationRow>& rows) {
  std::string out(kHeader);
  out.push_back('\n');
  std::int64_t succeeded = 0;
  for (const auto& row : rows) {
    append_field(out, row.transaction_id);
    out.push_back(',');
    append_field(out, row.reference);
    out.append(",").append(core::to_string(row.state)).append(",");
    out.append(std::to_string(row.amount.in_dong())).append(",VND,");
    if (row.paid_at != 0) out.append(format_rfc3339_vietnam(row.paid_at));
    out.push_back(',');
    append_field(out, row.channel_code);
    out.push_back(',');
    append_field(out, row.provider_reference);
    out.push_back('\n');
    if (row.state == core::PaymentState::kSucceeded) succeeded += row.amount.in_dong();
  }
  out.append("#TOTAL,").append(std::to_string(rows.size())).append(",");
  out.append(std::to_string(succeeded)).append("\n");
  return out;
}

core::Result<ReconciliationFile> decode_reconciliation_csv(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  if (lines.empty() || lines.front() != kHeader) {
    return core::invalid_input("the reconciliation file does not start with its header line");
  }
  ReconciliationFile file;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto fields = split_line(lines[i]);
    if (!fields) return fields.error();
    const auto& f = *fields;
    if (!f.empty() && f[0] == "#TOTAL") {
      std::int64_t count = 0;
      std::int64_t total = 0;
      std::int64_t computed = 0;
      for (const auto& row : file.rows) {
        if (row.state == core::PaymentState::kSucceeded) computed += row.amount.in_dong();
      }
      if (f.size() != 3 || !read_int(f[1], &count) || !read_int(f[2], &total) ||
          i + 1 != lines.size() || count != static_cast<std::int64_t>(file.rows.size()) ||
          total != computed) {
        return core::invalid_input("the reconciliation trailer is malformed or disagrees");
      }
      file.succeeded_total = core::Money::dong(total);
      return file;
    }
    std::string where = "line " + std::to_string(i + 1) + " of the reconciliation file";
    std::int64_t amount = 0;
    if (f.size() != 8 || !read_int(f[3], &amount) || f[4] != "VND") {
      return core::invalid_input(where + " is malformed");
    }
    auto state = parse_wire_status(f[2]);
    if (!state) return core::invalid_input(where + ": " + state.error().message);
    ReconciliationRow row{f[0], f[1], *state, core::Money::dong(amount), 0, f[6], f[7]};
    if (!f[5].empty()) {
      auto paid = parse_rfc3339(f[5]);
      if (!paid) return core::invalid_input(where + ": " + paid.error().message);
      row.paid_at = *paid;
    }
    file.rows.push_back(std::move(row));
  }
  return core::invalid_input("the reconciliation file has no #TOTAL trailer");
}

}  // namespace motcua::adapters::payment
