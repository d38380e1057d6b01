#pragma once
// Scheduled reports (定时报表): when a schedule runs and which period its report covers.
// A schedule runs at `hour` o'clock on the store's wall clock — every day (daily), on
// Mondays (weekly) or on the 1st (monthly) — and reports the period that just ended: the
// previous day, the previous Monday–Sunday week or the previous calendar month. Pure:
// `now` and the time zone are passed in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::reports {

enum class Frequency { daily, weekly, monthly };
std::optional<Frequency> frequency_from(std::string_view code);  // "daily" | "weekly" | "monthly"
std::string_view name(Frequency f);
std::string_view name_zh(Frequency f);  // 日报 / 周报 / 月报

// What a scheduled email carries: the service summary (contacts, SLA, CSAT …), the tickets
// created in the period, or the SLA compliance by ticket type.
enum class ReportKind { summary, tickets, sla };
std::optional<ReportKind> report_kind_from(std::string_view code);  // "summary" | "tickets" | "sla"
std::string_view name(ReportKind k);
std::string_view name_zh(ReportKind k);  // 服务概览 / 工单明细 / SLA 达标

// The first run strictly after `now` (Unix ms) at `hour` (0–23) in `time_zone` (IANA).
int64_t next_run_after(Frequency f, int hour, const std::string& time_zone, int64_t now);

// The period [from, to) a run at `run_at` reports: the day, week or month that ended at
// the local midnight on or before run_at.
struct Period {
  int64_t from = 0, to = 0;
  std::string label;  // "2026-11-22", "2026-11-16 至 2026-11-22", "2026-11"
};
Period period_before(Frequency f, int64_t run_at, const std::string& time_zone);

// A recipient as written by a manager: "staff:12" or an email address.
struct Recipient {
  std::optional<int64_t> staff_id;
  std::string email;
};
// nullopt for anything else (a malformed address, staff:0, spaces).
std::optional<Recipient> parse_recipient(std::string_view text);
std::string recipient_text(const Recipient& r);

}  // namespace kefu::reports
