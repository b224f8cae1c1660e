// "Quản lý hồ sơ" (/quan-ly-ho-so): the signed-in citizen's online cases only, the guide's
// filters and columns, "Hiển thị" and pages, the pay link, the empty list.
#include <chrono>
#include <string>

#include "mycases_fixture.h"

namespace motcua::adapters::web {
namespace {

class MyCasesList : public MyCasesFixture {
 protected:
  // The number of result rows in a page (the head's row has <th> cells).
  static int rows_in(const std::string& html) {
    int rows = 0;
    for (std::size_t at = html.find("<tr><td>"); at != std::string::npos;
         at = html.find("<tr><td>", at + 1)) {
      ++rows;
    }
    return rows;
  }

  // `count` cases of the owner, the n-th submitted n minutes after the first.
  void seed_many(int count) {
    for (int n = 1; n <= count; ++n) {
      char code[32];
      std::snprintf(code, sizeof code, "H34.22.6-240426-%04d", n);
      online_case(code, owner_, core::CaseStatus::kNew, "H34.22.6",
                  [n](core::CaseRecord& c) { c.submitted_at += std::chrono::minutes(n); });
    }
  }
};

TEST_F(MyCasesList, ListsOnlyTheAccountsOwnOnlineCases) {
  online_case("H34.22.6-240426-0002", owner_);
  online_case("H34.4-240503-0012", owner_, core::CaseStatus::kAccepted, "H34.4");
  online_case("H34.22.6-240426-0003", other_);
  // At the counter, with the owner's own ID number, but not submitted from the account.
  seed_case("H34.22.6-240426-0004", "H34.22.6", citizen(kOwnId));

  HttpResponse page = get("/quan-ly-ho-so", citizen_cookie(owner_));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(rows_in(page.body), 2);
  EXPECT_TRUE(contains(page.body, ">H34.22.6-240426-0002</a>"));
  EXPECT_TRUE(contains(page.body, ">H34.4-240503-0012</a>"));
  EXPECT_FALSE(contains(page.body, "H34.22.6-240426-0003")) << "another account's case";
  EXPECT_FALSE(contains(page.body, "H34.22.6-240426-0004")) << "a counter case";
  for (const char* column : {"STT", "Số hồ sơ", "Thủ tục thực hiện", "Trạng thái",
                             "Đơn vị thực hiện", "Ngày nộp", "Thao tác"}) {
    EXPECT_TRUE(contains(page.body, std::string("<th scope=\"col\">") + column + "</th>"))
        << column;
  }
  EXPECT_TRUE(contains(page.body,
                       "<td>Thủ tục chứng thực bản sao từ bản chính</td><td>Được tiếp nhận</td>"
                       "<td>Sở Tư pháp</td><td>26/04/2024 07:27:52</td>"));
  EXPECT_TRUE(contains(page.body, "href=\"/quan-ly-ho-so/H34.4-240503-0012\">Xem</a>"));

  HttpResponse others = get("/quan-ly-ho-so", citizen_cookie(other_));
  EXPECT_EQ(rows_in(others.body), 1);
  EXPECT_TRUE(contains(others.body, ">H34.22.6-240426-0003</a>"));
}

TEST_F(MyCasesList, VisitorsAndStaffAreSentToSignIn) {
  for (const std::string& cookie : {std::string(), sign_in()}) {
    HttpResponse r = get("/quan-ly-ho-so?trang_thai=1", cookie);
    EXPECT_EQ(r.status, 303) << cookie;
    EXPECT_EQ(header_of(r, "Location"), "/dang-nhap?tiep=%2Fquan-ly-ho-so%3Ftrang_thai%3D1");
  }
}

TEST_F(MyCasesList, FiltersByCaseNumberOrItsStart) {
  online_case("H34.22.6-240426-0002", owner_);
  online_case("H34.4-240503-0012", owner_, core::CaseStatus::kNew, "H34.4");
  std::string cookie = citizen_cookie(owner_);
  HttpResponse exact = get("/quan-ly-ho-so?so=H34.4-240503-0012", cookie);
  EXPECT_EQ(rows_in(exact.body), 1);
  EXPECT_TRUE(contains(exact.body, ">H34.4-240503-0012</a>"));
  EXPECT_TRUE(contains(exact.body, "name=\"so\" value=\"H34.4-240503-0012\""));
  HttpResponse start = get("/quan-ly-ho-so?so=+h34.22.6-2404", cookie);
  EXPECT_EQ(rows_in(start.body), 1);
  EXPECT_TRUE(contains(start.body, ">H34.22.6-240426-0002</a>"));
  HttpResponse none = get("/quan-ly-ho-so?so=H34.9", cookie);
  EXPECT_EQ(rows_in(none.body), 0);
  EXPECT_TRUE(contains(none.body, "Không có hồ sơ nào khớp với điều kiện tìm kiếm."));
}

TEST_F(MyCasesList, FiltersByStatusWithAllAsTheDefault) {
  online_case("H34.22.6-240426-0002", owner_, core::CaseStatus::kNew);
  online_case("H34.22.6-240426-0003", owner_, core::CaseStatus::kAccepted);
  std::string cookie = citizen_cookie(owner_);
  HttpResponse all = get("/quan-ly-ho-so", cookie);
  EXPECT_EQ(rows_in(all.body), 2);
  EXPECT_TRUE(contains(all.body, "<option value=\"\">Tất cả</option>"));
  EXPECT_TRUE(contains(all.body, "<option value=\"11\">Đã hủy</option>"));
  HttpResponse accepted = get("/quan-ly-ho-so?trang_thai=2", cookie);
  EXPECT_EQ(rows_in(accepted.body), 1);
  EXPECT_TRUE(contains(accepted.body, ">H34.22.6-240426-0003</a>"));
  EXPECT_TRUE(contains(accepted.body, "<option value=\"2\" selected>Được tiếp nhận</option>"));
  // Not a status: "Tất cả".
  EXPECT_EQ(rows_in(get("/quan-ly-ho-so?trang_thai=99", cookie).body), 2);
}

TEST_F(MyCasesList, FiltersByFieldOfTheCatalogue) {
  seed([](app::Repositories& r) -> core::Status {
    core::Procedure birth;
    birth.code = "1.001193.000.00.00.H34";
    birth.name = "Thủ tục đăng ký khai sinh";
    birth.field = "Hộ tịch";
    return r.procedures().save(birth);
  });
  online_case("H34.22.6-240426-0002", owner_);
  online_case("H34.22.6-240426-0003", owner_, core::CaseStatus::kNew, "H34.22.6",
              [](core::CaseRecord& c) {
                c.procedure_code = "1.001193.000.00.00.H34";
                c.procedure_name = "Thủ tục đăng ký khai sinh";
              });
  std::string cookie = citizen_cookie(owner_);
  HttpResponse all = get("/quan-ly-ho-so", cookie);
  EXPECT_TRUE(contains(all.body, "<option value=\"\">-Không chọn-</option>"));
  EXPECT_TRUE(contains(all.body, "<option value=\"Hộ tịch\">Hộ tịch</option>"));
  HttpResponse births = get("/quan-ly-ho-so?linh_vuc=" + url_encoded("Hộ tịch"), cookie);
  EXPECT_EQ(rows_in(births.body), 1);
  EXPECT_TRUE(contains(births.body, "<td>Thủ tục đăng ký khai sinh</td>"));
  EXPECT_TRUE(contains(births.body, "<option value=\"Hộ tịch\" selected>Hộ tịch</option>"));
  HttpResponse copies = get("/quan-ly-ho-so?linh_vuc=" + url_encoded("Chứng thực"), cookie);
  EXPECT_EQ(rows_in(copies.body), 1);
  EXPECT_TRUE(contains(copies.body, ">H34.22.6-240426-0002</a>"));
}

TEST_F(MyCasesList, PagesTenAtATimeNewestFirstAndShowsTwentyOrFifty) {
  seed_many(25);
  std::string cookie = citizen_cookie(owner_);
  HttpResponse first = get("/quan-ly-ho-so", cookie);
  EXPECT_EQ(rows_in(first.body), 10);
  EXPECT_TRUE(contains(first.body,
                       "<tr><td>1</td><td><a href=\"/quan-ly-ho-so/"
                       "H34.22.6-240426-0025\">"))
      << "newest first";
  EXPECT_TRUE(contains(first.body, "<option value=\"10\" selected>10</option>"));
  EXPECT_TRUE(contains(first.body, "<span aria-current=\"page\">1</span>"));
  EXPECT_TRUE(contains(first.body,
                       "href=\"/quan-ly-ho-so?so&#61;&amp;trang_thai&#61;&amp;linh_vuc&#61;&amp;"
                       "hien_thi&#61;10&amp;trang&#61;3\">3</a>"));

  HttpResponse third = get("/quan-ly-ho-so?trang=3", cookie);
  EXPECT_EQ(rows_in(third.body), 5);
  EXPECT_TRUE(contains(third.body,
                       "<tr><td>21</td><td><a href=\"/quan-ly-ho-so/"
                       "H34.22.6-240426-0005\">"));
  EXPECT_TRUE(contains(third.body, "<tr><td>25</td>"));

  HttpResponse twenty = get("/quan-ly-ho-so?hien_thi=20&trang=2", cookie);
  EXPECT_EQ(rows_in(twenty.body), 5);
  EXPECT_TRUE(contains(twenty.body, "<option value=\"20\" selected>20</option>"));
  EXPECT_TRUE(contains(twenty.body, "<tr><td>21</td>"));
  EXPECT_EQ(rows_in(get("/quan-ly-ho-so?hien_thi=50", cookie).body), 25);
  EXPECT_EQ(rows_in(get("/quan-ly-ho-so?hien_thi=7", cookie).body), 10) << "not a choice: 10";
  EXPECT_EQ(rows_in(get("/quan-ly-ho-so?trang=99999999999999999", cookie).body), 0);
}

TEST_F(MyCasesList, AnEmptyListLeadsToOnlineSubmission) {
  online_case("H34.22.6-240426-0003", other_);
  HttpResponse page = get("/quan-ly-ho-so", citizen_cookie(owner_));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(rows_in(page.body), 0);
  EXPECT_TRUE(contains(page.body, "Bạn chưa có hồ sơ nào nộp trực tuyến."));
  EXPECT_TRUE(contains(page.body, "href=\"/dich-vu-cong-truc-tuyen\""));
  EXPECT_FALSE(contains(page.body, "<th scope=\"col\">STT</th>"));
}

TEST_F(MyCasesList, OffersPaymentOnlyWhereSomethingIsDueAndPayable) {
  online_case("H34.22.6-240426-0002", owner_);  // 1.000 due, fees up front
  online_case("H34.22.6-240426-0003", owner_, core::CaseStatus::kNew, "H34.22.6",
              [](core::CaseRecord& c) {
                c.fee_lines[1].paid = true;
                c.fee_lines[1].method = core::PaymentMethod::kCash;
              });
  online_case("H34.22.6-240426-0004", owner_, core::CaseStatus::kCancelled);
  HttpResponse page = get("/quan-ly-ho-so", citizen_cookie(owner_));
  EXPECT_TRUE(contains(page.body, "href=\"" + pay_link("H34.22.6-240426-0002") + "\">Thanh toán"));
  EXPECT_FALSE(contains(page.body, pay_link("H34.22.6-240426-0003"))) << "all paid";
  EXPECT_FALSE(contains(page.body, pay_link("H34.22.6-240426-0004"))) << "cancelled";
}

TEST_F(MyCasesList, EscapesWhatItShowsAndSpeaksEnglish) {
  online_case("H34.22.6-240426-0002", owner_, core::CaseStatus::kNew, "H34.22.6",
              [](core::CaseRecord& c) { c.procedure_name = "<script>alert(1)</script>"; });
  std::string cookie = citizen_cookie(owner_);
  HttpResponse page = get("/quan-ly-ho-so?so=%22%3E%3Cb%3E", cookie);
  EXPECT_FALSE(contains(page.body, "\"><b>"));
  EXPECT_TRUE(contains(page.body, "value=\"&quot;&gt;&lt;b&gt;\""));
  HttpResponse list = get("/quan-ly-ho-so", cookie);
  EXPECT_FALSE(contains(list.body, "<script>alert"));
  EXPECT_TRUE(contains(list.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));

  HttpResponse english = get("/quan-ly-ho-so?lang=en", cookie);
  EXPECT_TRUE(contains(english.body, "<h1 id=\"my-title\">My cases</h1>"));
  EXPECT_TRUE(contains(english.body, "<th scope=\"col\">Processing unit</th>"));
  EXPECT_FALSE(contains(english.body, "Thủ tục thực hiện"));
}

}  // namespace
}  // namespace motcua::adapters::web
