#include "reports/app/live.hpp"

#include <date/tz.h>

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {
namespace {

// Midnight of the local day containing `now` in `zone`, as Unix ms.
int64_t midnight(int64_t now_ms, const std::string& zone) {
  using namespace std::chrono;
  const auto* tz = date::locate_zone(zone);
  auto day = date::floor<date::days>(tz->to_local(sys_time<milliseconds>{milliseconds{now_ms}}));
  return duration_cast<milliseconds>(tz->to_sys(day, date::choose::earliest).time_since_epoch()).count();
}

std::vector<int64_t> board_stores(Context& c, std::optional<int64_t> store_id) {
  auto& org = c.store<storage::OrgStore>();
  if (store_id) {
    if (!c.actor.in_store(*store_id) || !org.store_exists(*store_id))
      throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    return {*store_id};
  }
  if (!c.actor.is_admin()) return c.actor.store_ids;
  std::vector<int64_t> all;
  for (const auto& s : org.stores()) all.push_back(s.id);
  return all;
}

}  // namespace

std::vector<std::pair<std::string, int64_t>> contacts_by_channel(std::vector<std::pair<std::string, int64_t>> tickets,
                                                                 int64_t chats_without_ticket) {
  if (chats_without_ticket > 0) {
    auto it = std::find_if(tickets.begin(), tickets.end(), [](const auto& p) { return p.first == "live_chat"; });
    if (it == tickets.end())
      tickets.emplace_back("live_chat", chats_without_ticket);
    else
      it->second += chats_without_ticket;
  }
  std::sort(tickets.begin(), tickets.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return tickets;
}

LiveBoard live_board(Context& c, std::optional<int64_t> store_id) {
  require_scope(c.actor, "reports:read");
  LiveBoard b;
  b.as_of = c.now_ms;
  b.store_id = store_id;
  const auto stores = board_stores(c, store_id);
  b.timezone = "Asia/Shanghai";
  if (!stores.empty()) {
    if (auto st = c.store<storage::OrgStore>().store(stores.front())) {
      b.timezone = st->timezone;
      if (stores.size() == 1) b.store_name = st->name;
    }
  }
  b.from = midnight(c.now_ms, b.timezone);

  auto& live = c.store<storage::LiveStore>();
  b.tickets = live.ticket_counts(stores, b.from);
  if (b.tickets.by_category.size() > kHotTopics) b.tickets.by_category.resize(kHotTopics);
  b.chats = live.chats(stores, b.from);
  b.contacts = contacts_by_channel(b.tickets.by_channel, b.chats.without_ticket);
  b.queues = live.queues(stores);
  b.agents = live.agents(stores);
  // Overdue as the ticket list has it (a deadline at or before now), then the next 30 minutes.
  const int64_t after_now = c.now_ms + 1;
  b.overdue = live.breaching(stores, std::nullopt, after_now, kLiveTickets);
  b.due_soon = live.breaching(stores, after_now, after_now + kDueSoonMs, kLiveTickets);
  b.csat = live.csat(stores, b.from, c.now_ms + 1);
  return b;
}

}  // namespace kefu::app
