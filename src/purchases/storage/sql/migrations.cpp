// The schema of purchases from the POS (purchases/domain/purchase.hpp): orders, unique per
// store and receipt number, and their lines, unique per order and line number — the key an
// import or a push is idempotent on. A return line refers to the line it gives back.
#include "purchases/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kPurchases[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE purchase_orders(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), receipt_no TEXT NOT NULL,
  member_id {int} REFERENCES members(id), sold_at {int} NOT NULL, payment TEXT NOT NULL,
  order_discount_fen {int} NOT NULL, coupon_fen {int} NOT NULL, points_used {int} NOT NULL,
  points_earned {int} NOT NULL, promotion TEXT NOT NULL, source TEXT NOT NULL, created_at {int} NOT NULL);
CREATE UNIQUE INDEX purchase_orders_receipt ON purchase_orders(store_id, receipt_no);
CREATE INDEX purchase_orders_receipt_any ON purchase_orders(receipt_no);
CREATE INDEX purchase_orders_member ON purchase_orders(member_id, sold_at) WHERE member_id IS NOT NULL;
CREATE INDEX purchase_orders_store_time ON purchase_orders(store_id, sold_at);
CREATE TABLE purchase_lines(
  id {id}, order_id {int} NOT NULL REFERENCES purchase_orders(id), line_no {int} NOT NULL,
  counter TEXT NOT NULL, brand TEXT NOT NULL, sku TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL,
  quantity {int} NOT NULL, unit_price_fen {int} NOT NULL, line_discount_fen {int} NOT NULL,
  discount_share_fen {int} NOT NULL, paid_fen {int} NOT NULL, promotion TEXT NOT NULL, gift {int} NOT NULL,
  original_line_id {int} REFERENCES purchase_lines(id));
CREATE UNIQUE INDEX purchase_lines_no ON purchase_lines(order_id, line_no);
CREATE INDEX purchase_lines_original ON purchase_lines(original_line_id) WHERE original_line_id IS NOT NULL;
)SQL"},
};

constexpr CountedTable kTables[] = {{"purchase_orders"}, {"purchase_lines"}};

}  // namespace

SchemaModule purchases_schema() { return {"purchases", kPurchases, kTables}; }

}  // namespace kefu::storage::sql
