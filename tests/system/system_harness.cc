#include "system_harness.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "adapters/payment/platform_signing.h"

namespace motcua::testing {

namespace json = boost::json;
using std::chrono::milliseconds;
using std::chrono::seconds;

std::uint16_t free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    throw std::runtime_error("free_port: bind failed");
  }
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

bool eventually(const std::function<bool()>& done, milliseconds timeout, milliseconds every) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(every);
  }
}

int env_count(const char* name, int fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  return std::atoi(text);
}

web_response http(const std::string& method, const std::string& url, const std::string& body,
                  std::vector<std::pair<std::string, std::string>> headers, milliseconds timeout) {
  adapters::web::HttpClientRequest request;
  request.method = method;
  request.url = url;
  request.body = body;
  request.headers = std::move(headers);
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  request.timeout = timeout;
  auto answer = adapters::web::send_http_request(request);
  if (!answer.ok()) {
    web_response none;
    none.body = answer.error().message;
    return none;
  }
  return std::move(answer).value();
}

// --- motcua-sandbox --------------------------------------------------------------------------

Sandbox::Sandbox(std::vector<std::string> extra_args) {
  std::vector<std::string> argv{MOTCUA_SANDBOX_BIN, "--port", "0", "--retry-delays-ms",
                                kShortRetries};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  process_ = std::make_unique<ChildProcess>(ChildProcess::Options{argv, {}, {}});
  auto port = process_->wait_for_line(std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)"),
                                      seconds(30));
  if (!port) {
    ADD_FAILURE() << "motcua-sandbox did not start:\n" << process_->out() << process_->err();
    return;
  }
  url_ = "http://127.0.0.1:" + *port;
}

web_response Sandbox::complete(const std::string& transaction_id, const std::string& outcome,
                               const std::string& channel) {
  json::object body{{"outcome", outcome}};
  if (outcome == "succeeded") body["channel"] = channel;
  return http("POST", url_ + "/test/v1/transactions/" + transaction_id + "/complete",
              json::serialize(body));
}

web_response Sandbox::set_faults(const std::string& transaction_id,
                                 const std::string& faults_json) {
  return http("POST", url_ + "/test/v1/transactions/" + transaction_id + "/faults", faults_json);
}

web_response Sandbox::resend(const std::string& transaction_id) {
  return http("POST", url_ + "/test/v1/transactions/" + transaction_id + "/resend", "{}");
}

std::vector<std::pair<int, std::string>> Sandbox::attempts(const std::string& transaction_id) {
  std::vector<std::pair<int, std::string>> out;
  web_response answer = http("GET", url_ + "/test/v1/callbacks?transaction_id=" + transaction_id);
  if (answer.status != 200) return out;
  json::value parsed = json::parse(answer.body);
  for (const json::value& entry : parsed.at("callbacks").as_array()) {
    out.emplace_back(static_cast<int>(entry.at("status").to_number<std::int64_t>()),
                     std::string(entry.at("result").as_string()));
  }
  return out;
}

// --- motcua serve ----------------------------------------------------------------------------

Motcua::Motcua(std::string database_url, std::string sandbox_url, std::uint16_t port,
               std::vector<std::string> env, std::string cwd, bool demo)
    : database_url_(std::move(database_url)),
      sandbox_url_(std::move(sandbox_url)),
      port_(port),
      env_(std::move(env)),
      cwd_(std::move(cwd)),
      demo_(demo) {}

Motcua::~Motcua() {
  if (process_) process_->stop(SIGTERM, seconds(15));
}

void Motcua::start() {
  if (process_) earlier_output_ += process_->out() + process_->err();
  std::vector<std::string> argv{MOTCUA_BIN,   "serve",      "--port", std::to_string(port_),
                                "--database", database_url_};
  if (!demo_) argv.push_back("--no-demo");
  std::vector<std::string> env{"MOTCUA_PAYMENT_SANDBOX_URL=" + sandbox_url_,
                               "MOTCUA_SERVER_PUBLIC_LOOKUPS_PER_MINUTE=100000",
                               "MOTCUA_LOG_LEVEL=warn"};
  env.insert(env.end(), env_.begin(), env_.end());
  process_ = std::make_unique<ChildProcess>(ChildProcess::Options{argv, env, cwd_});
  auto port = process_->wait_for_line(
      std::regex("console \\(Bộ phận Một cửa\\): http://127\\.0\\.0\\.1:(\\d+)/can-bo"),
      seconds(60));
  if (!port) {
    ADD_FAILURE() << "motcua serve did not start:\n" << output();
    return;
  }
  port_ = static_cast<std::uint16_t>(std::stoi(*port));
  bool healthy = eventually([&] { return http("GET", url() + "/healthz").status == 200; },
                            seconds(30), milliseconds(50));
  if (!healthy) ADD_FAILURE() << "motcua serve is not healthy:\n" << output();
}

void Motcua::kill() {
  if (process_) process_->stop(SIGKILL);
}

std::string Motcua::output() {
  if (!process_) return earlier_output_;
  std::string err = process_->err();
  // The log of a long run is large: its end says what went wrong.
  if (err.size() > 20000) err = "…" + err.substr(err.size() - 20000);
  return earlier_output_.substr(earlier_output_.size() > 20000 ? earlier_output_.size() - 20000
                                                               : 0) +
         process_->out() + err;
}

std::size_t Motcua::occurrences(const std::string& text) {
  std::string all = earlier_output_ + (process_ ? process_->out() + process_->err() : "");
  std::size_t n = 0;
  for (std::size_t at = all.find(text); at != std::string::npos; at = all.find(text, at + 1)) ++n;
  return n;
}

int run_motcua(const std::vector<std::string>& args, std::string* output) {
  std::vector<std::string> argv{MOTCUA_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  ChildProcess child(ChildProcess::Options{argv, {"MOTCUA_LOG_LEVEL=warn"}, {}});
  int status = child.wait(std::chrono::minutes(5));
  if (status == -1) status = child.stop(SIGKILL);
  if (output != nullptr) *output += child.out() + child.err();
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// --- the database ------------------------------------------------------------------------------

std::unique_ptr<soci::session> open_database(const std::string& url) {
  if (url.rfind("sqlite://", 0) == 0) {
    auto session =
        std::make_unique<soci::session>(soci::sqlite3, "db=" + url.substr(9) + " timeout=30");
    return session;
  }
  auto session = std::make_unique<soci::session>(soci::postgresql, url);
  *session << "SET client_min_messages TO WARNING";
  return session;
}

std::string fresh_postgres_url(const std::string& schema) {
  const char* pg = std::getenv("MOTCUA_TEST_POSTGRES_URL");
  if (pg == nullptr) {
    ADD_FAILURE() << "MOTCUA_TEST_POSTGRES_URL is not set: run this test through "
                     "scripts/with-postgres.sh (ctest does); it is never skipped";
    return "";
  }
  std::string base(pg);
  {
    soci::session admin(soci::postgresql, base);
    admin << "SET client_min_messages TO WARNING";
    admin << "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
    admin << "CREATE SCHEMA " + schema;
  }
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

std::int64_t count(soci::session& db, const std::string& sql) {
  long long value = 0;
  db << sql, soci::into(value);
  return value;
}

namespace {

// A number column whatever type the engine reports (SQLite types expressions like COUNT(*)
// loosely).
std::int64_t number(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<std::int64_t>(row.get<double>(column));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(column));
    default:
      throw std::runtime_error("not a number column");
  }
}

}  // namespace

Ledger read_ledger(soci::session& db) {
  Ledger ledger;
  {
    soci::rowset<soci::row> rows =
        (db.prepare << "SELECT r.id, r.reference, r.transaction_id, r.amount, r.state, c.code"
                       " FROM payment_requests r JOIN cases c ON c.id = r.case_id ORDER BY r.id");
    for (const soci::row& row : rows) {
      RequestRow r;
      r.id = number(row, 0);
      r.reference = row.get<std::string>(1);
      r.transaction_id = row.get<std::string>(2);
      r.amount = number(row, 3);
      r.state = static_cast<int>(number(row, 4));
      r.case_code = row.get<std::string>(5);
      ledger.requests.push_back(r);
    }
  }
  {
    soci::rowset<soci::row> rows =
        (db.prepare << "SELECT request_id, COUNT(*), SUM(amount) FROM receipts"
                       " WHERE request_id IS NOT NULL GROUP BY request_id");
    for (const soci::row& row : rows) {
      ledger.receipts_per_request[number(row, 0)] = static_cast<int>(number(row, 1));
      ledger.receipt_amount[number(row, 0)] = number(row, 2);
    }
  }
  {
    soci::rowset<soci::row> rows =
        (db.prepare << "SELECT request_id, COUNT(*) FROM payment_callbacks"
                       " WHERE verdict = 'applied' AND request_id IS NOT NULL"
                       " GROUP BY request_id");
    for (const soci::row& row : rows) {
      ledger.applied_callbacks_per_request[number(row, 0)] = static_cast<int>(number(row, 1));
    }
  }
  {
    soci::rowset<soci::row> rows =
        (db.prepare << "SELECT payment_request_id, COUNT(*) FROM fee_lines"
                       " WHERE paid = 1 AND payment_request_id IS NOT NULL"
                       " GROUP BY payment_request_id");
    for (const soci::row& row : rows) {
      ledger.lines_paid_by_request[number(row, 0)] = static_cast<int>(number(row, 1));
    }
  }
  {
    soci::rowset<soci::row> rows =
        (db.prepare << "SELECT l.request_id, COUNT(*) FROM payment_request_lines l"
                       " JOIN fee_lines f ON f.id = l.fee_line_id WHERE f.paid = 0"
                       " GROUP BY l.request_id");
    for (const soci::row& row : rows) {
      ledger.unpaid_lines_of_request[number(row, 0)] = static_cast<int>(number(row, 1));
    }
  }
  {
    long long n = 0, total = 0;
    db << "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM receipts", soci::into(n),
        soci::into(total);
    ledger.receipts = n;
    ledger.receipt_total = total;
    db << "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM overpayments", soci::into(n),
        soci::into(total);
    ledger.overpayments = n;
    ledger.overpayment_total = total;
  }
  {
    soci::rowset<soci::row> rows =
        (db.prepare << "SELECT series, COUNT(*), COUNT(DISTINCT number), MIN(number),"
                       " MAX(number) FROM receipts GROUP BY series");
    for (const soci::row& row : rows) {
      long long n = number(row, 1), distinct = number(row, 2), low = number(row, 3),
                high = number(row, 4);
      if (n != distinct || low != 1 || high != n) {
        ledger.numbering_problems.push_back(row.get<std::string>(0) + ": " + std::to_string(n) +
                                            " receipts, " + std::to_string(distinct) +
                                            " distinct numbers, " + std::to_string(low) + ".." +
                                            std::to_string(high));
      }
    }
  }
  return ledger;
}

// --- the public API ----------------------------------------------------------------------------

PaymentInfo payment_info(const std::string& base_url, const std::string& case_code) {
  PaymentInfo info;
  web_response answer = http("GET", base_url + "/api/v1/public/cases/" + case_code + "/payment");
  info.status = answer.status;
  if (answer.status != 200) return info;
  json::value parsed = json::parse(answer.body);
  info.amount_due = parsed.at("amount_due").to_number<std::int64_t>();
  const json::value& pay_url = parsed.at("pay_url");
  if (pay_url.is_string()) {
    info.pay_url = std::string(pay_url.as_string());
    if (info.pay_url.starts_with("/")) info.pay_url = base_url + info.pay_url;
  }
  return info;
}

std::string open_pay_link(const std::string& pay_url, int* status, std::string* location) {
  web_response answer = http("GET", pay_url);
  if (status != nullptr) *status = answer.status;
  std::string where = answer.header("Location");
  if (location != nullptr) *location = where;
  if (answer.status != 303) return "";
  std::size_t at = where.rfind("/checkout/");
  if (at == std::string::npos) return "";
  return where.substr(at + std::string("/checkout/").size());
}

// --- callbacks ---------------------------------------------------------------------------------

std::string callback_body(const std::string& event_id, const std::string& event_type,
                          const std::string& transaction_id, const std::string& reference,
                          std::int64_t amount) {
  json::object body{
      {"event_id", event_id},
      {"event_type", event_type},
      {"transaction_id", transaction_id},
      {"client_transaction_id", reference},
      {"amount", amount},
      {"currency", "VND"},
      {"paid_at", "2024-04-26T07:30:00+07:00"},
      {"channel", json::object{{"type", "wallet"}, {"code", "MOMO"}, {"name", "MoMo"}}},
      {"provider_reference", "FORGED-1"},
      {"occurred_at", "2024-04-26T07:30:00+07:00"}};
  return json::serialize(body);
}

web_response post_callback(const std::string& motcua_url, const CallbackToSend& callback) {
  const std::string path = "/api/v1/payment-platform/callbacks";
  auto secret = adapters::payment::decode_key(callback.key_base64);
  if (!secret.ok()) throw std::runtime_error("bad test key");
  std::int64_t now =
      callback.timestamp != 0 ? callback.timestamp : static_cast<std::int64_t>(std::time(nullptr));
  adapters::payment::SigningKey key{callback.key_id, secret.value()};
  auto headers = adapters::payment::sign(key, kClientId, "POST", path, callback.body, now);
  return http("POST", motcua_url + path, callback.body, headers.as_list());
}

// --- nginx ---------------------------------------------------------------------------------------

Nginx::Nginx(const std::string& dir, const std::vector<std::uint16_t>& upstream_ports) {
  port_ = free_port();
  std::string conf = dir + "/nginx.conf";
  std::ofstream out(conf);
  out << "worker_processes 1;\n"
      << "pid " << dir << "/nginx.pid;\n"
      << "error_log " << dir << "/nginx-error.log warn;\n"
      << "events { worker_connections 4096; }\n"
      << "http {\n"
      << "  access_log off;\n"
      << "  client_body_temp_path " << dir << "/body; proxy_temp_path " << dir << "/proxy;\n"
      << "  fastcgi_temp_path " << dir << "/fastcgi; uwsgi_temp_path " << dir << "/uwsgi;\n"
      << "  scgi_temp_path " << dir << "/scgi;\n"
      << "  upstream motcua {\n";
  for (std::uint16_t port : upstream_ports) {
    out << "    server 127.0.0.1:" << port << " max_fails=1 fail_timeout=1s;\n";
  }
  out << "  }\n"
      << "  server {\n"
      << "    listen 127.0.0.1:" << port_ << ";\n"
      << "    location / {\n"
      << "      proxy_pass http://motcua;\n"
      << "      proxy_http_version 1.1;\n"
      << "      proxy_set_header Host $http_host;\n"
      << "      proxy_connect_timeout 2s;\n"
      << "      proxy_read_timeout 30s;\n"
      << "      proxy_next_upstream error timeout non_idempotent;\n"
      << "    }\n"
      << "  }\n"
      << "}\n";
  out.close();
  process_ = std::make_unique<ChildProcess>(
      ChildProcess::Options{{"/usr/sbin/nginx", "-p", dir, "-e", dir + "/nginx-error.log", "-c",
                             conf, "-g", "daemon off;"},
                            {},
                            dir});
  // Ready when it answers anything at all through to an upstream (or refuses one: 502).
  bool up = eventually([&] { return http("GET", url() + "/healthz").status != 0; }, seconds(20));
  if (!up) {
    std::ifstream log(dir + "/nginx-error.log");
    std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    ADD_FAILURE() << "nginx did not start:\n" << process_->err() << text;
  }
}

}  // namespace motcua::testing
