#pragma once
// Staff roles, lowest to highest (rank() orders them): what a person may do follows from
// their role, narrowed to the stores they serve (admins serve every store).
#include <array>

#include "core/domain/vocabulary.hpp"

namespace kefu::people {

enum class RoleCode { agent, dept_head, supervisor, manager, admin };
inline constexpr std::array<Term<RoleCode>, 5> kRoles{{
    {RoleCode::agent, "agent", "客服专员", "Agent"},
    {RoleCode::dept_head, "dept_head", "部门负责人", "Department head"},
    {RoleCode::supervisor, "supervisor", "主管", "Supervisor"},
    {RoleCode::manager, "manager", "经理", "Manager"},
    {RoleCode::admin, "admin", "管理员", "Admin"},
}};
using Role = Closed<RoleCode, kRoles>;

enum class DepartmentKindCode {
  desk,
  floor,
  brand_counter,
  security,
  parking,
  property,
  cashier,
  member_center,
  other
};
inline constexpr std::array<Term<DepartmentKindCode>, 9> kDepartmentKinds{{
    {DepartmentKindCode::desk, "desk", "服务台", "Desk"},
    {DepartmentKindCode::floor, "floor", "楼层", "Floor"},
    {DepartmentKindCode::brand_counter, "brand_counter", "品牌专柜", "Brand counter"},
    {DepartmentKindCode::security, "security", "保安", "Security"},
    {DepartmentKindCode::parking, "parking", "停车场", "Parking"},
    {DepartmentKindCode::property, "property", "物业", "Property"},
    {DepartmentKindCode::cashier, "cashier", "收银", "Cashier"},
    {DepartmentKindCode::member_center, "member_center", "会员中心", "Member centre"},
    {DepartmentKindCode::other, "other", "其他", "Other"},
}};
using DepartmentKind = Closed<DepartmentKindCode, kDepartmentKinds>;

}  // namespace kefu::people
