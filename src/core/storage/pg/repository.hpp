#pragma once
#include <string>
#include <vector>

#include "core/storage/pg/connection.hpp"
#include "core/storage/sql/repository.hpp"

namespace kefu::storage::pg {

// The PostgreSQL side of the SQL shared with SQLite (see core/storage/sql/repository.hpp).
struct PgDialect {
  using Db = Connection;
  using Stmt = pg::Stmt;

  // Runs an INSERT and returns the new row's id, which RETURNING hands back.
  template <class... Args>
  static int64_t insert(Db& db, const std::string& sql, const Args&... args) {
    auto s = db.prepare(sql + " RETURNING id");
    s->bind_all(args...);
    s->step();
    return s->i64(0);
  }
  // Several nodes insert at once: the id comes from the identity's sequence (never
  // MAX(id)+1).
  static constexpr const char* kNextTicketId = "SELECT nextval(pg_get_serial_sequence('tickets', 'id'))";
  // Text compares byte-wise as in SQLite, whatever the database's collation.
  static constexpr const char* kBytes = " COLLATE \"C\"";
  // PostgreSQL takes no planner hints.
  static std::string rare(const std::string& condition) { return condition; }
  // The tsvector table (core/storage/pg/search.hpp); its ticket_id orders results by creation.
  static constexpr const char* kSearchFrom = " FROM ticket_search s JOIN tickets t ON t.id = s.ticket_id";
  static constexpr const char* kSearchId = "t.id";
  static constexpr const char* kSearchTable = "ticket_search";
  // Each term a phrase of its words, all AND-ed, as in the FTS5 query of SQLite.
  static bool match(const std::vector<std::string>& terms, std::string& where, std::vector<sql::Value>& args);
  // Planned for each run, not once per connection (see Plan::per_run).
  static StmtScope prepare_per_run(Db& db, const std::string& sql) { return db.prepare(sql, Plan::per_run); }
};

// Repository over one PostgreSQL connection (core/storage/pg/connection.hpp). Not
// thread-safe: one per thread. Every method has the meaning the contract suite
// (core/storage/contract_test.cpp) pins down for SQLite; the SQL differs only where the
// dialects do (PgDialect), plus tsvector indexing, snapshots and ANALYZE here.
class PgRepository final : public sql::SqlRepository<PgDialect> {
 public:
  explicit PgRepository(Connection& db) : SqlRepository(db) {}

  void index_ticket(int64_t ticket_id, const std::string& tokens) override;
  void begin_snapshot() override;
  void end_snapshot() override;
  void analyze() override;

 private:
  int snapshot_depth_ = 0;
};

}  // namespace kefu::storage::pg

// Instantiated once, in pg/repository.cpp.
extern template class kefu::storage::sql::SqlRepository<kefu::storage::pg::PgDialect>;
