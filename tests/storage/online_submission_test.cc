// app::OnlineSubmission on both engines: the case and its file rows are stored in one
// transaction with the audit entry and a case event; a failed transaction leaves no row and
// deletes the files it had written.
#include <gtest/gtest.h>

#include <filesystem>

#include "../web/upload_samples.h"
#include "adapters/files/local_file_store.h"
#include "adapters/files/magic_content_sniffer.h"
#include "adapters/security/sodium_token_service.h"
#include "app/online_submission.h"
#include "console_fixture.h"

namespace motcua::testing {
namespace {

class OnlineSubmission : public ConsoleTest {
 protected:
  void SetUp() override {
    ConsoleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    core::Procedure p = copy_certification();
    p.documents = {{"Bản chính", 1, 0, true}};
    core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
      if (auto saved = r.procedures().save(p); !saved.ok()) return saved;
      account_ = {0, "062190008870", "Võ Đặng Ngọc Giả", "0886650748", "gia@example.vn", "x"};
      auto id = r.citizens().create(account_);
      if (!id.ok()) return id.error();
      account_.id = *id;
      return {};
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
    files_ = std::make_unique<adapters::files::LocalFileStore>(
        adapters::files::LocalFileStore::open(dir_.file("uploads"), tokens_).value());
    sniffer_ = adapters::files::MagicContentSniffer::open().value();
  }

  app::SubmissionRequest request() {
    app::SubmissionRequest r;
    r.procedure_code = copy_certification().code;
    r.receiving_agency_code = "H34.22.6";
    r.submitter = {"Võ Đặng Ngọc Giả", "", "Kon Tum", "0886650748", "gia@example.vn"};
    r.files = {{"Bản chính", "ban-chinh.pdf", pdf_bytes()},
               {std::string(app::kOtherDocument), "anh.png", png_bytes()}};
    return r;
  }

  app::SubmissionResult submit(const app::SubmissionRequest& r) {
    return app::OnlineSubmission(store(), *clock_, *files_, *sniffer_).submit(account_, r);
  }

  size_t files_on_disk() {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e :
         std::filesystem::directory_iterator(dir_.file("uploads"))) {
      ++n;
    }
    return n;
  }

  TempDir dir_{"motcua-submission"};
  adapters::security::SodiumTokenService tokens_;
  std::unique_ptr<adapters::files::LocalFileStore> files_;
  std::unique_ptr<adapters::files::MagicContentSniffer> sniffer_;
  core::CitizenAccount account_;
};

TEST_P(OnlineSubmission, StoresTheCaseItsFilesAuditAndEventTogether) {
  app::SubmissionResult r = submit(request());
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.record->code, "H34.22.6-240426-0001");
  EXPECT_EQ(r.record->status, core::CaseStatus::kNew);
  EXPECT_EQ(r.record->channel, core::IntakeChannel::kOnline);
  EXPECT_EQ(r.record->citizen_account_id, account_.id);
  EXPECT_EQ(r.record->submitter.id_number, "062190008870");
  EXPECT_FALSE(r.record->received_at.has_value());
  EXPECT_EQ(r.record->submitted_at, clock_->now());
  ASSERT_EQ(r.files.size(), 2u);
  core::Status s = store().read([&](app::Repositories& repos) -> core::Status {
    auto rows = repos.case_files().list_for_case(r.record->id);
    EXPECT_TRUE(rows.ok());
    if (rows.ok()) {
      EXPECT_EQ(rows->size(), 2u);
      EXPECT_EQ((*rows)[0].media_type, "application/pdf");
      EXPECT_EQ((*rows)[1].media_type, "image/png");
      EXPECT_EQ((*rows)[1].document, "Giấy tờ khác");
      EXPECT_EQ((*rows)[0].uploaded_at, clock_->now());
      auto one = repos.case_files().find(r.record->id, (*rows)[1].id);
      EXPECT_TRUE(one.ok() && one->has_value());
      auto other_case = repos.case_files().find(r.record->id + 1, (*rows)[1].id);
      EXPECT_TRUE(other_case.ok() && !other_case->has_value());
    }
    auto audit = repos.audit().for_entity("case", r.record->code);
    EXPECT_TRUE(audit.ok() && audit->size() == 1 && (*audit)[0].action == "case.submit" &&
                (*audit)[0].actor == "citizen:" + std::to_string(account_.id));
    return {};
  });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM case_events WHERE case_code = "
                         "'H34.22.6-240426-0001'"),
            1);
  EXPECT_EQ(files_on_disk(), 2u);
}

TEST_P(OnlineSubmission, AFailedTransactionLeavesNoRowAndNoFile) {
  // The code the submission will be given is taken behind the sequence's back, so the insert
  // fails after the files were written and inside the transaction.
  core::CaseRecord squatter;
  squatter.code = "H34.22.6-240426-0001";
  squatter.procedure_code = copy_certification().code;
  squatter.procedure_name = "x";
  squatter.receiving_agency_code = squatter.processing_agency_code = "H34.22.6";
  squatter.submitter = squatter.owner = {"A", "062190008871", "", "", ""};
  squatter.submitted_at = clock_->now();
  ASSERT_TRUE(store()
                  .transact([&](app::Repositories& r) -> core::Status {
                    auto id = r.cases().insert(squatter);
                    return id.ok() ? core::Status{} : core::Status{id.error()};
                  })
                  .ok());
  app::SubmissionResult r = submit(request());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM case_files"), 0);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM cases"), 1);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE action = 'case.submit'"), 0);
  EXPECT_EQ(files_on_disk(), 0u) << "the written files are deleted";
}

TEST_P(OnlineSubmission, RefusalsWriteNothing) {
  app::SubmissionRequest missing = request();
  missing.files.erase(missing.files.begin());
  app::SubmissionResult r = submit(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.kind, core::ErrorKind::kInvalidInput);
  ASSERT_EQ(r.field_errors.size(), 1u);
  EXPECT_EQ(r.field_errors[0].field, "documents[0]");

  app::SubmissionRequest exe = request();
  exe.files[0].bytes = exe_bytes();
  r = submit(exe);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.field_errors.at(0).field, "files[0].type");

  app::SubmissionRequest nowhere = request();
  nowhere.receiving_agency_code = "H99";
  EXPECT_EQ(submit(nowhere).field_errors.at(0).field, "receiving_agency_code");

  app::SubmissionRequest unknown = request();
  unknown.procedure_code = "9.999";
  EXPECT_EQ(submit(unknown).error.kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM cases"), 0);
  EXPECT_EQ(files_on_disk(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Engines, OnlineSubmission, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
