#include "members/app/member_points.hpp"

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "members/app/member_support.hpp"
#include "members/app/members.hpp"
#include "members/app/points.hpp"
#include "members/domain/errors.hpp"
#include "members/domain/points_expiry.hpp"
#include "members/storage/member_rules_store.hpp"
#include "members/storage/points_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

people::PointsEntry append(Context& c, people::PointsEntry e) {
  e.staff_id = std::max<int64_t>(c.actor.staff_id, 0);
  e.created_at = c.now_ms;
  auto id = record_points(c, e);
  e.id = id.value_or(0);
  return e;
}

void require_balance(Context& c, int64_t member_id, int64_t needed) {
  const auto balance = points_balance(c, member_id);
  if (balance < needed) throw make_error(errors::kPointsInsufficient, {{"balance", balance}, {"needed", needed}});
}

Error out_of_range(const char* field, const std::string& range) {
  return make_error(errors::kInvalidField,
                    {{"field", field}, {"problem", Text("应在 " + range + " 之间", "must be within " + range)}}, field);
}

nlohmann::json rewards_json(const std::vector<people::Reward>& rewards) {
  auto j = nlohmann::json::array();
  for (const auto& r : rewards) j.push_back({{"code", r.code}, {"points", r.points}, {"active", r.active}});
  return j;
}

}  // namespace

PointsPage member_points(Context& c, int64_t member_id, std::optional<int64_t> before_id, int limit) {
  const auto m = get_member(c, member_id);
  limit = std::clamp(limit, 1, 200);
  PointsPage out;
  out.balance = points_balance(c, m.id);
  out.entries = c.store<storage::PointsStore>().entries(m.id, before_id, limit + 1);
  if (static_cast<int>(out.entries.size()) > limit) {
    out.entries.resize(limit);
    out.next_before = out.entries.back().id;
  }
  return out;
}

people::PointsEntry adjust_member_points(Context& c, int64_t member_id, int64_t points, const std::string& reason) {
  require_scope(c.actor, "members:write");
  require_role(c.actor, "supervisor");
  check_text("reason", reason, 200, true);
  if (points == 0 || points > kMaxPointsAdjustment || points < -kMaxPointsAdjustment)
    throw out_of_range("points", "±1–1000000");
  const auto m = member_for_change(c, member_id);
  if (points < 0) require_balance(c, m.id, -points);
  auto e = append(c, {.member_id = m.id, .kind = "adjust", .points = points, .reason = reason});
  const nlohmann::json what{{"points", points}, {"reason", reason}, {"entry_id", e.id}};
  audit(c, "member.points_adjust", "member", m.id, nullptr, what);
  note_member_event(c, m.id, "points_adjusted", what);
  return e;
}

std::vector<people::Reward> points_rewards(Context& c) {
  require_scope(c.actor, "members:read");
  auto stored = c.store<storage::MemberRulesStore>().rewards();
  return stored.empty() ? people::default_rewards() : stored;
}

std::vector<people::Reward> put_points_rewards(Context& c, const std::vector<people::Reward>& rewards) {
  require_scope(c.actor, "members:write");
  require_role(c.actor, "admin");
  std::vector<std::string> codes;
  for (const auto& r : rewards) {
    check_text("code", r.code, 32, true);
    check_text("name", r.name, 40, true);
    check_text("name_en", r.name_en, 60, false);
    if (r.points <= 0 || r.points > kMaxPointsAdjustment) throw out_of_range("points", "1–1000000");
    if (std::find(codes.begin(), codes.end(), r.code) != codes.end())
      throw make_error(errors::kDuplicate, {{"what", r.code}}, "code");
    codes.push_back(r.code);
  }
  const auto before = points_rewards(c);
  std::optional<int64_t> by;
  if (c.actor.staff_id > 0) by = c.actor.staff_id;
  c.store<storage::MemberRulesStore>().put_rewards(rewards, c.now_ms, by);
  audit(c, "member.points_rewards", "points_rewards", 0, rewards_json(before), rewards_json(rewards));
  return points_rewards(c);
}

Redemption redeem_member_points(Context& c, int64_t member_id, const std::string& code, int quantity) {
  require_scope(c.actor, "members:write");
  if (quantity < 1 || quantity > 20) throw out_of_range("quantity", "1–20");
  const auto m = member_for_change(c, member_id);
  const auto catalogue = points_rewards(c);
  auto it = std::find_if(catalogue.begin(), catalogue.end(), [&](auto& r) { return r.code == code && r.active; });
  if (it == catalogue.end())
    throw make_error(errors::kUnknownReference, {{"what", Text("兑换项目", "reward")}}, "reward");
  const int64_t cost = it->points * quantity;
  require_balance(c, m.id, cost);
  Redemption out{.reward = *it, .quantity = quantity};
  out.entry = append(c, {.member_id = m.id,
                         .kind = "redeem",
                         .points = -cost,
                         .reason = it->name + (quantity > 1 ? " ×" + std::to_string(quantity) : "")});
  out.balance = points_balance(c, m.id);
  const nlohmann::json what{{"reward", code}, {"quantity", quantity}, {"points", -cost}, {"entry_id", out.entry.id}};
  audit(c, "member.points_redeem", "member", m.id, nullptr, what);
  note_member_event(c, m.id, "points_redeemed", what);
  return out;
}

int64_t expire_member_points(Context& c, int64_t member_id, int year, int life_months) {
  std::vector<people::PointsMove> ledger;
  auto& store = c.store<storage::PointsStore>();
  std::optional<int64_t> before;
  for (;;) {
    auto page = store.entries(member_id, before, 500);
    for (const auto& e : page) {
      if (e.ref == people::points_expiry_ref(year, member_id)) return 0;  // written before
      ledger.push_back({e.created_at, e.points});
    }
    if (page.size() < 500) break;
    before = page.back().id;
  }
  const int64_t lapsing = people::points_expiring(ledger, year, life_months);
  if (lapsing <= 0) return 0;
  people::PointsEntry e{.member_id = member_id,
                        .kind = "expire",
                        .points = -lapsing,
                        .reason = std::to_string(year) + " 年底积分到期",
                        .ref = people::points_expiry_ref(year, member_id),
                        .staff_id = 0,
                        .created_at = people::points_expiry_due(year)};
  if (!record_points(c, e)) return 0;
  note_member_event(c, member_id, "points_expired", {{"year", year}, {"points", -lapsing}});
  return lapsing;
}

}  // namespace kefu::app
