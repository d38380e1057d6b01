#pragma once
// How a ticket was resolved (办结方式) and who may grant what (授权额度). A refund or a
// compensation above the requester's limit needs the approval of a higher role whose
// limit covers it; the admin has no limit. Amounts are money in fen (分), integers only.
//
// Roles, lowest to highest (people::role_rank): agent 客服专员, dept_head 部门负责人,
// supervisor 主管, manager 经理, admin 管理员.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/domain/vocabulary.hpp"
#include "org/domain/role.hpp"

namespace kefu::remedy {

enum class KindCode { refund, exchange, repair, compensation, apology, explanation };
inline constexpr std::array<Term<KindCode>, 6> kKinds{{
    {KindCode::refund, "refund", "退款", "Refund"},
    {KindCode::exchange, "exchange", "换货", "Exchange"},
    {KindCode::repair, "repair", "维修", "Repair"},
    {KindCode::compensation, "compensation", "补偿", "Compensation"},
    {KindCode::apology, "apology", "致歉", "Apology"},
    {KindCode::explanation, "explanation", "解释说明", "Explanation"},
}};
using Kind = Closed<KindCode, kKinds>;

enum class FormCode { coupon, points, cash };
inline constexpr std::array<Term<FormCode>, 3> kForms{{
    {FormCode::coupon, "coupon", "券", "Coupon"},
    {FormCode::points, "points", "积分", "Points"},
    {FormCode::cash, "cash", "现金", "Cash"},
}};
using Form = Closed<FormCode, kForms>;

// applied: within the requester's authority, or approved; pending: waiting for approval;
// rejected.
enum class StatusCode { applied, pending, rejected };
inline constexpr std::array<Term<StatusCode>, 3> kStatuses{{
    {StatusCode::applied, "applied", "已生效", "Applied"},
    {StatusCode::pending, "pending", "待审批", "Pending approval"},
    {StatusCode::rejected, "rejected", "已驳回", "Rejected"},
}};
using Status = Closed<StatusCode, kStatuses>;

std::span<const Term<KindCode>> kinds();
std::span<const Term<FormCode>> compensation_forms();
bool is_kind(std::string_view code);
bool is_compensation_form(std::string_view code);
// The zh label of a kind or a compensation form; empty for an unknown code.
std::string_view name_zh(std::string_view code);

// The roles that have a limit, lowest first (every role but admin).
std::span<const Term<people::RoleCode>> limited_roles();

// Whether the kind carries an amount (refund, compensation).
bool has_amount(std::string_view kind);

inline constexpr std::size_t kMaxDescriptionChars = 1000;  // code points

struct Proposal {
  std::string kind;
  std::string compensation;  // compensation only: coupon | points | cash; empty otherwise
  int64_t amount_cents = 0;  // refund and compensation: > 0, the money value in fen (points
                             // and coupons valued by the store); every other kind: 0
  std::string description;   // required, at most 1000 characters
  // When set (a return whose policy rule asks for approval), the resolution waits for this
  // role or above even within the proposer's limit. Not read by validate().
  std::string approval_role;
};

// Throws kefu::Error (invalid_input) naming the field, first failure only, in this order:
//   kind          invalid_enum    unknown kind
//   compensation  required        compensation without a form
//                 invalid_enum    unknown form, or a form on another kind
//   amount_cents  invalid_amount  refund/compensation with amount <= 0; another kind with
//                                 an amount other than 0
//   description   invalid_utf8 | required (empty or blank) | too_long (> 1000 characters)
void validate(const Proposal& resolution);

// Role -> the largest amount in fen the role may grant alone. A role missing from the map
// has limit 0; admin is unlimited and is not listed.
using Limits = std::map<std::string, int64_t>;

inline constexpr int64_t kMaxLimitCents = 10'000'000;  // 100,000.00 元

// agent 200 元, dept_head 500 元, supervisor 2,000 元, manager 10,000 元.
Limits default_limits();

// Throws kefu::Error (invalid_input), field "limits.<role>":
//   invalid_enum         not a role, or admin (who has no limit to set);
//   invalid_amount       below 0 or above kMaxLimitCents;
//   limits_not_monotone  lower than the limit of a lower role (missing roles count as 0).
void validate_limits(const Limits& limits);

// The limit of a role: the admin's is unlimited (nullopt), a missing role's is 0.
std::optional<int64_t> limit_of(std::string_view role, const Limits& limits);

struct Decision {
  bool within_limit = true;
  // Empty when within the limit; otherwise the lowest role ranked above the requester
  // whose limit covers the amount, "admin" when nobody's does.
  std::string approver_role;
  friend bool operator==(const Decision&, const Decision&) = default;
};

// Whether `requester_role` may grant `resolution` alone, and if not, who must approve.
// Kinds without an amount are always within the limit. Validates the resolution first
// (validate()); throws kefu::Error (invalid_input, code invalid_enum, field "role") for
// an unknown requester role.
Decision decide(const Proposal& resolution, std::string_view requester_role, const Limits& limits);

// Whether `approver_role` may approve an amount that needs `required_role`: ranked at
// least as high, and admin or the amount within the approver's limit. False for an
// unknown approver or required role.
bool may_approve(std::string_view approver_role, std::string_view required_role, int64_t amount_cents,
                 const Limits& limits);

}  // namespace kefu::remedy
