// ProcedureRepository::page, the public catalogue's query: text without diacritics, field,
// a group's fields, level with its parenthesised detail, online only, offset and count.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "storage_fixture.h"

namespace motcua::testing {
namespace {

using core::Status;

class ProcedurePage : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    Status s = store().transact([](app::Repositories& r) -> Status {
      // 25 copy-certification variants at the ward, then a few others.
      for (int i = 0; i < 25; ++i) {
        std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        Status saved = r.procedures().save(
            procedure("2.0008" + n, "Chứng thực bản sao số " + n, "Chứng thực", "Xã", i % 5 != 0));
        if (!saved.ok()) return saved;
      }
      for (const core::Procedure& p :
           {procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", "Xã", true),
            procedure("1.004222", "Đăng ký thường trú", "Đăng ký, quản lý cư trú",
                      "Xã (Công an cấp xã)", true),
            procedure("3.000333", "Cấp Phiếu lý lịch tư pháp", "Lý lịch tư pháp",
                      "Tỉnh (Công an tỉnh)", false),
            procedure("9.999999", "Thủ tục 100% trực tuyến", "Khác", "Xãx", true)}) {
        if (Status saved = r.procedures().save(p); !saved.ok()) return saved;
      }
      return {};
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  static core::Procedure procedure(std::string code, std::string name, std::string field,
                                   std::string level, bool online) {
    core::Procedure p;
    p.code = std::move(code);
    p.name = std::move(name);
    p.field = std::move(field);
    p.level = std::move(level);
    p.processing_days = 1;
    p.online = online;
    p.implementing_agency = "UBND cấp xã";
    p.documents = {{"Bản chính", 1, 0, true}};
    return p;
  }

  app::ProcedurePage page(const app::ProcedureQuery& query) {
    app::ProcedurePage out;
    Status s = store().read([&](app::Repositories& r) -> Status {
      auto found = r.procedures().page(query);
      if (!found.ok()) return found.error();
      out = std::move(found).value();
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return out;
  }

  static std::vector<std::string> codes(const app::ProcedurePage& p) {
    std::vector<std::string> out;
    for (const core::Procedure& procedure : p.items) out.push_back(procedure.code);
    return out;
  }
};

TEST_P(ProcedurePage, PagesByCodeAndCountsEveryMatch) {
  app::ProcedurePage first = page({.text = "chung thuc", .offset = 0, .limit = 10});
  EXPECT_EQ(first.total, 25);
  ASSERT_EQ(first.items.size(), 10u);
  EXPECT_EQ(first.items.front().code, "2.000800");
  EXPECT_EQ(first.items.front().implementing_agency, "UBND cấp xã");
  EXPECT_TRUE(first.items.front().documents.empty()) << "a list reads no documents";
  app::ProcedurePage third = page({.text = "chung thuc", .offset = 20, .limit = 10});
  EXPECT_EQ(third.total, 25);
  EXPECT_EQ(codes(third).size(), 5u);
  EXPECT_EQ(third.items.back().code, "2.000824");
  app::ProcedurePage past = page({.text = "chung thuc", .offset = 40, .limit = 10});
  EXPECT_EQ(past.total, 25);
  EXPECT_TRUE(past.items.empty());
}

TEST_P(ProcedurePage, TextIgnoresCaseAndDiacriticsAndMatchesCodes) {
  EXPECT_EQ(page({.text = "DANG KY KHAI SINH"}).total, 1);
  EXPECT_EQ(page({.text = "đăng ký"}).total, 2);
  EXPECT_EQ(codes(page({.text = "3.000333"})), std::vector<std::string>{"3.000333"});
  EXPECT_EQ(page({.text = "100%"}).total, 1) << "the text's % is literal";
  EXPECT_EQ(page({.text = "_"}).total, 0) << "the text's _ is literal";
  EXPECT_EQ(page({}).total, 29);
}

TEST_P(ProcedurePage, FieldsLevelsAndOnlineFilter) {
  EXPECT_EQ(page({.field = "Hộ tịch"}).total, 1);
  EXPECT_EQ(codes(page({.fields = {"Hộ tịch", "Lý lịch tư pháp"}})),
            (std::vector<std::string>{"1.001193", "3.000333"}));
  EXPECT_EQ(page({.fields_given = true}).total, 0) << "a group with no field matches nothing";
  // "Xã" matches "Xã (Công an cấp xã)" but not "Xãx".
  EXPECT_EQ(page({.level = "Xã"}).total, 27);
  EXPECT_EQ(codes(page({.level = "Tỉnh"})), std::vector<std::string>{"3.000333"});
  EXPECT_EQ(page({.text = "chung thuc", .online_only = true}).total, 20);
  EXPECT_EQ(page({.field = "Lý lịch tư pháp", .online_only = true}).total, 0);
  EXPECT_EQ(page({.text = "ky", .field = "Hộ tịch", .level = "Xã"}).total, 1);
}

TEST_P(ProcedurePage, BadPagesAreRefusedAndLevelsListed) {
  Status s = store().read([&](app::Repositories& r) -> Status {
    EXPECT_EQ(r.procedures().page({.offset = -1}).error().kind, core::ErrorKind::kInvalidInput);
    EXPECT_EQ(r.procedures().page({.limit = 0}).error().kind, core::ErrorKind::kInvalidInput);
    EXPECT_EQ(r.procedures().page({.limit = 101}).error().kind, core::ErrorKind::kInvalidInput);
    std::vector<std::string> levels = r.procedures().list_levels().value();
    std::sort(levels.begin(), levels.end());  // the engines' collations may differ
    EXPECT_EQ(levels, (std::vector<std::string>{"Tỉnh (Công an tỉnh)", "Xã", "Xã (Công an cấp xã)",
                                                "Xãx"}));
    // The old methods still answer.
    EXPECT_EQ(r.procedures().search("chung thuc", "", 100).value().size(), 25u);
    return {};
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

INSTANTIATE_TEST_SUITE_P(Engines, ProcedurePage, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
