#include "core/remaining_time.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

using namespace std::chrono;

TEST(RemainingTime, BeforeTheDeadlineSaysConLai) {
  sys_seconds deadline = sys_days{2024y / 5 / 2} + 7h + 27min;
  sys_seconds now = deadline - (16h + 16min + 46s);
  EXPECT_EQ(format_remaining_time(remaining_time(now, deadline)),
            "Còn lại 0 ngày 16 giờ 16 phút 46 giây");
}

TEST(RemainingTime, AfterTheDeadlineSaysDaQuaHan) {
  sys_seconds deadline = sys_days{2024y / 5 / 2} + 7h + 27min;
  sys_seconds now = deadline + days{7} + 1h + 48min + 18s;
  RemainingTime r = remaining_time(now, deadline);
  EXPECT_TRUE(r.overdue);
  EXPECT_EQ(format_remaining_time(r), "Đã quá hạn 7 ngày 1 giờ 48 phút 18 giây");
}

TEST(RemainingTime, ExactlyAtTheDeadlineIsNotOverdue) {
  sys_seconds deadline = sys_days{2024y / 5 / 2} + 7h + 27min;
  RemainingTime r = remaining_time(deadline, deadline);
  EXPECT_FALSE(r.overdue);
  EXPECT_EQ(format_remaining_time(r), "Còn lại 0 ngày 0 giờ 0 phút 0 giây");
  EXPECT_EQ(format_remaining_time(remaining_time(deadline + 1s, deadline)),
            "Đã quá hạn 0 ngày 0 giờ 0 phút 1 giây");
}

TEST(RemainingTime, CountsCalendarDaysNotWorkingDays) {
  sys_seconds now = sys_days{2024y / 4 / 26} + 1h;
  sys_seconds deadline = sys_days{2024y / 5 / 4} + 1h;  // across the 27/04-01/05 days off
  EXPECT_EQ(remaining_time(now, deadline).days, 8);
}

}  // namespace
}  // namespace motcua::core
