// Resolution kinds and authority limits (rules in authority.hpp).
#include "remedies/domain/authority.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "auth/domain/actor.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "remedies/domain/errors.hpp"

namespace kefu::remedy {
namespace {

// Roles with a limit, lowest first; admin has none.
constexpr std::span<const Term<people::RoleCode>> kLimitedRoles(people::kRoles.data(), people::kRoles.size() - 1);

template <class T>
bool contains(std::span<const T> terms, std::string_view code) {
  return std::any_of(terms.begin(), terms.end(), [&](const T& t) { return t.code == code; });
}
constexpr std::array<std::string_view, 5> kRolesByRank{"agent", "dept_head", "supervisor", "manager", "admin"};

std::string str(std::string_view v) { return std::string(v); }

// 123456 fen -> "1234.56"
std::string yuan(int64_t fen) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", fen < 0 ? "-" : "", static_cast<long long>(std::abs(fen / 100)),
                static_cast<long long>(std::abs(fen % 100)));
  return buf;
}

std::string role_zh(std::string_view role) {
  for (const auto& t : kLimitedRoles)
    if (t.code == role) return str(t.zh);
  return role == "admin" ? "管理员" : str(role);
}

void check_description(const std::string& d) {
  if (!text::is_valid_utf8(d))
    throw make_error(errors::kInvalidUtf8, {{"what", Text("办结说明", "The description")}}, "description");
  if (d.find_first_not_of(" \t\r\n") == std::string::npos)
    throw make_error(errors::kRequired, {{"what", Text("办结说明", "A description")}}, "description");
  if (text::utf8_length(d) > kMaxDescriptionChars)
    throw make_error(errors::kTooLong, {{"what", Text("办结说明", "The description")}, {"max", kMaxDescriptionChars}},
                     "description");
}

}  // namespace

std::span<const Term<KindCode>> kinds() { return kKinds; }
std::span<const Term<FormCode>> compensation_forms() { return kForms; }
bool is_kind(std::string_view code) { return Kind::parse(code).has_value(); }
bool is_compensation_form(std::string_view code) { return Form::parse(code).has_value(); }
std::span<const Term<people::RoleCode>> limited_roles() { return kLimitedRoles; }
bool has_amount(std::string_view kind) { return kind == "refund" || kind == "compensation"; }

std::string_view name_zh(std::string_view code) {
  for (const auto& t : kKinds)
    if (t.code == code) return t.zh;
  for (const auto& t : kForms)
    if (t.code == code) return t.zh;
  return {};
}

void validate(const Proposal& r) {
  if (!is_kind(r.kind)) throw make_error(errors::kInvalidEnum, {{"field", "kind"}, {"value", r.kind}}, "kind");
  if (r.kind == "compensation") {
    if (r.compensation.empty())
      throw make_error(
          errors::kRequired,
          {{"what", Text("补偿方式（券、积分或现金）", "A form of compensation (coupon, points or cash)")}},
          "compensation");
    if (!is_compensation_form(r.compensation))
      throw make_error(errors::kInvalidEnum, {{"field", "compensation"}, {"value", r.compensation}}, "compensation");
  } else if (!r.compensation.empty()) {
    throw make_error(errors::kInvalidEnum,
                     {{"field", "compensation"},
                      {"value", r.compensation},
                      {"allowed", Text("只有「补偿」需要选择补偿方式", "only a compensation has a form")}},
                     "compensation");
  }
  if (has_amount(r.kind) && r.amount_cents <= 0)
    throw make_error(errors::kInvalidAmount,
                     {{"problem", Text(str(name_zh(r.kind)) + "金额须大于 0", "The amount must be greater than 0")}},
                     "amount_cents");
  if (!has_amount(r.kind) && r.amount_cents != 0)
    throw make_error(
        errors::kInvalidAmount,
        {{"problem", Text(str(name_zh(r.kind)) + "不涉及金额", "A resolution of kind " + r.kind + " has no amount")}},
        "amount_cents");
  check_description(r.description);
}

Limits default_limits() {
  return {{"agent", 20'000}, {"dept_head", 50'000}, {"supervisor", 200'000}, {"manager", 1'000'000}};
}

void validate_limits(const Limits& limits) {
  for (const auto& [role, fen] : limits) {
    std::string field = "limits." + role;
    if (role == "admin")
      throw make_error(errors::kInvalidEnum,
                       {{"field", field},
                        {"value", role},
                        {"allowed", Text("管理员不受授权额度限制，无需设置", "the admin has no limit to set")}},
                       field);
    if (!contains<Term<people::RoleCode>>(kLimitedRoles, role))
      throw make_error(errors::kInvalidEnum, {{"field", field}, {"value", role}}, field);
    if (fen < 0 || fen > kMaxLimitCents)
      throw make_error(
          errors::kInvalidAmount,
          {{"problem", Text(role_zh(role) + "的授权额度须在 0 到 " + yuan(kMaxLimitCents) + " 元之间",
                            "The limit of " + role + " must be from 0 to " + yuan(kMaxLimitCents) + " yuan")}},
          field);
  }
  for (std::size_t i = 1; i < kLimitedRoles.size(); ++i) {
    auto lower = kLimitedRoles[i - 1].code, higher = kLimitedRoles[i].code;
    int64_t lo = *limit_of(lower, limits), hi = *limit_of(higher, limits);
    if (hi < lo)
      throw make_error(errors::kLimitsNotMonotone,
                       {{"higher", Text(role_zh(higher), str(higher))},
                        {"high", yuan(hi)},
                        {"lower", Text(role_zh(lower), str(lower))},
                        {"low", yuan(lo)}},
                       "limits." + str(higher));
  }
}

std::optional<int64_t> limit_of(std::string_view role, const Limits& limits) {
  if (role == "admin") return std::nullopt;
  auto it = limits.find(std::string(role));
  return it == limits.end() ? 0 : it->second;
}

namespace {
bool covers(std::string_view role, int64_t amount, const Limits& limits) {
  auto limit = limit_of(role, limits);
  return !limit || amount <= *limit;
}
}  // namespace

Decision decide(const Proposal& r, std::string_view requester_role, const Limits& limits) {
  validate(r);
  int rank = people::role_rank(requester_role);
  if (rank == 0) throw make_error(errors::kInvalidEnum, {{"field", "role"}, {"value", str(requester_role)}}, "role");
  if (!has_amount(r.kind) || covers(requester_role, r.amount_cents, limits)) return {true, ""};
  for (auto role : kRolesByRank)
    if (people::role_rank(role) > rank && covers(role, r.amount_cents, limits)) return {false, str(role)};
  return {false, "admin"};  // not reached: the admin covers every amount
}

bool may_approve(std::string_view approver_role, std::string_view required_role, int64_t amount_cents,
                 const Limits& limits) {
  int approver = people::role_rank(approver_role), required = people::role_rank(required_role);
  if (approver == 0 || required == 0) return false;
  return approver >= required && covers(approver_role, amount_cents, limits);
}

}  // namespace kefu::remedy
