// The files attached to a case: served to the citizen who owns the case and to the officers
// who may read it, with the type sniffed at upload, as a download (never rendered inline), and
// listed on the officer's case page. Anyone else gets the same 404 as a missing file, so
// neither case codes nor file ids can be probed.
#include <optional>

#include "adapters/web/case_table.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/submission_routes.h"
#include "app/case_lookup.h"

namespace motcua::adapters::web {
namespace {

// RFC 5987 attr-char: what may stay unencoded in filename*.
bool attr_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string size_text(std::int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  std::int64_t tenths = (bytes * 10 + 1024 * 1024 - 1) / (1024 * 1024);
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

std::optional<std::int64_t> file_id_of(const HttpRequest& request) {
  std::optional<std::int64_t> id = number_of(request.path_params.at("id"));
  if (!id || *id <= 0) return std::nullopt;
  return id;
}

// The file `file_id` of case `case_id` with its bytes, or nullopt (no such row or no bytes).
std::optional<std::pair<app::CaseFile, std::string>> read_file(WebState& state,
                                                               std::int64_t case_id,
                                                               std::int64_t file_id) {
  if (state.deps.files == nullptr) return std::nullopt;
  std::optional<app::CaseFile> row;
  core::Status read = state.deps.store.read([&](app::Repositories& repos) -> core::Status {
    core::Result<std::optional<app::CaseFile>> found = repos.case_files().find(case_id, file_id);
    if (!found.ok()) return found.error();
    row = std::move(found.value());
    return {};
  });
  if (!read.ok() || !row) return std::nullopt;
  core::Result<std::string> bytes = state.deps.files->get(row->stored_name);
  if (!bytes.ok()) return std::nullopt;
  return std::make_pair(std::move(*row), std::move(bytes.value()));
}

HttpResponse download(const app::CaseFile& file, std::string bytes) {
  HttpResponse r;
  r.status = 200;
  r.content_type = file.media_type;
  r.body = std::move(bytes);
  r.with_header("Content-Disposition", attachment_disposition(file.original_name));
  r.with_header("Cache-Control", "private, no-store");
  return r;  // X-Content-Type-Options: nosniff is on every response (web_app.cc)
}

// GET /quan-ly-ho-so/{code}/tep/{id}: the case's owner only.
HttpResponse citizen_file(WebState& state, const HttpRequest& request,
                          const app::CitizenSession& session) {
  auto missing = [&] {
    return portal_message(state, request, 404, "sub_file", "sub_file_missing");
  };
  std::optional<std::int64_t> file_id = file_id_of(request);
  if (!file_id) return missing();
  std::optional<core::CaseRecord> record;
  core::Status read = state.deps.store.read([&](app::Repositories& repos) -> core::Status {
    core::Result<std::optional<core::CaseRecord>> found =
        repos.cases().find_by_code(request.path_params.at("code"));
    if (!found.ok()) return found.error();
    record = std::move(found.value());
    return {};
  });
  if (!read.ok()) return portal_message(state, request, 500, "sub_file", "server_error");
  if (!record || record->citizen_account_id != session.citizen.id) return missing();
  auto file = read_file(state, record->id, *file_id);
  if (!file) return missing();
  return download(file->first, std::move(file->second));
}

// GET /can-bo/ho-so/{code}/tep/{id}: officers who may read the case (CaseLookup::open_case,
// as the case page); a case outside their scope is 404 like a missing one.
HttpResponse officer_file(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session) {
  auto missing = [&] { return error_page(state, request, 404, "not_found", session); };
  std::optional<std::int64_t> file_id = file_id_of(request);
  if (!file_id) return missing();
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock)
          .open_case(session.staff, request.path_params.at("code"));
  if (!detail.ok()) return case_unavailable_page(state, request, detail.error(), session);
  auto file = read_file(state, detail->summary.record.id, *file_id);
  if (!file) return missing();
  return download(file->first, std::move(file->second));
}

}  // namespace

std::string attachment_disposition(std::string_view display_name) {
  std::string fallback;
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : display_name) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = c >= 0x20 && c < 0x7F && ch != '"' && ch != '\\' && ch != '%';
    if ((c & 0xC0) != 0x80) fallback.push_back(plain ? ch : '_');  // one '_' per character
    if (attr_char(c)) {
      encoded.push_back(ch);
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 0x0F]);
    }
  }
  if (fallback.empty()) fallback = "tep";
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" +
         (encoded.empty() ? std::string("tep") : encoded);
}

// The case's files, or none when they cannot be read (the pages then show none).
std::vector<app::CaseFile> files_of(WebState& state, std::int64_t case_id) {
  std::vector<app::CaseFile> files;
  core::Status read = state.deps.store.read([&](app::Repositories& repos) -> core::Status {
    core::Result<std::vector<app::CaseFile>> found = repos.case_files().list_for_case(case_id);
    if (!found.ok()) return found.error();
    files = std::move(found.value());
    return {};
  });
  return read.ok() ? files : std::vector<app::CaseFile>();
}

std::vector<std::string> case_file_documents(WebState& state, std::int64_t case_id) {
  std::vector<std::string> rows;
  for (const app::CaseFile& f : files_of(state, case_id)) {
    rows.push_back(f.document + " (" + f.original_name + ")");
  }
  return rows;
}

void add_case_files(WebState& state, TemplateData& data, std::int64_t case_id,
                    std::string_view case_page) {
  std::vector<app::CaseFile> files = files_of(state, case_id);
  if (files.empty()) return;
  TemplateData rows = TemplateData::list();
  for (const app::CaseFile& f : files) {
    TemplateData row;
    row.set("document", f.document);
    row.set("name", f.original_name);
    row.set("type", f.media_type);
    row.set("size", size_text(f.size));
    row.set("uploaded_at", shown_at(f.uploaded_at));
    row.set("href", safe_url(std::string(case_page) + "/tep/" + std::to_string(f.id)));
    rows.push(row);
  }
  data.set("files", rows);
  data.set("has_files", true);
}

void add_case_file_routes(WebState& state) {
  state.router.add("GET", "/quan-ly-ho-so/{code}/tep/{id}",
                   citizen_only(state, [&state](HttpRequest& r, const app::CitizenSession& s) {
                     return citizen_file(state, r, s);
                   }));
  state.router.add("GET", "/can-bo/ho-so/{code}/tep/{id}",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return officer_file(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
