#include <gtest/gtest.h>

#include "fixtures.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using core::CaseStatus;
using core::Status;

// CaseRepository::count_by_status and the scope filters of CaseQuery (agency_root,
// assigned_staff_id, with_fee_lines).
class CaseCounts : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    struct Row {
      const char* code;
      const char* receiving;
      const char* processing;
      CaseStatus status;
      std::optional<std::int64_t> staff;
    };
    const Row rows[] = {
        {"H34.22.6-240426-0001", "H34.22.6", "H34.22.6", CaseStatus::kAccepted, 1},
        {"H34.22.6-240426-0002", "H34.22.6", "H34.22.6", CaseStatus::kAccepted, 2},
        {"H34.22.6.1-240426-0001", "H34.22.6.1", "H34.22.6.1", CaseStatus::kCancelled, 1},
        {"H34.226-240426-0001", "H34.226", "H34.226", CaseStatus::kNew, std::nullopt},
        {"H34.4-240426-0001", "H34.4", "H34.22.6", CaseStatus::kProcessing, 3},
        {"H48.1-240426-0001", "H48.1", "H48.1", CaseStatus::kNew, 1},
    };
    Status s = store().transact([&](app::Repositories& r) -> Status {
      for (const Row& row : rows) {
        core::CaseRecord c = guide_case();
        c.code = row.code;
        c.receiving_agency_code = row.receiving;
        c.processing_agency_code = row.processing;
        c.status = row.status;
        c.assigned_staff_id = row.staff;
        if (auto id = r.cases().insert(c); !id.ok()) return id.error();
      }
      return {};
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  std::map<CaseStatus, std::int64_t> counts(const app::CaseQuery& q) {
    std::map<CaseStatus, std::int64_t> out;
    Status s = store().read([&](app::Repositories& r) -> Status {
      auto c = r.cases().count_by_status(q);
      if (!c.ok()) return c.error();
      out = *c;
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return out;
  }

  app::CasePage search(const app::CaseQuery& q) {
    app::CasePage page;
    Status s = store().read([&](app::Repositories& r) -> Status {
      auto found = r.cases().search(q);
      if (!found.ok()) return found.error();
      page = *found;
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return page;
  }
};

TEST_P(CaseCounts, CountsEveryStatusPresent) {
  std::map<CaseStatus, std::int64_t> expected = {{CaseStatus::kNew, 2},
                                                 {CaseStatus::kAccepted, 2},
                                                 {CaseStatus::kProcessing, 1},
                                                 {CaseStatus::kCancelled, 1}};
  EXPECT_EQ(counts({}), expected);
}

TEST_P(CaseCounts, AgencyRootCoversTheUnitAndBelowByEitherAgency) {
  app::CaseQuery q;
  q.agency_root = "H34.22.6";
  std::map<CaseStatus, std::int64_t> expected = {
      {CaseStatus::kAccepted, 2}, {CaseStatus::kProcessing, 1}, {CaseStatus::kCancelled, 1}};
  EXPECT_EQ(counts(q), expected);  // not H34.226, not H48.1
  EXPECT_EQ(search(q).total, 4);
  q.agency_root = "H34";
  EXPECT_EQ(search(q).total, 5);
}

TEST_P(CaseCounts, AssignedStaffAndOtherFiltersCombine) {
  app::CaseQuery q;
  q.assigned_staff_id = 1;
  EXPECT_EQ(search(q).total, 3);
  q.agency_root = "H34";
  std::map<CaseStatus, std::int64_t> expected = {{CaseStatus::kAccepted, 1},
                                                 {CaseStatus::kCancelled, 1}};
  EXPECT_EQ(counts(q), expected);
  q.status = CaseStatus::kCancelled;
  EXPECT_EQ(counts(q), (std::map<CaseStatus, std::int64_t>{{CaseStatus::kCancelled, 1}}));
}

TEST_P(CaseCounts, StatusesMatchAnyOfThem) {
  app::CaseQuery q;
  q.statuses = {CaseStatus::kAccepted, CaseStatus::kProcessing};
  EXPECT_EQ(search(q).total, 3);
  std::map<CaseStatus, std::int64_t> expected = {{CaseStatus::kAccepted, 2},
                                                 {CaseStatus::kProcessing, 1}};
  EXPECT_EQ(counts(q), expected);
  q.agency_root = "H34.22.6";
  q.assigned_staff_id = 3;
  EXPECT_EQ(search(q).total, 1);  // the statuses and the scope combine
  q.status = CaseStatus::kNew;
  EXPECT_EQ(search(q).total, 0);  // both status filters apply
}

TEST_P(CaseCounts, PageFieldsDoNotLimitTheCounts) {
  app::CaseQuery q;
  q.page = 3;
  q.page_size = 1;
  EXPECT_EQ(counts(q).at(CaseStatus::kNew), 2);
}

TEST_P(CaseCounts, SearchKeepsFeeLinesOnlyWhenAsked) {
  app::CaseQuery q;
  q.code = "H34.4-240426-0001";
  EXPECT_TRUE(search(q).items.at(0).fee_lines.empty());
  q.with_fee_lines = true;
  EXPECT_EQ(search(q).items.at(0).fee_lines.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseCounts, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
