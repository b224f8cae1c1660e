// app::CitizenCases on both engines: an account reads its own online cases and nothing else.
#include <gtest/gtest.h>

#include "app/citizen_cases.h"
#include "console_fixture.h"

namespace motcua::testing {
namespace {

using core::ErrorKind;

class CitizenCases : public ConsoleTest {
 protected:
  void SetUp() override {
    ConsoleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    own_ = add_account("062190008870");
    other_ = add_account("062190008871");
    own_case_ = submitted_by(take_in(officer_), own_);
    other_case_ = submitted_by(take_in(officer_), other_);
    counter_case_ = take_in(officer_);  // the same submitter, at the counter
  }

  std::int64_t add_account(const std::string& id_number) {
    std::int64_t id = 0;
    core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
      auto created = r.citizens().create({0, id_number, "Võ Đặng Ngọc Giả", "", "", "x"});
      if (!created.ok()) return created.error();
      id = *created;
      return {};
    });
    EXPECT_TRUE(s.ok());
    return id;
  }

  // The case as if `account` had submitted it online.
  core::CaseRecord submitted_by(core::CaseRecord record, std::int64_t account) {
    record.citizen_account_id = account;
    record.channel = core::IntakeChannel::kOnline;
    core::Status s = store().transact(
        [&](app::Repositories& r) -> core::Status { return r.cases().update(record); });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return record;
  }

  app::CitizenCases cases() { return app::CitizenCases(store(), *clock_); }

  static std::vector<std::string> codes(const app::CitizenCasePage& page) {
    std::vector<std::string> out;
    for (const auto& item : page.page.items) out.push_back(item.record.code);
    return out;
  }

  std::int64_t own_ = 0;
  std::int64_t other_ = 0;
  core::CaseRecord own_case_;
  core::CaseRecord other_case_;
  core::CaseRecord counter_case_;
};

TEST_P(CitizenCases, SearchFindsOnlyTheAccountsCases) {
  auto page = cases().search(own_, {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(codes(*page), std::vector<std::string>{own_case_.code});
  EXPECT_EQ(page->page.total, 1);
  ASSERT_EQ(page->payable.size(), 1u);
  EXPECT_TRUE(page->payable[0]) << "taken in, 3.000 VND due";
  EXPECT_EQ(page->page.items[0].agency_name, "Bộ phận TN&TKQ phường Trần Hưng Đạo");

  app::CaseQuery widen;  // what the account cannot widen its view with
  widen.citizen_account_id = other_;
  widen.agency_root = "H34";
  widen.id_number = counter_case_.submitter.id_number;
  EXPECT_EQ(codes(cases().search(own_, widen).value()), std::vector<std::string>{own_case_.code});
}

TEST_P(CitizenCases, FiltersNarrowWithinTheAccount) {
  auto search = [&](app::CaseQuery q) { return codes(cases().search(own_, q).value()); };
  const std::vector<std::string> own{own_case_.code};
  EXPECT_EQ(search({.code_prefix = "H34.22.6-2404"}), own);
  EXPECT_TRUE(search({.code_prefix = "H34.4"}).empty());
  EXPECT_EQ(search({.status = own_case_.status}), own);
  EXPECT_TRUE(search({.status = core::CaseStatus::kResultReturned}).empty());
  EXPECT_EQ(search({.field = "Chứng thực"}), own);
  EXPECT_TRUE(search({.field = "Hộ tịch"}).empty());
}

TEST_P(CitizenCases, RefusesBadPages) {
  EXPECT_EQ(cases().search(own_, {.page = 0}).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(cases().search(own_, {.page_size = 51}).error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(cases().search(own_, {.page_size = 50}).ok());
}

TEST_P(CitizenCases, OpensOnlyTheAccountsCase) {
  auto opened = cases().open_case(own_, own_case_.code);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->receiving_agency_name, "Bộ phận TN&TKQ phường Trần Hưng Đạo");
  EXPECT_TRUE(opened->payable);
  EXPECT_EQ(opened->detail.outstanding_text, "(Còn lại 3.000 VND)");
  ASSERT_FALSE(opened->detail.history.empty());
  EXPECT_EQ(opened->detail.history.front().action, "case.intake");
  EXPECT_TRUE(opened->receipts.empty());

  EXPECT_EQ(cases().open_case(own_, other_case_.code).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(cases().open_case(own_, counter_case_.code).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(cases().open_case(own_, "H34.22.6-240426-9999").error().kind, ErrorKind::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, CitizenCases, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
