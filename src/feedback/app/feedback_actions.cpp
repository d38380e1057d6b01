// Improvement actions: create, edit, read, list, progress notes and photos, and the moves
// (done, waive, reopen). Verification, telling customers, the board and the jobs are in
// action_verification.cpp.
#include "feedback/app/feedback_actions.hpp"

#include <algorithm>
#include <map>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/action_support.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using actions::check;
using actions::load;
using actions::log;
using feedback::ActionMove;

Error bad_reference(const char* zh, const char* en, const char* field) {
  return make_error(errors::kUnknownReference, {{"what", Text(zh, en)}}, field);
}

feedback::DueUnit due_unit(const std::string& unit) {
  if (unit == "business_hours") return feedback::DueUnit::business_hours;
  if (unit == "business_days") return feedback::DueUnit::business_days;
  throw make_error(errors::kInvalidEnum, {{"field", "due_unit"}, {"value", unit}}, "due_unit");
}

int64_t due_at(Context& c, int64_t store_id, const ActionInput& in) {
  const auto cal = store_calendar(c.stores, store_id);
  return sla::to_unix_ms(
      feedback::action_due_at(*cal, sla::from_unix_ms(c.now_ms), in.due_amount, due_unit(in.due_unit)));
}

// Title, plan, topic, department, owner and window, checked against the store.
void check_input(Context& c, int64_t store_id, const ActionInput& in) {
  check_text("title", in.title, 100, true);
  check_text("plan", in.plan, 4000, false);
  if (in.window_days < 1 || in.window_days > kActionWindowMaxDays)
    throw make_error(errors::kInvalidField,
                     {{"field", "window_days"}, {"problem", Text("应为 1 到 180 天", "must be 1 to 180 days")}},
                     "window_days");
  bool known = false;
  for (const auto& t : list_topics(c)) known = known || t.code == in.topic;
  if (!known) throw make_error(errors::kInvalidEnum, {{"field", "topic"}, {"value", in.topic}}, "topic");
  auto& org = c.store<storage::OrgStore>();
  if (in.department_id) {
    auto d = org.department(*in.department_id);
    if (!d || d->store_id != store_id) throw bad_reference("部门", "department", "department_id");
  }
  if (in.owner_id) {
    auto s = org.staff(*in.owner_id);
    const bool serves =
        s && s->active &&
        (s->role == "admin" || std::find(s->store_ids.begin(), s->store_ids.end(), store_id) != s->store_ids.end());
    if (!serves) throw bad_reference("负责人", "owner", "owner_id");
  }
}

// The items a new action groups: those selected and those of the hot issue, all of its store.
std::vector<feedback::Item> grouped_items(Context& c, const ActionInput& in) {
  auto& inbox = c.store<storage::FeedbackStore>();
  std::vector<feedback::Item> out;
  for (auto id : in.item_ids) {
    auto t = inbox.item(id);
    if (!t || t->store_id != in.store_id) throw bad_reference("反馈", "feedback item", "item_ids");
    out.push_back(*t);
  }
  if (in.hot_from || in.hot_to) {
    if (in.topic.empty()) throw make_error(errors::kRequired, {{"what", Text("主题", "topic")}}, "topic");
    storage::FeedbackFilter f;
    f.store_ids = {in.store_id};
    f.topic = in.topic;
    f.from = in.hot_from.value_or(0);
    f.to = in.hot_to.value_or(c.now_ms);
    f.limit = 1000;
    for (auto& t : inbox.list_items(f))
      if (std::none_of(out.begin(), out.end(), [&](const auto& x) { return x.id == t.id; })) out.push_back(t);
  }
  return out;
}

// The most frequent effective topic of the items ("" when none has one).
std::string main_topic(const std::vector<feedback::Item>& items) {
  std::map<std::string, int> n;
  for (const auto& t : items)
    if (!t.topic.empty()) ++n[t.topic];
  std::string best;
  for (const auto& [code, k] : n)
    if (best.empty() || k > n[best]) best = code;
  return best;
}

void resume_escalation(Context& c, storage::FeedbackAction& a) {
  a.next_escalation_at = actions::next_escalation(c, a);
}

// The words a move carries (a note, a reason) and their rule.
struct MoveText {
  const char* field;
  const std::string& text;
  std::size_t max_chars;
  bool required;
};

// A move on an action: allowed (check), its words checked, the change made, stored, on the
// action's timeline and in the audit log.
template <class Change>
storage::FeedbackAction apply_move(Context& c, int64_t id, ActionMove move, const MoveText& words, Change change) {
  auto a = load(c, id);
  check(c, a, move);
  check_text(words.field, words.text, words.max_chars, words.required);
  const auto before = a;
  change(a);
  a.updated_at = c.now_ms;
  actions::store(c).update_action(a);
  const std::string name(feedback::move_name(move));
  log(c, id, name, words.text);
  audit(c, "feedback.action." + name, "feedback_action", id, actions::audit_json(before), actions::audit_json(a));
  return a;
}

}  // namespace

storage::FeedbackAction create_action(Context& c, const ActionInput& in) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "feedback:write");
  if (!c.actor.in_store(in.store_id) || !c.store<storage::OrgStore>().store_exists(in.store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
  const auto items = grouped_items(c, in);
  ActionInput checked = in;
  if (checked.topic.empty()) checked.topic = main_topic(items);
  if (checked.topic.empty()) throw make_error(errors::kRequired, {{"what", Text("主题", "topic")}}, "topic");
  check_input(c, in.store_id, checked);
  auto& tickets = c.store<storage::TicketStore>();
  for (auto id : in.ticket_ids) {
    auto t = tickets.ticket(id);
    if (!t || t->store_id != in.store_id) throw bad_reference("工单", "ticket", "ticket_ids");
  }
  storage::FeedbackAction a;
  a.store_id = in.store_id;
  a.topic = checked.topic;
  a.title = in.title;
  a.plan = in.plan;
  a.department_id = in.department_id;
  a.owner_id = in.owner_id;
  a.due_unit = in.due_unit;
  a.due_amount = in.due_amount;
  a.due_at = due_at(c, in.store_id, in);
  a.window_days = in.window_days;
  a.created_by = c.actor.staff_id;
  a.created_at = a.updated_at = c.now_ms;
  a.next_escalation_at = a.due_at;
  a.id = actions::store(c).insert_action(a);
  std::vector<int64_t> item_ids;
  for (const auto& t : items) item_ids.push_back(t.id);
  c.store<storage::FeedbackStore>().set_action(item_ids, a.id);
  actions::store(c).link_tickets(a.id, in.ticket_ids);
  log(c, a.id, "create", in.title);
  audit(c, "feedback.action.create", "feedback_action", a.id, nullptr, actions::audit_json(a));
  return a;
}

storage::FeedbackAction edit_action(Context& c, int64_t id, const ActionInput& in) {
  auto a = load(c, id);
  check(c, a, ActionMove::edit);
  ActionInput checked = in;
  if (checked.topic.empty()) checked.topic = a.topic;
  check_input(c, a.store_id, checked);
  const auto before = a;
  a.topic = checked.topic;
  a.title = in.title;
  a.plan = in.plan;
  a.department_id = in.department_id;
  a.owner_id = in.owner_id;
  if (in.due_amount != a.due_amount || in.due_unit != a.due_unit) {
    a.due_unit = in.due_unit;
    a.due_amount = in.due_amount;
    a.due_at = due_at(c, a.store_id, in);
    a.escalation_level = 0;  // a new deadline escalates afresh
    resume_escalation(c, a);
  }
  a.window_days = in.window_days;
  a.updated_at = c.now_ms;
  actions::store(c).update_action(a);
  log(c, a.id, "edit", "");
  audit(c, "feedback.action.update", "feedback_action", a.id, actions::audit_json(before), actions::audit_json(a));
  return a;
}

ActionDetail get_action(Context& c, int64_t id) {
  ActionDetail d;
  d.action = load(c, id);
  storage::FeedbackFilter f;
  f.action_id = id;
  f.limit = 1000;
  d.items = c.store<storage::FeedbackStore>().list_items(f);
  for (auto tid : actions::store(c).tickets_of(id))
    if (auto t = c.store<storage::TicketStore>().ticket(tid))
      d.tickets.push_back({t->id, t->number, t->subject, std::string(t->status.code())});
  d.updates = actions::store(c).updates_of(id);
  d.photos = actions::store(c).photos_of(id);
  return d;
}

std::vector<storage::FeedbackAction> list_actions(Context& c, const ActionQuery& q) {
  require_role(c.actor, "agent");
  require_scope(c.actor, "feedback:read");
  storage::ActionFilter f;
  if (q.store_id) {
    if (!c.actor.in_store(*q.store_id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    f.store_ids = {*q.store_id};
  } else if (!c.actor.is_admin()) {
    f.store_ids = c.actor.store_ids;
    if (f.store_ids.empty()) return {};
  }
  if (!q.state.empty()) parse_enum<feedback::ActionState>("state", q.state);
  f.state = q.state;
  f.department_id = q.department_id;
  if (q.overdue) f.overdue_at = c.now_ms;
  f.before_id = q.before_id;
  f.limit = std::clamp(q.limit, 1, 200);
  return actions::store(c).list_actions(f);
}

storage::ActionUpdate add_action_update(Context& c, int64_t id, const std::string& note,
                                        const std::vector<int64_t>& photo_ids) {
  auto a = load(c, id);
  check(c, a, ActionMove::update);
  check_text("note", note, 2000, photo_ids.empty());
  const auto photos = actions::store(c).photos_of(id);
  for (auto p : photo_ids)
    if (std::none_of(photos.begin(), photos.end(), [&](const auto& x) { return x.id == p && !x.update_id; }))
      throw bad_reference("照片", "photo", "photo_ids");
  const auto uid = log(c, id, "note", note);
  actions::store(c).attach_photos(id, uid, photo_ids);
  a.updated_at = c.now_ms;
  actions::store(c).update_action(a);
  for (const auto& u : actions::store(c).updates_of(id))
    if (u.id == uid) return u;
  return {};
}

void check_can_add_action_photo(Context& c, int64_t id) { check(c, load(c, id), ActionMove::update); }

storage::ActionPhoto add_action_photo(Context& c, int64_t id, const ticket::Attachment& file) {
  check_can_add_action_photo(c, id);
  if (actions::store(c).photos_of(id).size() >= 50)
    throw make_error(errors::kInvalidField,
                     {{"field", "photo"}, {"problem", Text("照片最多 50 张", "at most 50 photos")}});
  storage::ActionPhoto p{
      0, id, std::nullopt, file.sha256, file.content_type, file.filename, file.size, c.actor.staff_id, c.now_ms};
  p.id = actions::store(c).insert_photo(p);
  return p;
}

storage::ActionPhoto action_photo(Context& c, int64_t id, int64_t photo_id) {
  load(c, id);
  for (const auto& p : actions::store(c).photos_of(id))
    if (p.id == photo_id) return p;
  throw make_error(errors::kNotFound, {{"what", Text("照片", "photo")}});
}

storage::FeedbackAction mark_action_done(Context& c, int64_t id, const std::string& note) {
  return apply_move(c, id, ActionMove::done, {"note", note, 2000, false}, [&](storage::FeedbackAction& a) {
    a.state = "done";
    a.done_at = c.now_ms;
    a.verify_at = c.now_ms + int64_t{a.window_days} * 86'400'000;
    a.next_escalation_at.reset();
  });
}

storage::FeedbackAction waive_verification(Context& c, int64_t id, const std::string& reason) {
  return apply_move(c, id, ActionMove::waive, {"reason", reason, 500, true}, [&](storage::FeedbackAction& a) {
    a.state = "waived";
    a.waiver_reason = reason;
    a.waived_by = c.actor.staff_id;
    a.waived_at = c.now_ms;
    a.verify_at.reset();
  });
}

storage::FeedbackAction reopen_action(Context& c, int64_t id, const std::string& reason) {
  return apply_move(c, id, ActionMove::reopen, {"reason", reason, 500, true}, [&](storage::FeedbackAction& a) {
    a.state = "open";
    a.done_at.reset();
    a.verify_at.reset();
    a.waived_by.reset();
    a.waived_at.reset();
    a.waiver_reason.clear();
    a.updated_at = c.now_ms;
    resume_escalation(c, a);
  });
}

}  // namespace kefu::app
