#include <gtest/gtest.h>

#include "core/http/error_json.hpp"
#include "core/http/message.hpp"
#include "core/http/url.hpp"

namespace kefu::http {
namespace {

TEST(Request, HeaderLookupIgnoresCase) {
  Request r;
  r.headers = {{"content-type", "application/json"}, {"x-trace", "abc"}};
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_EQ(r.header("X-TRACE"), "abc");
  EXPECT_EQ(r.header("missing"), "");
}

TEST(Request, CookieFindsOneValueAcrossHeaders) {
  Request r;
  r.headers = {{"cookie", "a=1; sid=xyz ;theme=\"dark\""}, {"cookie", "late=2"}};
  EXPECT_EQ(r.cookie("sid"), "xyz");
  EXPECT_EQ(r.cookie("theme"), "dark");
  EXPECT_EQ(r.cookie("late"), "2");
  EXPECT_EQ(r.cookie("SID"), "");  // cookie names are case-sensitive
  EXPECT_EQ(r.cookie("none"), "");
}

TEST(Request, QueryValueAndHasQuery) {
  Request r;
  r.query = parse_query("status=new&status=open&flag&q=%E4%BD%A0+%E5%A5%BD");
  EXPECT_EQ(r.query_value("status"), "new");
  EXPECT_EQ(r.query.count("status"), 2u);
  EXPECT_TRUE(r.has_query("flag"));
  EXPECT_EQ(r.query_value("flag"), "");
  EXPECT_EQ(r.query_value("q"), "你 好");
  EXPECT_FALSE(r.has_query("missing"));
}

TEST(Url, PercentDecode) {
  EXPECT_EQ(percent_decode("a%20b+c"), "a b+c");
  EXPECT_EQ(percent_decode("a%20b+c", true), "a b c");
  EXPECT_EQ(percent_decode("%e4%BD%a0"), "你");
  EXPECT_EQ(percent_decode("bad%G1"), std::nullopt);
  EXPECT_EQ(percent_decode("trailing%2"), std::nullopt);
  EXPECT_EQ(percent_decode("trailing%"), std::nullopt);
}

TEST(Url, ParseQueryKeepsMalformedPiecesRaw) {
  const auto q = parse_query("&a=%ZZ&&b=1=2&");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q.find("a")->second, "%ZZ");
  EXPECT_EQ(q.find("b")->second, "1=2");
}

TEST(Url, SplitTarget) {
  const auto t = split_target("/a/b?x=1&y#frag");
  EXPECT_EQ(t.path, "/a/b");
  EXPECT_EQ(t.query, "x=1&y");
  EXPECT_EQ(split_target("/only").query, "");
}

TEST(ErrorJson, EscapesAndKeepsUtf8) {
  const auto r = error_json(404, "route_not_found", "接口不存在 / \"No\" such route");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, R"({"error":{"code":"route_not_found","message":"接口不存在 / \"No\" such route"}})");
}

}  // namespace
}  // namespace kefu::http
