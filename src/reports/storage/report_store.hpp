#pragma once
// What the managers' dashboard counts over tickets.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// The dashboard's counts over tickets in some stores (empty = all).
struct TicketCounts {
  std::vector<std::pair<std::string, int64_t>> by_type;     // created in the period
  std::vector<std::pair<std::string, int64_t>> by_channel;  // created in the period
  int64_t created = 0;                                      // in the period
  int64_t open = 0;                                         // not resolved or closed, any age
  int64_t overdue = 0;                                      // a running SLA clock past its deadline now
};

class ReportStore : public Store {
 public:
  static std::unique_ptr<ReportStore> open(Stores&);

  // Tickets created in [from, to) by type and channel, plus the open and overdue (at
  // `now`) ones.
  virtual TicketCounts ticket_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to, int64_t now) = 0;
};

}  // namespace kefu::storage
