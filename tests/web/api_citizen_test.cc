// The citizen API: GET /api/v1/citizen/cases and /api/v1/citizen/cases/{code} answer the
// portal's cookie with that account's cases only; another citizen gets 404, a staff session
// and an anonymous caller 401, all as JSON.
#include <string>
#include <vector>

#include "mycases_fixture.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;

class CitizenApi : public MyCasesFixture {
 protected:
  static constexpr const char* kCode = "H34.22.6-240426-0002";

  HttpResponse call(const std::string& target, const std::string& cookie) {
    return send("GET", target, "", cookie.empty() ? Headers{} : Headers{{"Cookie", cookie}});
  }

  static std::vector<std::string> codes(const HttpResponse& r) {
    std::vector<std::string> out;
    json::value body = parsed(r);
    if (!body.is_object()) return out;
    for (const json::value& item : body.at("items").as_array()) {
      out.emplace_back(item.at("code").as_string());
    }
    return out;
  }

  // The callers a citizen route must refuse: none, a staff session, a staff token in the
  // portal's cookie, a forged token.
  std::vector<std::string> strangers() {
    std::string staff = sign_in();
    return {"", staff, "motcua_portal=" + staff.substr(staff.find('=') + 1),
            "motcua_portal=forged"};
  }
};

TEST_F(CitizenApi, ListsOnlyTheCallersOwnOnlineCases) {
  online_case(kCode, owner_);
  online_case("H34.4-240503-0012", owner_, core::CaseStatus::kAccepted, "H34.4");
  online_case("H34.22.6-240426-0003", other_);
  seed_case("H34.22.6-240426-0004", "H34.22.6", citizen(kOwnId));  // counter, same ID

  HttpResponse mine = call("/api/v1/citizen/cases", citizen_cookie(owner_));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.content_type, "application/json");
  EXPECT_EQ(codes(mine), (std::vector<std::string>{"H34.4-240503-0012", kCode}));
  json::object body = parsed(mine).as_object();
  EXPECT_EQ(body.at("total").as_int64(), 2);
  EXPECT_EQ(body.at("page_size").as_int64(), 10);
  const json::object& justice = body.at("items").as_array()[0].as_object();
  EXPECT_EQ(justice.at("agency_name").as_string(), "Sở Tư pháp");
  EXPECT_EQ(justice.at("status").at("label").as_string(), "Được tiếp nhận");
  EXPECT_EQ(justice.at("submitted_at").as_string(), "2024-04-26T07:27:52+07:00");
  EXPECT_EQ(justice.at("href").as_string(), "/api/v1/citizen/cases/H34.4-240503-0012");
  EXPECT_FALSE(justice.contains("officer"));
  const json::object& ward = body.at("items").as_array()[1].as_object();
  EXPECT_TRUE(ward.at("payable").as_bool());
  EXPECT_EQ(ward.at("pay_url").as_string(), std::string(kPublicBase) + pay_link(kCode));

  EXPECT_EQ(codes(call("/api/v1/citizen/cases", citizen_cookie(other_))),
            (std::vector<std::string>{"H34.22.6-240426-0003"}));
}

TEST_F(CitizenApi, ListFiltersAndPagesLikeThePage) {
  online_case(kCode, owner_, core::CaseStatus::kNew);
  online_case("H34.4-240503-0012", owner_, core::CaseStatus::kAccepted, "H34.4");
  std::string cookie = citizen_cookie(owner_);
  EXPECT_EQ(codes(call("/api/v1/citizen/cases?code=h34.4", cookie)),
            (std::vector<std::string>{"H34.4-240503-0012"}));
  EXPECT_EQ(codes(call("/api/v1/citizen/cases?status=1", cookie)),
            (std::vector<std::string>{kCode}));
  EXPECT_EQ(codes(call("/api/v1/citizen/cases?field=H%E1%BB%99+t%E1%BB%8Bch", cookie)).size(), 0u);
  HttpResponse second = call("/api/v1/citizen/cases?page=2&page_size=20", cookie);
  EXPECT_EQ(codes(second).size(), 0u);
  EXPECT_EQ(parsed(second).at("page_size").as_int64(), 20);
  EXPECT_EQ(parsed(second).at("total").as_int64(), 2);
  for (const char* bad : {"status=12", "status=x", "page_size=7"}) {
    HttpResponse r = call(std::string("/api/v1/citizen/cases?") + bad, cookie);
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_EQ(r.content_type, "application/problem+json") << bad;
  }
}

TEST_F(CitizenApi, RefusesCallersWithoutACitizenSession) {
  online_case(kCode, owner_);
  for (const std::string& cookie : strangers()) {
    for (const std::string& target :
         {std::string("/api/v1/citizen/cases"), std::string("/api/v1/citizen/cases/") + kCode}) {
      HttpResponse r = call(target, cookie);
      EXPECT_EQ(r.status, 401) << target << " " << cookie;
      EXPECT_EQ(r.content_type, "application/problem+json");
      EXPECT_FALSE(contains(r.body, "Võ Đặng Ngọc Giả"));
    }
  }
}

TEST_F(CitizenApi, CaseHasFeesWithPaidStateReceiptsAndHistory) {
  online_case(kCode, owner_);
  std::int64_t receipt = pay_online(kCode);
  ASSERT_GT(receipt, 0);
  HttpResponse r = call(std::string("/api/v1/citizen/cases/") + kCode, citizen_cookie(owner_));
  ASSERT_EQ(r.status, 200) << r.body;
  json::object body = parsed(r).as_object();
  EXPECT_EQ(body.at("code").as_string(), kCode);
  EXPECT_EQ(body.at("receiving_agency_name").as_string(), "Bộ phận TN&TKQ phường Trần Hưng Đạo");
  EXPECT_EQ(body.at("channel").at("code").as_string(), "online");
  EXPECT_FALSE(body.contains("officer"));
  EXPECT_FALSE(body.contains("can_change"));
  const json::object& fees = body.at("fees").as_object();
  EXPECT_EQ(fees.at("total").as_int64(), 3000);
  EXPECT_EQ(fees.at("remaining").as_int64(), 0);
  EXPECT_TRUE(fees.at("lines").as_array()[1].at("paid").as_bool());
  EXPECT_FALSE(body.at("payable").as_bool());
  EXPECT_TRUE(body.at("pay_url").is_null());

  const json::array& receipts = body.at("receipts").as_array();
  ASSERT_EQ(receipts.size(), 1u);
  const json::object& first = receipts[0].as_object();
  EXPECT_EQ(first.at("id").as_int64(), receipt);
  EXPECT_EQ(first.at("number").as_string(), "0000001");
  EXPECT_EQ(first.at("amount").as_int64(), 1000);
  EXPECT_EQ(first.at("state").as_string(), "issued");
  std::string pdf(first.at("pdf_url").as_string());
  EXPECT_EQ(pdf, std::string(kPublicBase) + pay_link(kCode) + "/bien-lai/" +
                     std::to_string(receipt) + "/pdf");
  EXPECT_EQ(get(pdf.substr(std::string(kPublicBase).size())).content_type, "application/pdf");
  std::string verification(first.at("verification_url").as_string());
  ASSERT_EQ(verification.rfind(
                std::string(kPublicBase) + "/bien-lai/" + std::to_string(receipt) + "/", 0),
            0u)
      << verification;
  EXPECT_EQ(get(verification.substr(std::string(kPublicBase).size())).status, 200);

  for (const json::value& event : body.at("history").as_array()) {
    EXPECT_EQ(std::string(event.at("action").as_string()).rfind("case.", 0), 0u)
        << "only the case's own steps";
    EXPECT_FALSE(event.as_object().contains("actor"));
  }
}

TEST_F(CitizenApi, HistoryNamesEachStatus) {
  online_case(kCode, owner_);
  seed([&](app::Repositories& r) -> core::Status {
    return r.audit().append({0, clock_.now(), "staff:1", "case.status", "case", kCode,
                             R"({"status":"Mới đăng ký","status_code":1})",
                             R"({"status":"Được tiếp nhận","status_code":2,"reason":""})"});
  });
  json::value body =
      parsed(call(std::string("/api/v1/citizen/cases/") + kCode, citizen_cookie(owner_)));
  const json::array& history = body.at("history").as_array();
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].at("status").as_string(), "Được tiếp nhận");
  EXPECT_EQ(history[0].at("at").as_string(), "2024-04-26T07:00:00+07:00");
}

TEST_F(CitizenApi, AnotherCitizensCaseIsNotFound) {
  online_case(kCode, owner_);
  HttpResponse r = call(std::string("/api/v1/citizen/cases/") + kCode, citizen_cookie(other_));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_FALSE(contains(r.body, "Võ Đặng Ngọc Giả"));
  HttpResponse unknown = call("/api/v1/citizen/cases/H34.22.6-240426-0099", citizen_cookie(other_));
  EXPECT_EQ(unknown.status, 404);
}

}  // namespace
}  // namespace motcua::adapters::web
