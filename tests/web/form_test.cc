#include "adapters/web/form.h"

#include <gtest/gtest.h>

namespace motcua::adapters::web {
namespace {

TEST(Form, DecodesPercentEscapesAndPlus) {
  auto form =
      parse_form("ten=V%C3%B5+%C4%90%E1%BA%B7ng&ma=H34.22.6-240426-0002&ten=again&plus=1%2B1");
  EXPECT_EQ(form["ten"], "Võ Đặng");
  EXPECT_EQ(form["ma"], "H34.22.6-240426-0002");
  EXPECT_EQ(form["plus"], "1+1");
  EXPECT_TRUE(parse_form("").empty());
}

TEST(Form, CookiesAreSplitByName) {
  HttpRequest r;
  r.headers["cookie"] = "motcua_session=abc; lang=en;x=1";
  auto cookies = parse_cookies(r);
  EXPECT_EQ(cookies["motcua_session"], "abc");
  EXPECT_EQ(cookies["lang"], "en");
  EXPECT_EQ(cookies["x"], "1");
}

TEST(Form, SessionCookiesAreHttpOnlyAndSameSite) {
  std::string header = cookie_header("motcua_session", "tok", false);
  EXPECT_NE(header.find("HttpOnly"), std::string::npos);
  EXPECT_NE(header.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(header.find("Secure"), std::string::npos);
  EXPECT_NE(cookie_header("a", "b", true, 0).find("; Secure; Max-Age=0"), std::string::npos);
}

}  // namespace
}  // namespace motcua::adapters::web
