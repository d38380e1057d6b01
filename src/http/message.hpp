#pragma once
// kefu's own small HTTP types. Handlers see only these; Boost.Beast stays inside
// server.cpp so that the rest of the code base compiles fast and never touches sockets.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kefu::http {

struct Request {
  std::string method;                                        // "GET", "POST", ...
  std::string target;                                        // raw target, e.g. "/api/v1/tickets?status=new"
  std::string path;                                          // decoded path without the query string
  std::multimap<std::string, std::string> query;             // decoded query parameters
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::map<std::string, std::string> params;                 // path parameters filled by the router ({id})
  std::string body;
  std::string remote;  // peer address, for the access log and login throttling
  std::string route;   // the matched route pattern, e.g. "/api/v1/tickets/{id}"

  // Case-insensitive header lookup; empty when absent.
  std::string header(std::string_view name) const;
  // Value of one cookie from the Cookie header; empty when absent.
  std::string cookie(std::string_view name) const;
  // First value of a query parameter; empty when absent.
  std::string query_value(std::string_view name) const;
  bool has_query(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& set(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  static Response json(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set("Content-Type", "application/json; charset=utf-8");
    return r;
  }
  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8") {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set("Content-Type", std::move(content_type));
    return r;
  }
};

// Completes one request. May be called from any thread, exactly once; the server
// moves the response back onto the connection's executor.
using Reply = std::function<void(Response)>;

// A handler either calls reply before returning (synchronous reads) or hands it to
// work that finishes later (group-committed writes, password hashing). An exception
// thrown by the handler itself is turned into a response by the server's ErrorMapper.
using Handler = std::function<void(Request&, Reply)>;

// Maps an exception escaping a handler to a response (the one error mapping lives in api/).
using ErrorMapper = std::function<Response(const Request&, std::exception_ptr)>;

}  // namespace kefu::http
