#include "remedies/domain/authority.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::remedy {
namespace {

Proposal refund(int64_t fen) { return {"refund", "", fen, "商品质量问题，全额退款"}; }
Proposal compensation(std::string form, int64_t fen) {
  return {"compensation", std::move(form), fen, "等候过久，赠送补偿"};
}

TEST(ResolutionAuthority, WhoMustApprove) {
  const Limits limits = default_limits();  // agent 200, dept_head 500, supervisor 2000, manager 10000 元
  struct Row {
    const char* requester;
    Proposal resolution;
    const char* approver;  // "" = within the requester's limit
  };
  const Row rows[] = {
      {"agent", refund(19'999), ""},
      {"agent", refund(20'000), ""},  // exactly the limit
      {"agent", refund(20'001), "dept_head"},
      {"agent", refund(50'000), "dept_head"},
      {"agent", refund(50'001), "supervisor"},  // the department head's limit is too small too
      {"agent", compensation("coupon", 150'000), "supervisor"},
      {"agent", compensation("cash", 200'001), "manager"},
      {"agent", compensation("points", 1'000'001), "admin"},  // nobody's limit covers it
      {"dept_head", refund(50'000), ""},
      {"dept_head", refund(60'000), "supervisor"},
      {"supervisor", refund(200'000), ""},
      {"supervisor", refund(200'001), "manager"},
      {"manager", refund(1'000'000), ""},
      {"manager", refund(1'000'001), "admin"},
      {"admin", refund(999'999'999), ""},
      {"agent", {"exchange", "", 0, "换同款新品"}, ""},  // no amount: always within the limit
      {"agent", {"repair", "", 0, "送厂维修"}, ""},
      {"agent", {"apology", "", 0, "当面致歉"}, ""},
      {"agent", {"explanation", "", 0, "已向顾客说明退换货规定"}, ""},
  };
  for (const auto& r : rows) {
    std::string story =
        std::string(r.requester) + " " + r.resolution.kind + " " + std::to_string(r.resolution.amount_cents);
    Decision d = decide(r.resolution, r.requester, limits);
    EXPECT_EQ(d.within_limit, std::string(r.approver).empty()) << story;
    EXPECT_EQ(d.approver_role, r.approver) << story;
    if (!d.within_limit) {
      EXPECT_TRUE(may_approve(d.approver_role, d.approver_role, r.resolution.amount_cents, limits)) << story;
    }
  }
}

TEST(ResolutionAuthority, MissingRolesHaveNoLimit) {
  const Limits limits{{"supervisor", 100'000}};
  EXPECT_EQ(decide(refund(1), "agent", limits), (Decision{false, "supervisor"}));
  EXPECT_EQ(decide(refund(100'001), "agent", limits), (Decision{false, "admin"}));
  EXPECT_EQ(decide(refund(1), "manager", limits), (Decision{false, "admin"}));
  EXPECT_EQ(decide(refund(1), "admin", {}), (Decision{true, ""}));
  EXPECT_EQ(limit_of("agent", limits), 0);
  EXPECT_EQ(limit_of("admin", limits), std::nullopt);
}

TEST(ResolutionAuthority, DecideRefusesBadInput) {
  try {
    decide(refund(100), "intern", default_limits());
    ADD_FAILURE() << "accepted an unknown role";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "invalid_enum");
    EXPECT_EQ(e.field(), "role");
  }
  EXPECT_THROW(decide(refund(0), "agent", default_limits()), Error);
}

TEST(ResolutionAuthority, MayApprove) {
  const Limits limits = default_limits();
  struct Row {
    const char* approver;
    const char* required;
    int64_t amount;
    bool ok;
  };
  const Row rows[] = {
      {"supervisor", "supervisor", 150'000, true},
      {"manager", "supervisor", 150'000, true},  // higher role, within its limit
      {"admin", "supervisor", 150'000, true},
      {"dept_head", "supervisor", 40'000, false},  // ranked too low, even within its own limit
      {"agent", "dept_head", 30'000, false},
      {"supervisor", "supervisor", 200'001, false},  // the amount is over the approver's limit
      {"manager", "manager", 1'000'000, true},
      {"manager", "admin", 1'000'001, false},
      {"admin", "admin", 999'999'999, true},
      {"intern", "supervisor", 1, false},  // unknown roles
      {"admin", "intern", 1, false},
      {"admin", "", 1, false},
  };
  for (const auto& r : rows)
    EXPECT_EQ(may_approve(r.approver, r.required, r.amount, limits), r.ok)
        << r.approver << " for " << r.required << " " << r.amount;
}

TEST(ResolutionAuthority, ValidationNamesTheField) {
  struct Row {
    const char* story;
    Proposal resolution;
    const char* field;  // nullptr: valid
    const char* code;
  };
  const std::string long_text(1001, 'x');
  std::string chinese_1000;
  for (int i = 0; i < 1000; ++i) chinese_1000 += "退";
  const Row rows[] = {
      {"refund", refund(100), nullptr, nullptr},
      {"coupon", compensation("coupon", 500), nullptr, nullptr},
      {"points", compensation("points", 500), nullptr, nullptr},
      {"cash", compensation("cash", 500), nullptr, nullptr},
      {"explanation", {"explanation", "", 0, "已解释"}, nullptr, nullptr},
      {"1000 Chinese characters", {"apology", "", 0, chinese_1000}, nullptr, nullptr},
      {"unknown kind", {"discount", "", 100, "打折"}, "kind", "invalid_enum"},
      {"empty kind", {"", "", 0, "x"}, "kind", "invalid_enum"},
      {"compensation without form", compensation("", 500), "compensation", "required"},
      {"unknown form", compensation("voucher", 500), "compensation", "invalid_enum"},
      {"form on a refund", {"refund", "cash", 500, "x"}, "compensation", "invalid_enum"},
      {"refund of 0", refund(0), "amount_cents", "invalid_amount"},
      {"negative refund", refund(-100), "amount_cents", "invalid_amount"},
      {"compensation of 0", compensation("coupon", 0), "amount_cents", "invalid_amount"},
      {"repair with an amount", {"repair", "", 100, "维修"}, "amount_cents", "invalid_amount"},
      {"apology with a negative amount", {"apology", "", -1, "致歉"}, "amount_cents", "invalid_amount"},
      {"no description", {"refund", "", 100, ""}, "description", "required"},
      {"blank description", {"refund", "", 100, " \t\r\n"}, "description", "required"},
      {"1001 characters", {"refund", "", 100, long_text}, "description", "too_long"},
      {"1001 Chinese characters", {"apology", "", 0, chinese_1000 + "款"}, "description", "too_long"},
      {"ill-formed UTF-8", {"refund", "", 100, "\xFF"}, "description", "invalid_utf8"},
  };
  for (const auto& r : rows) {
    try {
      validate(r.resolution);
      EXPECT_EQ(r.field, nullptr) << r.story << ": accepted";
    } catch (const Error& e) {
      ASSERT_NE(r.field, nullptr) << r.story << ": " << e.what();
      EXPECT_EQ(e.kind(), Error::Kind::invalid_input) << r.story;
      EXPECT_EQ(e.field(), r.field) << r.story;
      EXPECT_EQ(e.code(), r.code) << r.story;
      EXPECT_FALSE(e.message_zh().empty()) << r.story;
    }
  }
}

TEST(ResolutionAuthority, LimitsValidation) {
  struct Row {
    const char* story;
    Limits limits;
    const char* field;  // nullptr: valid
    const char* code;
  };
  const Row rows[] = {
      {"the defaults", default_limits(), nullptr, nullptr},
      {"empty: nobody may grant alone", {}, nullptr, nullptr},
      {"equal limits", {{"agent", 100}, {"dept_head", 100}, {"supervisor", 100}, {"manager", 100}}, nullptr, nullptr},
      {"the maximum", {{"manager", 10'000'000}}, nullptr, nullptr},
      {"unknown role", {{"intern", 100}}, "limits.intern", "invalid_enum"},
      {"admin has no limit", {{"admin", 100}}, "limits.admin", "invalid_enum"},
      {"negative", {{"agent", -1}}, "limits.agent", "invalid_amount"},
      {"above the maximum", {{"manager", 10'000'001}}, "limits.manager", "invalid_amount"},
      {"supervisor below dept_head",
       {{"agent", 100}, {"dept_head", 500}, {"supervisor", 400}, {"manager", 1000}},
       "limits.supervisor",
       "limits_not_monotone"},
      {"a missing higher role counts as 0",
       {{"agent", 100}, {"supervisor", 500}, {"manager", 1000}},
       "limits.dept_head",
       "limits_not_monotone"},
      {"manager missing",
       {{"agent", 100}, {"dept_head", 200}, {"supervisor", 300}},
       "limits.manager",
       "limits_not_monotone"},
  };
  for (const auto& r : rows) {
    try {
      validate_limits(r.limits);
      EXPECT_EQ(r.field, nullptr) << r.story << ": accepted";
    } catch (const Error& e) {
      ASSERT_NE(r.field, nullptr) << r.story << ": " << e.what();
      EXPECT_EQ(e.kind(), Error::Kind::invalid_input) << r.story;
      EXPECT_EQ(e.field(), r.field) << r.story;
      EXPECT_EQ(e.code(), r.code) << r.story;
    }
  }
}

TEST(ResolutionAuthority, DefaultLimitsInFen) {
  EXPECT_EQ(default_limits(),
            (Limits{{"agent", 20'000}, {"dept_head", 50'000}, {"supervisor", 200'000}, {"manager", 1'000'000}}));
}

TEST(ResolutionAuthority, Vocabulary) {
  EXPECT_EQ(kinds().size(), 6u);
  EXPECT_EQ(compensation_forms().size(), 3u);
  const std::pair<const char*, const char*> zh[] = {
      {"refund", "退款"},       {"exchange", "换货"}, {"repair", "维修"},
      {"compensation", "补偿"}, {"apology", "致歉"},  {"explanation", "解释说明"},
      {"coupon", "券"},         {"points", "积分"},   {"cash", "现金"},
  };
  for (auto [code, label] : zh) EXPECT_EQ(name_zh(code), label) << code;
  EXPECT_EQ(name_zh("discount"), "");
  for (const auto& t : kinds()) EXPECT_TRUE(is_kind(t.code)) << t.code;
  for (const auto& t : compensation_forms()) EXPECT_TRUE(is_compensation_form(t.code)) << t.code;
  EXPECT_FALSE(is_kind("coupon"));
  EXPECT_FALSE(is_compensation_form("refund"));
  EXPECT_FALSE(is_kind("Refund"));
}

}  // namespace
}  // namespace kefu::remedy
