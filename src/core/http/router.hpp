#pragma once
// Method + path-pattern routing. Patterns are literal segments and {name}
// parameters ("/api/v1/tickets/{id}/notes"); a literal segment wins over a parameter.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.hpp"

namespace kefu::http {

struct RouteInfo {
  std::string method;
  std::string pattern;
  std::string group;  // who added it (set_group): a capability's name
};

class Router {
 public:
  // Throws std::invalid_argument for a pattern not starting with '/', an empty or
  // repeated {param}, or a route that duplicates one already added (same method and shape).
  void add(std::string method, std::string pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;
    std::string pattern;                        // for metrics and logs
    std::map<std::string, std::string> params;  // decoded path parameters
    bool method_not_allowed = false;            // path matched, method did not
    std::vector<std::string> allowed;           // with method_not_allowed: methods the path has (for Allow)
  };
  // Finds the handler for method+path. handler == nullptr when nothing matched.
  // `path` is the raw (still percent-encoded) path without the query; segments are
  // decoded before comparison, so "/a%2Fb" is one segment "a/b". Among the routes of
  // the method, the one with a literal at the first position where two differ wins.
  Match match(std::string_view method, std::string_view path) const;

  // What answers a `method` request no route matches (not one whose path matched with
  // another method): e.g. static files and single-page-app paths. Its pattern is "*".
  void fallback(std::string method, Handler handler);

  // Every registered route, for the OpenAPI completeness test and `kefu routes`.
  std::vector<RouteInfo> routes() const;

  // Routes added from now on belong to `group` (RouteInfo::group).
  void set_group(std::string group) { group_ = std::move(group); }

 private:
  struct Entry {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    std::string group;
  };
  std::vector<Entry> entries_;
  std::map<std::string, Handler> fallbacks_;
  std::string group_;
};

}  // namespace kefu::http
