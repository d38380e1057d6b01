#pragma once
// Who takes a new conversation (会话分配), and what a waiting customer is told. Pure: the
// caller reads agents' presence and loads inside the write that assigns, so two nodes
// assigning at the same moment are serialised by the database, not by this code.
//
// Eligible: an agent who is online (not away, not offline), not on a call, serves the
// conversation's store, has the conversation's queue among their skills (an agent
// without skills takes every queue of their stores), and has a free slot
// (active < capacity; a capacity of 0 takes no chats).
//
// Chosen among the eligible: the least loaded by share of capacity (active / capacity,
// compared exactly: 1/2 beats 2/3, and 2/4 ties 1/2), so agents with larger capacities
// carry proportionally more and nobody is filled while a colleague sits idle; ties go to
// the agent idle longest (the earliest last_assigned_at; never assigned counts as
// earliest), then the smaller staff id, so the choice is the same on every node.
//
// Waiting: conversations of one store and queue are served first come, first served: a
// waiting customer's position is 1 + the number of that queue's conversations queued
// before theirs. Estimated wait: the eligible agents' capacity frees slots at a rate of
// (sum of capacities) / (typical handling time); the customer at position p waits about
// p × handling / capacity, rounded up to whole minutes. With nobody online who could take
// the conversation there is no estimate (the customer is offered to leave a message).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kefu::chat {

enum class Presence { online, away, offline };

struct AgentLoad {
  int64_t staff_id = 0;
  Presence presence = Presence::offline;
  bool on_call = false;
  int capacity = 0;  // concurrent conversations
  int active = 0;    // conversations assigned and not ended
  std::optional<int64_t> last_assigned_at;
  std::vector<int64_t> store_ids;
  std::vector<std::string> queues;  // skills; empty = every queue
};

struct Wanted {
  int64_t store_id = 0;
  std::string queue;
};

bool eligible(const AgentLoad&, const Wanted&);

// The agent who takes the conversation, or nullopt when it must wait.
std::optional<int64_t> choose_agent(const std::vector<AgentLoad>&, const Wanted&);

// Every agent who could ever take the conversation now or when a slot frees: online, not
// on a call, serving the store and the queue, with capacity > 0 (full or not).
int staffed_capacity(const std::vector<AgentLoad>&, const Wanted&);

// Estimated wait in ms for the customer at `position` (1 = next), nullopt when nobody
// online can take the queue. `handling_ms` is the queue's typical handling time (callers
// pass the median of recent conversations, or a default when there are none).
std::optional<int64_t> estimated_wait_ms(int position, int staffed_capacity, int64_t handling_ms);

}  // namespace kefu::chat
