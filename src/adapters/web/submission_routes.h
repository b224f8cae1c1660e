#pragma once
// "Dịch vụ công trực tuyến" (online submission, submission_pages.cc) and the attached files of
// cases (case_file_routes.cc).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/web/template_data.h"
#include "adapters/web/web_state.h"
#include "app/online_submission.h"

namespace motcua::adapters::web {

inline constexpr const char* kSubmissionHref = "/dich-vu-cong-truc-tuyen";

// GET /dich-vu-cong-truc-tuyen (public: the online procedures, searchable), GET and POST
// /dich-vu-cong-truc-tuyen/{code} (citizens: the form, multipart/form-data), and the file
// routes: GET /quan-ly-ho-so/{code}/tep/{id} (the owning citizen) and
// GET /can-bo/ho-so/{code}/tep/{id} (officers who may read the case).
void add_submission_routes(WebState& state);

// The file routes alone (case_file_routes.cc); add_submission_routes calls it.
void add_case_file_routes(WebState& state);

// A public page with one message: `heading_key`'s text as heading and `message_key`'s below.
HttpResponse portal_message(WebState& state, const HttpRequest& request, int status,
                            std::string_view heading_key, std::string_view message_key);

// ServerOptions::body_limit for motcua: a multipart POST under /dich-vu-cong-truc-tuyen/ may
// carry `limits.max_total_bytes` of files plus kFormOverheadBytes of fields and part headers;
// every other request keeps `default_limit`.
inline constexpr std::size_t kFormOverheadBytes = 1024 * 1024;
std::size_t request_body_limit(const app::UploadLimits& limits, std::size_t default_limit,
                               std::string_view method, std::string_view target,
                               std::string_view content_type);

// The Content-Disposition of a download: attachment with an ASCII filename="..." fallback
// and the exact UTF-8 name as filename*=UTF-8''... (RFC 6266, RFC 5987).
std::string attachment_disposition(std::string_view display_name);

// Sets "files" on a case page ("File đính kèm": the officer's case_detail.mustache, the
// citizen's my_case.mustache): each of the case's files with its document, name, type, size,
// upload time and link "<case_page>/tep/<id>" (case_page: the page's own path, code encoded).
void add_case_files(WebState& state, TemplateData& data, std::int64_t case_id,
                    std::string_view case_page);

// "Thành phần hồ sơ" of the intake slip for a case with attached files: one row per file,
// "<document> (<file name>)", in upload order; empty when the case has none (or on a read
// error: the slip then keeps its blank rows).
std::vector<std::string> case_file_documents(WebState& state, std::int64_t case_id);

}  // namespace motcua::adapters::web
