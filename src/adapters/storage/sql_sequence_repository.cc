#include "adapters/storage/sql_sequence_repository.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {

SqlSequenceRepository::SqlSequenceRepository(soci::session& session, Engine) : session_(session) {}

SqlSequenceRepository::~SqlSequenceRepository() = default;

core::Result<std::int64_t> SqlSequenceRepository::next(std::string_view scope) {
  return guarded("allocating a number", [&]() -> core::Result<std::int64_t> {
    if (!next_) {
      next_ = std::make_unique<soci::statement>(
          (session_.prepare << "INSERT INTO sequences (scope, last_value) VALUES (:s, 1)"
                               " ON CONFLICT (scope) DO UPDATE"
                               " SET last_value = sequences.last_value + 1"
                               " RETURNING last_value",
           soci::use(scope_), soci::into(value_)));
    }
    scope_ = std::string(scope);
    next_->execute(true);
    long long value = value_;
    finish(*next_);
    return std::int64_t{value};
  });
}

core::Result<std::int64_t> SqlSequenceRepository::current(std::string_view scope) {
  return guarded("reading a number", [&]() -> core::Result<std::int64_t> {
    long long value = 0;
    soci::indicator ind = soci::i_null;
    std::string key(scope);
    session_ << "SELECT last_value FROM sequences WHERE scope = :s", soci::use(key),
        soci::into(value, ind);
    return std::int64_t{session_.got_data() && ind == soci::i_ok ? value : 0};
  });
}

}  // namespace motcua::adapters::storage
