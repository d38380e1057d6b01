#pragma once
// Editing the automatic quality rules (自动质检规则) and reading their hits.
//
// Who: anyone reads the rules in force in their stores; a store's supervisor (and above)
// saves rules of a store they serve; only an admin saves chain-wide rules (store_id 0).
// Hits: supervisors and above see the hits of their stores; an agent sees their own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "quality/domain/auto_rules.hpp"
#include "quality/storage/auto_hit_store.hpp"

namespace kefu::app {

struct AutoRuleSet {
  std::vector<quality::AutoRule> saved;     // the chain's and the store's saved rules
  std::vector<quality::AutoRule> in_force;  // what applies in the store (defaults included)
};
// store_id 0: the chain's (the defaults and chain-wide saved rules).
AutoRuleSet auto_rules(Context&, int64_t store_id);

quality::AutoRule create_auto_rule(Context&, quality::AutoRule);
quality::AutoRule update_auto_rule(Context&, int64_t id, quality::AutoRule, int version);
void delete_auto_rule(Context&, int64_t id);

// A rule tried on a text, as the editor shows it: the findings for a first reply `delay_s`
// seconds after assignment (promises and the other timed kinds: whether a phrase is found).
struct AutoTry {
  bool hit = false;
  std::string detail;
};
AutoTry try_auto_rule(Context&, const quality::AutoRule&, const std::string& text, bool first, int64_t delay_s);

struct AutoHitFilter {
  std::optional<int64_t> store_id;
  std::optional<int64_t> staff_id;
  std::string rule_code;
  std::optional<bool> red_line;
  std::string subject_kind;
  std::optional<int64_t> subject_id;
  int64_t from = 0, to = 0;
  std::optional<int64_t> before_id;
  int limit = 50;
};
std::vector<storage::QaAutoHit> auto_hits(Context&, const AutoHitFilter&);
// Hits per rule and staff member in [from, to) (supervisor+), for the QA report.
std::vector<storage::QaAutoHitCount> auto_hit_counts(Context&, std::optional<int64_t> store_id, int64_t from,
                                                     int64_t to);

}  // namespace kefu::app
