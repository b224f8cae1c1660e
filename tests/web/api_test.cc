// The JSON API under /api/v1: each route's success and error shapes, as a client reads them.
#include <cstdio>

#include "http_client.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string str(const json::value& v, std::string_view key) {
  const json::value* found = v.is_object() ? v.as_object().if_contains(key) : nullptr;
  return found && found->is_string() ? std::string(found->as_string()) : "<missing>";
}

std::int64_t num(const json::value& v, std::string_view key) {
  const json::value* found = v.is_object() ? v.as_object().if_contains(key) : nullptr;
  return found && found->is_int64() ? found->as_int64() : -1;
}

// A problem+json answer (RFC 9457) with this status; returns its body.
json::value expect_problem(const HttpResponse& r, int status, std::string_view type_suffix) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.content_type, "application/problem+json") << r.body;
  json::value body = parsed(r);
  EXPECT_EQ(num(body, "status"), status);
  EXPECT_EQ(str(body, "type"), "urn:motcua:problem:" + std::string(type_suffix)) << r.body;
  EXPECT_NE(str(body, "title"), "<missing>");
  EXPECT_NE(str(body, "detail"), "<missing>");
  return body;
}

// The `field` of each entry of a problem's `errors`.
std::vector<std::string> error_fields(const json::value& problem) {
  std::vector<std::string> fields;
  if (!problem.is_object() || !problem.as_object().contains("errors")) return fields;
  for (const json::value& e : problem.at("errors").as_array()) {
    fields.push_back(str(e, "field"));
    EXPECT_FALSE(str(e, "message").empty());
  }
  return fields;
}

class Api : public WebFixture {
 protected:
  HttpResponse sign_in_raw(const std::string& body, const std::string& type = "application/json") {
    return send("POST", "/api/v1/session", body, {{"Content-Type", type}});
  }

  static std::string intake_body(const std::string& name = "Võ Đặng Ngọc Giả",
                                 const std::string& id_number = "062190018870") {
    return R"({"procedure_code":"2.000815.000.00.00.H34",
               "submitter":{"name":")" +
           name + R"(","id_number":")" + id_number +
           R"(","address":"Kon Tum","phone":"0886650748"},
               "fees":[{"item":"Phí chứng thực bản sao từ bản chính","tier_counts":[1,1]}],
               "channel":"counter","result_delivery":"at_counter"})";
  }
};

TEST_F(Api, SignInGivesTheConsolesCookieAndACsrfToken) {
  HttpResponse r = sign_in_raw(R"({"username":"canbo","password":"matkhau"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  std::string cookie;
  ASSERT_FALSE(cookie_pair(r, "motcua_session", &cookie).empty());
  EXPECT_TRUE(contains(cookie, "HttpOnly"));
  EXPECT_TRUE(contains(cookie, "SameSite=Lax"));
  EXPECT_FALSE(contains(cookie, "Secure"));
  json::value body = parsed(r);
  EXPECT_EQ(str(body.at("user"), "username"), "canbo");
  EXPECT_EQ(str(body.at("user"), "full_name"), "Cán bộ phường");
  EXPECT_EQ(str(body.at("user"), "agency_code"), "H34.22.6");
  EXPECT_EQ(body.at("user").at("roles"), json::array{"officer"});
  EXPECT_GE(str(body, "csrf_token").size(), 32u);
  // The same session works in the console.
  EXPECT_EQ(get("/can-bo", cookie_pair(r, "motcua_session")).status, 200);
}

TEST_F(Api, SessionCookieIsSecureWhenConfigured) {
  WebApp secure(WebDependencies{*store_, *auth_, tokens_, clock_, calendar_,
                                load_shipped_templates().value(), true});
  HttpRequest r;
  r.method = "POST";
  r.target = r.path = "/api/v1/session";
  r.headers["Content-Type"] = "application/json";
  r.body = R"({"username":"canbo","password":"matkhau"})";
  HttpResponse signed_in = secure.handle(r);
  std::string cookie;
  cookie_pair(signed_in, "motcua_session", &cookie);
  EXPECT_TRUE(contains(cookie, "; Secure")) << cookie;
}

TEST_F(Api, WrongCredentialsAre401AndTheSameForUnknownUsers) {
  json::value wrong = expect_problem(sign_in_raw(R"({"username":"canbo","password":"sai"})"), 401,
                                     "wrong_credentials");
  EXPECT_EQ(str(wrong, "title"), "Wrong username or password");
  json::value unknown = expect_problem(sign_in_raw(R"({"username":"ai","password":"sai"})"), 401,
                                       "wrong_credentials");
  EXPECT_EQ(wrong, unknown);
}

TEST_F(Api, VietnameseTitlesOnRequest) {
  HttpResponse r = send("POST", "/api/v1/session", R"({"username":"canbo","password":"sai"})",
                        {{"Content-Type", "application/json"}, {"Accept-Language", "vi-VN,vi"}});
  EXPECT_EQ(str(parsed(r), "title"), "Tên đăng nhập hoặc mật khẩu không đúng");
}

TEST_F(Api, LockoutIs429WithRetryAfter) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(sign_in_raw(R"({"username":"canbo","password":"sai"})").status, 401);
  }
  HttpResponse locked = sign_in_raw(R"({"username":"canbo","password":"matkhau"})");
  expect_problem(locked, 429, "locked");
  EXPECT_EQ(header_of(locked, "Retry-After"), "60");
  clock_.advance(45s);
  EXPECT_EQ(header_of(sign_in_raw(R"({"username":"canbo","password":"matkhau"})"), "Retry-After"),
            "15");
  clock_.advance(16s);
  EXPECT_EQ(sign_in_raw(R"({"username":"canbo","password":"matkhau"})").status, 200);
}

TEST_F(Api, SignInBodyMustBeJsonWithBothFields) {
  expect_problem(
      sign_in_raw("username=canbo&password=matkhau", "application/x-www-form-urlencoded"), 415,
      "unsupported_media");
  expect_problem(sign_in_raw("{\"username\":"), 400, "bad_json");
  json::value missing = expect_problem(sign_in_raw(R"({"username":7})"), 422, "validation");
  EXPECT_EQ(error_fields(missing), (std::vector<std::string>{"username", "password"}));
}

TEST_F(Api, WithoutASessionEveryCaseRouteIs401) {
  seed_two_cases();
  expect_problem(get("/api/v1/cases"), 401, "unauthenticated");
  expect_problem(get(std::string("/api/v1/cases/") + kWardCase), 401, "unauthenticated");
  expect_problem(
      send("POST", "/api/v1/cases", intake_body(), {{"Content-Type", "application/json"}}), 401,
      "unauthenticated");
  expect_problem(get("/api/v1/cases", "motcua_session=forged"), 401, "unauthenticated");
}

TEST_F(Api, SignOutNeedsTheCsrfHeaderAndEndsTheSession) {
  ApiSession s = api_sign_in("canbo");
  expect_problem(api("DELETE", "/api/v1/session", {s.cookie, ""}), 403, "csrf");
  expect_problem(api("DELETE", "/api/v1/session", {s.cookie, "forged"}), 403, "csrf");
  EXPECT_EQ(get("/api/v1/cases", s.cookie).status, 200);
  HttpResponse out = api("DELETE", "/api/v1/session", s);
  EXPECT_EQ(out.status, 204);
  std::string cookie;
  cookie_pair(out, "motcua_session", &cookie);
  EXPECT_TRUE(contains(cookie, "Max-Age=0")) << cookie;
  expect_problem(get("/api/v1/cases", s.cookie), 401, "unauthenticated");
}

TEST_F(Api, CaseListShowsTheLookupColumnsWithinTheUnit) {
  seed_two_cases();
  ApiSession s = api_sign_in("canbo");
  HttpResponse r = get("/api/v1/cases", s.cookie);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  json::value body = parsed(r);
  EXPECT_EQ(str(body, "scope"), "unit");
  EXPECT_EQ(num(body, "total"), 1);
  EXPECT_EQ(num(body, "page"), 1);
  EXPECT_EQ(num(body, "page_size"), 10);
  ASSERT_EQ(body.at("items").as_array().size(), 1u);
  const json::value& item = body.at("items").at(0);
  EXPECT_EQ(str(item, "code"), kWardCase);
  EXPECT_EQ(str(item.at("procedure"), "code"), kProcedure);
  EXPECT_EQ(str(item.at("procedure"), "name"), "Thủ tục chứng thực bản sao từ bản chính");
  EXPECT_EQ(str(item.at("submitter"), "name"), "Võ Đặng Ngọc Giả");
  EXPECT_EQ(str(item.at("submitter"), "id_number_masked"), "****8870");
  EXPECT_FALSE(contains(r.body, "062190008870")) << "the list masks ID numbers";
  EXPECT_EQ(num(item.at("status"), "number"), 2);
  EXPECT_EQ(str(item.at("status"), "label"), "Được tiếp nhận");
  EXPECT_EQ(str(item, "received_at"), "2024-04-26T07:27:52+07:00");
  EXPECT_EQ(str(item, "deadline"), "2024-05-02T07:27:52+07:00");
  EXPECT_EQ(str(item, "appointment"), "2024-05-04T07:27:52+07:00");
  EXPECT_EQ(str(item, "remaining_time"), "Còn lại 6 ngày 0 giờ 27 phút 52 giây");
  EXPECT_EQ(str(item, "agency"), "H34.22.6");
  EXPECT_EQ(str(item.at("officer"), "name"), "Cán bộ phường");
}

TEST_F(Api, CaseListSearchesByCodeIdNumberNameAndStatus) {
  seed_two_cases();
  seed_case("H34.22.6-240426-0003", "H34.22.6", {"Trần Văn An", "062190008872", "Kon Tum", "", ""},
            core::CaseStatus::kNew);
  ApiSession s = api_sign_in("canbo");
  auto codes = [&](const std::string& query) {
    HttpResponse r = get("/api/v1/cases?" + query, s.cookie);
    EXPECT_EQ(r.status, 200) << query << r.body;
    std::vector<std::string> out;
    json::value body = parsed(r);
    if (!body.is_object()) return out;
    for (const json::value& item : body.at("items").as_array()) out.push_back(str(item, "code"));
    EXPECT_EQ(num(body, "total"), static_cast<std::int64_t>(out.size())) << query;
    return out;
  };
  using Codes = std::vector<std::string>;
  EXPECT_EQ(codes("code=+H34.22.6-240426-0002+"), Codes{kWardCase});
  EXPECT_EQ(codes("id_number=062190008872"), Codes{"H34.22.6-240426-0003"});
  EXPECT_EQ(codes("name=vo+dang+ngoc+gia"), Codes{kWardCase});
  EXPECT_EQ(codes("status=1"), Codes{"H34.22.6-240426-0003"});
  EXPECT_EQ(codes("status=2&name=tran"), Codes{});
  EXPECT_EQ(codes("status=12"), Codes{});
  EXPECT_EQ(codes(std::string("code=") + kJusticeCase), Codes{}) << "outside the unit";
  EXPECT_EQ(codes("scope=own").size(), 2u);
}

TEST_F(Api, CaseListPagesByTen) {
  for (int n = 1; n <= 11; ++n) {
    char code[32];
    std::snprintf(code, sizeof code, "H34.22.6-240426-%04d", n + 100);
    seed_case(code, "H34.22.6", citizen("062190008870"));
  }
  ApiSession s = api_sign_in("canbo");
  json::value first = parsed(get("/api/v1/cases?name=ngoc", s.cookie));
  EXPECT_EQ(num(first, "total"), 11);
  EXPECT_EQ(first.at("items").as_array().size(), 10u);
  json::value second = parsed(get("/api/v1/cases?name=ngoc&page=2", s.cookie));
  EXPECT_EQ(num(second, "page"), 2);
  EXPECT_EQ(num(second, "total"), 11);
  ASSERT_EQ(second.at("items").as_array().size(), 1u);
  EXPECT_EQ(str(second.at("items").at(0), "code"), "H34.22.6-240426-0101");
}

TEST_F(Api, ScopeFollowsTheRoles) {
  seed_two_cases();
  ApiSession officer = api_sign_in("canbo");
  expect_problem(get("/api/v1/cases?scope=agency", officer.cookie), 403, "forbidden");
  expect_problem(get("/api/v1/cases?scope=agency&status=x", officer.cookie), 403, "forbidden");
  json::value bad =
      expect_problem(get("/api/v1/cases?scope=everything", officer.cookie), 422, "validation");
  EXPECT_EQ(error_fields(bad), std::vector<std::string>{"scope"});
  ApiSession lookup = api_sign_in("tracuu");
  json::value agency = parsed(get("/api/v1/cases", lookup.cookie));
  EXPECT_EQ(str(agency, "scope"), "agency");
  EXPECT_EQ(num(agency, "total"), 2);
  json::value unit = parsed(get("/api/v1/cases?scope=unit", lookup.cookie));
  EXPECT_EQ(num(unit, "total"), 1);
}

TEST_F(Api, CaseShowsFeeLinesTotalsAndPeople) {
  seed_two_cases();
  ApiSession s = api_sign_in("canbo");
  HttpResponse r = get(std::string("/api/v1/cases/") + kWardCase, s.cookie);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  json::value c = parsed(r);
  EXPECT_EQ(str(c, "code"), kWardCase);
  EXPECT_EQ(num(c, "version"), 1);
  EXPECT_EQ(c.at("can_change"), json::value(true));
  EXPECT_EQ(str(c.at("submitter"), "id_number"), "062190008870");
  EXPECT_EQ(str(c.at("submitter"), "address"), "Kon Tum");
  EXPECT_EQ(str(c.at("owner"), "email"), "gia@example.vn");
  EXPECT_EQ(str(c.at("channel"), "label"), "Trực tiếp");
  EXPECT_EQ(str(c.at("result_delivery"), "code"), "at_counter");
  const json::value& fees = c.at("fees");
  EXPECT_EQ(num(fees, "total"), 3000);
  EXPECT_EQ(num(fees, "paid"), 2000);
  EXPECT_EQ(num(fees, "remaining"), 1000);
  ASSERT_EQ(fees.at("lines").as_array().size(), 2u);
  const json::value& paid = fees.at("lines").at(0);
  EXPECT_EQ(str(paid, "item"), "Phí chứng thực bản sao từ bản chính");
  EXPECT_EQ(num(paid, "quantity"), 1);
  EXPECT_EQ(num(paid, "unit_amount"), 2000);
  EXPECT_EQ(num(paid, "amount"), 2000);
  EXPECT_EQ(paid.at("paid"), json::value(true));
  EXPECT_EQ(str(paid.at("payment_method"), "label"), "Trực tuyến qua CDVCQG (Payment Platform)");
  const json::value& unpaid = fees.at("lines").at(1);
  EXPECT_EQ(str(unpaid, "description"), "Phí chứng thực bản sao từ bản chính từ trang thứ 3.");
  EXPECT_EQ(unpaid.at("paid"), json::value(false));
  EXPECT_TRUE(unpaid.at("payment_method").is_null());
}

TEST_F(Api, ACaseOutsideTheScopeLooksLikeNoCase) {
  seed_two_cases();
  ApiSession s = api_sign_in("canbo");
  json::value hidden =
      expect_problem(get(std::string("/api/v1/cases/") + kJusticeCase, s.cookie), 404, "not_found");
  json::value missing =
      expect_problem(get("/api/v1/cases/H34.4-240426-0999", s.cookie), 404, "not_found");
  EXPECT_EQ(str(hidden, "title"), str(missing, "title"));
  EXPECT_FALSE(
      contains(get(std::string("/api/v1/cases/") + kJusticeCase, s.cookie).body, "062190008871"));
}

TEST_F(Api, IntakeAnswers201WithLocationAndTheCode) {
  ApiSession s = api_sign_in("canbo");
  HttpResponse r = api("POST", "/api/v1/cases", s, intake_body());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  json::value c = parsed(r);
  EXPECT_EQ(str(c, "code"), "H34.22.6-240426-0001");
  EXPECT_EQ(header_of(r, "Location"), "/api/v1/cases/H34.22.6-240426-0001");
  EXPECT_EQ(num(c.at("status"), "number"), 2);
  EXPECT_EQ(num(c.at("fees"), "total"), 3000);
  EXPECT_EQ(str(c.at("officer"), "name"), "Cán bộ phường");
  EXPECT_EQ(c.at("calendar_unconfirmed"), json::value(false));
  HttpResponse again = get(header_of(r, "Location"), s.cookie);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(str(parsed(again), "received_at"), "2024-04-26T07:00:00+07:00");
}

TEST_F(Api, IntakeFieldErrorsAre422WithEveryField) {
  ApiSession s = api_sign_in("canbo");
  json::value refused =
      expect_problem(api("POST", "/api/v1/cases", s, intake_body(" ", "12")), 422, "validation");
  std::vector<std::string> fields = error_fields(refused);
  EXPECT_EQ(fields, (std::vector<std::string>{"submitter.name", "submitter.id_number"}));
  json::value typed = expect_problem(
      api("POST", "/api/v1/cases", s,
          R"({"procedure_code":7,"submitter":{"name":"A","nick":"B"},"fees":[{"tier_counts":["x"]}],
              "channel":"fax","colour":"red"})"),
      422, "validation");
  EXPECT_EQ(error_fields(typed),
            (std::vector<std::string>{"colour", "procedure_code", "submitter.nick", "channel",
                                      "fees[0].tier_counts"}));
  expect_problem(api("POST", "/api/v1/cases", s, "[1,2"), 400, "bad_json");
  EXPECT_FALSE(stored("H34.22.6-240426-0001").has_value()) << "nothing was taken in";
}

TEST_F(Api, IntakeNeedsJsonAndTheCsrfHeader) {
  ApiSession s = api_sign_in("canbo");
  expect_problem(
      send("POST", "/api/v1/cases", intake_body(),
           {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "text/plain"}}),
      415, "unsupported_media");
  expect_problem(send("POST", "/api/v1/cases", intake_body(),
                      {{"Cookie", s.cookie}, {"Content-Type", "application/json"}}),
                 403, "csrf");
  EXPECT_FALSE(stored("H34.22.6-240426-0001").has_value());
}

TEST_F(Api, StatusChangeFollowsTheTableAndTheVersion) {
  seed_two_cases();
  ApiSession s = api_sign_in("canbo");
  std::string path = std::string("/api/v1/cases/") + kWardCase + "/status";
  json::value illegal = expect_problem(api("POST", path, s, R"({"status":10,"version":1})"), 409,
                                       "illegal_transition");
  json::value no_reason = expect_problem(
      api("POST", path, s, R"({"status":8,"version":1,"reason":" "})"), 422, "validation");
  EXPECT_EQ(error_fields(no_reason), std::vector<std::string>{"reason"});
  expect_problem(api("POST", path, s, R"({"status":4,"version":7})"), 409, "conflict");
  json::value bad = expect_problem(api("POST", path, s, R"({"status":"4"})"), 422, "validation");
  EXPECT_EQ(error_fields(bad), (std::vector<std::string>{"status", "version"}));
  EXPECT_EQ(stored(kWardCase)->status, core::CaseStatus::kAccepted);

  HttpResponse moved = api("POST", path, s, R"({"status":4,"version":1})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  json::value c = parsed(moved);
  EXPECT_EQ(num(c.at("status"), "number"), 4);
  EXPECT_EQ(num(c, "version"), 2);
  EXPECT_EQ(str(c.at("history").at(0), "action"), "case.status");
  EXPECT_EQ(stored(kWardCase)->status, core::CaseStatus::kProcessing);
}

TEST_F(Api, UnknownRoutesAndMethodsAnswerProblems) {
  expect_problem(get("/api/v1/nothing"), 404, "not_found");
  HttpResponse wrong = send("PUT", "/api/v1/session");
  expect_problem(wrong, 405, "method_not_allowed");
  EXPECT_EQ(header_of(wrong, "Allow"), "POST, DELETE");
}

TEST_F(Api, OverTheWireTheContentTypesAreJsonAndProblemJson) {
  seed_two_cases();
  std::uint16_t port = start_server();
  motcua::testing::RawHttpConnection c(port);
  std::string body = R"({"username":"canbo","password":"matkhau"})";
  c.send(
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  std::string signed_in = c.read_response();
  ASSERT_EQ(motcua::testing::status_of(signed_in), 200) << signed_in;
  EXPECT_TRUE(contains(signed_in, "Content-Type: application/json\r\n"));
  size_t at = signed_in.find("motcua_session=");
  ASSERT_NE(at, std::string::npos);
  std::string cookie = signed_in.substr(at, signed_in.find(';', at) - at);
  c.send("GET /api/v1/cases?name=gia HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\n\r\n");
  std::string list = c.read_response();
  EXPECT_EQ(motcua::testing::status_of(list), 200);
  EXPECT_TRUE(contains(list, kWardCase));
  c.send(std::string("GET /api/v1/cases/") + kJusticeCase +
         " HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\n\r\n");
  std::string hidden = c.read_response();
  EXPECT_EQ(motcua::testing::status_of(hidden), 404);
  EXPECT_TRUE(contains(hidden, "Content-Type: application/problem+json\r\n")) << hidden;
  EXPECT_TRUE(contains(hidden, "X-Content-Type-Options: nosniff\r\n"));
}

}  // namespace
}  // namespace motcua::adapters::web
