// The console's web layer end to end in process: WebApp over a real SQLite store, requests
// built by hand, responses read as a browser would.
#include "console_fixture.h"

namespace motcua::adapters::web {
namespace {

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
          "Người nộp: Võ Đặng Ngọc Giả", "Cơ quan: Bộ phận TN&amp;TKQ phường Trần Hưng Đạo",
          "Cán bộ: &lt;script&gt;", "Được tiếp nhận", "Hiển thị 10"}) {
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

TEST_F(Console, AdvancedSearchFiltersByReceptionDaysAndSaysWhenADateIsWrong) {
  seed_two_cases();
  seed_case("H34.22.6-240506-0001", "H34.22.6", "Võ Đặng Ngọc Giả", "062190008870");
  // The third case was received on 06/05/2024 instead.
  ASSERT_TRUE(store_
                  ->transact([&](app::Repositories& r) -> core::Status {
                    auto found = r.cases().find_by_code("H34.22.6-240506-0001");
                    if (!found.ok()) return found.error();
                    core::CaseRecord c = **found;
                    c.received_at = std::chrono::sys_days{std::chrono::year{2024} / 5 / 6};
                    return r.cases().update(c);
                  })
                  .ok());
  std::string session = sign_in();
  // Whole Vietnam-local days, both ends included, in either shape people type.
  for (const char* range : {"tu_ngay=26/04/2024&den_ngay=26/04/2024",
                            "tu_ngay=2024-04-26&den_ngay=2024-04-30", "den_ngay=01/05/2024"}) {
    HttpResponse r = get(std::string("/can-bo/tra-cuu/don-vi?") + range, session);
    ASSERT_EQ(r.status, 200) << range;
    EXPECT_TRUE(contains(r.body, kWardCase)) << range;
    EXPECT_FALSE(contains(r.body, "H34.22.6-240506-0001")) << range;
    EXPECT_TRUE(contains(r.body, "<details open>")) << "the advanced search stays open";
  }
  HttpResponse later = get("/can-bo/tra-cuu/don-vi?tu_ngay=06/05/2024", session);
  EXPECT_TRUE(contains(later.body, "H34.22.6-240506-0001"));
  EXPECT_FALSE(contains(later.body, kWardCase));

  for (const char* wrong : {"tu_ngay=31/02/2024", "den_ngay=h%C3%B4m+qua", "tu_ngay=2024-13-01"}) {
    HttpResponse r = get(std::string("/can-bo/tra-cuu/don-vi?") + wrong, session);
    EXPECT_EQ(r.status, 200) << wrong;
    EXPECT_TRUE(contains(r.body, "Ngày không hợp lệ")) << wrong;
    EXPECT_FALSE(contains(r.body, kWardCase)) << wrong;
  }
  HttpResponse reversed =
      get("/can-bo/tra-cuu/don-vi?tu_ngay=06/05/2024&den_ngay=26/04/2024", session);
  EXPECT_TRUE(contains(reversed.body, "Ngày kết thúc không được trước ngày bắt đầu."))
      << reversed.body;
}

TEST_F(Console, AdvancedSearchOffersTheCataloguesProceduresAndFields) {
  ASSERT_TRUE(store_
                  ->transact([&](app::Repositories& r) -> core::Status {
                    core::Procedure p;
                    p.code = "2.000815.000.00.00.H34";
                    p.name = "Chứng thực bản sao";
                    p.field = "Chứng thực";
                    p.level = "Xã";
                    p.processing_days = 1;
                    return r.procedures().save(p);
                  })
                  .ok());
  seed_two_cases();
  std::string session = sign_in();
  HttpResponse form = get("/can-bo/tra-cuu/don-vi", session);
  EXPECT_TRUE(contains(form.body, "<option value=\"Chứng thực\">Chứng thực</option>")) << form.body;
  EXPECT_TRUE(contains(form.body, "2.000815.000.00.00.H34 - Chứng thực bản sao"));
  HttpResponse by_field =
      get("/can-bo/tra-cuu/don-vi?linh_vuc=Ch%E1%BB%A9ng+th%E1%BB%B1c", session);
  EXPECT_TRUE(contains(by_field.body, kWardCase));
  EXPECT_TRUE(contains(by_field.body, "<option value=\"Chứng thực\" selected>")) << by_field.body;
  HttpResponse other_field =
      get("/can-bo/tra-cuu/don-vi?linh_vuc=H%E1%BB%99+t%E1%BB%8Bch", session);
  EXPECT_FALSE(contains(other_field.body, kWardCase));
  HttpResponse by_procedure = get("/can-bo/tra-cuu/don-vi?thu_tuc=2.000815.000.00.00.H34", session);
  EXPECT_TRUE(contains(by_procedure.body, kWardCase));
  EXPECT_FALSE(contains(get("/can-bo/tra-cuu/don-vi?thu_tuc=1.001193", session).body, kWardCase));
}

TEST_F(Console, CasePageHasTheGuidesTabsAndShowsTheProcessingResult) {
  seed_two_cases();
  std::string session = sign_in();
  std::string page = std::string("/can-bo/ho-so/") + kWardCase;
  HttpResponse before = get(page, session);
  for (const char* tab :
       {"href=\"#info\"", "href=\"#fees\"", "href=\"#files\"", "href=\"#result\"",
        "href=\"#history\"", "File đính kèm", "Kết quả xử lý", "Hồ sơ chưa có kết quả xử lý.",
        "Bộ phận TN&amp;TKQ phường Trần Hưng Đạo", "04/05/2024 07:27:52"}) {
    EXPECT_TRUE(contains(before.body, tab)) << tab;
  }
  std::string csrf = csrf_in(before.body);
  ASSERT_EQ(post(page + "/trang-thai", "_csrf=" + csrf + "&version=1&to=4&reason=", session).status,
            303);
  ASSERT_EQ(post(page + "/trang-thai",
                 "_csrf=" + csrf + "&version=2&to=8&reason=Thi%E1%BA%BFu+gi%E1%BA%A5y+t%E1%BB%9D",
                 session)
                .status,
            303);
  HttpResponse after = get(page, session);
  EXPECT_FALSE(contains(after.body, "Hồ sơ chưa có kết quả xử lý."));
  for (const char* shown : {"<dd>Dừng xử lý</dd>", "<dd>Thiếu giấy tờ</dd>",
                            "<dd>&lt;script&gt;alert(1)&lt;/script&gt; Võ</dd>",
                            "<td>Dừng xử lý</td><td>Thiếu giấy tờ</td>"}) {
    EXPECT_TRUE(contains(after.body, shown)) << shown << after.body;
  }
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
  EXPECT_TRUE(contains(
      first.body,
      "href=\"/can-bo/tra-cuu/don-vi?ma&#61;&amp;cmnd&#61;&amp;ten&#61;Ng%E1%BB%8Dc&amp;"
      "trang_thai&#61;&amp;thu_tuc&#61;&amp;linh_vuc&#61;&amp;tu_ngay&#61;&amp;den_ngay&#61;&amp;"
      "trang&#61;2\""))
      << first.body;
  HttpResponse second = get("/can-bo/tra-cuu/don-vi?ten=Ng%E1%BB%8Dc&trang=2", session);
  EXPECT_EQ(second.status, 200);
  EXPECT_TRUE(contains(second.body, "<span aria-current=\"page\">2</span>"));
}

// Past 1,000 matches the page says "hơn 1.000" instead of counting them all, and the page
// links still reach past the thousandth match.
TEST_F(Console, ManyMatchesAreCountedUpToAThousandAndStillPaged) {
  core::CaseRecord c = seed_case("H34.22.6-240426-1000", "H34.22.6", "Lê Thanh Thủy", "1");
  core::Status s = store_->transact([&](app::Repositories& r) -> core::Status {
    for (int n = 1; n <= 1000; ++n) {
      char code[32];
      std::snprintf(code, sizeof code, "H34.22.6-240426-%04d", 2000 + n);
      c.code = code;
      c.submitted_at += std::chrono::seconds{1};
      if (auto id = r.cases().insert(c); !id.ok()) return id.error();
    }
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  std::string session = sign_in();
  HttpResponse first = get("/can-bo/tra-cuu/don-vi?ten=le+thanh", session);
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(contains(first.body, "Số hồ sơ tìm thấy: hơn 1.000</p>")) << first.body;
  // Newest first: the last one seeded.
  EXPECT_TRUE(contains(first.body, "H34.22.6-240426-3000")) << first.body;
  EXPECT_TRUE(contains(first.body, "trang&#61;100\">100</a>\n  <span class=\"gap\">…</span>"))
      << first.body;
  EXPECT_FALSE(contains(first.body, "trang&#61;101\"")) << first.body;
  HttpResponse english = get("/can-bo/tra-cuu/don-vi?ten=le+thanh&lang=en", session);
  EXPECT_TRUE(contains(english.body, "Cases found: more than 1,000")) << english.body;
  // Near the end the count reaches every match: the exact total and the true last page.
  HttpResponse last = get("/can-bo/tra-cuu/don-vi?ten=le+thanh&trang=101", session);
  ASSERT_EQ(last.status, 200);
  EXPECT_TRUE(contains(last.body, "Số hồ sơ tìm thấy: 1.001</p>")) << last.body;
  EXPECT_TRUE(contains(last.body, "<span aria-current=\"page\">101</span>")) << last.body;
  EXPECT_TRUE(contains(last.body, "H34.22.6-240426-1000")) << last.body;
  EXPECT_FALSE(contains(last.body, "trang&#61;102")) << last.body;
  EXPECT_FALSE(contains(last.body, "hơn")) << last.body;
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
  EXPECT_EQ(other.status, 404) << "a case outside the scope is not revealed";
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
  EXPECT_TRUE(contains(after.body, "<td>Chuyển trạng thái</td>")) << after.body;
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

TEST_F(Console, AnUnknownPageAnswersTheConsolesNotFoundPage) {
  HttpResponse stranger = get("/can-bo/khong-co");
  EXPECT_EQ(stranger.status, 404);
  EXPECT_TRUE(contains(stranger.body, "Không tìm thấy trang.")) << stranger.body;
  EXPECT_TRUE(contains(stranger.body, "lang=\"vi\""));
  std::string session = sign_in();
  HttpResponse officer = get("/can-bo/khong-co", session);
  EXPECT_EQ(officer.status, 404);
  EXPECT_TRUE(contains(officer.body, "Đăng xuất")) << "the signed-in console around it";
  EXPECT_EQ(get("/api/v1/khong-co", session).content_type, "application/problem+json")
      << "the API keeps its own answer";
}

}  // namespace
}  // namespace motcua::adapters::web
