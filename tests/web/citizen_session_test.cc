// The portal's sessions: a citizen's cookie shows the account menu under the account's name;
// a staff cookie, an unknown token or an expired session does not sign a citizen in.
#include <chrono>
#include <string>
#include <vector>

#include "adapters/web/page_support.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

class CitizenSessionTest : public WebFixture {};

TEST_F(CitizenSessionTest, SignedInCitizenSeesTheAccountMenuUnderTheirName) {
  core::CitizenAccount account = add_citizen_account("062190008870");
  HttpResponse page = get("/", citizen_cookie(account));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("VÕ ĐẶNG NGỌC GIẢ"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/quan-ly-ho-so\""), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/dang-xuat\""), std::string::npos);
  EXPECT_EQ(page.body.find(">Đăng ký<"), std::string::npos);
}

TEST_F(CitizenSessionTest, VisitorsStaffAndForgedCookiesAreNotSignedIn) {
  add_citizen_account("062190008870");
  std::string staff_token = sign_in().substr(std::string("motcua_session=").size());
  for (const std::string& cookie :
       std::vector<std::string>{"", "motcua_portal=forged-token", "motcua_portal=" + staff_token}) {
    HttpResponse page = get("/", cookie);
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("VÕ ĐẶNG NGỌC GIẢ"), std::string::npos) << cookie;
    EXPECT_NE(page.body.find("href=\"/dang-ky\""), std::string::npos) << cookie;
  }
}

TEST_F(CitizenSessionTest, SessionsEndAfterTheIdleLimit) {
  core::CitizenAccount account = add_citizen_account("062190008870");
  std::string cookie = citizen_cookie(account);
  clock_.advance(app::CitizenSessions::kIdleLimit - std::chrono::minutes(5));
  EXPECT_NE(get("/", cookie).body.find("VÕ ĐẶNG NGỌC GIẢ"), std::string::npos) << "slides";
  clock_.advance(app::CitizenSessions::kIdleLimit - std::chrono::minutes(5));
  EXPECT_NE(get("/", cookie).body.find("VÕ ĐẶNG NGỌC GIẢ"), std::string::npos) << "slid again";
  clock_.advance(app::CitizenSessions::kIdleLimit + std::chrono::minutes(1));
  EXPECT_EQ(get("/", cookie).body.find("VÕ ĐẶNG NGỌC GIẢ"), std::string::npos) << "expired";
}

TEST_F(CitizenSessionTest, AccountPagesSendVisitorsToSignInAndBack) {
  HttpRequest request;
  request.target = "/quan-ly-ho-so?trang=2";
  EXPECT_EQ(citizen_sign_in_location(request), "/dang-nhap?tiep=%2Fquan-ly-ho-so%3Ftrang%3D2");
}

}  // namespace
}  // namespace motcua::adapters::web
