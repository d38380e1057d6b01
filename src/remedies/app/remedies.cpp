#include "remedies/app/remedies.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "remedies/domain/errors.hpp"
#include "remedies/storage/remedy_store.hpp"
#include "returns/app/return_follow.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/domain/errors.hpp"
#include "tickets/domain/status.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kReasonMax = 500;
// Approvers are at least supervisors: only they may resolve a ticket they do not own.
constexpr std::string_view kLowestApprover = "supervisor";
std::string role_zh(std::string_view role) {
  auto r = people::Role::parse(role);
  return r ? std::string(r->zh()) : std::string(role);
}

// 50000 fen -> "¥500.00"
std::string money(int64_t fen) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "¥%lld.%02lld", static_cast<long long>(fen / 100),
                static_cast<long long>(std::llabs(fen % 100)));
  return buf;
}

// "补偿 券 ¥500.00", "致歉"
std::string summary_zh(const storage::Remedy& r) {
  std::string s(remedy::name_zh(r.kind));
  if (!r.compensation.empty()) s += " " + std::string(remedy::name_zh(r.compensation));
  if (remedy::has_amount(r.kind)) s += " " + money(r.amount_cents);
  return s;
}

nlohmann::json snapshot(const storage::Remedy& r) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"remedy_id", r.id},
          {"ticket_id", r.ticket_id},
          {"kind", r.kind},
          {"compensation", r.compensation},
          {"amount_cents", r.amount_cents},
          {"description", r.description},
          {"status", r.status},
          {"requested_by", r.requested_by},
          {"approver_role", r.approver_role},
          {"decided_by", opt(r.decided_by)},
          {"decision_reason", r.decision_reason},
          {"decided_at", opt(r.decided_at)},
          {"version", r.version}};
}

remedy::Limits limits_in_force(storage::Stores& repo) {
  auto rows = repo.get<storage::RemedyStore>().authority_limits();
  if (rows.empty()) return remedy::default_limits();
  return remedy::Limits(rows.begin(), rows.end());
}

// Who is asked to approve: the store's active staff of the approver role, else of the
// next role up (to manager); for the admin, or when the store has nobody, every
// active admin (admins serve every store and are not listed per store).
std::vector<int64_t> approvers_to_notify(Context& c, int64_t store_id, const std::string& approver_role) {
  std::vector<int64_t> ids;
  for (const auto& role : remedy::limited_roles()) {
    if (people::role_rank(role.code) < people::role_rank(approver_role)) continue;
    for (const auto& s : c.store<storage::OrgStore>().staff_in_store(store_id, std::string(role.code)))
      ids.push_back(s.id);
    if (!ids.empty()) return ids;
  }
  for (const auto& s : c.store<storage::OrgStore>().staff_list())
    if (s.active && s.role == "admin") ids.push_back(s.id);
  return ids;
}

Error already_decided(const storage::Remedy& r) { return make_error(errors::kAlreadyDecided, {{"status", r.status}}); }

// The resolution is applied: the ticket moves to resolved in the caller's name.
ticket::Ticket resolve_ticket(Context& c, const ticket::Ticket& t, const storage::Remedy& r) {
  return change_status(c, t.id, "resolved", "办结：" + summary_zh(r) + "。" + r.description, std::nullopt);
}

}  // namespace

RemedyOutcome propose_remedy(Context& c, int64_t ticket_id, const remedy::Proposal& in) {
  require_scope(c.actor, "tickets:write");
  remedy::validate(in);
  auto t = get_ticket(c, ticket_id);
  require_owner_or(c.actor, t, "supervisor");
  if (ticket::is_finished(t.status))
    throw make_error(errors::kTicketFinished,
                     {{"advice", Text("请先重新打开再提交办结方案", "reopen it before proposing a resolution")}});
  if (!t.owner_id) throw make_error(errors::kUnclaimed, {{"then", Text("提交办结方案", "proposing a resolution")}});
  if (!ticket::can_transition(t.status, "resolved"))
    throw make_error(
        errors::kInvalidTransition,
        {{"what", Text("工单状态", "ticket")}, {"from", std::string(t.status.code())}, {"to", "resolved"}});
  auto existing = c.store<storage::RemedyStore>().remedies(t.id);
  if (std::any_of(existing.begin(), existing.end(), [](const auto& r) { return r.status == "pending"; }))
    throw make_error(errors::kApprovalPending,
                     {{"problem", Text("该工单已有待审批的办结方案，请等待审批结果",
                                       "the ticket already has a resolution waiting for approval")}});

  const auto limits = limits_in_force(c.stores);
  auto decision = remedy::decide(in, c.actor.role.code(), limits);
  if (!decision.within_limit && people::role_rank(decision.approver_role) < people::role_rank(kLowestApprover))
    decision.approver_role = std::string(kLowestApprover);
  if (!in.approval_role.empty() && people::role_rank(c.actor.role.code()) < people::role_rank(in.approval_role)) {
    decision.within_limit = false;  // a rule asks for a higher role whatever the amount
    if (people::role_rank(decision.approver_role) < people::role_rank(in.approval_role))
      decision.approver_role = in.approval_role;
  }

  storage::Remedy r;
  r.ticket_id = t.id;
  r.kind = in.kind;
  r.compensation = in.compensation;
  r.amount_cents = in.amount_cents;
  r.description = in.description;
  r.requested_by = c.actor.staff_id;
  r.created_at = c.now_ms;
  r.version = 1;
  if (decision.within_limit) {
    // Within the caller's own authority: granted by the caller, now.
    r.status = "applied";
    r.decided_by = c.actor.staff_id;
    r.decided_at = c.now_ms;
  } else {
    r.status = "pending";
    r.approver_role = decision.approver_role;
  }
  r.id = c.store<storage::RemedyStore>().insert_remedy(r);

  nlohmann::json data = snapshot(r);
  if (decision.within_limit) {
    std::string body = "办结方案：" + summary_zh(r);
    if (remedy::has_amount(r.kind)) body += "（在授权额度内）";
    record_event(c, t.id, "resolution", body + "。" + r.description, data, false);
    audit(c, "resolution.propose", "ticket", t.id, nullptr, data);
    t = resolve_ticket(c, t, r);
  } else {
    const std::string who = role_zh(r.approver_role);
    record_event(c, t.id, "resolution", "申请" + summary_zh(r) + "，待" + who + "审批。" + r.description, data, false);
    audit(c, "resolution.propose", "ticket", t.id, nullptr, data);
    Notice n;
    n.kind = "approval_request";
    n.ticket_id = t.id;
    n.title = "【办结审批】工单 " + t.number + " 申请" + summary_zh(r);
    n.body = (c.actor.display_name.empty() ? c.actor.username : c.actor.display_name) + " 为工单 " + t.number + "「" +
             t.subject + "」申请" + summary_zh(r) + "，超出其授权额度，需" + who + "或以上审批。\n办结说明：" +
             r.description;
    n.data = {{"remedy_id", r.id},
              {"number", t.number},
              {"kind", r.kind},
              {"compensation", r.compensation},
              {"amount_cents", r.amount_cents},
              {"approver_role", r.approver_role},
              {"requested_by", r.requested_by}};
    auto to = approvers_to_notify(c, t.store_id, r.approver_role);
    std::erase(to, c.actor.staff_id);
    notify(c, to, n);
  }
  return {r, t};
}

RemedyOutcome decide_remedy(Context& c, int64_t remedy_id, bool approve, const std::string& reason) {
  require_scope(c.actor, "tickets:write");
  check_text("reason", reason, kReasonMax, /*required=*/!approve);
  auto found = c.store<storage::RemedyStore>().remedy(remedy_id);
  std::optional<ticket::Ticket> t;
  if (found) t = c.store<storage::TicketStore>().ticket(found->ticket_id);
  if (!found || !t || !c.actor.in_store(t->store_id))
    throw make_error(errors::kNotFound, {{"what", Text("办结方案", "resolution")}});
  auto r = *found;
  if (r.status != "pending") throw already_decided(r);
  const auto limits = limits_in_force(c.stores);
  if (!remedy::may_approve(c.actor.role.code(), r.approver_role, r.amount_cents, limits))
    throw make_error(errors::kForbidden,
                     {{"reason", Text("该办结方案（" + summary_zh(r) + "）需由" + role_zh(r.approver_role) +
                                          "或以上、且授权额度足够的人员审批",
                                      "this resolution needs the approval of a " + r.approver_role +
                                          " or above whose authority limit covers the amount")}});
  if (r.requested_by == c.actor.staff_id)
    throw make_error(errors::kForbidden,
                     {{"reason", Text("不能审批自己提交的办结方案", "you may not decide a resolution you proposed")}});
  if (approve && ticket::is_finished(t->status))
    throw make_error(errors::kTicketFinished, {{"advice", Text("不能再批准该方案；请驳回或先重新打开工单",
                                                               "reject the resolution or reopen the ticket first")}});

  auto before = snapshot(r);
  const int64_t expected = r.version;
  r.status = approve ? "applied" : "rejected";
  r.decided_by = c.actor.staff_id;
  r.decided_at = c.now_ms;
  r.decision_reason = reason;
  r.version = expected + 1;
  if (!c.store<storage::RemedyStore>().update_remedy(r, expected))
    throw make_error(errors::kVersionConflict, {{"what", Text("办结方案", "resolution")}});

  const std::string verdict = approve ? "已批准" : "已驳回";
  std::string body = verdict + "办结方案：" + summary_zh(r);
  if (!reason.empty()) body += "。" + std::string(approve ? "意见" : "驳回理由") + "：" + reason;
  record_event(c, t->id, "resolution", body, snapshot(r), false);
  audit(c, approve ? "resolution.approve" : "resolution.reject", "ticket", t->id, before, snapshot(r));
  if (approve) t = resolve_ticket(c, *t, r);
  follow_resolution(c, r);  // a desk return waiting for this approval is done or refused with it

  Notice n;
  n.kind = "approval_decided";
  n.ticket_id = t->id;
  n.title = "【办结审批】" + verdict + " 工单 " + t->number + " " + summary_zh(r);
  n.body = "您为工单 " + t->number + "「" + t->subject + "」申请的" + summary_zh(r) + verdict + "（" +
           (c.actor.display_name.empty() ? c.actor.username : c.actor.display_name) + "）。" +
           (reason.empty() ? "" : (approve ? "意见：" : "驳回理由：") + reason) +
           (approve ? "工单已办结。" : "工单仍在处理中，请调整方案后重新提交。");
  n.data = {{"remedy_id", r.id},
            {"number", t->number},
            {"status", r.status},
            {"decided_by", c.actor.staff_id},
            {"reason", reason}};
  notify(c, {r.requested_by}, n);
  return {r, *t};
}

std::vector<storage::Remedy> ticket_remedies(Context& c, int64_t ticket_id) {
  auto t = get_ticket(c, ticket_id);
  return c.store<storage::RemedyStore>().remedies(t.id);
}

std::vector<PendingApproval> pending_approvals(Context& c) {
  require_scope(c.actor, "tickets:read");
  if (!c.actor.is_admin() && c.actor.store_ids.empty()) return {};  // empty store list means every store
  std::vector<std::string> roles;
  for (const auto& role : people::kRoles)
    if (c.actor.at_least(role.value)) roles.emplace_back(role.code);
  if (roles.empty()) return {};
  const auto limits = limits_in_force(c.stores);
  std::vector<PendingApproval> out;
  for (auto& r : c.store<storage::RemedyStore>().pending_remedies(
           c.actor.is_admin() ? std::vector<int64_t>{} : c.actor.store_ids, roles)) {
    if (r.requested_by == c.actor.staff_id) continue;
    if (!remedy::may_approve(c.actor.role.code(), r.approver_role, r.amount_cents, limits)) continue;
    auto t = c.store<storage::TicketStore>().ticket(r.ticket_id);
    if (!t || !c.actor.in_store(t->store_id)) continue;
    out.push_back({std::move(r), std::move(*t)});
  }
  return out;
}

remedy::Limits authority_limits(Context& c) { return limits_in_force(c.stores); }

remedy::Limits set_authority_limits(Context& c, const remedy::Limits& limits) {
  require_scope(c.actor, "admin");
  require_role(c.actor, "admin");
  remedy::validate_limits(limits);
  auto to_json = [](const remedy::Limits& l) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [role, fen] : l) j[role] = fen;
    return j;
  };
  auto stored = c.store<storage::RemedyStore>().authority_limits();
  nlohmann::json before = stored.empty() ? nlohmann::json(nullptr) : to_json({stored.begin(), stored.end()});
  remedy::Limits after;
  for (const auto& role : remedy::limited_roles()) after[std::string(role.code)] = *remedy::limit_of(role.code, limits);
  for (const auto& [role, fen] : after) c.store<storage::RemedyStore>().put_authority_limit(role, fen);
  audit(c, "authority_limits.update", "authority_limits", 0, before, to_json(after));
  return after;
}

}  // namespace kefu::app
