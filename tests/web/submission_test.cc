// "Dịch vụ công trực tuyến": the public list, the citizen's form posted as multipart/form-data
// with attachments, every refusal (nothing stored, no file left), the file routes for the owner
// and the unit's officers, and the submitted case taken in through "Hồ sơ chờ tiếp nhận".
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "../support/temp_dir.h"
#include "http_client.h"
#include "upload_samples.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

using motcua::testing::exe_bytes;
using motcua::testing::jpeg_bytes;
using motcua::testing::pdf_bytes;
using motcua::testing::png_bytes;

constexpr const char* kOnline = "1.001.ONLINE.H34";
constexpr const char* kOffline = "1.002.OFFLINE.H34";
constexpr const char* kBoundary = "----motcuaTestBoundary7MA4YWxkTrZu0gW";
constexpr const char* kFirstCode = "H34.22.6-240426-0001";

struct FilePart {
  std::string input;
  std::string filename;
  std::string bytes;
  std::string content_type = "application/pdf";
};

// A multipart/form-data body as a browser builds it.
std::string multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::vector<FilePart>& files) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
            "\"\r\n\r\n" + value + "\r\n";
  }
  for (const FilePart& f : files) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" +
            f.input + "\"; filename=\"" + f.filename + "\"\r\nContent-Type: " + f.content_type +
            "\r\n\r\n" + f.bytes + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

class SubmissionTest : public WebFixture {
 protected:
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = WebFixture::seed_data(r); !s.ok()) return s;
    core::Procedure online = copy_certification();
    online.code = kOnline;
    online.name = "Chứng thực bản sao điện tử từ bản chính";
    online.documents = {{"Bản chính giấy tờ làm cơ sở để chứng thực", 1, 0, true},
                        {"Giấy ủy quyền (nếu có)", 0, 1, false}};
    online.online = true;
    if (auto s = r.procedures().save(online); !s.ok()) return s;
    core::Procedure offline = copy_certification();
    offline.code = kOffline;
    offline.name = "Chứng thực chữ ký tại chỗ";
    offline.online = false;
    return r.procedures().save(offline);
  }

  void SetUp() override {
    WebFixture::SetUp();
    account_ = add_citizen_account("062190008870");
    app::CitizenSession session = citizen_sessions_->open(account_).value();
    cookie_ = std::string(kCitizenCookieName) + "=" + session.token;
    csrf_ = session.csrf_token;
  }

  std::string form_path(const std::string& code = kOnline) {
    return std::string("/dich-vu-cong-truc-tuyen/") + code;
  }

  // The form's fields as a citizen fills them, with `change` applied (an empty value drops
  // the field).
  std::vector<std::pair<std::string, std::string>> fields(
      const std::vector<std::pair<std::string, std::string>>& change = {}) {
    std::vector<std::pair<std::string, std::string>> f = {
        {"_csrf", csrf_},
        {"don_vi", "H34.22.6"},
        {"nop_ten", "Võ Đặng Ngọc Giả"},
        {"nop_so_giay_to", "001099000001"},
        {"nop_dien_thoai", "0886650748"},
        {"nop_email", "gia@example.vn"},
        {"nop_dia_chi", "Kon Tum"},
        {"nhan_ket_qua", "truc_tuyen"},
        {"phi_0", "Phí chứng thực bản sao từ bản chính"},
        {"sl_0_0", "2"},
        {"sl_0_1", "1"}};
    for (const auto& [name, value] : change) {
      std::erase_if(f, [&](const auto& p) { return p.first == name; });
      if (!value.empty()) f.emplace_back(name, value);
    }
    return f;
  }

  HttpResponse submit(const std::vector<std::pair<std::string, std::string>>& form_fields,
                      const std::vector<FilePart>& files, const std::string& code = kOnline) {
    return send("POST", form_path(code), multipart(form_fields, files),
                {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary},
                 {"Cookie", cookie_}});
  }

  std::vector<FilePart> required_pdf() { return {{"tep_0", "ban-chinh.pdf", pdf_bytes()}}; }

  std::vector<std::filesystem::path> stored_files() {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.file("uploads"))) {
      out.push_back(entry.path());
    }
    return out;
  }

  std::vector<app::CaseFile> case_files(std::int64_t case_id) {
    std::vector<app::CaseFile> files;
    EXPECT_TRUE(store_
                    ->read([&](app::Repositories& r) -> core::Status {
                      auto found = r.case_files().list_for_case(case_id);
                      if (!found.ok()) return found.error();
                      files = *found;
                      return {};
                    })
                    .ok());
    return files;
  }

  // Nothing was stored: no case, no file on disk.
  void expect_nothing_stored() {
    EXPECT_FALSE(stored(kFirstCode).has_value());
    EXPECT_TRUE(stored_files().empty());
  }

  core::CitizenAccount account_;
  std::string cookie_;
  std::string csrf_;
};

TEST_F(SubmissionTest, ListIsPublicSearchableWithoutDiacriticsAndOnlineOnly) {
  HttpResponse r = get("/dich-vu-cong-truc-tuyen?q=chung+thuc+ban+sao+dien+tu");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "Chứng thực bản sao điện tử từ bản chính"));
  EXPECT_TRUE(contains(r.body, "href=\"/dich-vu-cong-truc-tuyen/1.001.ONLINE.H34\""));
  EXPECT_FALSE(contains(r.body, "Chức năng đang được xây dựng"));
  HttpResponse all = get("/dich-vu-cong-truc-tuyen");
  EXPECT_TRUE(contains(all.body, kOnline));
  EXPECT_FALSE(contains(all.body, kOffline)) << "offline procedures are not offered";
}

TEST_F(SubmissionTest, FormSendsVisitorsToSignInAndBack) {
  HttpResponse r = get(form_path());
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(header_of(r, "Location"),
            "/dang-nhap?tiep=%2Fdich-vu-cong-truc-tuyen%2F1.001.ONLINE.H34");
  HttpResponse post_r =
      send("POST", form_path(), multipart(fields(), required_pdf()),
           {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary}});
  EXPECT_EQ(post_r.status, 303);
  expect_nothing_stored();
}

TEST_F(SubmissionTest, FormIsPrefilledFromTheAccount) {
  HttpResponse r = get(form_path(), cookie_);
  ASSERT_EQ(r.status, 200) << r.body;
  for (const char* text :
       {"Chứng thực bản sao điện tử từ bản chính", kOnline, "Đơn vị tiếp nhận",
        "value=\"H34.22.6\"", "value=\"H34.4\"", "value=\"Võ Đặng Ngọc Giả\"",
        "value=\"062190008870\" readonly", "value=\"0886650748\"", "Chủ hồ sơ",
        "Hình thức nhận kết quả", "name=\"sl_0_1\"", "enctype=\"multipart/form-data\"",
        "name=\"tep_0\"", "name=\"tep_1\"", "name=\"tep_khac_3\"", "Giấy tờ khác",
        "Bản chính giấy tờ làm cơ sở để chứng thực"}) {
    EXPECT_TRUE(contains(r.body, text)) << text;
  }
  EXPECT_FALSE(contains(r.body, "value=\"H34\"")) << "the province takes no cases itself";
  EXPECT_TRUE(contains(r.body, "name=\"_csrf\" value=\"" + csrf_ + "\""));
}

TEST_F(SubmissionTest, SuccessStoresTheCaseAndItsFiles) {
  std::string pdf = pdf_bytes(200);
  std::string png = png_bytes();
  HttpResponse r = submit(fields(), {{"tep_0", "C:\\Giấy tờ\\bản chính.pdf", pdf},
                                     {"tep_khac_1", "anh-chup.pdf", png, "application/pdf"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(header_of(r, "Location"), std::string("/quan-ly-ho-so/") + kFirstCode + "?da_nop=1");
  std::optional<core::CaseRecord> c = stored(kFirstCode);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->status, core::CaseStatus::kNew);
  EXPECT_EQ(c->channel, core::IntakeChannel::kOnline);
  EXPECT_EQ(c->citizen_account_id, account_.id);
  EXPECT_EQ(c->receiving_agency_code, "H34.22.6");
  EXPECT_EQ(c->submitter.id_number, "062190008870") << "the account's, not the posted one";
  EXPECT_EQ(c->owner.name, "Võ Đặng Ngọc Giả");
  EXPECT_EQ(c->result_delivery, core::ResultDelivery::kOnline);
  EXPECT_FALSE(c->received_at.has_value());
  EXPECT_FALSE(c->deadline_at.has_value());
  ASSERT_EQ(c->fee_lines.size(), 2u);
  EXPECT_EQ(c->fee_lines[0].quantity, 2);
  EXPECT_EQ(c->fee_lines[0].amount, core::Money::dong(4000));

  std::vector<app::CaseFile> files = case_files(c->id);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].document, "Bản chính giấy tờ làm cơ sở để chứng thực");
  EXPECT_EQ(files[0].original_name, "bản chính.pdf") << "path parts stripped";
  EXPECT_EQ(files[0].media_type, "application/pdf");
  EXPECT_EQ(files[0].size, static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(files[0].sha256.size(), 64u);
  EXPECT_EQ(files[1].document, "Giấy tờ khác");
  EXPECT_EQ(files[1].media_type, "image/png") << "the content decides, not the name";
  EXPECT_EQ(uploads_->get(files[0].stored_name).value(), pdf);
  EXPECT_EQ(uploads_->get(files[1].stored_name).value(), png);
  EXPECT_EQ(stored_files().size(), 2u) << "no temporary file left";
  EXPECT_EQ(files[0].stored_name.find('.'), std::string::npos) << "a random name only";
}

TEST_F(SubmissionTest, RequiredDocumentMissingIsRefusedWithValuesKept) {
  HttpResponse r = submit(fields({{"nop_dien_thoai", "0905123456"}}),
                          {{"tep_1", "uy-quyen.jpg", jpeg_bytes(), "image/jpeg"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Vui lòng đính kèm giấy tờ này.")) << r.body;
  EXPECT_TRUE(contains(r.body, "Hồ sơ chưa được nộp"));
  EXPECT_TRUE(contains(r.body, "value=\"0905123456\"")) << "values kept";
  EXPECT_TRUE(contains(r.body, "value=\"2\"")) << "fee counts kept";
  EXPECT_TRUE(contains(r.body, "Vui lòng chọn lại các tệp đính kèm."));
  expect_nothing_stored();
}

TEST_F(SubmissionTest, ExecutableNamedPdfIsRefusedByContent) {
  HttpResponse r = submit(fields(), {{"tep_0", "ban-chinh.pdf", exe_bytes()}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Chỉ chấp nhận tệp PDF, JPEG hoặc PNG.")) << r.body;
  expect_nothing_stored();
}

TEST_F(SubmissionTest, FileOverTheLimitIsRefused) {
  HttpResponse big = submit(fields(), {{"tep_0", "lon.pdf", pdf_bytes(70 * 1024)}});
  EXPECT_EQ(big.status, 422);
  EXPECT_TRUE(contains(big.body, "Tệp vượt quá dung lượng cho phép.")) << big.body;
  expect_nothing_stored();
  // Each under the per-file limit, together over the total.
  std::vector<FilePart> files = {{"tep_0", "a.pdf", pdf_bytes(60 * 1024)}};
  for (int k = 1; k <= 3; ++k) {
    files.push_back({"tep_khac_" + std::to_string(k), "b.pdf", pdf_bytes(60 * 1024)});
  }
  HttpResponse total = submit(fields(), files);
  EXPECT_EQ(total.status, 422);
  EXPECT_TRUE(contains(total.body, "Tổng dung lượng các tệp vượt quá giới hạn.")) << total.body;
  expect_nothing_stored();
}

TEST_F(SubmissionTest, MissingUnitAndBadPhoneAreShownNextToTheirFields) {
  HttpResponse r = submit(fields({{"don_vi", ""}, {"nop_dien_thoai", "12"}}), required_pdf());
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Vui lòng chọn đơn vị tiếp nhận.")) << r.body;
  EXPECT_TRUE(contains(r.body, "id=\"nop_dien_thoai-error\""));
  HttpResponse province = submit(fields({{"don_vi", "H34"}}), required_pdf());
  EXPECT_EQ(province.status, 422);
  expect_nothing_stored();
}

TEST_F(SubmissionTest, CsrfTokenMissingOrForgedIsRefused) {
  EXPECT_EQ(submit(fields({{"_csrf", ""}}), required_pdf()).status, 403);
  EXPECT_EQ(submit(fields({{"_csrf", "forged"}}), required_pdf()).status, 403);
  expect_nothing_stored();
}

TEST_F(SubmissionTest, UnknownOrOfflineProcedureIsNotFound) {
  EXPECT_EQ(get(form_path("9.999.KHONG.CO"), cookie_).status, 404);
  EXPECT_EQ(get(form_path(kOffline), cookie_).status, 404);
  EXPECT_EQ(submit(fields(), required_pdf(), kOffline).status, 404);
  EXPECT_EQ(submit(fields(), required_pdf(), "9.999.KHONG.CO").status, 404);
  EXPECT_TRUE(stored_files().empty());
}

TEST_F(SubmissionTest, MalformedBodyIsRefused) {
  std::string body = multipart(fields(), required_pdf());
  HttpResponse truncated =
      send("POST", form_path(), body.substr(0, body.size() / 2),
           {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary},
            {"Cookie", cookie_}});
  EXPECT_EQ(truncated.status, 400);
  HttpResponse urlencoded = post(form_path(), "_csrf=" + csrf_, cookie_);
  EXPECT_EQ(urlencoded.status, 400) << "a good token, but not the form's encoding";
  EXPECT_EQ(post(form_path(), "_csrf=forged", cookie_).status, 403);
  HttpResponse no_boundary = send("POST", form_path(), body,
                                  {{"Content-Type", "multipart/form-data"}, {"Cookie", cookie_}});
  EXPECT_EQ(no_boundary.status, 403) << "no boundary: its token cannot be read";
  expect_nothing_stored();
}

// Over a real socket: the upload route takes more than the server's 1 MiB; others do not.
TEST_F(SubmissionTest, ServerRaisesTheBodyLimitForTheUploadRouteOnly) {
  std::uint16_t port = start_server();
  auto post_raw = [&](const std::string& path, const std::string& content_type,
                      const std::string& body) {
    motcua::testing::RawHttpConnection c(port);
    c.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nCookie: " + cookie_ + "\r\nContent-Type: " +
           content_type + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    return motcua::testing::status_of(c.read_response());
  };
  std::string multi = std::string("multipart/form-data; boundary=") + kBoundary;
  // 1.1 MiB: within the upload route's limit (total 160 KiB + 1 MiB), refused by the form.
  std::string big = multipart(fields(), {{"tep_0", "a.pdf", pdf_bytes(1100 * 1024)}});
  EXPECT_EQ(post_raw(form_path(), multi, big), 422);
  EXPECT_EQ(post_raw("/can-bo/dang-nhap", multi, big), 413) << "other routes keep 1 MiB";
  EXPECT_EQ(post_raw(form_path(), "application/x-www-form-urlencoded", big), 413);
  std::string huge = multipart(fields(), {{"tep_0", "a.pdf", pdf_bytes(1300 * 1024)}});
  EXPECT_EQ(post_raw(form_path(), multi, huge), 413);
  expect_nothing_stored();
}

class SubmittedCaseTest : public SubmissionTest {
 protected:
  void SetUp() override {
    SubmissionTest::SetUp();
    pdf_ = pdf_bytes(100);
    HttpResponse r = submit(fields(), {{"tep_0", "Bản chính %22số 1%22.pdf", pdf_}});
    ASSERT_EQ(r.status, 303) << r.body;
    c_ = *stored(kFirstCode);
    file_id_ = case_files(c_.id).at(0).id;
  }
  std::string citizen_href() {
    return std::string("/quan-ly-ho-so/") + kFirstCode + "/tep/" + std::to_string(file_id_);
  }
  std::string officer_href() {
    return std::string("/can-bo/ho-so/") + kFirstCode + "/tep/" + std::to_string(file_id_);
  }
  std::string pdf_;
  core::CaseRecord c_;
  std::int64_t file_id_ = 0;
};

TEST_F(SubmittedCaseTest, OwnerDownloadsTheExactBytesAsAnAttachment) {
  HttpResponse r = get(citizen_href(), cookie_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, pdf_);
  EXPECT_EQ(r.content_type, "application/pdf");
  EXPECT_EQ(header_of(r, "Content-Disposition"),
            "attachment; filename=\"B_n ch_nh s_ 1.pdf\"; "
            "filename*=UTF-8''B%E1%BA%A3n%20ch%C3%ADnh%20s%E1%BB%91%201.pdf");
  EXPECT_EQ(header_of(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header_of(r, "Cache-Control"), "private, no-store");
}

TEST_F(SubmittedCaseTest, CasePagesOfOwnerAndOfficerLinkTheFile) {
  HttpResponse mine = get(std::string("/quan-ly-ho-so/") + kFirstCode, cookie_);
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("href=\"" + citizen_href() + "\""), std::string::npos);
  EXPECT_NE(mine.body.find(">Bản chính số 1.pdf</a>"), std::string::npos);
  EXPECT_EQ(mine.body.find("/can-bo/ho-so/"), std::string::npos) << "no console link for citizens";
  HttpResponse officer = get(std::string("/can-bo/ho-so/") + kFirstCode, sign_in());
  ASSERT_EQ(officer.status, 200);
  EXPECT_NE(officer.body.find("href=\"" + officer_href() + "\""), std::string::npos);
}

TEST_F(SubmittedCaseTest, OtherCitizensAndVisitorsGetNothing) {
  core::CitizenAccount other = add_citizen_account("062190008871", "Trần Văn An");
  HttpResponse r = get(citizen_href(), citizen_cookie(other));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body, pdf_);
  HttpResponse missing = get(std::string("/quan-ly-ho-so/") + kFirstCode + "/tep/999", cookie_);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(get(citizen_href()).status, 303) << "a visitor is sent to sign in";
  EXPECT_EQ(get(officer_href()).status, 303) << "console sign-in";
  EXPECT_EQ(get(officer_href(), cookie_).status, 303) << "a citizen is no officer";
}

TEST_F(SubmittedCaseTest, OfficersOfTheUnitDownloadOthersDoNot) {
  HttpResponse r = get(officer_href(), sign_in("canbo"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, pdf_);
  EXPECT_EQ(header_of(r, "Cache-Control"), "private, no-store");
  HttpResponse other_unit = get(officer_href(), sign_in("sotuphap"));
  EXPECT_EQ(other_unit.status, 404);
  EXPECT_NE(other_unit.body, pdf_);
}

TEST_F(SubmittedCaseTest, CaseAppearsAsNewInPendingAndIsTakenIn) {
  std::string session = sign_in("canbo");
  HttpResponse list = get("/can-bo/ho-so-cho-tiep-nhan", session);
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, kFirstCode));
  EXPECT_TRUE(contains(list.body, "Mới đăng ký"));
  EXPECT_FALSE(contains(get("/can-bo/ho-so-cho-tiep-nhan", sign_in("sotuphap")).body, kFirstCode));

  std::string page_path = std::string("/can-bo/ho-so/") + kFirstCode;
  HttpResponse page = get(page_path, session);
  EXPECT_TRUE(contains(page.body, "href=\"" + officer_href() + "\"")) << "File đính kèm";
  EXPECT_TRUE(contains(page.body, "Bản chính giấy tờ làm cơ sở để chứng thực"));
  HttpResponse accepted = post(
      page_path + "/trang-thai",
      "_csrf=" + csrf_in(page.body) + "&version=" + std::to_string(c_.version) + "&to=2&reason=",
      session);
  EXPECT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(stored(kFirstCode)->status, core::CaseStatus::kAccepted);
  EXPECT_TRUE(stored(kFirstCode)->received_at.has_value());

  // The intake slip's "Thành phần hồ sơ" lists the attached documents instead of blank rows.
  HttpResponse slip = get(page_path + "/giay-tiep-nhan", session);
  ASSERT_EQ(slip.status, 200);
  EXPECT_TRUE(contains(slip.body, "Bản chính giấy tờ làm cơ sở để chứng thực (Bản chính số 1.pdf)"))
      << slip.body;
  EXPECT_FALSE(contains(slip.body, "class=\"dots\""));
}

}  // namespace
}  // namespace motcua::adapters::web
