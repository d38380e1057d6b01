// The schema of returns: migration 1, the policies (return_policies), one row per saved
// version; migration 2 belongs to the desk's return records.
#include "returns/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kReturns[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE return_policies(
  id {id}, store_id {int} NOT NULL, version {int} NOT NULL, uses_defaults {int} NOT NULL, document TEXT NOT NULL,
  note TEXT NOT NULL, created_by {int} NOT NULL, created_at {int} NOT NULL);
CREATE UNIQUE INDEX return_policies_version ON return_policies(store_id, version);
)SQL"},
    {.number = 2, .sql = R"SQL(
CREATE TABLE returns(
  id {id}, ticket_id {int} NOT NULL REFERENCES tickets(id), store_id {int} NOT NULL REFERENCES stores(id),
  order_id {int} NOT NULL REFERENCES purchase_orders(id), line_id {int} NOT NULL REFERENCES purchase_lines(id),
  member_id {int} REFERENCES members(id), category TEXT NOT NULL, brand TEXT NOT NULL, quantity {int} NOT NULL,
  reason TEXT NOT NULL, note TEXT NOT NULL, item_condition TEXT NOT NULL, receipt {int} NOT NULL,
  decision TEXT NOT NULL, rule_id TEXT NOT NULL, rule_words TEXT NOT NULL, remedy TEXT NOT NULL,
  share_fen {int} NOT NULL, refund_fen {int} NOT NULL, points_clawed_back {int} NOT NULL,
  points_restored {int} NOT NULL, coupon_returned_fen {int} NOT NULL, gifts_to_return TEXT NOT NULL,
  state TEXT NOT NULL, remedy_id {int}, return_order_id {int} REFERENCES purchase_orders(id),
  override_reason TEXT NOT NULL, staff_id {int} NOT NULL, created_at {int} NOT NULL, decided_at {int});
CREATE INDEX returns_store_time ON returns(store_id, created_at);
CREATE INDEX returns_line ON returns(line_id);
CREATE INDEX returns_ticket ON returns(ticket_id);
CREATE UNIQUE INDEX returns_remedy ON returns(remedy_id) WHERE remedy_id IS NOT NULL;
)SQL"},
};

constexpr CountedTable kTables[] = {{"return_policies"}, {"returns"}};

}  // namespace

SchemaModule returns_schema() { return {"returns", kReturns, kTables}; }

}  // namespace kefu::storage::sql
