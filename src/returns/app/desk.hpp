#pragma once
// The desk's return fast path (退换货快速办理): find the purchase, pick a line, get the
// policy's decision, and on confirm record everything in one write — the return ticket
// (type return, channel service_desk, owned by the agent: 首问负责制), the return record,
// its resolution (remedies: within the agent's authority limit on the spot, above it
// waiting for approval), the negative purchase line and the points.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "purchases/domain/purchase.hpp"
#include "returns/domain/decision.hpp"
#include "returns/domain/return_record.hpp"
#include "returns/storage/return_store.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

// A purchase line as the desk sees it: what is left to return.
struct DeskLine {
  purchase::Line line;
  int64_t returned = 0;  // units given back before (on the purchase)
  int64_t pending = 0;   // units in returns waiting for approval
  int64_t remaining = 0;
};
struct DeskOrder {
  purchase::Order order;  // its lines are in `lines` below, sold lines only
  std::vector<DeskLine> lines;
};

// By receipt number (every store of the caller), member id or phone: the orders in the
// caller's stores, newest first (at most 20), with their sold lines. returns:read; an
// unknown member or phone is 404; nothing given is 400 required.
struct Lookup {
  std::string receipt_no, phone;
  std::optional<int64_t> member_id;
  std::string remote;  // the client's address, for the phone lookup's throttle
};
// By receipt number, member or phone. A phone goes through the desk's member lookup
// (app::lookup_member: any spelling, further phones among the identities, audited and
// throttled; members:read), so a phone lookup is a write; a phone that finds nobody answers
// no orders (not 404) so that the miss stays recorded for the throttle.
std::vector<DeskOrder> lookup_purchases(Context&, const Lookup&);

struct DeskReturn {
  int64_t line_id = 0;
  int64_t quantity = 1;
  std::string reason;     // Reason code (return_record.hpp)
  std::string note;       // the customer's words, ≤ 500 characters
  std::string condition;  // Condition code
  bool receipt = false;   // receipt or invoice shown
  std::string remedy;     // refund | exchange | repair; empty: what the policy decided
  // A refusal overridden by a supervisor+ (required then, ≤ 500 characters, audited).
  std::string override_reason;
};

struct DeskOutcome {
  returns::Verdict verdict;
  std::string tier;
  int64_t policy_version = 0;
  bool policy_defaults = true;
  std::optional<returns::ReturnRecord> record;  // nullopt for a preview
  std::optional<ticket::Ticket> ticket;
  std::string remedy_status;  // applied | pending; empty for a preview
};

// The decision with no write (the desk shows it before the agent confirms). returns:read.
DeskOutcome preview_return(Context&, const DeskReturn&);

// Records the return (returns:write, tickets:write). The line must be in the caller's
// stores (404) with `quantity` units left (400 invalid_field "quantity"); a refusal is
// 409 return_refused naming the rule, unless a supervisor+ overrides it with a reason.
DeskOutcome record_return(Context&, const DeskReturn&);

// A return in the caller's stores (returns:read), else 404.
returns::ReturnRecord get_return(Context&, int64_t id);
// Returns in the caller's stores (admins: all; filter.store_ids narrows), newest first.
std::vector<returns::ReturnRecord> find_returns(Context&, storage::ReturnFilter);

// The returns report (退换货分析): supervisor+, returns:read; from < to (400
// invalid_range), at most 366 days; by category | brand | store.
struct ReturnsReport {
  storage::ReportQuery query;
  std::vector<storage::ReturnGroup> groups;
  std::vector<storage::ReasonCount> reasons;
};
ReturnsReport returns_report(Context&, storage::ReportQuery);

}  // namespace kefu::app
