#include "adapters/web/procedure_groups.h"

#include <array>

namespace motcua::adapters::web {
namespace {

using namespace std::string_view_literals;

// Which fields a group lists: what a person in that situation goes to the office for. The
// national catalogue has no such grouping, so this table is motcua's choice, kept as data.
constexpr std::array kSmallChildren = {"Hộ tịch"sv, "Đăng ký, quản lý cư trú"sv};
constexpr std::array kStudy = {"Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân"sv,
                               "Văn bằng, chứng chỉ"sv};
constexpr std::array kWork = {"Việc làm"sv, "Lý lịch tư pháp"sv};
constexpr std::array kResidence = {"Đăng ký, quản lý cư trú"sv, "Cấp, quản lý thẻ căn cước"sv,
                                   "Chứng thực"sv};
constexpr std::array kFamily = {"Hộ tịch"sv};
constexpr std::array kHousing = {"Hoạt động xây dựng"sv, "Đất đai"sv, "Nhà ở"sv};
constexpr std::array kHealth = {"Khám bệnh, chữa bệnh"sv, "Bảo hiểm y tế"sv};
constexpr std::array kStartBusiness = {"Thành lập và hoạt động doanh nghiệp"sv,
                                       "Thành lập và hoạt động của hộ kinh doanh"sv};
constexpr std::array kLabour = {"Lao động"sv, "Bảo hiểm xã hội"sv, "Việc làm"sv};
constexpr std::array kFinance = {"Thuế"sv, "Tài chính doanh nghiệp"sv};
constexpr std::array kConstruction = {"Hoạt động xây dựng"sv, "Đất đai"sv, "Điện"sv};
constexpr std::array kTrade = {"Thương mại quốc tế"sv, "Lưu thông hàng hóa trong nước"sv,
                               "Quảng cáo"sv};
constexpr std::array kProperty = {"Sở hữu trí tuệ"sv, "Đăng ký biện pháp bảo đảm"sv};
constexpr std::array kBranch = {"Thành lập và hoạt động doanh nghiệp"sv};

constexpr std::array kGroups = {
    ProcedureGroup{"co-con-nho", "pub_group_small_children", false, kSmallChildren},
    ProcedureGroup{"hoc-tap", "pub_group_study", false, kStudy},
    ProcedureGroup{"viec-lam", "pub_group_work", false, kWork},
    ProcedureGroup{"cu-tru", "pub_group_residence", false, kResidence},
    ProcedureGroup{"hon-nhan-gia-dinh", "pub_group_family", false, kFamily},
    ProcedureGroup{"dien-luc-nha-o-dat-dai", "pub_group_housing", false, kHousing},
    ProcedureGroup{"suc-khoe-y-te", "pub_group_health", false, kHealth},
    ProcedureGroup{"khoi-su-kinh-doanh", "pub_group_start_business", true, kStartBusiness},
    ProcedureGroup{"lao-dong-bao-hiem", "pub_group_labour", true, kLabour},
    ProcedureGroup{"tai-chinh-doanh-nghiep", "pub_group_finance", true, kFinance},
    ProcedureGroup{"dien-luc-dat-dai-xay-dung", "pub_group_construction", true, kConstruction},
    ProcedureGroup{"thuong-mai-quang-cao", "pub_group_trade", true, kTrade},
    ProcedureGroup{"so-huu-tri-tue", "pub_group_property", true, kProperty},
    ProcedureGroup{"chi-nhanh-van-phong", "pub_group_branch", true, kBranch},
};

}  // namespace

std::span<const ProcedureGroup> procedure_groups() { return kGroups; }

const ProcedureGroup* find_procedure_group(std::string_view slug) {
  for (const ProcedureGroup& g : kGroups) {
    if (g.slug == slug) return &g;
  }
  return nullptr;
}

}  // namespace motcua::adapters::web
