#pragma once

#include <string>
#include <string_view>

namespace motcua::app {

// Port: the token of a case's stable pay link (DESIGN §3), "/tt/<case code>/<token>". The QR
// on the public page and on the printed intake slip carries it, so a token must stay valid for
// as long as the case has something to pay, be verifiable by any process of the installation
// without storage, and be unguessable for a code one has not been given. See
// docs/adr/0004-payment-link-tokens.md.
class PaymentLinks {
 public:
  virtual ~PaymentLinks();
  // The same token for the same code, every time, in every process sharing the key; URL-safe.
  virtual std::string token_for(std::string_view case_code) const = 0;
  // True exactly when `token` is token_for(case_code); compares in constant time.
  virtual bool verify(std::string_view case_code, std::string_view token) const = 0;
};

}  // namespace motcua::app
