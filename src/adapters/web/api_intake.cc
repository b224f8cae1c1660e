// POST /api/v1/cases: "Tiếp nhận hồ sơ" through the API. The body mirrors app::IntakeRequest;
// every field problem (wrong JSON type, unknown field, or what CaseIntake refuses) comes back
// in one 422 with `errors: [{field, message}]`, the field paths being CaseIntake's.
#include <boost/json.hpp>
#include <initializer_list>

#include "adapters/web/api_case_json.h"
#include "adapters/web/api_routes.h"
#include "adapters/web/api_support.h"
#include "app/case_intake.h"
#include "app/case_lookup.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;

// Reads a JSON body into an IntakeRequest, collecting a problem per bad field.
class IntakeReader {
 public:
  std::vector<FieldProblem> errors;

  app::IntakeRequest read(const json::object& body) {
    app::IntakeRequest request;
    only(body, "",
         {"procedure_code", "submitter", "owner", "fees", "channel", "result_delivery",
          "processing_agency_code"});
    text(body, "procedure_code", "", request.procedure_code);
    text(body, "processing_agency_code", "", request.processing_agency_code);
    if (const json::object* submitter = object(body, "submitter", "", true)) {
      request.submitter = person(*submitter, "submitter");
    }
    if (const json::object* owner = object(body, "owner", "", false)) {
      request.owner = person(*owner, "owner");
    }
    channel(body, request.channel);
    delivery(body, request.result_delivery);
    if (const json::value* fees = body.if_contains("fees"); fees && !fees->is_null()) {
      if (!fees->is_array()) {
        errors.push_back({"fees", "must be an array"});
      } else {
        for (size_t i = 0; i < fees->get_array().size(); ++i) {
          request.fees.push_back(fee(fees->get_array()[i], "fees[" + std::to_string(i) + "]"));
        }
      }
    }
    return request;
  }

 private:
  static std::string path(const std::string& prefix, std::string_view key) {
    return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
  }

  void only(const json::object& o, const std::string& prefix,
            std::initializer_list<std::string_view> keys) {
    for (const auto& member : o) {
      bool known = false;
      for (std::string_view key : keys) known = known || member.key() == key;
      if (!known) errors.push_back({path(prefix, member.key()), "unknown field"});
    }
  }

  void text(const json::object& o, std::string_view key, const std::string& prefix,
            std::string& out) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return;
    if (!v->is_string()) {
      errors.push_back({path(prefix, key), "must be a string"});
      return;
    }
    out = std::string(v->get_string());
  }

  std::int64_t count(const json::value& v, const std::string& field) {
    if (!v.is_int64()) {
      errors.push_back({field, "must be a whole number"});
      return 0;
    }
    return v.get_int64();
  }

  const json::object* object(const json::object& o, std::string_view key, const std::string& prefix,
                             bool required) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) {
      if (required) errors.push_back({path(prefix, key), "is required"});
      return nullptr;
    }
    if (!v->is_object()) {
      errors.push_back({path(prefix, key), "must be an object"});
      return nullptr;
    }
    return &v->get_object();
  }

  core::CasePerson person(const json::object& o, const std::string& prefix) {
    only(o, prefix, {"name", "id_number", "address", "phone", "email"});
    core::CasePerson p;
    text(o, "name", prefix, p.name);
    text(o, "id_number", prefix, p.id_number);
    text(o, "address", prefix, p.address);
    text(o, "phone", prefix, p.phone);
    text(o, "email", prefix, p.email);
    return p;
  }

  app::FeeItemRequest fee(const json::value& v, const std::string& prefix) {
    app::FeeItemRequest fee;
    if (!v.is_object()) {
      errors.push_back({prefix, "must be an object"});
      return fee;
    }
    const json::object& o = v.get_object();
    only(o, prefix, {"item", "quantity", "tier_counts"});
    text(o, "item", prefix, fee.item);
    if (const json::object* q = object(o, "quantity", prefix, false)) {
      only(*q, prefix + ".quantity", {"units", "sets"});
      if (const json::value* units = q->if_contains("units")) {
        fee.quantity.units = count(*units, prefix + ".quantity.units");
      }
      if (const json::value* sets = q->if_contains("sets")) {
        fee.quantity.sets = count(*sets, prefix + ".quantity.sets");
      }
    }
    if (const json::value* tiers = o.if_contains("tier_counts"); tiers && !tiers->is_null()) {
      if (!tiers->is_array()) {
        errors.push_back({prefix + ".tier_counts", "must be an array of whole numbers"});
      } else {
        for (const json::value& n : tiers->get_array()) {
          fee.tier_counts.push_back(count(n, prefix + ".tier_counts"));
        }
      }
    }
    return fee;
  }

  void channel(const json::object& o, core::IntakeChannel& out) {
    std::string code;
    text(o, "channel", "", code);
    if (code.empty() || code == "counter") return;
    if (code == "online") {
      out = core::IntakeChannel::kOnline;
    } else if (code == "postal") {
      out = core::IntakeChannel::kPostal;
    } else {
      errors.push_back({"channel", "must be counter, online or postal"});
    }
  }

  void delivery(const json::object& o, core::ResultDelivery& out) {
    std::string code;
    text(o, "result_delivery", "", code);
    if (code.empty() || code == "at_counter") return;
    if (code == "postal") {
      out = core::ResultDelivery::kPostal;
    } else if (code == "online") {
      out = core::ResultDelivery::kOnline;
    } else {
      errors.push_back({"result_delivery", "must be at_counter, postal or online"});
    }
  }
};

HttpResponse take_in(WebState& state, const HttpRequest& request,
                     const app::StaffSession& session) {
  json::error_code ec;
  json::value parsed = json::parse(request.body, ec);
  if (ec || !parsed.is_object()) {
    return problem(request, 400, "bad_json", "the body must be a JSON object");
  }
  IntakeReader reader;
  app::IntakeRequest intake = reader.read(parsed.get_object());
  if (!reader.errors.empty()) {
    return problem(request, 422, "validation", "the body is invalid", reader.errors);
  }
  core::Result<std::shared_ptr<const core::WorkingCalendar>> calendar = current_calendar(state);
  if (!calendar.ok()) return problem_for(request, calendar.error());
  app::IntakeResult result = app::CaseIntake(state.deps.store, state.deps.clock, **calendar)
                                 .take_in(session.staff, intake);
  if (!result.ok()) {
    if (!result.field_errors.empty()) {
      std::vector<FieldProblem> errors;
      for (const app::IntakeError& e : result.field_errors) errors.push_back({e.field, e.message});
      return problem(request, 422, "validation", "the case was not taken in", errors);
    }
    return problem_for(request, result.error);
  }
  core::Result<app::CaseListItem> item =
      app::make_list_item(*result.record, session.staff, state.deps.clock.now());
  if (!item.ok()) return problem_for(request, item.error());
  json::object body =
      case_detail_json({*item, {}, {}}, {{session.staff.id, session.staff.full_name}});
  body.erase("history");
  body["calendar_unconfirmed"] = result.unconfirmed_calendar;
  HttpResponse response = json_response(201, body);
  response.with_header("Location", api_case_href(result.record->code));
  return response;
}

}  // namespace

void add_api_intake_routes(WebState& state) {
  state.router.add(
      "POST", "/api/v1/cases",
      api_staff_only(state, true, [&state](HttpRequest& r, const app::StaffSession& s) {
        return take_in(state, r, s);
      }));
}

}  // namespace motcua::adapters::web
