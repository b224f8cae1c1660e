// The console's web layer end to end in process: WebApp over a real SQLite store, requests
// built by hand, responses read as a browser would.
#include <gtest/gtest.h>

#include <cstdio>

#include "web_console_fixture.h"

namespace motcua::adapters::web {
namespace {

using testing::FakeClock;

class Console : public WebConsoleTest {
 protected:
  void SetUp() override {
    open_store();
    if (HasFatalFailure()) return;
    std::string hash = hasher_.hash("matkhau").value();
    core::Status seeded = store_->transact([&](app::Repositories& r) -> core::Status {
      core::Agency ward;
      ward.code = "H34.22.6";
      ward.name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
      if (auto s = r.agencies().save(ward); !s.ok()) return s;
      auto id = r.staff().create(
          {0, "canbo", "<script>alert(1)</script> Võ", "H34.22.6", core::kRoleOfficer, hash, true});
      if (!id.ok()) return id.error();
      officer_id_ = *id;
      return {};
    });
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
    start_app();
  }

  std::string sign_in() { return sign_in_as("canbo", "matkhau"); }

  // A case received at 07:27:52 on 26/04/2024 with the guide's two fee lines, the first paid.
  core::CaseRecord seed_case(const std::string& code, const std::string& agency,
                             const std::string& name, const std::string& id_number,
                             core::CaseStatus status = core::CaseStatus::kAccepted) {
    using namespace std::chrono_literals;
    core::CaseRecord c;
    c.code = code;
    c.procedure_code = "2.000815.000.00.00.H34";
    c.procedure_name = "Thủ tục chứng thực bản sao từ bản chính";
    c.receiving_agency_code = c.processing_agency_code = agency;
    c.submitter = {name, id_number, "Kon Tum", "0886650748", ""};
    c.owner = c.submitter;
    auto received = std::chrono::sys_days{std::chrono::year{2024} / 4 / 26} + 27min + 52s;
    c.submitted_at = received;
    c.received_at = received;
    c.deadline_at = received + 24h * 6;
    c.appointment_at = received + 24h * 8;
    c.status = status;
    if (agency == "H34.22.6") c.assigned_staff_id = officer_id_;
    core::FeeLine paid{"Phí chứng thực bản sao từ bản chính",
                       "Phí chứng thực bản sao từ bản chính",
                       1,
                       core::Money::dong(2000),
                       core::Money::dong(2000),
                       true,
                       core::PaymentMethod::kPaymentPlatform};
    core::FeeLine unpaid{"Phí chứng thực bản sao từ bản chính",
                         "Phí chứng thực bản sao từ bản chính từ trang thứ 3.",
                         1,
                         core::Money::dong(1000),
                         core::Money::dong(1000),
                         false,
                         std::nullopt};
    c.fee_lines = {paid, unpaid};
    core::Status s = store_->transact([&](app::Repositories& r) -> core::Status {
      auto id = r.cases().insert(c);
      if (!id.ok()) return id.error();
      c.id = *id;
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return c;
  }

  void seed_two_cases() {
    seed_case(kWardCase, "H34.22.6", "Võ Đặng Ngọc Giả", "062190008870");
    seed_case(kJusticeCase, "H34.4", "Võ Đặng Ngọc Giả", "062190008871");
  }

  static constexpr const char* kWardCase = "H34.22.6-240426-0002";
  static constexpr const char* kJusticeCase = "H34.4-240426-0001";
  std::int64_t officer_id_ = 0;
};

TEST_F(Console, StrangersAreSentToSignIn) {
  HttpResponse r = get("/can-bo");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(header_of(r, "Location"), "/can-bo/dang-nhap");
  EXPECT_EQ(get("/can-bo/tra-cuu/don-vi").status, 303);
}

TEST_F(Console, SignInPageIsVietnameseWithSecurityHeaders) {
  HttpResponse r = get("/can-bo/dang-nhap");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(r.body.find("Tên đăng nhập"), std::string::npos);
  EXPECT_NE(r.body.find("Mật khẩu"), std::string::npos);
  EXPECT_NE(header_of(r, "Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(header_of(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header_of(r, "X-Frame-Options"), "DENY");
  std::string cookie;
  for (const auto& [n, v] : r.headers) {
    if (n == "Set-Cookie") cookie = v;
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_FALSE(csrf_in(r.body).empty());
}

TEST_F(Console, EnglishIsSelectableAndRemembered) {
  HttpResponse r = get("/can-bo/dang-nhap?lang=en");
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r.body.find("Username"), std::string::npos);
  EXPECT_EQ(cookie_pair(r, "lang"), "lang=en");
  EXPECT_NE(get("/can-bo/dang-nhap", "lang=en").body.find("Password"), std::string::npos);
}

TEST_F(Console, SignInWithoutTheFormTokenIsRefused) {
  HttpResponse r = post("/can-bo/dang-nhap", "username=canbo&password=matkhau");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Biểu mẫu đã hết hạn"), std::string::npos);
  EXPECT_TRUE(cookie_pair(r, "motcua_session").empty());
}

TEST_F(Console, WrongPasswordSaysSoInVietnamese) {
  HttpResponse form = get("/can-bo/dang-nhap");
  HttpResponse r =
      post("/can-bo/dang-nhap", "_csrf=" + csrf_in(form.body) + "&username=canbo&password=sai",
           cookie_pair(form, "motcua_login_csrf"));
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("Tên đăng nhập hoặc mật khẩu không đúng."), std::string::npos);
  EXPECT_NE(r.body.find("value=\"canbo\""), std::string::npos);
}

TEST_F(Console, SignedInOfficerSeesTheDashboardWithTheGuidesMenu) {
  std::string session = sign_in();
  ASSERT_FALSE(session.empty());
  HttpResponse r = get("/can-bo", session);
  ASSERT_EQ(r.status, 200) << r.body;
  for (const char* label : {"Danh sách công việc", "Đã hủy", "Đã trả kết quả", "HS đã rút",
                            "Hồ sơ chờ tiếp nhận", "Tiếp nhận hồ sơ", "Tra cứu hồ sơ toàn cơ quan",
                            "Cấu hình số hồ sơ", "Kho dữ liệu điện tử", "Được tiếp nhận"}) {
    EXPECT_NE(r.body.find(label), std::string::npos) << label;
  }
  EXPECT_EQ(r.body.find("<script>alert(1)</script>"), std::string::npos) << "name not escaped";
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt; Võ"), std::string::npos);
  EXPECT_EQ(header_of(r, "Cache-Control"), "no-store");
}

TEST_F(Console, EveryMenuEntryLeadsSomewhereHonest) {
  std::string session = sign_in();
  for (const char* path :
       {"/can-bo/import-excel", "/can-bo/ho-so-khong-can-xu-ly", "/can-bo/du-lieu-mot-cua",
        "/can-bo/danh-gia-du-lieu", "/can-bo/kho-du-lieu-dien-tu"}) {
    HttpResponse r = get(path, session);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_NE(r.body.find("Chức năng đang được xây dựng"), std::string::npos) << path;
  }
}

TEST_F(Console, SignOutNeedsTheFormTokenAndEndsTheSession) {
  std::string session = sign_in();
  std::string csrf = csrf_in(get("/can-bo", session).body);
  EXPECT_EQ(post("/can-bo/dang-xuat", "_csrf=forged", session).status, 403);
  EXPECT_EQ(get("/can-bo", session).status, 200);
  HttpResponse out = post("/can-bo/dang-xuat", "_csrf=" + csrf, session);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(get("/can-bo", session).status, 303);
}

TEST_F(Console, HealthMetricsAndStaticFiles) {
  EXPECT_EQ(get("/healthz").status, 200);
  get("/can-bo");
  HttpResponse metrics = get("/metrics");
  EXPECT_NE(metrics.body.find("motcua_http_requests_total{method=\"GET\",status=\"303\"}"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("motcua_http_request_duration_seconds_count"), std::string::npos);
  HttpResponse css = get("/static/console.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  std::string etag = header_of(css, "ETag");
  ASSERT_FALSE(etag.empty());
  HttpRequest again;
  again.method = "GET";
  again.target = again.path = "/static/console.css";
  again.headers["If-None-Match"] = etag;
  EXPECT_EQ(app_->handle(again).status, 304);
  EXPECT_EQ(get("/static/missing.css").status, 404);
}

bool contains(const std::string& body, std::string_view what) {
  return body.find(what) != std::string::npos;
}

TEST_F(Console, LookupFindsByCodeIdNumberAndNameWithoutDiacritics) {
  seed_two_cases();
  std::string session = sign_in();
  for (const char* query : {"ma=++H34.22.6-240426-0002+", "cmnd=062190008870",
                            "ten=vo+dang+ngoc+gia", "ten=vo+dang+ngoc+gia&trang_thai=2"}) {
    HttpResponse r = get(std::string("/can-bo/tra-cuu/don-vi?") + query, session);
    ASSERT_EQ(r.status, 200) << query << r.body;
    EXPECT_TRUE(contains(r.body, "href=\"/can-bo/ho-so/H34.22.6-240426-0002\"")) << query;
    EXPECT_FALSE(contains(r.body, kJusticeCase)) << query;
    for (const char* label :
         {"Mã số hồ sơ", "Số CMND", "Tên người nộp", "Tìm kiếm nâng cao", "Thời gian quy định",
          "Còn lại 6 ngày", "Ngày nộp: 26/04/2024 07:27:52", "Ngày tiếp nhận: 26/04/2024 07:27:52",
          "Hạn xử lý toàn quy trình: 02/05/2024 07:27:52", "Ngày hẹn trả: 04/05/2024 07:27:52",
          "Người nộp: Võ Đặng Ngọc Giả", "Cơ quan: H34.22.6", "Được tiếp nhận", "Hiển thị 10"}) {
      EXPECT_TRUE(contains(r.body, label)) << query << ": " << label;
    }
  }
  HttpResponse none = get("/can-bo/tra-cuu/don-vi?ten=nguyen&trang_thai=4", session);
  EXPECT_EQ(none.status, 200);
  EXPECT_FALSE(contains(none.body, kWardCase));
  EXPECT_TRUE(contains(none.body, "Không tìm thấy hồ sơ nào."));
  // Pagination keeps the query.
  HttpResponse all = get("/can-bo/tra-cuu/ca-nhan?ten=gia", session);
  EXPECT_TRUE(contains(all.body, kWardCase)) << all.body;
  EXPECT_FALSE(contains(all.body, kJusticeCase));
  EXPECT_TRUE(contains(all.body, "<span aria-current=\"page\">1</span>")) << all.body;
}

TEST_F(Console, LookupPaginationKeepsTheQuery) {
  for (int n = 1; n <= 11; ++n) {
    char code[32];
    std::snprintf(code, sizeof code, "H34.22.6-240426-%04d", n + 100);
    seed_case(code, "H34.22.6", "Võ Đặng Ngọc Giả", "062190008870");
  }
  std::string session = sign_in();
  HttpResponse first = get("/can-bo/tra-cuu/don-vi?ten=Ng%E1%BB%8Dc", session);
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(contains(first.body, ": 11")) << first.body;
  EXPECT_TRUE(
      contains(first.body,
               "href=\"/can-bo/tra-cuu/don-vi?ma&#61;&amp;cmnd&#61;&amp;ten&#61;Ng%E1%BB%8Dc&amp;"
               "trang_thai&#61;&amp;trang&#61;2\""))
      << first.body;
  HttpResponse second = get("/can-bo/tra-cuu/don-vi?ten=Ng%E1%BB%8Dc&trang=2", session);
  EXPECT_EQ(second.status, 200);
  EXPECT_TRUE(contains(second.body, "<span aria-current=\"page\">2</span>"));
}

TEST_F(Console, AnOfficerOfTheWardCannotSeeOrOpenAnotherAgencysCase) {
  seed_two_cases();
  std::string session = sign_in();
  HttpResponse agency = get("/can-bo/tra-cuu/co-quan", session);
  EXPECT_EQ(agency.status, 403);
  EXPECT_TRUE(contains(agency.body, "Bạn không có quyền thực hiện thao tác này."));
  HttpResponse unit = get("/can-bo/tra-cuu/don-vi?cmnd=062190008871", session);
  EXPECT_EQ(unit.status, 200);
  EXPECT_FALSE(contains(unit.body, kJusticeCase));
  HttpResponse other = get(std::string("/can-bo/ho-so/") + kJusticeCase, session);
  EXPECT_EQ(other.status, 403);
  EXPECT_FALSE(contains(other.body, "062190008871"));
  EXPECT_EQ(get("/can-bo/ho-so/H34.22.6-240426-9999", session).status, 404);
  std::string csrf = csrf_in(get(std::string("/can-bo/ho-so/") + kWardCase, session).body);
  EXPECT_EQ(post(std::string("/can-bo/ho-so/") + kJusticeCase + "/trang-thai",
                 "_csrf=" + csrf + "&version=1&to=4&reason=", session)
                .status,
            403);
}

TEST_F(Console, CasePageShowsTheGuidesFieldsAndTheFeeTable) {
  seed_two_cases();
  std::string session = sign_in();
  HttpResponse r = get(std::string("/can-bo/ho-so/") + kWardCase, session);
  ASSERT_EQ(r.status, 200) << r.body;
  for (const char* label : {"Mã số hồ sơ",
                            "Thủ tục",
                            "CCCD",
                            "062190008870",
                            "Hạn xử lý",
                            "02/05/2024 07:27:52",
                            "Thời gian còn lại",
                            "Còn lại 6 ngày",
                            "Hình thức tiếp nhận",
                            "Trực tiếp",
                            "Hình thức nhận kết quả",
                            "Nhận trực tiếp",
                            "Lệ phí",
                            "Mức lệ phí",
                            "Thành tiền",
                            "Mô tả",
                            "Hình thức thanh toán",
                            "2.000 VND",
                            "1.000 VND",
                            "3.000 VND",
                            "Đã thanh toán",
                            "Chưa thanh toán",
                            "Trực tuyến qua CDVCQG",
                            "(Còn lại 1.000 VND)",
                            "Đang xử lý"}) {
    EXPECT_TRUE(contains(r.body, label)) << label;
  }
}

TEST_F(Console, StatusChangeNeedsTheFormTokenAndFollowsTheTable) {
  seed_two_cases();
  std::string session = sign_in();
  std::string page = std::string("/can-bo/ho-so/") + kWardCase;
  std::string action = page + "/trang-thai";
  std::string csrf = csrf_in(get(page, session).body);
  ASSERT_FALSE(csrf.empty());

  EXPECT_EQ(post(action, "_csrf=forged&version=1&to=4&reason=", session).status, 403);
  EXPECT_EQ(post(action, "version=1&to=4&reason=", session).status, 403);

  HttpResponse illegal = post(action, "_csrf=" + csrf + "&version=1&to=10&reason=", session);
  EXPECT_EQ(illegal.status, 409);
  EXPECT_TRUE(contains(illegal.body, "Không thể chuyển hồ sơ")) << illegal.body;

  HttpResponse no_reason = post(action, "_csrf=" + csrf + "&version=1&to=8&reason=+", session);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "Vui lòng nhập lý do")) << no_reason.body;

  HttpResponse stale = post(action, "_csrf=" + csrf + "&version=7&to=4&reason=", session);
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(contains(stale.body, "người khác cập nhật"));

  HttpResponse unchanged = get(page, session);
  EXPECT_TRUE(contains(unchanged.body, "<dd>Được tiếp nhận</dd>")) << unchanged.body;

  HttpResponse moved = post(action, "_csrf=" + csrf + "&version=1&to=4&reason=", session);
  EXPECT_EQ(moved.status, 303) << moved.body;
  EXPECT_EQ(header_of(moved, "Location"), page);
  HttpResponse after = get(page, session);
  EXPECT_TRUE(contains(after.body, "<dd>Đang xử lý</dd>")) << after.body;
  EXPECT_TRUE(contains(after.body, "case.status"));
  EXPECT_TRUE(contains(after.body, "name=\"version\" value=\"2\""));
}

TEST_F(Console, NamesRenderEscapedOnLookupAndCasePages) {
  seed_case("H34.22.6-240426-0003", "H34.22.6", "<img src=x onerror=alert(1)> Giả", "062190008870");
  std::string session = sign_in();
  for (const char* path :
       {"/can-bo/tra-cuu/don-vi?cmnd=062190008870", "/can-bo/ho-so/H34.22.6-240426-0003",
        "/can-bo/tra-cuu/don-vi?ten=%3Cscript%3E"}) {
    HttpResponse r = get(path, session);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_FALSE(contains(r.body, "<img src=x")) << path;
    EXPECT_FALSE(contains(r.body, "<script>")) << path;
  }
  EXPECT_TRUE(contains(get("/can-bo/ho-so/H34.22.6-240426-0003", session).body,
                       "&lt;img src&#61;x onerror&#61;alert(1)&gt; Giả"));
}

class PendingCases : public Console {
 protected:
  void SetUp() override {
    Console::SetUp();
    seed_case(kWardCase, "H34.22.6", "Võ Đặng Ngọc Giả", "062190008870", core::CaseStatus::kNew);
    seed_case(kJusticeCase, "H34.4", "Võ Đặng Ngọc Giả", "062190008871", core::CaseStatus::kNew);
    seed_case(kAcceptedCase, "H34.22.6", "Trần Văn An", "062190008872");
    session_ = sign_in();
    HttpResponse list = get(kList, session_);
    EXPECT_EQ(list.status, 200) << list.body;
    csrf_ = csrf_in(list.body);
  }

  HttpResponse change(const std::string& body, const std::string& csrf) {
    return post(std::string("/can-bo/ho-so/") + kWardCase + "/trang-thai",
                "_csrf=" + csrf + "&version=1&return_to=%2Fcan-bo%2Fho-so-cho-tiep-nhan&" + body,
                session_);
  }

  std::string case_page() { return get(std::string("/can-bo/ho-so/") + kWardCase, session_).body; }

  static constexpr const char* kList = "/can-bo/ho-so-cho-tiep-nhan";
  static constexpr const char* kAcceptedCase = "H34.22.6-240426-0003";
  std::string session_;
  std::string csrf_;
};

TEST_F(PendingCases, ListsTheUnitsNewCasesWithBothActions) {
  HttpResponse r = get(kList, session_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "href=\"/can-bo/ho-so/H34.22.6-240426-0002\"")) << r.body;
  EXPECT_FALSE(contains(r.body, kJusticeCase));
  EXPECT_FALSE(contains(r.body, kAcceptedCase));
  EXPECT_FALSE(contains(r.body, "Chức năng đang được xây dựng"));
  for (const char* label : {"Hồ sơ chờ tiếp nhận", "Mới đăng ký", "Tiếp nhận", "Không tiếp nhận",
                            "Lý do không tiếp nhận", "name=\"version\" value=\"1\"",
                            "action=\"/can-bo/ho-so/H34.22.6-240426-0002/trang-thai\""}) {
    EXPECT_TRUE(contains(r.body, label)) << label;
  }
  EXPECT_FALSE(csrf_.empty());
}

TEST_F(PendingCases, AcceptingMovesTheCaseOffTheList) {
  HttpResponse r = change("to=2&reason=", csrf_);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(header_of(r, "Location"), kList);
  EXPECT_TRUE(contains(case_page(), "<dd>Được tiếp nhận</dd>"));
  EXPECT_FALSE(contains(get(kList, session_).body, kWardCase));
}

TEST_F(PendingCases, RefusingNeedsAReason) {
  HttpResponse none = change("to=3&reason=++", csrf_);
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(contains(none.body, "Vui lòng nhập lý do cho trạng thái này.")) << none.body;
  EXPECT_TRUE(contains(case_page(), "<dd>Mới đăng ký</dd>"));
  EXPECT_TRUE(contains(get(kList, session_).body, kWardCase));

  HttpResponse refused = change("to=3&reason=Thi%E1%BA%BFu+gi%E1%BA%A5y+t%E1%BB%9D", csrf_);
  EXPECT_EQ(refused.status, 303) << refused.body;
  EXPECT_EQ(header_of(refused, "Location"), kList);
  EXPECT_TRUE(contains(case_page(), "<dd>Không được tiếp nhận</dd>"));
  EXPECT_FALSE(contains(get(kList, session_).body, kWardCase));
}

TEST_F(PendingCases, AForgedFormTokenIsRefusedAndChangesNothing) {
  EXPECT_EQ(change("to=2&reason=", "forged").status, 403);
  EXPECT_EQ(post(std::string("/can-bo/ho-so/") + kWardCase + "/trang-thai",
                 "version=1&to=2&reason=", session_)
                .status,
            403);
  EXPECT_TRUE(contains(case_page(), "<dd>Mới đăng ký</dd>"));
}

TEST_F(PendingCases, ReturnAddressOutsideTheConsoleIsIgnored) {
  HttpResponse r =
      post(std::string("/can-bo/ho-so/") + kWardCase + "/trang-thai",
           "_csrf=" + csrf_ + "&version=1&to=2&reason=&return_to=%2F%2Fevil.example", session_);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(header_of(r, "Location"), std::string("/can-bo/ho-so/") + kWardCase);
}

}  // namespace
}  // namespace motcua::adapters::web
