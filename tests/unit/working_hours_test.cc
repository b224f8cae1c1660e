#include "core/working_hours.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

using namespace std::chrono;

TEST(WorkingHours, StandardIsTwoWindowsOfEightHours) {
  WorkingHours h = WorkingHours::standard();
  ASSERT_EQ(h.windows().size(), 2u);
  EXPECT_EQ(h.windows()[0].begin, 7h);
  EXPECT_EQ(h.windows()[1].end, 17h);
  EXPECT_EQ(h.per_day(), 8h);
  EXPECT_EQ(h.to_string(), "07:00-11:00,13:00-17:00");
}

TEST(WorkingHours, ParsesWindowList) {
  WorkingHours h = WorkingHours::parse("07:30-11:30, 13:30-17:00").value();
  EXPECT_EQ(h.per_day(), 7h + 30min);
  EXPECT_EQ(h.to_string(), "07:30-11:30,13:30-17:00");
  EXPECT_EQ(WorkingHours::parse("00:00-24:00").value().per_day(), 24h);
}

TEST(WorkingHours, RejectsOverlapsUnsortedAndEmpty) {
  for (const char* text :
       {"", ",", "07:00-11:00,10:00-12:00", "13:00-17:00,07:00-11:00", "11:00-07:00", "07:00-07:00",
        "07:00", "7:00-11:00", "07:00-25:00", "24:30-24:45", "07:00-11:00,", "a7:00-11:00"}) {
    EXPECT_FALSE(WorkingHours::parse(text).ok()) << text;
  }
  EXPECT_FALSE(WorkingHours::create({}).ok());
}

TEST(WorkingHours, TouchingWindowsAreAllowed) {
  EXPECT_TRUE(WorkingHours::parse("07:00-11:00,11:00-12:00").ok());
}

}  // namespace
}  // namespace motcua::core
