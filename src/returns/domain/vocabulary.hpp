#pragma once
// The closed vocabularies of returns (退换货): the condition of the returned goods, the
// promotion a line was sold under, and the decision and remedy of a return; the retail
// categories are the purchases' (purchase::Category). Codes are what JSON and the database carry; zh/en are the labels.
#include <array>
#include <string_view>

#include "core/domain/vocabulary.hpp"
#include "purchases/domain/category.hpp"

namespace kefu::returns {

// The retail categories are the purchases' (purchases/domain/category.hpp): the POS import
// files lines under them and the policy's rules name them.
using Category = purchase::Category;

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
