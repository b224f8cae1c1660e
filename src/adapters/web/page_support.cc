#include "adapters/web/page_support.h"

#include <array>

#include "adapters/web/case_table.h"
#include "adapters/web/form.h"

namespace motcua::adapters::web {
namespace {

struct MenuEntry {
  const char* href;
  const char* key;
};

// The guide's console menu, in its order.
constexpr std::array kMenu = {
    MenuEntry{"/can-bo/ho-so-cho-tiep-nhan", "menu_pending"},
    MenuEntry{"/can-bo/tiep-nhan", "menu_intake"},
    MenuEntry{"/can-bo/import-excel", "menu_import"},
    MenuEntry{"/can-bo/xu-ly-ho-so", "menu_process"},
    MenuEntry{"/can-bo/ho-so-khong-can-xu-ly", "menu_no_processing"},
    MenuEntry{"/can-bo/tra-cuu/don-vi", "menu_lookup_unit"},
    MenuEntry{"/can-bo/tra-cuu/co-quan", "menu_lookup_agency"},
    MenuEntry{"/can-bo/tra-cuu/ca-nhan", "menu_lookup_own"},
    MenuEntry{"/can-bo/cau-hinh-so-ho-so", "menu_numbering"},
    MenuEntry{"/can-bo/thanh-toan-pos", "ctr_pos_list"},
    MenuEntry{"/can-bo/du-lieu-mot-cua", "menu_one_stop_data"},
    MenuEntry{"/can-bo/danh-gia-du-lieu", "menu_data_review"},
    MenuEntry{"/can-bo/kho-du-lieu-dien-tu", "menu_archive"},
    MenuEntry{"/can-bo/doi-soat", "rec_menu"},
};

// The admin pages (admin_pages.h), shown to admins only.
constexpr std::array kAdminMenu = {
    MenuEntry{"/can-bo/quan-tri/co-quan", "menu_admin_agencies"},
    MenuEntry{"/can-bo/quan-tri/can-bo", "menu_admin_staff"},
    MenuEntry{"/can-bo/quan-tri/thu-tuc", "menu_admin_procedures"},
    MenuEntry{"/can-bo/quan-tri/lich", "menu_admin_calendar"},
};

}  // namespace

std::optional<app::StaffSession> signed_in_staff(WebState& state, const HttpRequest& request) {
  auto cookies = parse_cookies(request);
  auto it = cookies.find(kSessionCookie);
  if (it == cookies.end() || it->second.empty()) return std::nullopt;
  core::Result<app::StaffSession> session = state.deps.staff_auth.authenticate(it->second);
  if (!session.ok()) return std::nullopt;
  return std::move(session).value();
}

std::optional<app::CitizenSession> signed_in_citizen(WebState& state, const HttpRequest& request) {
  if (state.deps.citizen_sessions == nullptr) return std::nullopt;
  auto cookies = parse_cookies(request);
  auto it = cookies.find(kCitizenCookie);
  if (it == cookies.end() || it->second.empty()) return std::nullopt;
  core::Result<app::CitizenSession> session = state.deps.citizen_sessions->authenticate(it->second);
  if (!session.ok()) return std::nullopt;
  return std::move(session).value();
}

std::string citizen_sign_in_location(const HttpRequest& request) {
  return "/dang-nhap?tiep=" + percent_encoded(request.target);
}

HttpResponse console_page(WebState& state, const HttpRequest& request, int status,
                          const std::string& title, const std::string& content_template,
                          TemplateData data, const std::optional<app::StaffSession>& session,
                          std::string_view current_href) {
  Language language = language_of(request);
  const TemplateData& t = messages(language);
  data.set("t", t);
  if (session) data.set("csrf", session->csrf_token);
  core::Result<std::string> content = state.deps.templates->render(content_template, data);
  if (!content.ok()) return HttpResponse::text(500, "Internal Server Error\n");

  TemplateData layout;
  layout.set("t", t);
  layout.set("lang", std::string(code_of(language)));
  layout.set("title", title);
  layout.set("content", content.value());
  if (session) {
    layout.set("staff_name", session->staff.full_name);
    layout.set("unit_name", session->staff.agency_code);
    layout.set("csrf", session->csrf_token);
    auto menu_of = [&](const auto& entries) {
      TemplateData items = TemplateData::list();
      for (const MenuEntry& entry : entries) {
        TemplateData item;
        item.set("href", entry.href);
        item.set("label", std::string(text(language, entry.key)));
        item.set("current", current_href == entry.href);
        items.push(item);
      }
      return items;
    };
    layout.set("menu", menu_of(kMenu));
    if (session->staff.active && (session->staff.roles & core::kRoleAdmin) != 0) {
      layout.set("admin_menu", menu_of(kAdminMenu));
      layout.set("is_admin", true);
    }
  }
  core::Result<std::string> page = state.deps.templates->render("console_layout", layout);
  if (!page.ok()) return HttpResponse::text(500, "Internal Server Error\n");
  HttpResponse response = HttpResponse::html(status, page.value());
  response.with_header("Cache-Control", "no-store");
  return response;
}

bool csrf_matches(WebState& state, const std::map<std::string, std::string>& form,
                  std::string_view expected) {
  auto it = form.find("_csrf");
  return it != form.end() && !expected.empty() && state.deps.tokens.equal(it->second, expected);
}

HttpResponse redirect(std::string location) {
  HttpResponse r = HttpResponse::text(303, "");
  r.with_header("Location", std::move(location));
  return r;
}

HttpResponse error_page(WebState& state, const HttpRequest& request, int status,
                        std::string_view message_key,
                        const std::optional<app::StaffSession>& session) {
  Language language = language_of(request);
  TemplateData data;
  data.set("message", std::string(text(language, message_key)));
  return console_page(state, request, status, std::string(text(language, message_key)), "message",
                      data, session);
}

HttpResponse case_unavailable_page(WebState& state, const HttpRequest& request,
                                   const core::Error& error, const app::StaffSession& session) {
  core::ErrorKind kind =
      error.kind == core::ErrorKind::kForbidden ? core::ErrorKind::kNotFound : error.kind;
  int status = http_status_for(kind);
  return error_page(state, request, status, status == 404 ? "case_not_found" : "server_error",
                    session);
}

}  // namespace motcua::adapters::web
