#pragma once
// Purchases from the POS: orders with their lines (purchases/domain/purchase.hpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "purchases/domain/purchase.hpp"

namespace kefu::storage {

struct OrderFilter {
  std::vector<int64_t> store_ids;  // empty: every store
  std::optional<int64_t> member_id;
  std::string receipt_no;        // exact; empty: any
  std::optional<int64_t> since;  // sold_at >= since (ms)
  std::optional<int64_t> until;  // sold_at < until
  struct Cursor {
    int64_t sold_at = 0, id = 0;
  };
  std::optional<Cursor> before;  // paging: orders after this one, newest first
  int limit = 50;
};

class PurchaseStore : public Store {
 public:
  static std::unique_ptr<PurchaseStore> open(Stores&);

  // The order's id: the stored one when (store_id, receipt_no) is on file, else a new row.
  // Only the header's fields of a new order are written; lines are inserted apart.
  virtual int64_t upsert_order(const purchase::Order&, bool& created) = 0;
  // Inserts the lines whose (order_id, line_no) is not on file; returns how many it inserted.
  virtual int insert_lines(int64_t order_id, const std::vector<purchase::Line>&) = 0;
  // Rewrites discount_share_fen and paid_fen of the given lines (by id).
  virtual void update_shares(const std::vector<purchase::Line>&) = 0;
  // An order with its lines in line order.
  virtual std::optional<purchase::Order> order(int64_t id) = 0;
  virtual std::optional<purchase::Order> order_by_receipt(int64_t store_id, const std::string& receipt_no) = 0;
  // Orders (with their lines), newest first (sold_at, then id).
  virtual std::vector<purchase::Order> orders(const OrderFilter&) = 0;
  virtual std::optional<purchase::Line> line(int64_t id) = 0;
  // How many units of a line later return lines gave back (a positive number).
  virtual int returned_units(int64_t line_id) = 0;
};

}  // namespace kefu::storage
