#pragma once
// Private to the HTTP server: the Beast/Asio types and Server::Impl, shared by
// server.cpp (lifecycle, accept, shutdown) and server_session.cpp (one connection).
// Include it from nowhere else: Beast headers compile slowly.
#include <utility>  // g++ 12 + Boost 1.74 in C++20 mode: must precede the Boost headers

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <spdlog/spdlog.h>
#include <atomic>
#include <csignal>
#include <ctime>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_set>

#include "core/http/access_log.hpp"
#include "core/http/error_json.hpp"
#include "core/http/event_stream.hpp"
#include "core/http/metrics.hpp"
#include "core/http/reply_slot.hpp"
#include "core/http/server.hpp"
#include "core/http/url.hpp"

// GCC (11-15) reports asio's awaitable frame allocation as mismatched new/delete; a
// known false positive (gcc PR 109224), checked with ASan here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace kefu::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

namespace server_detail {

// Concrete executor types instead of any_io_executor: the type erasure showed up in
// profiles of the /healthz loop.
using Executor = asio::strand<asio::io_context::executor_type>;
template <typename T>
using Task = asio::awaitable<T, Executor>;
using Socket = asio::basic_stream_socket<tcp, Executor>;
using Acceptor = asio::basic_socket_acceptor<tcp, Executor>;
using Timer = asio::basic_waitable_timer<Clock, asio::wait_traits<Clock>, Executor>;
using SignalSet = asio::basic_signal_set<Executor>;
using Parser = bhttp::request_parser<bhttp::string_body>;

// After answering with "Connection: close" we read (and drop) what the client still
// sends for a moment, so that closing does not reset the connection before the client
// has read our answer (typical after 413 with an unread body).
constexpr auto kLingerTime = std::chrono::seconds(1);
constexpr std::size_t kLingerBytes = 1 << 20;
// How often I/O deadlines are checked: timeouts fire up to this much late. A periodic
// sweep costs nothing per request, unlike a timer armed around every read and write
// (beast::tcp_stream's way, which halved throughput with two io threads).
constexpr auto kSweepInterval = std::chrono::seconds(1);
constexpr std::int64_t kNoDeadline = std::numeric_limits<std::int64_t>::max();

inline auto with_ec(error_code& ec) { return asio::redirect_error(asio::use_awaitable_t<Executor>{}, ec); }

inline std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

inline std::int64_t ticks(Clock::time_point t) { return t.time_since_epoch().count(); }

inline Response internal_error() { return error_json(500, "internal_error", "服务器内部错误 / Internal server error"); }
inline Response bad_request() { return error_json(400, "bad_request", "请求格式错误 / Malformed request"); }
inline Response body_too_large() { return error_json(413, "body_too_large", "请求体过大 / Request body too large"); }
inline Response stopping_unavailable() {
  return error_json(503, "unavailable", "服务正在停止 / Server is shutting down");
}
inline Response upgrade_required() {
  Response r = error_json(426, "upgrade_required", "请使用 WebSocket 连接 / Use a WebSocket connection");
  r.set("Upgrade", "websocket");
  return r;
}
// A WebSocket opening handshake (RFC 6455 4.1): Beast's websocket::is_upgrade, behind a
// function so that only server_websocket.cpp includes Beast's WebSocket headers.
bool is_websocket_upgrade(const bhttp::request<bhttp::string_body>& req);
inline Response headers_too_large() {
  return error_json(431, "headers_too_large", "请求头过大 / Request headers too large");
}

// IMF-fixdate (RFC 7231), formatted once per second per thread; no locale involved.
inline const std::string& http_date() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached_second = -1;
  thread_local std::string cached;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                  kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    cached = buf;
    cached_second = now;
  }
  return cached;
}

// The peer went away, timed out or we are shutting down: there is nobody to answer.
inline bool is_disconnect(const error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == asio::error::eof ||
         ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe || ec == asio::error::bad_descriptor;
}

// Wakes a connection coroutine waiting on `timer` for a reply: posts the cancel to the
// connection's strand, where the slot is re-checked (the wait may be over already).
class TimerWaiter final : public detail::ReplyWaiter {
 public:
  explicit TimerWaiter(Timer& timer) : timer_(timer) {}
  void notify(std::shared_ptr<detail::ReplySlot> slot) override {
    asio::post(timer_.get_executor(), [slot = std::move(slot)] {
      slot->with_waiter([](detail::ReplyWaiter& w) { static_cast<TimerWaiter&>(w).timer_.cancel(); });
    });
  }

 private:
  Timer& timer_;
};

// A connection as the sweeper and the shutdown logic see it. `socket` and `idle` are
// touched only on the connection's strand (`executor`); `deadline` from anywhere.
struct Session {
  explicit Session(Executor ex) : executor(std::move(ex)) {}

  // The sweeper closes the socket once the deadline has passed, so a pending read or
  // write fails. Waits for a handler's Reply have their own timer and no deadline here.
  void expire_in(Clock::duration d) { deadline.store(ticks(Clock::now() + d), std::memory_order_relaxed); }
  void expire_never() { deadline.store(kNoDeadline, std::memory_order_relaxed); }
  bool expired(Clock::time_point now) const { return deadline.load(std::memory_order_relaxed) < ticks(now); }

  Executor executor;
  Socket* socket = nullptr;                          // null once the coroutine is done with it
  bool idle = false;                                 // waiting for the next request of a keep-alive connection
  std::shared_ptr<detail::StreamChannel> stream;     // set while it serves an event stream
  std::shared_ptr<detail::SocketChannel> websocket;  // set while it serves a WebSocket
  Timer* stream_timer = nullptr;                     // the stream writer's wait, woken by senders
  std::atomic<std::int64_t> deadline{kNoDeadline};
};

// One request/response, for the answer, metrics and the access log.
struct Exchange {
  Clock::time_point start;
  std::string method;
  std::string target;
  std::size_t route = 0;  // Metrics route index; 0 = unmatched
  unsigned version = 11;
  bool keep_alive = false;
};

// Where a request goes, decided from its header alone.
struct Resolved {
  enum class Kind { handler, healthz, metrics, not_found, bad_method } kind = Kind::not_found;
  std::string path;  // decoded
  std::string_view raw_query;
  Router::Match match;
  std::size_t body_limit = 0;
};

class InFlight {
 public:
  explicit InFlight(Metrics& m) : m_(m) { m_.request_started(); }
  ~InFlight() { m_.request_finished(); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  Metrics& m_;
};

inline std::vector<std::string> metric_routes(const Router& router) {
  std::vector<std::string> out{"/healthz", "/metrics"};
  for (auto& r : router.routes()) out.push_back(std::move(r.pattern));
  return out;
}

}  // namespace server_detail

using namespace server_detail;

struct Server::Impl {
  Impl(ServerOptions o, Router r, ErrorMapper e)
      : options(std::move(o)),
        router(std::move(r)),
        on_error(std::move(e)),
        metrics(metric_routes(router)),
        healthz_route(metrics.route_index("/healthz")),
        metrics_route(metrics.route_index("/metrics")),
        ioc(std::make_unique<asio::io_context>(std::max(1, options.threads))),
        control(asio::make_strand(*ioc)),
        acceptor(control),
        signals(control),
        drain_timer(control),
        sweep_timer(control) {
    if (options.threads < 1) options.threads = 1;
    if (options.access_log) access_log = std::make_unique<AccessLog>(options.access_log_path);
  }

  ~Impl() {
    // Coroutines still suspended (run() gave up after the grace period, or never ran)
    // are destroyed with the io_context; they must not post anything meanwhile.
    tearing_down.store(true);
    ioc->stop();
  }

  void start();
  void run();
  void stop();

  Task<void> accept_loop();
  Task<void> session(Socket socket);
  std::optional<Response> resolve(Parser& parser, Exchange& x, Resolved& out);
  Response answer_builtin(const Resolved& r, const Parser& parser, const std::string& remote);
  Request make_request(Parser& parser, Exchange& x, Resolved& r, const std::string& remote);
  Task<Response> call_handler(Request& req, const Handler& handler, Clock::time_point deadline, bool& close_after);
  Response map_error(const Request& req, std::exception_ptr error);
  bhttp::response<bhttp::string_body> build(const Exchange& x, Response& response, bool keep_alive);
  void record(const Exchange& x, int status, std::size_t bytes, const std::string& remote);
  // The two halves of record(): the metrics (returns the request's time so far), and the
  // access log line.
  Clock::duration count(const Exchange& x, int status);
  void log_access(const Exchange& x, int status, std::size_t bytes, const std::string& remote, Clock::duration elapsed);
  Task<void> linger_close(Session& self, Socket& socket);
  Task<void> serve_stream(std::shared_ptr<Session> self, Socket& socket, unsigned version, Response response);
  // server_websocket.cpp (the only file with Beast's WebSocket headers).
  Task<void> serve_websocket(std::shared_ptr<Session> self, Socket& socket, bhttp::request<bhttp::string_body> upgrade,
                             Response response);

  bool add_session(const std::shared_ptr<Session>& s);
  void remove_session(const std::shared_ptr<Session>& s);
  void begin_shutdown();
  void finish();
  void schedule_sweep();
  void sweep();
  void run_loop();

  // Declared before the io_context: coroutines destroyed with it still use these.
  ServerOptions options;
  Router router;
  ErrorMapper on_error;
  std::function<void()> on_drained;
  Metrics metrics;
  std::size_t healthz_route;
  std::size_t metrics_route;
  std::unique_ptr<AccessLog> access_log;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> stopping{false};  // no new requests; answers say "Connection: close"
  std::atomic<bool> tearing_down{false};
  std::mutex sessions_mu;
  std::unordered_set<std::shared_ptr<Session>> sessions;
  unsigned short bound_port = 0;
  bool started = false;
  bool finished = false;  // control strand only

  std::unique_ptr<asio::io_context> ioc;
  Executor control;
  Acceptor acceptor;
  SignalSet signals;
  Timer drain_timer;
  Timer sweep_timer;
};

}  // namespace kefu::http
