// The server on 127.0.0.1 (port 0) in a background thread, spoken to with a tiny
// blocking HTTP/1.1 client over POSIX sockets: requests, limits, errors, timeouts, shutdown.
#include "core/http/server_test_support.hpp"

namespace kefu::http {
namespace {

using namespace test_support;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST_F(ServerTest, BindsAFreePortWhenAskedForZero) {
  start();
  EXPECT_NE(port, 0);
}

TEST_F(ServerTest, HealthzAnswersOkWithStandardHeaders) {
  start();
  const auto r = fetch(port, get("/healthz"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok"})");
  EXPECT_EQ(r.header("server"), "kefu");
  EXPECT_THAT(r.header("date"), HasSubstr(" GMT"));
  EXPECT_EQ(r.header("content-length"), std::to_string(r.body.size()));
  EXPECT_THAT(r.header("content-type"), StartsWith("application/json"));
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start();
  Client c(port);
  for (int i = 0; i < 3; ++i) {
    c.send(get("/api/ping"));
    const auto r = c.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, R"({"pong":true})");
  }
  c.send(get("/api/ping", "Connection: close\r\n"));
  const auto last = c.read();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->header("connection"), "close");
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, MetricsCountRequestsByRouteMethodAndStatus) {
  start();
  Client c(port);  // one connection: each request is recorded before the next is read
  for (const auto& target : {"/api/ping", "/api/ping", "/nope"}) {
    c.send(get(target));
    ASSERT_TRUE(c.read());
  }
  c.send(get("/metrics"));
  const auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_THAT(r->header("content-type"), StartsWith("text/plain; version=0.0.4"));
  EXPECT_THAT(r->body, HasSubstr("# TYPE kefu_http_requests_total counter\n"));
  EXPECT_THAT(r->body, HasSubstr("kefu_http_requests_total{method=\"GET\",route=\"/api/ping\",status=\"200\"} 2\n"));
  EXPECT_THAT(r->body, HasSubstr("kefu_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n"));
  EXPECT_THAT(r->body, HasSubstr("# TYPE kefu_http_request_duration_seconds histogram\n"));
  EXPECT_THAT(r->body, HasSubstr("kefu_http_request_duration_seconds_bucket{route=\"/api/ping\",le=\"0.0005\"} "));
  EXPECT_THAT(r->body, HasSubstr("kefu_http_request_duration_seconds_bucket{route=\"/api/ping\",le=\"5\"} 2\n"));
  EXPECT_THAT(r->body, HasSubstr("kefu_http_request_duration_seconds_bucket{route=\"/api/ping\",le=\"+Inf\"} 2\n"));
  EXPECT_THAT(r->body, HasSubstr("kefu_http_request_duration_seconds_sum{route=\"/api/ping\"} "));
  EXPECT_THAT(r->body, HasSubstr("kefu_http_request_duration_seconds_count{route=\"/api/ping\"} 2\n"));
  EXPECT_THAT(r->body, HasSubstr("kefu_http_in_flight 1\n"));  // the scrape itself
}

TEST_F(ServerTest, RequestCarriesDecodedParamsQueryHeadersCookiesAndRoute) {
  start();
  const auto r =
      fetch(port, get("/api/tickets/a%20b?q=%E4%BD%A0+x&other=1", "X-Trace: t-1\r\nCookie: x=1; sid=s3\r\n"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "a b|你 x|t-1|s3|/api/tickets/{id}|127.0.0.1");
}

TEST_F(ServerTest, HandlerMayReplyFromAnotherThreadAfterReturning) {
  start();
  std::vector<std::future<HttpResponse>> replies;
  for (int i = 0; i < 8; ++i) {
    replies.push_back(
        std::async(std::launch::async, [this, i] { return fetch(port, get("/api/later/" + std::to_string(i))); }));
  }
  for (int i = 0; i < 8; ++i) {
    const auto r = replies[i].get();
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "later " + std::to_string(i));
    EXPECT_EQ(r.header("x-worker"), "yes");
  }
}

TEST_F(ServerTest, UnknownRouteIs404Json) {
  start();
  const auto r = fetch(port, get("/api/nothing/here"));
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(r.header("content-type"), StartsWith("application/json"));
  EXPECT_EQ(r.body, R"({"error":{"code":"route_not_found","message":"接口不存在 / No such route"}})");
}

TEST_F(ServerTest, WrongMethodIs405JsonWithAllow) {
  start();
  auto r = fetch(port, post("/api/ping", "x"));
  EXPECT_EQ(r.status, 405);
  EXPECT_THAT(r.body, StartsWith(R"({"error":{"code":"method_not_allowed","message":")"));
  EXPECT_EQ(r.header("allow"), "GET");

  r = fetch(port, post("/healthz", ""));
  EXPECT_EQ(r.status, 405);
}

TEST_F(ServerTest, BodyOverTheLimitIs413) {
  start();
  const auto r = fetch(port, post("/api/echo", std::string(2048, 'x')));
  EXPECT_EQ(r.status, 413);
  EXPECT_THAT(r.body, HasSubstr(R"("code":"body_too_large")"));
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
  start();
  const std::string chunk(800, 'y');
  const std::string request = "POST /api/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n" +
                              chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n";
  const auto r = fetch(port, request);
  EXPECT_EQ(r.status, 413);
}

TEST_F(ServerTest, BodyWithinTheLimitIsDelivered) {
  start();
  const auto r = fetch(port, post("/api/echo", "hello body"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "hello body");
}

TEST_F(ServerTest, RouteWithALargerLimitAcceptsTheBiggerBody) {
  start();
  const auto r = fetch(port, post("/api/upload", std::string(40 * 1024, 'z')));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, std::to_string(40 * 1024));
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimResponse) {
  start();
  Client c(port);
  c.send("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  const auto interim = c.read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  c.send("hello");
  const auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello");
}

TEST_F(ServerTest, OversizedHeaderIs431) {
  start();
  const auto r = fetch(port, get("/api/ping", "X-Big: " + std::string(8000, 'a') + "\r\n"));
  EXPECT_EQ(r.status, 431);
  EXPECT_THAT(r.body, HasSubstr(R"("code":"headers_too_large")"));
}

TEST_F(ServerTest, MalformedRequestIs400AndCloses) {
  start();
  Client c(port);
  c.send("THIS IS NOT HTTP\r\n\r\n");
  const auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_THAT(r->body, HasSubstr(R"("code":"bad_request")"));
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, ThrowingHandlerIsAnsweredByTheErrorMapper) {
  start();
  const auto r = fetch(port, get("/api/throws"));
  EXPECT_EQ(r.status, 418);
  EXPECT_EQ(r.body, R"({"error":{"code":"mapped","message":"boom"}})");
}

TEST_F(ServerTest, DroppedReplyIs500) {
  start();
  const auto r = fetch(port, get("/api/drops"));
  EXPECT_EQ(r.status, 500);
  EXPECT_THAT(r.body, HasSubstr(R"("code":"internal_error")"));
}

TEST_F(ServerTest, HandlerThatNeverRepliesGets408WhenTheRequestTimesOut) {
  options.request_timeout = std::chrono::seconds(1);
  start();
  Client c(port);
  c.send(get("/api/never"));
  const auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 408);
  EXPECT_THAT(r->body, HasSubstr(R"("code":"timeout")"));
  EXPECT_EQ(r->header("connection"), "close");
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
  options.idle_timeout = std::chrono::seconds(1);
  start();
  Client c(port);
  c.send(get("/api/ping"));
  ASSERT_TRUE(c.read());
  EXPECT_TRUE(c.closed_by_server());  // EOF, not the client's 10 s receive timeout
}

TEST_F(ServerTest, StopLetsAnInFlightRequestFinishThenRunReturns) {
  start();
  Client idle(port);  // a keep-alive connection with nothing in flight
  idle.send(get("/api/ping"));
  ASSERT_TRUE(idle.read());

  auto slow = std::async(std::launch::async, [this] { return fetch(port, get("/api/slow")); });
  slow_entered.get_future().wait();  // the handler runs and holds its Reply
  server->stop();
  server->stop();  // harmless
  slow_release.set_value();

  const auto r = slow.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "slow done");
  EXPECT_EQ(r.header("connection"), "close");
  server_thread.join();
  EXPECT_TRUE(run_returned);
  EXPECT_EQ(drained_calls, 1);
  EXPECT_TRUE(idle.closed_by_server());
}

TEST_F(ServerTest, StopBeforeAnyRequestReturnsFromRun) {
  start();
  server->stop();
  server_thread.join();
  EXPECT_TRUE(run_returned);
  EXPECT_EQ(drained_calls, 1);
}

TEST(ServerStart, ThrowsWhenThePortIsTaken) {
  ServerOptions options;
  options.port = 0;
  options.access_log = false;
  Server first(options, Router{}, nullptr);
  first.start();
  options.port = first.port();
  Server second(options, Router{}, nullptr);
  EXPECT_THROW(second.start(), std::runtime_error);
}

}  // namespace
}  // namespace kefu::http
