#include "returns/domain/policy.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "core/domain/error.hpp"

namespace kefu::returns {
namespace {

TEST(ReturnsPolicy, TheDefaultsAreValidAndInTheirOrder) {
  Policy p = default_policy();
  EXPECT_NO_THROW(validate(p));
  std::vector<std::string> ids;
  for (const auto& r : p.rules) ids.push_back(r.id);
  EXPECT_EQ(
      ids, (std::vector<std::string>{"no_receipt", "quality_return_7", "quality_exchange_15", "quality_repair_warranty",
                                     "quality_other", "excluded_categories", "opened_food", "clearance_final",
                                     "not_resaleable", "platinum_30", "gold_15", "no_reason_7", "after_window"}));
}

TEST(ReturnsPolicy, ValidationNamesTheField) {
  struct Row {
    const char* story;
    std::function<void(Policy&)> edit;
    const char* field;  // nullptr: valid
    const char* code;
  };
  const Row rows[] = {
      {"unchanged", [](Policy&) {}, nullptr, nullptr},
      {"empty policy", [](Policy& p) { p.rules.clear(); }, nullptr, nullptr},
      {"no id", [](Policy& p) { p.rules[1].id = ""; }, "rules[1].id", "required"},
      {"id with capitals", [](Policy& p) { p.rules[1].id = "Gold"; }, "rules[1].id", "invalid_field"},
      {"duplicate id", [](Policy& p) { p.rules[2].id = p.rules[1].id; }, "rules[2].id", "invalid_field"},
      {"blank name", [](Policy& p) { p.rules[0].name = " "; }, "rules[0].name", "required"},
      {"long name", [](Policy& p) { p.rules[0].name = std::string(61, 'x'); }, "rules[0].name", "too_long"},
      {"unknown category", [](Policy& p) { p.rules[3].scope.categories = {"hats"}; }, "rules[3].scope.categories",
       "invalid_enum"},
      {"unknown tier", [](Policy& p) { p.rules[3].scope.tiers = {"vip"}; }, "rules[3].scope.tiers", "invalid_enum"},
      {"store 0", [](Policy& p) { p.rules[3].scope.store_ids = {0}; }, "rules[3].scope.store_ids", "invalid_field"},
      {"unknown condition", [](Policy& p) { p.rules[4].match.conditions = {"new"}; }, "rules[4].match.conditions",
       "invalid_enum"},
      {"unknown promotion", [](Policy& p) { p.rules[4].match.promotions = {"bogo"}; }, "rules[4].match.promotions",
       "invalid_enum"},
      {"negative days", [](Policy& p) { p.rules[4].match.max_days = -1; }, "rules[4].match.max_days", "invalid_field"},
      {"3651 days", [](Policy& p) { p.rules[4].match.max_days = 3651; }, "rules[4].match.max_days", "invalid_field"},
      {"3650 days", [](Policy& p) { p.rules[4].match.max_days = 3650; }, nullptr, nullptr},
      {"unknown decision", [](Policy& p) { p.rules[5].outcome.decision = "maybe"; }, "rules[5].outcome.decision",
       "invalid_enum"},
      {"refusal with a refund", [](Policy& p) { p.rules[5].outcome.remedy = "refund"; }, "rules[5].outcome.remedy",
       "invalid_field"},
      {"approval without a remedy", [](Policy& p) { p.rules[1].outcome.remedy = "none"; }, "rules[1].outcome.remedy",
       "invalid_field"},
      {"no words for the customer", [](Policy& p) { p.rules[1].outcome.customer.zh = ""; },
       "rules[1].outcome.customer.zh", "required"},
      {"no English words is fine", [](Policy& p) { p.rules[1].outcome.customer.en = ""; }, nullptr, nullptr},
      {"bad UTF-8", [](Policy& p) { p.rules[1].outcome.agent.zh = "\xFF"; }, "rules[1].outcome.agent.zh",
       "invalid_utf8"},
      {"101 rules", [](Policy& p) { p.rules.resize(101, p.rules[0]); }, "rules", "invalid_field"},
  };
  for (const auto& r : rows) {
    Policy p = default_policy();
    r.edit(p);
    try {
      validate(p);
      EXPECT_EQ(r.field, nullptr) << r.story << ": accepted";
    } catch (const Error& e) {
      ASSERT_NE(r.field, nullptr) << r.story << ": " << e.what();
      EXPECT_EQ(e.field(), r.field) << r.story;
      EXPECT_EQ(e.code(), r.code) << r.story;
    }
  }
}

}  // namespace
}  // namespace kefu::returns
