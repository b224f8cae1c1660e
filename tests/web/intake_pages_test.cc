// "Tiếp nhận hồ sơ", the intake slip and "Xử lý hồ sơ", end to end through the WebApp.
#include "console_fixture.h"
#include "core/civil_time.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kCopyFee = "Phí chứng thực bản sao từ bản chính";
constexpr const char* kIntake = "/can-bo/tiep-nhan";

class IntakePages : public Console {
 protected:
  // The guide's units (the ward now under its province), an officer of the Sở Tư pháp, the
  // copy certification under the name the slip shows, and two procedures without fees.
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = Console::seed_data(r); !s.ok()) return s;
    if (auto s = save_guide_units(r); !s.ok()) return s;
    if (auto s = add_staff(r, "sotuphap", "Trần Thị Bình", "H34.4", core::kRoleOfficer); !s.ok())
      return s;
    core::Procedure copy = copy_certification();
    copy.name = "Chứng thực bản sao từ bản chính";
    core::Procedure extract{.code = "2.000635.000.00.00.H34",
                            .name = "Cấp bản sao Trích lục hộ tịch",
                            .field = "Hộ tịch",
                            .level = "Xã",
                            .processing_days = 1};
    core::Procedure land{.code = "1.004227.000.00.00.H34",
                         .name = "Đăng ký đất đai lần đầu",
                         .field = "Đất đai",
                         .level = "Huyện",
                         .processing_days = 30};
    for (const core::Procedure& p : {copy, extract, land}) {
      if (auto s = r.procedures().save(p); !s.ok()) return s;
    }
    return {};
  }

  void SetUp() override {
    Console::SetUp();
    if (HasFatalFailure()) return;
    // The guide's reception time: Fri 26/04/2024 07:27:52 in Vietnam.
    clock_.set(std::chrono::sys_days{std::chrono::year{2024} / 4 / 26} + std::chrono::minutes(27) +
               std::chrono::seconds(52));
    session_ = sign_in();
    HttpResponse form = get(std::string(kIntake) + "?thu_tuc=" + kProcedure, session_);
    ASSERT_EQ(form.status, 200) << form.body;
    form_ = form.body;
    csrf_ = csrf_in(form.body);
    ASSERT_FALSE(csrf_.empty());
  }

  // A filled-in intake form for the copy certification: 1 page at 2.000 and 1 at 1.000.
  std::map<std::string, std::string> filled() {
    return {{"_csrf", csrf_},
            {"thu_tuc", kProcedure},
            {"nop_ten", "Võ Đặng Ngọc Giả"},
            {"nop_so_giay_to", "062190018870"},
            {"nop_dia_chi", "Phường Trần Hưng Đạo, Kon Tum"},
            {"nop_dien_thoai", "0886650748"},
            {"nop_email", ""},
            {"chu_ten", ""},
            {"chu_so_giay_to", ""},
            {"chu_dia_chi", ""},
            {"chu_dien_thoai", ""},
            {"chu_email", ""},
            {"phi_0", kCopyFee},
            {"sl_0_0", "1"},
            {"sl_0_1", "1"},
            {"hinh_thuc", "truc_tiep"},
            {"nhan_ket_qua", "truc_tiep"}};
  }

  HttpResponse submit(const std::map<std::string, std::string>& fields) {
    std::string body;
    for (const auto& [key, value] : fields) {
      body += (body.empty() ? "" : "&") + key + "=" + url_encoded(value);
    }
    return post(kIntake, body, session_);
  }

  std::int64_t case_count() {
    std::int64_t total = -1;
    core::Status read = store_->read([&](app::Repositories& r) -> core::Status {
      auto page = r.cases().search({});
      if (!page.ok()) return page.error();
      total = page->total;
      return {};
    });
    EXPECT_TRUE(read.ok());
    return total;
  }

  std::string session_;
  std::string form_;
  std::string csrf_;
};

TEST_F(IntakePages, FormShowsTheProceduresFeeItemsPrefilled) {
  EXPECT_FALSE(contains(form_, "Chức năng đang được xây dựng"));
  for (const char* label : {"Tiếp nhận hồ sơ",
                            "Chứng thực bản sao từ bản chính",
                            "1 ngày làm việc",
                            "Người nộp",
                            "Chủ hồ sơ (nếu khác người nộp)",
                            "Họ tên",
                            "Số CMND/CCCD/MST",
                            "Địa chỉ",
                            "Số điện thoại",
                            "Loại lệ phí",
                            "Số lượng",
                            "Mức lệ phí",
                            "2.000 VND/trang",
                            "1.000 VND/trang",
                            "Phí chứng thực bản sao từ bản chính từ trang thứ 3.",
                            "Tối đa mỗi bản: 200.000 VND",
                            "Hình thức tiếp nhận",
                            "Trực tiếp",
                            "Qua bưu chính",
                            "Hình thức nhận kết quả",
                            "Nhận qua bưu chính",
                            "name=\"sl_0_0\" type=\"number\"",
                            "name=\"thu_tuc\" value=\"2.000815.000.00.00.H34\""}) {
    EXPECT_TRUE(contains(form_, label)) << label;
  }
  // One unit on the first line, as the intake charges an item left as it is.
  EXPECT_TRUE(contains(form_,
                       "name=\"sl_0_0\" type=\"number\" min=\"0\" step=\"1\" "
                       "inputmode=\"numeric\" value=\"1\""));
  EXPECT_TRUE(contains(form_,
                       "name=\"sl_0_1\" type=\"number\" min=\"0\" step=\"1\" "
                       "inputmode=\"numeric\" value=\"0\""));
  EXPECT_FALSE(contains(form_, "Trực tuyến</option>")) << "online intake is the portal's";
}

TEST_F(IntakePages, ProcedureSearchIgnoresCaseAndDiacritics) {
  for (const char* query : {"ho+tich", "H%E1%BB%98+T%E1%BB%8ACH", "trich+luc"}) {
    HttpResponse r = get(std::string(kIntake) + "?tim=" + query, session_);
    ASSERT_EQ(r.status, 200) << query;
    EXPECT_TRUE(contains(r.body, "Cấp bản sao Trích lục hộ tịch")) << query;
    EXPECT_TRUE(contains(r.body, "href=\"/can-bo/tiep-nhan?thu_tuc&#61;2.000635.000.00.00.H34\""))
        << query << r.body;
    EXPECT_FALSE(contains(r.body, "Đăng ký đất đai lần đầu")) << query;
    EXPECT_FALSE(contains(r.body, "name=\"nop_ten\"")) << "no form before a choice";
  }
  HttpResponse by_field =
      get(std::string(kIntake) + "?linh_vuc=%C4%90%E1%BA%A5t+%C4%91ai", session_);
  EXPECT_TRUE(contains(by_field.body, "Đăng ký đất đai lần đầu"));
  EXPECT_TRUE(contains(by_field.body, "30 ngày làm việc"));
  EXPECT_FALSE(contains(by_field.body, "Trích lục"));
  HttpResponse none = get(std::string(kIntake) + "?tim=khong+co+thu+tuc+nay", session_);
  EXPECT_TRUE(contains(none.body, "Không tìm thấy thủ tục nào."));
  HttpResponse unknown = get(std::string(kIntake) + "?thu_tuc=9.999999", session_);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(contains(unknown.body, "Không tìm thấy thủ tục này."));
}

TEST_F(IntakePages, IntakeAllocatesTheNextCodeAndLandsOnTheSlip) {
  HttpResponse first = submit(filled());
  ASSERT_EQ(first.status, 303) << first.body;
  EXPECT_EQ(header_of(first, "Location"), "/can-bo/ho-so/H34.22.6-240426-0001/giay-tiep-nhan");
  HttpResponse second = submit(filled());
  ASSERT_EQ(second.status, 303) << second.body;
  std::string slip_href = "/can-bo/ho-so/H34.22.6-240426-0002/giay-tiep-nhan";
  EXPECT_EQ(header_of(second, "Location"), slip_href);

  std::optional<core::CaseRecord> c = stored("H34.22.6-240426-0002");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->status, core::CaseStatus::kAccepted);
  EXPECT_EQ(c->submitter.name, "Võ Đặng Ngọc Giả");
  EXPECT_EQ(c->owner.id_number, "062190018870");
  EXPECT_EQ(c->assigned_staff_id, officer_id_);
  ASSERT_EQ(c->fee_lines.size(), 2u);
  EXPECT_EQ(c->fee_lines[0].amount, core::Money::dong(2000));
  EXPECT_EQ(c->fee_lines[1].amount, core::Money::dong(1000));

  HttpResponse slip = get(slip_href, session_);
  ASSERT_EQ(slip.status, 200) << slip.body;
  for (const char* text :
       {"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TỈNH KON TUM",
        "BỘ PHẬN TN&amp;TKQ PHƯỜNG TRẦN HƯNG ĐẠO",
        "Số: H34.22.6-240426-0002/BPTNTKQ",
        "Kon Tum, ngày 26 tháng 4 năm 2024",
        "Tiếp nhận hồ sơ của: <strong>Võ Đặng Ngọc Giả</strong>",
        "062190018870",
        "Phường Trần Hưng Đạo, Kon Tum",
        "0886650748",
        "Nội dung yêu cầu giải quyết: Chứng thực bản sao từ bản chính",
        "Thành phần hồ sơ nộp gồm",
        "Số lượng hồ sơ: 01 (bộ)",
        "Thời gian giải quyết hồ sơ theo quy định là: 1 ngày làm việc",
        "Hạn xử lý toàn quy trình: 07 giờ 27 phút, ngày 02 tháng 5 năm 2024",
        "Thời gian nhận hồ sơ: 07 giờ 27 phút, ngày 26 tháng 4 năm 2024",
        "Ngày hẹn trả): <strong>07 giờ 27 phút, ngày 04 tháng 5 năm 2024</strong>",
        "Đăng ký nhận kết quả tại: Nhận trực tiếp — Bộ phận TN&amp;TKQ phường Trần Hưng Đạo",
        "2.000 VND",
        "1.000 VND",
        "<strong>3.000 VND</strong>",
        "Số tiền bằng chữ: <em>Ba nghìn đồng</em>",
        "id=\"slip-payment-qr\"",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "href=\"/can-bo/ho-so/H34.22.6-240426-0002\""}) {
    EXPECT_TRUE(contains(slip.body, text)) << text;
  }
  // The outstanding 3.000 VND: the slip carries the QR of the case's pay link.
  EXPECT_TRUE(contains(slip.body, "<svg")) << "the payment QR code";
  EXPECT_TRUE(contains(slip.body, "/tt/H34.22.6-240426-0002/"));
  EXPECT_FALSE(contains(slip.body, "<img"));
  // The case page links to its slip.
  EXPECT_TRUE(contains(get("/can-bo/ho-so/H34.22.6-240426-0002", session_).body,
                       "href=\"" + slip_href + "\""));
}

TEST_F(IntakePages, ADayOffAddedWhileServingMovesTheNextDeadline) {
  // The application builds its calendar per request through the loader, as `motcua serve`
  // wires it; the loader first knows the announced years, then one more day off.
  using namespace std::chrono;
  auto extra_days_off = std::make_shared<std::vector<core::CalendarEntry>>();
  WebDependencies deps{*store_, *auth_,    tokens_,
                       clock_,  calendar_, load_shipped_templates().value(),
                       false,   &hasher_};
  deps.load_calendar = [extra_days_off]() -> core::Result<core::WorkingCalendar> {
    std::vector<core::YearCalendar> years = core::fixtures::announced_years();
    std::vector<core::CalendarEntry> entries = years[0].entries();
    entries.insert(entries.end(), extra_days_off->begin(), extra_days_off->end());
    core::Result<core::YearCalendar> year_2024 =
        core::YearCalendar::create(2024, true, "test", entries);
    if (!year_2024.ok()) return year_2024.error();
    years[0] = *year_2024;
    return core::WorkingCalendar::create(years, core::WorkingHours::standard());
  };
  app_ = std::make_unique<WebApp>(std::move(deps));

  ASSERT_EQ(submit(filled()).status, 303);
  extra_days_off->push_back({core::CalendarEntryKind::kDayOff, sys_days{2024y / 5 / 2},
                             sys_days{2024y / 5 / 2}, "Nghỉ bù (thử)"});
  ASSERT_EQ(submit(filled()).status, 303);

  auto deadline_day = [&](const std::string& code) {
    std::optional<core::CaseRecord> c = stored(code);
    EXPECT_TRUE(c.has_value() && c->deadline_at.has_value()) << code;
    return year_month_day{floor<days>(core::to_vietnam_local(c->deadline_at.value()))};
  };
  EXPECT_EQ(deadline_day("H34.22.6-240426-0001"), 2024y / 5 / 2);
  EXPECT_EQ(deadline_day("H34.22.6-240426-0002"), 2024y / 5 / 3)
      << "the day off added after the first intake applies to the second at once";
}

TEST_F(IntakePages, PostalIntakeWithAnOwnerAndZeroCounts) {
  auto fields = filled();
  fields["hinh_thuc"] = "buu_chinh";
  fields["nhan_ket_qua"] = "buu_chinh";
  fields["chu_ten"] = "Công ty TNHH Ngọc Giả";
  fields["chu_so_giay_to"] = "6100228106";
  fields["sl_0_0"] = "2";
  fields["sl_0_1"] = "0";
  ASSERT_EQ(submit(fields).status, 303);
  std::optional<core::CaseRecord> c = stored("H34.22.6-240426-0001");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->channel, core::IntakeChannel::kPostal);
  EXPECT_EQ(c->result_delivery, core::ResultDelivery::kPostal);
  EXPECT_EQ(c->owner.name, "Công ty TNHH Ngọc Giả");
  ASSERT_EQ(c->fee_lines.size(), 1u);
  EXPECT_EQ(c->fee_lines[0].amount, core::Money::dong(4000));
  HttpResponse slip = get("/can-bo/ho-so/H34.22.6-240426-0001/giay-tiep-nhan", session_);
  EXPECT_TRUE(contains(slip.body, "Bốn nghìn đồng"));
  EXPECT_TRUE(contains(slip.body, "Công ty TNHH Ngọc Giả (6100228106)"));
  EXPECT_TRUE(contains(slip.body, "Đăng ký nhận kết quả tại: Nhận qua bưu chính"));
}

TEST_F(IntakePages, MissingNameAndBadIdNumberAreShownNextToTheFieldsAndNothingIsStored) {
  std::int64_t before = case_count();
  auto fields = filled();
  fields["nop_ten"] = "  ";
  fields["nop_so_giay_to"] = "12345";
  fields["nop_email"] = "khong-phai-email";
  HttpResponse r = submit(fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Hồ sơ chưa được lưu.")) << r.body;
  EXPECT_TRUE(contains(r.body,
                       "<p class=\"field-error\" id=\"nop_ten-error\">Vui lòng nhập họ "
                       "tên.</p>"))
      << r.body;
  EXPECT_TRUE(contains(r.body, "id=\"nop_so_giay_to-error\">Số giấy tờ không hợp lệ"));
  EXPECT_TRUE(contains(r.body, "id=\"nop_email-error\">Địa chỉ email không hợp lệ"));
  // What was entered is still there.
  EXPECT_TRUE(contains(r.body, "value=\"12345\""));
  EXPECT_TRUE(contains(r.body, "value=\"Phường Trần Hưng Đạo, Kon Tum\""));
  EXPECT_TRUE(contains(r.body,
                       "name=\"sl_0_1\" type=\"number\" min=\"0\" step=\"1\" "
                       "inputmode=\"numeric\" value=\"1\""));
  EXPECT_EQ(case_count(), before);

  fields = filled();
  fields["nop_so_giay_to"] = "";
  HttpResponse no_id = submit(fields);
  EXPECT_EQ(no_id.status, 422);
  EXPECT_TRUE(contains(no_id.body, "Vui lòng nhập số CMND/CCCD/MST."));

  fields = filled();
  fields["sl_0_1"] = "ba";
  HttpResponse bad_count = submit(fields);
  EXPECT_EQ(bad_count.status, 422);
  EXPECT_TRUE(contains(bad_count.body, "id=\"sl_0_1-error\">Số lượng phải là số nguyên không âm."));
  fields["sl_0_1"] = "-1";
  EXPECT_EQ(submit(fields).status, 422);

  fields = filled();
  fields["hinh_thuc"] = "truc_tuyen";  // online intake is not the counter's
  EXPECT_EQ(submit(fields).status, 422);
  fields = filled();
  fields["phi_0"] = "Phí không có";
  HttpResponse fee = submit(fields);
  EXPECT_EQ(fee.status, 422);
  EXPECT_TRUE(contains(fee.body, "Lệ phí này không còn áp dụng"));
  fields = filled();
  fields["thu_tuc"] = "";
  HttpResponse no_procedure = submit(fields);
  EXPECT_EQ(no_procedure.status, 422);
  EXPECT_TRUE(contains(no_procedure.body, "Vui lòng chọn thủ tục."));
  EXPECT_EQ(case_count(), before);
}

TEST_F(IntakePages, PostWithoutTheFormTokenIsRefusedAndStoresNothing) {
  std::int64_t before = case_count();
  auto fields = filled();
  fields.erase("_csrf");
  HttpResponse none = submit(fields);
  EXPECT_EQ(none.status, 403);
  EXPECT_TRUE(contains(none.body, "Biểu mẫu đã hết hạn"));
  fields["_csrf"] = "forged";
  EXPECT_EQ(submit(fields).status, 403);
  EXPECT_EQ(case_count(), before);
  EXPECT_EQ(post(kIntake, "thu_tuc=x").status, 303) << "strangers go to sign in";
}

TEST_F(IntakePages, MarkupInTheNameRendersInertOnTheSlip) {
  auto fields = filled();
  fields["nop_ten"] = "<script>alert(1)</script> Giả";
  fields["nop_dia_chi"] = "\"><img src=x onerror=alert(2)>";
  ASSERT_EQ(submit(fields).status, 303);
  HttpResponse slip = get("/can-bo/ho-so/H34.22.6-240426-0001/giay-tiep-nhan", session_);
  ASSERT_EQ(slip.status, 200);
  EXPECT_FALSE(contains(slip.body, "<script>"));
  EXPECT_FALSE(contains(slip.body, "<img"));
  EXPECT_TRUE(contains(slip.body, "&lt;script&gt;alert(1)&lt;/script&gt; Giả"));
  // Refused forms echo the entered text escaped too.
  fields["nop_so_giay_to"] = "\"><script>alert(3)</script>";
  HttpResponse refused = submit(fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_FALSE(contains(refused.body, "<script>"));
}

TEST_F(IntakePages, AnOfficerOfAnotherUnitCannotOpenTheSlip) {
  ASSERT_EQ(submit(filled()).status, 303);
  std::string slip = "/can-bo/ho-so/H34.22.6-240426-0001/giay-tiep-nhan";
  std::string other = sign_in("sotuphap");
  ASSERT_FALSE(other.empty());
  HttpResponse r = get(slip, other);
  EXPECT_EQ(r.status, 404) << "a case outside the scope is not revealed";
  EXPECT_FALSE(contains(r.body, "Võ Đặng Ngọc Giả"));
  EXPECT_FALSE(contains(r.body, "062190018870"));
  EXPECT_EQ(get("/can-bo/ho-so/H34.22.6-240426-9999/giay-tiep-nhan", session_).status, 404);
  EXPECT_EQ(get(slip).status, 303) << "strangers go to sign in";
}

TEST_F(IntakePages, ProcessingListsReceivedCasesAndMovesThem) {
  ASSERT_EQ(submit(filled()).status, 303);
  const std::string code = "H34.22.6-240426-0001";
  seed_case("H34.22.6-240426-0050", "H34.22.6", "Trần Văn An", "062190008872",
            core::CaseStatus::kNew);
  seed_case("H34.22.6-240426-0051", "H34.22.6", "Lê Văn Cường", "062190008873",
            core::CaseStatus::kResultReturned);
  seed_case(kJusticeCase, "H34.4", "Võ Đặng Ngọc Giả", "062190008871");
  const std::string list = "/can-bo/xu-ly-ho-so";
  HttpResponse r = get(list, session_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(contains(r.body, "Chức năng đang được xây dựng"));
  EXPECT_TRUE(contains(r.body, "href=\"/can-bo/ho-so/" + code + "\""));
  EXPECT_FALSE(contains(r.body, "H34.22.6-240426-0050")) << "Mới đăng ký waits for intake";
  EXPECT_FALSE(contains(r.body, "H34.22.6-240426-0051")) << "a finished case has no move";
  EXPECT_FALSE(contains(r.body, kJusticeCase)) << "another unit's case";
  for (const char* label :
       {"Xử lý hồ sơ", "Thao tác", "Hiển thị 10", "Được tiếp nhận",
        "action=\"/can-bo/ho-so/H34.22.6-240426-0001/trang-thai\"",
        "name=\"return_to\" value=\"/can-bo/xu-ly-ho-so\"", ">Đang xử lý</button>",
        ">Dừng xử lý</button>", "for=\"reason-H34.22.6-240426-0001-8\">Lý do</label>",
        "Ngày hẹn trả: 04/05/2024 07:27:00"}) {
    EXPECT_TRUE(contains(r.body, label)) << label << r.body;
  }
  EXPECT_FALSE(contains(r.body, "reason-H34.22.6-240426-0001-4\"")) << "Đang xử lý needs none";

  std::string action = "/can-bo/ho-so/" + code + "/trang-thai";
  std::string back = "&return_to=%2Fcan-bo%2Fxu-ly-ho-so";
  HttpResponse no_reason =
      post(action, "_csrf=" + csrf_ + "&version=1&to=8&reason=" + back, session_);
  EXPECT_EQ(no_reason.status, 422);
  HttpResponse moved = post(action, "_csrf=" + csrf_ + "&version=1&to=4&reason=" + back, session_);
  EXPECT_EQ(moved.status, 303) << moved.body;
  EXPECT_EQ(header_of(moved, "Location"), list);
  EXPECT_EQ(stored(code)->status, core::CaseStatus::kProcessing);
  HttpResponse after = get(list, session_);
  EXPECT_TRUE(contains(after.body, "href=\"/can-bo/ho-so/" + code + "\""));
  EXPECT_TRUE(contains(after.body, ">Đã xử lý xong</button>"));
  EXPECT_TRUE(contains(after.body, "name=\"version\" value=\"2\""));
}

}  // namespace
}  // namespace motcua::adapters::web
