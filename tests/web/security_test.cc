// Security of the console and the API together: scopes between agencies, CSRF on every route
// that changes state, XSS payloads in every stored text, SQL metacharacters in every search
// field, and oversized bodies.
#include <cctype>
#include <set>
#include <thread>

#include "adapters/web/template_engine.h"
#include "http_client.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;

std::int64_t num_total(const HttpResponse& r) {
  json::value body = parsed(r);
  return body.is_object() && body.as_object().contains("total") ? body.at("total").as_int64() : -1;
}

bool is_change(const std::string& method) { return method != "GET" && method != "HEAD"; }

// The router pattern with each {param} filled: {code} with `code`, anything else with "1".
std::string filled(const std::string& pattern, const std::string& code) {
  std::string out;
  size_t at = 0;
  while (at < pattern.size()) {
    size_t open = pattern.find('{', at);
    if (open == std::string::npos) {
      out += pattern.substr(at);
      break;
    }
    size_t close = pattern.find('}', open);
    out += pattern.substr(at, open - at);
    out += pattern.substr(open + 1, close - open - 1) == "code" ? code : "1";
    at = close + 1;
  }
  return out;
}

class Security : public WebFixture {
 protected:
  // Everything a refused request must leave as it was: each case's status, version and paid
  // lines, the number of cases and of audit entries.
  std::string snapshot() {
    std::string state;
    core::Status s = store_->read([&](app::Repositories& r) -> core::Status {
      app::CaseQuery all;
      all.page_size = 50;
      all.with_fee_lines = true;
      auto page = r.cases().search(all);
      if (!page.ok()) return page.error();
      state += "cases:" + std::to_string(page->total) + "\n";
      for (const core::CaseRecord& c : page->items) {
        auto audit = r.audit().for_entity("case", c.code);
        if (!audit.ok()) return audit.error();
        state += c.code + " status " + std::to_string(static_cast<int>(c.status)) + " v" +
                 std::to_string(c.version) + " audit " + std::to_string(audit->size()) + " paid";
        for (const core::FeeLine& line : c.fee_lines) state += line.paid ? " 1" : " 0";
        state += "\n";
      }
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return state;
  }
};

// --- Scopes: an officer of H34.22.6 and a case of H34.4 -------------------------------------

TEST_F(Security, AWardOfficerCanNeitherReadNorChangeAJusticeCase) {
  seed_two_cases();
  std::string before = snapshot();
  ApiSession s = api_sign_in("canbo");
  std::string page = std::string("/can-bo/ho-so/") + kJusticeCase;
  std::string api = std::string("/api/v1/cases/") + kJusticeCase;

  HttpResponse api_read = get(api, s.cookie);
  EXPECT_EQ(api_read.status, 404);
  EXPECT_FALSE(contains(api_read.body, "062190008871"));
  EXPECT_EQ(this->api("POST", api + "/status", s, R"({"status":4,"version":1})").status, 404);
  HttpResponse listed = get("/api/v1/cases?id_number=062190008871", s.cookie);
  EXPECT_EQ(num_total(listed), 0);
  EXPECT_EQ(get("/api/v1/cases?scope=agency", s.cookie).status, 403);

  HttpResponse page_read = get(page, s.cookie);
  EXPECT_TRUE(page_read.status == 403 || page_read.status == 404) << page_read.status;
  EXPECT_FALSE(contains(page_read.body, "062190008871"));
  HttpResponse page_change =
      post(page + "/trang-thai", "_csrf=" + s.csrf + "&version=1&to=4&reason=", s.cookie);
  EXPECT_TRUE(page_change.status == 403 || page_change.status == 404) << page_change.status;
  EXPECT_EQ(get("/can-bo/tra-cuu/co-quan", s.cookie).status, 403);
  EXPECT_FALSE(
      contains(get("/can-bo/tra-cuu/don-vi?cmnd=062190008871", s.cookie).body, kJusticeCase));
  EXPECT_EQ(snapshot(), before);
}

TEST_F(Security, AgencyWideLookupReadsButDoesNotChangeAnotherUnitsCase) {
  seed_two_cases();
  std::string before = snapshot();
  ApiSession s = api_sign_in("tracuu");
  std::string api = std::string("/api/v1/cases/") + kJusticeCase;
  HttpResponse read = get(api, s.cookie);
  EXPECT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(parsed(read).at("can_change"), json::value(false));
  EXPECT_TRUE(contains(get("/api/v1/cases?scope=agency&id_number=062190008871", s.cookie).body,
                       kJusticeCase));
  EXPECT_EQ(get(std::string("/can-bo/ho-so/") + kJusticeCase, s.cookie).status, 200);
  EXPECT_TRUE(
      contains(get("/can-bo/tra-cuu/co-quan?cmnd=062190008871", s.cookie).body, kJusticeCase));
  // The role is for looking up: changing stays with the case's own unit.
  EXPECT_EQ(this->api("POST", api + "/status", s, R"({"status":4,"version":1})").status, 403);
  EXPECT_EQ(post(std::string("/can-bo/ho-so/") + kJusticeCase + "/trang-thai",
                 "_csrf=" + s.csrf + "&version=1&to=4&reason=", s.cookie)
                .status,
            403);
  EXPECT_EQ(snapshot(), before);
  // The justice officer changes it.
  ApiSession justice = api_sign_in("sotuphap");
  EXPECT_EQ(this->api("POST", api + "/status", justice, R"({"status":4,"version":1})").status, 200);
  EXPECT_EQ(stored(kJusticeCase)->status, core::CaseStatus::kProcessing);
}

// --- CSRF: every route that changes state, as the router lists them --------------------------

// A body that would succeed for the routes we know, so that only the token is wrong.
std::string body_for(const std::string& method, const std::string& pattern) {
  std::string route = method + " " + pattern;
  if (route == "POST /api/v1/cases") {
    return R"({"procedure_code":"2.000815.000.00.00.H34",
               "submitter":{"name":"Võ Đặng Ngọc Giả","id_number":"062190018870"}})";
  }
  if (pattern.rfind("/api/", 0) == 0) return R"({"status":4,"version":1,"reason":"x"})";
  return "version=1&to=4&reason=x&username=quantri&password=matkhau";
}

TEST_F(Security, EveryStateChangingRouteRefusesAMissingOrForgedCsrfToken) {
  seed_two_cases();
  std::vector<Router::RouteInfo> changes;
  for (const Router::RouteInfo& route : app_->routes()) {
    // The platform's callbacks carry no session and no CSRF token: their signature is the
    // credential (payment_routes_test.cc refuses unsigned and forged ones).
    if (route.pattern == "/api/v1/payment-platform/callbacks") continue;
    if (is_change(route.method)) changes.push_back(route);
  }
  // The routes known when this test was written must all be there; new ones are checked too.
  std::set<std::string> seen;
  for (const auto& r : changes) seen.insert(r.method + " " + r.pattern);
  for (const char* known :
       {"POST /can-bo/dang-nhap", "POST /can-bo/dang-xuat", "POST /can-bo/ho-so/{code}/trang-thai",
        "POST /api/v1/session", "DELETE /api/v1/session", "POST /api/v1/cases",
        "POST /api/v1/cases/{code}/status"}) {
    EXPECT_TRUE(seen.count(known)) << known;
  }

  ApiSession admin = api_sign_in("quantri");
  // Portal routes need a signed-in citizen before their token is even looked at.
  std::string citizen = citizen_cookie(add_citizen_account("062190008879"));
  std::string before = snapshot();
  for (const Router::RouteInfo& route : changes) {
    std::string target = filled(route.pattern, kWardCase);
    std::string body = body_for(route.method, route.pattern);
    std::string name = route.method + " " + route.pattern;
    if (route.pattern == "/api/v1/session" && route.method == "POST") {
      // Sign-in has no session token yet; what a cross-site form can send is refused.
      HttpResponse r = send("POST", target, "username=quantri&password=matkhau",
                            {{"Content-Type", "application/x-www-form-urlencoded"}});
      EXPECT_EQ(r.status, 415) << name;
      EXPECT_TRUE(cookie_pair(r, "motcua_session").empty()) << name;
      continue;
    }
    for (const char* token : {"", "forged"}) {
      HttpResponse r;
      if (route.pattern.rfind("/api/", 0) == 0) {
        Headers headers = {{"Cookie", admin.cookie}, {"Content-Type", "application/json"}};
        if (*token) headers.emplace_back("X-CSRF-Token", token);
        r = send(route.method, target, body, headers);
        EXPECT_EQ(r.content_type, "application/problem+json") << name;
      } else {
        std::string form = (*token ? std::string("_csrf=") + token + "&" : std::string()) + body;
        // The sign-in form's token lives in its own cookie; give it a real-looking one.
        r = send(route.method, target, form,
                 {{"Content-Type", "application/x-www-form-urlencoded"},
                  {"Cookie", admin.cookie + "; motcua_login_csrf=" + admin.csrf + "; " + citizen}});
      }
      EXPECT_EQ(r.status, 403) << name << " with token '" << token << "': " << r.body;
      EXPECT_TRUE(cookie_pair(r, "motcua_session").empty()) << name;
      EXPECT_EQ(snapshot(), before) << name << " changed something";
      EXPECT_EQ(get("/api/v1/cases", admin.cookie).status, 200) << name << " ended the session";
    }
  }
}

TEST_F(Security, TheKnownRoutesAcceptTheRightToken) {
  seed_two_cases();
  // So the 403s above come from the token, not from something else in the request.
  ApiSession s = api_sign_in("canbo");
  std::string page = std::string("/can-bo/ho-so/") + kWardCase;
  EXPECT_EQ(
      post(page + "/trang-thai", "_csrf=" + s.csrf + "&version=1&to=4&reason=", s.cookie).status,
      303);
  EXPECT_EQ(api("POST", std::string("/api/v1/cases/") + kWardCase + "/status", s,
                R"({"status":5,"version":2,"reason":"Thiếu giấy tờ"})")
                .status,
            200);
  EXPECT_EQ(api("POST", "/api/v1/cases", s, body_for("POST", "/api/v1/cases")).status, 201);
  EXPECT_EQ(api("DELETE", "/api/v1/session", s).status, 204);
  std::string console = sign_in("canbo");
  std::string csrf = csrf_in(get("/can-bo", console).body);
  EXPECT_EQ(post("/can-bo/dang-xuat", "_csrf=" + csrf, console).status, 303);
}

// --- XSS: payloads in every text field of a case ---------------------------------------------

constexpr const char* kPayloads[] = {
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "`onmouseover=alert(1)` x=`",
};

// No payload is live markup in an HTML page.
void expect_inert_html(const std::string& html, const std::string& where) {
  // The pages' own script (static/live_status.js, live payment status) is the only one.
  std::string own = html;
  const std::string live = "<script src=\"/static/live_status.js\" defer></script>";
  for (std::size_t at = own.find(live); at != std::string::npos; at = own.find(live, at)) {
    own.erase(at, live.size());
  }
  EXPECT_FALSE(contains(own, "<script")) << where;
  EXPECT_FALSE(contains(html, "<img")) << where;
  EXPECT_FALSE(contains(html, "onerror=")) << where;
  EXPECT_FALSE(contains(html, "onmouseover=")) << where;
  EXPECT_FALSE(contains(html, "`")) << where;
  // A javascript: URL is only live where the browser navigates or loads (an input's value or
  // text content is inert).
  for (const char* attribute : {"href=", "src=", "action=", "formaction="}) {
    for (const char* quote : {"\"", "'", ""}) {
      EXPECT_FALSE(contains(html, std::string(attribute) + quote + "javascript:")) << where;
    }
  }
}

TEST_F(Security, XssPayloadsInEveryTextFieldRenderInert) {
  std::vector<std::string> codes;
  int n = 0;
  for (const char* payload : kPayloads) {
    std::string code = "H34.22.6-240426-" + std::to_string(1000 + n++);
    std::string p = payload;
    // Stored as is, past any validation: the procedure name and fee lines carry it too.
    seed_case(code, "H34.22.6", {p, p, p, p, p}, core::CaseStatus::kAccepted,
              [&](core::CaseRecord& c) {
                c.procedure_name = p;
                for (core::FeeLine& line : c.fee_lines) line.name = line.description = p;
              });
    codes.push_back(code);
  }
  ApiSession session = api_sign_in("canbo");
  // A reason typed by an officer lands in the history.
  for (size_t i = 0; i < codes.size(); ++i) {
    std::string reason = json::serialize(json::value(kPayloads[i]));
    HttpResponse stopped = api("POST", "/api/v1/cases/" + codes[i] + "/status", session,
                               R"({"status":8,"version":1,"reason":)" + reason + "}");
    ASSERT_EQ(stopped.status, 200) << stopped.body;
  }

  for (size_t i = 0; i < codes.size(); ++i) {
    const std::string& code = codes[i];
    std::string payload = kPayloads[i];
    HttpResponse page = get("/can-bo/ho-so/" + code, session.cookie);
    ASSERT_EQ(page.status, 200);
    expect_inert_html(page.body, "case page " + code);
    EXPECT_TRUE(contains(page.body, escape_html(payload))) << "shown escaped on " << code;
    for (const std::string& list :
         {"/can-bo/tra-cuu/don-vi?ma=" + code, "/can-bo/tra-cuu/don-vi?ten=" + url_encoded(payload),
          "/can-bo/tra-cuu/ca-nhan?cmnd=" + url_encoded(payload)}) {
      HttpResponse r = get(list, session.cookie);
      EXPECT_EQ(r.status, 200) << list;
      expect_inert_html(r.body, list);
    }
    EXPECT_TRUE(contains(get("/can-bo/tra-cuu/don-vi?ma=" + code, session.cookie).body,
                         escape_html(payload)));

    for (const std::string& api_path : {"/api/v1/cases/" + code, "/api/v1/cases?code=" + code}) {
      HttpResponse r = get(api_path, session.cookie);
      ASSERT_EQ(r.status, 200) << api_path;
      EXPECT_EQ(r.content_type, "application/json");
      EXPECT_FALSE(contains(r.body, "<")) << api_path;
      EXPECT_FALSE(contains(r.body, ">")) << api_path;
      // Escaped, not mangled: a JSON parser gives the payload back exactly.
      json::value body = parsed(r);
      const json::value& c = body.as_object().contains("items") ? body.at("items").at(0) : body;
      EXPECT_EQ(c.at("submitter").at("name"), json::value(payload)) << api_path;
      EXPECT_EQ(c.at("procedure").at("name"), json::value(payload)) << api_path;
    }
    json::value detail = parsed(get("/api/v1/cases/" + code, session.cookie));
    for (const char* field : {"name", "id_number", "address", "phone", "email"}) {
      EXPECT_EQ(detail.at("owner").at(field), json::value(payload)) << field;
    }
    EXPECT_EQ(detail.at("fees").at("lines").at(0).at("description"), json::value(payload));
  }
}

// --- SQL metacharacters in every search field ------------------------------------------------

constexpr const char* kSqlPayloads[] = {
    "' OR 1=1 --",        "%", "_", "\\", "\"; DROP TABLE cases; --", "' OR '1'='1",
    "9223372036854775807"};

TEST_F(Security, SqlMetacharactersInSearchFieldsAreHarmless) {
  seed_two_cases();
  std::string before = snapshot();
  ApiSession s = api_sign_in("tracuu");  // sees both cases
  for (const char* raw : kSqlPayloads) {
    std::string payload = url_encoded(raw);
    for (const char* field : {"code", "id_number", "name", "status", "page"}) {
      std::string path = std::string("/api/v1/cases?") + field + "=" + payload;
      HttpResponse r = get(path, s.cookie);
      ASSERT_EQ(r.status, 200) << path << r.body;
      json::value body = parsed(r);
      std::int64_t total = body.at("total").as_int64();
      if (std::string_view(field) == "page") {
        // Not a page number: page 1 (a huge one is simply past the end).
        EXPECT_EQ(total, 2) << path;
      } else {
        EXPECT_EQ(total, 0) << path;
      }
    }
    for (const char* field : {"ma", "cmnd", "ten", "trang_thai", "trang"}) {
      std::string path = std::string("/can-bo/tra-cuu/co-quan?") + field + "=" + payload;
      HttpResponse r = get(path, s.cookie);
      ASSERT_EQ(r.status, 200) << path;
      bool ignored = std::string_view(field) == "trang_thai" || std::string_view(field) == "trang";
      bool past_end = std::string_view(field) == "trang" && std::isdigit(raw[0]);
      bool listed = contains(r.body, kWardCase) && contains(r.body, kJusticeCase);
      EXPECT_EQ(listed, ignored && !past_end) << path;
      if (!ignored) {
        EXPECT_FALSE(contains(r.body, kWardCase)) << path;
      }
    }
  }
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(parsed(get("/api/v1/cases", s.cookie)).at("total"), json::value(2));
}

// --- Oversized bodies -------------------------------------------------------------------------

TEST_F(Security, ATenMegabyteBodyIsRefusedWith413AndTheServerKeepsServing) {
  std::uint16_t port = start_server();
  ApiSession s = api_sign_in("canbo");
  const std::size_t size = 10 * 1024 * 1024;
  for (const char* path : {"/api/v1/cases", "/can-bo/dang-nhap"}) {
    motcua::testing::RawHttpConnection c(port);
    std::string head =
        std::string("POST ") + path +
        " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nCookie: " + s.cookie +
        "\r\nX-CSRF-Token: " + s.csrf + "\r\nContent-Length: " + std::to_string(size) + "\r\n\r\n";
    ASSERT_TRUE(c.send(head));
    // The body goes on a second thread: the server answers as soon as it has seen the length,
    // and may stop reading.
    std::thread sender([&c, size] { c.send(std::string(size, 'x')); });
    std::string response = c.read_response();
    sender.join();
    EXPECT_EQ(motcua::testing::status_of(response), 413) << path << ": " << response;
    // The server's own limit (HttpServerOptions.max_body_bytes) answered, not a handler.
    EXPECT_TRUE(contains(response, "Payload Too Large")) << response;
  }
  // Just under the limit, the request reaches the API, which finds it is not JSON.
  motcua::testing::RawHttpConnection under(port);
  std::string below(1024 * 1024 - 1, 'x');
  under.send(
      "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nCookie: " +
      s.cookie + "\r\nX-CSRF-Token: " + s.csrf +
      "\r\nContent-Length: " + std::to_string(below.size()) + "\r\n\r\n" + below);
  std::string handled = under.read_response();
  EXPECT_EQ(motcua::testing::status_of(handled), 400) << handled.substr(0, 300);
  EXPECT_TRUE(contains(handled, "urn:motcua:problem:bad_json"));

  motcua::testing::RawHttpConnection after(port);
  after.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(motcua::testing::status_of(after.read_response()), 200);
  EXPECT_FALSE(stored("H34.22.6-240426-0001").has_value());
}

}  // namespace
}  // namespace motcua::adapters::web
