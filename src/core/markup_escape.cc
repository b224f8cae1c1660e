#include "core/markup_escape.h"

namespace motcua::core {

void append_markup_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '`':
        out += "&#96;";
        break;
      case '=':
        out += "&#61;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace motcua::core
