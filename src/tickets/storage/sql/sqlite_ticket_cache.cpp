#include "tickets/storage/sql/sqlite_ticket_cache.hpp"

namespace kefu::storage::sqlite {

TicketCache::TicketCache(std::size_t capacity, std::chrono::milliseconds ttl)
    : per_shard_(std::max<std::size_t>(1, capacity / 64)), ttl_(ttl) {}

std::optional<ticket::Ticket> TicketCache::get(int64_t id) {
  auto& s = shard(id);
  std::lock_guard lock(s.mu);
  auto it = s.map.find(id);
  if (it == s.map.end()) return std::nullopt;
  if (Clock::now() - it->second.filled > ttl_) {
    s.map.erase(it);
    return std::nullopt;
  }
  return it->second.ticket;
}

void TicketCache::put(const ticket::Ticket& t, uint64_t snapshot_seq) {
  auto& s = shard(t.id);
  std::lock_guard lock(s.mu);
  if (s.invalidated_seq > snapshot_seq) return;  // the row may predate a commit that changed it
  if (s.map.size() >= per_shard_ && !s.map.contains(t.id)) s.map.erase(s.map.begin());
  s.map.insert_or_assign(t.id, Entry{t, Clock::now()});
}

void TicketCache::invalidate(const std::vector<int64_t>& ids, uint64_t seq) {
  for (auto id : ids) {
    auto& s = shard(id);
    std::lock_guard lock(s.mu);
    s.map.erase(id);
    s.invalidated_seq = std::max(s.invalidated_seq, seq);
  }
}

}  // namespace kefu::storage::sqlite
