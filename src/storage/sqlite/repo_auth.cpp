// Sessions, API tokens, login throttling, idempotency keys, the audit log.
#include <sstream>

#include "storage/sqlite/repository.hpp"

namespace kefu::storage::sqlite {
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

void SqliteRepository::insert_session(const std::string& digest, int64_t staff_id, int64_t created_at,
                                      int64_t expires_at) {
  db_.prepare("INSERT INTO sessions(digest, staff_id, created_at, expires_at) VALUES (?,?,?,?)")
      ->bind_all(digest, staff_id, created_at, expires_at)
      .run();
}

std::optional<int64_t> SqliteRepository::session_staff(const std::string& digest, int64_t now) {
  auto s = db_.prepare("SELECT staff_id FROM sessions WHERE digest = ? AND expires_at > ?");
  s->bind_all(digest, now);
  if (!s->step()) return std::nullopt;
  return s->i64(0);
}

void SqliteRepository::delete_session(const std::string& digest) {
  db_.prepare("DELETE FROM sessions WHERE digest = ?")->bind(1, digest).run();
}

int64_t SqliteRepository::insert_api_token(const ApiToken& t, const std::string& digest) {
  db_.prepare(
         "INSERT INTO api_tokens(name, digest, staff_id, scopes, created_at, expires_at, revoked) "
         "VALUES (?,?,?,?,?,?,0)")
      ->bind_all(t.name, digest, t.staff_id, join(t.scopes), t.created_at, t.expires_at)
      .run();
  return db_.last_insert_id();
}

std::optional<ApiToken> SqliteRepository::api_token(const std::string& digest, int64_t now) {
  auto s = db_.prepare(
      "SELECT id, name, staff_id, scopes, created_at, expires_at, revoked FROM api_tokens "
      "WHERE digest = ? AND revoked = 0 AND (expires_at IS NULL OR expires_at > ?)");
  s->bind_all(digest, now);
  if (!s->step()) return std::nullopt;
  return ApiToken{s->i64(0), s->text(1), s->i64(2), split(s->text(3)), s->i64(4), s->opt_i64(5), s->i64(6) != 0};
}

void SqliteRepository::record_login_failure(const std::string& username, const std::string& remote, int64_t at) {
  db_.prepare("INSERT INTO login_failures(username, remote, at) VALUES (?,?,?)")->bind_all(username, remote, at).run();
}

int SqliteRepository::login_failures_since(const std::string& username, int64_t since) {
  auto s = db_.prepare("SELECT COUNT(*) FROM login_failures WHERE username = ? AND at >= ?");
  s->bind_all(username, since);
  s->step();
  return static_cast<int>(s->i64(0));
}

void SqliteRepository::clear_login_failures(const std::string& username) {
  db_.prepare("DELETE FROM login_failures WHERE username = ?")->bind(1, username).run();
}

std::optional<IdempotentResult> SqliteRepository::idempotent(int64_t staff_id, const std::string& key) {
  auto s = db_.prepare("SELECT request_hash, status, body FROM idempotency WHERE staff_id = ? AND key = ?");
  s->bind_all(staff_id, key);
  if (!s->step()) return std::nullopt;
  return IdempotentResult{s->text(0), static_cast<int>(s->i64(1)), s->text(2)};
}

void SqliteRepository::put_idempotent(int64_t staff_id, const std::string& key, const IdempotentResult& r, int64_t at) {
  db_.prepare("INSERT INTO idempotency(staff_id, key, request_hash, status, body, created_at) VALUES (?,?,?,?,?,?)")
      ->bind_all(staff_id, key, r.request_hash, r.status, r.body, at)
      .run();
}

void SqliteRepository::append_audit(const AuditEntry& a) {
  db_.prepare(
         "INSERT INTO audit_log(actor_id, action, entity, entity_id, before_json, after_json, created_at) "
         "VALUES (?,?,?,?,?,?,?)")
      ->bind_all(a.actor_id, a.action, a.entity, a.entity_id, a.before_json, a.after_json, a.created_at)
      .run();
}

std::vector<AuditEntry> SqliteRepository::audit(const std::string& entity, int64_t entity_id) {
  std::vector<AuditEntry> out;
  auto s = db_.prepare(
      "SELECT id, actor_id, action, entity, entity_id, before_json, after_json, created_at FROM audit_log "
      "WHERE entity = ? AND entity_id = ? ORDER BY id");
  s->bind_all(entity, entity_id);
  while (s->step())
    out.push_back({s->i64(0), s->i64(1), s->text(2), s->text(3), s->i64(4), s->text(5), s->text(6), s->i64(7)});
  return out;
}

int64_t SqliteRepository::count(const std::string& table) {
  static const char* allowed[] = {"stores",
                                  "departments",
                                  "staff",
                                  "members",
                                  "tickets",
                                  "ticket_events",
                                  "tasks",
                                  "attachments",
                                  "audit_log",
                                  "ticket_fts",
                                  "sessions",
                                  "clock_events",
                                  "escalations_fired",
                                  "notifications",
                                  "email_outbox",
                                  "resolutions",
                                  "csat_ratings",
                                  "sla_policies"};
  for (const char* t : allowed) {
    if (table != t) continue;
    auto s = db_.prepare(std::string("SELECT COUNT(*) FROM ") + t);
    s->step();
    return s->i64(0);
  }
  throw std::invalid_argument("count: unknown table " + table);
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
