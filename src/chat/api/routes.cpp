// Live chat's REST routes (docs/chat.md): the customer's conversation by its token, the
// agents' workspace, presence and the supervisor's live view.
#include "core/api/routes.hpp"

namespace kefu::api {

void add_chat_routes(RouteTable&) {}

}  // namespace kefu::api
