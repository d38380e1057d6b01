#pragma once
// Rendering personal-data requests for the API: the person is named by label only (member
// number and masked phone), never by phone.
#include <nlohmann/json.hpp>

#include "core/storage/platform_stores.hpp"
#include "privacy/app/person.hpp"
#include "privacy/domain/retention.hpp"
#include "privacy/storage/privacy_store.hpp"

namespace kefu::api {

nlohmann::json render_counts(const storage::KindCounts&);
nlohmann::json render_person(const app::Person&);
nlohmann::json render_request(const storage::ErasureRequest&);
nlohmann::json render_rule(const privacy::RetentionRule&);
nlohmann::json render_audit(const storage::AuditEntry&);

}  // namespace kefu::api
