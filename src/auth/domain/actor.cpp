#include "auth/domain/actor.hpp"

#include <algorithm>
#include <array>

namespace kefu::people {
bool is_role(std::string_view role) { return Role::parse(role).has_value(); }

int role_rank(std::string_view role) {
  auto r = Role::parse(role);
  return r ? static_cast<int>(r->rank()) + 1 : 0;
}

const Actor& customer_actor() {
  static const Actor a{.staff_id = 0, .username = "customer", .display_name = "顾客", .customer = true};
  return a;
}

bool Actor::in_store(int64_t store_id) const {
  if (customer) return false;
  return is_admin() || std::find(store_ids.begin(), store_ids.end(), store_id) != store_ids.end();
}

bool Actor::in_department(int64_t department_id) const {
  return !customer && std::find(department_ids.begin(), department_ids.end(), department_id) != department_ids.end();
}

bool Actor::has_scope(Scope scope) const {
  if (customer) return false;
  if (!via_token) return true;
  const std::string_view want = scope.code();
  // "tickets:write" implies "tickets:read".
  for (const auto& s : scopes) {
    if (s == want || s == "admin") return true;
    if (want.ends_with(":read") && s.size() > 6 && s.ends_with(":write") &&
        s.substr(0, s.size() - 6) == want.substr(0, want.size() - 5))
      return true;
  }
  return false;
}

}  // namespace kefu::people
