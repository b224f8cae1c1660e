// "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ": the intake slip as an HTML print view, laid out
// after Mẫu 01 of Thông tư 01/2018/TT-VPCP, with the case's fee lines, total and amount in
// words. The console's menu and header are hidden in print (static/console.css). While the
// case has something to pay, the slip carries the QR code of its stable pay link
// (public_site.h), which stays valid until everything is paid. The same fields make the A4 PDF
// (GET .../giay-tiep-nhan/pdf, app::PrintedDocuments).
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/web/case_table.h"
#include "adapters/web/intake_routes.h"
#include "adapters/web/page_support.h"
#include "adapters/web/printed_pages.h"
#include "adapters/web/public_site.h"
#include "adapters/web/submission_routes.h"
#include "app/case_lookup.h"
#include "app/printed_documents.h"
#include "core/access_policy.h"
#include "core/amount_in_words.h"
#include "core/civil_time.h"
#include "core/money.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::web {
namespace {

// What the slip shows beside the case: the receiving unit, its top-level agency (the place),
// the procedure's legal processing time, the receiving officer.
struct SlipContext {
  std::optional<core::Agency> unit;
  std::optional<core::Agency> parent;
  std::optional<core::Agency> province;
  std::optional<std::int64_t> processing_days;
  std::string officer_name;
};

core::Result<SlipContext> read_context(WebState& state, const core::CaseRecord& c) {
  SlipContext context;
  core::Status read = state.deps.store.read([&](app::Repositories& repos) -> core::Status {
    core::Result<std::optional<core::Agency>> unit = repos.agencies().find(c.receiving_agency_code);
    if (!unit.ok()) return unit.error();
    context.unit = std::move(unit.value());
    if (context.unit && !context.unit->parent_code.empty()) {
      core::Result<std::optional<core::Agency>> parent =
          repos.agencies().find(context.unit->parent_code);
      if (!parent.ok()) return parent.error();
      context.parent = std::move(parent.value());
    }
    core::Result<std::optional<core::Agency>> province =
        repos.agencies().find(core::top_level_agency(c.receiving_agency_code));
    if (!province.ok()) return province.error();
    context.province = std::move(province.value());
    core::Result<std::optional<core::Procedure>> procedure =
        repos.procedures().find(c.procedure_code);
    if (!procedure.ok()) return procedure.error();
    if (procedure->has_value()) context.processing_days = (*procedure)->processing_days;
    if (c.assigned_staff_id) {
      core::Result<std::optional<core::StaffMember>> officer =
          repos.staff().find_by_id(*c.assigned_staff_id);
      if (!officer.ok()) return officer.error();
      if (officer->has_value()) context.officer_name = (*officer)->full_name;
    }
    return {};
  });
  if (!read.ok()) return read.error();
  return context;
}

std::string two_digits(unsigned value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02u", value % 100);
  return text;
}

// Day and month as official documents write them (Nghị định 30/2020/NĐ-CP): a day below 10
// and the months 1 and 2 take a leading zero ("ngày 04 tháng 02", "ngày 26 tháng 4").
std::string day_text(std::chrono::year_month_day day) {
  return two_digits(static_cast<unsigned>(day.day()));
}
std::string month_text(std::chrono::year_month_day day) {
  unsigned month = static_cast<unsigned>(day.month());
  return month <= 2 ? two_digits(month) : std::to_string(month);
}

// "ngày 26 tháng 4 năm 2024" (Vietnamese), "26/04/2024" (English).
std::string date_text(Language language, std::chrono::year_month_day day) {
  if (language == Language::kEnglish) return core::format_display_date(day);
  return "ngày " + day_text(day) + " tháng " + month_text(day) + " năm " +
         std::to_string(static_cast<int>(day.year()));
}

// "07 giờ 27 phút, ngày 26 tháng 4 năm 2024" as Mẫu 01 asks; "07:27, 26/04/2024" in English.
// Dotted blanks when the case has no such time yet (filled in by hand).
std::string time_text(Language language, const std::optional<std::chrono::sys_seconds>& instant) {
  if (!instant) return "....................";
  std::chrono::local_seconds local = core::to_vietnam_local(*instant);
  std::chrono::local_days day = core::local_day(local);
  std::chrono::hh_mm_ss clock{local - day};
  std::string hours = two_digits(static_cast<unsigned>(clock.hours().count()));
  std::string minutes = two_digits(static_cast<unsigned>(clock.minutes().count()));
  std::chrono::year_month_day date{day};
  if (language == Language::kEnglish) {
    return hours + ":" + minutes + ", " + date_text(language, date);
  }
  return hours + " giờ " + minutes + " phút, " + date_text(language, date);
}

// The place of the date line: the province's name without its "Tỉnh" / "Thành phố" ("Kon Tum").
std::string place_of(const std::optional<core::Agency>& province) {
  if (!province) return "";
  for (std::string_view prefix : {"Tỉnh ", "Thành phố "}) {
    if (province->name.rfind(prefix, 0) == 0) return province->name.substr(prefix.size());
  }
  return province->name;
}

std::string upper(const std::string& text) {
  core::Result<std::string> up = core::to_upper(text);
  return up.ok() ? *up : text;
}

// The slip's fields (Mẫu 01) with dates and times in `language`: what the HTML slip shows and,
// in Vietnamese, what the PDF prints. The pay link only while something is outstanding.
app::IntakeSlipDocument slip_document(WebState& state, const app::CaseDetail& detail,
                                      const SlipContext& context, Language language) {
  const core::CaseRecord& c = detail.summary.record;
  app::IntakeSlipDocument d;
  d.unit_name = context.unit ? context.unit->name : c.receiving_agency_code;
  if (context.parent) d.parent_name = upper(context.parent->name);
  d.case_code = c.code;
  std::chrono::sys_seconds on = c.received_at.value_or(c.submitted_at);
  std::string place = place_of(context.province);
  std::string date =
      date_text(language, std::chrono::year_month_day{core::local_day(core::to_vietnam_local(on))});
  d.place_date = place.empty() ? date : place + ", " + date;
  d.submitter = c.submitter.name;
  d.id_number = c.submitter.id_number;
  d.address = c.submitter.address;
  d.phone = c.submitter.phone;
  d.email = c.submitter.email;
  if (c.owner.name != c.submitter.name || c.owner.id_number != c.submitter.id_number) {
    d.owner = c.owner.name + (c.owner.id_number.empty() ? "" : " (" + c.owner.id_number + ")");
  }
  d.procedure = c.procedure_name + " (" + c.procedure_code + ")";
  d.documents = case_file_documents(state, c.id);  // online cases: their attached files
  d.legal_days = context.processing_days ? std::to_string(*context.processing_days) : "..........";
  d.received_time = time_text(language, c.received_at);
  d.return_time = time_text(language, c.appointment_at);
  d.deadline_time = time_text(language, c.deadline_at);
  d.pickup = core::label_vi(c.result_delivery);
  if (c.result_delivery == core::ResultDelivery::kAtCounter) d.pickup += " — " + d.unit_name;
  d.officer_name = context.officer_name;
  for (const core::FeeLine& line : c.fee_lines) {
    d.fee_lines.push_back({line.name, line.quantity, line.unit_amount, line.amount});
  }
  const core::PaymentSummary& payment = detail.summary.payment;
  d.total = payment.total;
  core::Result<std::string> words = core::amount_in_words(payment.total);
  if (words.ok()) d.total_in_words = *words;
  if (payment.outstanding.in_dong() > 0) {
    d.payment_url = payment_link_url(state, c.code);
    d.outstanding = payment.outstanding;
  }
  d.reception_at = on;
  return d;
}

// The case {code} the officer may view, with what its slip shows beside it; or the page to
// answer instead.
struct SlipCase {
  std::optional<app::CaseDetail> detail;
  SlipContext context;
  HttpResponse refusal;
};

SlipCase open_slip_case(WebState& state, const HttpRequest& request,
                        const app::StaffSession& session) {
  // open_case applies the case page's access rule (core::case_rights): no view, no slip.
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock)
          .open_case(session.staff, request.path_params.at("code"));
  if (!detail.ok()) return {{}, {}, case_unavailable_page(state, request, detail.error(), session)};
  core::Result<SlipContext> context = read_context(state, detail->summary.record);
  if (!context.ok()) {
    return {
        {},
        {},
        error_page(state, request, http_status_for(context.error().kind), "server_error", session)};
  }
  return {std::move(detail).value(), std::move(context).value(), {}};
}

HttpResponse slip(WebState& state, const HttpRequest& request, const app::StaffSession& session) {
  Language language = language_of(request);
  SlipCase found = open_slip_case(state, request, session);
  if (!found.detail) return found.refusal;
  const core::CaseRecord& c = found.detail->summary.record;
  app::IntakeSlipDocument d = slip_document(state, *found.detail, found.context, language);

  TemplateData data;
  data.set("case_href", case_href(c.code));
  data.set("pdf_href", case_href(c.code) + "/giay-tiep-nhan/pdf");
  if (request.query_value("lich") == "chua-xac-nhan") data.set("unconfirmed_calendar", true);
  if (!d.parent_name.empty()) data.set("parent_name", d.parent_name);
  data.set("unit_name", d.unit_name);
  data.set("unit_name_upper", upper(d.unit_name));
  data.set("number", c.code + "/BPTNTKQ");
  data.set("code", c.code);
  data.set("place_date", d.place_date);
  data.set("submitter", d.submitter);
  data.set("id_number", d.id_number);
  data.set("address", d.address);
  data.set("phone", d.phone);
  data.set("email", d.email);
  if (!d.owner.empty()) data.set("owner", d.owner);
  data.set("procedure", d.procedure);
  TemplateData documents = TemplateData::list();
  for (const std::string& name : d.documents) {
    TemplateData row;
    row.set("name", name);
    documents.push(row);
  }
  data.set("documents", documents);
  data.set("has_documents", !d.documents.empty());
  data.set("legal_days", d.legal_days);
  data.set("received_time", d.received_time);
  data.set("return_time", d.return_time);
  data.set("deadline_time", d.deadline_time);
  data.set("pickup", d.pickup);
  data.set("officer_name", d.officer_name);

  TemplateData lines = TemplateData::list();
  for (const core::FeeLine& line : c.fee_lines) {
    TemplateData row;
    row.set("name", line.name);
    row.set("quantity", std::to_string(line.quantity));
    row.set("unit_amount", core::format_vnd(line.unit_amount));
    row.set("amount", core::format_vnd(line.amount));
    row.set("description", line.description.empty() ? line.name : line.description);
    lines.push(row);
  }
  data.set("fee_lines", lines);
  data.set("total", core::format_vnd(d.total));
  if (!d.total_in_words.empty()) data.set("total_in_words", d.total_in_words);
  if (!d.payment_url.empty()) {
    std::string svg = payment_qr_svg(state, language, c.code);
    if (!svg.empty()) {
      data.set("pay_qr", svg);
      data.set("pay_url", d.payment_url);
      data.set("outstanding", core::format_vnd(d.outstanding));
    }
  }
  return console_page(state, request, 200, std::string(text(language, "slip_page_title")),
                      "intake_slip", data, session);
}

// The same slip as an A4 PDF (in Vietnamese, whatever the page's language).
HttpResponse slip_pdf(WebState& state, const HttpRequest& request,
                      const app::StaffSession& session) {
  SlipCase found = open_slip_case(state, request, session);
  if (!found.detail) return found.refusal;
  app::IntakeSlipDocument d =
      slip_document(state, *found.detail, found.context, Language::kVietnamese);
  return console_pdf(
      state, request, session, pdf_filename("giay-tiep-nhan-", d.case_code),
      [&](const app::PrintedDocuments& documents) { return documents.intake_slip_pdf(d); });
}

}  // namespace

void add_intake_slip_route(WebState& state) {
  state.router.add("GET", "/can-bo/ho-so/{code}/giay-tiep-nhan",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return slip(state, r, s);
                   }));
  state.router.add("GET", "/can-bo/ho-so/{code}/giay-tiep-nhan/pdf",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return slip_pdf(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
