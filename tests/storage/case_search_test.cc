#include <gtest/gtest.h>

#include <limits>

#include "adapters/storage/sql_case_repository.h"
#include "fixtures.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using core::Status;
using namespace std::chrono_literals;

class CaseSearch : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    struct Row {
      const char* code;
      const char* name;
      const char* id;
      core::CaseStatus status;
      const char* agency;
      int day;
    };
    const Row rows[] = {
        {"H34.22.6-240426-0001", "Nguyễn Văn An", "062190001111", core::CaseStatus::kAccepted,
         "H34.22.6", 26},
        {"H34.22.6-240426-0002", "Võ Đặng Ngọc Giả", "062190008870", core::CaseStatus::kAccepted,
         "H34.22.6", 26},
        {"H34.22.6-240427-0001", "Nguyễn Thị Ngọc Anh", "062190002222",
         core::CaseStatus::kProcessing, "H34.22.6", 27},
        {"H34.4-240503-0012", "Võ Đặng Ngọc Giả", "062190008870", core::CaseStatus::kNew, "H34.4",
         28},
        {"H34.4-240503-0013", "Đỗ Đức Dũng", "123456789", core::CaseStatus::kCancelled, "H34.4",
         29},
    };
    Status s = store().transact([&](app::Repositories& r) -> Status {
      for (const char* code : {"H34.22.6", "H34.4"}) {
        core::Agency a = ward_agency();
        a.code = code;
        if (Status saved = r.agencies().save(a); !saved.ok()) return saved;
      }
      for (const Row& row : rows) {
        core::CaseRecord c = guide_case();
        c.code = row.code;
        c.submitter.name = row.name;
        c.submitter.id_number = row.id;
        c.owner = c.submitter;
        c.status = row.status;
        c.receiving_agency_code = c.processing_agency_code = row.agency;
        c.submitted_at = std::chrono::sys_days{std::chrono::year{2024} / 4 / row.day} + 1h;
        c.received_at = c.submitted_at;
        if (auto id = r.cases().insert(c); !id.ok()) return id.error();
      }
      return {};
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  app::CasePage search(const app::CaseQuery& q) {
    app::CasePage page;
    Status s = store().read([&](app::Repositories& r) -> Status {
      auto found = r.cases().search(q);
      if (!found.ok()) return found.error();
      page = found.value();
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return page;
  }

  static std::vector<std::string> codes(const app::CasePage& page) {
    std::vector<std::string> out;
    for (const auto& c : page.items) out.push_back(c.code);
    return out;
  }
};

TEST_P(CaseSearch, ExactCode) {
  app::CaseQuery q;
  q.code = "H34.22.6-240426-0002";
  app::CasePage page = search(q);
  EXPECT_EQ(page.total, 1);
  EXPECT_EQ(codes(page), std::vector<std::string>{"H34.22.6-240426-0002"});
  EXPECT_TRUE(page.items[0].fee_lines.empty()) << "lists carry no fee lines";
}

TEST_P(CaseSearch, CodePrefix) {
  app::CaseQuery q;
  q.code_prefix = "H34.22.6-2404";
  EXPECT_EQ(search(q).total, 3);
  q.code_prefix = "H34.4-";
  EXPECT_EQ(search(q).total, 2);
  q.code_prefix = "H34.22.6-240426-000";
  EXPECT_EQ(search(q).total, 2);
}

TEST_P(CaseSearch, IdNumber) {
  app::CaseQuery q;
  q.id_number = "062190008870";
  EXPECT_EQ(search(q).total, 2);
}

TEST_P(CaseSearch, NameIgnoresCaseAndDiacritics) {
  app::CaseQuery q;
  q.name = "vo dang ngoc gia";
  EXPECT_EQ(search(q).total, 2);
  q.name = "VÕ ĐẶNG";
  EXPECT_EQ(search(q).total, 2);
  q.name = "ngoc gia";  // from the start of any word
  EXPECT_EQ(search(q).total, 2);
  q.name = "ngoc";
  EXPECT_EQ(search(q).total, 3);
  q.name = "do duc dung";
  EXPECT_EQ(search(q).total, 1);
  q.name = "gia vo";  // words must follow each other
  EXPECT_EQ(search(q).total, 0);
  q.name = "ang";  // not from a word start
  EXPECT_EQ(search(q).total, 0);
}

TEST_P(CaseSearch, FiltersCombine) {
  app::CaseQuery q;
  q.name = "ngoc";
  q.status = core::CaseStatus::kAccepted;
  EXPECT_EQ(codes(search(q)), std::vector<std::string>{"H34.22.6-240426-0002"});
  q = {};
  q.agency_code = "H34.4";
  EXPECT_EQ(search(q).total, 2);
  q.procedure_code = "2.000815.000.00.00.H34";
  EXPECT_EQ(search(q).total, 2);
  q.procedure_code = "1.001193";
  EXPECT_EQ(search(q).total, 0);
}

TEST_P(CaseSearch, ReceptionDateRange) {
  app::CaseQuery q;
  q.received_from = std::chrono::sys_days{std::chrono::year{2024} / 4 / 27};
  q.received_until = std::chrono::sys_days{std::chrono::year{2024} / 4 / 29};
  EXPECT_EQ(codes(search(q)),
            (std::vector<std::string>{"H34.4-240503-0012", "H34.22.6-240427-0001"}));
}

TEST_P(CaseSearch, PagesKeepTheTotal) {
  app::CaseQuery q;
  q.page_size = 2;
  app::CasePage first = search(q);
  EXPECT_EQ(first.total, 5);
  EXPECT_EQ(codes(first), (std::vector<std::string>{"H34.4-240503-0013", "H34.4-240503-0012"}));
  q.page = 3;
  app::CasePage last = search(q);
  EXPECT_EQ(last.total, 5);
  EXPECT_EQ(codes(last), std::vector<std::string>{"H34.22.6-240426-0001"});
  q.page = 4;
  EXPECT_TRUE(search(q).items.empty());
  // A page past any possible offset is past the end too: no overflow, the total kept.
  q.page = std::numeric_limits<std::int64_t>::max();
  app::CasePage beyond = search(q);
  EXPECT_EQ(beyond.total, 5);
  EXPECT_TRUE(beyond.items.empty());
}

TEST_P(CaseSearch, CappedCountSaysThereAreMore) {
  app::CaseQuery q;
  q.page_size = 2;
  q.count_limit = 3;
  app::CasePage first = search(q);
  EXPECT_EQ(first.total, 3);
  EXPECT_TRUE(first.total_capped);
  EXPECT_EQ(codes(first), (std::vector<std::string>{"H34.4-240503-0013", "H34.4-240503-0012"}));
  // Pages past the counted ones still answer: the cap bounds the count, not the pages.
  q.page = 3;
  EXPECT_EQ(codes(search(q)), std::vector<std::string>{"H34.22.6-240426-0001"});
  // A limit the matches do not reach gives the exact total.
  q.page = 1;
  for (std::int64_t limit : {5, 6, 1000}) {
    q.count_limit = limit;
    app::CasePage all = search(q);
    EXPECT_EQ(all.total, 5) << limit;
    EXPECT_FALSE(all.total_capped) << limit;
  }
  q.count_limit = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(search(q).total, 5);
  EXPECT_FALSE(search(q).total_capped);
}

// The broad-name shape (newest cases drive, agency indexes hidden) finds the same cases in the
// same order as the term-driven one; the threshold is lowered so that these few cases reach it.
TEST_P(CaseSearch, BroadNameShapeFindsTheSameCases) {
  struct Restore {
    ~Restore() { adapters::storage::set_broad_name_terms(0); }
  } restore;
  for (const char* name : {"ngoc", "vo dang", "nguyen", "d", "an"}) {
    for (const char* root : {"", "H34", "H34.4"}) {
      app::CaseQuery q;
      q.name = name;
      q.agency_root = root;
      q.page_size = 2;
      q.count_limit = 2;
      adapters::storage::set_broad_name_terms(0);
      app::CaseQuery exact = q;
      exact.count_limit = 0;
      app::CasePage term_driven = search(exact);
      app::CasePage capped_terms = search(q);
      adapters::storage::set_broad_name_terms(1);
      app::CasePage broad = search(q);
      EXPECT_EQ(codes(broad), codes(term_driven)) << name << " in " << root;
      EXPECT_EQ(broad.total, capped_terms.total) << name << " in " << root;
      EXPECT_EQ(broad.total_capped, capped_terms.total_capped) << name << " in " << root;
      EXPECT_EQ(broad.total_capped, term_driven.total > 2) << name << " in " << root;
      q.page = 2;
      exact.page = 2;
      EXPECT_EQ(codes(search(q)), codes(search(exact))) << name << " page 2 in " << root;
      adapters::storage::set_broad_name_terms(0);
    }
  }
  // The broad shape did find something: "ngoc" is in three names.
  app::CaseQuery q;
  q.name = "ngoc";
  q.count_limit = 10;
  adapters::storage::set_broad_name_terms(1);
  app::CasePage broad = search(q);
  EXPECT_EQ(broad.total, 3);
  EXPECT_EQ(codes(broad), (std::vector<std::string>{"H34.4-240503-0012", "H34.22.6-240427-0001",
                                                    "H34.22.6-240426-0002"}));
}

TEST_P(CaseSearch, BadPagingIsRejected) {
  Status s = store().read([&](app::Repositories& r) -> Status {
    app::CaseQuery q;
    q.page = 0;
    EXPECT_FALSE(r.cases().search(q).ok());
    q.page = 1;
    q.page_size = 100000;
    EXPECT_FALSE(r.cases().search(q).ok());
    return {};
  });
  EXPECT_TRUE(s.ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseSearch, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
