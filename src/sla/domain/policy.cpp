#include "sla/domain/policy.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "sla/domain/errors.hpp"
#include "tickets/domain/vocabulary.hpp"

namespace kefu::sla {
namespace {

constexpr std::size_t kNameMax = 100;

template <typename T>
bool in(const std::optional<std::vector<T>>& set, const T& value) {
  return !set || std::find(set->begin(), set->end(), value) != set->end();
}

using Known = bool (*)(std::string_view);

void check_set(const std::string& prefix, const char* key, const std::optional<std::vector<std::string>>& set,
               Known known) {
  if (!set) return;
  std::string field = prefix + "conditions." + key;
  if (set->empty()) throw make_error(errors::kEmptyCondition, {{"field", field}}, field);
  for (std::size_t i = 0; i < set->size(); ++i) {
    const auto& v = (*set)[i];
    if (known(v)) continue;
    std::string f = field + "[" + std::to_string(i) + "]";
    throw make_error(errors::kInvalidEnum, {{"field", f}, {"value", v}}, f);
  }
}

void check_name(const std::string& field, const std::string& name) {
  if (!text::is_valid_utf8(name)) throw make_error(errors::kInvalidUtf8, {{"what", field}}, field);
  if (name.find_first_not_of(" \t\r\n") == std::string::npos)
    throw make_error(errors::kRequired, {{"what", field}}, field);
  if (text::utf8_length(name) > kNameMax)
    throw make_error(errors::kTooLong, {{"what", field}, {"max", kNameMax}}, field);
}

void validate_at(const Policy& p, const std::string& prefix) {
  check_name(prefix + "name", p.name);
  const auto& c = p.conditions;
  check_set(prefix, "types", c.types, ticket::is_type);
  check_set(prefix, "priorities", c.priorities, ticket::is_priority);
  check_set(prefix, "channels", c.channels, ticket::is_channel);
  check_set(prefix, "member_tiers", c.member_tiers, is_member_tier);
  check_set(prefix, "care_flags", c.care_flags, is_care_flag);
  if (c.store_ids) {
    std::string field = prefix + "conditions.store_ids";
    if (c.store_ids->empty()) throw make_error(errors::kEmptyCondition, {{"field", field}}, field);
    for (std::size_t i = 0; i < c.store_ids->size(); ++i)
      if ((*c.store_ids)[i] <= 0) {
        std::string f = field + "[" + std::to_string(i) + "]";
        throw make_error(errors::kInvalidField,
                         {{"field", f}, {"problem", Text("不是有效的门店编号", "not a valid store id")}}, f);
      }
  }
  if (c.min_member_value_fen && *c.min_member_value_fen < 0) {
    std::string f = prefix + "conditions.min_member_value_fen";
    throw make_error(errors::kInvalidField, {{"field", f}, {"problem", Text("不能为负数", "must not be negative")}}, f);
  }
  for (Metric m : kMetrics)
    if (const auto& t = p.targets[m]) check_target(*t, prefix + "targets." + std::string(name(m)) + ".minutes");
}

}  // namespace

TicketFacts facts_of(const ticket::Ticket& t, const people::Member* member, const MemberStanding* standing) {
  TicketFacts f{std::string(t.type.code()),
                std::string(t.priority.code()),
                std::string(t.channel.code()),
                t.store_id,
                std::nullopt,
                {}};
  if (member) {
    f.member_tier = member->tier;
    f.care_flags = member->care_flags;
    if (standing) {
      f.member_value_fen = standing->clv_fen;
      f.member_at_risk = standing->at_risk;
    }
  }
  return f;
}

bool needs_member_standing(const std::vector<Policy>& policies) {
  return std::any_of(policies.begin(), policies.end(), [](const Policy& p) {
    return p.conditions.min_member_value_fen.has_value() || p.conditions.member_at_risk.has_value();
  });
}

bool matches(const Conditions& c, const TicketFacts& f) {
  if (!in(c.types, f.type) || !in(c.priorities, f.priority) || !in(c.channels, f.channel)) return false;
  if (!in(c.store_ids, f.store_id)) return false;
  if (c.member_tiers && (!f.member_tier || !in(c.member_tiers, *f.member_tier))) return false;
  if (c.care_flags && std::none_of(f.care_flags.begin(), f.care_flags.end(),
                                   [&](const std::string& flag) { return in(c.care_flags, flag); }))
    return false;
  if (c.min_member_value_fen && (!f.member_tier || f.member_value_fen < *c.min_member_value_fen)) return false;
  if (c.member_at_risk && (!f.member_tier || f.member_at_risk != *c.member_at_risk)) return false;
  return true;
}

const Policy* match_policy(const std::vector<Policy>& policies, const TicketFacts& facts) {
  const Policy* best = nullptr;
  for (const auto& p : policies) {
    if (best && (p.position > best->position || (p.position == best->position && p.id >= best->id))) continue;
    if (matches(p.conditions, facts)) best = &p;
  }
  return best;
}

void validate(const Policy& policy) { validate_at(policy, ""); }

void validate_policies(const std::vector<Policy>& policies) {
  std::set<int64_t> ids;
  std::set<int> positions;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    const auto& p = policies[i];
    std::string prefix = "policies[" + std::to_string(i) + "].";
    validate_at(p, prefix);
    if (p.id != 0 && !ids.insert(p.id).second) throw make_error(errors::kDuplicateId, {{"id", p.id}}, prefix + "id");
    if (!positions.insert(p.position).second)
      throw make_error(errors::kDuplicatePosition,
                       {{"position", p.position}, {"other", Text("另一个策略", "another policy")}},
                       prefix + "position");
  }
}

}  // namespace kefu::sla
