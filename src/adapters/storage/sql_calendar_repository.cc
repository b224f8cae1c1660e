#include "adapters/storage/sql_calendar_repository.h"

#include <soci/soci.h>

#include <map>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {

SqlCalendarRepository::SqlCalendarRepository(soci::session& session, Engine) : session_(session) {}

core::Status SqlCalendarRepository::save_year(const core::YearCalendar& year) {
  return guarded("saving the calendar", [&]() -> core::Status {
    long long y = year.year();
    long long confirmed = year.confirmed() ? 1 : 0;
    session_ << "DELETE FROM calendar_entries WHERE year = :y", soci::use(y);
    session_ << "INSERT INTO calendar_years (year, confirmed, source) VALUES (:y, :c, :s)"
                " ON CONFLICT (year) DO UPDATE SET confirmed = excluded.confirmed,"
                " source = excluded.source",
        soci::use(y), soci::use(confirmed), soci::use(year.source());
    for (const core::CalendarEntry& e : year.entries()) {
      long long kind = e.kind == core::CalendarEntryKind::kDayOff ? 0 : 1;
      long long from = to_column(e.from);
      long long to = to_column(e.to);
      long long entry_confirmed = e.confirmed ? 1 : 0;
      session_ << "INSERT INTO calendar_entries (year, kind, from_day, to_day, name, confirmed)"
                  " VALUES (:y, :k, :f, :t, :n, :c)",
          soci::use(y), soci::use(kind), soci::use(from), soci::use(to), soci::use(e.name),
          soci::use(entry_confirmed);
    }
    return {};
  });
}

core::Result<std::vector<core::YearCalendar>> SqlCalendarRepository::load_all() {
  struct YearRow {
    bool confirmed;
    std::string source;
    std::vector<core::CalendarEntry> entries;
  };
  core::Result<std::map<long long, YearRow>> rows =
      guarded("reading the calendar", [&]() -> core::Result<std::map<long long, YearRow>> {
        std::map<long long, YearRow> years;
        long long y = 0, confirmed = 0;
        std::string source;
        soci::statement years_st = (session_.prepare << "SELECT year, confirmed, source"
                                                        " FROM calendar_years ORDER BY year",
                                    soci::into(y), soci::into(confirmed), soci::into(source));
        years_st.execute();
        while (years_st.fetch()) years[y] = YearRow{confirmed != 0, source, {}};

        long long kind = 0, from = 0, to = 0, entry_confirmed = 0;
        std::string name;
        soci::statement entries_st =
            (session_.prepare << "SELECT year, kind, from_day, to_day, name, confirmed"
                                 " FROM calendar_entries ORDER BY year, id",
             soci::into(y), soci::into(kind), soci::into(from), soci::into(to), soci::into(name),
             soci::into(entry_confirmed));
        entries_st.execute();
        while (entries_st.fetch()) {
          years[y].entries.push_back(core::CalendarEntry{
              kind == 0 ? core::CalendarEntryKind::kDayOff
                        : core::CalendarEntryKind::kMakeUpWorkingDay,
              days_from_column(from), days_from_column(to), name, entry_confirmed != 0});
        }
        return years;
      });
  if (!rows.ok()) return rows.error();
  std::vector<core::YearCalendar> out;
  for (auto& [year, row] : rows.value()) {
    core::Result<core::YearCalendar> calendar = core::YearCalendar::create(
        static_cast<int>(year), row.confirmed, row.source, std::move(row.entries));
    if (!calendar.ok()) return calendar.error();
    out.push_back(std::move(calendar).value());
  }
  return out;
}

}  // namespace motcua::adapters::storage
