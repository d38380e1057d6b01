#pragma once
// An audit entry in the API's JSON (GET /tickets/{id}/audit, and any entity's audit).
#include <nlohmann/json.hpp>

#include "core/storage/platform_stores.hpp"

namespace kefu::api {

nlohmann::json render(const storage::AuditEntry&);

}  // namespace kefu::api
