// Deciding a return request with no write (decide.hpp).
#include "returns/app/decide.hpp"

#include "core/app/scope.hpp"
#include "core/domain/errors.hpp"
#include "members/domain/member_vocabulary.hpp"
#include "members/storage/member_store.hpp"
#include "remedies/app/remedies.hpp"
#include "returns/app/policy.hpp"

namespace kefu::app {

ReturnAnswer decide_return(Context& c, const ReturnQuestion& q) {
  if (q.store_id <= 0) throw make_error(errors::kRequired, {{"what", Text("门店", "The store")}}, "store_id");
  auto policy = return_policy(c, q.store_id);  // scope returns:read, the store in reach
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
