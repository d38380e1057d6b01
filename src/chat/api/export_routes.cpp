// GET /chat/conversations/export: the conversation list's filters and scope, every page,
// as XLSX or CSV.
#include "chat/app/conversation_export.hpp"
#include "core/api/file_response.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"

namespace kefu::api {
namespace {

void export_conversations(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::ConversationQuery q;
  q.store_id = query_int(req, "store_id");
  q.status = req.query_value("status");
  q.mine = req.query_value("mine") == "1" || req.query_value("mine") == "true";
  q.before = query_int(req, "before");
  const auto format = export_format(req);
  const bool zh = wants_zh(req);
  read_on_worker(s, req, reply, actor, [q, format, zh](app::Context& c) {
    const auto table = app::conversation_table(c, q, zh);
    return table_response(table, format, (zh ? "在线会话-" : "conversations-") + local_date(c.now_ms, table.time_zone));
  });
}

}  // namespace

void add_chat_export_routes(RouteTable& r) {
  r.add("GET", "/api/v1/chat/conversations/export", staff("agent", "chat:read"), export_conversations);
}

}  // namespace kefu::api
