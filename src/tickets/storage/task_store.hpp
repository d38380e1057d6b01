#pragma once
// Collaboration tasks (协办任务) of tickets.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/storage/stores.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::storage {

class TaskStore : public Store {
 public:
  static std::unique_ptr<TaskStore> open(Stores&);

  virtual int64_t insert_task(const ticket::Task&) = 0;
  // Writes only when the stored version equals expected_version.
  virtual bool update_task(const ticket::Task&, int64_t expected_version) = 0;
  virtual std::optional<ticket::Task> task(int64_t id) = 0;
  virtual std::vector<ticket::Task> tasks(int64_t ticket_id) = 0;
  // Open tasks due at or before `now` and not escalated yet, most overdue first; mark_task_escalated
  // returns false when it already was (exactly once).
  virtual std::vector<int64_t> tasks_overdue(int64_t now, int limit) = 0;
  virtual bool mark_task_escalated(int64_t task_id, int64_t at) = 0;
};

}  // namespace kefu::storage
