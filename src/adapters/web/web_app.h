#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "adapters/web/http_message.h"
#include "adapters/web/router.h"
#include "adapters/web/template_engine.h"
#include "app/case_events.h"
#include "app/citizen_sessions.h"
#include "app/clock.h"
#include "app/event_log.h"
#include "app/file_store.h"
#include "app/online_payment.h"
#include "app/online_submission.h"
#include "app/outbox.h"
#include "app/password_hasher.h"
#include "app/payment_callbacks.h"
#include "app/payment_links.h"
#include "app/printed_documents.h"
#include "app/qr_code_renderer.h"
#include "app/receipt_signer.h"
#include "app/reconciliation.h"
#include "app/staff_authentication.h"
#include "app/store.h"
#include "app/store_metrics.h"
#include "app/token_service.h"
#include "app/web_sessions.h"
#include "core/working_calendar.h"

namespace motcua::adapters::web {

struct WebDependencies {
  app::Store& store;
  app::StaffAuthentication& staff_auth;
  app::TokenService& tokens;
  const app::Clock& clock;
  const core::WorkingCalendar& calendar;  // deadlines when a status change receives a case
  std::shared_ptr<const TemplateEngine> templates;
  bool secure_cookies = false;  // true behind TLS
  // Hashes the initial passwords of staff accounts the admin creates; without it (nullptr)
  // creating staff fails with a server error.
  app::PasswordHasher* password_hasher = nullptr;
  app::EventLog* log = nullptr;  // the access log (event "http"); none when null
  const app::StoreMetrics* store_metrics = nullptr;  // database timings in /metrics, when set
  // Builds the working calendar from what is stored now (the shipped years and those the admin
  // edited). When set, every request that computes dates uses a freshly built calendar, so an
  // edit on the calendar page applies at once, in every process; when empty, `calendar`.
  std::function<core::Result<core::WorkingCalendar>()> load_calendar;
  // Online fee payment (the pay link, callbacks, return page, receipts). Without it the
  // payment routes answer 503 and the case page shows the fee lines only.
  app::OnlinePayment* payments = nullptr;
  // Authenticates and decodes the payment platform's callbacks; without it they answer 503.
  app::PaymentCallbackReader* callback_reader = nullptr;
  // The daily reconciliation ("Đối soát thanh toán"); without it the page shows past runs
  // only and "Đối soát ngay" answers 503.
  app::Reconciliation* reconciliation = nullptr;
  // Signs and checks receipts (the verification page, re-issue, GET
  // /api/v1/public/receipt-keys); without it no signature holds and re-issues are unsigned.
  const app::ReceiptSigner* receipt_signer = nullptr;
  // The public site (public_site.h). The pay links' tokens; without them (nullptr) the payment
  // page and the intake slip show no QR and the pay-link route refuses every token.
  const app::PaymentLinks* payment_links = nullptr;
  // Draws the pay links' QR codes; without it (nullptr) no QR is shown, the links still are.
  const app::QrCodeRenderer* qr_codes = nullptr;
  // Renders receipts and intake slips as PDF; without it (nullptr) the PDF routes answer 503.
  const app::PrintedDocuments* documents = nullptr;
  // How citizens reach this server, without a trailing slash ("https://dichvucong.example");
  // the start of every pay link. Empty: links are bare paths ("/tt/<code>/<token>").
  std::string public_base_url;
  // Typed case-code lookups per client address and minute (payment page and its API).
  int public_lookups_per_minute = 30;
  // A reverse proxy's address: requests whose socket peer it is are counted under the last
  // X-Forwarded-For address. Empty: the socket peer always (the header is never trusted).
  std::string trusted_proxy;
  // The header's province line ("Tỉnh Kon Tum", shown upper case); empty: the one top-level
  // agency active today, else the guide's "Tỉnh Kon Tum".
  std::string public_province;
  // "Địa điểm trụ sở" in the footer; empty: none shown.
  std::string office_address;
  // Màn hình phụ (counter_screen_pages.cc): how long a counter screen shows a pushed case or
  // its success with nothing happening before it returns to the welcome screen.
  std::chrono::seconds counter_screen_idle{120};
  // Committed case events of every process (live pages, live_routes.cc). Without it the
  // event-stream routes answer 503 and the pages work by reloading.
  app::CaseEventFeed* case_events = nullptr;
  // The citizen portal's sessions (page_support.h: signed_in_citizen, citizen_only); without
  // it nobody is signed in on the portal and its account pages send visitors to sign in.
  app::CitizenSessions* citizen_sessions = nullptr;
  // Failed sign-ins for the portal's lockout (account_pages.h); without it (or without
  // password_hasher) the portal's sign-in answers 503.
  app::WebSessionStore* web_sessions = nullptr;
  // Delivers password-reset codes to citizens; without it "Quên mật khẩu" answers 503.
  app::Outbox* outbox = nullptr;
  // Online submission's attachments (submission_routes.h): where they are kept and how their
  // types are sniffed from their bytes. Without both, the submission form answers 503 and the
  // file routes 404.
  app::FileStore* files = nullptr;
  const app::ContentSniffer* sniffer = nullptr;
  app::UploadLimits upload_limits;  // [uploads] max_file_bytes, max_total_bytes
  // Open event streams per client address (live_stream_slots.h) and in all.
  std::size_t live_streams_per_client = 6;
  std::size_t live_streams_total = 1000;
};

// The whole web application: routes, sign-in, CSRF, security headers, metrics and the access
// log around every response. Thread-safe; one instance serves every connection.
class WebApp {
 public:
  explicit WebApp(WebDependencies deps);
  ~WebApp();
  HttpResponse handle(HttpRequest& request);
  // Every route registered, in order (see Router::routes).
  std::vector<Router::RouteInfo> routes() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

// The templates and static files compiled into the binary.
core::Result<std::shared_ptr<const TemplateEngine>> load_shipped_templates();

}  // namespace motcua::adapters::web
