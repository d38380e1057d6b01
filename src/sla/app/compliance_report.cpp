#include "sla/app/compliance_report.hpp"

#include <map>

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/sla.hpp"
#include "sla/storage/clock_store.hpp"

namespace kefu::app {

std::vector<sla::ComplianceRow> sla_compliance(Context& c, int64_t from_ms, int64_t to_ms, sla::Dimension d,
                                               std::optional<int64_t> store_id) {
  require_scope(c.actor, "tickets:read");
  require_role(c.actor, "supervisor");
  if (from_ms >= to_ms || to_ms - from_ms > kMaxReportSpanMs)
    throw make_error(errors::kInvalidRange, {{"days", 366}}, "to");
  std::vector<int64_t> stores;
  if (store_id) {
    if (!c.actor.in_store(*store_id) || !c.store<storage::OrgStore>().store(*store_id))
      throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    stores = {*store_id};
  } else if (!c.actor.is_admin()) {
    stores = c.actor.store_ids;
    if (stores.empty()) return {};
  }

  auto rows = c.store<storage::ClockStore>().ticket_clock_rows(stores, from_ms, to_ms);
  // One calendar and name per store (the calendars are shared, their addresses stable).
  std::map<int64_t, std::shared_ptr<const sla::BusinessCalendar>> calendars;
  std::map<int64_t, std::string> names;
  std::vector<sla::TicketClockHistory> histories;
  histories.reserve(rows.size());
  for (auto& row : rows) {
    const auto& t = row.ticket;
    auto cal = calendars.find(t.store_id);
    if (cal == calendars.end()) {
      cal = calendars.emplace(t.store_id, store_calendar(c.stores, t.store_id)).first;
      auto s = c.store<storage::OrgStore>().store(t.store_id);
      names[t.store_id] = s ? s->name : std::to_string(t.store_id);
    }
    histories.push_back({.ticket_id = t.id,
                         .store = names[t.store_id],
                         .type = std::string(t.type.code()),
                         .priority = std::string(t.priority.code()),
                         .channel = std::string(t.channel.code()),
                         .created_at = sla::from_unix_ms(t.created_at),
                         .events = std::move(row.events),
                         .calendar = cal->second.get()});
  }
  return sla::compliance(histories, d, sla::from_unix_ms(c.now_ms));
}

}  // namespace kefu::app
