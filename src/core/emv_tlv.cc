#include "core/emv_tlv.h"

namespace motcua::core {
namespace {

bool is_two_digits(std::string_view text) {
  return text.size() == 2 && text[0] >= '0' && text[0] <= '9' && text[1] >= '0' && text[1] <= '9';
}

std::string context_name(std::string_view path) {
  return path.empty() ? std::string("payload") : "tag " + std::string(path);
}

std::string characters(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " character" : " characters");
}

}  // namespace

std::string emv_path(std::string_view path, std::string_view tag) {
  if (path.empty()) return std::string(tag);
  std::string full(path);
  full += '.';
  full += tag;
  return full;
}

Result<std::vector<EmvField>> parse_emv_fields(std::string_view data, std::string_view path) {
  std::vector<EmvField> fields;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t remaining = data.size() - pos;
    if (remaining < 4) {
      if (fields.empty()) {
        return invalid_input(context_name(path) + ": " + characters(remaining) +
                             " cannot hold a field (tag and length need 4)");
      }
      return invalid_input(context_name(path) + ": " + std::to_string(remaining) +
                           (remaining == 1 ? " trailing character" : " trailing characters") +
                           " after " + emv_path(path, fields.back().tag));
    }
    std::string_view tag = data.substr(pos, 2);
    if (!is_two_digits(tag)) {
      return invalid_input(context_name(path) + ": tag \"" + std::string(tag) + "\" at offset " +
                           std::to_string(pos) + " is not two digits");
    }
    std::string full = emv_path(path, tag);
    std::string_view length_text = data.substr(pos + 2, 2);
    if (!is_two_digits(length_text)) {
      return invalid_input("tag " + full + ": length \"" + std::string(length_text) +
                           "\" is not two digits");
    }
    auto length = static_cast<std::size_t>((length_text[0] - '0') * 10 + (length_text[1] - '0'));
    if (length == 0) return invalid_input("tag " + full + ": length is 00 (empty value)");
    if (length > remaining - 4) {
      return invalid_input("tag " + full + ": declares " + characters(length) + " but only " +
                           std::to_string(remaining - 4) + " remain");
    }
    if (find_emv_field(fields, tag) != nullptr) {
      return invalid_input("tag " + full + " appears twice");
    }
    fields.push_back({tag, data.substr(pos + 4, length)});
    pos += 4 + length;
  }
  return fields;
}

Status append_emv_field(std::string& out, std::string_view tag, std::string_view value,
                        std::string_view path) {
  if (!is_two_digits(tag)) {
    return invalid_input(context_name(path) + ": tag \"" + std::string(tag) +
                         "\" is not two digits");
  }
  if (value.empty()) return invalid_input("tag " + emv_path(path, tag) + ": value is empty");
  if (value.size() > 99) {
    return out_of_range("tag " + emv_path(path, tag) + ": value is " + characters(value.size()) +
                        ", at most 99 fit");
  }
  out += tag;
  out += static_cast<char>('0' + value.size() / 10);
  out += static_cast<char>('0' + value.size() % 10);
  out += value;
  return {};
}

const EmvField* find_emv_field(const std::vector<EmvField>& fields, std::string_view tag) {
  for (const EmvField& field : fields) {
    if (field.tag == tag) return &field;
  }
  return nullptr;
}

}  // namespace motcua::core
