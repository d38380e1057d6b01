#include "feedback/api/action_render.hpp"

#include <cmath>

#include "core/api/json_io.hpp"
#include "feedback/api/render.hpp"

namespace kefu::action_render {
namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

}  // namespace

json action(const storage::FeedbackAction& a, int64_t now) {
  return {{"id", a.id},
          {"store_id", a.store_id},
          {"topic", a.topic},
          {"title", a.title},
          {"plan", a.plan},
          {"department_id", api::or_null(a.department_id)},
          {"owner_id", api::or_null(a.owner_id)},
          {"due_unit", a.due_unit},
          {"due_amount", a.due_amount},
          {"due_at", a.due_at},
          {"state", a.state},
          {"overdue", a.state == "open" && a.due_at <= now},
          {"window_days", a.window_days},
          {"created_by", a.created_by},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at},
          {"done_at", api::or_null(a.done_at)},
          {"verify_at", api::or_null(a.verify_at)},
          {"verified_at", api::or_null(a.verified_at)},
          {"verdict", a.verdict.empty() ? json(nullptr) : json::parse(a.verdict)},
          {"waiver_reason", a.waiver_reason},
          {"waived_by", api::or_null(a.waived_by)},
          {"waived_at", api::or_null(a.waived_at)},
          {"escalation_level", a.escalation_level},
          {"escalated_at", api::or_null(a.escalated_at)},
          {"told_at", api::or_null(a.told_at)}};
}

json photo(const storage::ActionPhoto& p) {
  return {{"id", p.id},
          {"update_id", api::or_null(p.update_id)},
          {"content_type", p.content_type},
          {"filename", p.filename},
          {"size", p.size},
          {"uploaded_by", p.uploaded_by},
          {"created_at", p.created_at}};
}

json update(const storage::ActionUpdate& u, const std::vector<storage::ActionPhoto>& photos) {
  json ps = json::array();
  for (const auto& p : photos)
    if (p.update_id == u.id) ps.push_back(photo(p));
  return {{"id", u.id}, {"kind", u.kind}, {"note", u.note}, {"by", api::or_null(u.by)}, {"at", u.at}, {"photos", ps}};
}

json detail(const app::ActionDetail& d, const people::Actor& viewer, int64_t now) {
  auto out = action(d.action, now);
  json items = json::array(), tickets = json::array(), updates = json::array(), photos = json::array();
  for (const auto& t : d.items) items.push_back(feedback_render::item(t, viewer));
  for (const auto& t : d.tickets)
    tickets.push_back({{"id", t.id}, {"number", t.number}, {"subject", t.subject}, {"status", t.status}});
  for (const auto& u : d.updates) updates.push_back(update(u, d.photos));
  for (const auto& p : d.photos) photos.push_back(photo(p));
  out["items"] = items;
  out["tickets"] = tickets;
  out["updates"] = updates;
  out["photos"] = photos;
  return out;
}

json board(const app::ActionBoard& b) {
  json cells = json::array(), effects = json::array();
  for (const auto& c : b.cells)
    cells.push_back({{"store_id", c.store_id},
                     {"department_id", api::or_null(c.department_id)},
                     {"column", c.column},
                     {"count", c.count}});
  for (const auto& e : b.effects)
    effects.push_back({{"action_id", e.action_id},
                       {"store_id", e.store_id},
                       {"title", e.title},
                       {"topic", e.topic},
                       {"verdict", e.verdict},
                       {"before_rate", number(e.before_rate)},
                       {"after_rate", number(e.after_rate)},
                       {"rate_ratio", number(e.rate_ratio)}});
  return {{"cells", cells}, {"effects", effects}};
}

}  // namespace kefu::action_render
