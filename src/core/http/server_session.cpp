// One connection: read a request, resolve its route, call the handler, write the
// answer, loop while keep-alive holds. See server_impl.hpp for the shared types.
#include "core/http/server_impl.hpp"

#include <array>

namespace kefu::http {

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
  std::optional<Response> stream;     // the handler answered with an event stream
  std::optional<Response> websocket;  // … or accepted a WebSocket upgrade
  std::optional<bhttp::request<bhttp::string_body>> upgrade;
  unsigned stream_version = 11;
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
          if (response->on_stream && stopping.load()) response = stopping_unavailable();
        } else {
          response = answer_builtin(route, *parser, remote);
        }
      }
      if (response->on_websocket && !is_websocket_upgrade(parser->get())) response = upgrade_required();
      if (response->on_websocket) {  // counted now (101), served below
        if (stopping.load()) {
          response = stopping_unavailable();
        } else {
          record(x, 101, 0, remote);
          upgrade = parser->release();
          websocket = std::move(response);
          break;
        }
      }
      if (response->on_stream) {  // counted now, served below once this request is over
        record(x, 200, 0, remote);
        stream = std::move(response);
        stream_version = x.version;
        break;
      }
      const bool keep_alive = x.keep_alive && !close_after && !stopping.load();
      auto message = build(x, *response, keep_alive);
      // Counted before the answer leaves, so that a client that reads /metrics after its
      // answer arrived always finds its request there; logged after, off the answer's path
      // (the write itself is not timed).
      const auto elapsed = count(x, response->status);
      const std::size_t bytes = message.body().size();
      co_await bhttp::async_write(socket, message, with_ec(ec));
      log_access(x, response->status, bytes, remote, elapsed);
      if (ec) break;
      if (!keep_alive) {
        linger = true;
        break;
      }
    }
    if (stream) co_await serve_stream(self, socket, stream_version, std::move(*stream));
    if (websocket) co_await serve_websocket(self, socket, std::move(*upgrade), std::move(*websocket));
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

namespace {

// Compares in time independent of where the two differ.
bool bearer_matches(std::string_view header, const std::string& token) {
  if (token.empty() || !header.starts_with("Bearer ")) return false;
  header.remove_prefix(7);
  if (header.size() != token.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>(header[i] ^ token[i]);
  return diff == 0;
}

}  // namespace

Response Server::Impl::answer_builtin(const Resolved& r, const Parser& parser, const std::string& remote) {
  switch (r.kind) {
    case Resolved::Kind::healthz:
      return Response::json(200, R"({"status":"ok"})");
    case Resolved::Kind::metrics:
      if (!is_loopback(remote) &&
          !bearer_matches(std::string(parser.get()[bhttp::field::authorization]), options.metrics_token))
        return error_json(
            403, "metrics_forbidden",
            "指标接口仅对本机或持有 metrics_token 的请求开放 / /metrics needs loopback or the metrics token");
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
  req.remote = options.trusted_proxies.empty()
                   ? remote
                   : client_address(remote, req.header("x-forwarded-for"), options.trusted_proxies);
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
  log_access(x, status, bytes, remote, count(x, status));
}

Clock::duration Server::Impl::count(const Exchange& x, int status) {
  const auto elapsed = Clock::now() - x.start;
  metrics.observe(x.route, x.method, status, elapsed);
  return elapsed;
}

void Server::Impl::log_access(const Exchange& x, int status, std::size_t bytes, const std::string& remote,
                              Clock::duration elapsed) {
  if (!access_log) return;
  access_log->write(remote, x.method.empty() ? "-" : x.method, x.target.empty() ? "-" : redact_target(x.target), status,
                    bytes, std::chrono::duration<double, std::milli>(elapsed).count());
}

namespace {

// Reads (and drops) what the client of an event stream sends, to notice at once when it
// closes the connection. One read at a time, on the connection's strand, beside the
// stream's writes.
void watch_peer(std::shared_ptr<Session> s, std::shared_ptr<std::array<char, 512>> scratch) {
  if (!s->socket || !s->stream) return;
  auto& socket = *s->socket;
  socket.async_read_some(asio::buffer(*scratch), [s = std::move(s), scratch](const error_code& ec, std::size_t) {
    if (ec) {
      if (s->stream) s->stream->close();
      return;
    }
    watch_peer(s, scratch);
  });
}

std::string stream_header(unsigned version, const Response& response) {
  std::string head = version == 10 ? "HTTP/1.0 200 OK\r\n" : "HTTP/1.1 200 OK\r\n";
  head += "Server: kefu\r\nDate: ";
  head += http_date();
  head +=
      "\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nX-Accel-Buffering: no\r\n"
      "Connection: close\r\n";
  for (const auto& [name, value] : response.headers) {
    const auto field = bhttp::string_to_field(name);
    // Framing and the headers above are the server's business.
    if (field == bhttp::field::content_length || field == bhttp::field::transfer_encoding ||
        field == bhttp::field::connection || field == bhttp::field::server || field == bhttp::field::date ||
        field == bhttp::field::content_type || field == bhttp::field::cache_control ||
        iequals(name, "X-Accel-Buffering") || name.empty() || name.find_first_of(":\r\n") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos) {
      continue;
    }
    head += name;
    head += ": ";
    head += value;
    head += "\r\n";
  }
  head += "\r\n";
  return head;
}

}  // namespace

// Serves an event stream on this connection until it closes: writes the header, hands
// the stream to the handler's on_open, then writes queued frames in order (and pings
// when quiet). Ends when the stream is closed (by anyone), a write fails, or the peer
// closes.
Task<void> Server::Impl::serve_stream(std::shared_ptr<Session> self, Socket& socket, unsigned version,
                                      Response response) {
  auto channel = std::make_shared<detail::StreamChannel>(options.stream_max_queued_bytes);
  Timer timer(socket.get_executor());
  struct Cleanup {  // also when the frame is destroyed mid-wait
    Session& s;
    detail::StreamChannel& c;
    ~Cleanup() {
      s.stream_timer = nullptr;
      c.detach();
      c.close();
    }
  } cleanup{*self, *channel};
  self->stream = channel;
  self->stream_timer = &timer;
  self->expire_never();            // no request timeout; per-write deadlines below
  if (stopping.load()) co_return;  // begin_shutdown may have looked before we set stream

  error_code ec;
  {
    const std::string head = stream_header(version, response);
    self->expire_in(options.request_timeout);
    co_await asio::async_write(socket, asio::buffer(head), with_ec(ec));
    self->expire_never();
    if (ec) co_return;
  }
  channel->attach([s = self](bool abort) {
    asio::post(s->executor, [s, abort] {
      error_code ignored;
      if (abort && s->socket) s->socket->close(ignored);
      if (s->stream_timer) s->stream_timer->cancel();
    });
  });
  watch_peer(self, std::make_shared<std::array<char, 512>>());
  try {
    response.on_stream(channel);
  } catch (const std::exception& e) {
    spdlog::error("http: event stream on_open threw: {}", e.what());
    channel->close();
  } catch (...) {
    spdlog::error("http: event stream on_open threw");
    channel->close();
  }

  static constexpr std::string_view kPing = ": ping\n\n";
  const auto interval = options.stream_ping_interval;
  auto last_write = Clock::now();
  std::string pending;
  for (;;) {
    pending.clear();
    const bool live = channel->take(pending);
    if (pending.empty()) {
      if (!live) break;
      const auto due = interval.count() > 0 ? last_write + interval : Clock::now() + std::chrono::hours(24);
      if (Clock::now() < due) {
        timer.expires_at(due);
        if (channel->arm()) {
          co_await timer.async_wait(with_ec(ec));
          channel->disarm();
        }
        continue;
      }
      pending = kPing;
    }
    self->expire_in(options.request_timeout);  // a write stuck this long: the client is gone or too slow
    co_await asio::async_write(socket, asio::buffer(pending), with_ec(ec));
    self->expire_never();
    if (ec) break;
    last_write = Clock::now();
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

}  // namespace kefu::http
