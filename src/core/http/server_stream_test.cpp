// Server-Sent Events through the real server: framing, disconnects, pings, timeouts,
// slow clients and shutdown.
#include "core/http/server_test_support.hpp"

namespace kefu::http {
namespace {

using namespace test_support;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
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
}  // namespace
}  // namespace kefu::http
