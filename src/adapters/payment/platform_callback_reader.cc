#include "adapters/payment/platform_callback_reader.h"

#include "adapters/payment/platform_messages.h"

namespace motcua::adapters::payment {

PlatformCallbackReader::PlatformCallbackReader(std::map<std::string, std::string> callback_keys,
                                               const app::Clock& clock)
    : keys_(std::move(callback_keys)), clock_(clock) {}

app::CallbackReading PlatformCallbackReader::read(const app::CallbackEnvelope& envelope) {
  std::map<std::string, std::string, web::CaseInsensitiveLess> headers(envelope.headers.begin(),
                                                                       envelope.headers.end());
  SignatureVerdict verdict =
      verify(SignatureHeaders::read_from(headers), envelope.method, envelope.path_and_query,
             envelope.body, keys_, clock_.now().time_since_epoch().count(), nonces_);
  app::CallbackReading reading;
  switch (verdict) {
    case SignatureVerdict::kValid:
      break;
    case SignatureVerdict::kStaleTimestamp:
    case SignatureVerdict::kReplayedNonce:
      reading.check = app::CallbackCheck::kStale;
      reading.reason = std::string(to_string(verdict));
      return reading;
    case SignatureVerdict::kMissingHeader:
    case SignatureVerdict::kUnknownKeyId:
    case SignatureVerdict::kBadSignature:
      reading.check = app::CallbackCheck::kBadSignature;
      reading.reason = std::string(to_string(verdict));
      return reading;
  }
  core::Result<CallbackEvent> event = decode_callback_event(envelope.body);
  if (!event.ok()) {
    reading.check = app::CallbackCheck::kMalformed;
    reading.reason = event.error().message;
    return reading;
  }
  reading.outcome = std::move(event->outcome);
  return reading;
}

}  // namespace motcua::adapters::payment
