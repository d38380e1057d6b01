#pragma once
// The audit of personal-data actions (exports, downloads, erasure requests and their
// decisions, retention rules and runs), for admins: newest first, paged by id.
#include <vector>

#include "core/app/context.hpp"
#include "core/storage/platform_stores.hpp"

namespace kefu::app {

std::vector<storage::AuditEntry> privacy_audit(Context&, int64_t before_id, int limit);

}  // namespace kefu::app
