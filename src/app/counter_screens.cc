#include "app/counter_screens.h"

#include <algorithm>

#include "core/access_policy.h"
#include "core/case_status.h"
#include "core/fee_line.h"
#include "core/receipt_number.h"
#include "core/vietnamese_text.h"

namespace motcua::app {
namespace {

constexpr std::size_t kCodeDigits = 6;
constexpr int kCodeAttempts = 8;

// The value of one base64url character (new_token's alphabet), 0..63.
std::uint64_t sextet(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<std::uint64_t>(c - 'A');
  if (c >= 'a' && c <= 'z') return static_cast<std::uint64_t>(c - 'a' + 26);
  if (c >= '0' && c <= '9') return static_cast<std::uint64_t>(c - '0' + 52);
  return c == '-' ? 62 : 63;
}

// Six decimal digits from the first 48 random bits of a token (a bias below 2^-28 per code).
std::string digits_of(std::string_view token) {
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < 8 && i < token.size(); ++i) bits = (bits << 6) | sextet(token[i]);
  std::string code = std::to_string(bits % 1'000'000);
  return std::string(kCodeDigits - code.size(), '0') + code;
}

// "123 456" as typed: spaces dropped; empty when anything but 6 digits remains.
std::string normalised_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '\t') continue;
    if (c < '0' || c > '9') return "";
    code += c;
  }
  return code.size() == kCodeDigits ? code : "";
}

bool code_expired(const CounterScreenRecord& s, std::chrono::sys_seconds now) {
  return s.pairing_code.empty() || !s.pairing_expires_at || *s.pairing_expires_at <= now;
}

// Back to an unbound screen showing nothing pushed.
void clear_binding(CounterScreenRecord& s) {
  s.staff_login.clear();
  s.paired_at.reset();
  s.case_code.clear();
  s.pushed_amount = core::Money();
  s.pushed_at.reset();
}

// The phase a screen is in at `now`: the rules of the header, in one place.
ScreenPhase phase_of(const CounterScreenRecord& s, const std::optional<FeeProgress>& progress,
                     std::chrono::sys_seconds now, std::chrono::seconds idle) {
  if (s.staff_login.empty()) return ScreenPhase::kPairing;
  if (s.case_code.empty() || !s.pushed_at || !progress || progress->lines == 0) {
    return ScreenPhase::kWelcome;
  }
  std::chrono::sys_seconds last_event = *s.pushed_at;
  if (progress->last_paid_at) last_event = std::max(last_event, *progress->last_paid_at);
  if (now - last_event >= idle) return ScreenPhase::kWelcome;
  return progress->unpaid_lines > 0 ? ScreenPhase::kPayment : ScreenPhase::kPaid;
}

core::Error not_found(std::string message) {
  return {core::ErrorKind::kNotFound, std::move(message)};
}

// The name of the unit `staff_login` belongs to ("" when the account or unit is gone).
core::Result<std::string> unit_name_of(Repositories& r, std::string_view staff_login) {
  core::Result<std::optional<core::StaffMember>> staff = r.staff().find_by_username(staff_login);
  if (!staff.ok()) return staff.error();
  if (!*staff) return std::string();
  core::Result<std::optional<core::Agency>> agency = r.agencies().find((*staff)->agency_code);
  if (!agency.ok()) return agency.error();
  return *agency ? (*agency)->name : (*staff)->agency_code;
}

// Fills what `view.phase` shows, beyond phase and version.
core::Status fill(Repositories& r, const CounterScreenRecord& s, ScreenView& view) {
  view.filled = true;
  if (view.phase == ScreenPhase::kPairing) {
    view.pairing_code = s.pairing_code;
    view.pairing_expires_at = s.pairing_expires_at.value_or(std::chrono::sys_seconds{});
    return {};
  }
  core::Result<std::string> unit = unit_name_of(r, s.staff_login);
  if (!unit.ok()) return unit.error();
  view.unit_name = std::move(unit.value());
  if (view.phase == ScreenPhase::kWelcome) return {};
  view.case_code = s.case_code;
  if (view.phase == ScreenPhase::kPaid) {
    view.amount = s.pushed_amount;
    core::Result<std::optional<core::CaseRecord>> c = r.cases().find_by_code(s.case_code);
    if (!c.ok()) return c.error();
    if (!*c) return {};
    core::Result<std::vector<ReceiptRecord>> receipts = r.receipts().list_for_case((*c)->id);
    if (!receipts.ok()) return receipts.error();
    for (const ReceiptRecord& receipt : *receipts) {
      if (receipt.issued_at < *s.pushed_at) continue;  // paid before this push
      core::Result<std::string> number = core::format_receipt_number(receipt.number);
      view.receipts.push_back(
          {receipt.series, number.ok() ? *number : std::to_string(receipt.number)});
    }
    return {};
  }
  core::Result<std::optional<core::CaseRecord>> c = r.cases().find_by_code(s.case_code);
  if (!c.ok()) return c.error();
  if (!*c) return {};
  core::Result<std::string> upper = core::to_upper((*c)->submitter.name);
  view.payer_name = upper.ok() ? *upper : (*c)->submitter.name;
  core::Result<core::PaymentSummary> summary = core::summarize((*c)->fee_lines);
  if (!summary.ok()) return summary.error();
  view.amount = summary->outstanding;
  return {};
}

}  // namespace

std::string_view to_string(ScreenPhase phase) {
  switch (phase) {
    case ScreenPhase::kPairing:
      return "pairing";
    case ScreenPhase::kWelcome:
      return "welcome";
    case ScreenPhase::kPayment:
      return "payment";
    case ScreenPhase::kPaid:
      return "paid";
  }
  return "welcome";
}

CounterScreens::CounterScreens(Store& store, TokenService& tokens, const Clock& clock,
                               CounterScreenSettings settings)
    : store_(store), tokens_(tokens), clock_(clock), settings_(settings) {}

core::Result<std::string> CounterScreens::fresh_code(CounterScreenRepository& screens) {
  for (int attempt = 0; attempt < kCodeAttempts; ++attempt) {
    std::string code = digits_of(tokens_.new_token());
    core::Result<std::optional<CounterScreenRecord>> taken = screens.find_by_pairing_code(code);
    if (!taken.ok()) return taken.error();
    if (!*taken) return code;
  }
  return core::Error{core::ErrorKind::kConflict, "no free pairing code was drawn"};
}

core::Result<ScreenVisit> CounterScreens::visit(std::string_view secret) {
  if (!secret.empty()) {
    core::Result<ScreenView> known = look(secret, "");
    if (known.ok()) return ScreenVisit{"", std::move(known.value())};
    if (known.error().kind != core::ErrorKind::kNotFound) return known.error();
  }
  const std::chrono::sys_seconds now = clock_.now();
  std::string new_secret = tokens_.new_token();
  core::Status made = store_.transact([&](Repositories& r) -> core::Status {
    CounterScreenRepository& screens = r.counter_screens();
    core::Result<std::int64_t> removed =
        screens.remove_unbound_unseen(now - settings_.forget_unbound_after);
    if (!removed.ok()) return removed.error();
    core::Result<std::string> code = fresh_code(screens);
    if (!code.ok()) return code.error();
    CounterScreenRecord s;
    s.secret_hash = tokens_.fingerprint(new_secret);
    s.pairing_code = *code;
    s.pairing_expires_at = now + settings_.pairing_lifetime;
    s.created_at = s.last_seen = now;
    core::Result<std::int64_t> id = screens.create(s);
    return id.ok() ? core::Status() : core::Status(id.error());
  });
  if (!made.ok()) return made.error();
  core::Result<ScreenView> view = look(new_secret, "");
  if (!view.ok()) return view.error();
  return ScreenVisit{std::move(new_secret), std::move(view.value())};
}

core::Result<ScreenView> CounterScreens::look(std::string_view secret,
                                              std::string_view known_version) {
  const std::string hash = tokens_.fingerprint(secret);
  // At most twice: once more after an expired pairing code was renewed.
  for (int round = 0;; ++round) {
    const std::chrono::sys_seconds now = clock_.now();
    ScreenView view;
    std::optional<CounterScreenRecord> screen;
    core::Status read = store_.read([&](Repositories& r) -> core::Status {
      core::Result<std::optional<CounterScreenRecord>> found =
          r.counter_screens().find_by_secret(hash);
      if (!found.ok()) return found.error();
      if (!*found) return not_found("no counter screen has this secret");
      screen = std::move(found.value());
      std::optional<FeeProgress> progress;
      if (!screen->staff_login.empty() && !screen->case_code.empty()) {
        core::Result<std::optional<FeeProgress>> p =
            r.counter_screens().fee_progress(screen->case_code);
        if (!p.ok()) return p.error();
        progress = *p;
      }
      view.phase = phase_of(*screen, progress, now, settings_.idle);
      view.version = std::to_string(screen->version) + "-" + std::string(to_string(view.phase));
      if (view.phase == ScreenPhase::kPayment) {
        view.version += "-" + std::to_string(progress->outstanding.in_dong());
      }
      if (view.version == known_version) return {};
      // An expired code is renewed below before anything is shown.
      if (view.phase == ScreenPhase::kPairing && code_expired(*screen, now) && round == 0) {
        return {};
      }
      return fill(r, *screen, view);
    });
    if (!read.ok()) return read.error();

    if (view.phase == ScreenPhase::kPairing && code_expired(*screen, now) && round == 0) {
      core::Status renewed = store_.transact([&](Repositories& r) -> core::Status {
        core::Result<std::optional<CounterScreenRecord>> found =
            r.counter_screens().find_by_secret(hash);
        if (!found.ok()) return found.error();
        if (!*found || !(*found)->staff_login.empty() || !code_expired(**found, now)) return {};
        CounterScreenRecord s = **found;
        core::Result<std::string> code = fresh_code(r.counter_screens());
        if (!code.ok()) return code.error();
        s.pairing_code = *code;
        s.pairing_expires_at = now + settings_.pairing_lifetime;
        s.last_seen = now;
        return r.counter_screens().update(s);
      });
      // Another request renewing it at the same moment is as good.
      if (!renewed.ok() && renewed.error().kind != core::ErrorKind::kConflict) {
        return renewed.error();
      }
      continue;
    }
    if (now - screen->last_seen >= settings_.seen_every) {
      core::Status touched = store_.transact(
          [&](Repositories& r) { return r.counter_screens().touch(screen->id, now); });
      if (!touched.ok()) return touched.error();
    }
    return view;
  }
}

core::Status CounterScreens::pair(const core::StaffMember& officer, std::string_view typed) {
  if (!officer.active) return core::Error{core::ErrorKind::kForbidden, "inactive account"};
  const std::string code = normalised_code(typed);
  if (code.empty()) return core::invalid_input("a pairing code is 6 digits");
  const std::chrono::sys_seconds now = clock_.now();
  return store_.transact([&](Repositories& r) -> core::Status {
    CounterScreenRepository& screens = r.counter_screens();
    core::Result<std::optional<CounterScreenRecord>> found = screens.find_by_pairing_code(code);
    if (!found.ok()) return found.error();
    if (!*found || !(*found)->staff_login.empty()) return not_found("no screen shows this code");
    CounterScreenRecord screen = **found;
    if (code_expired(screen, now)) return core::out_of_range("the pairing code has expired");

    core::Result<std::optional<CounterScreenRecord>> earlier =
        screens.find_by_staff(officer.username);
    if (!earlier.ok()) return earlier.error();
    if (*earlier) {
      CounterScreenRecord old = **earlier;
      clear_binding(old);
      core::Result<std::string> fresh = fresh_code(screens);
      if (!fresh.ok()) return fresh.error();
      old.pairing_code = *fresh;
      old.pairing_expires_at = now + settings_.pairing_lifetime;
      if (core::Status s = screens.update(old); !s.ok()) return s;
    }
    clear_binding(screen);
    screen.pairing_code.clear();
    screen.pairing_expires_at.reset();
    screen.staff_login = officer.username;
    screen.paired_at = now;
    return screens.update(screen);
  });
}

core::Status CounterScreens::unpair(const core::StaffMember& officer) {
  const std::chrono::sys_seconds now = clock_.now();
  return store_.transact([&](Repositories& r) -> core::Status {
    CounterScreenRepository& screens = r.counter_screens();
    core::Result<std::optional<CounterScreenRecord>> found =
        screens.find_by_staff(officer.username);
    if (!found.ok()) return found.error();
    if (!*found) return not_found("no counter screen is bound to this officer");
    CounterScreenRecord screen = **found;
    clear_binding(screen);
    core::Result<std::string> code = fresh_code(screens);
    if (!code.ok()) return code.error();
    screen.pairing_code = *code;
    screen.pairing_expires_at = now + settings_.pairing_lifetime;
    return screens.update(screen);
  });
}

core::Status CounterScreens::push(const core::StaffMember& officer, std::string_view case_code) {
  const std::chrono::sys_seconds now = clock_.now();
  return store_.transact([&](Repositories& r) -> core::Status {
    core::Result<std::optional<CounterScreenRecord>> found =
        r.counter_screens().find_by_staff(officer.username);
    if (!found.ok()) return found.error();
    if (!*found || !officer.active) {
      return core::Error{core::ErrorKind::kForbidden, "no counter screen is bound to this officer"};
    }
    core::Result<std::optional<core::CaseRecord>> c = r.cases().find_by_code(case_code);
    if (!c.ok()) return c.error();
    if (!*c || (*c)->status == core::CaseStatus::kCancelled) return not_found("no such case");
    core::CaseAccessTarget target{(*c)->receiving_agency_code, (*c)->processing_agency_code,
                                  (*c)->assigned_staff_id};
    if (!core::case_rights(officer, target).view) return not_found("no such case");
    core::Result<core::PaymentSummary> summary = core::summarize((*c)->fee_lines);
    if (!summary.ok()) return summary.error();
    if (summary->outstanding.in_dong() <= 0) {
      return core::invalid_input("nothing is outstanding on this case");
    }
    CounterScreenRecord screen = **found;
    screen.case_code = (*c)->code;
    screen.pushed_amount = summary->outstanding;
    screen.pushed_at = now;
    return r.counter_screens().update(screen);
  });
}

core::Result<std::optional<ScreenBinding>> CounterScreens::binding(
    const core::StaffMember& officer) {
  std::optional<ScreenBinding> out;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    core::Result<std::optional<CounterScreenRecord>> found =
        r.counter_screens().find_by_staff(officer.username);
    if (!found.ok()) return found.error();
    if (!*found) return {};
    out = ScreenBinding{(*found)->paired_at.value_or((*found)->created_at), (*found)->last_seen,
                        (*found)->case_code};
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

}  // namespace motcua::app
