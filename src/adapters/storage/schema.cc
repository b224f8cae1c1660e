#include "adapters/storage/schema.h"

namespace motcua::adapters::storage {
namespace {

// Times are int64 seconds since the Unix epoch (UTC); calendar days are int64 days since the
// epoch; money is int64 đồng; booleans are 0/1. Every integer is BIGINT (DESIGN §4).
Migration core_tables() {
  return {
      1,
      "agencies, accounts, procedures, cases, fee lines, sequences, audit, calendar, settings",
      {
          "CREATE TABLE agencies ("
          " code {key} PRIMARY KEY, name TEXT NOT NULL, parent_code {key} NOT NULL,"
          " valid_from BIGINT NOT NULL, valid_until BIGINT, successor_code {key},"
          " tax_code TEXT NOT NULL, bank_bin TEXT NOT NULL, bank_account TEXT NOT NULL,"
          " receipt_form_symbol TEXT NOT NULL, receipt_series TEXT NOT NULL,"
          " case_code_pattern TEXT NOT NULL)",
          "CREATE TABLE staff ("
          " id {id}, username {key} NOT NULL UNIQUE, full_name TEXT NOT NULL,"
          " agency_code {key} NOT NULL REFERENCES agencies(code), roles BIGINT NOT NULL,"
          " password_hash TEXT NOT NULL, active BIGINT NOT NULL)",
          "CREATE INDEX staff_by_agency ON staff(agency_code)",
          "CREATE TABLE citizens ("
          " id {id}, id_number {key} NOT NULL UNIQUE, full_name TEXT NOT NULL,"
          " phone TEXT NOT NULL, email TEXT NOT NULL, password_hash TEXT NOT NULL)",
          "CREATE TABLE procedures ("
          " code {key} PRIMARY KEY, name TEXT NOT NULL, search_key {key} NOT NULL,"
          " field TEXT NOT NULL, level TEXT NOT NULL, processing_days BIGINT NOT NULL,"
          " legal_basis TEXT NOT NULL, source TEXT NOT NULL, confirmed BIGINT NOT NULL)",
          "CREATE TABLE procedure_fees ("
          " id {id}, procedure_code {key} NOT NULL REFERENCES procedures(code) ON DELETE CASCADE,"
          " position BIGINT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,"
          " cap_per_set BIGINT, valid_from BIGINT NOT NULL, valid_until BIGINT,"
          " legal_basis TEXT NOT NULL)",
          "CREATE INDEX procedure_fees_by_procedure ON procedure_fees(procedure_code, position)",
          "CREATE TABLE procedure_fee_tiers ("
          " fee_id BIGINT NOT NULL REFERENCES procedure_fees(id) ON DELETE CASCADE,"
          " from_unit BIGINT NOT NULL, unit_amount BIGINT NOT NULL, description TEXT NOT NULL,"
          " PRIMARY KEY (fee_id, from_unit))",
          "CREATE TABLE cases ("
          " id {id}, code {key} NOT NULL UNIQUE,"
          " procedure_code {key} NOT NULL, procedure_name TEXT NOT NULL,"
          " receiving_agency_code {key} NOT NULL, processing_agency_code {key} NOT NULL,"
          " submitter_name TEXT NOT NULL, submitter_id_number {key} NOT NULL,"
          " submitter_address TEXT NOT NULL, submitter_phone TEXT NOT NULL,"
          " submitter_email TEXT NOT NULL,"
          " owner_name TEXT NOT NULL, owner_id_number {key} NOT NULL,"
          " owner_address TEXT NOT NULL, owner_phone TEXT NOT NULL, owner_email TEXT NOT NULL,"
          " channel BIGINT NOT NULL, result_delivery BIGINT NOT NULL,"
          " submitted_at BIGINT NOT NULL, received_at BIGINT, deadline_at BIGINT,"
          " appointment_at BIGINT, status BIGINT NOT NULL, assigned_staff_id BIGINT,"
          " citizen_account_id BIGINT, version BIGINT NOT NULL)",
          "CREATE INDEX cases_by_submitter_id ON cases(submitter_id_number)",
          "CREATE INDEX cases_by_owner_id ON cases(owner_id_number)",
          "CREATE INDEX cases_by_submitted ON cases(submitted_at, id)",
          "CREATE INDEX cases_by_status ON cases(status, submitted_at)",
          "CREATE INDEX cases_by_receiving ON cases(receiving_agency_code, submitted_at)",
          "CREATE INDEX cases_by_processing ON cases(processing_agency_code, submitted_at)",
          "CREATE INDEX cases_by_procedure ON cases(procedure_code)",
          "CREATE INDEX cases_by_received ON cases(received_at)",
          "CREATE INDEX cases_by_citizen ON cases(citizen_account_id)",
          // Each word-suffix of the folded names: "vo dang ngoc gia", "dang ngoc gia",
          // "ngoc gia", "gia". A name query is a prefix range over these, so it matches from
          // the start of any word, on both engines, through an ordinary index.
          "CREATE TABLE case_name_terms ("
          " term {key} NOT NULL, case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
          " PRIMARY KEY (term, case_id))",
          "CREATE INDEX case_name_terms_by_case ON case_name_terms(case_id)",
          "CREATE TABLE fee_lines ("
          " id {id}, case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
          " position BIGINT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,"
          " quantity BIGINT NOT NULL, unit_amount BIGINT NOT NULL, amount BIGINT NOT NULL,"
          " paid BIGINT NOT NULL, method BIGINT)",
          "CREATE INDEX fee_lines_by_case ON fee_lines(case_id, position)",
          "CREATE TABLE sequences (scope {key} PRIMARY KEY, last_value BIGINT NOT NULL)",
          "CREATE TABLE audit_log ("
          " id {id}, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,"
          " entity_type {key} NOT NULL, entity_id {key} NOT NULL,"
          " before_state TEXT NOT NULL, after_state TEXT NOT NULL)",
          "CREATE INDEX audit_by_entity ON audit_log(entity_type, entity_id, id)",
          "CREATE TABLE calendar_years ("
          " year BIGINT PRIMARY KEY, confirmed BIGINT NOT NULL, source TEXT NOT NULL)",
          "CREATE TABLE calendar_entries ("
          " id {id}, year BIGINT NOT NULL REFERENCES calendar_years(year) ON DELETE CASCADE,"
          " kind BIGINT NOT NULL, from_day BIGINT NOT NULL, to_day BIGINT NOT NULL,"
          " name TEXT NOT NULL, confirmed BIGINT NOT NULL)",
          "CREATE INDEX calendar_entries_by_year ON calendar_entries(year, id)",
          "CREATE TABLE settings (key {key} PRIMARY KEY, value TEXT NOT NULL)",
      },
      {
          "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
          " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
          "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
          " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
      },
      {
          "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
          " $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
          "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log"
          " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
      },
  };
}

// The payment side (issues 5-7 fill these in): requests behind the QR's stable URL,
// gateway transactions, provider events applied exactly once, receipts numbered per series,
// and counter payments.
Migration payment_tables() {
  return {
      2,
      "payment requests and transactions, provider events, receipts, counter payments",
      {
          "CREATE TABLE payment_requests ("
          " id {id}, case_id BIGINT NOT NULL REFERENCES cases(id), token {key} NOT NULL UNIQUE,"
          " created_at BIGINT NOT NULL)",
          "CREATE TABLE payment_transactions ("
          " id {id}, case_id BIGINT NOT NULL REFERENCES cases(id), provider {key} NOT NULL,"
          " merchant_txn_id {key} NOT NULL UNIQUE, provider_txn_id {key},"
          " amount BIGINT NOT NULL, currency TEXT NOT NULL, state BIGINT NOT NULL,"
          " fee_line_ids TEXT NOT NULL, payment_url TEXT NOT NULL,"
          " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
          "CREATE INDEX payment_transactions_by_case ON payment_transactions(case_id, id)",
          "CREATE TABLE provider_events ("
          " id {id}, provider {key} NOT NULL, event_id {key} NOT NULL,"
          " transaction_id BIGINT REFERENCES payment_transactions(id),"
          " received_at BIGINT NOT NULL, payload TEXT NOT NULL, verdict TEXT NOT NULL,"
          " UNIQUE (provider, event_id))",
          "CREATE TABLE receipts ("
          " id {id}, series {key} NOT NULL, number BIGINT NOT NULL, form_symbol TEXT NOT NULL,"
          " case_id BIGINT NOT NULL REFERENCES cases(id), amount BIGINT NOT NULL,"
          " state BIGINT NOT NULL, issued_at BIGINT NOT NULL,"
          " replaces_receipt_id BIGINT REFERENCES receipts(id),"
          " payload TEXT NOT NULL, signature TEXT NOT NULL, UNIQUE (series, number))",
          "CREATE INDEX receipts_by_case ON receipts(case_id)",
          "CREATE TABLE counter_payments ("
          " id {id}, case_id BIGINT NOT NULL REFERENCES cases(id), method BIGINT NOT NULL,"
          " amount BIGINT NOT NULL, terminal_ref TEXT NOT NULL, staff_id BIGINT,"
          " at BIGINT NOT NULL)",
          "CREATE INDEX counter_payments_by_case ON counter_payments(case_id)",
      },
      {},
      {},
  };
}

// Browser sessions shared by every motcua process, and failed sign-ins for lockout.
Migration web_session_tables() {
  return {
      3,
      "web sessions and login throttling",
      {
          "CREATE TABLE web_sessions ("
          " token_hash {key} PRIMARY KEY, principal TEXT NOT NULL, csrf_token TEXT NOT NULL,"
          " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
          "CREATE INDEX web_sessions_by_expiry ON web_sessions(expires_at)",
          "CREATE TABLE login_failures ("
          " login {key} PRIMARY KEY, failures BIGINT NOT NULL, locked_until BIGINT)",
      },
      {},
      {},
  };
}

// Online payment (issue 5). The placeholder tables of migration 2 held no data and are
// replaced: a payment request is one attempt to pay some lines of a case; applied_events is
// the exactly-once guard, written in the transaction that applies the event; every callback or
// status answer is kept raw with its verdict (refused ones do not occupy their event id, so a
// forged copy never blocks the real event); overpayments are money to refund. Fee lines learn
// when and through which request they were paid, and receipts keep their content as issued.
Migration online_payment_tables() {
  return {
      4,
      "online payment requests, applied events, callbacks, overpayments",
      {
          "DROP TABLE provider_events",
          "DROP TABLE payment_transactions",
          "DROP TABLE payment_requests",
          "CREATE TABLE payment_requests ("
          " id {id}, case_id BIGINT NOT NULL REFERENCES cases(id), gateway {key} NOT NULL,"
          " reference {key} NOT NULL UNIQUE, transaction_id {key} NOT NULL,"
          " amount BIGINT NOT NULL, currency TEXT NOT NULL, state BIGINT NOT NULL,"
          " payment_url TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
          " updated_at BIGINT NOT NULL, settled_at BIGINT, channel_type TEXT NOT NULL,"
          " channel_code TEXT NOT NULL, channel_name TEXT NOT NULL,"
          " provider_reference TEXT NOT NULL)",
          "CREATE INDEX payment_requests_by_case ON payment_requests(case_id, id)",
          "CREATE INDEX payment_requests_by_transaction"
          " ON payment_requests(gateway, transaction_id)",
          "CREATE INDEX payment_requests_by_state ON payment_requests(state, expires_at)",
          "CREATE TABLE payment_request_lines ("
          " request_id BIGINT NOT NULL REFERENCES payment_requests(id),"
          " fee_line_id BIGINT NOT NULL REFERENCES fee_lines(id), amount BIGINT NOT NULL,"
          " PRIMARY KEY (request_id, fee_line_id))",
          "CREATE INDEX payment_request_lines_by_line ON payment_request_lines(fee_line_id)",
          "CREATE TABLE applied_events ("
          " gateway {key} NOT NULL, event_id {key} NOT NULL,"
          " request_id BIGINT NOT NULL REFERENCES payment_requests(id),"
          " applied_at BIGINT NOT NULL, PRIMARY KEY (gateway, event_id))",
          "CREATE TABLE payment_callbacks ("
          " id {id}, gateway {key} NOT NULL, event_id TEXT NOT NULL, reference TEXT NOT NULL,"
          " request_id BIGINT REFERENCES payment_requests(id), verdict {key} NOT NULL,"
          " reason TEXT NOT NULL, payload TEXT NOT NULL, at BIGINT NOT NULL)",
          "CREATE INDEX payment_callbacks_by_request ON payment_callbacks(request_id, id)",
          "CREATE TABLE overpayments ("
          " id {id}, case_id BIGINT NOT NULL REFERENCES cases(id),"
          " request_id BIGINT NOT NULL REFERENCES payment_requests(id), amount BIGINT NOT NULL,"
          " fee_line_ids TEXT NOT NULL, recorded_at BIGINT NOT NULL, state BIGINT NOT NULL)",
          "CREATE INDEX overpayments_by_case ON overpayments(case_id, id)",
          "ALTER TABLE fee_lines ADD COLUMN paid_at BIGINT",
          "ALTER TABLE fee_lines ADD COLUMN payment_request_id BIGINT"
          " REFERENCES payment_requests(id)",
          "ALTER TABLE fee_lines ADD COLUMN provider_transaction_id TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE fee_lines ADD COLUMN receipt_id BIGINT REFERENCES receipts(id)",
          "ALTER TABLE receipts ADD COLUMN request_id BIGINT REFERENCES payment_requests(id)",
          "ALTER TABLE receipts ADD COLUMN unit_name TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN unit_tax_code TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN payer_name TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN payer_id_number TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN payer_address TEXT NOT NULL DEFAULT ''",
          // One receipt per payment request, whatever races.
          "CREATE UNIQUE INDEX receipts_by_request ON receipts(request_id)",
      },
      {},
      {},
  };
}

// Receipt signatures, cancellation and re-issue (issue 7). A receipt keeps everything it shows
// as issued, so its Ed25519 signature (over core::canonical_receipt) can be checked from the
// stored columns and its own lines: the lines are copied into receipt_lines, because a
// re-issue moves the fee lines' receipt_id to the replacement while the original must still
// verify. cancelled_* say who cancelled it, when and why.
Migration receipt_lifecycle_tables() {
  return {
      5,
      "receipt signatures, content as issued, lines, cancellation",
      {
          "ALTER TABLE receipts ADD COLUMN key_id TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN cancelled_at BIGINT",
          "ALTER TABLE receipts ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN cancelled_by TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN case_code TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN procedure_name TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN amount_in_words TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN method_label TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE receipts ADD COLUMN provider_transaction_id TEXT NOT NULL DEFAULT ''",
          "CREATE INDEX receipts_by_replaced ON receipts(replaces_receipt_id)",
          "CREATE TABLE receipt_lines ("
          " receipt_id BIGINT NOT NULL REFERENCES receipts(id), position BIGINT NOT NULL,"
          " fee_line_id BIGINT NOT NULL REFERENCES fee_lines(id), name TEXT NOT NULL,"
          " amount BIGINT NOT NULL, PRIMARY KEY (receipt_id, position))",
      },
      {},
      {},
  };
}

// Counter payments (issue 7): the placeholder counter_payments of migration 2 held no data and
// is replaced. One row per payment taken at the counter, by POS card (terminal, approval code,
// the card's last 4 digits) or in cash (the amount tendered); the officer's login and the
// receipt issued for it (NULL while the unit has no series). counter_payment_lines says which
// fee lines it paid; the lines themselves are settled with UPDATE ... WHERE paid = 0. The
// indexes serve "Danh sách thanh toán qua máy POS": by time, by terminal, by officer.
Migration counter_payment_tables() {
  return {
      6,
      "counter payments by POS card and cash, and the lines each paid",
      {
          "DROP TABLE counter_payments",
          "CREATE TABLE counter_payments ("
          " id {id}, case_id BIGINT NOT NULL REFERENCES cases(id), method BIGINT NOT NULL,"
          " amount BIGINT NOT NULL, terminal_id {key} NOT NULL, approval_code TEXT NOT NULL,"
          " card_last4 TEXT NOT NULL, tendered BIGINT, staff_login {key} NOT NULL,"
          " at BIGINT NOT NULL, receipt_id BIGINT REFERENCES receipts(id))",
          "CREATE INDEX counter_payments_by_case ON counter_payments(case_id, id)",
          "CREATE INDEX counter_payments_by_time ON counter_payments(method, at, id)",
          "CREATE INDEX counter_payments_by_terminal"
          " ON counter_payments(terminal_id, method, at)",
          "CREATE INDEX counter_payments_by_staff ON counter_payments(staff_login, method, at)",
          "CREATE TABLE counter_payment_lines ("
          " counter_payment_id BIGINT NOT NULL REFERENCES counter_payments(id),"
          " fee_line_id BIGINT NOT NULL REFERENCES fee_lines(id), amount BIGINT NOT NULL,"
          " PRIMARY KEY (counter_payment_id, fee_line_id))",
          "CREATE INDEX counter_payment_lines_by_line ON counter_payment_lines(fee_line_id)",
      },
      {},
      {},
  };
}

// Daily reconciliation with the payment platform (issue 6): one run per attempt (a rerun of a
// date is a new run, so every run stays as evidence), and one item per transaction the run
// compared, matched or not, with what the run did about it. Items carry the receiving unit, so
// a page per unit can total them.
Migration reconciliation_tables() {
  return {
      7,
      "daily reconciliation runs and their items",
      {
          "CREATE TABLE reconciliation_runs ("
          " id {id}, business_date BIGINT NOT NULL, started_at BIGINT NOT NULL,"
          " finished_at BIGINT, state {key} NOT NULL, trigger_source TEXT NOT NULL,"
          " platform_count BIGINT NOT NULL, platform_total BIGINT NOT NULL,"
          " local_count BIGINT NOT NULL, local_total BIGINT NOT NULL,"
          " matched_count BIGINT NOT NULL, mismatch_count BIGINT NOT NULL,"
          " error TEXT NOT NULL)",
          "CREATE INDEX reconciliation_runs_by_date ON reconciliation_runs(business_date, id)",
          "CREATE TABLE reconciliation_items ("
          " id {id}, run_id BIGINT NOT NULL REFERENCES reconciliation_runs(id),"
          " kind {key} NOT NULL, reference TEXT NOT NULL, transaction_id TEXT NOT NULL,"
          " case_code TEXT NOT NULL, agency_code {key} NOT NULL,"
          " platform_state TEXT NOT NULL, local_state TEXT NOT NULL,"
          " platform_amount BIGINT NOT NULL, local_amount BIGINT NOT NULL,"
          " action {key} NOT NULL, note TEXT NOT NULL)",
          "CREATE INDEX reconciliation_items_by_run ON reconciliation_items(run_id, id)",
      },
      {},
      {},
  };
}

// The counter screens ("màn hình phụ", issue 6): a tablet at the counter that shows the citizen
// what its officer pushes. The tablet's cookie carries a random secret and only its hash is
// kept; an unbound screen shows a short-lived 6-digit pairing code; once an officer typed it the
// screen is bound to that officer (one screen per officer, one officer per screen). The version
// counts every change of what the screen shows, so the screen's poll is one indexed read.
Migration counter_screen_tables() {
  return {
      9,
      "counter screens",
      {
          "CREATE TABLE counter_screens ("
          " id {id}, secret_hash {key} NOT NULL UNIQUE, pairing_code {key} NOT NULL,"
          " pairing_expires_at BIGINT, staff_login {key} NOT NULL, paired_at BIGINT,"
          " created_at BIGINT NOT NULL, last_seen BIGINT NOT NULL, case_code {key} NOT NULL,"
          " pushed_amount BIGINT NOT NULL, pushed_at BIGINT, version BIGINT NOT NULL)",
          // Empty means none: a code belongs to one screen, an officer to one screen.
          "CREATE UNIQUE INDEX counter_screens_by_code ON counter_screens(pairing_code)"
          " WHERE pairing_code <> ''",
          "CREATE UNIQUE INDEX counter_screens_by_staff ON counter_screens(staff_login)"
          " WHERE staff_login <> ''",
          "CREATE INDEX counter_screens_by_last_seen ON counter_screens(last_seen)",
      },
      {},
      {},
  };
}

// The change feed (app/case_events.h): one row per settled fee line or status change, written
// in the transaction that makes the change; each process's feed reads rows past the last id it
// saw and prunes those older than a day.
Migration case_event_tables() {
  return {
      8,
      "case events: the change feed of live pages",
      {
          "CREATE TABLE case_events ("
          " id {id}, case_id BIGINT NOT NULL, case_code {key} NOT NULL,"
          " kind {key} NOT NULL, at BIGINT NOT NULL)",
          "CREATE INDEX case_events_by_at ON case_events(at)",
      },
      {},
      {},
  };
}

// The public catalogue (issue 8): who carries a procedure out, the documents it asks for,
// whether it is offered online and whether its fees are paid at submission.
Migration procedure_catalogue_tables() {
  return {
      10,
      "procedure catalogue: documents, implementing agency, online submission",
      {
          "ALTER TABLE procedures ADD COLUMN implementing_agency TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE procedures ADD COLUMN online BIGINT NOT NULL DEFAULT 1",
          "ALTER TABLE procedures ADD COLUMN fees_up_front BIGINT NOT NULL DEFAULT 1",
          "CREATE TABLE procedure_documents ("
          " id {id}, procedure_code {key} NOT NULL REFERENCES procedures(code) ON DELETE CASCADE,"
          " position BIGINT NOT NULL, name TEXT NOT NULL, originals BIGINT NOT NULL,"
          " copies BIGINT NOT NULL, required BIGINT NOT NULL)",
          "CREATE INDEX procedure_documents_by_procedure"
          " ON procedure_documents(procedure_code, position)",
      },
      {},
      {},
  };
}

// Portal accounts (issue 8): who holds one (a person or a business) and since when, and the
// one-time codes of "Quên mật khẩu" (only their hashes; single use, counted tries).
Migration citizen_account_tables() {
  return {
      11,
      "portal accounts: kind, creation time, password-reset codes",
      {
          "ALTER TABLE citizens ADD COLUMN kind TEXT NOT NULL DEFAULT 'citizen'"
          " CHECK (kind IN ('citizen', 'business'))",
          "ALTER TABLE citizens ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0",
          "CREATE TABLE citizen_reset_codes ("
          " id {id}, citizen_id BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
          " code_hash TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
          " attempts BIGINT NOT NULL, used BIGINT NOT NULL)",
          "CREATE INDEX citizen_reset_codes_by_citizen"
          " ON citizen_reset_codes(citizen_id, created_at)",
      },
      {},
      {},
  };
}

// Files attached to a case at online submission (the bytes stay in the FileStore, under a
// random stored_name; original_name is display text only).
Migration case_file_tables() {
  return {
      12,
      "case files: attachments of online submissions",
      {
          "CREATE TABLE case_files ("
          " id {id}, case_id BIGINT NOT NULL REFERENCES cases(id),"
          " document TEXT NOT NULL, original_name TEXT NOT NULL, stored_name TEXT NOT NULL UNIQUE,"
          " media_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL,"
          " uploaded_at BIGINT NOT NULL)",
          "CREATE INDEX case_files_by_case ON case_files(case_id, id)",
      },
      {},
      {},
  };
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {core_tables(),
                                             payment_tables(),
                                             web_session_tables(),
                                             online_payment_tables(),
                                             receipt_lifecycle_tables(),
                                             counter_payment_tables(),
                                             reconciliation_tables(),
                                             case_event_tables(),
                                             counter_screen_tables(),
                                             procedure_catalogue_tables(),
                                             citizen_account_tables(),
                                             case_file_tables()};
  return all;
}

std::vector<std::string> statements_for(const Migration& migration, Engine engine) {
  std::vector<std::string> out = migration.statements;
  const auto& specific =
      engine == Engine::kSqlite ? migration.sqlite_statements : migration.postgres_statements;
  out.insert(out.end(), specific.begin(), specific.end());
  for (std::string& sql : out) {
    if (engine == Engine::kSqlite) {
      replace_all(sql, "{id}", "INTEGER PRIMARY KEY");
      replace_all(sql, "{key}", "TEXT");
    } else {
      replace_all(sql, "{id}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
      replace_all(sql, "{key}", "TEXT COLLATE \"C\"");
    }
  }
  return out;
}

}  // namespace motcua::adapters::storage
