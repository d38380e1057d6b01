#include "auth/domain/actor.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kefu::people {
namespace {
constexpr std::array<std::pair<std::string_view, int>, 5> kRanks{{
    {"agent", 1},
    {"dept_head", 2},
    {"supervisor", 3},
    {"manager", 4},
    {"admin", 5},
}};
}  // namespace

bool is_role(std::string_view role) { return role_rank(role) > 0; }

int role_rank(std::string_view role) {
  for (const auto& [name, rank] : kRanks)
    if (name == role) return rank;
  return 0;
}

bool Actor::in_store(int64_t store_id) const {
  return is_admin() || std::find(store_ids.begin(), store_ids.end(), store_id) != store_ids.end();
}

bool Actor::in_department(int64_t department_id) const {
  return std::find(department_ids.begin(), department_ids.end(), department_id) != department_ids.end();
}

bool Actor::has_scope(std::string_view scope) const {
  if (!via_token) return true;
  // "tickets:write" implies "tickets:read".
  for (const auto& s : scopes) {
    if (s == scope || s == "admin") return true;
    if (scope.ends_with(":read") && s.size() > 6 && s.ends_with(":write") &&
        s.substr(0, s.size() - 6) == scope.substr(0, scope.size() - 5))
      return true;
  }
  return false;
}

}  // namespace kefu::people
