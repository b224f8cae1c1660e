#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "../fakes/fake_clock.h"
#include "app/case_intake.h"
#include "app/case_lookup.h"
#include "app/case_workflow.h"
#include "core/account.h"
#include "core/procedure.h"
#include "core/working_calendar.h"
#include "storage_fixture.h"

namespace motcua::testing {

// The officer's console use cases against a real store (SQLite and PostgreSQL), with the guide's
// ward unit H34.22.6, the Sở Tư pháp H34.4
// (and H34, H34.22, H34.2), the copy-certification procedure, the 2024-2026
// calendars, and a clock at the guide's reception time 26/04/2024 07:27:52.
class ConsoleTest : public StorageTest {
 protected:
  void SetUp() override;

  // 2.000815.000.00.00.H34: 1 working day; 2.000 đồng/page for pages 1-2, 1.000 from page 3.
  static core::Procedure copy_certification();
  // An active staff member of `agency` with `roles`, stored; returns it with its id.
  core::StaffMember add_staff(const std::string& username, const std::string& agency,
                              std::uint32_t roles);
  // The guide's submitter, with per-tier counts 1 and 1 (the guide's 2.000 + 1.000 lines).
  static app::IntakeRequest guide_request();
  // Takes in the guide's request as `officer`; fails the test on error.
  core::CaseRecord take_in(const core::StaffMember& officer,
                           app::IntakeRequest request = guide_request());

  std::unique_ptr<core::WorkingCalendar> calendar_;
  std::unique_ptr<FakeClock> clock_;
  core::StaffMember officer_;  // officer of H34.22.6
};

}  // namespace motcua::testing
