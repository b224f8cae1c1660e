#include <gtest/gtest.h>

#include "../support/run_process.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

class Numbering : public StorageTest {};

// 2 processes x 8 threads, each allocating from one scope: every number from 1 to the total
// is handed out exactly once.
TEST_P(Numbering, NoDuplicatesAndNoGapsAcrossThreadsAndProcesses) {
  store();  // migrates
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  std::string command = std::string(MOTCUA_NUMBERING_WORKER) + " " + shell_quote(url()) +
                        " H34.22.6-240426-{seq} " + std::to_string(kThreads) + " " +
                        std::to_string(kPerThread);
  ProcessResult both = run_process(command + " & a=$!; " + command + " & b=$!; wait $a && wait $b");
  ASSERT_EQ(both.exit_code, 0) << both.err;

  constexpr long long kTotal = 2LL * kThreads * kPerThread;
  EXPECT_EQ(query_number("SELECT last_value FROM sequences WHERE scope = "
                         "'H34.22.6-240426-{seq}'"),
            kTotal);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM settings WHERE key LIKE "
                         "'H34.22.6-240426-{seq}#%'"),
            kTotal);
  for (long long n : {1LL, kTotal / 2, kTotal}) {
    EXPECT_EQ(query_number("SELECT COUNT(*) FROM settings WHERE key = "
                           "'H34.22.6-240426-{seq}#" +
                           std::to_string(n) + "'"),
              1)
        << n;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, Numbering, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
