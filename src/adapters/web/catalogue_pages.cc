// The public catalogue: "Thủ tục hành chính" (search ignoring case and diacritics, filters by
// field, level and the home page's groups, ten a page), a procedure's page (agency, processing
// time, documents, fees valid today, legal basis) and the site search; and "Tra cứu hồ sơ", a
// case's status for whoever holds its code and the last 4 digits of its submitter's ID number.
#include "adapters/web/catalogue_pages.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "adapters/web/case_table.h"
#include "adapters/web/procedure_groups.h"
#include "adapters/web/public_site.h"
#include "app/case_lookup.h"
#include "app/public_case_status.h"
#include "app/public_catalogue.h"
#include "app/public_payment.h"
#include "core/civil_time.h"
#include "core/money.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kCatalogueHref = "/thu-tuc-hanh-chinh";
constexpr const char* kSearchHref = "/tim-kiem";
constexpr const char* kLookupHref = "/tra-cuu-ho-so";

std::string procedure_page_href(std::string_view code) {
  return code.empty() ? "" : std::string(kCatalogueHref) + "/" + percent_encoded(code);
}

// Where a procedure offered online is submitted (the submission pages' agreed URL).
std::string online_href(const core::Procedure& p) {
  return p.online && !p.code.empty() ? "/dich-vu-cong-truc-tuyen/" + percent_encoded(p.code) : "";
}

std::string shown(std::chrono::sys_seconds at) {
  return core::format_display_date_time(core::to_vietnam_local(at));
}

std::string shown(const std::optional<std::chrono::sys_seconds>& at) {
  return at ? shown(*at) : "";
}

// Sets `key` only for a non-empty value: a template section treats any set text, even "",
// as present.
void set_text(TemplateData& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

// `typed` cut to at most `limit` bytes without splitting a character, to refill a field.
std::string typed_back(const std::string& typed, std::size_t limit) {
  std::size_t keep = std::min(typed.size(), limit);
  while (keep < typed.size() && (static_cast<unsigned char>(typed[keep]) & 0xC0) == 0x80) --keep;
  return typed.substr(0, keep);
}

TemplateData choices(const std::vector<std::string>& values, const std::string& selected) {
  TemplateData list = TemplateData::list();
  for (const std::string& value : values) {
    TemplateData option;
    option.set("value", value);
    option.set("selected", value == selected);
    list.push(option);
  }
  return list;
}

// The catalogue's list, for "Thủ tục hành chính" (`href` kCatalogueHref) and the site search
// (kSearchHref): the same query, the same table.
HttpResponse catalogue(WebState& state, const HttpRequest& request, const char* href,
                       std::string_view title_key) {
  Language language = language_of(request);
  std::string title(text(language, title_key));
  std::string q = request.query_value("q");
  std::string field = request.query_value("linh_vuc");
  std::string level = request.query_value("cap");
  std::string group_slug = request.query_value("nhom");
  std::optional<std::int64_t> typed_page = number_of(request.query_value("trang"));
  std::int64_t page = typed_page && *typed_page >= 1 ? *typed_page : 1;

  app::CatalogueQuery query{.text = q, .field = field, .level = level, .page = page};
  TemplateData data;
  std::string_view notice_key;
  const ProcedureGroup* group = find_procedure_group(group_slug);
  if (group != nullptr) {
    query.group_fields.emplace(group->fields.begin(), group->fields.end());
    data.set("group", std::string(group->slug));
    data.set("group_label", std::string(text(language, group->key)));
  } else if (!group_slug.empty()) {
    notice_key = "cat_group_unknown";
  }
  core::Result<app::CataloguePage> found = app::browse_catalogue(state.deps.store, query);
  if (!found.ok() && found.error().kind == core::ErrorKind::kInvalidInput) {
    // Text that is not UTF-8: nothing matches it.
    notice_key = "cat_none";
    found = app::browse_catalogue(state.deps.store, {.page = 1});
    if (found.ok()) {
      found.value().items.clear();
      found.value().total = 0;
    }
  }
  if (!found.ok()) {
    data.set("heading", title);
    data.set("message", std::string(text(language, "server_error")));
    return public_page(state, request, http_status_for(found.error().kind), title, "public_message",
                       data);
  }
  const app::CataloguePage& p = found.value();
  data.set("heading", title);
  data.set("action", std::string(href));
  data.set("q", q);
  data.set("fields", choices(p.fields, field));
  data.set("levels", choices(p.levels, level));
  data.set("total", std::to_string(p.total));
  TemplateData rows = TemplateData::list();
  for (const core::Procedure& procedure : p.items) {
    TemplateData row;
    row.set("code", procedure.code);
    row.set("name", procedure.name);
    set_text(row, "href", procedure_page_href(procedure.code));
    row.set("field", procedure.field);
    row.set("level", procedure.level);
    set_text(row, "online_href", online_href(procedure));
    rows.push(row);
  }
  data.set("rows", rows);
  data.set("has_rows", !p.items.empty());
  if (p.total == 0 && notice_key.empty()) {
    bool only_group = group != nullptr && q.empty() && field.empty() && level.empty();
    notice_key = only_group ? "cat_group_empty" : "cat_none";
  }
  if (!notice_key.empty()) data.set("notice", std::string(text(language, notice_key)));
  app::CaseListPage pager;  // page_links' shape: total, page, page size
  pager.total = p.total;
  pager.page = p.page;
  pager.page_size = p.page_size;
  std::string base = std::string(href) + "?q=" + percent_encoded(q) +
                     "&linh_vuc=" + percent_encoded(field) + "&cap=" + percent_encoded(level) +
                     (group != nullptr ? "&nhom=" + std::string(group->slug) : "") + "&trang=";
  data.set("pages", page_links(base, pager));
  return public_page(state, request, 200, title, "public_catalogue", data);
}

// "2.000 VND/trang (từ trang 3)": one price band of a fee item; the band's start is said only
// when the item has more than one.
std::string band_text(const core::FeeItem& item, const core::FeeTier& tier, Language language) {
  std::string out = core::format_vnd(tier.unit_amount);
  if (!item.unit.empty()) out += "/" + item.unit;
  if (item.tiers.size() > 1) {
    out += " (" + std::string(text(language, "cat_from")) + " " +
           (item.unit.empty() ? "" : item.unit + " ") + std::to_string(tier.from_unit) + ")";
  }
  return out;
}

std::string days_text(std::int64_t days, Language language) {
  if (days == 0) return std::string(text(language, "cat_same_day"));
  return std::to_string(days) + " " + std::string(text(language, "cat_working_days"));
}

HttpResponse procedure_page(WebState& state, const HttpRequest& request) {
  Language language = language_of(request);
  auto today = std::chrono::floor<std::chrono::days>(
      core::to_vietnam_local(state.deps.clock.now()).time_since_epoch());
  core::Result<core::Procedure> found = app::public_procedure(
      state.deps.store, request.path_params.at("code"), std::chrono::sys_days{today});
  if (!found.ok()) {
    bool missing = found.error().kind == core::ErrorKind::kNotFound;
    TemplateData data;
    data.set("heading",
             std::string(text(language, missing ? "cat_procedure_not_found" : "server_error")));
    data.set("message", std::string(text(
                            language, missing ? "cat_procedure_not_found_body" : "server_error")));
    std::string title(text(language, "pub_menu_procedures"));
    return public_page(state, request, missing ? 404 : http_status_for(found.error().kind), title,
                       "public_message", data);
  }
  const core::Procedure& p = found.value();
  TemplateData data;
  data.set("code", p.code);
  data.set("name", p.name);
  data.set("field", p.field);
  data.set("level", p.level);
  set_text(data, "agency", p.implementing_agency);
  data.set("days", days_text(p.processing_days, language));
  set_text(data, "legal_basis", p.legal_basis);
  data.set("unconfirmed", !p.confirmed);
  set_text(data, "online_href", online_href(p));
  TemplateData documents = TemplateData::list();
  for (const core::ProcedureDocument& d : p.documents) {
    TemplateData row;
    row.set("name", d.name);
    row.set("originals", std::to_string(d.originals));
    row.set("copies", std::to_string(d.copies));
    row.set("required", std::string(text(language, d.required ? "cat_required" : "cat_if_any")));
    documents.push(row);
  }
  data.set("documents", documents);
  TemplateData fees = TemplateData::list();
  for (const core::ProcedureFee& fee : p.fees) {
    TemplateData row;
    row.set("name", fee.item.name);
    TemplateData bands = TemplateData::list();
    for (const core::FeeTier& tier : fee.item.tiers) {
      TemplateData band;
      band.set("text", band_text(fee.item, tier, language));
      bands.push(band);
    }
    row.set("bands", bands);
    if (fee.item.cap_per_set) row.set("cap", core::format_vnd(*fee.item.cap_per_set));
    set_text(row, "legal_basis", fee.legal_basis);
    fees.push(row);
  }
  data.set("fees", fees);
  return public_page(state, request, 200, p.name, "public_procedure", data);
}

// "Tra cứu hồ sơ": the form; with a code and 4 digits typed, the case's status. Any mismatch
// and any unknown code get one message and 404; over the per-address limit, 429.
HttpResponse lookup_page(WebState& state, const HttpRequest& request) {
  Language language = language_of(request);
  std::string title(text(language, "pub_menu_case_lookup"));
  std::string code = request.query_value("ma");
  std::string digits = request.query_value("cccd");
  TemplateData data;
  // Typed back into the fields, cut to their lengths at a character boundary.
  data.set("code", typed_back(code, app::kMaxPublicCaseCode));
  data.set("digits", typed_back(digits, 4));
  if (code.empty() && digits.empty()) {
    return public_page(state, request, 200, title, "public_case_status", data);
  }
  if (!allow_public_lookup(state, request)) {
    data.set("notice", std::string(text(language, "pub_too_many_lookups")));
    HttpResponse r = public_page(state, request, 429, title, "public_case_status", data);
    r.with_header("Retry-After", "60");
    return r;
  }
  core::Result<app::PublicCaseStatus> found =
      app::find_public_case_status(state.deps.store, code, digits);
  if (!found.ok()) {
    core::ErrorKind kind = found.error().kind;
    std::string_view key = kind == core::ErrorKind::kInvalidInput ? "cat_lookup_digits"
                           : kind == core::ErrorKind::kNotFound   ? "cat_lookup_not_found"
                                                                  : "server_error";
    data.set("notice", std::string(text(language, key)));
    return public_page(state, request, http_status_for(kind), title, "public_case_status", data);
  }
  const app::PublicCaseStatus& c = found.value();
  data.set("found", true);
  data.set("case_code", c.case_code);
  data.set("procedure", c.procedure);
  data.set("submitter", c.submitter_name);
  data.set("submitter_id", c.submitter_id);
  data.set("agency", c.agency_name);
  data.set("status", std::string(core::label_vi(c.status)));
  data.set("submitted_at", shown(c.submitted_at));
  set_text(data, "received_at", shown(c.received_at));
  set_text(data, "appointment_at", shown(c.appointment_at));
  if (c.amount_due.in_dong() > 0) {
    data.set("amount_due", core::format_vnd(c.amount_due));
    data.set("pay_href", "/thanh-toan?ma=" + percent_encoded(c.case_code));
  }
  TemplateData history = TemplateData::list();
  for (const app::PublicStatusStep& step : c.history) {
    TemplateData row;
    row.set("at", shown(step.at));
    row.set("status", std::string(core::label_vi(step.status)));
    history.push(row);
  }
  data.set("history", history);
  data.set("has_history", !c.history.empty());
  return public_page(state, request, 200, title, "public_case_status", data);
}

}  // namespace

void add_catalogue_routes(WebState& state) {
  state.router.add("GET", kCatalogueHref, [&state](HttpRequest& r) {
    return catalogue(state, r, kCatalogueHref, "pub_menu_procedures");
  });
  state.router.add("GET", std::string(kCatalogueHref) + "/{code}",
                   [&state](HttpRequest& r) { return procedure_page(state, r); });
  state.router.add("GET", kSearchHref, [&state](HttpRequest& r) {
    return catalogue(state, r, kSearchHref, "cat_search_results");
  });
  state.router.add("GET", kLookupHref, [&state](HttpRequest& r) { return lookup_page(state, r); });
}

}  // namespace motcua::adapters::web
