#pragma once
// The HTTP/1.1 server: Boost.Beast + Asio with C++20 coroutines, hidden behind this
// header. Limits, timeouts, the access log, /healthz and /metrics live here.
//
// Built-in routes, answered before the Router is consulted: GET /healthz
// ({"status":"ok"}) and GET /metrics (Prometheus text: kefu_http_requests_total,
// kefu_http_request_duration_seconds, kefu_http_in_flight). Unknown routes get 404,
// a known path with another method 405 (with Allow); these and the protocol errors
// (400 bad_request, 408 timeout, 413 body_too_large, 431 headers_too_large) carry
// {"error":{"code":"...","message":"..."}}.
//
// Handlers run inline on an io thread: do not block in them, hand slow work to another
// thread and call the Reply from there. The Reply may be called from any thread, once;
// a second call is logged and dropped; dropping every copy uncalled answers 500; a reply
// arriving after the request timed out (408) or after the server was destroyed is
// dropped. The Request lives until the answer is written, but a handler that replies
// later should copy what it needs from it, not keep the reference. A handler that
// throws is answered by the ErrorMapper, whatever it did with its Reply.
//
// Event streams (Response::event_stream, see message.hpp): the answer is 200 with
// Content-Type: text/event-stream, Cache-Control: no-cache, X-Accel-Buffering: no and
// Connection: close, and no Content-Length or chunking: the body is close-delimited, the
// connection serves nothing else and closes when the stream ends. The request counts once
// in the metrics and the access log, when the stream starts (status 200, 0 bytes). No
// request timeout applies while the stream is open; the client's closing the connection
// or a failed write closes the stream, and so does a single write taking longer than
// request_timeout. After stream_ping_interval without a write the server sends a
// ": ping" comment so that proxies keep the connection. stop() closes every stream at
// once (on_close callbacks fire) instead of waiting for it. A handler answering with a
// stream while the server is stopping gets 503 sent instead.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/http/message.hpp"
#include "core/http/router.hpp"

namespace kefu::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 = pick a free port (see Server::port())
  int threads = 2;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;  // default limit for every route
  // Larger limits for chosen route patterns, e.g. attachment uploads.
  std::map<std::string, std::size_t> body_limit_by_route;
  // Timeouts are checked once a second, so they fire up to a second late. A new
  // connection has request_timeout to send its header; on a keep-alive connection the
  // wait for the next header is idle time. A handler that has not replied when the
  // request timeout is over gets 408 sent for it, and the connection is closed.
  std::chrono::seconds request_timeout{30};  // whole request read + handler + write
  std::chrono::seconds idle_timeout{60};     // keep-alive idle
  std::chrono::seconds shutdown_grace{10};   // wait for in-flight requests on stop
  // Event streams: a ": ping" comment after this long without a write (0: never), and
  // how many bytes may wait for a slow client before it is disconnected.
  std::chrono::milliseconds stream_ping_interval{15000};
  std::size_t stream_max_queued_bytes = 1024 * 1024;
  bool access_log = true;
  std::string access_log_path;  // empty: stdout; otherwise a file rotated at 100 MiB
  // GET /metrics answers loopback clients; others must send "Authorization: Bearer <this>",
  // and get 403 when it is empty (the default).
  std::string metrics_token;
  // Reverse proxies (exact addresses) whose X-Forwarded-For names the client: the address
  // the rate limits and the access log use (client_address in access_log.hpp). Empty: the
  // peer is the client.
  std::vector<std::string> trusted_proxies;
};

class Server {
 public:
  Server(ServerOptions options, Router router, ErrorMapper on_error);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; throws std::runtime_error when the address is taken.
  void start();
  // The bound port (useful with port 0).
  unsigned short port() const;
  // Runs the io threads (this one and threads-1 more) until stop(); installs SIGTERM/SIGINT
  // handling that calls stop(). Destroy the Server only after run() returned.
  void run();
  // Stops accepting, closes idle keep-alive connections, lets in-flight requests finish
  // (up to shutdown_grace; their answers say "Connection: close"), then returns from
  // run(). Returns at once; safe from any thread (handlers included), any number of times.
  void stop();
  // Called (once) after the server stopped accepting and in-flight requests drained (or
  // the grace period ran out), on an io thread, before run() returns: the place to flush
  // the write queue. Set it before run().
  void on_drained(std::function<void()> fn);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kefu::http
