#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <deque>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace motcua::adapters::storage {

// A WHERE clause built from optional criteria and its values, in placeholder order, for the
// searches (cases, counter payments). Values live in deques so that the references SOCI binds
// stay valid while more are added.
class SqlFilter {
 public:
  using Value = std::variant<std::string, long long>;

  // Adds "AND (condition)", each '?' in `condition` standing for the next of `values`.
  void add(const std::string& condition, const std::vector<Value>& values);

  // " WHERE 1 = 1 AND (...) ...".
  std::string where() const { return " WHERE 1 = 1" + clauses_; }

  // Binds every value to `statement`, in order; call before prepare.
  void bind(soci::statement& statement);

 private:
  std::string clauses_;
  std::deque<std::string> texts_;
  std::deque<long long> numbers_;
  std::vector<std::pair<bool, std::size_t>> order_;
};

}  // namespace motcua::adapters::storage
