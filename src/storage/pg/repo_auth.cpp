// Sessions, API tokens, login throttling, idempotency keys, the audit log, and the
// repository's housekeeping (counts, snapshots, planner statistics).
#include <sstream>
#include <stdexcept>

#include "storage/pg/repository.hpp"

namespace kefu::storage::pg {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

}  // namespace

void PgRepository::insert_session(const std::string& digest, int64_t staff_id, int64_t created_at, int64_t expires_at) {
  db_.prepare("INSERT INTO sessions(digest, staff_id, created_at, expires_at) VALUES (?,?,?,?)")
      ->bind_all(digest, staff_id, created_at, expires_at)
      .run();
}

std::optional<int64_t> PgRepository::session_staff(const std::string& digest, int64_t now) {
  auto s = db_.prepare("SELECT staff_id FROM sessions WHERE digest = ? AND expires_at > ?");
  s->bind_all(digest, now);
  if (!s->step()) return std::nullopt;
  return s->i64(0);
}

void PgRepository::delete_session(const std::string& digest) {
  db_.prepare("DELETE FROM sessions WHERE digest = ?")->bind(1, digest).run();
}

int64_t PgRepository::insert_api_token(const ApiToken& t, const std::string& digest) {
  auto s = db_.prepare(
      "INSERT INTO api_tokens(name, digest, staff_id, scopes, created_at, expires_at, revoked) "
      "VALUES (?,?,?,?,?,?,0) RETURNING id");
  s->bind_all(t.name, digest, t.staff_id, join(t.scopes), t.created_at, t.expires_at);
  s->step();
  return s->i64(0);
}

std::optional<ApiToken> PgRepository::api_token(const std::string& digest, int64_t now) {
  auto s = db_.prepare(
      "SELECT id, name, staff_id, scopes, created_at, expires_at, revoked FROM api_tokens "
      "WHERE digest = ? AND revoked = 0 AND (expires_at IS NULL OR expires_at > ?)");
  s->bind_all(digest, now);
  if (!s->step()) return std::nullopt;
  return ApiToken{s->i64(0), s->text(1), s->i64(2), split(s->text(3)), s->i64(4), s->opt_i64(5), s->i64(6) != 0};
}

void PgRepository::record_login_failure(const std::string& username, const std::string& remote, int64_t at) {
  db_.prepare("INSERT INTO login_failures(username, remote, at) VALUES (?,?,?)")->bind_all(username, remote, at).run();
}

int PgRepository::login_failures_since(const std::string& username, int64_t since) {
  auto s = db_.prepare("SELECT COUNT(*) FROM login_failures WHERE username = ? AND at >= ?");
  s->bind_all(username, since);
  s->step();
  return static_cast<int>(s->i64(0));
}

void PgRepository::clear_login_failures(const std::string& username) {
  db_.prepare("DELETE FROM login_failures WHERE username = ?")->bind(1, username).run();
}

std::optional<IdempotentResult> PgRepository::idempotent(int64_t staff_id, const std::string& key) {
  auto s = db_.prepare("SELECT request_hash, status, body FROM idempotency WHERE staff_id = ? AND key = ?");
  s->bind_all(staff_id, key);
  if (!s->step()) return std::nullopt;
  return IdempotentResult{s->text(0), static_cast<int>(s->i64(1)), s->text(2)};
}

void PgRepository::put_idempotent(int64_t staff_id, const std::string& key, const IdempotentResult& r, int64_t at) {
  db_.prepare("INSERT INTO idempotency(staff_id, key, request_hash, status, body, created_at) VALUES (?,?,?,?,?,?)")
      ->bind_all(staff_id, key, r.request_hash, r.status, r.body, at)
      .run();
}

void PgRepository::append_audit(const AuditEntry& a) {
  db_.prepare(
         "INSERT INTO audit_log(actor_id, action, entity, entity_id, before_json, after_json, created_at) "
         "VALUES (?,?,?,?,?,?,?)")
      ->bind_all(a.actor_id, a.action, a.entity, a.entity_id, a.before_json, a.after_json, a.created_at)
      .run();
}

std::vector<AuditEntry> PgRepository::audit(const std::string& entity, int64_t entity_id) {
  std::vector<AuditEntry> out;
  auto s = db_.prepare(
      "SELECT id, actor_id, action, entity, entity_id, before_json, after_json, created_at FROM audit_log "
      "WHERE entity = ? AND entity_id = ? ORDER BY id");
  s->bind_all(entity, entity_id);
  while (s->step())
    out.push_back({s->i64(0), s->i64(1), s->text(2), s->text(3), s->i64(4), s->text(5), s->text(6), s->i64(7)});
  return out;
}

int64_t PgRepository::count(const std::string& table) {
  // The same names as on SQLite; "ticket_fts" (SQLite's search table) counts this
  // backend's search table, so callers stay backend-neutral.
  static const std::pair<const char*, const char*> allowed[] = {{"stores", "stores"},
                                                                {"departments", "departments"},
                                                                {"staff", "staff"},
                                                                {"members", "members"},
                                                                {"tickets", "tickets"},
                                                                {"ticket_events", "ticket_events"},
                                                                {"tasks", "tasks"},
                                                                {"attachments", "attachments"},
                                                                {"audit_log", "audit_log"},
                                                                {"ticket_fts", "ticket_search"},
                                                                {"sessions", "sessions"},
                                                                {"clock_events", "clock_events"},
                                                                {"escalations_fired", "escalations_fired"},
                                                                {"notifications", "notifications"},
                                                                {"email_outbox", "email_outbox"},
                                                                {"resolutions", "resolutions"},
                                                                {"csat_ratings", "csat_ratings"},
                                                                {"sla_policies", "sla_policies"}};
  for (const auto& [name, pg_table] : allowed) {
    if (table != name) continue;
    auto s = db_.prepare(std::string("SELECT COUNT(*) FROM ") + pg_table);
    s->step();
    return s->i64(0);
  }
  throw std::invalid_argument("count: unknown table " + table);
}

// A snapshot is a read-only REPEATABLE READ transaction: every statement in it sees the
// state as of its first one. Unlike SQLite, nothing is kept open between snapshots
// (PostgreSQL has no per-process lock to save, and an idle open transaction would hold
// back vacuum), so a snapshot always sees every write committed before it began.
// Readers only: on the writer, BEGIN would merely warn and the COMMIT would end the
// group-commit batch half-way, so an open transaction is refused (SQLite errors too).
void PgRepository::begin_snapshot() {
  if (snapshot_depth_++ > 0) return;
  const auto state = PQtransactionStatus(db_.raw());
  if (state == PQTRANS_INTRANS || state == PQTRANS_INERROR) {
    snapshot_depth_ = 0;
    throw std::logic_error("begin_snapshot inside a transaction (snapshots are for readers)");
  }
  try {
    db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  } catch (...) {
    snapshot_depth_ = 0;
    throw;
  }
}

void PgRepository::end_snapshot() {
  if (--snapshot_depth_ > 0) return;
  snapshot_depth_ = 0;
  db_.exec("COMMIT");
}

void PgRepository::analyze() { db_.exec("ANALYZE"); }

}  // namespace kefu::storage::pg
