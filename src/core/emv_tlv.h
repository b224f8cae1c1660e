#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::core {

// EMVCo merchant-presented QR data objects: a 2-digit tag, a 2-digit length that counts
// characters (01..99), then the value. Templates (e.g. VietQR tag 38) nest the same format in
// their value. Payloads are printable ASCII, so one character is one byte.

struct EmvField {
  std::string_view tag;    // two decimal digits
  std::string_view value;  // points into the parsed text
};

// Splits `data` into fields, in order. `path` names the enclosing template in error messages:
// "" for the whole payload, "38" for the value of tag 38, "38.01" for the value of 38.01.
// Fails, naming the faulty field by its full path, when a tag or length is not two digits, a
// length is 00 or runs past the end, characters trail the last field, or a tag repeats.
// REQUIRES: `data` outlives the returned views.
Result<std::vector<EmvField>> parse_emv_fields(std::string_view data, std::string_view path);

// The full path of `tag` inside the template at `path` ("" -> "38", "38" -> "38.01").
std::string emv_path(std::string_view path, std::string_view tag);

// Appends tag, length and value to `out`. Fails when `tag` is not two digits or `value` is
// empty or longer than 99 characters; `out` is unchanged on failure. `path` names the enclosing
// template in error messages, as for parse_emv_fields.
Status append_emv_field(std::string& out, std::string_view tag, std::string_view value,
                        std::string_view path = "");

// Returns the first field with `tag`, or nullptr.
const EmvField* find_emv_field(const std::vector<EmvField>& fields, std::string_view tag);

}  // namespace motcua::core
