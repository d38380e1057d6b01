#pragma once
// Scheduled reports (定时报表): what to send to whom and when (reports/domain/schedule.hpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

struct ReportSchedule {
  int64_t id = 0;
  std::optional<int64_t> store_id;  // none: the whole chain (admins only)
  std::string name;
  std::string report;                   // reports::ReportKind code: summary | tickets | sla
  std::string frequency;                // daily | weekly | monthly
  int hour = 8;                         // local hour of the run, 0–23
  std::vector<std::string> recipients;  // "staff:12" or email addresses
  bool enabled = true;
  int64_t next_run_at = 0;
  std::optional<int64_t> last_run_at;
  std::string last_result;  // "sent 3" or the error, for the page
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

class ReportScheduleStore : public Store {
 public:
  static std::unique_ptr<ReportScheduleStore> open(Stores&);

  virtual int64_t insert_schedule(const ReportSchedule&) = 0;
  virtual std::optional<ReportSchedule> schedule(int64_t id) = 0;
  // Those of the given stores (chain-wide ones only with include_chain), by id.
  virtual std::vector<ReportSchedule> schedules(const std::vector<int64_t>& store_ids, bool include_chain) = 0;
  // Replaces name, report, frequency, hour, recipients, enabled, next_run_at, updated_at.
  virtual void update_schedule(const ReportSchedule&) = 0;
  virtual void delete_schedule(int64_t id) = 0;
  // Enabled schedules with next_run_at <= now, soonest first.
  virtual std::vector<ReportSchedule> schedules_due(int64_t now, int limit) = 0;
  // Records a run and moves next_run_at, only if next_run_at is still `expected` (the run
  // was not recorded by another node or an earlier attempt). True when it was recorded.
  virtual bool record_run(int64_t id, int64_t expected, int64_t next_run_at, int64_t ran_at,
                          const std::string& result) = 0;
};

}  // namespace kefu::storage
