#include "sla/domain/policy.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "core/domain/error.hpp"

namespace kefu::sla {
namespace {

Target biz(int64_t minutes) { return {minutes, TimeMode::business}; }
Target cal(int64_t minutes) { return {minutes, TimeMode::calendar}; }

// The admin's list, deliberately not in position order.
std::vector<Policy> policies() {
  std::vector<Policy> ps(6);
  ps[0] = {6, "默认", 99, {}, {biz(240), biz(72 * 60), biz(48 * 60)}};
  ps[1] = {1, "P1 安全/食品/媒体", 1, {.priorities = {{"P1"}}}, {cal(15), cal(4 * 60), cal(24 * 60)}};
  ps[2] = {3,
           "金卡铂金卡投诉",
           3,
           {.types = {{"complaint"}}, .member_tiers = {{"gold", "platinum"}}},
           {biz(30), biz(8 * 60), biz(24 * 60)}};
  ps[3] = {2, "特殊关爱", 2, {.care_flags = {{"elderly", "disabled", "pregnant"}}}, {biz(10), biz(4 * 60), {}}};
  ps[4] = {4,
           "二号店热线咨询",
           4,
           {.types = {{"inquiry"}}, .channels = {{"hotline"}}, .store_ids = {{2}}},
           {biz(5), biz(60), {}}};
  ps[5] = {5, "表扬", 5, {.types = {{"praise"}}}, {}};
  return ps;
}

TicketFacts facts(std::string type, std::string priority, std::string channel, int64_t store,
                  std::optional<std::string> tier = std::nullopt, std::vector<std::string> care = {}) {
  return {std::move(type), std::move(priority), std::move(channel), store, std::move(tier), std::move(care)};
}

TEST(SlaPolicy, FirstMatchingPolicyByPositionWins) {
  struct Row {
    const char* story;
    TicketFacts facts;
    const char* policy;
  };
  const Row rows[] = {
      {"P1 beats everything, even a gold member's complaint", facts("complaint", "P1", "service_desk", 1, "gold"),
       "P1 安全/食品/媒体"},
      {"care flag (position 2) beats the gold complaint (3)",
       facts("complaint", "P3", "hotline", 1, "gold", {"pregnant"}), "特殊关爱"},
      {"gold complaint", facts("complaint", "P3", "app", 1, "gold"), "金卡铂金卡投诉"},
      {"platinum complaint", facts("complaint", "P2", "app", 1, "platinum"), "金卡铂金卡投诉"},
      {"silver complaint falls through to the default", facts("complaint", "P3", "app", 1, "silver"), "默认"},
      {"no member: a tier condition fails", facts("complaint", "P3", "app", 1), "默认"},
      {"a member without care flags", facts("inquiry", "P4", "app", 1, "normal"), "默认"},
      {"all conditions of store 2's hotline hold", facts("inquiry", "P4", "hotline", 2), "二号店热线咨询"},
      {"store 1's hotline: the store condition fails", facts("inquiry", "P4", "hotline", 1), "默认"},
      {"store 2 but the floor desk: the channel fails", facts("inquiry", "P4", "floor_desk", 2), "默认"},
      {"praise: a policy without targets", facts("praise", "P4", "comment_box", 1), "表扬"},
  };
  auto ps = policies();
  for (const auto& r : rows) {
    const Policy* p = match_policy(ps, r.facts);
    ASSERT_NE(p, nullptr) << r.story;
    EXPECT_EQ(p->name, r.policy) << r.story;
  }
}

TEST(SlaPolicy, NoMatchTiesAndTargets) {
  auto ps = policies();
  ps.erase(ps.begin());  // no default
  EXPECT_EQ(match_policy(ps, facts("suggestion", "P4", "app", 1)), nullptr);
  EXPECT_EQ(match_policy({}, facts("suggestion", "P4", "app", 1)), nullptr);

  // Same position: the lower id, whatever the order in the vector.
  std::vector<Policy> tie{{8, "b", 1, {}, {}}, {7, "a", 1, {}, {}}};
  EXPECT_EQ(match_policy(tie, facts("inquiry", "P4", "app", 1))->name, "a");

  const Policy* p1 = match_policy(policies(), facts("lost_found", "P1", "app", 1));
  EXPECT_EQ(p1->targets.first_response, cal(15));
  EXPECT_EQ(p1->targets[Metric::resolution], cal(240));
  const Policy* care = match_policy(policies(), facts("inquiry", "P4", "app", 1, "normal", {"elderly"}));
  EXPECT_FALSE(care->targets.callback);
}

TEST(SlaPolicy, FactsOfATicketAndItsMember) {
  ticket::Ticket t;
  t.type = "complaint";
  t.priority = "P2";
  t.channel = "hotline";
  t.store_id = 3;
  people::Member m;
  m.tier = "gold";
  m.care_flags = {"elderly"};
  auto f = facts_of(t, &m);
  EXPECT_EQ(f.type, "complaint");
  EXPECT_EQ(f.priority, "P2");
  EXPECT_EQ(f.channel, "hotline");
  EXPECT_EQ(f.store_id, 3);
  EXPECT_EQ(f.member_tier, "gold");
  EXPECT_EQ(f.care_flags, std::vector<std::string>{"elderly"});
  auto anonymous = facts_of(t, nullptr);
  EXPECT_FALSE(anonymous.member_tier);
  EXPECT_TRUE(anonymous.care_flags.empty());
}

TEST(SlaPolicy, TheMembersValue) {
  // A high-value member's complaint (CLV ≥ ¥50,000) gets the tighter promise; an at-risk
  // member's any contact the next one; the rest the default.
  std::vector<Policy> ps(3);
  ps[0] = {1,
           "高价值会员投诉",
           1,
           {.types = {{"complaint"}}, .min_member_value_fen = 5'000'000},
           {biz(15), biz(4 * 60), {}}};
  ps[1] = {2, "流失风险会员", 2, {.member_at_risk = true}, {biz(30), biz(8 * 60), {}}};
  ps[2] = {3, "默认", 99, {}, {biz(240), biz(72 * 60), {}}};
  auto with = [](std::string type, int64_t clv, bool at_risk, bool member = true) {
    TicketFacts f =
        facts(std::move(type), "P3", "service_desk", 1, member ? std::optional<std::string>("normal") : std::nullopt);
    f.member_value_fen = clv;
    f.member_at_risk = at_risk;
    return f;
  };
  struct Row {
    const char* story;
    TicketFacts facts;
    const char* policy;
  };
  const Row rows[] = {
      {"complaint of a member worth exactly ¥50,000", with("complaint", 5'000'000, false), "高价值会员投诉"},
      {"complaint of a member worth ¥49,999.99", with("complaint", 4'999'999, false), "默认"},
      {"an inquiry of a high-value member", with("inquiry", 9'000'000, false), "默认"},
      {"an at-risk member's inquiry", with("inquiry", 100, true), "流失风险会员"},
      {"no member: both fail", with("complaint", 9'000'000, true, false), "默认"},
  };
  for (const auto& r : rows) EXPECT_EQ(match_policy(ps, r.facts)->name, r.policy) << r.story;
  EXPECT_TRUE(needs_member_standing(ps));
  EXPECT_FALSE(needs_member_standing(policies()));

  ticket::Ticket t;
  people::Member m;
  const MemberStanding standing{7'000'000, true};
  auto f = facts_of(t, &m, &standing);
  EXPECT_EQ(f.member_value_fen, 7'000'000);
  EXPECT_TRUE(f.member_at_risk);
  EXPECT_EQ(facts_of(t, nullptr, &standing).member_value_fen, 0);

  Policy negative{0, "x", 1, {.min_member_value_fen = -1}, {}};
  try {
    validate(negative);
    ADD_FAILURE() << "a negative value passed";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "conditions.min_member_value_fen");
  }
}

TEST(SlaPolicy, ValidationNamesTheFieldAndCode) {
  struct Row {
    const char* story;
    std::function<void(Policy&)> change;
    const char* code;  // nullptr: accepted
    const char* field;
  };
  const Row rows[] = {
      {"a good policy", [](Policy&) {}, nullptr, ""},
      {"no targets at all is allowed", [](Policy& p) { p.targets = {}; }, nullptr, ""},
      {"blank name", [](Policy& p) { p.name = "  "; }, "required", "name"},
      {"name too long", [](Policy& p) { p.name = std::string(101, 'a'); }, "too_long", "name"},
      {"100 Chinese characters are fine",
       [](Policy& p) {
         p.name.clear();
         for (int i = 0; i < 100; ++i) p.name += "策";
       },
       nullptr, ""},
      {"bad UTF-8", [](Policy& p) { p.name = "\xff"; }, "invalid_utf8", "name"},
      {"empty type set", [](Policy& p) { p.conditions.types = std::vector<std::string>{}; }, "empty_condition",
       "conditions.types"},
      {"unknown type",
       [](Policy& p) {
         p.conditions.types = {{"complaint", "rant"}};
       },
       "invalid_enum", "conditions.types[1]"},
      {"unknown priority", [](Policy& p) { p.conditions.priorities = {{"P5"}}; }, "invalid_enum",
       "conditions.priorities[0]"},
      {"unknown channel", [](Policy& p) { p.conditions.channels = {{"fax"}}; }, "invalid_enum",
       "conditions.channels[0]"},
      {"unknown tier", [](Policy& p) { p.conditions.member_tiers = {{"diamond"}}; }, "invalid_enum",
       "conditions.member_tiers[0]"},
      {"unknown care flag", [](Policy& p) { p.conditions.care_flags = {{"vip"}}; }, "invalid_enum",
       "conditions.care_flags[0]"},
      {"empty store set", [](Policy& p) { p.conditions.store_ids = std::vector<int64_t>{}; }, "empty_condition",
       "conditions.store_ids"},
      {"store id 0",
       [](Policy& p) {
         p.conditions.store_ids = {{1, 0}};
       },
       "invalid_field", "conditions.store_ids[1]"},
      {"zero minutes", [](Policy& p) { p.targets.first_response = biz(0); }, "invalid_target",
       "targets.first_response.minutes"},
      {"negative minutes", [](Policy& p) { p.targets.callback = cal(-5); }, "invalid_target",
       "targets.callback.minutes"},
      {"over a year", [](Policy& p) { p.targets.resolution = biz(kMaxTargetMinutes + 1); }, "invalid_target",
       "targets.resolution.minutes"},
      {"exactly a year", [](Policy& p) { p.targets.resolution = biz(kMaxTargetMinutes); }, nullptr, ""},
  };
  for (const auto& r : rows) {
    Policy p = policies()[2];
    r.change(p);
    if (!r.code) {
      EXPECT_NO_THROW(validate(p)) << r.story;
      continue;
    }
    try {
      validate(p);
      ADD_FAILURE() << r.story << ": accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::invalid_input) << r.story;
      EXPECT_EQ(e.code(), r.code) << r.story;
      EXPECT_EQ(e.field(), r.field) << r.story;
    }
  }
}

TEST(SlaPolicy, ValidatingTheWholeList) {
  EXPECT_NO_THROW(validate_policies(policies()));
  auto code_and_field = [](const std::vector<Policy>& ps) {
    try {
      validate_policies(ps);
    } catch (const Error& e) {
      return e.code() + " " + e.field();
    }
    return std::string("accepted");
  };
  auto ps = policies();
  ps[3].id = 1;
  EXPECT_EQ(code_and_field(ps), "duplicate_id policies[3].id");
  ps = policies();
  ps[4].position = 99;
  EXPECT_EQ(code_and_field(ps), "duplicate_position policies[4].position");
  ps = policies();
  ps[5].name = "";
  EXPECT_EQ(code_and_field(ps), "required policies[5].name");
  ps = policies();
  ps[0].id = ps[1].id = 0;  // not yet stored: ids 0 may repeat
  ps[1].position = 0;
  EXPECT_EQ(code_and_field(ps), "accepted");
}

}  // namespace
}  // namespace kefu::sla
