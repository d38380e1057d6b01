#pragma once
// Tickets (工单): the rows, lists with filters, keyset pagination and Chinese search.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::storage {

struct TicketFilter {
  std::vector<int64_t> store_ids;  // scope: empty = every store (admins only)
  std::vector<std::string> statuses, types, priorities, channels;
  std::optional<int64_t> store_id, department_id, owner_id, member_id;
  std::optional<int64_t> created_from, created_to;  // [from, to) in ms
  std::optional<int64_t> overdue_at;                // a running SLA clock's deadline is at or before this
  std::optional<std::string> category;              // exactly this category
  // The tickets behind a dashboard figure (reports/domain/facts.hpp, one of
  // kTicketMetrics in reports/domain/metric_filter.hpp): resolved, fcr, not_fcr, reopened,
  // frt_missed, resolution_missed, sla_missed, sla_met, rated; empty = no filter.
  std::string metric;
  std::vector<std::string> search_terms;  // segmented query terms, AND-ed; empty = no search
  // Sorting: "created_at" | "updated_at" | "priority", ascending or descending.
  std::string sort = "created_at";
  bool descending = true;
  // Keyset pagination: the (sort key, id) of the last row of the previous page.
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
  int limit = 50;
};

class TicketStore : public Store {
 public:
  static std::unique_ptr<TicketStore> open(Stores&);

  virtual int64_t insert_ticket(ticket::Ticket&) = 0;  // fills id and number
  virtual std::optional<ticket::Ticket> ticket(int64_t id) = 0;
  virtual std::optional<ticket::Ticket> ticket_by_number(const std::string& number) = 0;
  // Writes only when the stored version equals expected_version and returns false
  // otherwise (the caller reports the conflict).
  virtual bool update_ticket(const ticket::Ticket&, int64_t expected_version) = 0;
  virtual std::vector<ticket::Ticket> tickets(const TicketFilter&) = 0;
  // Writes only the SLA columns (policy, due times, next escalation), without a new
  // version: the scheduler's bookkeeping must not make an agent's edit a conflict.
  virtual void update_ticket_deadlines(const ticket::Ticket&) = 0;
  // Replaces the ticket's search document (already segmented tokens).
  virtual void index_ticket(int64_t ticket_id, const std::string& tokens) = 0;
};

}  // namespace kefu::storage
