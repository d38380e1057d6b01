// PgRepository: the shared SQL (storage/sql/) instantiated for PostgreSQL, plus the
// tsvector index, read snapshots and ANALYZE.
#include "core/storage/pg/repository.hpp"

#include <stdexcept>

#include "core/storage/pg/search.hpp"
#include "core/storage/sql/repo_notify.hpp"
#include "core/storage/sql/repo_people.hpp"
#include "core/storage/sql/repo_sla.hpp"
#include "core/storage/sql/repo_tickets.hpp"

template class kefu::storage::sql::SqlRepository<kefu::storage::pg::PgDialect>;

namespace kefu::storage::pg {

bool PgDialect::match(const std::vector<std::string>& terms, std::string& where, std::vector<sql::Value>& args) {
  for (const auto& term : terms) {
    std::string words = fts_words(term);
    // A term without words is an empty FTS5 phrase, which matches nothing, even
    // AND-ed with others.
    if (words.empty()) return false;
    where += " AND s.doc @@ phraseto_tsquery('simple', ?)";
    args.emplace_back(std::move(words));
  }
  return true;
}

void PgRepository::index_ticket(int64_t ticket_id, const std::string& tokens) {
  db_.prepare(
         "INSERT INTO ticket_search(ticket_id, tokens, doc) VALUES (?, ?, to_tsvector('simple', ?)) "
         "ON CONFLICT (ticket_id) DO UPDATE SET tokens = excluded.tokens, doc = excluded.doc")
      ->bind_all(ticket_id, tokens, fts_words(tokens))
      .run();
}

// A snapshot is a read-only REPEATABLE READ transaction: every statement in it sees the
// state as of its first one. Unlike SQLite, nothing is kept open between snapshots
// (PostgreSQL has no per-process lock to save, and an idle open transaction would hold
// back vacuum), so a snapshot always sees every write committed before it began.
// Readers only: on the writer, BEGIN would merely warn and the COMMIT would end the
// group-commit batch half-way, so an open transaction is refused (SQLite errors too).
void PgRepository::begin_snapshot() {
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

void PgRepository::end_snapshot() {
  if (--snapshot_depth_ > 0) return;
  snapshot_depth_ = 0;
  db_.commit_async();
}

// This installation's tables only: a bare ANALYZE would visit every schema of the
// database (several installations, or the test server's hundreds).
void PgRepository::analyze() {
  std::string tables;
  {
    auto s = db_.prepare(
        "SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables WHERE schemaname = current_schema()");
    if (s->step() && !s->is_null(0)) tables = s->text(0);
  }
  if (!tables.empty()) db_.exec("ANALYZE " + tables);
}

}  // namespace kefu::storage::pg
