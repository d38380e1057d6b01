#pragma once
// Live delivery of notifications to Server-Sent Events streams. One thread polls the
// notifications table for rows after the last one it saw (one indexed query per
// interval, whatever the number of clients) and sends each to the streams of its
// recipient. Because it reads the database, notifications written by another process
// or node on the same database arrive too.
//
// A subscriber that reconnects with Last-Event-ID first gets what it missed (its own
// notifications after that id), then the live ones, in id order, each once; every
// send happens on the hub's thread, so nothing overtakes.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/message.hpp"
#include "storage/repository.hpp"

namespace kefu::api {

class NotificationHub {
 public:
  explicit NotificationHub(storage::Database& db, std::chrono::milliseconds interval = std::chrono::milliseconds(200));
  ~NotificationHub();
  NotificationHub(const NotificationHub&) = delete;
  NotificationHub& operator=(const NotificationHub&) = delete;

  void start();
  void stop();

  // Streams the staff member's notifications to `stream` until it closes; with
  // after_id, those after it that already exist are sent first.
  void subscribe(int64_t staff_id, std::shared_ptr<http::EventStream> stream, std::optional<int64_t> after_id);
  std::size_t subscribers() const;

  // Wakes the poller now (after a local write that created notifications).
  void poke();

 private:
  struct Subscriber {
    int64_t staff_id;
    std::shared_ptr<http::EventStream> stream;
    int64_t sent_up_to;  // the last notification id this stream has (or need not get)
    bool backlog;        // still has to catch up from sent_up_to (new subscribers)
  };
  void run();
  void poll_once(storage::Repository& repo);

  storage::Database& db_;
  std::chrono::milliseconds interval_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Subscriber> subs_;
  int64_t last_seen_ = 0;
  bool started_ = false, stopping_ = false, poked_ = false;
  std::thread thread_;
};

// The wire form of one notification (the SSE data and the REST list items).
std::string notification_json(const storage::Notification&);

}  // namespace kefu::api
