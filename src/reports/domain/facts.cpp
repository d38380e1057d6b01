#include "reports/domain/facts.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>

#include "sla/domain/compliance.hpp"
#include "tickets/domain/status.hpp"

namespace kefu::reports {
namespace {

using std::chrono::milliseconds;

constexpr sla::Target kBusinessTime{.minutes = 1, .mode = sla::TimeMode::business};

std::optional<int64_t> first_owner(const FactInput& in) {
  if (in.created_owner) return in.created_owner;
  if (!in.owner_changes.empty()) return in.owner_changes.front().to;
  return in.ticket.owner_id;
}

// FRT: the first first-response cycle's elapsed business time at its fulfil.
std::optional<int64_t> first_response_time(const FactInput& in) {
  const auto& t = in.ticket;
  auto cycles = sla::cycles(in.clock, sla::Metric::first_response);
  if (!cycles.empty()) {
    const auto& first = cycles.front();
    if (first.phase != sla::Phase::fulfilled || !first.finished_at) return std::nullopt;
    return sla::elapsed(first, kBusinessTime, in.calendar, *first.finished_at).count();
  }
  if (!t.first_response_at) return std::nullopt;
  return sla::business_time_between(in.calendar, sla::from_unix_ms(t.created_at),
                                    sla::from_unix_ms(*t.first_response_at))
      .count();
}

std::optional<int64_t> resolution_time(const FactInput& in) {
  const auto& t = in.ticket;
  if (!ticket::is_finished(t.status)) return std::nullopt;
  auto cycles = sla::cycles(in.clock, sla::Metric::resolution);
  int64_t sum = 0;
  bool any = false;
  for (const auto& c : cycles) {
    if (c.phase != sla::Phase::fulfilled || !c.finished_at) continue;
    sum += sla::elapsed(c, kBusinessTime, in.calendar, *c.finished_at).count();
    any = true;
  }
  if (any) return sum;
  if (!t.resolved_at) return std::nullopt;
  return sla::business_time_between(in.calendar, sla::from_unix_ms(t.created_at), sla::from_unix_ms(*t.resolved_at))
      .count();
}

void sla_verdicts(const FactInput& in, TicketFact& f) {
  if (in.clock.empty()) return;
  sla::TicketClockHistory h{.ticket_id = in.ticket.id,
                            .type = std::string(in.ticket.type.code()),
                            .created_at = sla::from_unix_ms(in.ticket.created_at),
                            .events = {in.clock.begin(), in.clock.end()},
                            .calendar = &in.calendar};
  int64_t met = 0, missed = 0;
  for (const auto& row : sla::compliance(std::span(&h, 1), sla::Dimension::type, as_of(in.ticket, in.clock))) {
    met += row.met;
    missed += row.missed;
    if (row.missed > 0 && row.metric == sla::Metric::first_response) f.frt_missed = true;
    if (row.missed > 0 && row.metric == sla::Metric::resolution) f.resolution_missed = true;
  }
  f.sla_missed = missed > 0;
  f.sla_met = missed == 0 && met > 0;
}

}  // namespace

sla::Instant as_of(const ticket::Ticket& t, std::span<const sla::ClockEvent> clock) {
  auto at = sla::from_unix_ms(std::max(t.updated_at, t.created_at));
  for (const auto& e : clock) at = std::max(at, e.at);
  return at;
}

LocalDayHour local_day_hour(int64_t at_ms, const std::string& zone) {
  using namespace std::chrono;
  const auto* tz = date::locate_zone(zone);
  auto local = tz->to_local(sys_time<milliseconds>{milliseconds{at_ms}});
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  auto h = duration_cast<hours>(local - day).count();
  return {.day = int(ymd.year()) * 10000 + int(unsigned(ymd.month())) * 100 + int(unsigned(ymd.day())),
          .hour = static_cast<int>(h)};
}

TicketFact ticket_fact(const FactInput& in) {
  const auto& t = in.ticket;
  TicketFact f{.ticket_id = t.id,
               .store_id = t.store_id,
               .department_id = t.department_id,
               .owner_id = t.owner_id,
               .first_owner_id = first_owner(in),
               .type = std::string(t.type.code()),
               .channel = std::string(t.channel.code()),
               .priority = std::string(t.priority.code()),
               .category = t.category,
               .created_at = t.created_at};
  if (t.type == "complaint") f.complaint_cause = t.category;
  auto local = local_day_hour(t.created_at, in.calendar.spec().time_zone);
  f.day = local.day;
  f.hour = local.hour;
  f.frt_ms = first_response_time(in);
  f.resolution_ms = resolution_time(in);
  f.resolved = ticket::is_finished(t.status);
  f.reopened = t.reopen_count > 0;
  for (const auto& ch : in.owner_changes)
    if (ch.from) f.handed_over = true;
  f.fcr = f.resolved && !f.handed_over && !f.reopened && f.first_owner_id && t.owner_id == f.first_owner_id;
  sla_verdicts(in, f);
  if (in.csat && *in.csat >= 1 && *in.csat <= 5) f.csat = in.csat;
  return f;
}

}  // namespace kefu::reports
