#include "core/api/error_mapping.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/domain/error.hpp"

namespace kefu::api {
namespace {

int status_of(Error::Kind k) {
  switch (k) {
    case Error::Kind::invalid_input:
      return 400;
    case Error::Kind::unauthenticated:
      return 401;
    case Error::Kind::forbidden:
      return 403;
    case Error::Kind::not_found:
      return 404;
    case Error::Kind::conflict:
      return 409;
    case Error::Kind::gone:
      return 410;
    case Error::Kind::precondition:
      return 412;
    case Error::Kind::too_large:
      return 413;
    case Error::Kind::unsupported_media:
      return 415;
    case Error::Kind::too_many:
      return 429;
  }
  return 500;
}

http::Response body(int status, const std::string& code, const std::string& message, const std::string& field) {
  nlohmann::json e{{"code", code}, {"message", message}};
  if (!field.empty()) e["field"] = field;
  // A message may quote what the client sent (a query value, a path segment), which need not
  // be UTF-8: such bytes become U+FFFD instead of making the dump throw (a 500).
  return http::Response::json(
      status, nlohmann::json{{"error", e}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

http::Response error_response(const std::string& accept_language, std::exception_ptr ep) {
  const bool en = accept_language.starts_with("en");
  try {
    std::rethrow_exception(ep);
  } catch (const Error& e) {
    auto r = body(status_of(e.kind()), e.code(), en ? e.message_en() : e.message_zh(), e.field());
    if (e.kind() == Error::Kind::unauthenticated) r.set("WWW-Authenticate", "Bearer");
    if (e.kind() == Error::Kind::too_many && e.retry_after_s() > 0)
      r.set("Retry-After", std::to_string(e.retry_after_s()));
    return r;
  } catch (const std::exception& e) {
    spdlog::error("unhandled error: {}", e.what());
  } catch (...) {
    spdlog::error("unhandled non-standard exception");
  }
  return body(500, "internal", en ? "Internal error; nothing was changed" : "服务器内部错误，未做任何修改", "");
}

http::Response error_response(const http::Request& req, std::exception_ptr ep) {
  return error_response(req.header("accept-language"), ep);
}

}  // namespace kefu::api
