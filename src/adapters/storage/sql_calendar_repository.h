#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

class SqlCalendarRepository : public app::CalendarRepository {
 public:
  SqlCalendarRepository(soci::session& session, Engine engine);
  core::Status save_year(const core::YearCalendar& year) override;
  core::Result<std::vector<core::YearCalendar>> load_all() override;

 private:
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
