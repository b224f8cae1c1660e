#pragma once

#include <memory>

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// Cases, their fee lines and the name-search terms. The hot statements (insert, find, fee
// lines, terms) are prepared once per connection and reused.
class SqlCaseRepository : public app::CaseRepository {
 public:
  SqlCaseRepository(soci::session& session, Engine engine);
  ~SqlCaseRepository() override;
  core::Result<std::int64_t> insert(const core::CaseRecord& record) override;
  core::Result<std::optional<core::CaseRecord>> find_by_code(std::string_view code) override;
  core::Result<std::optional<core::CaseRecord>> find_by_id(std::int64_t id) override;
  core::Result<app::CasePage> search(const app::CaseQuery& query) override;
  core::Result<std::map<core::CaseStatus, std::int64_t>> count_by_status(
      const app::CaseQuery& query) override;
  core::Status update(const core::CaseRecord& record) override;
  core::Status mark_fee_line_paid(std::int64_t fee_line_id, core::PaymentMethod method) override;
  core::Status append_event(std::int64_t case_id, std::string_view case_code, std::string_view kind,
                            std::chrono::sys_seconds at) override;

 private:
  struct Statements;
  core::Result<bool> broad_name(const app::CaseQuery& query);
  core::Result<std::optional<core::CaseRecord>> find(bool by_id, std::int64_t id,
                                                     std::string_view code);
  soci::session& session_;
  Engine engine_;
  std::unique_ptr<Statements> statements_;
};

// How many name terms in range make a name search take the broad, newest-first shape
// (case_search.cc); 0 restores the default (20,000). For tests, which reach that shape with a
// few cases; not thread-safe, set it before searching.
void set_broad_name_terms(long long terms);

}  // namespace motcua::adapters::storage
