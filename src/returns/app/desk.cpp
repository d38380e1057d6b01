// The desk's return fast path (desk.hpp): the purchase line becomes the policy's question,
// the answer becomes a return ticket, its resolution and the return record.
#include "returns/app/desk.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "members/app/members.hpp"
#include "members/storage/member_store.hpp"
#include "purchases/storage/purchase_store.hpp"
#include "remedies/app/remedies.hpp"
#include "returns/app/decide.hpp"
#include "returns/app/policy.hpp"
#include "returns/app/purchase_line.hpp"
#include "returns/app/return_complete.hpp"
#include "returns/domain/errors.hpp"
#include "returns/domain/vocabulary.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kNoteMax = 500;
constexpr int kLookupLimit = 20;

Error line_not_found() { return make_error(errors::kNotFound, {{"what", Text("购买行", "purchase line")}}); }

std::string yuan(int64_t fen) {
  return fmt::format("{}¥{}.{:02}", fen < 0 ? "-" : "", std::abs(fen) / 100, std::abs(fen) % 100);
}

int64_t units_left(Context& c, const purchase::Line& l, int64_t& returned, int64_t& pending) {
  returned = c.store<storage::PurchaseStore>().returned_units(l.id);
  pending = c.store<storage::ReturnStore>().pending_units(l.id);
  return std::max<int64_t>(0, l.quantity - returned - pending);
}

DeskOrder desk_order(Context& c, const purchase::Order& o) {
  DeskOrder out{o, {}};
  out.order.lines.clear();
  for (const auto& l : o.lines) {
    if (l.quantity <= 0) continue;
    DeskLine d{l};
    d.remaining = units_left(c, l, d.returned, d.pending);
    out.lines.push_back(d);
  }
  return out;
}

struct Question {
  purchase::Order order;
  purchase::Line line;
  ReturnQuestion q;
  int64_t remaining = 0;
};

Question question_for(Context& c, const DeskReturn& in) {
  auto& p = c.store<storage::PurchaseStore>();
  auto line = p.line(in.line_id);
  if (!line) throw line_not_found();
  auto order = p.order(line->order_id);
  if (!order || !c.actor.in_store(order->store_id)) throw line_not_found();
  if (line->quantity <= 0)
    throw make_error(errors::kInvalidField,
                     {{"field", "line_id"}, {"problem", Text("这是一行退货记录", "it is a return line")}}, "line_id");
  if (!returns::Reason::parse(in.reason))
    throw make_error(errors::kInvalidEnum, {{"field", "reason"}, {"value", in.reason}}, "reason");
  check_text("note", in.note, kNoteMax, false);
  Question out{*order, *line, {}, 0};
  int64_t returned = 0, pending = 0;
  out.remaining = units_left(c, *line, returned, pending);
  if (in.quantity < 1 || in.quantity > out.remaining)
    throw make_error(errors::kInvalidField,
                     {{"field", "quantity"},
                      {"problem", Text(fmt::format("可退数量为 1 到 {}", out.remaining),
                                       fmt::format("between 1 and {} units can be returned", out.remaining))}},
                     "quantity");

  // Units waiting for approval count as given back: the refund shares stay exact.
  std::vector<std::pair<int64_t, int>> taken;
  for (const auto& o : order->lines) {
    if (o.quantity <= 0) continue;
    int64_t r = 0, pend = 0;
    units_left(c, o, r, pend);
    taken.emplace_back(o.id, static_cast<int>(r + pend));
  }
  auto found = purchase_case(*order, *line, taken);
  out.q.line = found.line;
  out.q.order = found.order;
  out.q.store_id = order->store_id;
  out.q.member_id = order->member_id;
  out.q.request.condition = in.condition;
  out.q.request.quality_issue = returns::is_quality_reason(in.reason);
  out.q.request.receipt = in.receipt;
  out.q.request.quantity = in.quantity;
  out.q.request.reason = in.note;
  return out;
}

std::string gift_names(const returns::Refund& r) {
  std::string out;
  for (const auto& g : r.gifts_to_return) out += (out.empty() ? "" : "、") + g.name;
  return out;
}

int64_t coupons_back(const returns::Refund& r) {
  int64_t sum = 0;
  for (const auto& c : r.coupons)
    if (c.given_back) sum += c.value_fen;
  return sum;
}

// The remedy the desk records: the policy's, or exchange/repair instead of it; a refund
// only where the policy (or a supervisor's override) gives one.
std::string remedy_of(const DeskReturn& in, const returns::Verdict& v, bool overriding) {
  if (in.remedy.empty()) return overriding || v.remedy == "none" ? "refund" : v.remedy;
  if (in.remedy != "refund" && in.remedy != "exchange" && in.remedy != "repair")
    throw make_error(errors::kInvalidEnum, {{"field", "remedy"}, {"value", in.remedy}}, "remedy");
  if (in.remedy == "refund" && v.remedy != "refund" && !overriding)
    throw make_error(
        errors::kInvalidField,
        {{"field", "remedy"}, {"problem", Text("政策未给出退款，只能换货或维修", "the policy gives no refund here")}},
        "remedy");
  return in.remedy;
}

// Whether the policy itself asks for a supervisor (its rule says needs_approval, or no rule
// matched), not only the caller's authority limit over the amount: then even an exchange or
// a repair waits for approval. An amount above the limit is remedies' own check.
bool policy_asks_approval(Context& c, int64_t store_id, const returns::Verdict& v) {
  if (v.decision != "needs_approval") return false;
  if (v.rule_id.empty()) return true;
  for (const auto& rule : return_policy(c, store_id).policy.rules)
    if (rule.id == v.rule_id) return rule.outcome.decision == "needs_approval";
  return true;
}

std::string subject_of(const Question& q, int64_t quantity) {
  return fmt::format("退换货：{} ×{}（小票 {}）", q.line.name.empty() ? q.line.sku : q.line.name, quantity,
                     q.order.receipt_no);
}

}  // namespace

std::vector<DeskOrder> lookup_purchases(Context& c, const Lookup& in) {
  require_scope(c.actor, "returns:read");
  storage::OrderFilter f;
  f.limit = kLookupLimit;
  if (!c.actor.is_admin()) f.store_ids = c.actor.store_ids;
  if (!in.receipt_no.empty()) {
    f.receipt_no = in.receipt_no;
  } else if (in.member_id) {
    if (!c.store<storage::MemberStore>().member(*in.member_id))
      throw make_error(errors::kNotFound, {{"what", Text("会员", "member")}});
    f.member_id = in.member_id;
  } else if (!in.phone.empty()) {
    auto m = lookup_member(c, in.phone, in.remote, true);
    if (!m) return {};
    f.member_id = m->id;
  } else {
    throw make_error(errors::kRequired, {{"what", Text("小票号、会员或手机号", "receipt_no, member_id or phone")}},
                     "receipt_no");
  }
  if (!c.actor.is_admin() && f.store_ids.empty()) return {};
  std::vector<DeskOrder> out;
  for (const auto& o : c.store<storage::PurchaseStore>().orders(f))
    if (!o.receipt_no.starts_with("KF-RT-")) out.push_back(desk_order(c, o));
  return out;
}

DeskOutcome preview_return(Context& c, const DeskReturn& in) {
  require_scope(c.actor, "returns:read");
  auto q = question_for(c, in);
  auto a = decide_return(c, q.q);
  return {a.verdict, a.tier, a.policy_version, a.policy_defaults, std::nullopt, std::nullopt, ""};
}

DeskOutcome record_return(Context& c, const DeskReturn& in) {
  require_scope(c.actor, "returns:write");
  require_scope(c.actor, "tickets:write");
  auto q = question_for(c, in);
  auto a = decide_return(c, q.q);
  const auto& v = a.verdict;
  const bool overriding = v.decision == "refuse";
  if (overriding) {
    if (in.override_reason.empty())
      throw make_error(errors::kReturnRefused,
                       {{"rule", v.rule_name.empty() ? Text("无规则", "no rule") : Text(v.rule_name)},
                        {"words", Text(v.agent.zh, v.agent.en)},
                        {"advice", Text("主管可填写理由后破例受理", "a supervisor may override it with a reason")}});
    require_role(c.actor, people::RoleCode::supervisor);
  }
  check_text("override_reason", in.override_reason, kNoteMax, false);
  const auto remedy = remedy_of(in, v, overriding);
  auto refund = returns::refund_for(q.q.line, q.q.order, in.quantity, remedy == "refund");

  NewTicket nt;
  nt.store_id = q.order.store_id;
  nt.type = "return";
  nt.channel = "service_desk";
  nt.subject = subject_of(q, in.quantity);
  nt.description = fmt::format("原因：{}。{}", returns::Reason::of(in.reason).zh(), in.note);
  nt.category = std::string(returns::Category::of(q.q.line.category).zh());
  nt.member_id = q.order.member_id;
  nt.purchase_ref = q.order.receipt_no;
  nt.purchase_line_id = q.line.id;
  auto ticket = create_ticket(c, nt);

  returns::ReturnRecord r;
  r.ticket_id = ticket.id;
  r.store_id = q.order.store_id;
  r.order_id = q.order.id;
  r.line_id = q.line.id;
  r.member_id = q.order.member_id;
  r.category = q.q.line.category;
  r.brand = q.line.brand;
  r.quantity = in.quantity;
  r.reason = in.reason;
  r.note = in.note;
  r.condition = in.condition;
  r.receipt = in.receipt;
  r.decision = v.decision;
  r.rule_id = v.rule_id;
  r.rule_words = v.agent.zh;
  r.remedy = remedy;
  r.share_fen = refund.share_fen;
  r.refund_fen = refund.amount_fen;
  r.points_clawed_back = refund.points_clawback;
  r.points_restored = refund.points_give_back;
  r.coupon_returned_fen = coupons_back(refund);
  r.gifts_to_return = gift_names(refund);
  r.state = "pending_approval";
  r.override_reason = in.override_reason;
  r.staff_id = c.actor.staff_id;
  r.created_at = c.now_ms;
  r.id = c.store<storage::ReturnStore>().insert_return(r);

  remedy::Proposal p;
  p.kind = remedy == "refund" && r.refund_fen <= 0 ? "explanation" : remedy;
  p.amount_cents = p.kind == "refund" ? r.refund_fen : 0;
  const std::string rule = v.rule_name.empty() ? "无适用规则" : v.rule_name;
  p.description = fmt::format("门店退换货 #{}：{} {}。规则：{}{}", r.id, returns::Remedy::of(remedy).zh(),
                              remedy == "refund" ? yuan(r.refund_fen) : "", rule,
                              overriding ? "（主管破例：" + in.override_reason + "）" : "");
  if (policy_asks_approval(c, q.order.store_id, v)) p.approval_role = "supervisor";
  auto outcome = propose_remedy(c, ticket.id, p);
  r.remedy_id = outcome.remedy.id;
  if (outcome.remedy.status == "applied") {
    complete_return(c, r);  // state done, the purchase line, the points
  } else {
    c.store<storage::ReturnStore>().update_return(r);
  }
  nlohmann::json data = {
      {"return_id", r.id},          {"line_id", r.line_id},   {"quantity", r.quantity}, {"remedy", r.remedy},
      {"refund_fen", r.refund_fen}, {"decision", r.decision}, {"rule_id", r.rule_id},   {"state", r.state}};
  audit(c, "return.record", "ticket", ticket.id, nullptr, data);
  if (overriding) {
    data["override_reason"] = in.override_reason;
    audit(c, "return.override", "ticket", ticket.id, nullptr, data);
  }
  return {v, a.tier, a.policy_version, a.policy_defaults, r, outcome.ticket, outcome.remedy.status};
}

returns::ReturnRecord get_return(Context& c, int64_t id) {
  require_scope(c.actor, "returns:read");
  auto r = c.store<storage::ReturnStore>().get_return(id);
  if (!r || !c.actor.in_store(r->store_id))
    throw make_error(errors::kNotFound, {{"what", Text("退换货记录", "return")}});
  return *r;
}

std::vector<returns::ReturnRecord> find_returns(Context& c, storage::ReturnFilter f) {
  require_scope(c.actor, "returns:read");
  if (!f.state.empty() && !returns::State::parse(f.state))
    throw make_error(errors::kInvalidEnum, {{"field", "state"}, {"value", f.state}}, "state");
  if (!c.actor.is_admin()) {
    if (f.store_ids.empty()) {
      f.store_ids = c.actor.store_ids;
    } else {
      std::erase_if(f.store_ids, [&](int64_t s) { return !c.actor.in_store(s); });
    }
    if (f.store_ids.empty()) return {};
  }
  f.limit = std::clamp(f.limit, 1, 200);
  return c.store<storage::ReturnStore>().returns(f);
}

ReturnsReport returns_report(Context& c, storage::ReportQuery q) {
  require_scope(c.actor, "returns:read");
  require_role(c.actor, people::RoleCode::supervisor);
  constexpr int64_t kMaxSpan = 366LL * 86'400'000;
  if (q.from >= q.to || q.to - q.from > kMaxSpan) throw make_error(errors::kInvalidRange, {{"days", 366}}, "from");
  if (q.by != "category" && q.by != "brand" && q.by != "store")
    throw make_error(errors::kInvalidEnum, {{"field", "by"}, {"value", q.by}}, "by");
  for (auto id : q.store_ids)
    if (!c.actor.in_store(id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
  if (!c.actor.is_admin() && q.store_ids.empty()) q.store_ids = c.actor.store_ids;
  if (!c.actor.is_admin() && q.store_ids.empty()) return {q, {}, {}};
  auto& s = c.store<storage::ReturnStore>();
  return {q, s.report_groups(q), s.report_reasons(q)};
}

}  // namespace kefu::app
