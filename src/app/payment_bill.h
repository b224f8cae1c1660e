#pragma once

#include "app/payment_gateway.h"
#include "app/repositories.h"
#include "core/agency.h"
#include "core/case_record.h"
#include "core/result.h"

namespace motcua::app {

// The gateway request for a stored payment request: the bill the payer sees (case, procedure,
// collecting unit, payer, the requested lines) and the unit's collecting account. Built only
// from stored data, so a retry under the same reference sends the same body (the gateway is
// idempotent on it). `return_url` and `callback_url` are the caller's. kInvalidInput when a
// requested line is not a line of the case.
core::Result<GatewayTransactionRequest> payment_bill(const PaymentRequestRecord& request,
                                                     const core::CaseRecord& record,
                                                     const core::Agency& unit);

}  // namespace motcua::app
