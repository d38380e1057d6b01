#include "chat/domain/assignment.hpp"

#include <algorithm>
#include <tuple>

namespace kefu::chat {
namespace {

bool serves(const AgentLoad& a, const Wanted& w) {
  if (a.presence != Presence::online || a.on_call || a.capacity <= 0) return false;
  if (std::find(a.store_ids.begin(), a.store_ids.end(), w.store_id) == a.store_ids.end()) return false;
  return a.queues.empty() || std::find(a.queues.begin(), a.queues.end(), w.queue) != a.queues.end();
}

// a's share of capacity is smaller than b's: a.active / a.capacity < b.active / b.capacity,
// cross-multiplied (capacities are positive for eligible agents).
int compare_share(const AgentLoad& a, const AgentLoad& b) {
  const int64_t l = int64_t{a.active} * b.capacity, r = int64_t{b.active} * a.capacity;
  return l < r ? -1 : l > r ? 1 : 0;
}

bool better(const AgentLoad& a, const AgentLoad& b) {
  if (int c = compare_share(a, b)) return c < 0;
  // Never assigned = idle the longest.
  const int64_t ia = a.last_assigned_at.value_or(INT64_MIN), ib = b.last_assigned_at.value_or(INT64_MIN);
  return std::tie(ia, a.staff_id) < std::tie(ib, b.staff_id);
}

}  // namespace

bool eligible(const AgentLoad& a, const Wanted& w) { return serves(a, w) && a.active < a.capacity; }

std::optional<int64_t> choose_agent(const std::vector<AgentLoad>& agents, const Wanted& w) {
  const AgentLoad* best = nullptr;
  for (const auto& a : agents)
    if (eligible(a, w) && (!best || better(a, *best))) best = &a;
  if (!best) return std::nullopt;
  return best->staff_id;
}

int staffed_capacity(const std::vector<AgentLoad>& agents, const Wanted& w) {
  int sum = 0;
  for (const auto& a : agents)
    if (serves(a, w)) sum += a.capacity;
  return sum;
}

std::optional<int64_t> estimated_wait_ms(int position, int capacity, int64_t handling_ms) {
  if (capacity <= 0 || position <= 0 || handling_ms <= 0) return std::nullopt;
  constexpr int64_t kMinute = 60'000;
  const int64_t raw = (int64_t{position} * handling_ms + capacity - 1) / capacity;
  return (raw + kMinute - 1) / kMinute * kMinute;
}

}  // namespace kefu::chat
