#pragma once
// Who may do what in the knowledge base (docs/kb.md), shared by its use cases.
#include <cstdint>

#include "core/app/context.hpp"
#include "kb/domain/faq.hpp"

namespace kefu::app::kb_access {

// Any staff member with kb:read (customers and the customer actor: 403).
void reader(Context&);
// An admin with kb:write.
void editor(Context&);
// Keeps the store's own answers: an admin, or a supervisor and above of that store, with
// kb:write. A store the caller does not serve (or none) is 400 unknown_reference.
void variant_keeper(Context&, int64_t store_id);
// The entry, or 404 not_found.
kb::Faq entry(Context&, int64_t id);

}  // namespace kefu::app::kb_access
