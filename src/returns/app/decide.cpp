// Deciding a return request with no write (decide.hpp).
#include "returns/app/decide.hpp"

#include "core/app/scope.hpp"
#include "core/domain/errors.hpp"
#include "members/domain/member_vocabulary.hpp"
#include "members/storage/member_store.hpp"
#include "purchases/app/purchases.hpp"
#include "purchases/storage/purchase_store.hpp"
#include "remedies/app/remedies.hpp"
#include "returns/app/policy.hpp"
#include "returns/app/purchase_line.hpp"

namespace kefu::app {

namespace {

// The question about a line kefu holds: its store, line, order and member from the record.
ReturnQuestion from_purchase(Context& c, ReturnQuestion q) {
  auto& purchases = c.store<storage::PurchaseStore>();
  auto line = purchases.line(*q.line_id);
  auto order = line ? purchases.order(line->order_id) : std::nullopt;
  if (!order || !c.actor.in_store(order->store_id))
    throw make_error(errors::kNotFound, {{"what", Text("购买记录", "purchase line")}});
  if (line->quantity <= 0)
    throw make_error(errors::kInvalidField,
                     {{"field", "line_id"}, {"problem", Text("这是一行退货记录", "it is a return line")}}, "line_id");
  auto found = purchase_case(*order, *line, returned_units(c, *order));
  q.store_id = order->store_id;
  q.line = found.line;
  q.order = found.order;
  if (!q.member_id && order->member_id) q.member_id = order->member_id;
  return q;
}

}  // namespace

ReturnAnswer decide_return(Context& c, const ReturnQuestion& asked) {
  require_scope(c.actor, "returns:read");
  const ReturnQuestion q = asked.line_id ? from_purchase(c, asked) : asked;
  if (q.store_id <= 0) throw make_error(errors::kRequired, {{"what", Text("门店", "The store")}}, "store_id");
  auto policy = return_policy(c, q.store_id);  // the store in reach
  ReturnAnswer out;
  out.tier = q.tier;
  if (q.member_id) {
    auto m = c.store<storage::MemberStore>().member(*q.member_id);
    if (!m) throw make_error(errors::kNotFound, {{"what", Text("会员", "member")}});
    out.tier = m->tier;
  } else if (!q.tier.empty() && !people::Tier::parse(q.tier)) {
    throw make_error(errors::kInvalidEnum, {{"field", "tier"}, {"value", q.tier}}, "tier");
  }
  returns::Line line = q.line;
  line.store_id = q.store_id;
  returns::Authority authority{std::string(c.actor.role.code()), authority_limits(c)};
  out.verdict = returns::decide(policy.policy, q.request, line, q.order, out.tier, c.now_ms, authority);
  out.policy_version = policy.version;
  out.policy_defaults = policy.uses_defaults;
  return out;
}

}  // namespace kefu::app
