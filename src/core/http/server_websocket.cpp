// A WebSocket connection after the handler accepted the upgrade: the handshake, a reader
// that hands messages to the handler, and a writer that sends what the SocketChannel
// queued (and pings when quiet). The only translation unit with Beast's WebSocket headers.
#include "core/http/server_impl.hpp"

#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/stream.hpp>

namespace kefu::http {
namespace {

namespace ws = beast::websocket;

// Incoming messages larger than this close the connection (close code 1009).
constexpr std::size_t kMaxMessageBytes = 64 * 1024;
// How long the closing handshake may take before the socket is simply closed.
constexpr auto kCloseTimeout = std::chrono::seconds(5);

}  // namespace

bool server_detail::is_websocket_upgrade(const bhttp::request<bhttp::string_body>& req) { return ws::is_upgrade(req); }

Task<void> Server::Impl::serve_websocket(std::shared_ptr<Session> self, Socket& socket,
                                         bhttp::request<bhttp::string_body> upgrade, Response response) {
  auto channel = std::make_shared<detail::SocketChannel>(options.stream_max_queued_bytes);
  ws::stream<Socket&> wsock(socket);
  Timer timer(socket.get_executor());
  auto reader_done = std::make_shared<bool>(false);
  struct Cleanup {  // also when the frame is destroyed mid-wait
    Session& s;
    detail::SocketChannel& c;
    ~Cleanup() {
      s.stream_timer = nullptr;
      s.websocket = nullptr;
      c.queue().detach();
      c.close();
    }
  } cleanup{*self, *channel};
  self->websocket = channel;
  self->stream_timer = &timer;
  if (stopping.load()) co_return;  // begin_shutdown may have looked before we set websocket

  error_code ec;
  wsock.read_message_max(kMaxMessageBytes);
  wsock.auto_fragment(false);
  wsock.set_option(ws::stream_base::decorator([&response](ws::response_type& res) {
    for (const auto& [name, value] : response.headers) res.set(name, value);
  }));
  self->expire_in(options.request_timeout);
  co_await wsock.async_accept(upgrade, with_ec(ec));
  self->expire_never();
  if (ec) co_return;

  channel->queue().attach([s = self](bool abort) {
    asio::post(s->executor, [s, abort] {
      error_code ignored;
      if (abort && s->socket) s->socket->close(ignored);
      if (s->stream_timer) s->stream_timer->cancel();
    });
  });
  try {
    response.on_websocket(channel);
  } catch (const std::exception& e) {
    spdlog::error("http: websocket on_open threw: {}", e.what());
    channel->close();
  }

  // The reader: runs until the peer closes, the socket fails or is closed; then it ends
  // the channel and wakes the writer, which waits for it before this frame (and wsock) go.
  asio::co_spawn(
      socket.get_executor(),
      [&wsock, channel, reader_done, &timer]() -> Task<void> {
        beast::flat_buffer buffer;
        for (;;) {
          error_code rec;
          co_await wsock.async_read(buffer, with_ec(rec));
          if (rec) break;
          if (wsock.got_text()) channel->deliver(beast::buffers_to_string(buffer.data()));
          buffer.consume(buffer.size());
          if (buffer.capacity() > 4096) buffer.shrink_to_fit();  // idle sockets stay small
        }
        *reader_done = true;
        channel->close();
        timer.cancel();
      },
      asio::detached);

  const auto interval = options.stream_ping_interval;
  auto last_write = Clock::now();
  std::deque<std::string> pending;
  bool failed = false;
  while (!failed) {
    pending.clear();
    const bool live = channel->queue().take(pending);
    if (pending.empty()) {
      if (!live) break;
      const auto due = interval.count() > 0 ? last_write + interval : Clock::now() + std::chrono::hours(24);
      if (Clock::now() < due) {
        timer.expires_at(due);
        if (channel->queue().arm()) {
          co_await timer.async_wait(with_ec(ec));
          channel->queue().disarm();
        }
        continue;
      }
      self->expire_in(options.request_timeout);
      co_await wsock.async_ping({}, with_ec(ec));
      self->expire_never();
      if (ec) break;
      last_write = Clock::now();
      continue;
    }
    for (auto& frame : pending) {
      self->expire_in(options.request_timeout);  // a write stuck this long: the client is gone or too slow
      wsock.text(true);
      co_await wsock.async_write(asio::buffer(frame), with_ec(ec));
      self->expire_never();
      if (ec) {
        failed = true;
        break;
      }
    }
    last_write = Clock::now();
  }
  // Closing handshake (unless the peer is gone), then wait for the reader to finish.
  self->expire_in(kCloseTimeout);
  if (!*reader_done && !failed && wsock.is_open()) co_await wsock.async_close(ws::close_code::normal, with_ec(ec));
  while (!*reader_done) {
    timer.expires_after(std::chrono::milliseconds(200));
    co_await timer.async_wait(with_ec(ec));
  }
}

}  // namespace kefu::http
