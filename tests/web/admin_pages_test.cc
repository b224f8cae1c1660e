// The admin side of the console in process ("Cấu hình số hồ sơ", the admin pages, "Xóa hồ sơ"):
// who may open and post what, CSRF, Vietnamese refusals that change nothing.
#include <gtest/gtest.h>

#include "web_app_fixture.h"

namespace motcua::adapters::web {
namespace {

class AdminPages : public WebAppFixture {
 protected:
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = save_guide_units(r); !s.ok()) return s;
    if (auto s = add_staff(r, "quantri", "quantri", "H34", core::kRoleAdmin); !s.ok()) return s;
    if (auto s = add_staff(r, "canbo", "canbo", "H34.22.6", core::kRoleOfficer); !s.ok()) return s;
    // The procedure alone, without fees: the admin pages add them.
    core::Procedure p;
    p.code = kProcedure;
    p.name = "Thủ tục chứng thực bản sao từ bản chính";
    p.field = "Chứng thực";
    p.processing_days = 1;
    return r.procedures().save(p);
  }

  std::string admin() { return sign_in("quantri"); }
  std::string officer() { return sign_in("canbo"); }
  std::string csrf(const std::string& session) { return csrf_in(get("/can-bo", session).body); }

  core::Agency agency(const std::string& code) {
    core::Agency out;
    EXPECT_TRUE(store_
                    ->read([&](app::Repositories& r) -> core::Status {
                      out = r.agencies().find(code).value().value();
                      return {};
                    })
                    .ok());
    return out;
  }

  std::vector<app::AuditEntry> audit(const std::string& type, const std::string& id) {
    std::vector<app::AuditEntry> out;
    EXPECT_TRUE(store_
                    ->read([&](app::Repositories& r) -> core::Status {
                      out = r.audit().for_entity(type, id).value();
                      return {};
                    })
                    .ok());
    return out;
  }

  // A case of the ward received now (no deadline, no one assigned) with one 2.000 đồng fee
  // line, paid or not.
  core::CaseRecord seed_case(const std::string& code, bool paid) {
    return WebAppFixture::seed_case(
        code, "H34.22.6", citizen("062190008870", ""), core::CaseStatus::kAccepted,
        [&](core::CaseRecord& c) {
          c.submitted_at = clock_.now();
          c.received_at = clock_.now();
          c.deadline_at.reset();
          c.appointment_at.reset();
          c.assigned_staff_id.reset();
          c.fee_lines = {
              {"Phí chứng thực", "Phí chứng thực", 1, core::Money::dong(2000),
               core::Money::dong(2000), paid,
               paid ? std::optional(core::PaymentMethod::kPaymentPlatform) : std::nullopt}};
        });
  }

  core::CaseStatus status_of(const std::string& code) {
    core::CaseStatus out{};
    EXPECT_TRUE(store_
                    ->read([&](app::Repositories& r) -> core::Status {
                      out = r.cases().find_by_code(code).value().value().status;
                      return {};
                    })
                    .ok());
    return out;
  }
};

TEST_F(AdminPages, NumberingPreviewShowsTheNextCodeAndConsumesNoNumber) {
  std::string session = officer();
  HttpResponse page = get("/can-bo/cau-hinh-so-ho-so", session);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "H34.22.6-240426-0001"));
  EXPECT_TRUE(contains(page.body, "Xem trước"));
  EXPECT_TRUE(contains(page.body, "/static/numbering_preview.js"));
  EXPECT_FALSE(contains(page.body, "value=\"save\"")) << "a plain officer may not save";

  HttpResponse previewed =
      post("/can-bo/cau-hinh-so-ho-so",
           "_csrf=" + csrf(session) +
               "&co_quan=H34.22.6&action=preview&pattern=" + url_encoded("{agency}/{yyyy}/{seq:6}"),
           session);
  EXPECT_EQ(previewed.status, 200);
  EXPECT_TRUE(contains(previewed.body, "H34.22.6/2024/000001"));
  HttpResponse live = get("/can-bo/cau-hinh-so-ho-so/xem-truoc?co_quan=H34.22.6&pattern=" +
                              url_encoded("{agency}-{yy}{MM}{dd}-{seq:5}"),
                          session);
  EXPECT_EQ(live.status, 200);
  EXPECT_EQ(live.body, "H34.22.6-240426-00001");
  EXPECT_EQ(get("/static/numbering_preview.js").status, 200);

  EXPECT_EQ(agency("H34.22.6").case_code_pattern, core::Agency{}.case_code_pattern);
  std::int64_t current = -1;
  ASSERT_TRUE(store_
                  ->read([&](app::Repositories& r) -> core::Status {
                    current = r.sequences().current("H34.22.6-240426-{seq}").value();
                    return {};
                  })
                  .ok());
  EXPECT_EQ(current, 0) << "previewing must not consume a number";
}

TEST_F(AdminPages, InvalidPatternShowsTheVietnameseErrorAndChangesNothing) {
  std::string session = admin();
  HttpResponse r = post("/can-bo/cau-hinh-so-ho-so",
                        "_csrf=" + csrf(session) + "&co_quan=H34.22.6&action=save&pattern=" +
                            url_encoded("{agency}-{seq:4}"),
                        session);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Mẫu số hồ sơ không hợp lệ"));
  EXPECT_EQ(agency("H34.22.6").case_code_pattern, core::Agency{}.case_code_pattern);
  EXPECT_TRUE(audit("agency", "H34.22.6").empty());
  HttpResponse live =
      get("/can-bo/cau-hinh-so-ho-so/xem-truoc?co_quan=H34.22.6&pattern=" + url_encoded("{bogus}"),
          session);
  EXPECT_EQ(live.status, 422);
  EXPECT_TRUE(contains(live.body, "Mẫu số hồ sơ không hợp lệ"));
}

TEST_F(AdminPages, AdminSavesAPatternWithAnAuditEntry) {
  std::string session = admin();
  HttpResponse r = post("/can-bo/cau-hinh-so-ho-so",
                        "_csrf=" + csrf(session) + "&co_quan=H34.22.6&action=save&pattern=" +
                            url_encoded("{agency}-{yyyy}-{seq:5}"),
                        session);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(agency("H34.22.6").case_code_pattern, "{agency}-{yyyy}-{seq:5}");
  ASSERT_EQ(audit("agency", "H34.22.6").size(), 1u);
  HttpResponse shown = get(header_of(r, "Location"), session);
  EXPECT_TRUE(contains(shown.body, "Đã lưu."));
  EXPECT_TRUE(contains(shown.body, "H34.22.6-2024-00001"));
}

TEST_F(AdminPages, OfficerCannotSaveAPattern) {
  std::string session = officer();
  HttpResponse r = post("/can-bo/cau-hinh-so-ho-so",
                        "_csrf=" + csrf(session) + "&co_quan=H34.22.6&action=save&pattern=" +
                            url_encoded("{agency}-{yyyy}-{seq:5}"),
                        session);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(agency("H34.22.6").case_code_pattern, core::Agency{}.case_code_pattern);
}

TEST_F(AdminPages, NonAdminGets403OnAdminPagesAndPosts) {
  std::string session = officer();
  for (const char* path :
       {"/can-bo/quan-tri/co-quan", "/can-bo/quan-tri/co-quan/moi", "/can-bo/quan-tri/can-bo",
        "/can-bo/quan-tri/thu-tuc", "/can-bo/quan-tri/lich"}) {
    HttpResponse r = get(path, session);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_TRUE(contains(r.body, "Bạn không có quyền")) << path;
  }
  std::string token = csrf(session);
  EXPECT_EQ(
      post("/can-bo/quan-tri/can-bo",
           "_csrf=" + token +
               "&username=moi&full_name=Moi&agency_code=H34.22.6&role_admin=1&password=12345678",
           session)
          .status,
      403);
  EXPECT_EQ(
      post("/can-bo/quan-tri/co-quan", "_csrf=" + token + "&code=H34.9&name=X", session).status,
      403);
  EXPECT_EQ(post("/can-bo/quan-tri/lich/2030/xac-nhan", "_csrf=" + token, session).status, 403);
  EXPECT_FALSE(contains(get("/can-bo", session).body, "/can-bo/quan-tri/can-bo"));
  EXPECT_TRUE(contains(get("/can-bo", admin()).body, "/can-bo/quan-tri/can-bo"));
  ASSERT_TRUE(store_
                  ->read([&](app::Repositories& r) -> core::Status {
                    EXPECT_FALSE(r.staff().find_by_username("moi").value().has_value());
                    EXPECT_FALSE(r.agencies().find("H34.9").value().has_value());
                    return {};
                  })
                  .ok());
}

TEST_F(AdminPages, PostWithoutCsrfIsRefused) {
  std::string session = admin();
  HttpResponse r = post("/can-bo/quan-tri/can-bo",
                        "username=moi&full_name=Moi&agency_code=H34.22.6&role_officer=1&password="
                        "mat-khau-moi",
                        session);
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(contains(r.body, "Biểu mẫu đã hết hạn"));
  EXPECT_EQ(post("/can-bo/cau-hinh-so-ho-so",
                 "_csrf=forged&co_quan=H34.22.6&action=save&pattern=" +
                     url_encoded("{agency}-{yyyy}-{seq:5}"),
                 session)
                .status,
            403);
  EXPECT_EQ(agency("H34.22.6").case_code_pattern, core::Agency{}.case_code_pattern);
  ASSERT_TRUE(store_
                  ->read([&](app::Repositories& r) -> core::Status {
                    EXPECT_FALSE(r.staff().find_by_username("moi").value().has_value());
                    return {};
                  })
                  .ok());
}

TEST_F(AdminPages, CreatedStaffCanSignInAndIsListed) {
  std::string session = admin();
  HttpResponse r = post("/can-bo/quan-tri/can-bo",
                        "_csrf=" + csrf(session) +
                            "&username=canbo.moi&full_name=" + url_encoded("Nguyễn Văn Mới") +
                            "&agency_code=H34.4&role_officer=1&role_agency_lookup=1&password=" +
                            url_encoded("mat-khau-moi"),
                        session);
  ASSERT_EQ(r.status, 303) << r.body;
  HttpResponse list = get(header_of(r, "Location"), session);
  EXPECT_TRUE(contains(list.body, "Nguyễn Văn Mới"));
  std::string theirs = sign_in("canbo.moi", "mat-khau-moi");
  ASSERT_FALSE(theirs.empty());
  EXPECT_EQ(get("/can-bo", theirs).status, 200);

  HttpResponse taken = post("/can-bo/quan-tri/can-bo",
                            "_csrf=" + csrf(session) +
                                "&username=canbo.moi&full_name=X&agency_code=H34.4&role_officer="
                                "1&password=mat-khau-moi",
                            session);
  EXPECT_EQ(taken.status, 409);
  EXPECT_TRUE(contains(taken.body, "Tên đăng nhập đã được sử dụng"));
}

TEST_F(AdminPages, DeactivatedStaffCannotSignIn) {
  std::string session = admin();
  std::int64_t id = 0;
  ASSERT_TRUE(store_
                  ->read([&](app::Repositories& r) -> core::Status {
                    id = r.staff().find_by_username("canbo").value()->id;
                    return {};
                  })
                  .ok());
  HttpResponse r = post("/can-bo/quan-tri/can-bo/" + std::to_string(id) + "/trang-thai",
                        "_csrf=" + csrf(session) + "&co_quan=H34.22.6&active=0", session);
  EXPECT_EQ(r.status, 303) << r.body;
  HttpResponse form = get("/can-bo/dang-nhap");
  HttpResponse refused =
      post("/can-bo/dang-nhap", "_csrf=" + csrf_in(form.body) + "&username=canbo&password=matkhau",
           cookie_pair(form, "motcua_login_csrf"));
  EXPECT_EQ(refused.status, 401);
}

TEST_F(AdminPages, FeeAmountWithDecimalsIsRefused) {
  std::string session = admin();
  std::string path = std::string("/can-bo/quan-tri/thu-tuc/") + kProcedure + "/le-phi";
  std::string fields =
      "&fee_name=" + url_encoded("Phí chứng thực") + "&fee_unit=trang&valid_from=2025-07-01";
  HttpResponse r =
      post(path, "_csrf=" + csrf(session) + fields + "&amount=" + url_encoded("2.000,5"), session);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Số tiền phải là số nguyên đồng"));
  auto fees = [&] {
    std::vector<core::ProcedureFee> out;
    EXPECT_TRUE(store_
                    ->read([&](app::Repositories& rs) -> core::Status {
                      out = rs.procedures().find(kProcedure).value()->fees;
                      return {};
                    })
                    .ok());
    return out;
  };
  EXPECT_TRUE(fees().empty());
  HttpResponse ok = post(path, "_csrf=" + csrf(session) + fields + "&amount=2.000", session);
  EXPECT_EQ(ok.status, 303) << ok.body;
  HttpResponse plain = post(path, "_csrf=" + csrf(session) + fields + "&amount=2000", session);
  EXPECT_EQ(plain.status, 303) << plain.body;
  ASSERT_EQ(fees().size(), 2u);
  EXPECT_EQ(fees()[0].item.tiers[0].unit_amount, core::Money::dong(2000));
  EXPECT_EQ(fees()[1].item.tiers[0].unit_amount, core::Money::dong(2000));
  HttpResponse page = get(header_of(ok, "Location"), session);
  EXPECT_TRUE(contains(page.body, "2.000 VND"));
}

TEST_F(AdminPages, ProcedureSearchIgnoresDiacritics) {
  std::string session = admin();
  HttpResponse r = get("/can-bo/quan-tri/thu-tuc?q=chung+thuc+ban+sao", session);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, kProcedure));
  EXPECT_FALSE(
      contains(get("/can-bo/quan-tri/thu-tuc?q=ly+lich+tu+phap", session).body, kProcedure));
}

TEST_F(AdminPages, AddingADayOffChangesTheStoredCalendar) {
  std::string session = admin();
  HttpResponse before = get("/can-bo/quan-tri/lich?nam=2030", session);
  EXPECT_EQ(before.status, 200);
  EXPECT_TRUE(contains(before.body, "chưa được xác nhận"));
  HttpResponse r = post(
      "/can-bo/quan-tri/lich/2030/them",
      "_csrf=" + csrf(session) + "&day=2030-06-12&kind=nghi&label=" + url_encoded("Nghỉ đặc biệt"),
      session);
  EXPECT_EQ(r.status, 303) << r.body;
  HttpResponse bad =
      post("/can-bo/quan-tri/lich/2030/them",
           "_csrf=" + csrf(session) + "&day=2030-06-12&kind=lam-bu&label=x", session);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Ngày không hợp lệ"));
  std::optional<core::YearCalendar> stored;
  ASSERT_TRUE(store_
                  ->read([&](app::Repositories& rs) -> core::Status {
                    std::vector<core::YearCalendar> years = rs.calendar().load_all().value();
                    for (const core::YearCalendar& y : years) {
                      if (y.year() == 2030) stored = y;
                    }
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(stored.has_value());
  EXPECT_FALSE(stored->is_working_day(std::chrono::sys_days{std::chrono::year{2030} / 6 / 12}));
  EXPECT_TRUE(contains(get("/can-bo/quan-tri/lich?nam=2030", session).body, "Nghỉ đặc biệt"));
  EXPECT_EQ(post("/can-bo/quan-tri/lich/2030/xac-nhan", "_csrf=" + csrf(session), session).status,
            303);
  EXPECT_TRUE(
      contains(get("/can-bo/quan-tri/lich?nam=2030", session).body, "Lịch năm đã được xác nhận"));
}

TEST_F(AdminPages, AgencyIsCreatedAndEdited) {
  std::string session = admin();
  HttpResponse r =
      post("/can-bo/quan-tri/co-quan",
           "_csrf=" + csrf(session) + "&code=H34.22.7&name=" + url_encoded("Phường Quyết Thắng") +
               "&parent_code=H34&tax_code=6100123456",
           session);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(agency("H34.22.7").name, "Phường Quyết Thắng");
  HttpResponse bad = post("/can-bo/quan-tri/co-quan/H34.22.7",
                          "_csrf=" + csrf(session) + "&name=X&tax_code=123", session);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Thông tin cơ quan không hợp lệ"));
  EXPECT_EQ(agency("H34.22.7").tax_code, "6100123456");
  HttpResponse edited = post("/can-bo/quan-tri/co-quan/H34.22.7",
                             "_csrf=" + csrf(session) + "&name=X&successor_code=H34.4", session);
  EXPECT_EQ(edited.status, 303) << edited.body;
  EXPECT_EQ(agency("H34.22.7").successor_code, "H34.4");
  EXPECT_TRUE(contains(get("/can-bo/quan-tri/co-quan", session).body, "H34.22.7"));
}

TEST_F(AdminPages, SoftDeleteByAnAdminCancelsTheCaseWithAnAuditEntry) {
  seed_case("H34.22.6-240426-0001", false);
  std::string session = admin();
  HttpResponse page = get("/can-bo/ho-so/H34.22.6-240426-0001", session);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "/can-bo/ho-so/H34.22.6-240426-0001/xoa"));
  EXPECT_FALSE(contains(get("/can-bo/ho-so/H34.22.6-240426-0001", officer()).body, "/xoa\""));
  HttpResponse no_reason = post("/can-bo/ho-so/H34.22.6-240426-0001/xoa",
                                "_csrf=" + csrf(session) + "&version=1&reason=+", session);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "Vui lòng nhập lý do xóa hồ sơ"));
  HttpResponse r = post(
      "/can-bo/ho-so/H34.22.6-240426-0001/xoa",
      "_csrf=" + csrf(session) + "&version=1&reason=" + url_encoded("Nhập nhầm hồ sơ"), session);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(status_of("H34.22.6-240426-0001"), core::CaseStatus::kCancelled);
  auto entries = audit("case", "H34.22.6-240426-0001");
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().action, "case.deleted");
  EXPECT_TRUE(contains(entries.back().after, "Nhập nhầm hồ sơ"));
}

TEST_F(AdminPages, SoftDeleteByANonAdminIs403) {
  seed_case("H34.22.6-240426-0001", false);
  std::string session = officer();
  HttpResponse r = post("/can-bo/ho-so/H34.22.6-240426-0001/xoa",
                        "_csrf=" + csrf(session) + "&version=1&reason=x", session);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(status_of("H34.22.6-240426-0001"), core::CaseStatus::kAccepted);
}

TEST_F(AdminPages, SoftDeleteOfAPaidCaseIsRefusedInVietnamese) {
  seed_case("H34.22.6-240426-0001", true);
  std::string session = admin();
  HttpResponse r =
      post("/can-bo/ho-so/H34.22.6-240426-0001/xoa",
           "_csrf=" + csrf(session) + "&version=1&reason=" + url_encoded("Nhập nhầm"), session);
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "Không thể xóa hồ sơ: hồ sơ đã có khoản lệ phí được thanh toán"));
  EXPECT_EQ(status_of("H34.22.6-240426-0001"), core::CaseStatus::kAccepted);
}

}  // namespace
}  // namespace motcua::adapters::web
