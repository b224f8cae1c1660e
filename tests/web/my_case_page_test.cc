// The citizen's case page (/quan-ly-ho-so/{code}): the owner's case only (404 alike for others'
// and unknown codes), its facts, the guide's fee table, the pay button's rules, the receipts
// under the pay link, the status timeline, and "Nộp hồ sơ thành công" after a submission.
#include <string>
#include <tuple>

#include "adapters/storage/case_event_feed.h"
#include "app/case_workflow.h"
#include "mycases_fixture.h"

namespace motcua::adapters::web {
namespace {

class MyCasePage : public MyCasesFixture {
 protected:
  static constexpr const char* kCode = "H34.22.6-240426-0002";
  static std::string path(const std::string& code = kCode) { return "/quan-ly-ho-so/" + code; }

  HttpResponse open(const std::string& target = path()) {
    return get(target, citizen_cookie(owner_));
  }

  // The officer "canbo" moves the case as the console would (an audit entry "case.status").
  void officer_moves(const std::string& code, core::CaseStatus to, const std::string& reason) {
    core::StaffMember officer;
    seed([&](app::Repositories& r) -> core::Status {
      officer = r.staff().find_by_username("canbo").value().value();
      return {};
    });
    app::CaseWorkflow workflow(*store_, clock_, calendar_);
    core::Result<core::CaseRecord> moved =
        workflow.change_status(officer, code, stored(code)->version, to, reason);
    ASSERT_TRUE(moved.ok()) << moved.error().message;
  }
};

TEST_F(MyCasePage, ShowsTheOwnersCase) {
  online_case(kCode, owner_, core::CaseStatus::kNew, "H34.22.6", [](core::CaseRecord& c) {
    c.processing_agency_code = "H34.4";
    c.owner.name = "Nguyễn Thị Chủ";
  });
  HttpResponse page = open();
  ASSERT_EQ(page.status, 200);
  for (const char* fact :
       {"<dt>Mã số hồ sơ</dt><dd>H34.22.6-240426-0002</dd>",
        "<dt>Thủ tục</dt><dd>2.000815.000.00.00.H34 - Thủ tục chứng thực bản sao từ bản chính</dd>",
        "<dt>Đơn vị tiếp nhận</dt><dd>Bộ phận TN&amp;TKQ phường Trần Hưng Đạo</dd>",
        "<dt>Đơn vị thực hiện</dt><dd>Sở Tư pháp</dd>",
        "<dt>Người nộp</dt><dd>Võ Đặng Ngọc Giả</dd>", "<dt>Chủ hồ sơ</dt><dd>Nguyễn Thị Chủ</dd>",
        "<dt>Ngày nộp</dt><dd>26/04/2024 07:27:52</dd>",
        "<dt>Hình thức nhận kết quả</dt><dd>Nhận trực tiếp</dd>",
        "<dt>Trạng thái</dt><dd class=\"my-status\">Mới đăng ký</dd>"}) {
    EXPECT_TRUE(contains(page.body, fact)) << fact;
  }
  EXPECT_FALSE(contains(page.body, "Nộp hồ sơ thành công")) << "only right after submitting";
  EXPECT_TRUE(contains(page.body, "Chưa có bước xử lý nào được ghi nhận.")) << "no audit entry";
}

TEST_F(MyCasePage, AnotherAccountsCaseIsNotFoundLikeAnUnknownCode) {
  online_case(kCode, other_);
  seed_case("H34.22.6-240426-0004", "H34.22.6", citizen(kOwnId));  // a counter case, own ID
  std::string cookie = citizen_cookie(owner_);
  HttpResponse unknown = get(path("H34.22.6-240426-0009"), cookie);
  HttpResponse others = get(path(), cookie);
  HttpResponse counter = get(path("H34.22.6-240426-0004"), cookie);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(others.status, 404);
  EXPECT_EQ(counter.status, 404);
  EXPECT_TRUE(contains(others.body, "Không tìm thấy hồ sơ."));
  EXPECT_FALSE(contains(others.body, "Võ Đặng Ngọc Giả")) << "nothing of the case shows";
  EXPECT_TRUE(others.body == unknown.body) << "the same page";
  EXPECT_EQ(get(path(), citizen_cookie(other_)).status, 200) << "its owner sees it";
}

TEST_F(MyCasePage, VisitorsAreSentToSignInAndBack) {
  online_case(kCode, owner_);
  HttpResponse r = get(path() + "?da_nop=1");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(header_of(r, "Location"),
            "/dang-nhap?tiep=%2Fquan-ly-ho-so%2FH34.22.6-240426-0002%3Fda_nop%3D1");
  EXPECT_EQ(get(path(), sign_in()).status, 303) << "a staff session is not a citizen's";
}

TEST_F(MyCasePage, FeeTableHasTheGuidesColumnsTotalAndRemainder) {
  online_case(kCode, owner_);
  HttpResponse page = open();
  EXPECT_TRUE(contains(page.body,
                       "<th scope=\"col\">Loại lệ phí</th><th scope=\"col\">Số lượng</th>"
                       "<th scope=\"col\">Mức lệ phí</th><th scope=\"col\">Thành tiền</th>"
                       "<th scope=\"col\">Mô tả</th>"));
  EXPECT_TRUE(
      contains(page.body,
               "<tr><td>Phí chứng thực bản sao từ bản chính</td><td>1</td><td>2.000 VND</td>"
               "<td>2.000 VND</td><td>Phí chứng thực bản sao từ bản chính</td>"
               "<td>Đã thanh toán</td></tr>"));
  EXPECT_TRUE(
      contains(page.body,
               "<tr><td>Phí chứng thực bản sao từ bản chính</td><td>1</td><td>1.000 VND</td>"
               "<td>1.000 VND</td><td>Phí chứng thực bản sao từ bản chính từ trang thứ 3."
               "</td><td>Chưa thanh toán</td></tr>"));
  EXPECT_TRUE(contains(page.body, "<th scope=\"row\">Tổng</th>"));
  EXPECT_TRUE(contains(page.body, "<td class=\"my-total-amount\">3.000 VND</td>"));
  EXPECT_TRUE(contains(page.body, "<td class=\"my-outstanding\">(Còn lại 1.000 VND)</td>"));
}

TEST_F(MyCasePage, PayButtonFollowsUpFrontFeesAndTheStatus) {
  int n = 10;
  // fees_up_front, status, whether "Thanh toán" is offered.
  for (auto [up_front, status, offered] : {
           std::tuple{true, core::CaseStatus::kNew, true},
           {false, core::CaseStatus::kNew, false},
           {false, core::CaseStatus::kAccepted, true},
           {true, core::CaseStatus::kAccepted, true},
           {true, core::CaseStatus::kFinancialObligation, true},
           {true, core::CaseStatus::kCancelled, false},
           {false, core::CaseStatus::kCancelled, false},
           {true, core::CaseStatus::kRejected, false},
       }) {
    set_fees_up_front(up_front);
    std::string code = "H34.22.6-240426-00" + std::to_string(n++);
    online_case(code, owner_, status);
    HttpResponse page = open(path(code));
    std::string button = "href=\"" + pay_link(code) + "\">Thanh toán</a>";
    std::string label = std::string(up_front ? "up front, " : "after intake, ") +
                        std::string(core::label_vi(status));
    EXPECT_EQ(contains(page.body, button), offered) << label;
    EXPECT_EQ(contains(get("/quan-ly-ho-so", citizen_cookie(owner_)).body,
                       "href=\"" + pay_link(code) + "\""),
              offered)
        << "list: " << label;
    EXPECT_EQ(contains(page.body, "Phí, lệ phí được thanh toán sau khi hồ sơ được tiếp nhận."),
              !up_front && status == core::CaseStatus::kNew)
        << label;
  }
}

TEST_F(MyCasePage, NoPayButtonOnceEverythingIsPaid) {
  online_case(kCode, owner_);
  std::int64_t receipt = pay_online(kCode);
  ASSERT_GT(receipt, 0);
  HttpResponse page = open();
  EXPECT_FALSE(contains(page.body, ">Thanh toán</a>"));
  EXPECT_FALSE(contains(page.body, "Còn lại"));
  EXPECT_FALSE(contains(page.body, "Chưa thanh toán"));
}

TEST_F(MyCasePage, ListsReceiptsWithTheirPdfUnderThePayLink) {
  online_case(kCode, owner_);
  EXPECT_TRUE(contains(open().body, "Chưa có biên lai nào."));
  std::int64_t receipt = pay_online(kCode);
  ASSERT_GT(receipt, 0);
  HttpResponse page = open();
  std::string base = pay_link(kCode) + "/bien-lai/" + std::to_string(receipt);
  EXPECT_TRUE(contains(page.body, "<h3 id=\"my-receipts\">Thông tin biên lai thanh toán</h3>"));
  EXPECT_TRUE(contains(page.body,
                       "<td>01BLP0-001</td><td>AA-24E</td><td>0000001</td>"
                       "<td>1.000 VND</td>"));
  EXPECT_TRUE(contains(page.body, "Đã phát hành"));
  EXPECT_TRUE(contains(page.body, "href=\"" + base + "/pdf\">Xem biên lai</a>"));
  EXPECT_TRUE(contains(page.body, "href=\"" + base + "\">Chi tiết</a>"));
  HttpResponse pdf = get(base + "/pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.content_type, "application/pdf");
}

TEST_F(MyCasePage, TimelineShowsStatusChangesWithTimeAndNotTheOfficer) {
  online_case(kCode, owner_);
  clock_.advance(std::chrono::hours(2));
  officer_moves(kCode, core::CaseStatus::kAccepted, "");
  clock_.advance(std::chrono::minutes(30));
  officer_moves(kCode, core::CaseStatus::kSupplementRequested, "Thiếu bản chính <CCCD>");
  pay_online(kCode);  // a payment is on the fee table, not the timeline
  HttpResponse page = open();
  ASSERT_EQ(page.status, 200);
  std::size_t accepted = page.body.find("<time>26/04/2024 09:00:00</time>");
  std::size_t supplement = page.body.find("<time>26/04/2024 09:30:00</time>");
  ASSERT_NE(accepted, std::string::npos) << page.body;
  ASSERT_NE(supplement, std::string::npos);
  EXPECT_LT(accepted, supplement) << "oldest first";
  EXPECT_TRUE(contains(page.body, "<strong>Được tiếp nhận</strong>"));
  EXPECT_TRUE(contains(page.body, "<strong>Yêu cầu bổ sung giấy tờ</strong>"));
  EXPECT_TRUE(contains(page.body, "Thiếu bản chính &lt;CCCD&gt;"));
  EXPECT_FALSE(contains(page.body, "Cán bộ phường")) << "officers stay unnamed";
  EXPECT_FALSE(contains(page.body, "payment.succeeded"));
  EXPECT_FALSE(contains(page.body, "Chưa có bước xử lý nào"));
}

TEST_F(MyCasePage, SubmissionBannerRightAfterSubmittingANewCase) {
  online_case(kCode, owner_);
  HttpResponse page = open(path() + "?da_nop=1");
  std::size_t banner = page.body.find("<h1 id=\"my-submitted\">Nộp hồ sơ thành công</h1>");
  ASSERT_NE(banner, std::string::npos);
  EXPECT_LT(banner, page.body.find("<h1 id=\"my-case-title\">")) << "at the top";
  EXPECT_TRUE(contains(page.body, "<p>Mã số hồ sơ: <strong>H34.22.6-240426-0002</strong></p>"));
  EXPECT_TRUE(contains(page.body, "<p>Hồ sơ đang chờ tiếp nhận</p>"));
  officer_moves(kCode, core::CaseStatus::kAccepted, "");
  EXPECT_FALSE(contains(open(path() + "?da_nop=1").body, "Nộp hồ sơ thành công"))
      << "taken in: no longer waiting";
}

TEST_F(MyCasePage, EscapesTheCasesTextAndSpeaksEnglish) {
  online_case(kCode, owner_, core::CaseStatus::kNew, "H34.22.6", [](core::CaseRecord& c) {
    c.submitter.name = "<img src=x onerror=alert(1)>";
    c.fee_lines[1].description = "\"><script>x</script>";
  });
  HttpResponse page = open();
  EXPECT_FALSE(contains(page.body, "<img src=x"));
  EXPECT_FALSE(contains(page.body, "<script>x"));
  EXPECT_TRUE(contains(page.body, "&lt;img src&#61;x onerror&#61;alert(1)&gt;"));
  HttpResponse english = open(path() + "?lang=en");
  EXPECT_TRUE(contains(english.body, "<h2 id=\"my-fees\">Fees and charges</h2>"));
  EXPECT_TRUE(contains(english.body, "<th scope=\"col\">Fee type</th>"));
  EXPECT_FALSE(contains(english.body, "Loại lệ phí"));
}

// With the change feed, the pay button follows the pay link's event stream.
class MyCasePageLive : public MyCasePage {
 protected:
  void SetUp() override {
    open_store();
    if (HasFatalFailure()) return;
    seed([&](app::Repositories& r) { return seed_data(r); });
    if (HasFatalFailure()) return;
    feed_ = std::move(storage::DatabaseCaseEventFeed::start("sqlite://" + dir_.file("motcua.db"),
                                                            clock_, {}))
                .value();
    case_events_ = feed_.get();
    start_app();
    owner_ = add_citizen_account(kOwnId);
  }
  void TearDown() override {
    MyCasePage::TearDown();
    app_.reset();
    feed_.reset();
  }
  std::unique_ptr<storage::DatabaseCaseEventFeed> feed_;
};

TEST_F(MyCasePageLive, ThePayButtonFollowsThePayLinksStream) {
  online_case(kCode, owner_);
  HttpResponse page = open();
  EXPECT_TRUE(contains(page.body, "data-live-src=\"" + pay_link(kCode) + "/su-kien\""));
  EXPECT_TRUE(contains(page.body, "<p data-live=\"due\"><a class=\"pub-button pub-button-pay"));
  EXPECT_TRUE(contains(page.body, "<script src=\"/static/live_status.js\" defer></script>"));
  pay_online(kCode);
  EXPECT_FALSE(contains(open().body, "data-live-src")) << "nothing left to wait for";
}

TEST_F(MyCasePage, WithoutTheChangeFeedThePageIsStatic) {
  online_case(kCode, owner_);
  HttpResponse page = open();
  EXPECT_TRUE(contains(page.body, ">Thanh toán</a>"));
  EXPECT_FALSE(contains(page.body, "data-live-src"));
}

}  // namespace
}  // namespace motcua::adapters::web
