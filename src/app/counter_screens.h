#pragma once
// Màn hình phụ: the counter screen. A tablet at the counter opens the screen page without any
// sign-in; its first visit creates a screen whose random secret lives in the tablet's cookie
// (storage keeps only its fingerprint). An unbound screen shows a 6-digit pairing code; the
// officer types it in the console and the screen is bound to them (one screen per officer:
// pairing again moves the binding). The officer then pushes a case to their own screen, which
// shows the payer, the case code, the amount outstanding and the pay-link QR; when the lines
// are paid, by whatever path, it shows the success with the amount and the receipts; after
// `idle` without anything happening it returns to the welcome screen.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/store.h"
#include "app/token_service.h"
#include "core/account.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

struct CounterScreenSettings {
  std::chrono::seconds pairing_lifetime{600};  // a pairing code is valid 10 minutes
  // Nothing pushed or paid for this long: back to the welcome screen ([server]
  // counter_screen_idle_seconds).
  std::chrono::seconds idle{120};
  std::chrono::seconds seen_every{60};  // last_seen is written at most this often
  // Unbound screens not seen for this long are deleted when a new screen is made.
  std::chrono::seconds forget_unbound_after{std::chrono::hours(24)};
};

enum class ScreenPhase {
  kPairing,  // unbound: shows its pairing code
  kWelcome,  // "Chào mừng quý khách" with the unit's name
  kPayment,  // a pushed case with something outstanding: payer, code, amount, QR
  kPaid,     // the pushed case's lines are all paid: "Thanh toán thành công"
};
std::string_view to_string(ScreenPhase phase);  // "pairing", "welcome", "payment", "paid"

struct ScreenReceipt {
  std::string series;  // "AA-24E"
  std::string number;  // "0000001"
};

// What a screen shows now. `version` changes whenever anything shown changes; the rest is
// filled only when the caller did not already know this version (see CounterScreens::look).
struct ScreenView {
  ScreenPhase phase = ScreenPhase::kPairing;
  std::string version;
  bool filled = false;  // false: only phase and version are set
  std::string pairing_code;
  std::chrono::sys_seconds pairing_expires_at{};
  std::string unit_name;   // the bound officer's unit
  std::string case_code;   // kPayment, kPaid
  std::string payer_name;  // kPayment: upper case, as the public payment page shows it
  core::Money amount;      // kPayment: outstanding; kPaid: what was outstanding when pushed
  std::vector<ScreenReceipt> receipts;  // kPaid: issued since the push
};

// A tablet's visit: the screen, and the new secret to keep in its cookie when one was made.
struct ScreenVisit {
  std::string new_secret;  // empty when the cookie's secret was known
  ScreenView view;
};

// The officer's side: their screen, if any.
struct ScreenBinding {
  std::chrono::sys_seconds paired_at{};
  std::chrono::sys_seconds last_seen{};
  std::string case_code;  // the case pushed last; empty when none
};

class CounterScreens {
 public:
  CounterScreens(Store& store, TokenService& tokens, const Clock& clock,
                 CounterScreenSettings settings);

  // The screen of the cookie's `secret`; a new screen (and secret) when it is empty or
  // unknown. kStorage.
  core::Result<ScreenVisit> visit(std::string_view secret);

  // The screen's view as of now: version and phase always; the content only when the version
  // differs from `known_version`. An unbound screen whose code expired gets a new code here.
  // kNotFound for an unknown secret (the screen was removed: visit again).
  core::Result<ScreenView> look(std::string_view secret, std::string_view known_version);

  // Binds the screen showing `code` to `officer`, moving the officer's earlier screen (if any)
  // back to pairing. kInvalidInput for anything but 6 digits, kNotFound when no screen shows
  // this code, kOutOfRange when its code has expired; kForbidden for an inactive account.
  // Nothing changes on error.
  core::Status pair(const core::StaffMember& officer, std::string_view code);

  // Unbinds the officer's screen; it shows a new pairing code. kNotFound when none is bound.
  core::Status unpair(const core::StaffMember& officer);

  // Shows the case `case_code` on the officer's own screen. kForbidden when no screen is bound
  // to the officer (nobody else's screen can be reached); kNotFound for an unknown or
  // cancelled case or one the officer may not view; kInvalidInput when nothing is outstanding.
  core::Status push(const core::StaffMember& officer, std::string_view case_code);

  // The officer's screen, if one is bound.
  core::Result<std::optional<ScreenBinding>> binding(const core::StaffMember& officer);

 private:
  core::Result<std::string> fresh_code(CounterScreenRepository& screens);

  Store& store_;
  TokenService& tokens_;
  const Clock& clock_;
  CounterScreenSettings settings_;
};

}  // namespace motcua::app
