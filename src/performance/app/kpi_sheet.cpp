#include "performance/app/kpi_sheet.hpp"

#include <algorithm>

#include "core/app/scope.hpp"
#include "org/storage/org_store.hpp"
#include "performance/app/kpi_rules.hpp"
#include "performance/app/qa_scores.hpp"
#include "performance/domain/errors.hpp"
#include "performance/storage/performance_store.hpp"
#include "sla/app/sla.hpp"
#include "sla/domain/compliance.hpp"
#include "sla/storage/clock_store.hpp"
#include "tickets/domain/status.hpp"

namespace kefu::app {
namespace {

using performance::Month;

void count_tickets(Context& c, int64_t store_id, performance::Span span, const sla::BusinessCalendar* cal,
                   std::map<int64_t, KpiCounts>& by) {
  auto rows = c.store<storage::ClockStore>().ticket_clock_rows({store_id}, span.from, span.to);
  std::vector<sla::TicketClockHistory> histories;
  std::map<std::string, int64_t> owner_of;
  for (auto& r : rows) {
    const auto& t = r.ticket;
    if (!t.owner_id) continue;
    auto& k = by[*t.owner_id];
    ++k.tickets;
    if (t.resolved_at || t.reopen_count > 0 || ticket::is_finished(t.status)) ++k.resolved;
    if (t.reopen_count > 0) ++k.reopened;
    if (r.events.empty() || !cal) continue;
    const std::string key = std::to_string(t.id);
    owner_of[key] = *t.owner_id;
    histories.push_back({.ticket_id = t.id,
                         .store = key,
                         .created_at = sla::from_unix_ms(t.created_at),
                         .events = std::move(r.events),
                         .calendar = cal});
  }
  // One key per ticket: each ticket's met/missed and the mean elapsed of its fulfilled cycles.
  for (const auto& row : sla::compliance(histories, sla::Dimension::store, sla::from_unix_ms(c.now_ms))) {
    if (row.metric == sla::Metric::callback) continue;
    auto& k = by[owner_of[row.key]];
    k.sla_met += row.met;
    k.sla_missed += row.missed;
    if (row.avg_elapsed_ms < 0) continue;
    if (row.metric == sla::Metric::first_response) {
      k.first_response_sum_ms += row.avg_elapsed_ms;
      ++k.first_response_n;
    } else {
      k.resolution_sum_ms += row.avg_elapsed_ms;
      ++k.resolution_n;
    }
  }
}

std::map<int64_t, KpiCounts> count_month(Context& c, int64_t store_id, performance::Span span,
                                         const sla::BusinessCalendar* cal) {
  std::map<int64_t, KpiCounts> by;
  count_tickets(c, store_id, span, cal, by);
  auto& p = c.store<storage::PerformanceStore>();
  for (const auto& r : p.ticket_ratings(store_id, span.from, span.to)) {
    by[r.staff_id].csat_sum += r.rating_sum;
    by[r.staff_id].csat_n += r.rating_count;
  }
  for (const auto& r : p.chat_figures(store_id, span.from, span.to)) {
    auto& k = by[r.staff_id];
    k.chats += r.count;
    k.csat_sum += r.rating_sum;
    k.csat_n += r.rating_count;
  }
  for (const auto& r : p.records({.store_ids = {store_id}, .from = span.from, .to = span.to, .limit = 1'000'000})) {
    auto& k = by[r.about_staff_id];
    if (r.kind == "praise") {
      ++k.praise;
      continue;
    }
    switch (r.outcome.value()) {
      case performance::OutcomeCode::upheld:
        ++k.upheld;
        break;
      case performance::OutcomeCode::partly:
        ++k.partly;
        break;
      case performance::OutcomeCode::not_upheld:
        ++k.not_upheld;
        break;
      case performance::OutcomeCode::pending:
        ++k.pending;
        break;
    }
  }
  for (const auto& [staff, qa] : kpi_qa_scores(c, store_id, span.from, span.to)) {
    by[staff].qa_sum += qa.sum;
    by[staff].qa_n += qa.count;
  }
  return by;
}

// Competition ranking by score (1, 2, 2, 4); no score ranks last.
template <class Row>
void rank(std::vector<Row>& rows, auto tie_break) {
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const double sa = a.score.score.value_or(-1), sb = b.score.score.value_or(-1);
    if (sa != sb) return sa > sb;
    return tie_break(a, b);
  });
  for (std::size_t i = 0; i < rows.size(); ++i)
    rows[i].rank = i > 0 && rows[i].score.score == rows[i - 1].score.score ? rows[i - 1].rank : static_cast<int>(i) + 1;
}

struct Built {
  std::vector<KpiRow> rows;
  std::vector<DepartmentRow> departments;
};

Built build(Context& c, int64_t store_id, performance::Span span, const sla::BusinessCalendar* cal,
            const storage::KpiRuleSet& rules) {
  auto by = count_month(c, store_id, span, cal);
  auto& org = c.store<storage::OrgStore>();
  std::map<int64_t, std::string> dept_names;
  for (const auto& d : org.departments(store_id)) dept_names[d.id] = d.name;
  Built out;
  std::map<int64_t, bool> seen;
  auto add = [&](const people::Staff& s) {
    KpiRow r{.staff_id = s.id, .name = s.display_name};
    for (auto d : s.department_ids)
      if (dept_names.count(d)) {
        r.department_id = d;
        r.department = dept_names[d];
        break;
      }
    if (auto it = by.find(s.id); it != by.end()) r.counts = it->second;
    r.figures = figures_of(r.counts);
    r.score = performance::score(r.figures, rules.kpi);
    out.rows.push_back(std::move(r));
    seen[s.id] = true;
  };
  for (const auto& s : org.staff_list()) {
    const bool serves = std::find(s.store_ids.begin(), s.store_ids.end(), store_id) != s.store_ids.end();
    if ((serves && s.active && s.role.rank() < people::Role("manager").rank()) || by.count(s.id)) add(s);
  }
  rank(out.rows, [](const KpiRow& a, const KpiRow& b) {
    if (a.figures.contacts != b.figures.contacts) return a.figures.contacts > b.figures.contacts;
    return a.staff_id < b.staff_id;
  });
  std::map<std::optional<int64_t>, DepartmentRow> depts;
  for (const auto& r : out.rows) {
    auto& d = depts[r.department_id];
    d.department_id = r.department_id;
    d.name = r.department_id ? r.department : "（未分部门）";
    ++d.members;
    d.counts.add(r.counts);
  }
  for (auto& [id, d] : depts) {
    d.figures = figures_of(d.counts);
    d.score = performance::score(d.figures, rules.kpi);
    out.departments.push_back(std::move(d));
  }
  rank(out.departments,
       [](const DepartmentRow& a, const DepartmentRow& b) { return a.department_id < b.department_id; });
  return out;
}

}  // namespace

void KpiCounts::add(const KpiCounts& o) {
  tickets += o.tickets;
  chats += o.chats;
  resolved += o.resolved;
  reopened += o.reopened;
  first_response_sum_ms += o.first_response_sum_ms;
  first_response_n += o.first_response_n;
  resolution_sum_ms += o.resolution_sum_ms;
  resolution_n += o.resolution_n;
  sla_met += o.sla_met;
  sla_missed += o.sla_missed;
  csat_sum += o.csat_sum;
  csat_n += o.csat_n;
  praise += o.praise;
  upheld += o.upheld;
  partly += o.partly;
  not_upheld += o.not_upheld;
  pending += o.pending;
  qa_sum += o.qa_sum;
  qa_n += o.qa_n;
}

performance::Figures figures_of(const KpiCounts& k) {
  performance::Figures f;
  // Nobody to judge: no contact, no praise, no complaint counted (a department head who
  // handled nothing this month) is not scored, rather than scored on zeros.
  if (k.tickets + k.chats == 0 && k.praise + k.upheld + k.partly == 0 && k.qa_n == 0) return f;
  f.contacts = static_cast<double>(k.tickets + k.chats);
  if (k.first_response_n) f.first_response_min = k.first_response_sum_ms / 60000.0 / k.first_response_n;
  if (k.resolution_n) f.resolution_min = k.resolution_sum_ms / 60000.0 / k.resolution_n;
  if (k.sla_met + k.sla_missed) f.sla_compliance_pct = 100.0 * k.sla_met / (k.sla_met + k.sla_missed);
  if (k.csat_n) f.csat = static_cast<double>(k.csat_sum) / k.csat_n;
  f.praise = static_cast<double>(k.praise);
  f.complaints = k.upheld + 0.5 * k.partly;
  if (k.qa_n) f.qa_score = k.qa_sum / k.qa_n;
  if (k.resolved) f.reopen_rate_pct = 100.0 * k.reopened / k.resolved;
  return f;
}

namespace {

KpiSheet compute_sheet(Context& c, int64_t store_id, const std::string& month_text) {
  auto month = performance::parse_month(month_text);
  if (!month) throw make_error(errors::kInvalidMonth, {}, "month");
  require_store(c, store_id);
  const auto cal = store_calendar(c.stores, store_id);
  const std::string zone = cal ? cal->spec().time_zone : "Asia/Shanghai";
  const auto rules = rules_in_force(c, store_id);

  KpiSheet sheet{.store_id = store_id, .month = *month, .previous_month = performance::previous(*month)};
  if (auto s = c.store<storage::OrgStore>().store(store_id)) sheet.store_name = s->name;
  const auto span = performance::month_span(*month, zone);
  sheet.from = span.from;
  sheet.to = span.to;
  sheet.rules_source = rules.source;
  sheet.kpi = rules.rules.kpi;
  sheet.bonus = rules.rules.bonus;
  sheet.qa_available = qa_available();

  auto now = build(c, store_id, span, cal.get(), rules.rules);
  auto before = build(c, store_id, performance::month_span(sheet.previous_month, zone), cal.get(), rules.rules);
  std::map<int64_t, const KpiRow*> prev;
  for (const auto& r : before.rows) prev[r.staff_id] = &r;
  std::vector<performance::BonusInput> in;
  for (auto& r : now.rows) {
    if (auto it = prev.find(r.staff_id); it != prev.end() && it->second->score.score) {
      r.previous_score = it->second->score.score;
      r.previous_rank = it->second->rank;
    }
    in.push_back({r.staff_id, r.score.score, static_cast<int>(r.counts.praise), static_cast<int>(r.counts.upheld),
                  static_cast<int>(r.counts.partly)});
  }
  auto bonuses = performance::bonuses(in, sheet.bonus);
  std::map<std::optional<int64_t>, int64_t> dept_bonus;
  for (std::size_t i = 0; i < now.rows.size(); ++i) {
    now.rows[i].bonus = std::move(bonuses[i]);
    sheet.bonus_total_fen += now.rows[i].bonus.amount_fen;
    dept_bonus[now.rows[i].department_id] += now.rows[i].bonus.amount_fen;
  }
  std::map<std::optional<int64_t>, std::optional<double>> prev_dept;
  for (const auto& d : before.departments) prev_dept[d.department_id] = d.score.score;
  for (auto& d : now.departments) {
    d.bonus_fen = dept_bonus[d.department_id];
    if (auto it = prev_dept.find(d.department_id); it != prev_dept.end()) d.previous_score = it->second;
  }
  sheet.rows = std::move(now.rows);
  sheet.departments = std::move(now.departments);
  return sheet;
}

}  // namespace

KpiSheet kpi_sheet(Context& c, int64_t store_id, const std::string& month) {
  require_scope(c.actor, "reports:read");
  require_role(c.actor, "supervisor");
  return compute_sheet(c, store_id, month);
}

MyKpi my_kpi(Context& c, int64_t store_id, const std::string& month) {
  require_scope(c.actor, "reports:read");
  MyKpi out{compute_sheet(c, store_id, month)};
  auto& rows = out.sheet.rows;
  out.ranked = static_cast<int>(rows.size());
  std::erase_if(rows, [&](const KpiRow& r) { return r.staff_id != c.actor.staff_id; });
  std::erase_if(out.sheet.departments,
                [&](const DepartmentRow& d) { return rows.empty() || d.department_id != rows.front().department_id; });
  return out;
}

}  // namespace kefu::app
