#pragma once
// Internal to the server: the pending answer to one request, shared by the connection
// and every copy of the Reply handed to the handler. Kept free of Asio so that the
// threading rules can be read (and tested) on their own.
//
// deliver() may run on any thread, exactly like Reply. Everything else runs on the
// connection's strand. While the connection waits it arms the slot with a ReplyWaiter;
// deliver() then asks the waiter to schedule a wake-up. The connection disarms before
// the waiter dies, so a Reply that outlives the connection (or the whole server) only
// ever touches the slot itself.
#include <memory>
#include <mutex>
#include <optional>

#include "core/http/message.hpp"

namespace kefu::http::detail {

class ReplySlot;

class ReplyWaiter {
 public:
  // Called with the slot's lock held, on the delivering thread: schedule, don't block.
  virtual void notify(std::shared_ptr<ReplySlot> slot) = 0;

 protected:
  ~ReplyWaiter() = default;
};

class ReplySlot : public std::enable_shared_from_this<ReplySlot> {
 public:
  // Stores the answer unless one is already there or the slot is closed. `abandoned`:
  // the 500 sent because every Reply copy was destroyed uncalled.
  bool deliver(Response response, bool abandoned);

  // Takes the answer if delivered, and closes the slot (later deliveries are dropped).
  std::optional<Response> take(bool& abandoned);

  // Registers the waiter to notify on delivery; false when an answer is already there.
  bool arm(ReplyWaiter* waiter);
  void disarm();
  // The request is over (answered, timed out or the handler threw): drop later answers.
  void close();

  // Runs fn(waiter) under the lock if a waiter is still armed; for the scheduled wake-up.
  template <typename F>
  void with_waiter(F&& fn) {
    std::lock_guard lock(mu_);
    if (waiter_) fn(*waiter_);
  }

 private:
  std::mutex mu_;
  std::optional<Response> response_;
  bool abandoned_ = false;
  bool closed_ = false;
  ReplyWaiter* waiter_ = nullptr;
};

// A Reply feeding `slot`. The first call wins (later ones are logged and dropped); when
// the last copy is destroyed uncalled, a 500 is delivered so the request cannot hang.
Reply make_reply(std::shared_ptr<ReplySlot> slot);

}  // namespace kefu::http::detail
