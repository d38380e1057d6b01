#pragma once
// Scheduled reports (定时报表): managers choose a report, a frequency, an hour and the
// recipients; at each run the report of the period just ended is emailed — the service
// summary as an HTML body (monthly.hpp) with the chosen report as an XLSX attachment —
// through the email outbox (notifications), which sends it and retries.
//
// Exactly once: a run is prepared on a reader (the report is read work), then one write
// records it with a compare on next_run_at (ReportScheduleStore::record_run) and queues the
// emails in the same transaction. A second node, a restart or a retry that finds
// next_run_at already moved queues nothing. A server that was down over several run
// times sends the latest missed period once, not each missed one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "notifications/storage/outbox_store.hpp"
#include "reports/storage/report_schedule_store.hpp"

namespace kefu::app {

struct ScheduleInput {
  std::optional<int64_t> store_id;      // none: the whole chain (admins only)
  std::string name;                     // 1–60 characters
  std::string report = "summary";       // summary | tickets | sla
  std::string frequency = "daily";      // daily | weekly | monthly
  int hour = 8;                         // 0–23, the store's wall clock
  std::vector<std::string> recipients;  // 1–20 of "staff:<id>" (staff of the store) or addresses
  bool enabled = true;
};

// Supervisor+ with reports:write; the store one of the caller's (404), a chain-wide
// schedule admins only (403). Invalid input: invalid_schedule / invalid_enum (400).
storage::ReportSchedule create_schedule(Context&, const ScheduleInput&);
storage::ReportSchedule update_schedule(Context&, int64_t id, const ScheduleInput&);
void delete_schedule(Context&, int64_t id);
// Supervisor+ with reports:read.
storage::ReportSchedule get_schedule(Context&, int64_t id);
std::vector<storage::ReportSchedule> list_schedules(Context&, std::optional<int64_t> store_id);

// A run prepared on a reader: the emails to queue and where next_run_at moves.
struct PreparedRun {
  storage::ReportSchedule schedule;
  int64_t next_run_at = 0;
  std::vector<storage::OutboxEmail> emails;
  std::string result;  // "已发送 2 封" or why nothing was sent
};
// The enabled schedules due at c.now_ms (the job; any actor).
std::vector<storage::ReportSchedule> schedules_due(Context&, int limit = 20);
// Builds the report of the period before schedule.next_run_at as the system (for the
// schedule's store or the chain) and the emails to its recipients with addresses.
PreparedRun prepare_run(Context&, const storage::ReportSchedule&);
// Records the run and queues its emails, once: false (and nothing queued) when the
// schedule moved on or was deleted since it was read.
bool commit_run(Context&, const PreparedRun&);

// "日报-服务概览-2026-11-21.xlsx"-style attachment name of a run.
std::string run_file_name(const storage::ReportSchedule&, const std::string& period_label);

}  // namespace kefu::app
