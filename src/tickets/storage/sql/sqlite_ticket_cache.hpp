#pragma once
// Recently read tickets, kept in memory by the SQLite backend so that a get by id
// usually needs no read transaction (whose begin/end take a process-wide lock).
//
// Consistency: the writer, after each COMMIT and before any completion runs, calls
// invalidate() with the ids the batch touched and the batch's commit sequence. A
// reader fills the cache only with a row read in a snapshot that began at or after
// the last invalidation of that ticket's shard, so a stale row never enters; a row
// that was already cached is dropped by invalidate(). A client therefore always sees
// its own acknowledged writes.
// ATTENTION: this holds only while this process is the only writer of tickets (one
// `kefu serve` per SQLite file). Entries also expire after `ttl`, which bounds what
// another process's change could leave behind.
#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/storage/sqlite/stores.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::storage::sqlite {

class TicketCache {
 public:
  explicit TicketCache(std::size_t capacity, std::chrono::milliseconds ttl = std::chrono::seconds(30));

  std::optional<ticket::Ticket> get(int64_t id);
  // Caches t unless its shard was invalidated after the reader's snapshot began.
  void put(const ticket::Ticket& t, uint64_t snapshot_seq);
  // Drops the ids and marks their shards with seq (the writer, after a commit).
  void invalidate(const std::vector<int64_t>& ids, uint64_t seq);

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    ticket::Ticket ticket;
    Clock::time_point filled;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<int64_t, Entry> map;
    uint64_t invalidated_seq = 0;
  };
  Shard& shard(int64_t id) { return shards_[static_cast<uint64_t>(id) % shards_.size()]; }

  std::size_t per_shard_;
  std::chrono::milliseconds ttl_;
  std::array<Shard, 64> shards_;
};

// The cache of one SQLite database (sqlite::Shared): the writer's ticket store records
// what a batch writes (touch), and the batch's commit drops those tickets.
class SqliteTicketCache final : public CommitWatcher {
 public:
  SqliteTicketCache() : cache_(100'000) {}

  std::optional<ticket::Ticket> get(int64_t id) { return cache_.get(id); }
  void put(const ticket::Ticket& t, uint64_t snapshot_seq) { cache_.put(t, snapshot_seq); }
  void touch(int64_t id) { touched_.push_back(id); }  // the writer thread only

  void batch_started() override { touched_.clear(); }
  void committed(uint64_t seq) override { cache_.invalidate(touched_, seq); }

 private:
  TicketCache cache_;
  std::vector<int64_t> touched_;  // tickets the current batch inserted or updated
};

}  // namespace kefu::storage::sqlite
