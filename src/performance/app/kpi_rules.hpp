#pragma once
// The KPI weights and targets and the service-bonus rules a manager sets: per store, or
// chain-wide; the store's own rules win, then the chain's, then the defaults in code
// (performance/domain: kpi.hpp, bonus.hpp), which apply while nothing is saved.
#include <cstdint>
#include <optional>
#include <string>

#include "core/app/context.hpp"
#include "performance/storage/performance_store.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

struct EffectiveRules {
  storage::KpiRuleSet rules;
  std::string source;  // "store", "chain" or "default"
};

// The rules in force for a store (no store: the chain's). Supervisor+ with reports:read;
// agents read them too (they see how they are scored). 404 for a store outside the caller's.
EffectiveRules kpi_rules(Context&, std::optional<int64_t> store_id);

// What kpi_rules reads, without the caller's checks (the KPI sheet's).
EffectiveRules rules_in_force(Context&, int64_t store_id);

// Saves a store's rules (supervisor+ of that store) or the chain's (no store: manager+ and
// every store, i.e. admins or managers serving all). reports:write. Validated by
// normalise_kpi_rules / normalise_bonus_rules (400 invalid_field). Audit "kpi_rules.save".
EffectiveRules save_kpi_rules(Context&, std::optional<int64_t> store_id, performance::KpiRules,
                              performance::BonusRules);

// 404 not_found unless the store exists and the caller serves it.
void require_store(Context&, int64_t store_id);

// A ticket of the caller's stores (404 otherwise), read without the tickets:read scope: the
// performance routes ask for their own scopes (reports, quality).
ticket::Ticket ticket_in_store(Context&, int64_t ticket_id);

}  // namespace kefu::app
