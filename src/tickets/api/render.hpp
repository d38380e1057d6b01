#pragma once
// Domain values → JSON for the API. Masking of personal data happens here, by role.
#include <nlohmann/json.hpp>

#include "core/app/vocabulary_json.hpp"

#include "auth/domain/actor.hpp"
#include "core/storage/database.hpp"
#include "core/storage/platform_stores.hpp"
#include "members/domain/member.hpp"
#include "org/domain/org.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::api {

nlohmann::json render(const ticket::Ticket&);
// The same JSON as render(Ticket), written straight into out (the hot path).
void write_ticket(std::string& out, const ticket::Ticket&);
nlohmann::json render(const ticket::Event&);
nlohmann::json render(const ticket::Task&);
nlohmann::json render(const ticket::Attachment&);
nlohmann::json render(const people::Store&);
nlohmann::json render(const people::Department&);
nlohmann::json render(const people::Staff&);  // never includes the password hash
nlohmann::json render(const people::Member&, const people::Actor& viewer);
nlohmann::json render(const storage::AuditEntry&);
nlohmann::json render(const people::Actor&);

}  // namespace kefu::api
