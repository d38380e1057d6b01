#pragma once
// Return records of the desk (returns/domain/return_record.hpp) and the figures of the
// returns report: units and amounts sold (from the purchases' lines) and returned (from
// the records), grouped by category, brand or store.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "returns/domain/return_record.hpp"

namespace kefu::storage {

struct ReturnFilter {
  std::vector<int64_t> store_ids;  // empty: every store
  std::string state;               // empty: any
  std::optional<int64_t> ticket_id, member_id, line_id;
  std::optional<int64_t> before_id;  // paging: ids below this, newest first
  int limit = 50;
};

// One group of the report; `key` is a category code, a brand or a store id in text.
struct ReturnGroup {
  std::string key;
  int64_t sold_units = 0, sold_fen = 0;
  int64_t returned_units = 0, refunded_fen = 0, returns = 0;
};
struct ReasonCount {
  std::string key;  // the group, as in ReturnGroup
  std::string reason;
  int64_t returns = 0, units = 0;
};
struct ReportQuery {
  std::vector<int64_t> store_ids;  // empty: every store
  int64_t from = 0, to = 0;        // sold_at / created_at in [from, to)
  std::string by = "category";     // category | brand | store
};

class ReturnStore : public Store {
 public:
  static std::unique_ptr<ReturnStore> open(Stores&);

  virtual int64_t insert_return(const returns::ReturnRecord&) = 0;
  // Writes state, remedy_id, return_order_id, decided_at and the points figures.
  virtual void update_return(const returns::ReturnRecord&) = 0;
  virtual std::optional<returns::ReturnRecord> get_return(int64_t id) = 0;
  virtual std::optional<returns::ReturnRecord> return_by_remedy(int64_t remedy_id) = 0;
  virtual std::vector<returns::ReturnRecord> returns(const ReturnFilter&) = 0;
  // Units of the line in returns waiting for approval (not yet on the purchase).
  virtual int64_t pending_units(int64_t line_id) = 0;
  // Sold (lines with a positive quantity, not gifts) and returned (records done) per group.
  virtual std::vector<ReturnGroup> report_groups(const ReportQuery&) = 0;
  // Returns done per group and reason.
  virtual std::vector<ReasonCount> report_reasons(const ReportQuery&) = 0;
};

}  // namespace kefu::storage
