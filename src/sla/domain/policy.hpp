#pragma once
// SLA policies (服务时限策略): which targets a ticket gets. An admin orders the policies;
// the first one (lowest position) whose conditions all hold applies, at creation and
// again whenever a field a condition reads changes (see clock_rules.hpp, retarget).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "members/domain/member.hpp"
#include "members/domain/member_vocabulary.hpp"
#include "org/domain/org.hpp"
#include "sla/domain/target.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::sla {

// Each condition is optional: absent = no constraint. A present condition is a
// non-empty set of accepted values and holds when the ticket's value is in it.
struct Conditions {
  std::optional<std::vector<std::string>> types;       // ticket type codes (vocabulary.hpp)
  std::optional<std::vector<std::string>> priorities;  // P1..P4
  std::optional<std::vector<std::string>> channels;
  std::optional<std::vector<int64_t>> store_ids;
  // The ticket's member has one of these tiers; a ticket without a member fails it.
  std::optional<std::vector<std::string>> member_tiers;
  // The ticket's member carries at least one of these special-care flags (elderly,
  // disabled, pregnant); list all three for "any care flag".
  std::optional<std::vector<std::string>> care_flags;
  // The value of the ticket's member (members/domain/value.hpp): a customer lifetime value
  // of at least this many fen, and/or being (true) or not being (false) at risk — the
  // ticket itself not counted as an open complaint. A ticket without a member fails both.
  std::optional<int64_t> min_member_value_fen;
  std::optional<bool> member_at_risk;
};

struct Policy {
  int64_t id = 0;
  std::string name;  // e.g. "P1 安全/食品/媒体"
  int position = 0;  // lower is tried first
  Conditions conditions;
  Targets targets;  // a metric without a target gets no clock under this policy
};

// The few ticket fields the conditions read.
struct TicketFacts {
  std::string type;
  std::string priority;
  std::string channel;
  int64_t store_id = 0;
  std::optional<std::string> member_tier;  // empty when the ticket has no member
  std::vector<std::string> care_flags;
  int64_t member_value_fen = 0;
  bool member_at_risk = false;
};

// What the app computed of the member's value when the ticket is created or re-matched.
struct MemberStanding {
  int64_t clv_fen = 0;
  bool at_risk = false;
};

// Facts of a ticket and its member (nullptr when it has none) and the member's standing
// (nullptr: not computed — no policy asks for it — or no member).
TicketFacts facts_of(const ticket::Ticket& ticket, const people::Member* member,
                     const MemberStanding* standing = nullptr);

// Whether any policy reads the member's standing (so that the app computes it only then).
bool needs_member_standing(const std::vector<Policy>& policies);

// Whether every present condition holds.
bool matches(const Conditions& conditions, const TicketFacts& facts);

// The policy that applies: the matching one with the lowest position, ties broken by the
// lower id (so the answer does not depend on the vector's order); nullptr when none
// matches (the ticket then has no SLA clocks). The pointer points into `policies`.
const Policy* match_policy(const std::vector<Policy>& policies, const TicketFacts& facts);

using people::is_care_flag;  // the member vocabularies, members/domain/member_vocabulary.hpp
using people::is_member_tier;

// Throws kefu::Error (invalid_input) naming the field, with code:
//   required / invalid_utf8 / too_long   name (1..100 characters);
//   empty_condition                      a present condition with no values
//                                        ("conditions.types");
//   invalid_enum                         an unknown type, priority, channel, tier or
//                                        care flag ("conditions.channels[2]");
//   invalid_field                        a store id <= 0 ("conditions.store_ids[0]"),
//                                        a negative min_member_value_fen;
//   invalid_target                       minutes outside 1..kMaxTargetMinutes
//                                        ("targets.resolution.minutes").
void validate(const Policy& policy);

// validate() on each (fields prefixed "policies[i]."), then: code duplicate_id when two
// policies share a non-zero id, duplicate_position when two share a position.
void validate_policies(const std::vector<Policy>& policies);

}  // namespace kefu::sla
