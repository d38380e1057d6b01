// SqliteRepository: the shared SQL (storage/sql/) instantiated for SQLite, plus what
// only SQLite has: the FTS5 index, snapshot reuse and the ticket cache.
#include "core/storage/sqlite/repository.hpp"

#include <chrono>

#include "core/storage/sql/repo_notify.hpp"
#include "core/storage/sql/repo_people.hpp"
#include "core/storage/sql/repo_sla.hpp"
#include "core/storage/sql/repo_tickets.hpp"

template class kefu::storage::sql::SqlRepository<kefu::storage::sqlite::SqliteDialect>;

namespace kefu::storage::sqlite {

bool SqliteDialect::match(const std::vector<std::string>& terms, std::string& where, std::vector<sql::Value>& args) {
  // FTS5 query: each term a quoted phrase (quotes doubled), all AND-ed.
  std::string q;
  for (const auto& term : terms) {
    std::string phrase;
    for (char c : term) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
    q += (q.empty() ? "\"" : " AND \"") + phrase + "\"";
  }
  where += " AND ticket_fts MATCH ?";
  args.emplace_back(std::move(q));
  return true;
}

void SqliteRepository::touched(int64_t ticket_id) {
  if (touched_) touched_->push_back(ticket_id);
}

std::optional<ticket::Ticket> SqliteRepository::ticket(int64_t id) {
  if (cache_)
    if (auto hit = cache_->get(id)) return hit;
  // The commit sequence the row is at least as new as: the snapshot's, or (outside a
  // snapshot) the one before this statement starts its own read transaction.
  const uint64_t seq = !commit_seq_          ? 0
                       : snapshot_depth_ > 0 ? snapshot_seq_
                                             : commit_seq_->load(std::memory_order_acquire);
  auto t = SqlRepository::ticket(id);
  if (t && cache_) cache_->put(*t, seq);
  return t;
}

void SqliteRepository::index_ticket(int64_t ticket_id, const std::string& tokens) {
  db_.prepare("DELETE FROM ticket_fts WHERE rowid = ?")->bind(1, ticket_id).run();
  db_.prepare("INSERT INTO ticket_fts(rowid, tokens) VALUES (?, ?)")->bind_all(ticket_id, tokens).run();
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

void SqliteRepository::begin_snapshot() {
  if (snapshot_depth_++ > 0) return;
  if (!commit_seq_) {
    db_.prepare("BEGIN")->run();
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  const uint64_t seq = commit_seq_->load(std::memory_order_acquire);
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

void SqliteRepository::end_snapshot() {
  if (--snapshot_depth_ > 0) return;
  // ATTENTION: a kept snapshot pins the WAL (no restart while a reader uses it). Under
  // WAL pressure readers release at once; a thread that then stays idle keeps its
  // snapshot until its next request.
  if (!commit_seq_ || (wal_pressure_ && wal_pressure_->load(std::memory_order_relaxed))) {
    db_.prepare("COMMIT")->run();
    snapshot_open_ = false;
  }
}

void SqliteRepository::analyze() { db_.exec("ANALYZE"); }

}  // namespace kefu::storage::sqlite
