#pragma once

#include <string>
#include <string_view>

namespace motcua::core {

// Appends `text` escaped for HTML and XML content and quoted attributes: & < > " ' and also `
// and =, which matter in unquoted or badly quoted attributes. Used by the HTML templates and
// the SVG writer alike.
void append_markup_escaped(std::string& out, std::string_view text);

inline std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_markup_escaped(out, text);
  return out;
}

}  // namespace motcua::core
