#include "callbacks/app/csat.hpp"

#include "callbacks/domain/errors.hpp"
#include "callbacks/domain/rating.hpp"
#include "callbacks/storage/callback_store.hpp"
#include "core/app/scope.hpp"
#include "core/app/signing_key.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/domain/signed_link.hpp"
#include "feedback/app/feedback_flow_ins.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/domain/status.hpp"
#include "tickets/storage/task_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

constexpr const char* kKeyPurpose = "csat_link";
constexpr int64_t kRecoveryDueMs = 24LL * 3600 * 1000;

Error invalid_link() { return make_error(errors::kInvalidLink, {{"what", Text("评价链接", "survey link")}}); }

Error already_rated() { return make_error(errors::kAlreadyRated); }

// The ticket a genuine, unexpired link is for. No key yet = no link was ever made.
ticket::Ticket verified_ticket(Context& c, const std::string& token, int64_t* expires_at = nullptr) {
  auto claim = links::verify(token, verifying_keys(c, kKeyPurpose), c.now_ms);
  auto t = c.store<storage::TicketStore>().ticket(claim.ticket_id);
  if (!t) throw invalid_link();
  if (expires_at) *expires_at = claim.expires_at_ms;
  return *t;
}

int64_t recovery_department(Context& c, const ticket::Ticket& t) {
  auto depts = c.store<storage::OrgStore>().departments(t.store_id);
  for (const auto& d : depts)
    if (d.kind == "desk") return d.id;
  if (t.department_id) return *t.department_id;
  return depts.empty() ? 0 : depts.front().id;
}

std::optional<int64_t> service_recovery(Context& c, const ticket::Ticket& t, int rating, const std::string& comment) {
  auto supervisors = c.store<storage::OrgStore>().staff_in_store(t.store_id, "supervisor");
  std::vector<int64_t> notified;
  for (const auto& s : supervisors) notified.push_back(s.id);
  if (notified.empty())
    for (const auto& s : c.store<storage::OrgStore>().staff_in_store(t.store_id, "manager")) notified.push_back(s.id);
  const std::string description = "服务补救：顾客评分 " + std::to_string(rating) + " 分——" +
                                  (comment.empty() ? std::string("（无留言）") : comment);

  std::optional<int64_t> task_id;
  if (const int64_t dept = recovery_department(c, t)) {
    ticket::Task task;
    task.ticket_id = t.id;
    task.department_id = dept;
    if (!supervisors.empty()) task.assignee_id = supervisors.front().id;
    task.description = description;
    task.due_at = c.now_ms + kRecoveryDueMs;
    task.created_by = c.actor.staff_id;
    task.created_at = task.updated_at = c.now_ms;
    task.id = c.store<storage::TaskStore>().insert_task(task);
    task_id = task.id;
    auto d = c.store<storage::OrgStore>().department(dept);
    record_event(c, t.id, "task_created", description,
                 {{"task_id", task.id},
                  {"department_id", dept},
                  {"department", d ? d->name : ""},
                  {"due_at", task.due_at},
                  {"service_recovery", true}},
                 false);
    audit(c, "task.create", "task", task.id, nullptr, snapshot(task));
  }
  nlohmann::json data{{"rating", rating}};
  if (task_id) data["task_id"] = *task_id;
  notify(c, notified,
         {.kind = "service_recovery",
          .ticket_id = t.id,
          .title = "服务补救：工单 " + t.number + " 顾客评分 " + std::to_string(rating) + " 分",
          .body = description + "\n工单：" + t.number + " " + t.subject,
          .data = data});
  return task_id;
}

}  // namespace

CsatLink create_csat_link(Context& c, int64_t ticket_id, int64_t ttl_ms) {
  require_scope(c.actor, "tickets:write");
  if (ttl_ms < kCsatLinkMinTtlMs || ttl_ms > kCsatLinkMaxTtlMs)
    throw make_error(
        errors::kInvalidField,
        {{"field", "ttl_seconds"},
         {"problem", Text("链接有效期应在 1 秒到 30 天之间", "the link lifetime must be 1 second to 30 days")}},
        "ttl_seconds");
  auto t = get_ticket(c, ticket_id);
  require_owner_or(c.actor, t, "supervisor");
  if (!ticket::is_finished(t.status)) throw make_error(errors::kNotResolved);
  if (c.store<storage::CallbackStore>().csat(t.id)) throw already_rated();
  CsatLink link;
  link.expires_at = c.now_ms + ttl_ms;
  link.token = links::sign(t.id, link.expires_at, signing_key(c, kKeyPurpose));
  link.path = "/m/csat/" + link.token;
  record_event(c, t.id, "csat_link", "已生成满意度评价链接", {{"expires_at", link.expires_at}}, false);
  audit(c, "ticket.csat_link", "ticket", t.id, nullptr, {{"expires_at", link.expires_at}});
  return link;
}

CsatView csat_view(Context& c, const std::string& token) {
  CsatView v;
  auto t = verified_ticket(c, token, &v.expires_at);
  v.number = t.number;
  v.subject = t.subject;
  if (auto s = c.store<storage::OrgStore>().store(t.store_id)) v.store_name = s->name;
  v.status = std::string(t.status.code());
  v.rating = c.store<storage::CallbackStore>().csat(t.id);
  return v;
}

RateResult rate(Context& c, const std::string& token, int rating, const std::string& comment) {
  auto t = verified_ticket(c, token);
  csat::check_rating(rating, comment);
  storage::CsatRating r{t.id, rating, comment, c.now_ms};
  if (!c.store<storage::CallbackStore>().insert_csat(r)) throw already_rated();
  record_event(c, t.id, "csat", comment, {{"rating", rating}}, true);
  audit(c, "ticket.csat", "ticket", t.id, nullptr, {{"rating", rating}, {"comment", comment}});
  feedback_from_csat(c, t, rating, comment);  // the comment, when there is one, is feedback
  RateResult out{r, std::nullopt};
  if (csat::needs_service_recovery(rating)) out.recovery_task_id = service_recovery(c, t, rating, comment);
  return out;
}

}  // namespace kefu::app
