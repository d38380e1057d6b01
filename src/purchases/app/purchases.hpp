#pragma once
// Purchases from the POS (收银小票) as kefu keeps them: pushed one order at a time through
// the API or imported in parts from a file, each stored once per store and receipt number.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "members/domain/points.hpp"
#include "purchases/domain/purchase.hpp"
#include "purchases/storage/purchase_store.hpp"

namespace kefu::app {

// A return line names the line it gives back by receipt and line number (the POS knows no
// kefu ids): `original` is set on a line with a negative quantity.
struct OriginalRef {
  std::string receipt_no;
  int line_no = 0;
};
struct OrderInput {
  purchase::Order order;                              // ids, shares, paid amounts and created_at are kefu's
  std::string member_no;                              // instead of order.member_id, as the POS knows the member
  std::vector<std::optional<OriginalRef>> originals;  // per line (may be shorter: none)
};

struct RecordedOrder {
  purchase::Order order;  // as stored, with every line
  bool created = false;   // a new receipt
  int lines_added = 0;    // lines not on file before
};

// Stores an order, idempotently: a receipt on file (same store and number) keeps its header
// and gains only the lines whose numbers are new — the order discount is then shared again
// over all its lines (allocation.hpp). The store must be one of the caller's (else
// not_found); purchases:write; member by id or member number (unknown: 400
// unknown_reference "member_no"); return lines resolved to their original line in the same
// store (unknown: 400 unknown_reference "lines[i].original_receipt_no"; returning more
// units than remain: 400 invalid_field). For a new order of a member, the points it earned
// and used go on the ledger (refs order:{id}:earn / order:{id}:use).
RecordedOrder record_order(Context&, OrderInput);

// The points a new order of a member earned and used, on the ledger once (refs
// order:{id}:earn / order:{id}:use); also called by the POS import's batch path.
// The ledger entries a new order of a member makes: points earned and points used (refs
// order:{id}:earn / order:{id}:use); none without a member.
std::vector<people::PointsEntry> order_points(const purchase::Order&);
void record_order_points(Context&, const purchase::Order&);

// An order in the caller's stores (purchases:read), else not_found.
purchase::Order get_order(Context&, int64_t id);

// Orders in the caller's stores (admins: all; filter.store_ids narrows), newest first.
std::vector<purchase::Order> find_orders(Context&, storage::OrderFilter);

// How many units of each of the order's lines later returns gave back, by line id.
std::vector<std::pair<int64_t, int>> returned_units(Context&, const purchase::Order&);

}  // namespace kefu::app
