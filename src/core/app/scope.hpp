#pragma once
// Role checks shared by use cases.
#include <string_view>

#include "auth/domain/actor.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

inline void require_role(const people::Actor& a, people::Role at_least) {
  if (!a.at_least(at_least)) throw make_error(errors::kForbidden);
}

inline void require_scope(const people::Actor& a, people::Scope scope) {
  if (!a.has_scope(scope))
    throw make_error(errors::kForbidden, {{"reason", Text("API 令牌缺少权限范围 " + std::string(scope.code()),
                                                          "the API token lacks scope " + std::string(scope.code()))}});
}

// The owner acts on their ticket; others need at least the given role.
inline void require_owner_or(const people::Actor& a, const ticket::Ticket& t, people::Role role) {
  if (t.owner_id && *t.owner_id == a.staff_id) return;
  if (a.at_least(role)) return;
  throw make_error(
      errors::kForbidden,
      {{"reason", Text("只有首问负责人或主管可以执行此操作", "only the owner or a supervisor may do this")}});
}

}  // namespace kefu::app
