#pragma once
// The SLA clocks of tickets: their append-only events, the escalation steps fired, and
// what the scheduler and the compliance report read.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/storage/stores.hpp"
#include "sla/domain/clock.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::storage {

struct FiredEscalation {
  int64_t ticket_id = 0;
  sla::Metric metric = sla::Metric::first_response;
  int generation = 0;
  int step = 0;
  int64_t due_at = 0;
  int64_t fired_at = 0;
};

// What the compliance report reads for one ticket.
struct TicketClockRow {
  ticket::Ticket ticket;
  std::vector<sla::ClockEvent> events;
};

class ClockStore : public Store {
 public:
  static std::unique_ptr<ClockStore> open(Stores&);

  // Clock events are append-only, per ticket in the order recorded.
  virtual void insert_clock_events(int64_t ticket_id, const std::vector<sla::ClockEvent>&) = 0;
  virtual std::vector<sla::ClockEvent> clock_events(int64_t ticket_id) = 0;
  // Tickets created in [from, to) in the given stores (empty = all) with their clock
  // events, oldest first, for the compliance report.
  virtual std::vector<TicketClockRow> ticket_clock_rows(const std::vector<int64_t>& store_ids, int64_t from,
                                                        int64_t to) = 0;

  // The scheduler: ids of tickets whose next escalation is at or before `now`, oldest
  // first. insert_fired_escalation returns false when that step already fired.
  virtual std::vector<int64_t> tickets_due_for_escalation(int64_t now, int limit) = 0;
  virtual std::optional<int64_t> earliest_escalation() = 0;
  virtual bool insert_fired_escalation(const FiredEscalation&) = 0;
  virtual std::vector<FiredEscalation> fired_escalations(int64_t ticket_id) = 0;
};

}  // namespace kefu::storage
