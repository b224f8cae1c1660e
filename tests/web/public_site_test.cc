// The public site: the guide's home page (header, menu, "Hỗ trợ"), the payment page "Thanh
// toán trực tuyến" with its QR code read back by an independent decoder, the neutral answer for
// unknown codes, the per-address limit, the pay-link tokens and the public JSON API.
#include <boost/json.hpp>
#include <cstdlib>
#include <regex>
#include <set>

#include "../support/run_process.h"
#include "adapters/qr/qr_png.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

using namespace std::chrono_literals;

class PublicSite : public WebFixture {
 protected:
  // The guide's case with both fee lines unpaid (3.000 VND outstanding).
  core::CaseRecord seed_unpaid_case(const std::string& code = kWardCase) {
    return seed_case(code, "H34.22.6", citizen("062190008870"), core::CaseStatus::kAccepted,
                     [](core::CaseRecord& c) {
                       for (core::FeeLine& line : c.fee_lines) {
                         line.paid = false;
                         line.method.reset();
                       }
                     });
  }

  void mark_paid(const std::string& code, std::size_t line) {
    std::int64_t id = stored(code)->fee_lines.at(line).id;
    seed([&](app::Repositories& r) {
      return r.cases().mark_fee_line_paid(id, core::PaymentMethod::kPaymentPlatform);
    });
  }

  std::string pay_url(const std::string& code) {
    return std::string(kPublicBase) + "/tt/" + code + "/" + links_.token_for(code);
  }

  HttpResponse lookup(const std::string& code) {
    return get("/thanh-toan?ma=" + url_encoded(code));
  }

  // The text of the page's alert paragraph, or "" when it has none.
  static std::string notice_of(const std::string& html) {
    std::smatch m;
    if (!std::regex_search(html, m, std::regex("<p class=\"error\" role=\"alert\">([^<]*)</p>")))
      return "";
    return m[1];
  }
};

// The QR code the page shows, rebuilt module by module from its inline SVG (qr_svg.h writes
// one "M<x> <y>h<n>v1h-<n>z" run per dark run, offset by the quiet zone), so that what is
// decoded is what the browser draws.
qr::QrMatrix matrix_of_svg(const std::string& html) {
  qr::QrMatrix matrix;
  std::smatch box;
  if (!std::regex_search(html, box, std::regex("viewBox=\"0 0 ([0-9]+) ([0-9]+)\""))) return matrix;
  matrix.size = std::stoul(box[1]) - 2 * 4;
  matrix.modules.assign(matrix.size * matrix.size, 0);
  std::size_t d = html.find("<path fill=\"#000\" d=\"");
  std::string path = html.substr(d, html.find('"', d + 21) - d);
  std::regex run("M([0-9]+) ([0-9]+)h([0-9]+)v1h-[0-9]+z");
  for (auto it = std::sregex_iterator(path.begin(), path.end(), run); it != std::sregex_iterator();
       ++it) {
    std::size_t x = std::stoul((*it)[1]) - 4, y = std::stoul((*it)[2]) - 4;
    std::size_t n = std::stoul((*it)[3]);
    for (std::size_t i = 0; i < n; ++i) matrix.modules.at(y * matrix.size + x + i) = 1;
  }
  return matrix;
}

// What zbarimg reads from `matrix` drawn as a PNG.
std::string decoded(const qr::QrMatrix& matrix, const std::string& png_path) {
  auto png = qr::render_png(matrix, 4);
  EXPECT_TRUE(png.ok());
  if (!png.ok()) return "";
  EXPECT_TRUE(qr::write_file(png_path, *png).ok());
  motcua::testing::ProcessResult r =
      motcua::testing::run_process("zbarimg --raw -q " + motcua::testing::shell_quote(png_path));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string text = r.out;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

TEST_F(PublicSite, HomePageHasTheGuidesHeaderMenuAndSupportEntries) {
  HttpResponse home = get("/");
  ASSERT_EQ(home.status, 200);
  for (const char* text :
       {"<html lang=\"vi\">",
        "HỆ THỐNG THÔNG TIN GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "TỈNH KON TUM",
        "Hành chính phục vụ",
        ">Đăng nhập</a>",
        ">Đăng ký</a>",
        ">Giới thiệu</a>",
        ">Thủ tục hành chính</a>",
        ">Dịch vụ công trực tuyến</a>",
        ">Tra cứu hồ sơ</a>",
        ">Phản ánh kiến nghị</a>",
        ">Đánh giá</a>",
        ">Thống kê</a>",
        "<summary>Hỗ trợ</summary>",
        ">Dịch vụ khác</a>",
        "<a href=\"/ho-tro/cau-hoi-thuong-gap\">Câu hỏi thường gặp dành cho công dân, doanh "
        "nghiệp</a>",
        "<a href=\"/ho-tro/huong-dan-can-bo\">Hướng dẫn dành cho cán bộ sử dụng phần mềm</a>",
        "<a href=\"/ho-tro/huong-dan-cong-dan\">Hướng dẫn dành cho công dân, doanh nghiệp</a>",
        "<a href=\"/thanh-toan\">Thanh toán trực tuyến</a>",
        "<a class=\"pub-button pub-button-pay\" href=\"/thanh-toan\">Thanh toán trực tuyến</a>",
        "placeholder=\"Nhập từ khóa tìm kiếm\"",
        "DỊCH VỤ HÀNH CHÍNH CÔNG NỔI BẬT",
        "CÔNG DÂN",
        "DOANH NGHIỆP",
        "Có con nhỏ",
        "Sức khỏe và y tế",
        "Khởi sự kinh doanh",
        "Thành lập chi nhánh, văn phòng đại diện",
        "<main id=\"main\"",
        "<footer",
        "Hệ thống thông tin giải quyết TTHC tỉnh Kon Tum",
        "<address>Địa điểm trụ sở: 70 Lê Hồng Phong, thành phố Kon Tum, tỉnh Kon Tum</address>"}) {
    EXPECT_TRUE(contains(home.body, text)) << text;
  }
  // Usable without script, and within the CSP: no script, no inline style.
  EXPECT_FALSE(contains(home.body, "<script"));
  EXPECT_FALSE(contains(home.body, "style="));
  EXPECT_FALSE(contains(home.body, "<style"));
  EXPECT_TRUE(contains(home.body, "href=\"/static/public.css\""));
  EXPECT_EQ(get("/static/public.css").status, 200);
}

TEST_F(PublicSite, TheProvinceLineComesFromConfigurationOrTheAgencies) {
  // The fixture's one top-level agency is "Tỉnh Kon Tum" (H34); a second one makes the data
  // ambiguous, and the configured name wins over both.
  seed([](app::Repositories& r) {
    core::Agency other;
    other.code = "H48";
    other.name = "Tỉnh Quảng Ngãi";
    return r.agencies().save(other);
  });
  EXPECT_TRUE(contains(get("/").body, "<span class=\"pub-province\">TỈNH KON TUM</span>"));
  public_province_ = "Tỉnh Quảng Ngãi";
  start_app();
  HttpResponse home = get("/");
  EXPECT_TRUE(contains(home.body, "<span class=\"pub-province\">TỈNH QUẢNG NGÃI</span>"));
  EXPECT_TRUE(contains(home.body, "Hệ thống thông tin giải quyết TTHC tỉnh Quảng Ngãi"));
}

TEST_F(PublicSite, EveryLinkOnTheHomePageAnswers) {
  HttpResponse home = get("/");
  std::set<std::string> hrefs;
  std::regex href("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(home.body.begin(), home.body.end(), href);
       it != std::sregex_iterator(); ++it) {
    hrefs.insert((*it)[1]);
  }
  EXPECT_GE(hrefs.size(), 30u);
  for (const std::string& link : hrefs) {
    ASSERT_FALSE(link.empty());
    std::string target = link[0] == '?' ? "/" + link : link;
    if (target[0] == '#') continue;  // the skip link
    ASSERT_EQ(target[0], '/') << "an outside link: " << link;
    HttpResponse r = get(target);
    EXPECT_EQ(r.status, 200) << link;
    if (link.rfind("/static/", 0) == 0 || link.rfind("/can-bo", 0) == 0 ||
        link.rfind("/thanh-toan", 0) == 0 || link[0] == '?' || link == "/" ||
        link.rfind("/thu-tuc-hanh-chinh", 0) == 0 || link == "/tra-cuu-ho-so" ||
        link == "/dang-nhap" || link == "/dang-ky" || link == "/dich-vu-cong-truc-tuyen") {
      continue;
    }
    // The features of the citizen portal say honestly that they are coming, and link home.
    EXPECT_TRUE(contains(r.body, "Chức năng này đang được xây dựng")) << link;
    EXPECT_TRUE(contains(r.body, "<a href=\"/\">Về trang chủ</a>")) << link;
  }
}

TEST_F(PublicSite, EnglishOnAsking) {
  HttpResponse home = get("/?lang=en");
  EXPECT_TRUE(contains(home.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(home.body, ">Online payment</a>"));
  HttpResponse pay = get("/thanh-toan?lang=en");
  EXPECT_TRUE(contains(pay.body, "Enter the case code:"));
}

TEST_F(PublicSite, PaymentPageAsksForTheCaseCode) {
  HttpResponse page = get("/thanh-toan");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<label for=\"ma\">Nhập mã hồ sơ:</label>"));
  EXPECT_TRUE(
      contains(page.body, "<form class=\"pub-pay-form\" method=\"get\" action=\"/thanh-toan\""));
  EXPECT_TRUE(contains(page.body, ">Tìm kiếm</button>"));
  EXPECT_FALSE(contains(page.body, "Người nộp tiền"));
  EXPECT_EQ(notice_of(page.body), "");
}

TEST_F(PublicSite, PaymentPageShowsTheGuidesFactsAndWhatIsStillOutstanding) {
  seed_unpaid_case();
  HttpResponse before = lookup(kWardCase);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_TRUE(contains(before.body, "Phí lệ phí: <strong class=\"pay-amount\">3.000 VND</strong>"));

  mark_paid(kWardCase, 0);  // the guide: 2.000 paid, 1.000 left
  HttpResponse page = lookup(kWardCase);
  ASSERT_EQ(page.status, 200);
  for (std::string text :
       {std::string("Người nộp tiền: <strong class=\"pay-payer\">VÕ ĐẶNG NGỌC GIẢ</strong>"),
        std::string("CCCD/MST: <strong class=\"pay-id\">****8870</strong>"),
        std::string("Nội dung: <strong class=\"pay-content\">Thanh toán lệ phí cho hồ sơ "
                    "H34.22.6-240426-0002</strong>"),
        std::string("Phí lệ phí: <strong class=\"pay-amount\">1.000 VND</strong>"),
        std::string("*Quét mã QR hoặc click vào nút bên dưới để thanh toán"),
        "<a class=\"pub-button pub-button-pay\" href=\"" + pay_url(kWardCase) + "\">Thanh toán</a>",
        std::string("value=\"H34.22.6-240426-0002\"")}) {
    EXPECT_TRUE(contains(page.body, text)) << text;
  }
  EXPECT_FALSE(contains(page.body, "062190008870")) << "the full ID never shows";
  EXPECT_FALSE(contains(page.body, "Võ Đặng")) << "the name shows in upper case only";
  // Spaces around a pasted code are ignored.
  EXPECT_EQ(lookup(std::string("  ") + kWardCase + " ").status, 200);
}

TEST_F(PublicSite, TheQrCodeReadsAsThePayLink) {
  seed_unpaid_case();
  HttpResponse page = lookup(kWardCase);
  ASSERT_TRUE(contains(page.body, "<svg"));
  EXPECT_TRUE(
      contains(page.body, "<title>Mã QR thanh toán lệ phí cho hồ sơ H34.22.6-240426-0002</title>"));
  qr::QrMatrix matrix = matrix_of_svg(page.body);
  ASSERT_GT(matrix.size, 20u);
  EXPECT_EQ(decoded(matrix, dir_.file("page-qr.png")), pay_url(kWardCase));
}

TEST_F(PublicSite, NothingOutstandingSaysSoWithoutQrOrButton) {
  seed_unpaid_case();
  mark_paid(kWardCase, 0);
  mark_paid(kWardCase, 1);
  HttpResponse paid = lookup(kWardCase);
  ASSERT_EQ(paid.status, 200);
  EXPECT_TRUE(contains(paid.body, "các khoản phí, lệ phí đã được thanh toán đủ"));
  EXPECT_TRUE(contains(paid.body, "Phí lệ phí: <strong class=\"pay-amount\">0 VND</strong>"));
  EXPECT_FALSE(contains(paid.body, "<svg"));
  EXPECT_FALSE(contains(paid.body, "/tt/"));

  seed_case(kJusticeCase, "H34.4", citizen("062190008871"), core::CaseStatus::kAccepted,
            [](core::CaseRecord& c) { c.fee_lines.clear(); });
  HttpResponse free = lookup(kJusticeCase);
  EXPECT_TRUE(contains(free.body, "hồ sơ không thu phí, lệ phí")) << free.body;
  EXPECT_FALSE(contains(free.body, "<svg"));
}

TEST_F(PublicSite, UnknownMalformedAndCancelledCodesGetOneAnswer) {
  seed_case(kJusticeCase, "H34.4", citizen("062190008871"), core::CaseStatus::kCancelled);
  HttpResponse unknown = lookup("H34.22.6-240426-9999");
  HttpResponse cancelled = lookup(kJusticeCase);
  HttpResponse malformed = lookup("không phải mã");
  HttpResponse too_long = lookup(std::string(200, 'A'));
  std::string expected =
      "Không tìm thấy hồ sơ cần thanh toán với mã đã nhập. Vui lòng kiểm tra lại mã hồ sơ trên "
      "giấy tiếp nhận.";
  for (const HttpResponse* r : {&unknown, &cancelled, &malformed, &too_long}) {
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(notice_of(r->body), expected);
    EXPECT_FALSE(contains(r->body, "Người nộp tiền"));
    EXPECT_FALSE(contains(r->body, "VÕ ĐẶNG"));
  }
  // Apart from the code typed back into the field, the pages are the same.
  auto without_code = [](std::string body, const std::string& code) {
    std::string value = "value=\"" + code + "\"";
    body.replace(body.find(value), value.size(), "value=\"\"");
    return body;
  };
  EXPECT_EQ(without_code(unknown.body, "H34.22.6-240426-9999"),
            without_code(cancelled.body, kJusticeCase));
}

TEST_F(PublicSite, ATypedScriptIsShownAsText) {
  HttpResponse r = lookup("\"><script>alert(1)</script>");
  EXPECT_EQ(r.status, 404);
  EXPECT_FALSE(contains(r.body, "<script>alert(1)"));
  EXPECT_TRUE(contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_F(PublicSite, TypedLookupsAreLimitedPerAddress) {
  public_lookups_per_minute_ = 3;
  start_app();
  seed_unpaid_case();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(lookup(kWardCase).status, 200) << i;
  HttpResponse limited = lookup(kWardCase);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(header_of(limited, "Retry-After"), "60");
  EXPECT_EQ(notice_of(limited.body),
            "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau 1 phút.");
  EXPECT_FALSE(contains(limited.body, "Người nộp tiền"));
  EXPECT_FALSE(contains(limited.body, "<svg"));
  // The API shares the page's limit.
  HttpResponse api = get(std::string("/api/v1/public/cases/") + kWardCase + "/payment");
  EXPECT_EQ(api.status, 429);
  EXPECT_EQ(api.content_type, "application/problem+json");
  // The form alone is no lookup; another address has its own count; a minute later, again.
  EXPECT_EQ(get("/thanh-toan").status, 200);
  HttpRequest other;
  other.method = "GET";
  other.target = other.path = "/thanh-toan";
  other.query.emplace("ma", kWardCase);
  other.remote_address = "203.0.113.7";
  EXPECT_EQ(app_->handle(other).status, 200);
  clock_.advance(60s);
  EXPECT_EQ(lookup(kWardCase).status, 200);
}

TEST_F(PublicSite, ForwardedForIsTrustedOnlyFromTheConfiguredProxy) {
  public_lookups_per_minute_ = 1;
  auto from = [&](const std::string& peer, const std::string& forwarded) {
    HttpRequest r;
    r.method = "GET";
    r.target = r.path = "/thanh-toan";
    r.query.emplace("ma", kWardCase);
    r.remote_address = peer;
    if (!forwarded.empty()) r.headers["X-Forwarded-For"] = forwarded;
    return app_->handle(r).status;
  };
  start_app();  // no proxy configured: the header changes nothing
  EXPECT_EQ(from("198.51.100.9", "203.0.113.1"), 404);
  EXPECT_EQ(from("198.51.100.9", "203.0.113.2"), 429);
  trusted_proxy_ = "127.0.0.1";
  start_app();
  EXPECT_EQ(from("127.0.0.1", "10.9.9.9, 203.0.113.1"), 404);
  EXPECT_EQ(from("127.0.0.1", "203.0.113.2"), 404) << "another client behind the proxy";
  EXPECT_EQ(from("127.0.0.1", "1.1.1.1, 203.0.113.1"), 429) << "the proxy's entry counts";
  EXPECT_EQ(from("198.51.100.7", "203.0.113.3"), 404);
  EXPECT_EQ(from("198.51.100.7", "203.0.113.4"), 429) << "not the proxy: the peer counts";
}

TEST_F(PublicSite, PayLinkTokensVerifyOnlyForTheirCode) {
  std::string token = links_.token_for(kWardCase);
  EXPECT_EQ(token.size(), 22u);
  EXPECT_EQ(token, links_.token_for(kWardCase)) << "stable";
  EXPECT_TRUE(links_.verify(kWardCase, token));
  std::string changed = token;
  changed[5] = changed[5] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(links_.verify(kWardCase, changed));
  EXPECT_FALSE(links_.verify(kWardCase, token.substr(0, 21)));
  EXPECT_FALSE(links_.verify(kWardCase, token + "A"));
  EXPECT_FALSE(links_.verify(kWardCase, ""));
  EXPECT_FALSE(links_.verify(kJusticeCase, token)) << "a token belongs to one code";
  // Another process with the same key agrees; another key does not.
  auto same = security::SodiumPaymentLinks::from_key_text(kLinkKey);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->verify(kWardCase, token));
  auto other = security::SodiumPaymentLinks::from_key_text(std::string(64, 'f'));
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->verify(kWardCase, token));
  EXPECT_FALSE(security::SodiumPaymentLinks::from_key_text("too-short").ok());
  EXPECT_FALSE(security::SodiumPaymentLinks::from_key_text(std::string(64, 'z')).ok());
}

TEST_F(PublicSite, TheInstallationKeepsOneGeneratedLinkKey) {
  auto first = security::installation_link_key(*store_, std::nullopt);
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = security::installation_link_key(*store_, std::nullopt);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second) << "generated once, then read back";
  EXPECT_TRUE(security::SodiumPaymentLinks::from_key_text(*first).ok());
  auto configured = security::installation_link_key(*store_, std::string(kLinkKey));
  ASSERT_TRUE(configured.ok());
  EXPECT_EQ(*configured, kLinkKey);
  EXPECT_FALSE(security::installation_link_key(*store_, std::string("nope")).ok());
}

TEST_F(PublicSite, ThePayLinkRouteRefusesAWrongToken) {
  seed_unpaid_case();
  std::string good = std::string("/tt/") + kWardCase + "/" + links_.token_for(kWardCase);
  HttpResponse opened = get(good);  // to the platform's checkout (payment_routes_test.cc)
  EXPECT_EQ(opened.status, 303);
  HttpResponse wrong = get(std::string("/tt/") + kWardCase + "/AAAAAAAAAAAAAAAAAAAAAA");
  EXPECT_EQ(wrong.status, 404);
  EXPECT_TRUE(contains(wrong.body, "Không tìm thấy hồ sơ cần thanh toán với mã đã nhập."));
}

TEST_F(PublicSite, TheApiAnswersThePagesFacts) {
  seed_unpaid_case();
  mark_paid(kWardCase, 0);
  HttpResponse r = get(std::string("/api/v1/public/cases/") + kWardCase + "/payment");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  boost::json::value body = parsed(r);
  EXPECT_EQ(body.at("case_code").as_string(), kWardCase);
  EXPECT_EQ(body.at("payer_name").as_string(), "VÕ ĐẶNG NGỌC GIẢ");
  EXPECT_EQ(body.at("payer_id_masked").as_string(), "****8870");
  EXPECT_EQ(body.at("content").as_string(), "Thanh toán lệ phí cho hồ sơ H34.22.6-240426-0002");
  EXPECT_EQ(body.at("amount_due").as_int64(), 1000);
  EXPECT_EQ(body.at("currency").as_string(), "VND");
  EXPECT_EQ(body.at("pay_url").as_string(), pay_url(kWardCase));

  mark_paid(kWardCase, 1);
  boost::json::value paid =
      parsed(get(std::string("/api/v1/public/cases/") + kWardCase + "/payment"));
  EXPECT_EQ(paid.at("amount_due").as_int64(), 0);
  EXPECT_TRUE(paid.at("pay_url").is_null());

  seed_case(kJusticeCase, "H34.4", citizen("062190008871"), core::CaseStatus::kCancelled);
  HttpResponse cancelled = get(std::string("/api/v1/public/cases/") + kJusticeCase + "/payment");
  HttpResponse unknown = get("/api/v1/public/cases/H34.4-240426-0099/payment");
  for (const HttpResponse* missing : {&cancelled, &unknown}) {
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(missing->content_type, "application/problem+json");
    EXPECT_EQ(parsed(*missing).at("detail").as_string(),
              "No case to pay was found for this code. Please check the case code on the intake "
              "slip.");
  }
  EXPECT_EQ(cancelled.body, unknown.body);
}

}  // namespace
}  // namespace motcua::adapters::web
