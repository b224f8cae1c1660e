#include "adapters/web/i18n.h"

#include <array>
#include <set>

#include "adapters/web/form.h"
#include "adapters/web/messages.h"

namespace motcua::adapters::web {

Language language_of(const HttpRequest& request) {
  std::string asked = request.query_value("lang");
  if (asked.empty()) {
    auto cookies = parse_cookies(request);
    if (auto it = cookies.find("lang"); it != cookies.end()) asked = it->second;
  }
  return asked == "en" ? Language::kEnglish : Language::kVietnamese;
}

std::string_view code_of(Language language) { return language == Language::kEnglish ? "en" : "vi"; }

namespace {

// Every table of messages; each page area keeps its own (messages_<area>.cc).
constexpr std::array kTables = {console_messages, intake_messages,  admin_messages,
                                api_messages,     payment_messages, public_messages};

template <typename Visit>
void for_each_message(Visit visit) {
  for (auto table : kTables) {
    for (const Message& m : table()) visit(m);
  }
}

}  // namespace

std::string_view text(Language language, std::string_view key) {
  std::string_view found = key;
  bool done = false;
  for_each_message([&](const Message& m) {
    if (!done && m.key == key) {
      found = language == Language::kEnglish ? m.en : m.vi;
      done = true;
    }
  });
  return found;
}

TemplateData messages(Language language) {
  TemplateData t;
  for_each_message([&](const Message& m) {
    t.set(std::string(m.key), std::string(language == Language::kEnglish ? m.en : m.vi));
  });
  return t;
}

std::string translation_problems() {
  std::string problems;
  std::set<std::string_view> seen;
  for_each_message([&](const Message& m) {
    if (m.vi.empty() || m.en.empty()) problems += "untranslated:" + std::string(m.key) + " ";
    if (!seen.insert(m.key).second) problems += "duplicate:" + std::string(m.key) + " ";
  });
  return problems;
}

}  // namespace motcua::adapters::web
