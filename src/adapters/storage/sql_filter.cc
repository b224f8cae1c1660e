#include "adapters/storage/sql_filter.h"

namespace motcua::adapters::storage {

void SqlFilter::add(const std::string& condition, const std::vector<Value>& values) {
  auto value = values.begin();
  std::string sql;
  for (char c : condition) {
    if (c != '?') {
      sql += c;
      continue;
    }
    sql += ":p" + std::to_string(order_.size());
    if (const auto* text = std::get_if<std::string>(&*value)) {
      texts_.push_back(*text);
      order_.push_back({true, texts_.size() - 1});
    } else {
      numbers_.push_back(std::get<long long>(*value));
      order_.push_back({false, numbers_.size() - 1});
    }
    ++value;
  }
  clauses_ += " AND (" + sql + ")";
}

void SqlFilter::bind(soci::statement& statement) {
  for (const auto& [is_text, index] : order_) {
    if (is_text) {
      statement.exchange(soci::use(texts_[index]));
    } else {
      statement.exchange(soci::use(numbers_[index]));
    }
  }
}

}  // namespace motcua::adapters::storage
