// The only translation unit that sees Boost.Beast/Asio (they compile slowly); the
// contract is in server.hpp.
//
// Shape: one io_context run by `threads` threads. The acceptor, the signal set, the
// timeout sweeper and the shutdown logic live on one "control" strand. Every connection
// is one coroutine on its own strand: it reads a request header, resolves the route
// (which decides the body limit), reads the body, calls the handler inline, waits for
// its Reply if needed, writes the answer, and loops while keep-alive holds.
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

#include "http/access_log.hpp"
#include "http/error_json.hpp"
#include "http/metrics.hpp"
#include "http/reply_slot.hpp"
#include "http/server.hpp"
#include "http/url.hpp"

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

namespace {

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

auto with_ec(error_code& ec) { return asio::redirect_error(asio::use_awaitable_t<Executor>{}, ec); }

std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::int64_t ticks(Clock::time_point t) { return t.time_since_epoch().count(); }

Response internal_error() { return error_json(500, "internal_error", "服务器内部错误 / Internal server error"); }
Response bad_request() { return error_json(400, "bad_request", "请求格式错误 / Malformed request"); }
Response body_too_large() { return error_json(413, "body_too_large", "请求体过大 / Request body too large"); }
Response headers_too_large() { return error_json(431, "headers_too_large", "请求头过大 / Request headers too large"); }

// IMF-fixdate (RFC 7231), formatted once per second per thread; no locale involved.
const std::string& http_date() {
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
bool is_disconnect(const error_code& ec) {
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
  Socket* socket = nullptr;  // null once the coroutine is done with it
  bool idle = false;         // waiting for the next request of a keep-alive connection
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

std::vector<std::string> metric_routes(const Router& router) {
  std::vector<std::string> out{"/healthz", "/metrics"};
  for (auto& r : router.routes()) out.push_back(std::move(r.pattern));
  return out;
}

}  // namespace

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
  Response answer_builtin(const Resolved& r);
  Request make_request(Parser& parser, Exchange& x, Resolved& r, const std::string& remote);
  Task<Response> call_handler(Request& req, const Handler& handler, Clock::time_point deadline, bool& close_after);
  Response map_error(const Request& req, std::exception_ptr error);
  bhttp::response<bhttp::string_body> build(const Exchange& x, Response& response, bool keep_alive);
  void record(const Exchange& x, int status, std::size_t bytes, const std::string& remote);
  Task<void> linger_close(Session& self, Socket& socket);

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

// ---- lifecycle -------------------------------------------------------------------

void Server::Impl::start() {
  if (started) throw std::logic_error("http: Server::start() called twice");
  error_code ec;
  tcp::resolver resolver(*ioc);
  const auto results = resolver.resolve(options.address, std::to_string(options.port), ec);
  if (ec || results.empty()) {
    throw std::runtime_error("http: cannot resolve " + options.address + ": " + ec.message());
  }
  const tcp::endpoint endpoint = results.begin()->endpoint();
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("http: cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " +
                             ec.message());
  }
  bound_port = acceptor.local_endpoint().port();
  started = true;
  asio::co_spawn(control, accept_loop(), asio::detached);
  schedule_sweep();
}

void Server::Impl::run() {
  if (!started) throw std::logic_error("http: Server::run() before start()");
  error_code ec;
  signals.add(SIGINT, ec);
  signals.add(SIGTERM, ec);
  signals.async_wait([this](const error_code& e, int signo) {
    if (e) return;
    spdlog::info("http: signal {} received, shutting down", signo);
    stop();
  });
  std::vector<std::thread> extra;
  for (int i = 1; i < options.threads; ++i) extra.emplace_back([this] { run_loop(); });
  run_loop();
  for (auto& t : extra) t.join();
  // No io thread runs any more, so nothing logs: write out the last access-log lines
  // now, before the caller logs that the server stopped.
  access_log.reset();
}

void Server::Impl::run_loop() {
  for (;;) {
    try {
      ioc->run();
      return;
    } catch (const std::exception& e) {  // coroutines catch their own; this is a last resort
      spdlog::error("http: io thread caught: {}", e.what());
    }
  }
}

void Server::Impl::stop() {
  if (stop_requested.exchange(true)) return;
  stopping.store(true);
  asio::post(control, [this] { begin_shutdown(); });
}

// Control strand. Idle keep-alive connections are closed now; busy ones close after
// their answer; finish() runs when the last one is gone or the grace period is over.
void Server::Impl::begin_shutdown() {
  if (finished) return;
  error_code ec;
  acceptor.close(ec);
  std::vector<std::shared_ptr<Session>> snapshot;
  {
    std::lock_guard lock(sessions_mu);
    snapshot.assign(sessions.begin(), sessions.end());
  }
  for (auto& s : snapshot) {
    asio::post(s->executor, [s] {
      error_code ignored;
      if (s->socket && s->idle) s->socket->cancel(ignored);
    });
  }
  if (snapshot.empty()) return finish();
  drain_timer.expires_after(options.shutdown_grace);
  drain_timer.async_wait([this](const error_code&) { finish(); });
}

// Control strand; idempotent.
void Server::Impl::finish() {
  if (finished) return;
  finished = true;
  error_code ec;
  acceptor.close(ec);
  drain_timer.cancel();
  sweep_timer.cancel();
  signals.cancel(ec);
  signals.clear(ec);
  std::size_t left = 0;
  {
    std::lock_guard lock(sessions_mu);
    left = sessions.size();
  }
  if (left > 0) spdlog::warn("http: shutdown grace period over with {} connection(s) still busy", left);
  if (on_drained) {
    try {
      on_drained();
    } catch (const std::exception& e) {
      spdlog::error("http: on_drained threw: {}", e.what());
    }
  }
  ioc->stop();
}

void Server::Impl::schedule_sweep() {
  sweep_timer.expires_after(kSweepInterval);
  sweep_timer.async_wait([this](const error_code& ec) {
    if (ec || finished) return;
    sweep();
    schedule_sweep();
  });
}

// Control strand: closes connections whose deadline passed (re-checked on their strand,
// where the deadline may have moved meanwhile).
void Server::Impl::sweep() {
  const auto now = Clock::now();
  std::lock_guard lock(sessions_mu);
  for (const auto& s : sessions) {
    if (!s->expired(now)) continue;
    asio::post(s->executor, [s] {
      if (!s->socket || !s->expired(Clock::now())) return;
      error_code ignored;
      s->socket->close(ignored);
    });
  }
}

bool Server::Impl::add_session(const std::shared_ptr<Session>& s) {
  std::lock_guard lock(sessions_mu);
  if (stopping.load()) return false;
  sessions.insert(s);
  return true;
}

void Server::Impl::remove_session(const std::shared_ptr<Session>& s) {
  bool drained = false;
  {
    std::lock_guard lock(sessions_mu);
    sessions.erase(s);
    drained = sessions.empty();
  }
  if (drained && stopping.load() && !tearing_down.load()) asio::post(control, [this] { finish(); });
}

// ---- connections -----------------------------------------------------------------

Task<void> Server::Impl::accept_loop() {
  for (;;) {
    error_code ec;
    Socket socket = co_await acceptor.async_accept(asio::make_strand(*ioc), with_ec(ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      // E.g. out of file descriptors: back off instead of spinning.
      spdlog::warn("http: accept failed: {}", ec.message());
      Timer pause(control, std::chrono::milliseconds(50));
      co_await pause.async_wait(with_ec(ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto executor = socket.get_executor();
    asio::co_spawn(executor, session(std::move(socket)), asio::detached);
  }
}

Task<void> Server::Impl::session(Socket socket) {
  error_code ec;
  const auto peer = socket.remote_endpoint(ec);
  const std::string remote = ec ? std::string("-") : peer.address().to_string();
  auto self = std::make_shared<Session>(socket.get_executor());
  if (!add_session(self)) co_return;
  self->socket = &socket;
  struct Leave {
    Impl* impl;
    std::shared_ptr<Session> s;
    ~Leave() {
      s->socket = nullptr;
      impl->remove_session(s);
    }
  } leave{this, self};

  const auto header_limit = static_cast<std::uint32_t>(
      std::min<std::size_t>(options.max_header_bytes, std::numeric_limits<std::uint32_t>::max()));
  beast::flat_buffer buffer;
  std::optional<Parser> parser;
  bool first = true;
  bool linger = false;
  try {
    while (!stopping.load()) {
      // -- header. Waiting for it is the keep-alive idle time (shutdown cancels that
      // wait); a new connection gets the request timeout.
      parser.emplace();
      parser->header_limit(header_limit);
      // The route's limit is set once the header is known; beast would otherwise check
      // Content-Length against its own default while parsing the header.
      parser->body_limit(std::numeric_limits<std::uint64_t>::max());
      self->idle = buffer.size() == 0;
      self->expire_in(first || !self->idle ? options.request_timeout : options.idle_timeout);
      first = false;
      co_await bhttp::async_read_header(socket, buffer, *parser, with_ec(ec));
      self->idle = false;
      if (ec && is_disconnect(ec)) break;

      InFlight in_flight(metrics);
      Exchange x;
      x.start = Clock::now();
      const auto deadline = x.start + options.request_timeout;
      self->expire_in(options.request_timeout);  // body, handler and answer
      std::optional<Response> response;
      bool close_after = true;  // every early answer below ends the connection
      Resolved route;
      if (ec == bhttp::error::header_limit) {
        response = headers_too_large();
      } else if (ec) {
        response = bad_request();
      } else {
        response = resolve(*parser, x, route);
      }

      // -- body
      if (!response && !parser->is_done()) {
        parser->body_limit(route.body_limit);  // enforced while reading a chunked body
        const auto& header = parser->get();
        if (header.version() >= 11 && iequals(sv(header[bhttp::field::expect]), "100-continue")) {
          static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
          co_await asio::async_write(socket, asio::buffer(kContinue.data(), kContinue.size()), with_ec(ec));
          if (ec) break;
        }
        co_await bhttp::async_read(socket, buffer, *parser, with_ec(ec));
        if (ec == bhttp::error::body_limit) {
          response = body_too_large();
        } else if (ec && is_disconnect(ec)) {
          break;
        } else if (ec) {
          response = bad_request();
        }
      }

      // -- answer
      if (!response) {
        close_after = false;
        if (route.kind == Resolved::Kind::handler) {
          Request req = make_request(*parser, x, route, remote);
          self->expire_never();  // the wait for the Reply has its own timer
          response = co_await call_handler(req, *route.match.handler, deadline, close_after);
          self->expire_in(options.request_timeout);
        } else {
          response = answer_builtin(route);
        }
      }
      const bool keep_alive = x.keep_alive && !close_after && !stopping.load();
      auto message = build(x, *response, keep_alive);
      const std::size_t bytes = message.body().size();
      co_await bhttp::async_write(socket, message, with_ec(ec));
      record(x, response->status, bytes, remote);
      if (ec) break;
      if (!keep_alive) {
        linger = true;
        break;
      }
    }
  } catch (const std::exception& e) {
    spdlog::error("http: connection from {} failed: {}", remote, e.what());
    linger = false;
  }
  if (linger) co_await linger_close(*self, socket);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
}

// Reads the request line and header fields into `x` and decides where the request
// goes. Returns an answer when it must be refused before its body is read.
std::optional<Response> Server::Impl::resolve(Parser& parser, Exchange& x, Resolved& out) {
  const auto& msg = parser.get();
  x.method = std::string(msg.method_string());
  x.target = std::string(msg.target());
  x.version = msg.version();
  x.keep_alive = msg.keep_alive();

  const auto [raw_path, raw_query] = split_target(x.target);
  out.raw_query = raw_query;
  std::optional<std::string> path;
  if (!raw_path.empty() && raw_path.front() == '/') path = percent_decode(raw_path);
  if (!path || path->find('\0') != std::string::npos) return bad_request();
  out.path = std::move(*path);

  using Kind = Resolved::Kind;
  if (out.path == "/healthz" || out.path == "/metrics") {
    const bool healthz = out.path == "/healthz";
    x.route = healthz ? healthz_route : metrics_route;
    out.kind = x.method != "GET" ? Kind::bad_method : healthz ? Kind::healthz : Kind::metrics;
    if (out.kind == Kind::bad_method) out.match.allowed = {"GET"};
  } else {
    out.match = router.match(x.method, raw_path);
    if (out.match.handler) {
      out.kind = Kind::handler;
      x.route = metrics.route_index(out.match.pattern);
    } else if (out.match.method_not_allowed) {
      out.kind = Kind::bad_method;
      x.route = metrics.route_index(out.match.pattern);
    }
  }

  out.body_limit = options.max_body_bytes;
  if (out.kind == Kind::handler) {
    const auto it = options.body_limit_by_route.find(out.match.pattern);
    if (it != options.body_limit_by_route.end()) out.body_limit = it->second;
  }
  if (const auto length = parser.content_length(); length && *length > out.body_limit) return body_too_large();
  return std::nullopt;
}

Response Server::Impl::answer_builtin(const Resolved& r) {
  switch (r.kind) {
    case Resolved::Kind::healthz:
      return Response::json(200, R"({"status":"ok"})");
    case Resolved::Kind::metrics:
      return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
    case Resolved::Kind::bad_method: {
      auto response = error_json(405, "method_not_allowed", "不支持该请求方法 / Method not allowed");
      std::string allow;
      for (const auto& m : r.match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      response.set("Allow", std::move(allow));
      return response;
    }
    case Resolved::Kind::not_found:
    case Resolved::Kind::handler:  // not reached: handlers are called by the session
      break;
  }
  return error_json(404, "route_not_found", "接口不存在 / No such route");
}

Request Server::Impl::make_request(Parser& parser, Exchange& x, Resolved& r, const std::string& remote) {
  auto& msg = parser.get();
  Request req;
  req.method = x.method;
  req.target = x.target;
  req.path = std::move(r.path);
  req.query = parse_query(r.raw_query);
  for (const auto& field : msg) {
    std::string name(field.name_string());
    for (auto& c : name) c = lower(c);
    req.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  req.params = std::move(r.match.params);
  req.body = std::move(msg.body());
  req.remote = remote;
  req.route = r.match.pattern;
  return req;
}

// Calls the handler inline and waits (on this connection's strand) for its Reply, up to
// the request deadline.
Task<Response> Server::Impl::call_handler(Request& req, const Handler& handler, Clock::time_point deadline,
                                          bool& close_after) {
  auto slot = std::make_shared<detail::ReplySlot>();
  struct CloseSlot {  // whatever happens, a late Reply finds the slot closed
    detail::ReplySlot* s;
    ~CloseSlot() { s->close(); }
  } close_slot{slot.get()};

  std::exception_ptr error;
  try {
    handler(req, detail::make_reply(slot));
  } catch (...) {
    error = std::current_exception();
  }
  if (error) {
    slot->close();
    co_return map_error(req, error);
  }

  bool abandoned = false;
  auto answer = slot->take(abandoned);
  if (!answer) {
    Timer timer(co_await asio::this_coro::executor);
    timer.expires_at(deadline);
    TimerWaiter waiter(timer);
    if (slot->arm(&waiter)) {
      struct Disarm {  // before the waiter and the timer die, also if the frame is destroyed mid-wait
        detail::ReplySlot* s;
        ~Disarm() { s->disarm(); }
      } disarm{slot.get()};
      error_code ec;
      co_await timer.async_wait(with_ec(ec));
    }
    answer = slot->take(abandoned);
  }
  if (!answer) {
    close_after = true;  // the handler may still answer late; this connection is done
    spdlog::warn("http: {} {} got no reply within {}s", req.method, req.target, options.request_timeout.count());
    co_return error_json(408, "timeout", "请求超时 / Request timed out");
  }
  if (abandoned) spdlog::error("http: {} {} dropped its Reply without answering", req.method, req.target);
  co_return std::move(*answer);
}

Response Server::Impl::map_error(const Request& req, std::exception_ptr error) {
  if (on_error) {
    try {
      return on_error(req, error);
    } catch (const std::exception& e) {
      spdlog::error("http: error mapper threw for {} {}: {}", req.method, req.target, e.what());
    } catch (...) {
      spdlog::error("http: error mapper threw for {} {}", req.method, req.target);
    }
  }
  return internal_error();
}

bhttp::response<bhttp::string_body> Server::Impl::build(const Exchange& x, Response& response, bool keep_alive) {
  if (response.status < 100 || response.status > 599) {
    spdlog::error("http: {} {} answered invalid status {}; sending 500", x.method, x.target, response.status);
    response = internal_error();
  }
  bhttp::response<bhttp::string_body> res;
  res.version(x.version == 10 ? 10 : 11);
  res.result(static_cast<unsigned>(response.status));
  res.set(bhttp::field::server, "kefu");
  res.set(bhttp::field::date, http_date());
  for (auto& [name, value] : response.headers) {
    const auto field = bhttp::string_to_field(name);
    // Framing, Server and Date are the server's business.
    if (field == bhttp::field::content_length || field == bhttp::field::transfer_encoding ||
        field == bhttp::field::connection || field == bhttp::field::server || field == bhttp::field::date) {
      continue;
    }
    res.insert(name, value);
  }
  res.body() = std::move(response.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

void Server::Impl::record(const Exchange& x, int status, std::size_t bytes, const std::string& remote) {
  const auto elapsed = Clock::now() - x.start;
  metrics.observe(x.route, x.method, status, elapsed);
  if (access_log) {
    access_log->write(remote, x.method.empty() ? "-" : x.method, x.target.empty() ? "-" : x.target, status, bytes,
                      std::chrono::duration<double, std::milli>(elapsed).count());
  }
}

Task<void> Server::Impl::linger_close(Session& self, Socket& socket) {
  error_code ec;
  socket.shutdown(tcp::socket::shutdown_send, ec);
  if (ec) co_return;
  self.expire_in(kLingerTime);
  char scratch[4096];
  std::size_t total = 0;
  while (total < kLingerBytes) {
    total += co_await socket.async_read_some(asio::buffer(scratch), with_ec(ec));
    if (ec) break;
  }
}

// ---- public API ------------------------------------------------------------------

Server::Server(ServerOptions options, Router router, ErrorMapper on_error)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router), std::move(on_error))) {}

Server::~Server() = default;

void Server::start() { impl_->start(); }

unsigned short Server::port() const { return impl_->bound_port; }

void Server::run() { impl_->run(); }

void Server::stop() { impl_->stop(); }

void Server::on_drained(std::function<void()> fn) { impl_->on_drained = std::move(fn); }

}  // namespace kefu::http
