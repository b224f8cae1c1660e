#pragma once

#include <map>
#include <string>

#include "adapters/payment/platform_signing.h"
#include "app/clock.h"
#include "app/payment_callbacks.h"

namespace motcua::adapters::payment {

// app::PaymentCallbackReader for the payment platform: the X-PP-* signature under one of the
// configured callback keys (key id -> raw key; two during a rotation), the 300 s timestamp
// window, a nonce seen once per process within the window, then the event's JSON. A replay to
// another motcua process of the installation passes the nonce check there; it is still applied
// at most once, by the event id (OnlinePayment::apply).
class PlatformCallbackReader final : public app::PaymentCallbackReader {
 public:
  PlatformCallbackReader(std::map<std::string, std::string> callback_keys, const app::Clock& clock);
  app::CallbackReading read(const app::CallbackEnvelope& envelope) override;

 private:
  std::map<std::string, std::string> keys_;
  const app::Clock& clock_;
  NonceCache nonces_;
};

}  // namespace motcua::adapters::payment
