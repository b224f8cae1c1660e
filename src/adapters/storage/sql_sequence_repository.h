#pragma once

#include <memory>

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
class statement;
}  // namespace soci

namespace motcua::adapters::storage {

// One upsert per number: "insert 1, or add 1", returning the new value. The row lock it takes
// (PostgreSQL) or the write lock of the transaction (SQLite, BEGIN IMMEDIATE) serialises
// concurrent callers, and the increment commits or rolls back with the caller's work, so
// numbers have neither duplicates nor gaps.
class SqlSequenceRepository : public app::SequenceRepository {
 public:
  SqlSequenceRepository(soci::session& session, Engine engine);
  ~SqlSequenceRepository() override;
  core::Result<std::int64_t> next(std::string_view scope) override;
  core::Result<std::int64_t> current(std::string_view scope) override;

 private:
  soci::session& session_;
  std::string scope_;
  long long value_ = 0;
  std::unique_ptr<soci::statement> next_;  // prepared once per connection
};

}  // namespace motcua::adapters::storage
