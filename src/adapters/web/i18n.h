#pragma once

#include <string>
#include <string_view>

#include "adapters/web/http_message.h"
#include "adapters/web/template_data.h"

namespace motcua::adapters::web {

// Pages are Vietnamese by default; English is selectable (?lang=en, remembered in a cookie).
enum class Language { kVietnamese, kEnglish };

// From ?lang= first, then the "lang" cookie; Vietnamese otherwise.
Language language_of(const HttpRequest& request);
std::string_view code_of(Language language);  // "vi", "en"

// The text for `key` in `language`; the key itself when it is missing (a test checks that
// every key has both languages).
std::string_view text(Language language, std::string_view key);

// Every message of `language`, as the object templates read as {{t.key}}; built once.
const TemplateData& messages(Language language);

// Keys that lack a translation in either language or appear twice across the tables, as
// "untranslated:key duplicate:key " (empty when the catalogue is sound).
std::string translation_problems();

}  // namespace motcua::adapters::web
