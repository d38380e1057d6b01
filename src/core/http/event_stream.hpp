#pragma once
// Internal to the server: the EventStream handed to a handler, i.e. the queue between
// the threads that send events and the connection that writes them. Kept free of Asio,
// like ReplySlot, so that the threading rules can be read (and tested) on their own.
//
// send(), comment(), close() and on_close() run on any thread. The rest runs on the
// connection's strand: take() moves the queued frames out; arm() asks for a wake-up at
// the next frame or close; attach() sets how to wake the connection and detach() (before
// the connection goes) stops that, so a stream that outlives its connection, or the
// whole server, only ever touches itself.
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.hpp"

namespace kefu::http::detail {

class StreamChannel final : public EventStream {
 public:
  // Called with the lock held, on the sending thread: schedule, don't block. abort: the
  // queue overflowed, drop the connection (also while it is stuck writing).
  using Notify = std::function<void(bool abort)>;

  explicit StreamChannel(std::size_t max_queued_bytes) : max_queued_bytes_(max_queued_bytes) {}

  bool send(std::string_view event, std::string_view data, std::string_view id = {}) override;  // same default
  bool comment(std::string_view text) override;
  void close() override;
  bool open() const override;
  void on_close(std::function<void()> fn) override;

  void attach(Notify notify);
  void detach();
  // Appends the queued frames to out; false once the stream is closed (nothing more
  // will be queued after what was just taken).
  bool take(std::string& out);
  // Notify (once) at the next frame or close; false when something is queued already or
  // the stream is closed.
  bool arm();
  void disarm();

  static std::string format_event(std::string_view event, std::string_view data, std::string_view id);
  static std::string format_comment(std::string_view text);

 private:
  bool push(std::string frame);

  mutable std::mutex mu_;
  const std::size_t max_queued_bytes_;
  std::string queue_;
  bool closed_ = false;
  bool armed_ = false;
  Notify notify_;
  std::vector<std::function<void()>> on_close_;
};

}  // namespace kefu::http::detail
