#include "auth/domain/actor.hpp"

#include <algorithm>
#include <array>

namespace kefu::people {
bool is_role(std::string_view role) { return Role::parse(role).has_value(); }

int role_rank(std::string_view role) {
  auto r = Role::parse(role);
  return r ? static_cast<int>(r->rank()) + 1 : 0;
}

bool Actor::in_store(int64_t store_id) const {
  return is_admin() || std::find(store_ids.begin(), store_ids.end(), store_id) != store_ids.end();
}

bool Actor::in_department(int64_t department_id) const {
  return std::find(department_ids.begin(), department_ids.end(), department_id) != department_ids.end();
}

bool Actor::has_scope(Scope scope) const {
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
