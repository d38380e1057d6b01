#include <gtest/gtest.h>

#include <stdexcept>

#include "core/http/router.hpp"

namespace kefu::http {
namespace {

Handler noop() {
  return [](Request&, Reply reply) { reply(Response::text(200, "ok")); };
}

TEST(Router, LiteralSegmentBeatsParameter) {
  Router r;
  r.add("GET", "/api/v1/tickets/{id}", noop());
  r.add("GET", "/api/v1/tickets/search", noop());

  auto m = r.match("GET", "/api/v1/tickets/search");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.pattern, "/api/v1/tickets/search");
  EXPECT_TRUE(m.params.empty());

  m = r.match("GET", "/api/v1/tickets/42");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.pattern, "/api/v1/tickets/{id}");
  EXPECT_EQ(m.params.at("id"), "42");
}

TEST(Router, EarliestLiteralDecidesBetweenTwoPartialMatches) {
  Router r;
  r.add("GET", "/a/{x}/c", noop());
  r.add("GET", "/a/b/{y}", noop());
  const auto m = r.match("GET", "/a/b/c");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.pattern, "/a/b/{y}");
  EXPECT_EQ(m.params.at("y"), "c");
}

TEST(Router, ParametersArePercentDecoded) {
  Router r;
  r.add("GET", "/files/{name}/versions/{v}", noop());
  const auto m = r.match("GET", "/files/a%2Fb%20c/versions/%E4%BD%A0");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.params.at("name"), "a/b c");
  EXPECT_EQ(m.params.at("v"), "你");
}

TEST(Router, OtherMethodOnAKnownPathIsMethodNotAllowed) {
  Router r;
  r.add("GET", "/tickets/{id}", noop());
  r.add("PATCH", "/tickets/{id}", noop());
  const auto m = r.match("DELETE", "/tickets/7");
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_TRUE(m.method_not_allowed);
  EXPECT_EQ(m.pattern, "/tickets/{id}");
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "PATCH"}));
}

TEST(Router, UnknownPathIsNeitherMatchNorMethodNotAllowed) {
  Router r;
  r.add("GET", "/tickets/{id}", noop());
  for (const char* path : {"/nope", "/tickets", "/tickets/7/notes", "/tickets/7/", "/tickets/", "", "tickets/7"}) {
    const auto m = r.match("GET", path);
    EXPECT_EQ(m.handler, nullptr) << path;
    EXPECT_FALSE(m.method_not_allowed) << path;
  }
}

TEST(Router, RootAndMethodsAreDistinct) {
  Router r;
  r.add("GET", "/", noop());
  r.add("POST", "/tickets", noop());
  r.add("GET", "/tickets", noop());
  EXPECT_EQ(r.match("GET", "/").pattern, "/");
  EXPECT_NE(r.match("POST", "/tickets").handler, r.match("GET", "/tickets").handler);
}

TEST(Router, RoutesListsEveryRouteInOrder) {
  Router r;
  r.add("GET", "/a", noop());
  r.add("POST", "/a/{id}", noop());
  const auto routes = r.routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].method, "GET");
  EXPECT_EQ(routes[0].pattern, "/a");
  EXPECT_EQ(routes[1].method, "POST");
  EXPECT_EQ(routes[1].pattern, "/a/{id}");
}

TEST(Router, RejectsBrokenOrDuplicateRoutes) {
  Router r;
  r.add("GET", "/t/{id}", noop());
  EXPECT_THROW(r.add("GET", "t/x", noop()), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/t/{}/x", noop()), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/t/{a}/{a}", noop()), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/t/{other}", noop()), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/x", Handler{}), std::invalid_argument);
  EXPECT_NO_THROW(r.add("PUT", "/t/{id}", noop()));
}

}  // namespace
}  // namespace kefu::http

namespace kefu::http {
namespace {

TEST(Router, TheFallbackAnswersOnlyWhatNoRouteMatches) {
  Router r;
  int hit = 0;
  r.add("GET", "/api/v1/tickets/{id}", [&](Request&, Reply) { hit = 1; });
  r.add("POST", "/api/v1/tickets", [&](Request&, Reply) { hit = 2; });
  r.fallback("GET", [&](Request&, Reply) { hit = 3; });
  auto m = r.match("GET", "/tickets/42");
  ASSERT_TRUE(m.handler);
  EXPECT_EQ(m.pattern, "*");
  EXPECT_EQ(r.match("GET", "/api/v1/tickets/7").pattern, "/api/v1/tickets/{id}");
  auto wrong_method = r.match("GET", "/api/v1/tickets");  // the path exists for POST: 405, not the fallback
  EXPECT_FALSE(wrong_method.handler);
  EXPECT_TRUE(wrong_method.method_not_allowed);
  EXPECT_FALSE(r.match("DELETE", "/anything").handler);
}

}  // namespace
}  // namespace kefu::http
