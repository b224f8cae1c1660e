#include <gtest/gtest.h>

#include <limits>

#include "fixtures.h"
#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using core::ErrorKind;
using core::Status;

class Repositories : public StorageTest {
 protected:
  // Runs `work` in a write transaction and expects it to commit.
  void write(const std::function<Status(app::Repositories&)>& work) {
    Status s = store().transact(work);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  void read(const std::function<Status(app::Repositories&)>& work) {
    Status s = store().read(work);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  // Stores the ward agency and the guide's case; returns the case id.
  std::int64_t store_guide_case() {
    std::int64_t id = 0;
    write([&](app::Repositories& r) -> Status {
      if (Status s = r.agencies().save(ward_agency()); !s.ok()) return s;
      auto inserted = r.cases().insert(guide_case());
      if (!inserted.ok()) return inserted.error();
      id = inserted.value();
      return {};
    });
    return id;
  }
  core::CaseRecord load_case(std::string_view code) {
    core::CaseRecord out;
    read([&](app::Repositories& r) -> Status {
      auto found = r.cases().find_by_code(code);
      if (!found.ok()) return found.error();
      if (!found->has_value()) return core::Error{ErrorKind::kNotFound, std::string(code)};
      out = **found;
      return {};
    });
    return out;
  }
};

TEST_P(Repositories, AgencyRoundTripsWithSuccessorAndOpenValidity) {
  core::Agency province{"H48", "Tỉnh Quảng Ngãi",
                        std::chrono::sys_days{std::chrono::year{2025} / 7 / 1}};
  write([&](app::Repositories& r) -> Status {
    if (Status s = r.agencies().save(ward_agency()); !s.ok()) return s;
    return r.agencies().save(province);
  });
  read([&](app::Repositories& r) -> Status {
    auto ward = r.agencies().find("H34.22.6");
    EXPECT_TRUE(ward.ok() && ward->has_value());
    const core::Agency& a = **ward;
    EXPECT_EQ(a.name, "Bộ phận TN&TKQ phường Trần Hưng Đạo");
    EXPECT_EQ(a.successor_code, "H48");
    EXPECT_EQ(a.valid_until, ward_agency().valid_until);
    EXPECT_EQ(a.receipt_series, "AA-24E");
    EXPECT_EQ(a.case_code_pattern, "{agency}-{yy}{MM}{dd}-{seq:4}");
    auto h48 = r.agencies().find("H48");
    EXPECT_FALSE((*h48)->valid_until.has_value());
    EXPECT_FALSE((*h48)->successor_code.has_value());
    EXPECT_FALSE(r.agencies().find("H99").value().has_value());
    EXPECT_EQ(r.agencies().list().value().size(), 2u);
    return {};
  });
}

TEST_P(Repositories, SavingAnAgencyAgainReplacesIt) {
  core::Agency a = ward_agency();
  write([&](app::Repositories& r) { return r.agencies().save(a); });
  a.name = "Bộ phận một cửa phường Trần Hưng Đạo";
  a.case_code_pattern = "{agency}/{yyyy}/{seq:6}";
  write([&](app::Repositories& r) { return r.agencies().save(a); });
  read([&](app::Repositories& r) -> Status {
    auto found = r.agencies().find(a.code).value();
    EXPECT_EQ(found->name, a.name);
    EXPECT_EQ(found->case_code_pattern, "{agency}/{yyyy}/{seq:6}");
    EXPECT_EQ(r.agencies().list().value().size(), 1u);
    return {};
  });
}

TEST_P(Repositories, StaffUsernamesAreUnique) {
  core::StaffMember officer{0,
                            "canbo.thd",
                            "Võ Đặng Ngọc Giả",
                            "H34.22.6",
                            core::kRoleOfficer | core::kRoleAgencyLookup,
                            "$argon2id$x",
                            true};
  write([&](app::Repositories& r) -> Status {
    if (Status s = r.agencies().save(ward_agency()); !s.ok()) return s;
    auto id = r.staff().create(officer);
    if (!id.ok()) return id.error();
    EXPECT_GT(id.value(), 0);
    return {};
  });
  Status duplicate = store().transact([&](app::Repositories& r) -> Status {
    auto id = r.staff().create(officer);
    return id.ok() ? Status{} : Status{id.error()};
  });
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().kind, ErrorKind::kConflict);
  read([&](app::Repositories& r) -> Status {
    auto found = r.staff().find_by_username("canbo.thd").value();
    EXPECT_TRUE(found.has_value());
    EXPECT_EQ(found->full_name, "Võ Đặng Ngọc Giả");
    EXPECT_EQ(found->roles, core::kRoleOfficer | core::kRoleAgencyLookup);
    EXPECT_EQ(r.staff().find_by_id(found->id).value()->username, "canbo.thd");
    EXPECT_EQ(r.staff().list_by_agency("H34.22.6").value().size(), 1u);
    EXPECT_FALSE(r.staff().find_by_username("nobody").value().has_value());
    return {};
  });
}

TEST_P(Repositories, StaffUpdateRewritesRolesAgencyAndActiveFlag) {
  core::StaffMember officer{0, "canbo.thd", "Võ Đặng", "H34.22.6", core::kRoleOfficer, "h1", true};
  write([&](app::Repositories& r) -> Status {
    if (Status s = r.agencies().save(ward_agency()); !s.ok()) return s;
    core::Agency justice = ward_agency();
    justice.code = "H34.4";
    if (Status s = r.agencies().save(justice); !s.ok()) return s;
    auto id = r.staff().create(officer);
    if (!id.ok()) return id.error();
    officer.id = *id;
    return {};
  });
  core::StaffMember changed = officer;
  changed.full_name = "Võ Đặng Ngọc Giả";
  changed.agency_code = "H34.4";
  changed.roles = core::kRoleUnitLead | core::kRoleAdmin;
  changed.password_hash = "h2";
  changed.active = false;
  write([&](app::Repositories& r) { return r.staff().update(changed); });
  read([&](app::Repositories& r) -> Status {
    auto found = r.staff().find_by_id(officer.id).value();
    EXPECT_TRUE(found.has_value());
    EXPECT_EQ(found->username, "canbo.thd");
    EXPECT_EQ(found->full_name, "Võ Đặng Ngọc Giả");
    EXPECT_EQ(found->agency_code, "H34.4");
    EXPECT_EQ(found->roles, core::kRoleUnitLead | core::kRoleAdmin);
    EXPECT_EQ(found->password_hash, "h2");
    EXPECT_FALSE(found->active);
    EXPECT_TRUE(r.staff().list_by_agency("H34.22.6").value().empty());
    return {};
  });
  Status missing = store().transact([&](app::Repositories& r) {
    core::StaffMember ghost = changed;
    ghost.id = 424242;
    return r.staff().update(ghost);
  });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  Status unknown_agency = store().transact([&](app::Repositories& r) {
    core::StaffMember bad = changed;
    bad.agency_code = "H99";
    return r.staff().update(bad);
  });
  ASSERT_FALSE(unknown_agency.ok());
  EXPECT_EQ(unknown_agency.error().kind, ErrorKind::kInvalidInput);
}

TEST_P(Repositories, StaffMustBelongToAKnownAgency) {
  Status s = store().transact([&](app::Repositories& r) -> Status {
    auto id = r.staff().create({0, "x", "X", "H99", core::kRoleOfficer, "h", true});
    return id.ok() ? Status{} : Status{id.error()};
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalidInput);
}

TEST_P(Repositories, CitizenAccountsAreUniquePerIdNumber) {
  core::CitizenAccount citizen{
      0, "062190008870", "Võ Đặng Ngọc Giả", "0886650748", "gia@example.vn", "$argon2id$y"};
  write([&](app::Repositories& r) -> Status {
    auto id = r.citizens().create(citizen);
    return id.ok() ? Status{} : Status{id.error()};
  });
  Status again = store().transact([&](app::Repositories& r) -> Status {
    auto id = r.citizens().create(citizen);
    return id.ok() ? Status{} : Status{id.error()};
  });
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  read([&](app::Repositories& r) -> Status {
    auto found = r.citizens().find_by_id_number("062190008870").value();
    EXPECT_EQ(found->full_name, "Võ Đặng Ngọc Giả");
    EXPECT_EQ(r.citizens().find_by_id(found->id).value()->email, "gia@example.vn");
    return {};
  });
}

TEST_P(Repositories, ProcedureKeepsItsDocumentsAgencyAndOnlineTerms) {
  core::Procedure p;
  p.code = "1.001234.000.00.00.H34";
  p.name = "Cấp Phiếu lý lịch tư pháp";
  p.field = "Lý lịch tư pháp";
  p.level = "Tỉnh";
  p.implementing_agency = "Sở Tư pháp";
  p.online = false;
  p.fees_up_front = false;
  p.documents = {{"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", 1, 0, true},
                 {"Bản chụp giấy tờ tùy thân", 0, 1, true},
                 {"Văn bản ủy quyền (nếu có)", 1, 0, false}};
  write([&](app::Repositories& r) { return r.procedures().save(p); });
  p.documents.pop_back();  // a save replaces the list
  write([&](app::Repositories& r) { return r.procedures().save(p); });
  read([&](app::Repositories& r) -> Status {
    auto found = r.procedures().find(p.code).value();
    EXPECT_TRUE(found.has_value());
    EXPECT_EQ(found->implementing_agency, "Sở Tư pháp");
    EXPECT_FALSE(found->online);
    EXPECT_FALSE(found->fees_up_front);
    EXPECT_EQ(found->documents.size(), 2u);
    EXPECT_EQ(found->documents.at(1).name, "Bản chụp giấy tờ tùy thân");
    EXPECT_EQ(found->documents.at(1).copies, 1);
    EXPECT_EQ(found->documents.at(0).originals, 1);
    auto listed = r.procedures().search("ly lich", "", 10).value();
    EXPECT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed.at(0).documents.size(), 2u);
    EXPECT_FALSE(listed.at(0).online);
    return {};
  });
}

TEST_P(Repositories, ProcedureKeepsItsFeesTiersAndCap) {
  core::Procedure p;
  p.code = "2.000815.000.00.00.H34";
  p.name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản";
  p.field = "Chứng thực";
  p.level = "Xã";
  p.processing_days = 1;
  p.confirmed = true;
  p.fees.push_back({{"Phí chứng thực bản sao từ bản chính",
                     "trang",
                     {{1, core::Money::dong(2000), "Phí chứng thực bản sao từ bản chính"},
                      {3, core::Money::dong(1000), "… từ trang thứ 3."}},
                     core::Money::dong(200000)},
                    std::chrono::sys_days{std::chrono::year{2017} / 1 / 1},
                    std::nullopt,
                    "TT 226/2016/TT-BTC"});
  write([&](app::Repositories& r) { return r.procedures().save(p); });
  write([&](app::Repositories& r) { return r.procedures().save(p); });  // replaces, no dupes
  read([&](app::Repositories& r) -> Status {
    auto found = r.procedures().find(p.code).value();
    EXPECT_TRUE(found.has_value());
    EXPECT_EQ(found->fees.size(), 1u);
    const core::FeeItem& item = found->fees[0].item;
    EXPECT_EQ(item.tiers.size(), 2u);
    EXPECT_EQ(item.tiers[1].from_unit, 3);
    EXPECT_EQ(item.tiers[1].unit_amount, core::Money::dong(1000));
    EXPECT_EQ(item.cap_per_set, core::Money::dong(200000));
    EXPECT_EQ(found->fees[0].legal_basis, "TT 226/2016/TT-BTC");
    EXPECT_EQ(r.procedures().search("chung thuc ban sao", "", 10).value().size(), 1u);
    EXPECT_EQ(r.procedures().search("CHỨNG THỰC", "Chứng thực", 10).value().size(), 1u);
    EXPECT_EQ(r.procedures().search("2.000815", "", 10).value().size(), 1u);
    EXPECT_TRUE(r.procedures().search("chung thuc", "Hộ tịch", 10).value().empty());
    EXPECT_TRUE(r.procedures().search("100%", "", 10).value().empty());
    EXPECT_EQ(r.procedures().list_fields().value(), std::vector<std::string>{"Chứng thực"});
    std::vector<app::ProcedureName> names = r.procedures().list_names(10).value();
    EXPECT_EQ(names.size(), 1u);
    EXPECT_EQ(names.at(0).code, p.code);
    EXPECT_EQ(names.at(0).name, p.name);
    EXPECT_TRUE(r.procedures().list_names(0).value().empty()) << "the limit holds";
    return {};
  });
}

TEST_P(Repositories, CaseRoundTripsWithFeeLinesAndNfcNames) {
  std::int64_t id = store_guide_case();
  core::CaseRecord c = load_case("H34.22.6-240426-0002");
  EXPECT_EQ(c.id, id);
  EXPECT_EQ(c.version, 1);
  EXPECT_EQ(c.submitter.name, "Võ Đặng Ngọc Giả");
  EXPECT_EQ(c.submitter.id_number, "062190008870");
  EXPECT_EQ(c.received_at, guide_reception());
  EXPECT_EQ(c.deadline_at, guide_case().deadline_at);
  EXPECT_EQ(c.status, core::CaseStatus::kAccepted);
  EXPECT_FALSE(c.assigned_staff_id.has_value());
  ASSERT_EQ(c.fee_lines.size(), 2u);
  EXPECT_EQ(c.fee_lines[0].amount, core::Money::dong(2000));
  EXPECT_EQ(c.fee_lines[1].name, "Phí chứng thực bản sao từ bản chính từ trang thứ 3.");
  EXPECT_FALSE(c.fee_lines[1].paid);
  EXPECT_GT(c.fee_lines[0].id, 0);
}

TEST_P(Repositories, MoneyRoundTripsAtTheInt64Extremes) {
  core::CaseRecord c = guide_case();
  c.fee_lines[0].amount = core::Money::dong(std::numeric_limits<std::int64_t>::max());
  c.fee_lines[0].unit_amount = core::Money::dong(std::numeric_limits<std::int64_t>::max() - 1);
  c.fee_lines[1].amount = core::Money::dong(std::numeric_limits<std::int64_t>::min());
  c.fee_lines[1].quantity = std::numeric_limits<std::int64_t>::max();
  write([&](app::Repositories& r) -> Status {
    if (Status s = r.agencies().save(ward_agency()); !s.ok()) return s;
    auto id = r.cases().insert(c);
    return id.ok() ? Status{} : Status{id.error()};
  });
  core::CaseRecord back = load_case(c.code);
  EXPECT_EQ(back.fee_lines[0].amount.in_dong(), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(back.fee_lines[0].unit_amount.in_dong(), std::numeric_limits<std::int64_t>::max() - 1);
  EXPECT_EQ(back.fee_lines[1].amount.in_dong(), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(back.fee_lines[1].quantity, std::numeric_limits<std::int64_t>::max());
}

TEST_P(Repositories, CaseCodesAreUnique) {
  store_guide_case();
  Status again = store().transact([&](app::Repositories& r) -> Status {
    auto id = r.cases().insert(guide_case());
    return id.ok() ? Status{} : Status{id.error()};
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
}

TEST_P(Repositories, StaleUpdateIsAConflictNeverALostWrite) {
  store_guide_case();
  core::CaseRecord first = load_case("H34.22.6-240426-0002");
  core::CaseRecord second = first;

  first.status = core::CaseStatus::kProcessing;
  write([&](app::Repositories& r) { return r.cases().update(first); });

  second.status = core::CaseStatus::kCancelled;
  Status stale = store().transact([&](app::Repositories& r) { return r.cases().update(second); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);

  core::CaseRecord now = load_case("H34.22.6-240426-0002");
  EXPECT_EQ(now.status, core::CaseStatus::kProcessing);
  EXPECT_EQ(now.version, 2);
}

TEST_P(Repositories, UpdateCannotChangeTheCodeOrReachAMissingCase) {
  store_guide_case();
  core::CaseRecord c = load_case("H34.22.6-240426-0002");
  core::CaseRecord renamed = c;
  renamed.code = "H34.22.6-240426-9999";
  Status s = store().transact([&](app::Repositories& r) { return r.cases().update(renamed); });
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalidInput);
  core::CaseRecord missing = c;
  missing.id = 999999;
  s = store().transact([&](app::Repositories& r) { return r.cases().update(missing); });
  EXPECT_EQ(s.error().kind, ErrorKind::kNotFound);
}

TEST_P(Repositories, UpdatedNamesAreSearchable) {
  store_guide_case();
  core::CaseRecord c = load_case("H34.22.6-240426-0002");
  c.owner.name = "Trần Thị Bích Ngọc";
  write([&](app::Repositories& r) { return r.cases().update(c); });
  read([&](app::Repositories& r) -> Status {
    app::CaseQuery q;
    q.name = "bich ngoc";
    EXPECT_EQ(r.cases().search(q).value().total, 1);
    q.name = "ngoc gia";
    EXPECT_EQ(r.cases().search(q).value().total, 1);  // the submitter is unchanged
    return {};
  });
}

TEST_P(Repositories, NoFeeLineIsPaidTwice) {
  store_guide_case();
  std::int64_t line = load_case("H34.22.6-240426-0002").fee_lines[0].id;
  write([&](app::Repositories& r) {
    return r.cases().mark_fee_line_paid(line, core::PaymentMethod::kPaymentPlatform);
  });
  Status twice = store().transact([&](app::Repositories& r) {
    return r.cases().mark_fee_line_paid(line, core::PaymentMethod::kCash);
  });
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  core::CaseRecord c = load_case("H34.22.6-240426-0002");
  EXPECT_TRUE(c.fee_lines[0].paid);
  EXPECT_EQ(c.fee_lines[0].method, core::PaymentMethod::kPaymentPlatform);
  EXPECT_FALSE(c.fee_lines[1].paid);
  Status missing = store().transact([&](app::Repositories& r) {
    return r.cases().mark_fee_line_paid(987654, core::PaymentMethod::kCash);
  });
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

TEST_P(Repositories, FailedTransactionLeavesNothingBehind) {
  Status failed = store().transact([&](app::Repositories& r) -> Status {
    if (Status s = r.agencies().save(ward_agency()); !s.ok()) return s;
    if (auto n = r.sequences().next("H34.22.6-240426-{seq}"); !n.ok()) return n.error();
    return core::invalid_input("the officer cancelled");
  });
  ASSERT_FALSE(failed.ok());
  read([&](app::Repositories& r) -> Status {
    EXPECT_TRUE(r.agencies().list().value().empty());
    EXPECT_EQ(r.sequences().current("H34.22.6-240426-{seq}").value(), 0);
    return {};
  });
}

TEST_P(Repositories, SequencesCountPerScope) {
  write([&](app::Repositories& r) -> Status {
    EXPECT_EQ(r.sequences().next("a").value(), 1);
    EXPECT_EQ(r.sequences().next("a").value(), 2);
    EXPECT_EQ(r.sequences().next("b").value(), 1);
    EXPECT_EQ(r.sequences().current("a").value(), 2);
    EXPECT_EQ(r.sequences().current("never").value(), 0);
    return {};
  });
}

TEST_P(Repositories, AuditLogIsAppendOnly) {
  app::AuditEntry entry{0,    guide_reception(), "staff:1", "case.accept", "case", "42",
                        "{}", "{\"status\":2}"};
  write([&](app::Repositories& r) -> Status {
    if (Status s = r.audit().append(entry); !s.ok()) return s;
    entry.action = "case.process";
    return r.audit().append(entry);
  });
  read([&](app::Repositories& r) -> Status {
    auto entries = r.audit().for_entity("case", "42").value();
    EXPECT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "case.accept");
    EXPECT_EQ(entries[1].action, "case.process");
    EXPECT_EQ(entries[0].at, guide_reception());
    EXPECT_EQ(entries[1].after, "{\"status\":2}");
    return {};
  });
  EXPECT_ANY_THROW(execute_sql("UPDATE audit_log SET actor = 'someone else'"));
  EXPECT_ANY_THROW(execute_sql("DELETE FROM audit_log"));
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE actor = 'staff:1'"), 2);
}

TEST_P(Repositories, CalendarYearsRoundTrip) {
  using std::chrono::sys_days;
  using std::chrono::year;
  auto y2024 = core::YearCalendar::create(
      2024, true, "Thông báo của Bộ Lao động",
      {{core::CalendarEntryKind::kDayOff, sys_days{year{2024} / 4 / 27},
        sys_days{year{2024} / 5 / 1}, "Giỗ Tổ, 30/4 và 1/5", true},
       {core::CalendarEntryKind::kMakeUpWorkingDay, sys_days{year{2024} / 5 / 4},
        sys_days{year{2024} / 5 / 4}, "Làm bù", true}});
  ASSERT_TRUE(y2024.ok());
  write([&](app::Repositories& r) { return r.calendar().save_year(y2024.value()); });
  write([&](app::Repositories& r) { return r.calendar().save_year(y2024.value()); });
  read([&](app::Repositories& r) -> Status {
    auto years = r.calendar().load_all().value();
    EXPECT_EQ(years.size(), 1u);
    EXPECT_EQ(years[0].entries().size(), 2u);
    EXPECT_TRUE(years[0].confirmed());
    EXPECT_FALSE(years[0].is_working_day(sys_days{year{2024} / 4 / 30}));
    EXPECT_TRUE(years[0].is_working_day(sys_days{year{2024} / 5 / 4}));
    return {};
  });
}

TEST_P(Repositories, SettingsOverwrite) {
  write([&](app::Repositories& r) -> Status {
    if (Status s = r.settings().set("payment.client_id", "H34"); !s.ok()) return s;
    return r.settings().set("payment.client_id", "H48");
  });
  read([&](app::Repositories& r) -> Status {
    EXPECT_EQ(r.settings().get("payment.client_id").value(), "H48");
    EXPECT_FALSE(r.settings().get("missing").value().has_value());
    return {};
  });
}

TEST_P(Repositories, StatisticsRefreshAfterABulkLoadKeepsTheData) {
  store_guide_case();
  core::Status analysed = store().refresh_statistics();
  ASSERT_TRUE(analysed.ok()) << analysed.error().message;
  EXPECT_EQ(load_case("H34.22.6-240426-0002").fee_lines.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, Repositories, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
