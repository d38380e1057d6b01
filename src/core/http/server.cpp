// The server's lifecycle: start, accept, signals, timeouts, graceful shutdown. With
// server_session.cpp, the only translation units that see Boost.Beast/Asio.
//
// Shape: one io_context run by `threads` threads. The acceptor, the signal set, the
// timeout sweeper and the shutdown logic live on one "control" strand. Every connection
// is one coroutine on its own strand: it reads a request header, resolves the route
// (which decides the body limit), reads the body, calls the handler inline, waits for
// its Reply if needed, writes the answer, and loops while keep-alive holds.
#include "core/http/server_impl.hpp"

namespace kefu::http {

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

// Control strand. Idle keep-alive connections and event streams are closed now; busy
// ones close after their answer; finish() runs when the last one is gone or the grace period is over.
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
      // Event streams never end by themselves: end them now rather than wait.
      if (s->stream) {
        s->stream->close();
        if (s->socket) s->socket->close(ignored);
      }
      if (s->websocket) s->websocket->close();  // its writer sends the close frame
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
