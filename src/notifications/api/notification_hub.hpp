#pragma once
// Live delivery of notifications and ticket activity to Server-Sent Events streams.
// One thread polls the notifications and timeline-event tables for rows after the last
// ones it saw (two indexed queries per wake-up, whatever the number of clients) and
// sends each notification to its recipient's streams ("notification") and each
// timeline event to the streams of staff who serve its store ("ticket": which ticket,
// which kind — never its text). Because it reads the database, rows written by another
// process or node arrive too: on PostgreSQL a NOTIFY from the committing node wakes the
// poller (Database::watch_changes), elsewhere it polls every interval; rows that commit
// out of id order are caught by IdTracker.
//
// A subscriber that reconnects with Last-Event-ID first gets what it missed (its own
// notifications after that id), then the live ones, in id order, each once; every
// send happens on the hub's thread, so nothing overtakes.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/http/message.hpp"
#include "core/storage/database.hpp"
#include "notifications/api/id_tracker.hpp"
#include "notifications/storage/notification_store.hpp"

namespace kefu::api {

class NotificationHub {
 public:
  explicit NotificationHub(storage::Database& db, std::chrono::milliseconds interval = std::chrono::milliseconds(200));
  ~NotificationHub();
  NotificationHub(const NotificationHub&) = delete;
  NotificationHub& operator=(const NotificationHub&) = delete;

  void start();
  void stop();

  // Who listens: their notifications, and ticket activity in these stores (all_stores
  // for admins; none when `tickets` is false, e.g. a token without tickets:read).
  struct Audience {
    int64_t staff_id = 0;
    std::vector<int64_t> store_ids;
    bool all_stores = false;
    bool tickets = true;
    // The session or API token the stream was opened with; when the credential check says
    // it no longer stands, the stream closes (see check_credentials).
    std::string credential;
  };
  // Streams to `stream` until it closes; with after_id, the notifications after it that
  // already exist are sent first.
  void subscribe(Audience who, std::shared_ptr<http::EventStream> stream, std::optional<int64_t> after_id);
  std::size_t subscribers() const;

  // Wakes the poller now (after a local write that created notifications).
  void poke();

  // Streams end with their credentials (logout, a password change, deactivation, a revoked
  // token...): `still_valid` is asked about each subscriber's credential at the latest
  // every `every`, and at once after recheck() (this node ended a credential). A stream
  // whose credential no longer stands is closed. Without a check, streams stay open.
  using CredentialCheck = std::function<bool(storage::Stores&, const std::string& credential)>;
  void check_credentials(CredentialCheck still_valid, std::chrono::milliseconds every);
  void recheck();

 private:
  struct Subscriber {
    Audience who;
    std::shared_ptr<http::EventStream> stream;
    int64_t sent_up_to;  // notifications up to here were sent in its backlog (or need not be)
    bool backlog;        // still has to catch up from sent_up_to (new subscribers)
    bool serves(int64_t store_id) const;
  };
  void run();
  void poll_once(storage::Stores& repo);
  void catch_up(storage::Stores& repo, Subscriber& s, int64_t last);
  void close_ended(storage::Stores& repo);

  storage::Database& db_;
  std::chrono::milliseconds interval_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Subscriber> subs_;
  int64_t last_seen_ = 0;             // the largest notification id delivered (for new subscribers)
  IdTracker notifications_, events_;  // poller thread only
  bool started_ = false, stopping_ = false, poked_ = false, recheck_ = false;
  CredentialCheck still_valid_;
  std::chrono::milliseconds check_every_{0};
  std::chrono::steady_clock::time_point checked_at_{};
  std::thread thread_;
};

// The wire form of one notification (the SSE data and the REST list items).
std::string notification_json(const storage::Notification&);

}  // namespace kefu::api
