#include "reports/app/rollups.hpp"

#include <spdlog/spdlog.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "callbacks/storage/callback_store.hpp"
#include "reports/domain/rollup.hpp"
#include "reports/storage/report_store.hpp"
#include "sla/app/sla.hpp"
#include "sla/storage/clock_store.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

using Calendars = std::map<int64_t, std::shared_ptr<const sla::BusinessCalendar>>;

std::optional<int64_t> json_id(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

reports::TicketFact fact_with(Context& c, const ticket::Ticket& t, Calendars& calendars) {
  auto cal = calendars.find(t.store_id);
  if (cal == calendars.end()) cal = calendars.emplace(t.store_id, store_calendar(c.stores, t.store_id)).first;
  std::optional<int64_t> created_owner;
  std::vector<reports::OwnerChange> changes;
  for (const auto& e : c.store<storage::TimelineStore>().events(t.id)) {
    if (e.kind != "created" && e.kind != "claimed" && e.kind != "handover") continue;
    auto data = nlohmann::json::parse(e.data.empty() ? std::string("{}") : e.data, nullptr, false);
    if (!data.is_object()) continue;
    if (e.kind == "created") created_owner = json_id(data, "owner_id");
    if (e.kind == "claimed")
      if (auto to = json_id(data, "owner_id")) changes.push_back({std::nullopt, *to});
    if (e.kind == "handover")
      if (auto to = json_id(data, "to")) changes.push_back({json_id(data, "from"), *to});
  }
  auto clock = c.store<storage::ClockStore>().clock_events(t.id);
  std::optional<int> csat;
  if (auto r = c.store<storage::CallbackStore>().csat(t.id)) csat = r->rating;
  reports::FactInput in{.ticket = t,
                        .created_owner = created_owner,
                        .owner_changes = changes,
                        .clock = clock,
                        .csat = csat,
                        .calendar = *cal->second};
  try {
    return reports::ticket_fact(in);
  } catch (const std::exception& e) {
    // A clock history that does not replay: the ticket counts without SLA verdicts.
    spdlog::warn("report facts of ticket {}: {}", t.id, e.what());
    in.clock = {};
    auto f = reports::ticket_fact(in);
    return f;
  }
}

}  // namespace

reports::TicketFact compute_fact(Context& c, const ticket::Ticket& t) {
  Calendars calendars;
  return fact_with(c, t, calendars);
}

int refresh_rollups_batch(Context& c, int limit) {
  auto& reports = c.store<storage::ReportStore>();
  const auto marks = reports.dirty(limit);
  if (marks.empty()) return 0;
  std::vector<int64_t> ids;
  ids.reserve(marks.size());
  for (const auto& m : marks) ids.push_back(m.ticket_id);
  reports::Rollups delta;
  for (const auto& old : reports.facts(ids)) reports::accumulate(delta, old, -1);
  Calendars calendars;
  std::vector<reports::TicketFact> fresh;
  fresh.reserve(ids.size());
  auto& tickets = c.store<storage::TicketStore>();
  for (auto id : ids) {
    auto t = tickets.ticket(id);
    if (!t) continue;  // tickets are never deleted; a mark without one is dropped
    fresh.push_back(fact_with(c, *t, calendars));
    reports::accumulate(delta, fresh.back(), +1);
  }
  reports.put_facts(fresh);
  reports.add_rollups(delta);
  reports.clear_dirty(marks);
  return static_cast<int>(marks.size());
}

int64_t refresh_rollups(Context& c) {
  int64_t total = 0;
  for (int n; (n = refresh_rollups_batch(c)) > 0;) total += n;
  return total;
}

int64_t rebuild_reports(Context& c) {
  auto& reports = c.store<storage::ReportStore>();
  reports.clear_reports();
  reports.mark_all_dirty();
  return refresh_rollups(c);
}

}  // namespace kefu::app
