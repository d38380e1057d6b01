#pragma once
// Live delivery of chat to WebSockets, on every node. One thread follows the change feed
// (chat_feed: a row per change of a conversation, written in the change's transaction) and,
// for each conversation that changed, reads it once and sends:
// - to each socket following it, the messages after the last one that socket was sent,
//   in sequence order, each once (the customer's socket follows their conversation;
//   a staff socket follows what it asked to watch and, on its own, what is assigned to its
//   member or what they were invited to);
// - the conversation itself (status, agent, read marks) to its followers, and to every staff
//   socket of the store when its status or agent changed (the queue and the lists move);
// - to waiting customers of that store, their place in the queue when it changed (and
//   every few seconds, as the estimate moves).
// Because it reads the database, changes made by other nodes arrive too: a NOTIFY wakes it
// on PostgreSQL (Database::watch_changes), and this node's own writes poke it after their
// commit. A socket that reconnects says where it was (hello/watch `after`) and gets what it
// missed, then the live messages: nothing lost, nothing twice (the client's Cursor drops
// a repeat if a frame crosses a resume).
//
// Typing indicators are not stored: they reach the other side's sockets on this node only.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "chat/domain/conversation.hpp"
#include "core/http/message.hpp"
#include "core/storage/database.hpp"
#include "notifications/api/id_tracker.hpp"

namespace kefu::api {

class ChatHub {
 public:
  ChatHub(storage::Database& db, std::function<int64_t()> now_ms,
          std::chrono::milliseconds interval = std::chrono::milliseconds(250));
  ~ChatHub();
  ChatHub(const ChatHub&) = delete;
  ChatHub& operator=(const ChatHub&) = delete;

  void start();
  void stop();
  // Wakes the follower now (after a local commit).
  void poke();

  struct Audience {
    bool customer = false;
    int64_t conversation_id = 0;  // the customer's
    int64_t store_id = 0;         // the customer's conversation's store
    int64_t staff_id = 0;         // staff
    std::vector<int64_t> store_ids;
    bool all_stores = false;
    std::string credential;  // staff: the session or token it was opened with
  };
  using Id = uint64_t;
  // Follows the socket until it closes; a customer follows their conversation from `after`.
  Id join(std::shared_ptr<http::WebSocket>, Audience, int64_t after = 0);
  // A staff socket follows a conversation from `after` (store scope checked by the caller).
  void watch(Id, int64_t conversation_id, int64_t after);
  // The other side's sockets on this node learn that `sender` types.
  void typing(Id from, int64_t conversation_id, int64_t store_id);
  // Open sockets of a staff member on this node.
  int sockets_of(int64_t staff_id) const;
  std::size_t sockets() const;

  // As NotificationHub: staff sockets close when their credential no longer stands.
  using CredentialCheck = std::function<bool(storage::Stores&, const std::string& credential)>;
  void check_credentials(CredentialCheck still_valid, std::chrono::milliseconds every);
  void recheck();

 private:
  struct Sub {
    Id id = 0;
    Audience who;
    std::shared_ptr<http::WebSocket> ws;
    // The hub thread's alone: conversation → last seq sent; the customer's last queue frame.
    std::unordered_map<int64_t, int64_t> sent;
    std::string last_queue;
    bool queued = true;  // the customer's conversation waits (as last seen)
    bool serves(int64_t store_id) const;
  };
  struct Watch {
    std::shared_ptr<Sub> sub;
    int64_t conversation_id, after;
  };
  void run();
  void poll_once(storage::Stores&);
  void close_ended(storage::Stores&);
  // Sends each of these customers their place in the queue when it changed.
  void refresh_queues(storage::Stores&, const std::vector<Sub*>&);
  void send_messages(const std::vector<Sub*>& followers, int64_t id, const std::vector<chat::Message>&);

  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  std::chrono::milliseconds interval_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::shared_ptr<Sub>> subs_;
  // The same subscriptions indexed (under mu_): customers by their conversation, and staff,
  // so that a changed conversation costs its own followers, not a pass over every socket.
  std::unordered_multimap<int64_t, std::shared_ptr<Sub>> customers_;
  std::vector<std::shared_ptr<Sub>> staff_;
  std::vector<Watch> pending_;
  Id next_id_ = 1;
  bool started_ = false, stopping_ = false, poked_ = false, recheck_ = false;
  CredentialCheck still_valid_;
  std::chrono::milliseconds check_every_{0};
  std::chrono::steady_clock::time_point checked_at_{}, queues_at_{};
  // Hub thread only: the feed's position; each conversation's last status and agent seen.
  IdTracker feed_;
  std::unordered_map<int64_t, std::pair<std::string, int64_t>> known_;
  std::thread thread_;
};

}  // namespace kefu::api
