#pragma once
// The value of a customer (members/domain/value.hpp) read from the member's history: the
// purchases of every store of the chain, the complaints still open and the ratings given.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "members/domain/member.hpp"
#include "members/domain/value.hpp"

namespace kefu::app {

struct MemberValue {
  people::Value value;
  people::Risk risk;
  people::ValuePrior prior;
  bool store_prior = false;  // the prior is the home store's averages (else the defaults)
};

// A store's averages over its members' purchases of the last 365 days, once at least
// kMinPriorMembers members bought there; else people::default_prior().
inline constexpr int kMinPriorMembers = 20;
people::ValuePrior store_prior(Context&, int64_t store_id, bool* from_store = nullptr);

// The value and the risk of a member; no scope check (the SLA, the report and the member
// page call it after their own). exclude_open_complaint: the ticket being matched is one
// of the member's open complaints and does not count (a complaint does not make its own
// member "at risk").
MemberValue value_of_member(Context&, const people::Member&, bool exclude_open_complaint = false);

// The same from purchase days already read (MemberHistoryStore::purchase_days).
MemberValue value_of_member(Context&, const people::Member&, const std::vector<people::PurchaseDay>& days);

// GET /members/{id}/value: the member in the caller's reach (members:read), else not_found.
MemberValue member_value(Context&, int64_t member_id);

struct AtRiskMember {
  people::Member member;
  MemberValue value;
};
struct ValueAtRiskReport {
  int64_t members_checked = 0;
  int64_t total_fen = 0;
  std::vector<AtRiskMember> members;                 // amount at risk, largest first
  std::vector<std::pair<std::string, int>> reasons;  // reason code, members; most first
};

// GET /reports/value-at-risk: the members at risk among those whose home store is one of
// the caller's stores (store_id narrows; another store is not_found).
ValueAtRiskReport value_at_risk_report(Context&, std::optional<int64_t> store_id, int limit = 100);

}  // namespace kefu::app
