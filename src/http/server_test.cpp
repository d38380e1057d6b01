// The server on 127.0.0.1 (port 0) in a background thread, spoken to with a tiny
// blocking HTTP/1.1 client over POSIX sockets.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "http/server.hpp"

namespace kefu::http {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string{} : it->second;
  }
};

std::string lowered(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// One client connection; reads Content-Length framed responses (all the server sends).
class Client {
 public:
  explicit Client(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket");
    timeval tv{10, 0};  // a broken server fails the test instead of hanging it
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      throw std::runtime_error("connect");
    }
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  void send(std::string_view data) {
    while (!data.empty()) {
      const auto n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may close early (413, 431); the answer is still readable
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  // Next response, or nullopt when the connection ends first.
  std::optional<HttpResponse> read() {
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return std::nullopt;
    }
    HttpResponse r;
    const std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    std::size_t pos = head.find("\r\n");
    const std::string status_line = head.substr(0, pos);
    r.status = std::stoi(status_line.substr(status_line.find(' ') + 1, 3));
    while (pos != std::string::npos) {
      const std::size_t next = head.find("\r\n", pos + 2);
      const std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
      const auto colon = line.find(':');
      if (colon != std::string::npos) {
        const auto value_start = line.find_first_not_of(' ', colon + 1);
        r.headers[lowered(line.substr(0, colon))] = value_start == std::string::npos ? "" : line.substr(value_start);
      }
      pos = next;
    }
    const std::size_t length = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
    while (buffer_.size() < length) {
      if (!fill()) return std::nullopt;
    }
    r.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return r;
  }

  // Raw bytes up to and including delim (for event streams), or nullopt when the
  // connection ends (or the 10 s receive timeout passes) first.
  std::optional<std::string> read_until(std::string_view delim) {
    std::size_t end;
    while ((end = buffer_.find(delim)) == std::string::npos) {
      if (!fill()) return std::nullopt;
    }
    std::string out = buffer_.substr(0, end + delim.size());
    buffer_.erase(0, end + delim.size());
    return out;
  }

  // True when the server closed the connection before sending anything more (EOF or
  // reset; a receive timeout is not a close).
  bool closed_by_server() {
    if (!buffer_.empty()) return false;
    char c;
    const auto n = ::recv(fd_, &c, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
  }

 private:
  bool fill() {
    char chunk[4096];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
};

std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

std::string post(const std::string& target, const std::string& body) {
  return "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
         body;
}

HttpResponse fetch(unsigned short port, const std::string& request) {
  Client c(port);
  c.send(request);
  auto r = c.read();
  if (!r) throw std::runtime_error("no response");
  return *r;
}

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    options.port = 0;
    options.threads = 2;
    options.max_header_bytes = 4096;
    options.max_body_bytes = 1024;
    options.body_limit_by_route["/api/upload"] = 64 * 1024;
    options.access_log = false;

    router.add("GET", "/api/ping", [](Request&, Reply reply) { reply(Response::json(200, R"({"pong":true})")); });
    router.add("GET", "/api/tickets/{id}", [](Request& req, Reply reply) {
      reply(Response::text(200, req.params.at("id") + "|" + req.query_value("q") + "|" + req.header("X-Trace") + "|" +
                                    req.cookie("sid") + "|" + req.route + "|" + req.remote));
    });
    router.add("POST", "/api/echo", [](Request& req, Reply reply) { reply(Response::text(200, req.body)); });
    router.add("POST", "/api/upload",
               [](Request& req, Reply reply) { reply(Response::text(200, std::to_string(req.body.size()))); });
    // Answers from another thread after the handler returned, like a database writer.
    router.add("GET", "/api/later/{n}", [this](Request& req, Reply reply) {
      spawn([n = req.params.at("n"), reply = std::move(reply)] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        reply(Response::text(200, "later " + n).set("X-Worker", "yes"));
      });
    });
    router.add("GET", "/api/throws", [](Request&, Reply) { throw std::runtime_error("boom"); });
    router.add("GET", "/api/drops", [](Request&, Reply) {});
    // Keeps its Reply without ever calling it.
    router.add("GET", "/api/never", [this](Request&, Reply reply) {
      std::lock_guard lock(workers_mu);
      parked.push_back(std::move(reply));
    });
    router.add("GET", "/api/slow", [this](Request&, Reply reply) {
      slow_entered.set_value();
      spawn([this, reply = std::move(reply)] {
        slow_release_future.wait();
        reply(Response::text(200, "slow done"));
      });
    });
  }

  ~ServerTest() override {
    if (server) server->stop();
    if (server_thread.joinable()) server_thread.join();
    try {
      slow_release.set_value();  // never leave a worker waiting when a test failed early
    } catch (const std::future_error&) {
    }
    std::lock_guard lock(workers_mu);
    for (auto& t : workers) t.join();
    parked.clear();  // a Reply may outlive the server: it is simply dropped
    server.reset();
  }

  void start() {
    server = std::make_unique<Server>(options, std::move(router), [](const Request& req, std::exception_ptr e) {
      std::string what = "unknown";
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        what = ex.what();
      }
      return Response::json(418, R"({"error":{"code":"mapped","message":")" + what + R"("}})");
    });
    server->on_drained([this] { drained_calls++; });
    server->start();
    port = server->port();
    server_thread = std::thread([this] {
      server->run();
      run_returned = true;
    });
  }

  template <typename F>
  void spawn(F&& f) {
    std::lock_guard lock(workers_mu);
    workers.emplace_back(std::forward<F>(f));
  }

  ServerOptions options;
  Router router;
  std::unique_ptr<Server> server;
  std::thread server_thread;
  unsigned short port = 0;
  std::atomic<int> drained_calls{0};
  std::atomic<bool> run_returned{false};
  std::mutex workers_mu;
  std::vector<std::thread> workers;
  std::vector<Reply> parked;
  std::promise<void> slow_entered;
  std::promise<void> slow_release;
  std::shared_future<void> slow_release_future = slow_release.get_future().share();
};

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

// ---- event streams -----------------------------------------------------------------

using ::testing::Not;
constexpr auto kWait = std::chrono::seconds(5);  // generous upper bound, never a timing assertion

// What a stream route saw: the stream once opened, and whether on_close fired. Shared:
// on_close may fire while the fixture stops the server, after the test body ended.
struct StreamProbe : std::enable_shared_from_this<StreamProbe> {
  std::promise<std::shared_ptr<EventStream>> opened;
  std::shared_future<std::shared_ptr<EventStream>> opened_future = opened.get_future().share();
  std::promise<void> closed;
  std::shared_future<void> closed_future = closed.get_future().share();

  Handler handler() {
    return [self = shared_from_this()](Request&, Reply reply) {
      reply(Response::event_stream([self](std::shared_ptr<EventStream> s) {
        s->on_close([self] { self->closed.set_value(); });
        self->opened.set_value(std::move(s));
      }));
    };
  }
  std::shared_ptr<EventStream> stream() {
    if (opened_future.wait_for(kWait) != std::future_status::ready) throw std::runtime_error("stream not opened");
    return opened_future.get();
  }
  bool closed_in_time() { return closed_future.wait_for(kWait) == std::future_status::ready; }
};

TEST_F(ServerTest, EventStreamWritesHeadersAndEventsInOrderFromAnotherThread) {
  router.add("GET", "/api/events", [this](Request&, Reply reply) {
    reply(Response::event_stream([this](std::shared_ptr<EventStream> s) {
            spawn([s] {
              EXPECT_TRUE(s->send("ticket", "first", "1"));
              EXPECT_TRUE(s->send("", "line one\nline two\r\nline three"));
              EXPECT_TRUE(s->send("note", "third", "3"));
              s->close();
              EXPECT_FALSE(s->send("note", "too late"));
            });
          }).set("X-Extra", "yes"));
  });
  start();
  Client c(port);
  c.send(get("/api/events"));
  const auto head = c.read_until("\r\n\r\n");
  ASSERT_TRUE(head);
  EXPECT_THAT(*head, StartsWith("HTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(*head, HasSubstr("\r\nContent-Type: text/event-stream\r\n"));
  EXPECT_THAT(*head, HasSubstr("\r\nCache-Control: no-cache\r\n"));
  EXPECT_THAT(*head, HasSubstr("\r\nX-Accel-Buffering: no\r\n"));
  EXPECT_THAT(*head, HasSubstr("\r\nConnection: close\r\n"));
  EXPECT_THAT(*head, HasSubstr("\r\nX-Extra: yes\r\n"));
  EXPECT_THAT(lowered(*head), Not(HasSubstr("content-length")));
  EXPECT_THAT(lowered(*head), Not(HasSubstr("transfer-encoding")));
  EXPECT_EQ(c.read_until("\n\n"), "id: 1\nevent: ticket\ndata: first\n\n");
  EXPECT_EQ(c.read_until("\n\n"), "data: line one\ndata: line two\ndata: line three\n\n");
  EXPECT_EQ(c.read_until("\n\n"), "id: 3\nevent: note\ndata: third\n\n");
  EXPECT_TRUE(c.closed_by_server());  // close() ends the close-delimited body
}

TEST_F(ServerTest, EventStreamClientDisconnectingClosesTheStream) {
  auto probe = std::make_shared<StreamProbe>();
  router.add("GET", "/api/events", probe->handler());
  start();
  std::shared_ptr<EventStream> stream;
  {
    Client c(port);
    c.send(get("/api/events"));
    ASSERT_TRUE(c.read_until("\r\n\r\n"));
    stream = probe->stream();
    EXPECT_TRUE(stream->open());
  }
  ASSERT_TRUE(probe->closed_in_time());
  EXPECT_FALSE(stream->open());
  EXPECT_FALSE(stream->send("ticket", "nobody listens"));
  bool late = false;
  stream->on_close([&] { late = true; });  // already closed: runs at once
  EXPECT_TRUE(late);
}

TEST_F(ServerTest, StopEndsOpenEventStreamsAndRunReturnsPromptly) {
  options.shutdown_grace = std::chrono::seconds(60);  // waiting for the stream would show
  auto probe = std::make_shared<StreamProbe>();
  router.add("GET", "/api/events", probe->handler());
  start();
  Client c(port);
  c.send(get("/api/events"));
  ASSERT_TRUE(c.read_until("\r\n\r\n"));
  const auto stream = probe->stream();
  const auto before = std::chrono::steady_clock::now();
  server->stop();
  server_thread.join();
  EXPECT_LT(std::chrono::steady_clock::now() - before, kWait);
  EXPECT_TRUE(run_returned);
  EXPECT_EQ(drained_calls, 1);
  EXPECT_TRUE(probe->closed_in_time());
  EXPECT_FALSE(stream->send("ticket", "after stop"));
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, EventStreamGetsAPingCommentWhenQuiet) {
  options.stream_ping_interval = std::chrono::milliseconds(100);
  auto probe = std::make_shared<StreamProbe>();
  router.add("GET", "/api/events", probe->handler());
  start();
  Client c(port);
  c.send(get("/api/events"));
  ASSERT_TRUE(c.read_until("\r\n\r\n"));
  EXPECT_EQ(c.read_until("\n\n"), ": ping\n\n");
  EXPECT_EQ(c.read_until("\n\n"), ": ping\n\n");
  probe->stream()->comment("hello");
  std::optional<std::string> frame;
  do {  // pings may come first
    frame = c.read_until("\n\n");
  } while (frame == ": ping\n\n");
  EXPECT_EQ(frame, ": hello\n\n");
}

TEST_F(ServerTest, EventStreamOutlivesTheRequestTimeout) {
  options.request_timeout = std::chrono::seconds(1);
  options.idle_timeout = std::chrono::seconds(1);
  auto probe = std::make_shared<StreamProbe>();
  router.add("GET", "/api/events", probe->handler());
  start();
  Client c(port);
  c.send(get("/api/events"));
  ASSERT_TRUE(c.read_until("\r\n\r\n"));
  const auto stream = probe->stream();
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // past both timeouts and a sweep
  ASSERT_TRUE(stream->send("ticket", "still here"));
  EXPECT_EQ(c.read_until("\n\n"), "event: ticket\ndata: still here\n\n");
}

TEST_F(ServerTest, OtherConnectionsKeepWorkingWhileAStreamIsOpen) {
  auto probe = std::make_shared<StreamProbe>();
  router.add("GET", "/api/events", probe->handler());
  start();
  Client c(port);
  c.send(get("/api/events"));
  ASSERT_TRUE(c.read_until("\r\n\r\n"));
  const auto stream = probe->stream();
  Client other(port);  // one connection: each request is recorded before the next is read
  for (int i = 0; i < 3; ++i) {
    other.send(get("/api/ping"));
    const auto r = other.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_EQ(fetch(port, get("/healthz")).status, 200);  // and a new connection
  other.send(get("/metrics"));
  const auto m = other.read();
  ASSERT_TRUE(m);
  EXPECT_THAT(m->body, HasSubstr("kefu_http_requests_total{method=\"GET\",route=\"/api/events\",status=\"200\"} 1\n"));
  EXPECT_THAT(m->body, HasSubstr("kefu_http_requests_total{method=\"GET\",route=\"/api/ping\",status=\"200\"} 3\n"));
  ASSERT_TRUE(stream->send("", "after the others"));
  EXPECT_EQ(c.read_until("\n\n"), "data: after the others\n\n");
}

TEST_F(ServerTest, SlowEventStreamClientIsDisconnectedInsteadOfBlockingTheSender) {
  options.stream_max_queued_bytes = 64 * 1024;
  auto probe = std::make_shared<StreamProbe>();
  router.add("GET", "/api/events", probe->handler());
  start();
  Client c(port);  // never reads the events
  c.send(get("/api/events"));
  ASSERT_TRUE(c.read_until("\r\n\r\n"));
  const auto stream = probe->stream();
  const std::string data(1024, 'x');
  bool refused = false;
  for (int i = 0; i < 200000 && !refused; ++i) refused = !stream->send("bulk", data);  // at most ~200 MiB
  EXPECT_TRUE(refused);
  EXPECT_TRUE(probe->closed_in_time());
  EXPECT_FALSE(stream->open());
}

TEST_F(ServerTest, StreamResponseAfterStopIsRefusedWith503) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  router.add("GET", "/api/events", [&, released](Request&, Reply reply) {
    entered.set_value();
    spawn([released, reply = std::move(reply)] {
      released.wait();
      reply(Response::event_stream([](std::shared_ptr<EventStream>) { ADD_FAILURE() << "opened while stopping"; }));
    });
  });
  start();
  auto answer = std::async(std::launch::async, [this] { return fetch(port, get("/api/events")); });
  entered.get_future().wait();
  server->stop();
  release.set_value();
  const auto r = answer.get();
  EXPECT_EQ(r.status, 503);
  server_thread.join();
  EXPECT_TRUE(run_returned);
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
