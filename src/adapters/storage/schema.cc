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

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {core_tables(), payment_tables(), web_session_tables(),
                                             online_payment_tables(), case_event_tables()};
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
