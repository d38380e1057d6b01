#pragma once
// Internal to the server: the queues between the threads that send (events of an SSE
// stream, messages of a WebSocket) and the connection that writes them. Kept free of
// Asio, like ReplySlot, so that the threading rules can be read (and tested) on their own.
//
// FrameQueue: push(), close() and on_close() run on any thread. The rest runs on the
// connection's strand: take() moves the queued frames out; arm() asks for a wake-up at
// the next frame or close; attach() sets how to wake the connection and detach() (before
// the connection goes) stops that, so a queue that outlives its connection, or the
// whole server, only ever touches itself. A client too slow to keep the queue under its
// limit is disconnected (notify(abort = true)) rather than slowing the senders.
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.hpp"

namespace kefu::http::detail {

class FrameQueue {
 public:
  // Called with the lock held, on the sending thread: schedule, don't block. abort: the
  // queue overflowed, drop the connection (also while it is stuck writing).
  using Notify = std::function<void(bool abort)>;

  FrameQueue(std::size_t max_queued_bytes, const char* what) : max_queued_bytes_(max_queued_bytes), what_(what) {}

  bool push(std::string frame);
  void close();
  bool open() const;
  void on_close(std::function<void()> fn);

  void attach(Notify notify);
  void detach();
  // Appends the queued frames to out (concatenated, or one entry per frame); false once
  // the queue is closed (nothing more will be queued after what was just taken).
  bool take(std::string& out);
  bool take(std::deque<std::string>& out);
  // Notify (once) at the next frame or close; false when something is queued already or
  // the queue is closed.
  bool arm();
  void disarm();

 private:
  mutable std::mutex mu_;
  const std::size_t max_queued_bytes_;
  const char* what_;  // for the log: "event stream", "websocket"
  std::deque<std::string> frames_;
  std::size_t queued_bytes_ = 0;
  bool closed_ = false;
  bool armed_ = false;
  Notify notify_;
  std::vector<std::function<void()>> on_close_;
};

// The EventStream handed to a handler.
class StreamChannel final : public EventStream {
 public:
  explicit StreamChannel(std::size_t max_queued_bytes) : q_(max_queued_bytes, "event stream") {}

  bool send(std::string_view event, std::string_view data, std::string_view id = {}) override;  // same default
  bool comment(std::string_view text) override;
  void close() override { q_.close(); }
  bool open() const override { return q_.open(); }
  void on_close(std::function<void()> fn) override { q_.on_close(std::move(fn)); }

  void attach(FrameQueue::Notify notify) { q_.attach(std::move(notify)); }
  void detach() { q_.detach(); }
  bool take(std::string& out) { return q_.take(out); }
  bool arm() { return q_.arm(); }
  void disarm() { q_.disarm(); }

  static std::string format_event(std::string_view event, std::string_view data, std::string_view id);
  static std::string format_comment(std::string_view text);

 private:
  FrameQueue q_;
};

// The WebSocket handed to a handler: outgoing text messages queue here; incoming ones
// go to the handler's on_message, on the connection's strand, one at a time.
class SocketChannel final : public WebSocket {
 public:
  explicit SocketChannel(std::size_t max_queued_bytes) : q_(max_queued_bytes, "websocket") {}

  bool send(std::string_view text) override { return q_.push(std::string(text)); }
  void close() override { q_.close(); }
  bool open() const override { return q_.open(); }
  void on_close(std::function<void()> fn) override { q_.on_close(std::move(fn)); }
  void on_message(std::function<void(std::string)> fn) override;

  // Hands an incoming message to the handler (the server's reader calls this).
  void deliver(std::string text);
  FrameQueue& queue() { return q_; }

 private:
  FrameQueue q_;
  std::mutex mu_;
  std::function<void(std::string)> on_message_;
};

}  // namespace kefu::http::detail
