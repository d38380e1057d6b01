#pragma once
// Live chat (在线客服) use cases: a customer starts a conversation from a store's page and
// waits in that store's queue; the least-loaded eligible agent takes it
// (chat/domain/assignment.hpp), or an agent picks it, or a supervisor assigns it; messages
// are numbered and committed before they are acknowledged; transfer to a colleague or a
// queue takes the whole history along; either side may end it.
//
// Who: the customer holds the conversation's token (given once, at the start; only its
// digest is stored) and sees their conversation without staff whispers or staff names.
// Staff reach the conversations of the stores they serve (404 otherwise, as for tickets);
// the assigned agent writes to the customer, supervisors and above may write to any
// conversation of their stores; anyone of the store may add a whisper (visible to staff only).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "chat/domain/assignment.hpp"
#include "chat/domain/conversation.hpp"
#include "chat/storage/chat_agent_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/app/context.hpp"

namespace kefu::app {

struct StartChat {
  int64_t store_id = 0;
  std::string queue = "general";
  std::string customer_name;
  std::string remote;  // the client's address (the rate limit)
};

// Chats a client address may start in an hour (a mall's Wi-Fi shares one address).
inline constexpr int kChatsPerAddress = 60;
// A customer's message within this time after the end reopens the conversation (unless
// it was rated or became a ticket).
inline constexpr int64_t kReopenWindowMs = 30 * 60'000;

// Where a waiting customer stands. position 0 = not waiting (served, ended or bot).
struct QueuePlace {
  int position = 0;
  std::optional<int64_t> wait_ms;  // nullopt: nobody online can take the queue
  bool staffed = false;            // someone online serves this queue (full or not)
};

struct ChatStarted {
  chat::Conversation conversation;
  std::string token;  // the customer's key to this conversation; shown once
  QueuePlace place;
};

// Typical handling time used for the wait estimate until the queue has its own history.
inline constexpr int64_t kDefaultHandlingMs = 6 * 60'000;

ChatStarted start_chat(Context&, const StartChat&);
chat::Conversation chat_for_token(Context&, const std::string& token);
// A customer's message. `known`: the conversation this token opened, as the customer's
// socket found it at hello; while it is open the message goes in without reading it again.
storage::Appended customer_say(Context&, const std::string& token, const std::string& client_msg_id,
                               const std::string& body, std::optional<int64_t> known = std::nullopt);
std::vector<chat::Message> customer_messages(Context&, const std::string& token, int64_t after, int limit);
chat::Conversation customer_end(Context&, const std::string& token);
QueuePlace queue_place(Context&, const chat::Conversation&);
// The places of many conversations at once (the hub's refresh of every waiting customer):
// each store's agents and each queue's waiting list are read once, not once per customer.
std::vector<QueuePlace> queue_places(Context&, const std::vector<chat::Conversation>&);

chat::Conversation staff_conversation(Context&, int64_t id);
storage::Appended agent_say(Context&, int64_t id, const std::string& client_msg_id, const std::string& body,
                            bool whisper);
std::vector<chat::Message> staff_messages(Context&, int64_t id, int64_t after, int limit);
// The caller's presence; going online hands them waiting conversations they may take. While
// `on_call` (a phone call at the hotline or the desk) no new chat is given to them; nullopt
// keeps it as it is.
storage::ChatAgent set_presence(Context&, const std::string& presence, std::optional<bool> on_call = std::nullopt);
// A supervisor sets an agent's capacity (nullopt: the role's default) and skill queues.
storage::ChatAgent set_chat_agent(Context&, int64_t staff_id, std::optional<int> capacity,
                                  const std::vector<std::string>& queues);
// Gives waiting conversations of the queue to eligible agents while both exist; returns
// the conversations assigned.
std::vector<int64_t> dispatch(Context&, int64_t store_id, const std::string& queue);
// An agent takes a waiting conversation (409 conversation_taken when someone was first).
chat::Conversation pick(Context&, int64_t id);
// A supervisor gives a waiting (or served) conversation to an agent of its store.
chat::Conversation assign_to(Context&, int64_t id, int64_t agent_id);
// To a colleague of the store (assigned to them at once, capacity permitting or not: a
// deliberate hand-over) or back to a queue; the note goes into the history as a whisper.
chat::Conversation transfer(Context&, int64_t id, std::optional<int64_t> to_agent,
                            const std::optional<std::string>& to_queue, const std::string& note);
chat::Conversation end_chat(Context&, int64_t id);

// A store's agents as assignment sees them (capacity in force, presence as a term).
std::vector<chat::AgentLoad> agent_loads_of(int64_t store_id, const std::vector<storage::ChatAgentLoad>& stored);

// A system event in the conversation's history ({"event": …}; labels are the screens').
// The bot hands a conversation to people: back in its queue, with an event `handoff` that
// carries `why` (the reason and the bot's guesses, for the agent). Only from status bot.
chat::Conversation hand_over(Context&, int64_t id, const nlohmann::json& why);
storage::Appended chat_event(Context&, int64_t id, const nlohmann::json& data);

}  // namespace kefu::app
