#pragma once
// The live wallboard (实时大屏): what a service centre's TV shows right now, in one read.
// Today is the store's local day (the first store's, for several).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/app/context.hpp"
#include "reports/storage/live_store.hpp"

namespace kefu::app {

// A deadline this close counts as about to breach; the lists show this many tickets; hot
// topics are today's commonest ticket categories, this many.
inline constexpr int64_t kDueSoonMs = 30LL * 60 * 1000;
inline constexpr int kLiveTickets = 10;
inline constexpr std::size_t kHotTopics = 5;

struct LiveBoard {
  int64_t as_of = 0;
  int64_t from = 0;  // the local midnight that began today
  std::optional<int64_t> store_id;
  std::string store_name;  // the one store's; empty for several
  std::string timezone;
  // Contacts today: tickets by their channel, plus chat conversations that did not become
  // a ticket (live_chat), most first.
  std::vector<std::pair<std::string, int64_t>> contacts;
  storage::LiveTicketCounts tickets;
  storage::LiveChatCounts chats;
  std::vector<storage::LiveQueue> queues;
  storage::LiveAgents agents;
  storage::LiveBreaching due_soon;  // earliest deadline within kDueSoonMs from now
  storage::LiveBreaching overdue;   // earliest deadline already passed
  storage::LiveCsat csat;           // ratings given today
};

// The caller's stores (all for an admin), or the one store_id (404 outside them).
LiveBoard live_board(Context&, std::optional<int64_t> store_id);

// Today's contacts by channel: the tickets' counts plus the conversations without a ticket
// as live_chat, most first (ties by code).
std::vector<std::pair<std::string, int64_t>> contacts_by_channel(std::vector<std::pair<std::string, int64_t>> tickets,
                                                                 int64_t chats_without_ticket);

}  // namespace kefu::app
