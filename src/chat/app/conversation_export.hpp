#pragma once
// The conversation list as a file (GET /chat/conversations/export): every conversation the
// list's filters find in the caller's stores, one row each, with Chinese headers.
#include "chat/app/desk.hpp"
#include "core/app/context.hpp"
#include "core/app/table_export.hpp"

namespace kefu::app {

// Walks list_conversations page by page (same scope and checks; `query.before` is the
// start). More than `max_rows` throw export_too_large (400). Member phones are masked
// below supervisor. `zh`: Chinese headers, else English.
Table conversation_table(Context&, ConversationQuery query, bool zh, int max_rows = 100000);

}  // namespace kefu::app
