#pragma once
// The chat's WebSocket endpoints (docs/chat.md, "The socket"): the customer's, which
// names its conversation in the first frame (hello, with the chat token: never in the
// URL, so it stays out of logs), and the staff's, opened with the console session or an API
// token (the upgrade is a request like any other: role, scope and Origin are checked
// before). Frames are parsed by chat/api/protocol.hpp; writes go through the group
// commit like REST writes, and the ack or error frame follows the commit.
#include "core/api/services.hpp"
#include "core/http/message.hpp"

namespace kefu::api {

void customer_socket(Services&, http::Request&, http::Reply);
void staff_socket(Services&, http::Request&, http::Reply);

}  // namespace kefu::api
