#include "demo/texts.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace kefu::demo::detail {
namespace {

// The slots tickets.cpp fills; {pos} only when the scenario has a purchase.
const std::set<std::string> kSlots = {
    "store",   "hotline",        "category", "brand",    "product", "spec",    "colour", "zone",      "restaurant",
    "dept",    "goods_location", "price",    "price2",   "diff",    "claim",   "sku",    "when",      "days",
    "time",    "promo",          "holiday",  "item",     "plate",   "minutes", "n",      "child_age", "age",
    "deposit", "card_value",     "tail",     "badge",    "order",   "promise", "due",    "member_no", "points",
    "tier_cn", "customer",       "hello",    "location", "floor",   "subject", "pos"};

std::set<std::string> slots_in(std::string_view text) {
  static const std::regex slot("\\{([a-z_0-9]+)\\}");
  std::set<std::string> out;
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), slot); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

void expect_known_slots(const Texts& texts, bool has_purchase) {
  for (const auto& text : texts) {
    for (const auto& slot : slots_in(text)) {
      EXPECT_TRUE(kSlots.count(slot)) << slot << " in " << text;
      if (slot == "pos") {
        EXPECT_TRUE(has_purchase) << text;
      }
    }
  }
}

TEST(DemoTexts, ScenariosAreComplete) {
  const std::set<std::string> types = {"inquiry",         "complaint",  "return", "lost_found",
                                       "service_request", "suggestion", "praise"};
  const std::set<std::string> departments = {"",        "desk",     "floor",   "brand_counter", "security",
                                             "parking", "property", "cashier", "member_center"};
  std::set<std::string> covered;
  for (const auto& s : scenarios()) {
    SCOPED_TRACE(std::string(s.subjects.empty() ? "?" : s.subjects.front()));
    EXPECT_TRUE(types.count(std::string(s.type)));
    covered.insert(std::string(s.type));
    EXPECT_EQ(s.weight > 0, !s.rising);  // the story's rising topic is picked by the story only
    EXPECT_TRUE(s.priority == "P1" || s.priority == "P3" || s.priority == "P4");
    EXPECT_TRUE(s.claim_percent == 0 || s.priority == "P3");
    EXPECT_TRUE(departments.count(std::string(s.task_department)));
    EXPECT_EQ(s.task_department.empty(), s.task_percent == 0);
    EXPECT_LE(s.purchase_min_days, s.purchase_max_days);
    EXPECT_FALSE(s.subjects.empty());
    EXPECT_FALSE(s.descriptions.empty());
    EXPECT_FALSE(s.resolutions.empty());
    EXPECT_TRUE(!s.category.empty() || !s.goods.empty() || s.type == "inquiry");
    for (const auto& g : s.goods) EXPECT_EQ(goods_named(g).category, g);
    const bool purchase = s.purchase_min_days >= 0;
    for (const Texts* texts :
         {&s.locations, &s.subjects, &s.descriptions, &s.tasks, &s.feedback, &s.resolutions, &s.waits}) {
      expect_known_slots(*texts, purchase);
    }
  }
  EXPECT_EQ(covered, types);
}

TEST(DemoTexts, GoodsAndPhrasesUseKnownSlots) {
  for (const auto& g : goods()) {
    EXPECT_FALSE(g.brands.empty());
    EXPECT_FALSE(g.products.empty());
    EXPECT_FALSE(g.specs.empty());
    EXPECT_FALSE(g.locations.empty());
    EXPECT_LT(g.price_min, g.price_max);
    expect_known_slots(g.locations, false);
  }
  for (std::string_view type : {"inquiry", "complaint", "return", "lost_found", "suggestion"}) {
    expect_known_slots(acknowledgements(type), false);
  }
  for (std::string_view d : {"brand_counter", "floor", "security", "parking", "property", "cashier", "member_center"}) {
    EXPECT_FALSE(generic_tasks(d).empty());
    EXPECT_FALSE(generic_feedback(d).empty());
    expect_known_slots(generic_tasks(d), false);
    expect_known_slots(generic_feedback(d), false);
  }
  expect_known_slots(generic_waits(), false);
  expect_known_slots(claim_sentences(), false);
  EXPECT_EQ(generic_waits().size(), customer_returns_notes().size());
}

TEST(DemoTexts, NamesAreChinese) {
  EXPECT_GT(surnames().size(), 60u);
  for (bool female : {true, false}) {
    for (int generation = 0; generation < 3; ++generation) EXPECT_GE(given_names(female, generation).size(), 15u);
  }
}

}  // namespace
}  // namespace kefu::demo::detail
