#pragma once

#include <map>
#include <string>

#include "app/repositories.h"

namespace motcua::testing {

// In-memory SequenceRepository for unit tests of use cases.
class FakeSequences : public app::SequenceRepository {
 public:
  core::Result<std::int64_t> next(std::string_view scope) override {
    return ++values_[std::string(scope)];
  }
  core::Result<std::int64_t> current(std::string_view scope) override {
    auto it = values_.find(std::string(scope));
    return it == values_.end() ? 0 : it->second;
  }
  void set(const std::string& scope, std::int64_t value) { values_[scope] = value; }

 private:
  std::map<std::string, std::int64_t> values_;
};

}  // namespace motcua::testing
