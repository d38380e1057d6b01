#pragma once
// The server's own error bodies: {"error":{"code":"...","message":"..."}}, the same
// shape the api layer uses, so clients handle one format.
#include <string_view>

#include "core/http/message.hpp"

namespace kefu::http {

Response error_json(int status, std::string_view code, std::string_view message);

}  // namespace kefu::http
