#include "core/case_record.h"

namespace motcua::core {

std::string_view label_vi(IntakeChannel channel) {
  switch (channel) {
    case IntakeChannel::kCounter:
      return "Trực tiếp";
    case IntakeChannel::kOnline:
      return "Trực tuyến";
    case IntakeChannel::kPostal:
      return "Qua bưu chính";
  }
  return "";
}

std::string_view label_vi(ResultDelivery delivery) {
  switch (delivery) {
    case ResultDelivery::kAtCounter:
      return "Nhận trực tiếp";
    case ResultDelivery::kPostal:
      return "Nhận qua bưu chính";
    case ResultDelivery::kOnline:
      return "Nhận trực tuyến";
  }
  return "";
}

}  // namespace motcua::core
