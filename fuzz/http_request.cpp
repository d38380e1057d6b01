// libFuzzer target: what the server does with the bytes of a request before a handler
// sees it (core/http/server_session.cpp): Boost.Beast's request parser with the server's
// header limit, then the target split into path and query, the path percent-decoded and
// routed, the query parsed, header and cookie lookups, and the access log's redaction.
// Input: raw bytes as they come off the socket.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "core/http/access_log.hpp"
#include "core/http/message.hpp"
#include "core/http/router.hpp"
#include "core/http/url.hpp"

namespace bhttp = boost::beast::http;
using namespace kefu::http;

namespace {

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "finding: %s\n", what);
  std::abort();
}

// Route shapes like kefu's: literals, parameters, a literal beside a parameter.
const Router& router() {
  static const Router r = [] {
    Router r;
    Handler h = [](Request&, Reply) {};
    for (const char* p : {"/api/v1/tickets", "/api/v1/tickets/{id}", "/api/v1/tickets/{id}/notes",
                          "/api/v1/tickets/search", "/api/v1/tickets/{id}/attachments/{attachment_id}",
                          "/api/v1/public/tickets/{token}", "/api/v1/stores/{id}/calendar", "/api/v1/members/lookup"})
      r.add("GET", p, h);
    r.add("POST", "/api/v1/tickets", h);
    r.add("PATCH", "/api/v1/tickets/{id}", h);
    r.fallback("GET", h);
    return r;
  }();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(64 * 1024);
  boost::beast::error_code ec;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  // Fed in two pieces, as a socket may deliver them, split where the first byte says;
  // unconsumed bytes are offered again with the next piece, as the server's buffer does.
  const std::size_t cut = size ? data[0] % (size + 1) : 0;
  std::size_t used = 0;
  for (const std::size_t end : {cut, size}) {
    while (used < end && !parser.is_done()) {
      const auto n = parser.put(boost::asio::buffer(data + used, end - used), ec);
      used += n;
      if (ec == bhttp::error::need_more) {
        ec = {};
        break;
      }
      if (ec) return 0;  // the server answers 400/431/413 and closes
      if (n == 0) break;
    }
  }
  if (!parser.is_header_done()) return 0;

  const auto& msg = parser.get();
  const std::string target(msg.target());
  const auto [raw_path, raw_query] = split_target(target);
  if (raw_path.size() + raw_query.size() > target.size()) finding("split_target grew the target");
  Request req;
  req.method = std::string(msg.method_string());
  req.target = target;
  if (!raw_path.empty() && raw_path.front() == '/') {
    if (auto path = percent_decode(raw_path)) {
      if (path->size() > raw_path.size()) finding("percent_decode grew the path");
      req.path = *path;
      const auto match = router().match(req.method, raw_path);
      if (match.handler && match.method_not_allowed) finding("a match both found and not allowed");
      // The router decodes segments: a '/' inside a parameter can only come from "%2F".
      const bool encoded_slash =
          raw_path.find("%2F") != std::string_view::npos || raw_path.find("%2f") != std::string_view::npos;
      for (const auto& [name, value] : match.params)
        if (value.find('/') != std::string::npos && !encoded_slash)
          finding("a path parameter holds a '/' that was not encoded");
    }
  }
  req.query = parse_query(raw_query);
  for (const auto& field : msg) req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  (void)req.header("content-type");
  (void)req.cookie("kefu_session");
  (void)req.query_value("phone");
  // The access log's form of the target: no token-like path segment survives it.
  const auto redacted = redact_target(target);
  if (redacted.size() > target.size() * 3 + 3) finding("redact_target blew up the target");
  return 0;
}
