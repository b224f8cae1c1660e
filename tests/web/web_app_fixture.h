#pragma once
// The base of the web tests' fixtures: a WebApp over a fresh SQLite store in a temporary
// directory, a clock standing at 07:00 on Friday 26/04/2024 Vietnam time (within working
// hours), requests built by hand and sent straight to WebApp::handle or, with start_server(),
// served on a real socket. Derived fixtures seed their own agencies, staff and procedures in
// seed_data(); every staff member's password is kPassword.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../fakes/capturing_outbox.h"
#include "../fakes/fake_clock.h"
#include "../fakes/fake_payment_gateway.h"
#include "../fakes/fake_platform_reports.h"
#include "../support/temp_dir.h"
#include "../unit/calendar_fixtures.h"
#include "adapters/documents/cairo_printed_documents.h"
#include "adapters/files/local_file_store.h"
#include "adapters/files/magic_content_sniffer.h"
#include "adapters/payment/platform_callback_reader.h"
#include "adapters/qr/svg_qr_code_renderer.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/security/sodium_payment_links.h"
#include "adapters/security/sodium_receipt_signer.h"
#include "adapters/security/sodium_token_service.h"
#include "adapters/storage/open_store.h"
#include "adapters/web/form.h"
#include "adapters/web/http_server.h"
#include "adapters/web/public_site.h"
#include "adapters/web/submission_routes.h"
#include "adapters/web/web_app.h"
#include "web_test_support.h"

namespace motcua::adapters::web {

using Headers = std::vector<std::pair<std::string, std::string>>;

class WebAppFixture : public ::testing::Test {
 protected:
  static constexpr const char* kPassword = "matkhau";
  static constexpr const char* kProcedure = "2.000815.000.00.00.H34";
  static constexpr const char* kWardCase = "H34.22.6-240426-0002";
  static constexpr const char* kJusticeCase = "H34.4-240426-0001";
  // The public site's address in pay links, and the key of their tokens (a fixed test key).
  static constexpr const char* kPublicBase = "https://dichvucong.example.vn";
  static constexpr const char* kLinkKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

  // Opens a fresh store, writes seed_data() in one transaction and starts the application.
  void SetUp() override {
    open_store();
    if (HasFatalFailure()) return;
    seed([&](app::Repositories& r) { return seed_data(r); });
    if (HasFatalFailure()) return;
    start_app();
  }

  // What the fixture's tests start from: agencies, staff, procedures.
  virtual core::Status seed_data(app::Repositories& r) = 0;

  void TearDown() override {
    if (server_) server_->stop(std::chrono::milliseconds(1000));
  }

  // Migrates and opens the store and its web sessions.
  void open_store() {
    std::string url = "sqlite://" + dir_.file("motcua.db");
    ASSERT_TRUE(storage::migrate(url).ok());
    store_ = std::move(storage::open_store(url)).value();
    sessions_ = std::move(storage::open_web_session_store(url)).value();
  }

  // Writes seed data in one transaction; a fatal test failure when it fails.
  void seed(const std::function<core::Status(app::Repositories&)>& write) {
    core::Status seeded = store_->transact(write);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
  }

  // The application as `motcua serve` wires it, with plain-HTTP cookies unless secure_cookies_.
  void start_app() {
    auth_ =
        std::make_unique<app::StaffAuthentication>(*store_, *sessions_, hasher_, tokens_, clock_);
    citizen_sessions_ =
        std::make_unique<app::CitizenSessions>(*store_, *sessions_, tokens_, clock_);
    app::OnlinePaymentSettings payment_settings{kPublicBase};
    payment_settings.return_url = payment_return_url(links_, kPublicBase);
    payment_settings.receipt_signer = &receipt_signer_;
    payments_ = std::make_unique<app::OnlinePayment>(*store_, gateway_, clock_, payment_settings);
    WebDependencies deps{*store_,         *auth_,    tokens_,
                         clock_,          calendar_, load_shipped_templates().value(),
                         secure_cookies_, &hasher_};
    deps.payment_links = &links_;
    deps.qr_codes = &qr_codes_;
    if (print_documents_) deps.documents = &documents_;
    deps.public_base_url = kPublicBase;
    deps.public_lookups_per_minute = public_lookups_per_minute_;
    deps.office_address = "70 Lê Hồng Phong, thành phố Kon Tum, tỉnh Kon Tum";
    deps.public_province = public_province_;
    deps.payments = payments_.get();
    reconciliation_ = std::make_unique<app::Reconciliation>(*store_, reports_, *payments_, clock_);
    deps.reconciliation = reconciliation_.get();
    deps.callback_reader = &callback_reader_;
    deps.receipt_signer = &receipt_signer_;
    deps.trusted_proxy = trusted_proxy_;
    deps.case_events = case_events_;
    deps.citizen_sessions = citizen_sessions_.get();
    deps.web_sessions = sessions_.get();
    deps.outbox = &outbox_;
    // Online submissions' files in the test's own directory, sniffed by libmagic.
    uploads_ = std::make_unique<files::LocalFileStore>(
        files::LocalFileStore::open(dir_.file("uploads"), tokens_).value());
    deps.files = uploads_.get();
    deps.sniffer = sniffer().get();
    deps.upload_limits = upload_limits_;
    app_ = std::make_unique<WebApp>(deps);
  }

  // The guide's units: the province H34, its ward H34.22.6 and its Sở Tư pháp H34.4.
  static core::Status save_guide_units(app::Repositories& r) {
    for (auto [code, name] : {std::pair{"H34", "Tỉnh Kon Tum"},
                              {"H34.22.6", "Bộ phận TN&TKQ phường Trần Hưng Đạo"},
                              {"H34.4", "Sở Tư pháp"}}) {
      core::Agency agency;
      agency.code = code;
      agency.name = name;
      if (std::string_view(code) != "H34") agency.parent_code = "H34";
      if (auto s = r.agencies().save(agency); !s.ok()) return s;
    }
    return {};
  }

  // An active staff member whose password is kPassword; "canbo" becomes officer_id_.
  core::Status add_staff(app::Repositories& r, const std::string& username,
                         const std::string& full_name, const std::string& agency,
                         std::uint32_t roles) {
    if (password_hash_.empty()) password_hash_ = hasher_.hash(kPassword).value();
    auto id = r.staff().create({0, username, full_name, agency, roles, password_hash_, true});
    if (!id.ok()) return id.error();
    if (username == "canbo") officer_id_ = *id;
    return {};
  }

  // "Thủ tục chứng thực bản sao từ bản chính" with the guide's fee: 2.000 đồng a page, 1.000
  // from the third page on, at most 200.000 a set.
  static core::Procedure copy_certification() {
    core::Procedure p;
    p.code = kProcedure;
    p.name = "Thủ tục chứng thực bản sao từ bản chính";
    p.field = "Chứng thực";
    p.level = "Xã";
    p.processing_days = 1;
    core::ProcedureFee fee;
    fee.item.name = "Phí chứng thực bản sao từ bản chính";
    fee.item.unit = "trang";
    fee.item.tiers = {
        {1, core::Money::dong(2000), "Phí chứng thực bản sao từ bản chính"},
        {3, core::Money::dong(1000), "Phí chứng thực bản sao từ bản chính từ trang thứ 3."}};
    fee.item.cap_per_set = core::Money::dong(200000);
    fee.valid_from = std::chrono::sys_days{std::chrono::year{2017} / 1 / 1};
    p.fees = {fee};
    p.confirmed = true;
    return p;
  }

  // Any request, straight to the application; the query decoded as the server does ('+' and
  // %XX; a repeated key keeps its first value).
  HttpResponse send(const std::string& method, const std::string& target, std::string body = "",
                    const Headers& headers = {}) {
    HttpRequest r;
    r.method = method;
    r.target = target;
    size_t q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) {
      for (const auto& [key, value] : parse_form(target.substr(q + 1))) r.query.emplace(key, value);
    }
    r.body = std::move(body);
    for (const auto& [name, value] : headers) r.headers[name] = value;
    return app_->handle(r);
  }

  HttpResponse get(const std::string& target, const std::string& cookies = "") {
    return send("GET", target, "", cookies.empty() ? Headers{} : Headers{{"Cookie", cookies}});
  }

  // A form POST as a browser sends it.
  HttpResponse post(const std::string& path, const std::string& body,
                    const std::string& cookies = "") {
    Headers headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!cookies.empty()) headers.emplace_back("Cookie", cookies);
    return send("POST", path, body, headers);
  }

  // Signs in through the console's form and returns the session cookie pair.
  std::string sign_in(const std::string& username = "canbo",
                      const std::string& password = kPassword) {
    HttpResponse form = get("/can-bo/dang-nhap");
    HttpResponse r =
        post("/can-bo/dang-nhap",
             "_csrf=" + csrf_in(form.body) + "&username=" + username + "&password=" + password,
             cookie_pair(form, "motcua_login_csrf"));
    EXPECT_EQ(r.status, 303) << r.body;
    return cookie_pair(r, "motcua_session");
  }

  // A portal account (password kPassword) for `id_number`; returns it with its id.
  core::CitizenAccount add_citizen_account(const std::string& id_number,
                                           const std::string& full_name = "Võ Đặng Ngọc Giả") {
    if (password_hash_.empty()) password_hash_ = hasher_.hash(kPassword).value();
    core::CitizenAccount account{
        0, id_number, full_name, "0886650748", "gia@example.vn", password_hash_};
    seed([&](app::Repositories& r) -> core::Status {
      auto id = r.citizens().create(account);
      if (!id.ok()) return id.error();
      account.id = *id;
      return {};
    });
    return account;
  }

  // The portal cookie pair of a new session of `account`, opened behind the sign-in page's
  // back (the tests of pages that need a signed-in citizen).
  std::string citizen_cookie(const core::CitizenAccount& account) {
    app::CitizenSession session = citizen_sessions_->open(account).value();
    return std::string(kCitizenCookieName) + "=" + session.token;
  }
  static constexpr const char* kCitizenCookieName = "motcua_portal";

  static core::CasePerson citizen(const std::string& id_number,
                                  const std::string& email = "gia@example.vn") {
    return {"Võ Đặng Ngọc Giả", id_number, "Kon Tum", "0886650748", email};
  }

  // A case received at 07:27:52 on 26/04/2024 with the guide's two fee lines, the first paid;
  // a ward case is assigned to the officer "canbo". `adjust` changes it before it is stored.
  core::CaseRecord seed_case(const std::string& code, const std::string& agency,
                             core::CasePerson submitter,
                             core::CaseStatus status = core::CaseStatus::kAccepted,
                             const std::function<void(core::CaseRecord&)>& adjust = {}) {
    using namespace std::chrono_literals;
    core::CaseRecord c;
    c.code = code;
    c.procedure_code = kProcedure;
    c.procedure_name = "Thủ tục chứng thực bản sao từ bản chính";
    c.receiving_agency_code = c.processing_agency_code = agency;
    c.submitter = submitter;
    c.owner = std::move(submitter);
    auto received = std::chrono::sys_days{std::chrono::year{2024} / 4 / 26} + 27min + 52s;
    c.submitted_at = received;
    c.received_at = received;
    c.deadline_at = received + 24h * 6;
    c.appointment_at = received + 24h * 8;
    c.status = status;
    if (agency == "H34.22.6") c.assigned_staff_id = officer_id_;
    c.fee_lines = {{"Phí chứng thực bản sao từ bản chính", "Phí chứng thực bản sao từ bản chính", 1,
                    core::Money::dong(2000), core::Money::dong(2000), true,
                    core::PaymentMethod::kPaymentPlatform},
                   {"Phí chứng thực bản sao từ bản chính",
                    "Phí chứng thực bản sao từ bản chính từ trang thứ 3.", 1,
                    core::Money::dong(1000), core::Money::dong(1000), false, std::nullopt}};
    if (adjust) adjust(c);
    core::Status s = store_->transact([&](app::Repositories& r) -> core::Status {
      auto id = r.cases().insert(c);
      if (!id.ok()) return id.error();
      c.id = *id;
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return c;
  }

  // Pays every unpaid line of `code` as the platform's confirmed callback would (through
  // OnlinePayment::apply); the receipt's id, 0 (and a test failure) when nothing was issued.
  std::int64_t pay_online(const std::string& code) {
    core::Result<app::PaymentStart> started = payments_->start(code);
    EXPECT_TRUE(started.ok());
    if (!started.ok()) return 0;
    app::GatewayOutcome outcome;
    outcome.event_id = "EV-" + started->reference;
    outcome.transaction_id = "TX-" + started->reference;
    outcome.reference = started->reference;
    outcome.state = core::PaymentState::kSucceeded;
    outcome.amount = started->amount;
    outcome.currency = "VND";
    outcome.paid_at = clock_.now().time_since_epoch().count();
    outcome.channel = {"wallet", "MOMO", "Ví MoMo"};
    core::Result<app::ApplyResult> applied = payments_->apply(outcome, "{}");
    EXPECT_TRUE(applied.ok() && applied->receipt_id.has_value());
    return applied.ok() && applied->receipt_id ? *applied->receipt_id : 0;
  }

  void seed_two_cases() {
    seed_case(kWardCase, "H34.22.6", citizen("062190008870"));
    seed_case(kJusticeCase, "H34.4", citizen("062190008871"));
  }

  // The stored case, read behind the web layer's back.
  std::optional<core::CaseRecord> stored(const std::string& code) {
    std::optional<core::CaseRecord> found;
    core::Status s = store_->read([&](app::Repositories& r) -> core::Status {
      auto c = r.cases().find_by_code(code);
      if (!c.ok()) return c.error();
      found = *c;
      return {};
    });
    EXPECT_TRUE(s.ok());
    return found;
  }

  // Serves the application on a real socket (port 0); returns the port. TearDown stops it.
  std::uint16_t start_server() {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.body_limit = [this, base = options.max_body_bytes](std::string_view method,
                                                               std::string_view target,
                                                               std::string_view content_type) {
      return request_body_limit(upload_limits_, base, method, target, content_type);
    };
    server_ =
        std::make_unique<HttpServer>(options, [this](HttpRequest& r) { return app_->handle(r); });
    core::Status started = server_->start();
    EXPECT_TRUE(started.ok()) << started.error().message;
    return server_->port();
  }

  // One libmagic database per binary (loading it takes a while under the sanitizers).
  static const std::unique_ptr<files::MagicContentSniffer>& sniffer() {
    static const std::unique_ptr<files::MagicContentSniffer> shared =
        files::MagicContentSniffer::open().value();
    return shared;
  }

  std::int64_t officer_id_ = 0;  // "canbo", once add_staff has created it
  // [uploads] limits; small, so tests can exceed them cheaply. Set before start_app().
  app::UploadLimits upload_limits_{64 * 1024, 160 * 1024};
  std::unique_ptr<files::LocalFileStore> uploads_;
  motcua::testing::TempDir dir_{"motcua-web"};
  core::WorkingCalendar calendar_ = core::WorkingCalendar::create(core::fixtures::announced_years(),
                                                                  core::WorkingHours::standard())
                                        .value();
  motcua::testing::FakeClock clock_{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};
  security::Argon2PasswordHasher hasher_{security::Argon2Cost::fast()};
  security::SodiumTokenService tokens_;
  qr::SvgQrCodeRenderer qr_codes_;
  static inline const documents::CairoPrintedDocuments documents_;  // one font map per binary
  bool print_documents_ = true;  // set false before start_app() for no PDF renderer
  security::SodiumPaymentLinks links_ =
      security::SodiumPaymentLinks::from_key_text(kLinkKey).value();
  // Receipts are signed with "web-1" (receipt_pages_test); "web-0" only verifies.
  security::SodiumReceiptSigner receipt_signer_ =
      security::SodiumReceiptSigner::from_config(
          "web-0:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,"
          "web-1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
          "web-1")
          .value();
  int public_lookups_per_minute_ = 30;         // set before start_app() to test the limit
  std::string public_province_;                // [server] province; empty: from the agencies
  std::string trusted_proxy_;                  // [server] trusted_proxy
  bool secure_cookies_ = false;                // set before start_app() for the TLS cookie flags
  app::CaseEventFeed* case_events_ = nullptr;  // live pages' change feed; set before start_app()
  motcua::testing::CapturingOutbox outbox_;    // password-reset codes the portal sent
  std::unique_ptr<app::Store> store_;
  std::unique_ptr<app::WebSessionStore> sessions_;
  std::unique_ptr<app::StaffAuthentication> auth_;
  std::unique_ptr<app::CitizenSessions> citizen_sessions_;
  // Online payment over an in-memory gateway: the web tests see what the pages make of stored
  // payments; the real platform protocol is tested against motcua-sandbox (tests/system).
  motcua::testing::FakePaymentGateway gateway_;
  std::unique_ptr<app::OnlinePayment> payments_;
  // "Đối soát thanh toán" over a daily file the test writes.
  motcua::testing::FakePlatformReports reports_;
  std::unique_ptr<app::Reconciliation> reconciliation_;
  // The platform's callbacks are checked for real: signed under this key (payment_routes_test).
  static constexpr const char* kCallbackKeyId = "sandbox-1";
  std::string callback_key_ = std::string(32, 'k');
  payment::PlatformCallbackReader callback_reader_{{{kCallbackKeyId, callback_key_}}, clock_};
  std::unique_ptr<WebApp> app_;
  std::unique_ptr<HttpServer> server_;

 private:
  std::string password_hash_;  // of kPassword, hashed once
};

}  // namespace motcua::adapters::web
