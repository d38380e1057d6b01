#include "core/storage/sqlite/stores.hpp"

#include <stdexcept>

#include "core/storage/migrations.hpp"

namespace kefu::storage::sqlite {

void Shared::batch_started() {
  std::lock_guard lock(mu_);
  for (auto* w : watchers_) w->batch_started();
}

void Shared::committed(uint64_t seq) {
  std::lock_guard lock(mu_);
  for (auto* w : watchers_) w->committed(seq);
}

uint64_t SqliteStores::read_seq() const {
  if (!o_.commit_seq) return 0;
  return snapshot_depth_ > 0 ? snapshot_seq_ : o_.commit_seq->load(std::memory_order_acquire);
}

// Beginning and ending a WAL read transaction takes SQLite's per-process shared-memory
// mutex and fcntl locks, which the io threads' connections contend on; for a get by id
// that was a third of the server's CPU. So a reader keeps its snapshot open and reuses
// it while it is still current: no write batch committed since it began (the writer
// bumps commit_seq after each COMMIT, before any 2xx leaves) and younger than
// kSnapshotReuse (the bound on seeing another process's commits, e.g. `kefu user add`).
namespace {
constexpr auto kSnapshotReuse = std::chrono::milliseconds(20);
}

void SqliteStores::begin_snapshot() {
  if (snapshot_depth_++ > 0) return;
  if (!o_.commit_seq) {
    db_.prepare("BEGIN")->run();
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  const uint64_t seq = o_.commit_seq->load(std::memory_order_acquire);
  if (snapshot_open_ && seq == snapshot_seq_ && now - snapshot_opened_ < kSnapshotReuse) return;
  if (snapshot_open_) db_.prepare("COMMIT")->run();
  snapshot_open_ = false;
  // seq was read before the snapshot starts (at the first read), so it includes at
  // least every batch counted in seq.
  db_.prepare("BEGIN")->run();
  snapshot_open_ = true;
  snapshot_seq_ = seq;
  snapshot_opened_ = now;
}

void SqliteStores::end_snapshot() {
  if (--snapshot_depth_ > 0) return;
  // ATTENTION: a kept snapshot pins the WAL (no restart while a reader uses it). Under
  // WAL pressure readers release at once; a thread that then stays idle keeps its
  // snapshot until its next request.
  if (!o_.commit_seq || (o_.wal_pressure && o_.wal_pressure->load(std::memory_order_relaxed))) {
    db_.prepare("COMMIT")->run();
    snapshot_open_ = false;
  }
}

int64_t SqliteStores::count(const std::string& table) {
  // Only a table a capability declares (core/storage/migrations.hpp) enters the SQL.
  const auto name = counted_table(table, false);
  if (name.empty()) throw std::invalid_argument("count: unknown table " + table);
  auto s = db_.prepare("SELECT COUNT(*) FROM " + std::string(name));
  s->step();
  return s->i64(0);
}

void SqliteStores::analyze() { db_.exec("ANALYZE"); }

}  // namespace kefu::storage::sqlite
