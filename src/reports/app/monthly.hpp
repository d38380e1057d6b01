#pragma once
// The service report of a period (服务报告): what the store (or the chain) handled and how
// well — contacts by type and channel against the period before, SLA compliance, NPS,
// returns by reason and the top complaint causes, and the dashboards' service figures
// (response and resolution times, first-contact resolution, reopen rate, CSAT). The printable monthly report
// (月度服务报告, GET /reports/monthly) is one month of it; a scheduled report's email
// (schedules.hpp) is its day, week or month. Assembled from what the capabilities report
// (reports' counts, sla's compliance, feedback's NPS, returns' report), each read once.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/app/context.hpp"
#include "core/app/table_export.hpp"
#include "reports/domain/rollup.hpp"
#include "reports/storage/report_store.hpp"
#include "sla/domain/compliance.hpp"

namespace kefu::app {

struct ServicePeriod {
  std::optional<int64_t> store_id;  // none: every store of the caller (the chain for admins)
  int64_t from = 0, to = 0;         // [from, to) ms
  int64_t previous_from = 0;        // the period before, as long, ends at `from`
  std::string label;                // "2026-11", "2026-11-21", …
};

struct CountLine {
  std::string key;  // a type or channel code, a category, a reason
  int64_t current = 0, previous = 0;
};

struct ServiceSummary {
  ServicePeriod period;
  std::string store_name;  // "" for several stores
  std::string time_zone = "Asia/Shanghai";
  int64_t created = 0, created_previous = 0;
  int64_t open = 0, overdue = 0;  // now
  std::vector<CountLine> by_type, by_channel;
  std::vector<sla::ComplianceRow> sla;  // one row per metric, every store of the period together
  // The service figures of the dashboards (reports/app/metrics.hpp, from the rollups): first
  // response and resolution time in business time, first-contact resolution, reopen rate,
  // CSAT — of the tickets created in the period and in the period before it.
  reports::Measures service, service_previous;
  struct Nps {
    int64_t promoters = 0, passives = 0, detractors = 0;
    std::optional<double> score;  // none without answers
  } nps;
  int64_t returns = 0, refunded_fen = 0;
  std::vector<CountLine> return_reasons;    // most returns first, at most 10
  std::vector<CountLine> complaint_causes;  // complaint tickets by category, most first, at most 10
};

// Supervisor+ with reports:read (403 otherwise); the store must be one of the caller's
// (404). Parts the caller's scopes do not reach (returns:read, feedback:read) stay empty.
ServiceSummary service_summary(Context&, const ServicePeriod&);

// The calendar month "2026-11" of the store's time zone (400 invalid_date otherwise).
ServicePeriod month_period(Context&, int64_t store_id, const std::string& month);

// The summary as sheets for XLSX: 概览, 按类型, 按渠道, SLA 达标, 投诉原因, 退换货原因.
std::vector<Table> summary_tables(const ServiceSummary&, bool zh = true);

// The summary as an HTML email body (zh-CN, inline styles, tables) with `title` on top.
std::string summary_html(const ServiceSummary&, const std::string& title);
// The same as plain text (the text/plain part).
std::string summary_text(const ServiceSummary&, const std::string& title);

}  // namespace kefu::app
