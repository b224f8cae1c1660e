// The public catalogue ("Thủ tục hành chính", a procedure's page, /tim-kiem) and the public
// "Tra cứu hồ sơ": search without diacritics, filters, groups, pages, escaping, the 404 page,
// and a case's status only for its code plus the submitter's last 4 digits.
#include <chrono>
#include <string>

#include "app/json_object.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

using namespace std::chrono_literals;

class CataloguePages : public WebFixture {
 protected:
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = WebFixture::seed_data(r); !s.ok()) return s;
    // The fixture's copy certification, with the catalogue's public facts.
    core::Procedure copy = copy_certification();
    copy.implementing_agency = "Ủy ban nhân dân cấp xã";
    copy.documents = {{"Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", 1, 0, true},
                      {"Bản sao cần chứng thực", 0, 1, true},
                      {"Giấy ủy quyền <b>", 1, 0, false}};
    copy.legal_basis = "Nghị định 23/2015/NĐ-CP";
    core::ProcedureFee old_fee = copy.fees.front();  // a fee that no longer applies
    old_fee.item.name = "Phí cũ đã hết hiệu lực";
    old_fee.valid_from = std::chrono::sys_days{std::chrono::year{2010} / 1 / 1};
    old_fee.valid_until = std::chrono::sys_days{std::chrono::year{2016} / 12 / 31};
    copy.fees.push_back(old_fee);
    if (auto s = r.procedures().save(copy); !s.ok()) return s;
    for (const core::Procedure& p :
         {procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", "Xã", true),
          procedure("3.000333", "Cấp Phiếu lý lịch tư pháp", "Lý lịch tư pháp",
                    "Tỉnh (Công an tỉnh)", false)}) {
      if (auto s = r.procedures().save(p); !s.ok()) return s;
    }
    return {};
  }

  static core::Procedure procedure(std::string code, std::string name, std::string field,
                                   std::string level, bool online) {
    core::Procedure p;
    p.code = std::move(code);
    p.name = std::move(name);
    p.field = std::move(field);
    p.level = std::move(level);
    p.processing_days = 10;
    p.online = online;
    return p;
  }

  // The number after "Số thủ tục tìm thấy".
  static std::string total_of(const std::string& html) {
    std::string mark = "<strong class=\"cat-total\">";
    std::size_t at = html.find(mark);
    if (at == std::string::npos) return "(none)";
    at += mark.size();
    return html.substr(at, html.find('<', at) - at);
  }

  static std::string notice_of(const std::string& html) {
    for (std::string mark :
         {"<p class=\"message\" role=\"status\">", "<p class=\"error\" role=\"alert\">"}) {
      std::size_t at = html.find(mark);
      if (at == std::string::npos) continue;
      at += mark.size();
      return html.substr(at, html.find('<', at) - at);
    }
    return "";
  }

  // The stored procedure, read behind the pages' back.
  core::Procedure public_procedure_now(const std::string& code) {
    core::Procedure out;
    seed([&](app::Repositories& r) -> core::Status {
      auto found = r.procedures().find(code);
      if (!found.ok()) return found.error();
      if (!found->has_value()) return core::Error{core::ErrorKind::kNotFound, code};
      out = **found;
      return {};
    });
    return out;
  }

  // Adds an audit entry of the case's move to `status` at `at`.
  void audit_status(const std::string& code, core::CaseStatus status, std::chrono::sys_seconds at) {
    seed([&](app::Repositories& r) {
      return r.audit().append(
          {.at = at,
           .actor = "staff:1",
           .action = "case.status",
           .entity_type = "case",
           .entity_id = code,
           .after = app::JsonObject()
                        .add("status", core::label_vi(status))
                        .add("status_code", std::int64_t{static_cast<int>(status)})
                        .add("reason", "lý do nội bộ")
                        .str()});
    });
  }
};

TEST_F(CataloguePages, ListsTheCataloguesColumnsAndOnlineLinks) {
  HttpResponse page = get("/thu-tuc-hanh-chinh");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<html lang=\"vi\">"));
  EXPECT_EQ(total_of(page.body), "3");
  for (const char* label :
       {">Mã thủ tục<", ">Tên thủ tục<", ">Lĩnh vực<", ">Cấp thực hiện<", ">Nộp trực tuyến<"}) {
    EXPECT_TRUE(contains(page.body, label)) << label;
  }
  EXPECT_TRUE(contains(page.body, "href=\"/thu-tuc-hanh-chinh/2.000815.000.00.00.H34\""));
  EXPECT_TRUE(contains(page.body, "href=\"/dich-vu-cong-truc-tuyen/2.000815.000.00.00.H34\""));
  EXPECT_TRUE(contains(page.body, "href=\"/dich-vu-cong-truc-tuyen/1.001193\""));
  EXPECT_FALSE(contains(page.body, "/dich-vu-cong-truc-tuyen/3.000333")) << "not offered online";
  EXPECT_FALSE(contains(page.body, "href=\"\"")) << "no empty link";
  EXPECT_TRUE(contains(page.body, "<td>Tỉnh (Công an tỉnh)</td>"));
  EXPECT_FALSE(contains(page.body, "đang được xây dựng"));
}

TEST_F(CataloguePages, SearchIgnoresCaseAndDiacritics) {
  for (const char* q : {"chung+thuc", "CH%E1%BB%A8NG+TH%E1%BB%B0C", "ban+sao", "2.000815"}) {
    HttpResponse page = get(std::string("/thu-tuc-hanh-chinh?q=") + q);
    EXPECT_EQ(total_of(page.body), "1") << q;
    EXPECT_TRUE(contains(page.body, "2.000815.000.00.00.H34")) << q;
    EXPECT_FALSE(contains(page.body, "1.001193")) << q;
  }
  HttpResponse none = get("/thu-tuc-hanh-chinh?q=khong+co+thu+tuc+nay");
  EXPECT_EQ(total_of(none.body), "0");
  EXPECT_EQ(notice_of(none.body), "Không tìm thấy thủ tục phù hợp.");
  EXPECT_TRUE(contains(none.body, "value=\"khong co thu tuc nay\"")) << "typed back";
}

TEST_F(CataloguePages, FiltersByFieldAndLevel) {
  HttpResponse field = get("/thu-tuc-hanh-chinh?linh_vuc=H%E1%BB%99+t%E1%BB%8Bch");  // Hộ tịch
  EXPECT_EQ(total_of(field.body), "1");
  EXPECT_TRUE(contains(field.body, "1.001193"));
  EXPECT_TRUE(contains(field.body, "<option value=\"Hộ tịch\" selected>Hộ tịch</option>"));
  EXPECT_TRUE(contains(field.body, "<option value=\"Chứng thực\">Chứng thực</option>"));
  // "Tỉnh" covers "Tỉnh (Công an tỉnh)"; the choices are the levels without their detail.
  HttpResponse level = get("/thu-tuc-hanh-chinh?cap=T%E1%BB%89nh");
  EXPECT_EQ(total_of(level.body), "1");
  EXPECT_TRUE(contains(level.body, "3.000333"));
  EXPECT_TRUE(contains(level.body, "<option value=\"Tỉnh\" selected>Tỉnh</option>"));
  EXPECT_FALSE(contains(level.body, "<option value=\"Tỉnh (Công an tỉnh)\""));
  EXPECT_EQ(total_of(get("/thu-tuc-hanh-chinh?cap=X%C3%A3&q=khai+sinh").body), "1");
}

TEST_F(CataloguePages, HomePageGroupsListTheirFieldsOrSayTheyHaveNone) {
  HttpResponse family = get("/thu-tuc-hanh-chinh?nhom=hon-nhan-gia-dinh");
  EXPECT_EQ(family.status, 200);
  EXPECT_TRUE(contains(family.body, "<strong>Hôn nhân và gia đình</strong>"));
  EXPECT_EQ(total_of(family.body), "1");
  EXPECT_TRUE(contains(family.body, "1.001193"));
  EXPECT_TRUE(contains(family.body, "name=\"nhom\" value=\"hon-nhan-gia-dinh\"")) << "kept";
  HttpResponse health = get("/thu-tuc-hanh-chinh?nhom=suc-khoe-y-te");
  EXPECT_EQ(total_of(health.body), "0");
  EXPECT_EQ(notice_of(health.body), "Nhóm này chưa có thủ tục nào trên hệ thống.");
  HttpResponse unknown = get("/thu-tuc-hanh-chinh?nhom=khong-co");
  EXPECT_EQ(notice_of(unknown.body), "Không có nhóm thủ tục này; dưới đây là mọi thủ tục.");
  EXPECT_EQ(total_of(unknown.body), "3");
  // Every group of the home page leads here.
  HttpResponse home = get("/");
  EXPECT_TRUE(contains(home.body, "href=\"/thu-tuc-hanh-chinh?nhom&#61;co-con-nho\""));
  EXPECT_TRUE(contains(home.body, "href=\"/thu-tuc-hanh-chinh?nhom&#61;chi-nhanh-van-phong\""));
}

TEST_F(CataloguePages, PagesOfTenWithTheTotal) {
  seed([](app::Repositories& r) -> core::Status {
    for (int i = 10; i < 35; ++i) {
      core::Procedure p = procedure("9.0000" + std::to_string(i),
                                    "Thủ tục thử " + std::to_string(i), "Thử nghiệm", "Xã", true);
      if (auto s = r.procedures().save(p); !s.ok()) return s;
    }
    return {};
  });
  HttpResponse first = get("/thu-tuc-hanh-chinh?q=thu+tuc+thu");
  EXPECT_EQ(total_of(first.body), "25");
  EXPECT_TRUE(contains(first.body, "9.000010"));
  EXPECT_FALSE(contains(first.body, "9.000020"));
  EXPECT_TRUE(contains(
      first.body,
      "href=\"/"
      "thu-tuc-hanh-chinh?q&#61;thu%20tuc%20thu&amp;linh_vuc&#61;&amp;cap&#61;&amp;trang&#61;3\""));
  HttpResponse third = get("/thu-tuc-hanh-chinh?q=thu+tuc+thu&trang=3");
  EXPECT_TRUE(contains(third.body, "9.000034"));
  EXPECT_FALSE(contains(third.body, "9.000029"));
  EXPECT_TRUE(contains(third.body, "<span aria-current=\"page\">3</span>"));
  HttpResponse past = get("/thu-tuc-hanh-chinh?q=thu+tuc+thu&trang=99999999999999999");
  EXPECT_EQ(past.status, 200);
  EXPECT_EQ(total_of(past.body), "25");
  EXPECT_EQ(get("/thu-tuc-hanh-chinh?trang=abc").status, 200);
}

TEST_F(CataloguePages, TypedTextIsEscaped) {
  HttpResponse page = get("/thu-tuc-hanh-chinh?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(contains(page.body, "<script>alert(1)"));
  EXPECT_TRUE(contains(page.body, "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  HttpResponse search = get("/tim-kiem?q=%3Cscript%3E");
  EXPECT_FALSE(contains(search.body, "<script>"));
  EXPECT_EQ(get("/thu-tuc-hanh-chinh?q=%FF%FE").status, 200) << "not UTF-8: no match, no error";
}

TEST_F(CataloguePages, SiteSearchShowsTheCataloguesMatches) {
  HttpResponse page = get("/tim-kiem?q=chung+thuc");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Kết quả tìm kiếm"));
  EXPECT_EQ(total_of(page.body), "1");
  EXPECT_TRUE(contains(page.body, "href=\"/thu-tuc-hanh-chinh/2.000815.000.00.00.H34\""));
  EXPECT_TRUE(contains(page.body, "action=\"/tim-kiem\""));
}

TEST_F(CataloguePages, ProcedurePageShowsDocumentsFeesValidTodayAndTheOnlineLink) {
  HttpResponse page = get("/thu-tuc-hanh-chinh/2.000815.000.00.00.H34");
  ASSERT_EQ(page.status, 200);
  const std::string& b = page.body;
  EXPECT_TRUE(contains(b, "<dd class=\"proc-code\">2.000815.000.00.00.H34</dd>"));
  EXPECT_TRUE(contains(b, "<dd class=\"proc-agency\">Ủy ban nhân dân cấp xã</dd>"));
  EXPECT_TRUE(contains(b, "<dd class=\"proc-days\">1 ngày làm việc</dd>"));
  EXPECT_TRUE(contains(b, "<td>Bản sao cần chứng thực</td><td>0</td><td>1</td><td>Bắt buộc</td>"));
  EXPECT_TRUE(contains(b, "<td>Giấy ủy quyền &lt;b&gt;</td><td>1</td><td>0</td><td>Nếu có</td>"));
  EXPECT_TRUE(contains(b, "<div>2.000 VND/trang (từ trang 1)</div>"));
  EXPECT_TRUE(contains(b, "<div>1.000 VND/trang (từ trang 3)</div>"));
  EXPECT_TRUE(contains(b, "<td>200.000 VND</td>"));
  EXPECT_FALSE(contains(b, "Phí cũ đã hết hiệu lực")) << "only fees valid today";
  EXPECT_TRUE(contains(b, "Nghị định 23/2015/NĐ-CP"));
  EXPECT_TRUE(contains(
      b,
      "<a class=\"pub-button\" href=\"/dich-vu-cong-truc-tuyen/2.000815.000.00.00.H34\">Nộp hồ sơ "
      "trực tuyến</a>"));
  EXPECT_FALSE(contains(b, "chưa được đối chiếu")) << "a confirmed procedure";

  HttpResponse offline = get("/thu-tuc-hanh-chinh/3.000333");
  EXPECT_EQ(offline.status, 200);
  EXPECT_FALSE(contains(offline.body, "Nộp hồ sơ trực tuyến"));
  EXPECT_TRUE(contains(offline.body, "<dd class=\"proc-agency\">Chưa cập nhật</dd>"));
  EXPECT_TRUE(contains(offline.body, "Chưa cập nhật thành phần hồ sơ."));
  EXPECT_TRUE(contains(offline.body, "<dd class=\"proc-days\">10 ngày làm việc</dd>"));
  EXPECT_TRUE(contains(offline.body, "chưa được đối chiếu"));

  HttpResponse english = get("/thu-tuc-hanh-chinh/2.000815.000.00.00.H34?lang=en");
  EXPECT_TRUE(contains(english.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(english.body, "Documents to submit"));
  EXPECT_TRUE(contains(english.body, "1 working days"));
}

TEST_F(CataloguePages, UnknownProcedureIsAVietnamese404) {
  for (const char* code : {"9.999999", "%3Cb%3E", "2.000815"}) {
    HttpResponse page = get(std::string("/thu-tuc-hanh-chinh/") + code);
    EXPECT_EQ(page.status, 404) << code;
    EXPECT_TRUE(contains(page.body, "<html lang=\"vi\">"));
    EXPECT_TRUE(contains(page.body, "Không tìm thấy thủ tục")) << code;
    EXPECT_FALSE(contains(page.body, "<b>"));
  }
}

TEST_F(CataloguePages, LookupShowsTheCaseForItsCodeAndLastDigits) {
  seed_case(kWardCase, "H34.22.6", citizen("062190008870"));
  audit_status(kWardCase, core::CaseStatus::kProcessing,
               std::chrono::sys_days{std::chrono::year{2024} / 4 / 26} + 2h);
  HttpResponse form = get("/tra-cuu-ho-so");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<label for=\"ma\">Mã số hồ sơ</label>"));
  EXPECT_TRUE(contains(form.body, "<label for=\"cccd\">4 số cuối CCCD/MST của người nộp</label>"));
  EXPECT_FALSE(contains(form.body, "đang được xây dựng"));

  HttpResponse page = get(std::string("/tra-cuu-ho-so?ma=") + kWardCase + "&cccd=8870");
  ASSERT_EQ(page.status, 200);
  const std::string& b = page.body;
  EXPECT_TRUE(contains(b, "<dd class=\"cs-code\">H34.22.6-240426-0002</dd>"));
  EXPECT_TRUE(contains(b, "<dd class=\"cs-submitter\">VÕ ĐẶNG NGỌC GIẢ (****8870)</dd>"));
  EXPECT_FALSE(contains(b, "062190008870"));
  EXPECT_TRUE(contains(b, "<dd class=\"cs-status\"><strong>Được tiếp nhận</strong></dd>"));
  EXPECT_TRUE(contains(b, "Bộ phận TN&amp;TKQ phường Trần Hưng Đạo"));
  EXPECT_TRUE(contains(b, "<dt>Ngày nộp</dt><dd>26/04/2024 07:27:52</dd>"));
  EXPECT_TRUE(contains(b, "<dt>Ngày tiếp nhận</dt><dd>26/04/2024 07:27:52</dd>"));
  EXPECT_TRUE(contains(b, "<dt>Ngày hẹn trả</dt><dd>04/05/2024 07:27:52</dd>"));
  EXPECT_TRUE(contains(b, "href=\"/thanh-toan?ma&#61;H34.22.6-240426-0002\"")) << "1.000 still due";
  EXPECT_TRUE(contains(b, "<td>26/04/2024 09:00:00</td><td>Đang xử lý</td>"));
  EXPECT_FALSE(contains(b, "lý do nội bộ")) << "reasons stay in the console";
  EXPECT_TRUE(contains(b, "value=\"8870\""));
}

TEST_F(CataloguePages, LookupGivesOneMessageForAnyMismatch) {
  seed_case(kWardCase, "H34.22.6", citizen("062190008870"));
  HttpResponse wrong = get(std::string("/tra-cuu-ho-so?ma=") + kWardCase + "&cccd=8871");
  HttpResponse unknown = get("/tra-cuu-ho-so?ma=H34.22.6-240426-0099&cccd=8870");
  HttpResponse malformed = get("/tra-cuu-ho-so?ma=%3Cscript%3E&cccd=8870");
  for (const HttpResponse* r : {&wrong, &unknown, &malformed}) {
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(notice_of(r->body),
              "Không tìm thấy hồ sơ khớp với mã số hồ sơ và 4 số cuối CCCD/MST đã nhập.");
    EXPECT_FALSE(contains(r->body, "cs-status"));
    EXPECT_FALSE(contains(r->body, "VÕ ĐẶNG"));
  }
  EXPECT_FALSE(contains(malformed.body, "<script>"));
  HttpResponse digits = get(std::string("/tra-cuu-ho-so?ma=") + kWardCase + "&cccd=88a0");
  EXPECT_EQ(digits.status, 422);
  EXPECT_EQ(notice_of(digits.body), "Vui lòng nhập đúng 4 chữ số cuối của CCCD/MST người nộp.");
  HttpResponse english = get(std::string("/tra-cuu-ho-so?ma=") + kWardCase + "&cccd=1111&lang=en");
  EXPECT_EQ(notice_of(english.body), "No case matches this code and these digits.");
  HttpResponse found_en = get(std::string("/tra-cuu-ho-so?ma=") + kWardCase + "&cccd=8870&lang=en");
  EXPECT_TRUE(contains(found_en.body, "<dt>Case code</dt>"));
}

TEST_F(CataloguePages, LookupsAreLimitedPerAddress) {
  public_lookups_per_minute_ = 2;
  start_app();
  seed_case(kWardCase, "H34.22.6", citizen("062190008870"));
  std::string target = std::string("/tra-cuu-ho-so?ma=") + kWardCase + "&cccd=";
  EXPECT_EQ(get(target + "0000").status, 404);
  EXPECT_EQ(get(target + "8870").status, 200);
  HttpResponse limited = get(target + "8870");
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(contains(limited.body, "cs-status"));
  EXPECT_TRUE(contains(limited.body, "Bạn đã tra cứu quá nhiều lần"));
  EXPECT_EQ(get("/tra-cuu-ho-so").status, 200) << "the empty form is not a lookup";
}

TEST_F(CataloguePages, AdminEditsThePublicTermsAndDocuments) {
  std::string session = sign_in("quantri");
  std::string token = csrf_in(get("/can-bo", session).body);
  std::string path = std::string("/can-bo/quan-tri/thu-tuc/") + kProcedure;
  HttpResponse form = get(path, session);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "action=\"" + path + "/cong-khai\""));
  EXPECT_TRUE(contains(form.body, "Bản sao cần chứng thực | 0 | 1 | bắt buộc"));
  EXPECT_TRUE(contains(form.body, "value=\"Ủy ban nhân dân cấp xã\""));

  std::string documents = "Tờ khai | 1 | 0 | bắt buộc\n\n  Giấy ủy quyền | 1 | 0 | NEU CO  \n";
  HttpResponse saved =
      post(path + "/cong-khai",
           "_csrf=" + token + "&implementing_agency=" + url_encoded("UBND phường Trần Hưng Đạo") +
               "&fees_up_front=1&documents=" + url_encoded(documents),
           session);
  EXPECT_EQ(saved.status, 303);
  core::Procedure p = public_procedure_now(kProcedure);
  EXPECT_EQ(p.implementing_agency, "UBND phường Trần Hưng Đạo");
  EXPECT_FALSE(p.online) << "the box was not ticked";
  EXPECT_TRUE(p.fees_up_front);
  ASSERT_EQ(p.documents.size(), 2u);
  EXPECT_EQ(p.documents[1].name, "Giấy ủy quyền");
  EXPECT_FALSE(p.documents[1].required);
  // The public page follows at once: no online link any more.
  HttpResponse page = get(std::string("/thu-tuc-hanh-chinh/") + kProcedure);
  EXPECT_TRUE(contains(page.body, "UBND phường Trần Hưng Đạo"));
  EXPECT_FALSE(contains(page.body, "Nộp hồ sơ trực tuyến"));
}

TEST_F(CataloguePages, AdminDocumentLinesWithMistakesAreRefusedAndKept) {
  std::string session = sign_in("quantri");
  std::string token = csrf_in(get("/can-bo", session).body);
  std::string path = std::string("/can-bo/quan-tri/thu-tuc/") + kProcedure;
  std::string documents = "Tờ khai | 1 | 0 | bắt buộc\nGiấy tờ khác | một | 0 | nếu có\n";
  HttpResponse refused =
      post(path + "/cong-khai",
           "_csrf=" + token + "&implementing_agency=X&online=1&documents=" + url_encoded(documents),
           session);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(
      refused.body, "Thành phần hồ sơ, dòng 2: số bản chính và bản sao là số nguyên từ 0 đến 99."));
  EXPECT_TRUE(contains(refused.body, "Giấy tờ khác | một | 0 | nếu có")) << "typed back";
  EXPECT_EQ(public_procedure_now(kProcedure).documents.size(), 3u) << "nothing changed";
  HttpResponse parts =
      post(path + "/cong-khai", "_csrf=" + token + "&documents=" + url_encoded("Tờ khai, 1, 0"),
           session);
  EXPECT_EQ(parts.status, 422);
  EXPECT_TRUE(contains(parts.body, "dòng 1: cần đủ 4 phần"));
  // No CSRF token: refused before anything.
  EXPECT_EQ(post(path + "/cong-khai", "documents=", session).status, 403);
  EXPECT_EQ(public_procedure_now(kProcedure).implementing_agency, "Ủy ban nhân dân cấp xã");
  // An officer is not an admin.
  std::string officer = sign_in("canbo");
  EXPECT_EQ(post(path + "/cong-khai",
                 "_csrf=" + csrf_in(get("/can-bo", officer).body) + "&documents=", officer)
                .status,
            403);
}

}  // namespace
}  // namespace motcua::adapters::web
