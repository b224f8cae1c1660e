#pragma once
// The printed documents as PDF responses (issue 7): the officer's and the payer's receipt and
// the intake slip, rendered by the app::PrintedDocuments port (WebDependencies::documents).
#include <string>
#include <string_view>

#include "adapters/web/http_message.h"

namespace motcua::adapters::web {

// 200 application/pdf, shown in the browser ("inline") under `filename` ("bien-lai-AA-24E-
// 0000001.pdf"), never cached: a receipt or slip carries personal data.
HttpResponse pdf_response(std::string bytes, const std::string& filename);

// `stem` + the parts joined by '-' + ".pdf", each character outside [A-Za-z0-9._-] as '-', so
// the name is safe in a header whatever a series or code holds.
std::string pdf_filename(std::string_view stem, std::string_view first,
                         std::string_view second = "");

}  // namespace motcua::adapters::web
