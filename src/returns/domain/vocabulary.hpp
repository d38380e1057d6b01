#pragma once
// The closed vocabularies of returns (退换货): the retail categories a purchase line is
// filed under (the POS import maps its own categories to these), the condition of the
// returned goods, the promotion a line was sold under, and the decision and remedy of a
// return. Codes are what JSON and the database carry; zh/en are the labels.
#include <array>
#include <string_view>

#include "core/domain/vocabulary.hpp"

namespace kefu::returns {

enum class CategoryCode {
  clothing,
  shoes,
  underwear_swimwear,
  cosmetics,
  food_fresh,
  food_packaged,
  jewelry,
  watches,
  electronics,
  appliances,
  home,
  toys,
  sports,
  books,
  customised,
  gift_card,
  other
};
inline constexpr std::array<Term<CategoryCode>, 17> kCategories{{
    {CategoryCode::clothing, "clothing", "服装", "Clothing"},
    {CategoryCode::shoes, "shoes", "鞋靴", "Shoes"},
    {CategoryCode::underwear_swimwear, "underwear_swimwear", "内衣泳装", "Underwear and swimwear"},
    {CategoryCode::cosmetics, "cosmetics", "化妆品", "Cosmetics"},
    {CategoryCode::food_fresh, "food_fresh", "生鲜食品", "Fresh food"},
    {CategoryCode::food_packaged, "food_packaged", "预包装食品", "Packaged food"},
    {CategoryCode::jewelry, "jewelry", "珠宝首饰", "Jewelry"},
    {CategoryCode::watches, "watches", "钟表", "Watches"},
    {CategoryCode::electronics, "electronics", "数码电子", "Electronics"},
    {CategoryCode::appliances, "appliances", "家用电器", "Appliances"},
    {CategoryCode::home, "home", "家居用品", "Home"},
    {CategoryCode::toys, "toys", "玩具", "Toys"},
    {CategoryCode::sports, "sports", "运动户外", "Sports"},
    {CategoryCode::books, "books", "图书音像", "Books"},
    {CategoryCode::customised, "customised", "定制商品", "Customised goods"},
    {CategoryCode::gift_card, "gift_card", "礼品卡", "Gift cards"},
    {CategoryCode::other, "other", "其他", "Other"},
}};
using Category = Closed<CategoryCode, kCategories>;

// unopened: sealed, as sold; opened: unpacked or tried on, still resaleable; used: worn,
// washed or consumed in part; damaged: broken or marked by the customer.
enum class ConditionCode { unopened, opened, used, damaged };
inline constexpr std::array<Term<ConditionCode>, 4> kConditions{{
    {ConditionCode::unopened, "unopened", "未拆封", "Unopened"},
    {ConditionCode::opened, "opened", "已拆封（不影响二次销售）", "Opened, resaleable"},
    {ConditionCode::used, "used", "已使用", "Used"},
    {ConditionCode::damaged, "damaged", "已损坏", "Damaged"},
}};
using Condition = Closed<ConditionCode, kConditions>;

// How a line was sold: at the regular price, under a promotion (满减, a markdown), on
// clearance (清仓特价, sold as final), or as a free gift (赠品).
enum class PromotionCode { none, discount, clearance, gift };
inline constexpr std::array<Term<PromotionCode>, 4> kPromotions{{
    {PromotionCode::none, "none", "正价", "Regular price"},
    {PromotionCode::discount, "discount", "促销折扣", "Promotion"},
    {PromotionCode::clearance, "clearance", "清仓特价", "Clearance"},
    {PromotionCode::gift, "gift", "赠品", "Free gift"},
}};
using Promotion = Closed<PromotionCode, kPromotions>;

enum class DecisionCode { approve, needs_approval, refuse };
inline constexpr std::array<Term<DecisionCode>, 3> kDecisions{{
    {DecisionCode::approve, "approve", "同意", "Approve"},
    {DecisionCode::needs_approval, "needs_approval", "需审批", "Needs approval"},
    {DecisionCode::refuse, "refuse", "不予受理", "Refuse"},
}};
using Decision = Closed<DecisionCode, kDecisions>;

// The same codes as remedies' kinds (remedies/domain/authority.hpp), so a decision
// becomes a resolution of the return ticket as it is. `none` for a refusal.
enum class RemedyCode { refund, exchange, repair, none };
inline constexpr std::array<Term<RemedyCode>, 4> kRemedies{{
    {RemedyCode::refund, "refund", "退货退款", "Refund"},
    {RemedyCode::exchange, "exchange", "换货", "Exchange"},
    {RemedyCode::repair, "repair", "维修", "Repair"},
    {RemedyCode::none, "none", "不处理", "None"},
}};
using Remedy = Closed<RemedyCode, kRemedies>;

}  // namespace kefu::returns
