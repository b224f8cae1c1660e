#include "adapters/web/i18n.h"

#include <array>
#include <set>
#include <unordered_map>

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
constexpr std::array kTables = {
    console_messages,   intake_messages,  admin_messages,    api_messages,
    payment_messages,   public_messages,  document_messages, reconciliation_messages,
    screen_messages,    receipt_messages, counter_messages,  live_messages,
    catalogue_messages, mycases_messages, account_messages,  submission_messages};

template <typename Visit>
void for_each_message(Visit visit) {
  for (auto table : kTables) {
    for (const Message& m : table()) visit(m);
  }
}

// Built once, on first use (thread-safe static initialisation): the catalogue is constant.
// A key listed twice keeps its first text here; translation_problems() reports it.
const std::unordered_map<std::string_view, const Message*>& message_index() {
  static const std::unordered_map<std::string_view, const Message*> index = [] {
    std::unordered_map<std::string_view, const Message*> built;
    for_each_message([&](const Message& m) { built.emplace(m.key, &m); });
    return built;
  }();
  return index;
}

TemplateData build_messages(Language language) {
  TemplateData t;
  for_each_message([&](const Message& m) {
    t.append(std::string(m.key), std::string(language == Language::kEnglish ? m.en : m.vi));
  });
  return t;
}

}  // namespace

std::string_view text(Language language, std::string_view key) {
  const auto& index = message_index();
  auto found = index.find(key);
  if (found == index.end()) return key;
  return language == Language::kEnglish ? found->second->en : found->second->vi;
}

const TemplateData& messages(Language language) {
  static const TemplateData vietnamese = build_messages(Language::kVietnamese);
  static const TemplateData english = build_messages(Language::kEnglish);
  return language == Language::kEnglish ? english : vietnamese;
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
