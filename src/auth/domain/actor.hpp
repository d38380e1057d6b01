#pragma once
// Who is calling, and what that lets them do. Roles (lowest to highest):
// agent, dept_head, supervisor, manager, admin. Staff see only the stores they
// belong to; admins see every store. API tokens act for a staff member and are
// further narrowed by scopes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::people {

bool is_role(std::string_view role);
// Rank used for "at least supervisor" checks: agent 1, dept_head 2, supervisor 3, manager 4, admin 5.
int role_rank(std::string_view role);

struct Actor {
  int64_t staff_id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::vector<int64_t> store_ids;       // stores this person serves
  std::vector<int64_t> department_ids;  // departments this person belongs to
  std::vector<std::string> scopes;      // empty for a console session (all its role allows)
  bool via_token = false;

  bool is_admin() const { return role == "admin"; }
  bool at_least(std::string_view role_name) const { return role_rank(role) >= role_rank(role_name); }
  bool in_store(int64_t store_id) const;
  bool in_department(int64_t department_id) const;
  // Token scopes: "tickets:read", "tickets:write", "members:read", "members:write", "admin".
  bool has_scope(std::string_view scope) const;
  // Full phone numbers are for supervisors and above; agents and department heads see them masked.
  bool sees_full_phone() const { return at_least("supervisor"); }
};

}  // namespace kefu::people
