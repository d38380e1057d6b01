#pragma once
// What the live wallboard (实时大屏) reads right now, over tickets, CSAT ratings, chat
// conversations and the agents' chat state. Every method takes the stores explicitly
// (never "all stores" as an empty list): each query then seeks an index by store.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// Tickets of the stores: today's by channel and category, and the state right now.
struct LiveTicketCounts {
  std::vector<std::pair<std::string, int64_t>> by_channel;   // created in [from, now), most first
  std::vector<std::pair<std::string, int64_t>> by_category;  // the same, non-empty categories only
  int64_t created = 0;                                       // in [from, now)
  int64_t open = 0;                                          // not resolved or closed, any age
  int64_t resolved = 0;                                      // resolved in [from, now), resolved or closed now
};

// A ticket with a running SLA deadline: the earliest of its deadlines.
struct LiveTicket {
  int64_t id = 0;
  std::string number;
  std::string subject;
  int64_t store_id = 0;
  std::optional<int64_t> owner_id;
  std::string owner_name;  // empty without an owner
  std::string metric;      // first_response | resolution | callback: the deadline below
  int64_t due_at = 0;
};

struct LiveBreaching {
  int64_t count = 0;                // every ticket whose earliest deadline is in the range
  std::vector<LiveTicket> tickets;  // the first `limit` of them, earliest deadline first
};

struct LiveCsat {
  int64_t n = 0;
  int64_t sum = 0;
  int64_t good = 0;  // rated 4 or 5
};

// Conversations waiting in one skill queue.
struct LiveQueue {
  std::string queue;
  int64_t waiting = 0;
  int64_t oldest_queued_at = 0;
};

struct LiveChatCounts {
  int64_t started = 0;         // conversations created in [from, now)
  int64_t without_ticket = 0;  // of those, the ones no ticket was made from
};

struct LiveAgents {
  int64_t online = 0;
  int64_t busy = 0;  // online and on a call or serving at least one conversation
  int64_t away = 0;
};

class LiveStore : public Store {
 public:
  static std::unique_ptr<LiveStore> open(Stores&);

  // Tickets created since `from` by channel and category, the open ones, and those
  // resolved since `from`.
  virtual LiveTicketCounts ticket_counts(const std::vector<int64_t>& store_ids, int64_t from) = 0;
  // Tickets whose earliest running deadline is in [from, to) (from = nullopt: any time
  // before `to`): an open ticket's first response or resolution, a resolved one's callback.
  virtual LiveBreaching breaching(const std::vector<int64_t>& store_ids, std::optional<int64_t> from, int64_t to,
                                  int limit) = 0;
  // CSAT ratings given in [from, to) on the stores' tickets.
  virtual LiveCsat csat(const std::vector<int64_t>& store_ids, int64_t from, int64_t to) = 0;
  // Chat conversations created since `from`.
  virtual LiveChatCounts chats(const std::vector<int64_t>& store_ids, int64_t from) = 0;
  // The chat queues with conversations waiting now, the longest-waiting first.
  virtual std::vector<LiveQueue> queues(const std::vector<int64_t>& store_ids) = 0;
  // Active staff of the stores with a chat state online or away (each person once).
  virtual LiveAgents agents(const std::vector<int64_t>& store_ids) = 0;
};

}  // namespace kefu::storage
