#pragma once
// The agents' chat state: presence (online / away / offline, on a call), capacity and skill
// queues, the console's heartbeat, and each agent's load as assignment sees it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// An agent's chat state; no row = offline, capacity from the role.
struct ChatAgent {
  int64_t staff_id = 0;
  std::string presence = "offline";  // online | away | offline
  int64_t presence_at = 0;
  bool on_call = false;
  std::optional<int> capacity;  // nullopt: the role's default
  std::vector<std::string> queues;
  std::optional<int64_t> last_assigned_at;
};

// One agent of a store as assignment sees them.
struct ChatAgentLoad {
  ChatAgent agent;
  std::string role;
  int active = 0;  // assigned conversations
};

class ChatAgentStore : public Store {
 public:
  static std::unique_ptr<ChatAgentStore> open(Stores&);

  virtual void put_agent(const ChatAgent&) = 0;
  virtual std::optional<ChatAgent> agent(int64_t staff_id) = 0;
  // The agent's console is open (a socket's heartbeat); no row: nothing happens.
  virtual void touch_agent(int64_t staff_id, int64_t at) = 0;
  // Every active staff member of the store who has a chat state row, with their load.
  virtual std::vector<ChatAgentLoad> agent_loads(int64_t store_id) = 0;
  // Agents online or away whose console was last seen before `before` go offline; returns them.
  virtual std::vector<int64_t> expire_presence(int64_t before, int64_t at) = 0;
};

}  // namespace kefu::storage
