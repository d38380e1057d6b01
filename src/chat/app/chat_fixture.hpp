#pragma once
// The live chat use cases' test fixture: the SLA fixture's stores and staff on SQLite in
// memory, with a customer starting chats and agents coming online.
#include <nlohmann/json.hpp>

#include "chat/app/conversations.hpp"
#include "chat/storage/conversation_store.hpp"
#include "sla/app/sla_fixture.hpp"

namespace kefu::app::testing {

class Chat : public SlaUseCases {
 protected:
  ChatStarted start(const std::string& queue = "general", int64_t at = kNow, int64_t store = 0) {
    return as(
        agent_b,  // the customer's page runs without staff rights; any actor works here
        [&](Context& c) { return start_chat(c, {.store_id = store ? store : store_a, .queue = queue}); }, at);
  }
  void online(const people::Actor& who, int64_t at = kNow) {
    as(
        who, [&](Context& c) { return set_presence(c, "online"); }, at);
  }
  void capacity(const people::Actor& who, int n) {
    as(supervisor, [&](Context& c) { return set_chat_agent(c, who.staff_id, n, {}); });
  }
  chat::Conversation conv(int64_t id) { return *db->reader().get<storage::ConversationStore>().conversation(id); }
  QueuePlace place(int64_t id) {
    return as(agent, [&](Context& c) { return queue_place(c, conv(id)); });
  }
  std::vector<std::string> events(const std::string& token) {
    std::vector<std::string> out;
    for (const auto& m : as(agent, [&](Context& c) { return customer_messages(c, token, 0, 100); }))
      out.push_back(m.kind == "event" ? nlohmann::json::parse(m.body)["event"].get<std::string>() : m.kind);
    return out;
  }
};

}  // namespace kefu::app::testing
