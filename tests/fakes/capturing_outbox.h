#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "app/outbox.h"

namespace motcua::testing {

// An Outbox that keeps what it is given, for tests to read the codes it carried.
class CapturingOutbox : public app::Outbox {
 public:
  core::Status send(const app::OutboxMessage& message) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(message);
    return {};
  }
  std::vector<app::OutboxMessage> sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  // The six digits of the newest message ("" when none was sent).
  std::string last_code() const {
    std::lock_guard lock(mutex_);
    if (sent_.empty()) return "";
    const std::string& text = sent_.back().text;
    for (std::size_t i = 0; i + 6 <= text.size(); ++i) {
      std::string six = text.substr(i, 6);
      if (six.find_first_not_of("0123456789") == std::string::npos &&
          (i + 6 == text.size() || text[i + 6] < '0' || text[i + 6] > '9')) {
        return six;
      }
    }
    return "";
  }

 private:
  mutable std::mutex mutex_;
  std::vector<app::OutboxMessage> sent_;
};

}  // namespace motcua::testing
