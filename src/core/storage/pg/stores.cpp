#include "core/storage/pg/stores.hpp"

#include <stdexcept>

#include "core/storage/migrations.hpp"

namespace kefu::storage::pg {

// A snapshot is a read-only REPEATABLE READ transaction: every statement in it sees the
// state as of its first one. Unlike SQLite, nothing is kept open between snapshots
// (PostgreSQL has no per-process lock to save, and an idle open transaction would hold
// back vacuum), so a snapshot always sees every write committed before it began.
// Readers only: on the writer, BEGIN would merely warn and the COMMIT would end the
// group-commit batch half-way, so an open transaction is refused (SQLite errors too).
void PgStores::begin_snapshot() {
  if (snapshot_depth_++ > 0) return;
  db_.settle();
  const auto state = PQtransactionStatus(db_.raw());
  if (state == PQTRANS_INTRANS || state == PQTRANS_INERROR) {
    snapshot_depth_ = 0;
    throw std::logic_error("begin_snapshot inside a transaction (snapshots are for readers)");
  }
  // Sent with the snapshot's first statement (Connection::begin_lazily).
  db_.begin_lazily("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

void PgStores::end_snapshot() {
  if (--snapshot_depth_ > 0) return;
  snapshot_depth_ = 0;
  db_.commit_async();
}

int64_t PgStores::count(const std::string& table) {
  // Only a table a capability declares (core/storage/migrations.hpp) enters the SQL.
  const auto name = counted_table(table, true);
  if (name.empty()) throw std::invalid_argument("count: unknown table " + table);
  auto s = db_.prepare("SELECT COUNT(*) FROM " + std::string(name));
  s->step();
  return s->i64(0);
}

// This installation's tables only: a bare ANALYZE would visit every schema of the
// database (several installations, or the test server's hundreds).
void PgStores::analyze() {
  std::string tables;
  {
    auto s = db_.prepare(
        "SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables WHERE schemaname = current_schema()");
    if (s->step() && !s->is_null(0)) tables = s->text(0);
  }
  if (!tables.empty()) db_.exec("ANALYZE " + tables);
}

}  // namespace kefu::storage::pg
