#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/payment_gateway.h"

namespace motcua::app {

// A gateway's callback as it arrived over HTTP, before anything in it is trusted.
struct CallbackEnvelope {
  std::string method;
  std::string path_and_query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// What the envelope check found. Each refusal has its own answer in the protocol
// (docs/protocols/payment-platform.md): a bad signature or unknown key ("01"), a timestamp out
// of the window or a replayed nonce ("02"), a signed body that is not a readable event ("04").
enum class CallbackCheck { kValid, kBadSignature, kStale, kMalformed };

struct CallbackReading {
  CallbackCheck check = CallbackCheck::kValid;
  std::string reason;      // why it was refused (English, for the log and the history)
  GatewayOutcome outcome;  // the event, when kValid
};

// Port: a gateway's callback authentication and decoding (signature, timestamp window, nonce,
// wire format). Only a kValid reading's outcome may reach OnlinePayment::apply, which checks the
// rest (our transaction, amount, currency) and applies it exactly once. Thread-safe.
class PaymentCallbackReader {
 public:
  virtual ~PaymentCallbackReader();
  virtual CallbackReading read(const CallbackEnvelope& envelope) = 0;
};

}  // namespace motcua::app
