#include "performance/app/kpi_rules.hpp"

#include "core/app/scope.hpp"
#include "org/storage/org_store.hpp"
#include "performance/storage/rules_json.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {

void require_store(Context& c, int64_t store_id) {
  if (!c.actor.in_store(store_id) || !c.store<storage::OrgStore>().store_exists(store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
}

ticket::Ticket ticket_in_store(Context& c, int64_t ticket_id) {
  auto t = c.store<storage::TicketStore>().ticket(ticket_id);
  if (!t || !c.actor.in_store(t->store_id)) throw make_error(errors::kNotFound, {{"what", Text("工单", "ticket")}});
  return *t;
}

EffectiveRules rules_in_force(Context& c, int64_t store_id) {
  auto& s = c.store<storage::PerformanceStore>();
  if (auto own = s.rule_set(store_id)) return {*own, "store"};
  if (auto chain = s.rule_set(std::nullopt)) return {*chain, "chain"};
  return {{store_id, performance::default_kpi_rules(), performance::default_bonus_rules(), 0, 0}, "default"};
}

EffectiveRules kpi_rules(Context& c, std::optional<int64_t> store_id) {
  require_scope(c.actor, "reports:read");
  if (store_id) {
    require_store(c, *store_id);
    return rules_in_force(c, *store_id);
  }
  if (auto chain = c.store<storage::PerformanceStore>().rule_set(std::nullopt)) return {*chain, "chain"};
  return {{std::nullopt, performance::default_kpi_rules(), performance::default_bonus_rules(), 0, 0}, "default"};
}

EffectiveRules save_kpi_rules(Context& c, std::optional<int64_t> store_id, performance::KpiRules kpi,
                              performance::BonusRules bonus) {
  require_scope(c.actor, "reports:write");
  require_role(c.actor, "supervisor");
  if (store_id)
    require_store(c, *store_id);
  else if (!c.actor.is_admin() && !c.actor.at_least("manager"))
    throw make_error(errors::kForbidden,
                     {{"reason", Text("全连锁规则须由经理设置", "chain-wide rules are a manager's")}});
  storage::KpiRuleSet r{store_id, performance::normalise_kpi_rules(std::move(kpi)),
                        performance::normalise_bonus_rules(std::move(bonus)), c.actor.staff_id, c.now_ms};
  auto before = c.store<storage::PerformanceStore>().rule_set(store_id);
  c.store<storage::PerformanceStore>().save_rule_set(r);
  auto json = [](const storage::KpiRuleSet& x) {
    return nlohmann::json{{"kpi", performance::kpi_rules_json(x.kpi)},
                          {"bonus", performance::bonus_rules_json(x.bonus)}};
  };
  audit(c, "kpi_rules.save", "store", store_id.value_or(0), before ? json(*before) : nlohmann::json(nullptr), json(r));
  return {r, store_id ? "store" : "chain"};
}

}  // namespace kefu::app
