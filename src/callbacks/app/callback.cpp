#include "callbacks/app/callback.hpp"

#include <algorithm>

#include "callbacks/domain/errors.hpp"
#include "callbacks/domain/outcome.hpp"
#include "callbacks/storage/callback_store.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kNoteMax = 500;

bool is_outcome(const std::string& o) { return csat::Outcome::parse(o).has_value(); }

Error not_due() { return make_error(errors::kCallbackNotDue); }

void save(Context& c, ticket::Ticket& t) {
  const int64_t expected = t.version;
  t.version = expected + 1;
  t.updated_at = c.now_ms;
  if (!c.store<storage::TicketStore>().update_ticket(t, expected))
    throw make_error(errors::kVersionConflict, {{"what", Text("工单", "ticket")}});
}

}  // namespace

ticket::Ticket record_callback(Context& c, int64_t ticket_id, const std::string& outcome, const std::string& note) {
  require_scope(c.actor, "tickets:write");
  check_enum("outcome", outcome, is_outcome(outcome));
  check_text("note", note, kNoteMax, false);
  auto t = get_ticket(c, ticket_id);
  require_owner_or(c.actor, t, "supervisor");
  const bool clock_open = sla::is_open(load_sla(c.stores, t).clocks.callback);
  if (!(t.status == "resolved" || (t.status == "closed" && clock_open))) throw not_due();

  const auto before = snapshot(t);
  if (outcome != "unreachable") {
    sla_on_callback_done(c, t);
    if (clock_open) save(c, t);  // the callback deadline is gone
  }
  record_event(c, t.id, "callback", note, {{"outcome", outcome}, {"note", note}}, false);
  if (outcome == "satisfied" && t.status == "resolved") t = change_status(c, t.id, "closed", "回访满意", std::nullopt);
  if (outcome == "not_satisfied") t = change_status(c, t.id, "in_progress", "回访不满意，重新处理", std::nullopt);
  audit(c, "ticket.callback", "ticket", t.id, before, {{"outcome", outcome}, {"note", note}, {"status", t.status}});
  return t;
}

std::vector<ticket::Ticket> callbacks_due(Context& c, int64_t before_ms, int limit) {
  require_scope(c.actor, "tickets:read");
  std::vector<int64_t> stores;
  if (!c.actor.is_admin()) {
    stores = c.actor.store_ids;
    if (stores.empty()) return {};
  }
  return c.store<storage::CallbackStore>().callbacks_due(stores, before_ms, std::clamp(limit, 1, 500));
}

}  // namespace kefu::app
