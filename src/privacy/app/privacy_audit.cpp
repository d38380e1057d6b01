#include "privacy/app/privacy_audit.hpp"

#include <algorithm>

#include "core/app/scope.hpp"
#include "privacy/storage/privacy_store.hpp"

namespace kefu::app {

std::vector<storage::AuditEntry> privacy_audit(Context& c, int64_t before_id, int limit) {
  require_role(c.actor, "admin");
  require_scope(c.actor, "admin");
  return c.store<storage::PrivacyStore>().privacy_audit(std::max<int64_t>(before_id, 0), std::clamp(limit, 1, 500));
}

}  // namespace kefu::app
