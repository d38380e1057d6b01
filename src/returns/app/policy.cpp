// The returns policy in force and its saving (policy.hpp).
#include "returns/app/policy.hpp"

#include "core/app/scope.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "org/storage/org_store.hpp"
#include "returns/storage/policy_json.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kMaxNoteChars = 200;
constexpr int kHistoryLimit = 50;

void require_store(Context& c, int64_t store_id) {
  if (store_id == 0) return;
  if (store_id < 0 || !c.actor.in_store(store_id) || !c.store<storage::OrgStore>().store(store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
}

PolicyInForce in_force(Context& c, int64_t store_id) {
  auto& store = c.store<storage::ReturnPolicyStore>();
  PolicyInForce out;
  out.store_id = store_id;
  auto own = store.current_policy(store_id);
  if (own) out.version = own->version;
  auto saved = own ? own : (store_id != 0 ? store.current_policy(0) : std::nullopt);
  if (saved) {
    out.source_store_id = saved->store_id;
    out.uses_defaults = saved->uses_defaults;
    out.policy = saved->uses_defaults ? returns::default_policy() : saved->policy;
    out.saved = std::move(saved);
  } else {
    out.policy = returns::default_policy();
  }
  return out;
}

nlohmann::json snapshot(const PolicyInForce& p) {
  return {{"version", p.version},
          {"uses_defaults", p.uses_defaults},
          {"source_store_id", p.source_store_id},
          {"rules", p.uses_defaults ? nlohmann::json::array() : storage::rules_json(p.policy)}};
}

}  // namespace

PolicyInForce return_policy(Context& c, int64_t store_id) {
  require_scope(c.actor, "returns:read");
  require_store(c, store_id);
  return in_force(c, store_id);
}

PolicyInForce save_return_policy(Context& c, const PolicySave& s) {
  require_scope(c.actor, "returns:write");
  require_role(c.actor, s.store_id == 0 ? people::Role("admin") : people::Role("manager"));
  require_store(c, s.store_id);
  if (s.policy) returns::validate(*s.policy);
  if (!text::is_valid_utf8(s.note))
    throw make_error(errors::kInvalidUtf8, {{"what", Text("修改说明", "The note")}}, "note");
  if (text::utf8_length(s.note) > kMaxNoteChars)
    throw make_error(errors::kTooLong, {{"what", Text("修改说明", "The note")}, {"max", kMaxNoteChars}}, "note");
  auto before = in_force(c, s.store_id);
  if (s.version && *s.version != before.version)
    throw make_error(errors::kVersionConflict,
                     {{"what", Text("退换货政策", "return policy")}, {"version", before.version}}, "version");
  storage::PolicyVersion v{0,
                           s.store_id,
                           before.version + 1,
                           !s.policy,
                           s.policy.value_or(returns::Policy{}),
                           s.note,
                           c.actor.staff_id,
                           c.now_ms};
  if (!c.store<storage::ReturnPolicyStore>().insert_policy_version(v))
    throw make_error(errors::kVersionConflict, {{"what", Text("退换货政策", "return policy")}}, "version");
  auto after = in_force(c, s.store_id);
  audit(c, s.policy ? "return_policy.update" : "return_policy.restore_defaults", "return_policy", s.store_id,
        snapshot(before), snapshot(after));
  return after;
}

std::vector<storage::PolicyVersion> return_policy_history(Context& c, int64_t store_id) {
  require_scope(c.actor, "returns:read");
  require_store(c, store_id);
  return c.store<storage::ReturnPolicyStore>().policy_versions(store_id, kHistoryLimit);
}

PolicyCheck check_return_policy(Context& c, const returns::Policy& policy, const std::vector<returns::Case>& cases) {
  require_scope(c.actor, "returns:read");
  returns::validate(policy);
  if (cases.size() > kMaxCheckCases)
    throw make_error(errors::kInvalidField,
                     {{"field", "cases"}, {"problem", Text("最多 500 条用例", "at most 500 cases")}}, "cases");
  for (std::size_t i = 0; i < cases.size(); ++i) returns::validate_case(cases[i], i);
  PolicyCheck out;
  for (const auto& k : cases) {
    out.results.push_back(returns::run_case(policy, k, c.now_ms));
    ++(out.results.back().pass ? out.passed : out.failed);
  }
  return out;
}

}  // namespace kefu::app
