#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// Live payment status (issue 6): the payment badge of the console's lists and what the live
// pages say when the change feed is not available.
constexpr std::array kLiveMessages = {
    Message{"live_badge_unpaid", "Chưa thanh toán", "Not paid"},
    Message{"live_badge_partly", "Thanh toán một phần", "Partly paid"},
    Message{"live_badge_paid", "Đã thanh toán", "Paid"},
    Message{"live_payment_badge", "Trạng thái thanh toán", "Payment status"},
    Message{"live_updates_unavailable", "Cập nhật trực tiếp chưa sẵn sàng.",
            "Live updates are not available."},
};

}  // namespace

std::span<const Message> live_messages() { return kLiveMessages; }

}  // namespace motcua::adapters::web
