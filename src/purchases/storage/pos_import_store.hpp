#pragma once
// What the POS import keeps and the batch path it writes through
// (purchases/app/pos_import.hpp): the column mapping and category names remembered per
// source, and orders and lines written a part at a time — a few statements per part, not
// several per order as PurchaseStore's one-order path does.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/stores.hpp"
#include "purchases/domain/purchase.hpp"

namespace kefu::storage {

struct PosImportMapping {
  std::string source_name;
  std::map<std::string, std::string> columns;     // a field (pos_rows.hpp kPosFieldNames) → the file's column
  std::optional<int64_t> store_id;                // rows without a store cell
  std::map<std::string, std::string> categories;  // the POS's category name → our code
  std::optional<int64_t> updated_by;
  int64_t updated_at = 0;
  friend bool operator==(const PosImportMapping&, const PosImportMapping&) = default;
};

using ReceiptKey = std::pair<int64_t, std::string>;  // store id, receipt number

class PosImportStore : public Store {
 public:
  static std::unique_ptr<PosImportStore> open(Stores&);

  // Every remembered mapping, by source name.
  virtual std::vector<PosImportMapping> mappings() = 0;
  virtual std::optional<PosImportMapping> mapping(const std::string& source_name) = 0;
  // Inserts or replaces the mapping of its source name (its category names with it).
  virtual void put_mapping(const PosImportMapping&) = 0;

  // The ids of the receipts on file among `keys`.
  virtual std::map<ReceiptKey, int64_t> orders_on_file(const std::vector<ReceiptKey>& keys) = 0;
  // The line numbers on file of each of the orders.
  virtual std::map<int64_t, std::vector<int>> line_numbers(const std::vector<int64_t>& order_ids) = 0;
  // Inserts the orders' headers (not their lines) whose receipt is not on file and sets the
  // id of each inserted one; an order whose receipt is on file keeps id 0. Returns how many
  // it inserted.
  virtual int insert_orders(std::vector<purchase::Order>& orders) = 0;
  // Inserts the lines (each with its order_id) whose (order_id, line_no) is not on file;
  // returns how many it inserted.
  virtual int insert_lines(const std::vector<purchase::Line>& lines) = 0;
};

}  // namespace kefu::storage
