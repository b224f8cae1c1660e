#pragma once
// The printed documents as PDF responses (issue 7): the officer's and the payer's receipt and
// the intake slip, rendered by the app::PrintedDocuments port (WebDependencies::documents).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/web/http_message.h"
#include "adapters/web/web_state.h"
#include "app/printed_documents.h"
#include "app/staff_authentication.h"

namespace motcua::adapters::web {

// 200 application/pdf, shown in the browser ("inline") under `filename` ("bien-lai-AA-24E-
// 0000001.pdf"), never cached: a receipt or slip carries personal data.
HttpResponse pdf_response(std::string bytes, const std::string& filename);

// `stem` + the parts joined by '-' + ".pdf", each character outside [A-Za-z0-9._-] as '-', so
// the name is safe in a header whatever a series or code holds.
std::string pdf_filename(std::string_view stem, std::string_view first,
                         std::string_view second = "");

// A console PDF: what `render` makes with the application's PrintedDocuments, as
// pdf_response(filename); the console's error page when there is no renderer (503, "doc_
// unavailable") or when it refuses the data (its error's status, "doc_failed").
HttpResponse console_pdf(
    WebState& state, const HttpRequest& request, const app::StaffSession& session,
    const std::string& filename,
    const std::function<core::Result<std::string>(const app::PrintedDocuments&)>& render);

}  // namespace motcua::adapters::web
