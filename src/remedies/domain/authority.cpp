// Resolution kinds and authority limits (rules in authority.hpp).
#include "remedies/domain/authority.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "auth/domain/actor.hpp"
#include "core/domain/error.hpp"
#include "core/text/normalize.hpp"

namespace kefu::resolution {
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
    throw invalid("description", "办结说明不是有效的 UTF-8 文本", "The description is not valid UTF-8", "invalid_utf8");
  if (d.find_first_not_of(" \t\r\n") == std::string::npos)
    throw invalid("description", "请填写办结说明", "A description is required", "required");
  if (text::utf8_length(d) > kMaxDescriptionChars)
    throw invalid("description", "办结说明不能超过 " + std::to_string(kMaxDescriptionChars) + " 个字",
                  "The description may have at most " + std::to_string(kMaxDescriptionChars) + " characters",
                  "too_long");
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

void validate(const Resolution& r) {
  if (!is_kind(r.kind))
    throw invalid("kind", "办结方式无效：" + r.kind, "unknown resolution kind: " + r.kind, "invalid_enum");
  if (r.kind == "compensation") {
    if (r.compensation.empty())
      throw invalid("compensation", "请选择补偿方式（券、积分或现金）",
                    "Choose a form of compensation (coupon, points or cash)", "required");
    if (!is_compensation_form(r.compensation))
      throw invalid("compensation", "补偿方式无效：" + r.compensation, "unknown compensation form: " + r.compensation,
                    "invalid_enum");
  } else if (!r.compensation.empty()) {
    throw invalid("compensation", "只有「补偿」需要选择补偿方式", "Only a compensation has a form of compensation",
                  "invalid_enum");
  }
  if (has_amount(r.kind) && r.amount_cents <= 0)
    throw invalid("amount_cents", str(name_zh(r.kind)) + "金额须大于 0", "The amount must be greater than 0",
                  "invalid_amount");
  if (!has_amount(r.kind) && r.amount_cents != 0)
    throw invalid("amount_cents", str(name_zh(r.kind)) + "不涉及金额",
                  "A resolution of kind " + r.kind + " has no amount", "invalid_amount");
  check_description(r.description);
}

Limits default_limits() {
  return {{"agent", 20'000}, {"dept_head", 50'000}, {"supervisor", 200'000}, {"manager", 1'000'000}};
}

void validate_limits(const Limits& limits) {
  for (const auto& [role, fen] : limits) {
    std::string field = "limits." + role;
    if (role == "admin")
      throw invalid(field, "管理员不受授权额度限制，无需设置", "The admin has no limit to set", "invalid_enum");
    if (!contains<Term<people::RoleCode>>(kLimitedRoles, role))
      throw invalid(field, "角色无效：" + role, "unknown role: " + role, "invalid_enum");
    if (fen < 0 || fen > kMaxLimitCents)
      throw invalid(field, role_zh(role) + "的授权额度须在 0 到 " + yuan(kMaxLimitCents) + " 元之间",
                    "The limit of " + role + " must be from 0 to " + yuan(kMaxLimitCents) + " yuan", "invalid_amount");
  }
  for (std::size_t i = 1; i < kLimitedRoles.size(); ++i) {
    auto lower = kLimitedRoles[i - 1].code, higher = kLimitedRoles[i].code;
    int64_t lo = *limit_of(lower, limits), hi = *limit_of(higher, limits);
    if (hi < lo)
      throw invalid(
          "limits." + str(higher),
          role_zh(higher) + "的授权额度（" + yuan(hi) + " 元）不能低于" + role_zh(lower) + "的（" + yuan(lo) + " 元）",
          "The limit of " + str(higher) + " (" + yuan(hi) + " yuan) is below that of " + str(lower) + " (" + yuan(lo) +
              " yuan)",
          "limits_not_monotone");
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

Decision decide(const Resolution& r, std::string_view requester_role, const Limits& limits) {
  validate(r);
  int rank = people::role_rank(requester_role);
  if (rank == 0)
    throw invalid("role", "角色无效：" + str(requester_role), "unknown role: " + str(requester_role), "invalid_enum");
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

}  // namespace kefu::resolution
