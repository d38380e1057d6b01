#pragma once
// The one place where errors become HTTP: {"error":{"code","message","field"?}}.
// The message is zh-CN unless the caller's Accept-Language prefers English.
#include <exception>

#include "core/http/message.hpp"

namespace kefu::api {

http::Response error_response(const http::Request&, std::exception_ptr);
// Same, for completions that no longer hold the request (only its Accept-Language).
http::Response error_response(const std::string& accept_language, std::exception_ptr);

}  // namespace kefu::api
