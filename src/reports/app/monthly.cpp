#include "reports/app/monthly.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/nps_report.hpp"
#include "org/storage/org_store.hpp"
#include "reports/app/metrics.hpp"
#include "returns/app/desk.hpp"
#include "sla/app/compliance_report.hpp"
#include "tickets/domain/vocabulary.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

std::vector<CountLine> merge(const std::vector<std::pair<std::string, int64_t>>& now,
                             const std::vector<std::pair<std::string, int64_t>>& before) {
  std::map<std::string, CountLine> lines;
  for (const auto& [k, n] : now) lines[k] = {k, n, lines[k].previous};
  for (const auto& [k, n] : before) {
    lines[k].key = k;
    lines[k].previous = n;
  }
  std::vector<CountLine> out;
  for (auto& [k, l] : lines) out.push_back(l);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.current > b.current; });
  return out;
}

std::vector<CountLine> top(std::map<std::string, int64_t> counts, std::size_t n) {
  std::vector<CountLine> out;
  for (auto& [k, v] : counts) out.push_back({k, v, 0});
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.current > b.current; });
  if (out.size() > n) out.resize(n);
  return out;
}

// Every metric's cycles of the period, all stores together.
std::vector<sla::ComplianceRow> sla_by_metric(const std::vector<sla::ComplianceRow>& rows) {
  std::map<int, sla::ComplianceRow> by;
  for (const auto& r : rows) {
    auto& m = by[static_cast<int>(r.metric)];
    m.key = "";
    m.metric = r.metric;
    const int64_t fulfilled_before = m.met + m.missed;
    m.total += r.total;
    m.met += r.met;
    m.missed += r.missed;
    m.open += r.open;
    if (r.avg_elapsed_ms >= 0) {
      const int64_t before_sum = m.avg_elapsed_ms < 0 ? 0 : m.avg_elapsed_ms * fulfilled_before;
      const int64_t n = fulfilled_before + r.met + r.missed;
      m.avg_elapsed_ms = n ? (before_sum + r.avg_elapsed_ms * (r.met + r.missed)) / n : -1;
    }
  }
  std::vector<sla::ComplianceRow> out;
  for (auto& [k, m] : by) {
    m.rate = m.met + m.missed ? static_cast<double>(m.met) / static_cast<double>(m.met + m.missed) : -1;
    out.push_back(m);
  }
  return out;
}

// Complaint tickets created in the period, by category ("" = 未分类).
std::map<std::string, int64_t> complaint_categories(Context& c, const std::vector<int64_t>& stores, int64_t from,
                                                    int64_t to) {
  storage::TicketFilter f;
  f.store_ids = stores;
  f.types = {"complaint"};
  f.created_from = from;
  f.created_to = to;
  f.limit = 500;
  std::map<std::string, int64_t> out;
  for (int pages = 0; pages < 40; ++pages) {
    const auto page = c.store<storage::TicketStore>().tickets(f);
    for (const auto& t : page) ++out[t.category];
    if (static_cast<int>(page.size()) < f.limit) break;
    f.after_key = std::to_string(page.back().created_at);
    f.after_id = page.back().id;
  }
  return out;
}

}  // namespace

ServicePeriod month_period(Context& c, int64_t store_id, const std::string& month) {
  int y = 0;
  unsigned m = 0;
  char tail = 0;
  if (month.size() != 7 || std::sscanf(month.c_str(), "%4d-%2u%c", &y, &m, &tail) != 2 || m < 1 || m > 12 || y < 2000 ||
      y > 2100)
    throw make_error(errors::kInvalidDate, {{"field", "month"}, {"value", month}}, "month");
  std::string zone = "Asia/Shanghai";
  if (auto s = c.store<storage::OrgStore>().store(store_id)) zone = s->timezone;
  const auto* z = date::locate_zone(zone);
  auto at = [&](date::year_month ym) {
    const date::local_days d{ym / 1};
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               z->to_sys(date::local_seconds{d}, date::choose::earliest).time_since_epoch())
        .count();
  };
  const date::year_month ym{date::year{y}, date::month{m}};
  return {store_id, at(ym), at(ym + date::months{1}), at(ym - date::months{1}), month};
}

namespace {

// The dashboards' totals for the tickets created in [from, to): the rollups count local
// days, so the period is given as its first and last local day in `zone`.
reports::Measures service_figures(Context& c, std::optional<int64_t> store_id, const std::string& zone, int64_t from,
                                  int64_t to) {
  const auto* z = date::locate_zone(zone);
  auto day = [&](int64_t ms) {
    const auto local = z->to_local(std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}});
    return date::format("%F", date::floor<date::days>(local));
  };
  return report_totals(c, day(from), day(to - 1), store_id);
}

}  // namespace

ServiceSummary service_summary(Context& c, const ServicePeriod& p) {
  require_role(c.actor, people::RoleCode::supervisor);
  require_scope(c.actor, "reports:read");
  auto& org = c.store<storage::OrgStore>();
  std::vector<int64_t> stores;
  ServiceSummary s;
  s.period = p;
  if (p.store_id) {
    auto st = org.store(*p.store_id);
    if (!st || !c.actor.in_store(*p.store_id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    stores = {*p.store_id};
    s.store_name = st->name;
    s.time_zone = st->timezone;
  } else if (!c.actor.is_admin()) {
    stores = c.actor.store_ids;
    if (stores.empty()) return s;
  }
  if (p.from >= p.to || p.to - p.from > kMaxReportSpanMs)
    throw make_error(errors::kInvalidRange, {{"days", 366}}, "to");
  auto& reports = c.store<storage::ReportStore>();
  const auto now = reports.ticket_counts(stores, p.from, p.to, c.now_ms);
  const auto before = reports.ticket_counts(stores, p.previous_from, p.from, c.now_ms);
  s.created = now.created;
  s.created_previous = before.created;
  s.open = now.open;
  s.overdue = now.overdue;
  s.by_type = merge(now.by_type, before.by_type);
  s.by_channel = merge(now.by_channel, before.by_channel);
  // The compliance figures are the summary's: reports:read reads them without tickets:read.
  people::Actor reader = c.actor;
  if (!reader.has_scope("tickets:read")) reader.scopes.push_back("tickets:read");
  Context rc{c.stores, reader, c.now_ms, c.segmenter};
  s.sla = sla_by_metric(sla_compliance(rc, p.from, p.to, sla::Dimension::store, p.store_id));
  s.complaint_causes = top(complaint_categories(c, stores, p.from, p.to), 10);
  s.service = service_figures(c, p.store_id, s.time_zone, p.from, p.to);
  s.service_previous = service_figures(c, p.store_id, s.time_zone, p.previous_from, p.from);
  if (c.actor.has_scope("feedback:read")) {
    NpsReportQuery q;
    q.store_id = p.store_id;
    q.from = p.from;
    q.to = p.to;
    const auto nps = nps_report(c, q).overall;
    s.nps.promoters = nps.counts.promoters;
    s.nps.passives = nps.counts.passives;
    s.nps.detractors = nps.counts.detractors;
    if (nps.counts.total() > 0) s.nps.score = nps.estimate.nps;
  }
  if (c.actor.has_scope("returns:read")) {
    storage::ReportQuery q{stores, p.from, p.to, "category"};
    const auto r = returns_report(c, q);
    std::map<std::string, int64_t> reasons;
    for (const auto& g : r.groups) {
      s.returns += g.returns;
      s.refunded_fen += g.refunded_fen;
    }
    for (const auto& rc : r.reasons) reasons[rc.reason] += rc.returns;
    s.return_reasons = top(reasons, 10);
  }
  return s;
}

}  // namespace kefu::app
