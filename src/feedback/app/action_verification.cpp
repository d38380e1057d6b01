// Improvement actions: verification (on demand and by the job), telling the customers, the
// board, and the escalation of overdue actions (feedback_actions.hpp).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/action_support.hpp"
#include "feedback/app/feedback_actions.hpp"
#include "feedback/domain/verification.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

using actions::check;
using actions::load;
using actions::log;
using nlohmann::json;

constexpr int64_t kDay = 86'400'000;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json window_json(int64_t from, int64_t to, const storage::WindowFigures& w) {
  return {{"from", from},
          {"to", to},
          {"items", w.items},
          {"contacts", w.contacts},
          {"satisfied", w.satisfied},
          {"responses", w.responses}};
}

json satisfaction_json(const std::optional<feedback::SatisfactionEffect>& s) {
  if (!s) return nullptr;
  return {{"before", number(s->before)},
          {"after", number(s->after)},
          {"difference", number(s->difference)},
          {"p_worse", number(s->p_worse)},
          {"p_better", number(s->p_better)}};
}

feedback::ActionWindow to_window(const storage::WindowFigures& w) {
  return {.items = w.items, .contacts = w.contacts, .satisfied = w.satisfied, .responses = w.responses};
}

// A customer-visible event on every linked ticket and every ticket an item came from.
int tell(Context& c, storage::FeedbackAction a, const std::string& message) {
  const int64_t id = a.id;
  std::set<int64_t> tickets;
  for (auto t : actions::store(c).tickets_of(id)) tickets.insert(t);
  storage::FeedbackFilter f;
  f.action_id = id;
  f.limit = 1000;
  for (const auto& t : c.store<storage::FeedbackStore>().list_items(f))
    if (t.ticket_id) tickets.insert(*t.ticket_id);
  const std::string body = "我们已根据您的反馈完成整改：" + a.title +
                           (message.empty() ? std::string() : "。" + message) + "。感谢您的反馈！";
  for (auto t : tickets) record_event(c, t, "improvement_done", body, {{"action_id", id}, {"title", a.title}}, true);
  a.told_at = c.now_ms;
  a.updated_at = c.now_ms;
  actions::store(c).update_action(a);
  log(c, id, "tell", body);
  audit(c, "feedback.action.tell", "feedback_action", id, nullptr,
        {{"tickets", std::vector<int64_t>(tickets.begin(), tickets.end())}});
  return static_cast<int>(tickets.size());
}

// Measures both windows at now and applies the verdict: effective → verified (and the
// customers told), not_effective → open, not_enough_data → stays done.
storage::FeedbackAction run_verification(Context& c, storage::FeedbackAction a, bool by_job) {
  const int64_t done = *a.done_at, span = int64_t{a.window_days} * kDay;
  const int64_t after_to = std::min(c.now_ms, done + span);
  const bool complete = c.now_ms >= done + span;
  auto& store = actions::store(c);
  const auto before = store.window(a.store_id, a.topic, done - span, done);
  const auto after = store.window(a.store_id, a.topic, done, after_to);
  const auto v = feedback::verify_action(to_window(before), to_window(after), complete);
  const auto& r = v.recurrence;
  json verdict = {{"verdict", feedback::name(v.verdict)},
                  {"code", v.code},
                  {"reason_zh", v.reason_zh},
                  {"reason_en", v.reason_en},
                  {"at", c.now_ms},
                  {"window_days", a.window_days},
                  {"after_complete", complete},
                  {"before", window_json(done - span, done, before)},
                  {"after", window_json(done, after_to, after)},
                  {"recurrence",
                   {{"before_rate", number(r.before_rate)},
                    {"after_rate", number(r.after_rate)},
                    {"rate_ratio", number(r.rate_ratio)},
                    {"ratio_low", number(r.ratio_low)},
                    {"ratio_high", number(r.ratio_high)},
                    {"p_value", number(r.p_value)}}},
                  {"csat", satisfaction_json(v.csat)},
                  {"nps", satisfaction_json(v.nps)}};
  const auto old = a;
  a.verdict = verdict.dump();
  a.updated_at = c.now_ms;
  if (v.verdict == feedback::Verdict::effective) {
    a.state = "verified";
    a.verified_at = c.now_ms;
    a.verify_at.reset();
  } else if (v.verdict == feedback::Verdict::not_effective) {
    a.state = "open";
    a.verify_at.reset();
    a.done_at.reset();
    a.next_escalation_at = actions::next_escalation(c, a);
  } else if (by_job && complete) {
    a.verify_at.reset();  // the job stops asking; a manager verifies again or waives
  } else if (by_job) {
    a.verify_at = c.now_ms + kDay;  // the job asks again tomorrow
  }
  store.update_action(a);
  log(c, a.id, "verify", v.reason_zh);
  audit(c, "feedback.action.verify", "feedback_action", a.id, actions::audit_json(old),
        {{"state", a.state}, {"verdict", verdict}});
  if (a.state == "verified" && !a.told_at) {
    tell(c, a, "");
    a = *store.action(a.id);
  }
  return a;
}

std::vector<int64_t> ids_of(const std::vector<people::Staff>& staff) {
  std::vector<int64_t> out;
  for (const auto& s : staff) out.push_back(s.id);
  return out;
}

}  // namespace

storage::FeedbackAction verify_action_now(Context& c, int64_t id) {
  auto a = load(c, id);
  check(c, a, feedback::ActionMove::verify);
  return run_verification(c, a, false);
}

bool verify_due_action(Context& c, int64_t id) {
  auto a = actions::store(c).action(id);
  if (!a || a->state != "done" || !a->verify_at || *a->verify_at > c.now_ms || !a->done_at) return false;
  run_verification(c, *a, true);
  return true;
}

int tell_customers_of_action(Context& c, int64_t id, const std::string& message) {
  auto a = load(c, id);
  check(c, a, feedback::ActionMove::tell);
  check_text("message", message, 500, false);
  return tell(c, a, message);
}

ActionBoard action_board(Context& c, std::optional<int64_t> store_id) {
  ActionQuery q;
  q.store_id = store_id;
  q.limit = 200;
  ActionBoard board;
  std::map<std::tuple<int64_t, int64_t, std::string>, int64_t> counts;
  for (;;) {
    const auto page = list_actions(c, q);
    for (const auto& a : page) {
      const bool overdue = a.state == "open" && a.due_at <= c.now_ms;
      ++counts[{a.store_id, a.department_id.value_or(0), overdue ? "overdue" : a.state}];
      if (a.verdict.empty()) continue;
      const auto v = json::parse(a.verdict);
      const auto& r = v["recurrence"];
      auto num = [](const json& x) { return x.is_number() ? x.get<double>() : std::nan(""); };
      board.effects.push_back({a.id, a.store_id, a.title, a.topic, v.value("verdict", ""), num(r["before_rate"]),
                               num(r["after_rate"]), num(r["rate_ratio"])});
    }
    if (static_cast<int>(page.size()) < q.limit) break;
    q.before_id = page.back().id;
  }
  for (const auto& [k, n] : counts) {
    const auto& [store, dept, column] = k;
    board.cells.push_back({store, dept ? std::optional<int64_t>(dept) : std::nullopt, column, n});
  }
  return board;
}

bool escalate_overdue_action(Context& c, int64_t id) {
  auto a = actions::store(c).action(id);
  if (!a || a->state != "open" || !a->next_escalation_at || *a->next_escalation_at > c.now_ms) return false;
  const auto cal = store_calendar(c.stores, a->store_id);
  const auto due =
      feedback::escalation_due(*cal, sla::from_unix_ms(a->due_at), a->escalation_level, sla::from_unix_ms(c.now_ms));
  if (!due) return false;
  auto& org = c.store<storage::OrgStore>();
  std::vector<int64_t> to;
  if (due->level == 1) {
    if (a->owner_id) to.push_back(*a->owner_id);
    if (a->department_id)
      for (const auto& s : org.staff_in_store(a->store_id, "dept_head"))
        if (std::find(s.department_ids.begin(), s.department_ids.end(), *a->department_id) != s.department_ids.end())
          to.push_back(s.id);
  } else {
    to = ids_of(org.staff_in_store(a->store_id, "manager"));
  }
  if (to.empty()) to = ids_of(org.staff_in_store(a->store_id, "supervisor"));
  Notice n;
  n.kind = "action_overdue";
  n.title = std::string(due->level == 1 ? "【整改逾期】" : "【整改逾期·升级】") + a->title;
  n.body = "整改措施「" + a->title + "」已超过期限，请尽快完成并标记完成。";
  n.data = {{"action_id", a->id}, {"level", due->level}, {"due_at", a->due_at}, {"store_id", a->store_id}};
  notify(c, to, n);
  a->escalation_level = due->level;
  a->escalated_at = c.now_ms;
  a->next_escalation_at = actions::next_escalation(c, *a);
  actions::store(c).update_action(*a);
  log(c, a->id, "escalate", n.title);
  return true;
}

}  // namespace kefu::app
