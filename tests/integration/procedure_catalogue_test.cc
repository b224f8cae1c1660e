#include "adapters/catalogue/procedure_catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "adapters/catalogue/csv_records.h"
#include "adapters/catalogue/procedure_details.h"
#include "core/fee_schedule.h"

namespace motcua::adapters::catalogue {
namespace {

using namespace std::chrono;

const char* kHeader =
    "code,name,field,level,processing_days,fee_name,fee_amount_vnd,fee_unit,fee_rule,"
    "legal_basis,source,row_kind,tier_from_unit,valid_from\n";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string error_of(const std::string& body) {
  auto r = parse_procedure_catalogue(kHeader + body);
  return r.ok() ? std::string("(accepted)") : r.error().message;
}

const core::Procedure* find(const std::vector<core::Procedure>& procedures,
                            const std::string& code) {
  auto it = std::find_if(procedures.begin(), procedures.end(),
                         [&](const core::Procedure& p) { return p.code == code; });
  return it == procedures.end() ? nullptr : &*it;
}

TEST(ProcedureCatalogue, EveryProcedureOfTheShippedFileLoads) {
  std::vector<core::Procedure> procedures = shipped_procedure_catalogue().value();
  // Every distinct code of the file is one procedure; the row without a code is one more.
  std::vector<CsvRecord> rows = parse_csv(shipped_procedure_catalogue_csv()).value();
  std::set<std::string> codes;
  std::size_t codeless = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].fields[0].empty()) {
      ++codeless;
    } else {
      codes.insert(rows[i].fields[0]);
    }
  }
  EXPECT_EQ(procedures.size(), codes.size() + codeless);
  for (const core::Procedure& p : procedures) {
    EXPECT_FALSE(p.name.empty()) << p.code;
    EXPECT_FALSE(p.fees.empty()) << p.code;
    for (const core::ProcedureFee& fee : p.fees) {
      EXPECT_TRUE(core::validate_fee_item(fee.item).ok()) << p.code;
      EXPECT_GE(fee.valid_from, sys_days{2010y / 1 / 1}) << p.code;
      EXPECT_FALSE(fee.legal_basis.empty()) << p.code;
    }
  }
}

TEST(ProcedureCatalogue, CopyCertificationHasTwoBandsAndACap) {
  std::vector<core::Procedure> procedures = shipped_procedure_catalogue().value();
  const core::Procedure* p = find(procedures, "2.000815");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->field, "Chứng thực");
  EXPECT_EQ(p->level, "Xã");
  EXPECT_EQ(p->processing_days, 1);
  EXPECT_TRUE(p->confirmed);
  ASSERT_EQ(p->fees.size(), 1u);
  const core::ProcedureFee& fee = p->fees[0];
  EXPECT_EQ(fee.valid_from, sys_days{2017y / 1 / 1});
  EXPECT_EQ(fee.item.name, "Phí chứng thực bản sao từ bản chính");
  EXPECT_EQ(fee.item.unit, "trang");
  ASSERT_EQ(fee.item.tiers.size(), 2u);
  EXPECT_EQ(fee.item.tiers[0].from_unit, 1);
  EXPECT_EQ(fee.item.tiers[0].unit_amount, core::Money::dong(2000));
  EXPECT_EQ(fee.item.tiers[1].from_unit, 3);
  EXPECT_EQ(fee.item.tiers[1].unit_amount, core::Money::dong(1000));
  EXPECT_EQ(fee.item.tiers[1].description, "Phí chứng thực bản sao từ bản chính - từ trang thứ 3");
  EXPECT_EQ(fee.item.cap_per_set, core::Money::dong(200000));

  auto lines = core::compute_fee(fee.item, {.units = 5, .sets = 1}).value();
  EXPECT_EQ(core::total_of(lines).value(), core::Money::dong(7000));
}

TEST(ProcedureCatalogue, ProcedureTakesItsFirstRowAndCollectsItsItems) {
  std::vector<core::Procedure> procedures = shipped_procedure_catalogue().value();
  const core::Procedure* p = find(procedures, "1.004222");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Đăng ký thường trú");
  ASSERT_EQ(p->fees.size(), 2u);
  EXPECT_EQ(p->fees[0].item.tiers[0].unit_amount, core::Money::dong(20000));
  EXPECT_EQ(p->fees[1].item.tiers[0].unit_amount, core::Money::dong(10000));
  EXPECT_EQ(p->fees[1].legal_basis, "TT 75/2022/TT-BTC");
  EXPECT_EQ(p->fees[0].item.unit, "lần");
  // "FEE CONFIRMED ..." is not a confirmed procedure: only its fee is.
  EXPECT_FALSE(find(procedures, "2.000884")->confirmed);
}

TEST(ProcedureCatalogue, RowWithoutCodeIsAProcedureOfItsOwn) {
  std::vector<core::Procedure> procedures = shipped_procedure_catalogue().value();
  const core::Procedure* p = find(procedures, "");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name.rfind("Đăng ký thành lập doanh nghiệp", 0), 0u);
  EXPECT_FALSE(p->confirmed);
}

TEST(ProcedureCatalogue, FirstElevenColumnsEqualTheSharedFile) {
  std::string shared_path = std::string(MOTCUA_SHARED_DIR) + "/data/procedures.csv";
  ASSERT_TRUE(std::filesystem::exists(shared_path)) << shared_path << " is missing";
  std::vector<CsvRecord> shared = parse_csv(read_file(shared_path)).value();
  std::vector<CsvRecord> ours =
      parse_csv(read_file(std::string(MOTCUA_SOURCE_DIR) + "/data/catalogue/procedures.csv"))
          .value();
  ASSERT_EQ(ours.size(), shared.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    ASSERT_EQ(shared[i].fields.size(), 11u) << "shared line " << shared[i].line;
    ASSERT_EQ(ours[i].fields.size(), 14u) << "line " << ours[i].line;
    std::vector<std::string> first(ours[i].fields.begin(), ours[i].fields.begin() + 11);
    EXPECT_EQ(first, shared[i].fields) << "line " << ours[i].line;
  }
}

TEST(ProcedureCatalogue, EmbeddedTextParsesLikeTheFile) {
  std::string file = read_file(std::string(MOTCUA_SOURCE_DIR) + "/data/catalogue/procedures.csv");
  std::vector<CsvRecord> from_file = parse_csv(file).value();
  std::vector<CsvRecord> embedded = parse_csv(shipped_procedure_catalogue_csv()).value();
  ASSERT_EQ(embedded.size(), from_file.size());
  for (std::size_t i = 0; i < embedded.size(); ++i) {
    EXPECT_EQ(embedded[i].fields, from_file[i].fields) << "line " << from_file[i].line;
  }
}

TEST(ProcedureCatalogue, QuotedFieldsFollowRfc4180) {
  auto p = parse_procedure_catalogue(std::string(kHeader) +
                                     "1.1,\"A, \"\"quoted\"\" name\",F,Xã,2,Fee,\"2.000\",đồng/"
                                     "bản,,Law,CONFIRMED,item,,2020-01-01\r\n")
               .value();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "A, \"quoted\" name");
  EXPECT_EQ(p[0].fees[0].item.tiers[0].unit_amount, core::Money::dong(2000));
  EXPECT_EQ(p[0].fees[0].item.unit, "bản");
}

TEST(ProcedureCatalogue, WrongColumnCountNamesTheLine) {
  EXPECT_EQ(error_of("1.1,A,F,Xã,2,Fee,2000,đồng/bản,,Law,S,item,,2020-01-01\n"
                     "1.1,A,F,Xã,2,Fee,2000,đồng/bản,,Law,S,item\n"),
            "line 3: expected 14 columns, got 12");
}

TEST(ProcedureCatalogue, BadAmountNamesTheLine) {
  EXPECT_EQ(error_of("1.1,A,F,Xã,2,Fee,\"2,000\",đồng/bản,,Law,S,item,,2020-01-01\n")
                .rfind("line 2: bad fee_amount_vnd '2,000'", 0),
            0u);
}

TEST(ProcedureCatalogue, TierRowFirstIsAnError) {
  EXPECT_EQ(error_of("1.1,A,F,Xã,2,Fee,1000,đồng/trang,,Law,S,tier,3,2020-01-01\n"),
            "line 2: a 'tier' row must follow an 'item' row of the same code");
}

TEST(ProcedureCatalogue, TierOfAnotherCodeIsAnError) {
  EXPECT_EQ(error_of("1.1,A,F,Xã,2,Fee,2000,đồng/trang,,Law,S,item,,2020-01-01\n"
                     "1.2,B,F,Xã,2,Fee,2000,đồng/trang,,Law,S,cap,,2020-01-01\n"),
            "line 3: a 'cap' row must follow an 'item' row of the same code");
}

TEST(ProcedureCatalogue, BadRowKindDateAndTierAreErrors) {
  EXPECT_EQ(error_of("1.1,A,F,Xã,2,Fee,2000,đồng,,Law,S,band,,2020-01-01\n"),
            "line 2: bad row_kind 'band' (want item, tier or cap)");
  EXPECT_EQ(error_of("1.1,A,F,Xã,2,Fee,2000,đồng,,Law,S,item,,2020-02-30\n"),
            "line 2: bad valid_from '2020-02-30' (want YYYY-MM-DD)");
  EXPECT_EQ(error_of("1.1,A,F,Xã,2,Fee,2000,đồng/trang,,Law,S,item,,2020-01-01\n"
                     "1.1,A,F,Xã,2,Fee,1000,đồng/trang,,Law,S,tier,1,2020-01-01\n"),
            "line 3: bad tier_from_unit '1' (want an integer from 2)");
  EXPECT_EQ(error_of("1.1,A,F,Xã,x,Fee,2000,đồng,,Law,S,item,,2020-01-01\n"),
            "line 2: bad processing_days 'x' (want a whole number)");
}

TEST(ProcedureCatalogue, MalformedCsvNamesTheLine) {
  EXPECT_EQ(error_of("1.1,A,F,Xã,2,Fee,2000,đồng,,Law,S,item,,2020-01-01\n"
                     "1.1,A\"b,F\n")
                .rfind("line 3: malformed CSV", 0),
            0u);
  EXPECT_EQ(error_of("1.1,\"open,F\n").rfind("line 2: malformed CSV", 0), 0u);
}

TEST(ProcedureCatalogue, WrongHeaderIsAnError) {
  auto r = parse_procedure_catalogue("code,name\n1.1,A\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("line 1: expected the header code,name,field,", 0), 0u);
}

// The terms and documents files (procedure_details.h).

const char* kTermsHeader = "code,implementing_agency,online,fees_up_front,source\n";
const char* kDocumentsHeader = "code,position,name,originals,copies,required,source\n";

std::vector<core::Procedure> two_procedures() {
  core::Procedure a;
  a.code = "1.1";
  a.name = "A";
  core::Procedure b;
  b.code = "2.2";
  b.name = "B";
  return {a, b};
}

std::string terms_error(const std::string& body) {
  std::vector<core::Procedure> procedures = two_procedures();
  core::Status s = apply_procedure_terms(procedures, kTermsHeader + body);
  return s.ok() ? std::string("(accepted)") : s.error().message;
}

std::string documents_error(const std::string& body) {
  std::vector<core::Procedure> procedures = two_procedures();
  core::Status s = apply_procedure_documents(procedures, kDocumentsHeader + body);
  return s.ok() ? std::string("(accepted)") : s.error().message;
}

TEST(ProcedureCatalogue, ShippedCopyCertificationHasItsAgencyDocumentsAndTerms) {
  std::vector<core::Procedure> procedures = shipped_procedure_catalogue().value();
  const core::Procedure* p = find(procedures, "2.000815");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->implementing_agency, "Ủy ban nhân dân cấp xã");
  EXPECT_TRUE(p->online);
  EXPECT_TRUE(p->fees_up_front);
  ASSERT_EQ(p->documents.size(), 2u);
  EXPECT_EQ(p->documents[0].name, "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao");
  EXPECT_EQ(p->documents[0].originals, 1);
  EXPECT_TRUE(p->documents[0].required);
  EXPECT_EQ(p->documents[1].copies, 1);
  EXPECT_FALSE(p->documents[1].required) << "the office copies the original itself";
  // Signing happens in front of the officer: not offered online.
  EXPECT_FALSE(find(procedures, "2.000884")->online);
  EXPECT_FALSE(find(procedures, "1.001193")->fees_up_front) << "free when on time";
  EXPECT_EQ(find(procedures, "3.000333")->documents.size(), 3u);
  EXPECT_TRUE(find(procedures, "1.004873")->documents.empty()) << "unchecked: none shipped";
}

TEST(ProcedureCatalogue, EveryShippedDetailRowNamesItsSource) {
  for (std::string_view text : {shipped_procedure_terms_csv(), shipped_procedure_documents_csv()}) {
    std::vector<CsvRecord> rows = parse_csv(text).value();
    ASSERT_GT(rows.size(), 1u);
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const std::string& source = rows[i].fields.back();
      EXPECT_FALSE(source.empty()) << "line " << rows[i].line;
    }
  }
}

TEST(ProcedureCatalogue, TermsSetAgencyAndFlags) {
  std::vector<core::Procedure> procedures = two_procedures();
  ASSERT_TRUE(apply_procedure_terms(procedures,
                                    std::string(kTermsHeader) + "2.2,\"Sở Tư pháp, tỉnh\",0,0,S\n")
                  .ok());
  EXPECT_EQ(procedures[1].implementing_agency, "Sở Tư pháp, tỉnh");
  EXPECT_FALSE(procedures[1].online);
  EXPECT_FALSE(procedures[1].fees_up_front);
  EXPECT_TRUE(procedures[0].online) << "no row: the defaults";
}

TEST(ProcedureCatalogue, BadTermsNameTheLine) {
  EXPECT_EQ(terms_error("9.9,X,1,1,S\n"), "line 2: no procedure has the code '9.9'");
  EXPECT_EQ(terms_error(",X,1,1,S\n"), "line 2: no procedure has the code ''");
  EXPECT_EQ(terms_error("1.1,X,1,1,S\n1.1,Y,1,1,S\n"), "line 3: a second row for 1.1");
  EXPECT_EQ(terms_error("1.1,X,yes,1,S\n"), "line 2: online and fees_up_front are 1 or 0");
  EXPECT_EQ(terms_error("1.1,X,1\n"), "line 2: expected 5 columns, got 3");
  std::vector<core::Procedure> procedures = two_procedures();
  core::Status header = apply_procedure_terms(procedures, "code,agency\n");
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.error().message,
            "line 1: expected the header code,implementing_agency,online,fees_up_front,source");
}

TEST(ProcedureCatalogue, DocumentsKeepTheirOrderAndCounts) {
  std::vector<core::Procedure> procedures = two_procedures();
  ASSERT_TRUE(apply_procedure_documents(procedures, std::string(kDocumentsHeader) +
                                                        "1.1,1,Tờ khai,1,0,1,S\n"
                                                        "1.1,2,\"Bản sao, nếu có\",0,2,0,S\n")
                  .ok());
  ASSERT_EQ(procedures[0].documents.size(), 2u);
  EXPECT_EQ(procedures[0].documents[1].name, "Bản sao, nếu có");
  EXPECT_EQ(procedures[0].documents[1].copies, 2);
  EXPECT_FALSE(procedures[0].documents[1].required);
  EXPECT_TRUE(procedures[1].documents.empty());
}

TEST(ProcedureCatalogue, BadDocumentsNameTheLine) {
  EXPECT_EQ(documents_error("1.1,2,Tờ khai,1,0,1,S\n"), "line 2: position '2' should be 1");
  EXPECT_EQ(documents_error("1.1,1,Tờ khai,1,0,1,S\n1.1,1,Bản sao,0,1,1,S\n"),
            "line 3: position '1' should be 2");
  EXPECT_EQ(documents_error("1.1,1,,1,0,1,S\n"), "line 2: a document needs a name");
  EXPECT_EQ(documents_error("1.1,1,Tờ khai,-1,0,1,S\n"),
            "line 2: originals and copies are whole numbers");
  EXPECT_EQ(documents_error("1.1,1,Tờ khai,1,0,2,S\n"), "line 2: required is 1 or 0");
  EXPECT_EQ(documents_error("3.3,1,Tờ khai,1,0,1,S\n"), "line 2: no procedure has the code '3.3'");
  EXPECT_EQ(documents_error("1.1,1,T\xff,1,0,1,S\n").rfind("line 2: name: ", 0), 0u);
}

}  // namespace
}  // namespace motcua::adapters::catalogue
