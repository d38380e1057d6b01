#pragma once
// Deciding a return request (退换货判定) with no write: the policy in force for the store,
// the member's tier, the caller's authority limit (remedies) and `now` from the context.
// For the desk (which records the return afterwards) and, later, the customer's page.
#include <cstdint>
#include <optional>
#include <string>

#include "core/app/context.hpp"
#include "returns/domain/decision.hpp"

namespace kefu::app {

struct ReturnQuestion {
  // A line of a purchase kefu holds (purchases): the line, its order and its store come
  // from the record (which is the receipt); store_id and `line` are then ignored, and the
  // order's member counts unless member_id says otherwise.
  std::optional<int64_t> line_id;
  int64_t store_id = 0;
  std::optional<int64_t> member_id;  // the member's tier counts (404 when unknown)
  std::string tier;                  // without member_id: a tier code, or "" for no member
  returns::Request request;
  returns::Line line;  // the item as described (its store_id is set from store_id)
  returns::OrderTerms order;
};

struct ReturnAnswer {
  returns::Verdict verdict;
  std::string tier;  // the tier that counted
  int64_t policy_version = 0;
  bool policy_defaults = true;
};

// returns:read; the store (or the purchase's) must be one the caller serves (404), the line
// one kefu holds (404), a sale not a return line (400 invalid_field "line_id"). An approved refund above
// the caller's authority limit comes back needs_approval with the approver's role. Input
// errors are returns::decide's (400 naming the field).
ReturnAnswer decide_return(Context&, const ReturnQuestion&);

}  // namespace kefu::app
