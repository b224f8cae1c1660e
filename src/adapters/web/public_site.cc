#include "adapters/web/public_site.h"

#include <array>
#include <chrono>
#include <optional>

#include "adapters/web/case_table.h"
#include "adapters/web/page_support.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::web {
namespace {

struct Link {
  const char* href;
  const char* key;
};

// The guide's public menu, in its order; "Hỗ trợ" is the dropdown below it, then "Dịch vụ khác".
constexpr std::array kMenu = {
    Link{"/gioi-thieu", "pub_menu_about"},
    Link{"/thu-tuc-hanh-chinh", "pub_menu_procedures"},
    Link{"/dich-vu-cong-truc-tuyen", "pub_menu_online_services"},
    Link{"/tra-cuu-ho-so", "pub_menu_case_lookup"},
    Link{"/phan-anh-kien-nghi", "pub_menu_feedback"},
    Link{"/danh-gia", "pub_menu_rating"},
    Link{"/thong-ke", "pub_menu_statistics"},
};

// "Hỗ trợ": the guide's four entries.
constexpr std::array kSupport = {
    Link{"/ho-tro/cau-hoi-thuong-gap", "pub_support_faq"},
    Link{"/ho-tro/huong-dan-can-bo", "pub_support_staff_guide"},
    Link{"/ho-tro/huong-dan-cong-dan", "pub_support_citizen_guide"},
    Link{"/thanh-toan", "pub_online_payment"},
};

TemplateData links(Language language, std::span<const Link> entries) {
  TemplateData items = TemplateData::list();
  for (const Link& entry : entries) {
    TemplateData item;
    item.set("href", entry.href);
    item.set("label", std::string(text(language, entry.key)));
    items.push(item);
  }
  return items;
}

// The province's name ("Tỉnh Kon Tum"): the configured one, else that of the one top-level
// agency active today, else the guide's.
std::string stored_province_name(WebState& state) {
  std::optional<std::string> name;
  int found = 0;
  auto today = std::chrono::floor<std::chrono::days>(state.deps.clock.now());
  (void)state.deps.store.read([&](app::Repositories& r) -> core::Status {
    core::Result<std::vector<core::Agency>> agencies = r.agencies().list();
    if (!agencies.ok()) return agencies.error();
    for (const core::Agency& a : *agencies) {
      if (a.parent_code.empty() && a.is_active_on(today)) {
        ++found;
        name = a.name;
      }
    }
    return {};
  });
  return found == 1 && name ? *name : "Tỉnh Kon Tum";
}

std::string province_name(WebState& state) {
  if (!state.deps.public_province.empty()) return state.deps.public_province;
  WebState::ProvinceCache& cache = state.province_cache;
  std::lock_guard lock(cache.mutex);
  auto now = state.deps.clock.now();
  if (!cache.read_at || now - *cache.read_at >= std::chrono::minutes(1)) {
    cache.name = stored_province_name(state);
    cache.read_at = now;
  }
  return cache.name;
}

std::string upper(const std::string& text) {
  core::Result<std::string> up = core::to_upper(text);
  return up.ok() ? *up : text;
}

// "tỉnh Kon Tum" for the footer's sentence: the name with a lower-case first letter.
std::string in_sentence(std::string name) {
  if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') name[0] = static_cast<char>(name[0] + 32);
  return name;
}

std::string receipt_subject(std::int64_t receipt_id) {
  return "bien-lai/" + std::to_string(receipt_id);
}

}  // namespace

std::string payment_link_path(WebState& state, std::string_view case_code) {
  if (state.deps.payment_links == nullptr) return "";
  return "/tt/" + percent_encoded(case_code) + "/" + state.deps.payment_links->token_for(case_code);
}

std::string payment_link_url(WebState& state, std::string_view case_code) {
  std::string path = payment_link_path(state, case_code);
  return path.empty() ? path : state.deps.public_base_url + path;
}

std::function<std::string(std::string_view, std::string_view)> payment_return_url(
    const app::PaymentLinks& links, std::string public_base_url) {
  return [&links, base = std::move(public_base_url)](std::string_view code,
                                                     std::string_view reference) {
    return base + "/thanh-toan/ket-qua?ma=" + percent_encoded(code) +
           "&t=" + links.token_for(code) + "&ref=" + percent_encoded(reference);
  };
}

bool payment_link_valid(WebState& state, std::string_view case_code, std::string_view token) {
  return state.deps.payment_links != nullptr && state.deps.payment_links->verify(case_code, token);
}

std::string receipt_verification_path(WebState& state, std::int64_t receipt_id) {
  if (state.deps.payment_links == nullptr) return "";
  return "/bien-lai/" + std::to_string(receipt_id) + "/" +
         state.deps.payment_links->token_for(receipt_subject(receipt_id));
}

std::string receipt_verification_url(WebState& state, std::int64_t receipt_id) {
  std::string path = receipt_verification_path(state, receipt_id);
  return path.empty() ? path : state.deps.public_base_url + path;
}

bool receipt_verification_valid(WebState& state, std::int64_t receipt_id, std::string_view token) {
  return state.deps.payment_links != nullptr &&
         state.deps.payment_links->verify(receipt_subject(receipt_id), token);
}

std::string payment_qr_svg(WebState& state, Language language, std::string_view case_code) {
  std::string url = payment_link_url(state, case_code);
  if (url.empty() || state.deps.qr_codes == nullptr) return "";
  core::Result<std::string> svg = state.deps.qr_codes->svg(
      url, std::string(text(language, "pub_qr_title")) + " " + std::string(case_code));
  return svg.ok() ? *svg : "";
}

std::string client_address(WebState& state, const HttpRequest& request) {
  const std::string& trusted = state.deps.trusted_proxy;
  if (trusted.empty() || request.remote_address != trusted) return request.remote_address;
  std::string forwarded = request.header("X-Forwarded-For");
  std::size_t comma = forwarded.rfind(',');
  std::string_view last =
      std::string_view(forwarded).substr(comma == std::string::npos ? 0 : comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  if (last.empty() || last.size() > 64) return request.remote_address;
  return std::string(last);
}

bool allow_public_lookup(WebState& state, const HttpRequest& request) {
  // An empty address (a request built in-process) is one client like any other.
  return state.public_lookups.allow(client_address(state, request));
}

HttpResponse public_page(WebState& state, const HttpRequest& request, int status,
                         const std::string& title, const std::string& content_template,
                         TemplateData data) {
  Language language = language_of(request);
  const TemplateData& t = messages(language);
  data.set("t", t);
  core::Result<std::string> content = state.deps.templates->render(content_template, data);
  if (!content.ok()) return HttpResponse::text(500, "Internal Server Error\n");

  TemplateData layout;
  layout.set("t", t);
  layout.set("lang", std::string(code_of(language)));
  layout.set("title", title);
  std::string province = province_name(state);
  layout.set("province", upper(province));
  layout.set("province_in_sentence", in_sentence(province));
  if (!state.deps.office_address.empty()) layout.set("office_address", state.deps.office_address);
  layout.set("menu", links(language, kMenu));
  layout.set("support", links(language, kSupport));
  layout.set("content", content.value());
  // The header's account menu ("Quản lý hồ sơ" under the account's name, as in the guide).
  if (std::optional<app::CitizenSession> citizen = signed_in_citizen(state, request)) {
    layout.set("citizen_name", upper(citizen->citizen.full_name));
    layout.set("citizen_csrf", citizen->csrf_token);
  }
  core::Result<std::string> page = state.deps.templates->render("public_layout", layout);
  if (!page.ok()) return HttpResponse::text(500, "Internal Server Error\n");
  HttpResponse response = HttpResponse::html(status, page.value());
  response.with_header("Cache-Control", "no-store");
  return response;
}

}  // namespace motcua::adapters::web
