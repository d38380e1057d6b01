#pragma once
// Stores, departments, staff, members; sessions, API tokens, login throttling,
// idempotency keys, the audit log and table counts.
// Template definitions: included only by the backends' repository.cpp.
#include <optional>
#include <stdexcept>

#include "core/storage/sql/repository.hpp"
#include "core/storage/sql/rows.hpp"

namespace kefu::storage::sql {

template <class D>
int64_t SqlRepository<D>::insert_store(const people::Store& st) {
  return D::insert(db_, "INSERT INTO stores(code, name, timezone, address, hours_json) VALUES (?,?,?,?,?)", st.code,
                   st.name, st.timezone, st.address, hours_to_json(st.hours));
}

template <class D>
std::vector<people::Store> SqlRepository<D>::stores() {
  std::vector<people::Store> out;
  auto s = db_.prepare(kStoreCols + " ORDER BY id");
  while (s->step()) out.push_back(read_store(*s));
  return out;
}

template <class D>
std::optional<people::Store> SqlRepository<D>::store(int64_t id) {
  auto s = db_.prepare(kStoreCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_store(*s);
}

template <class D>
void SqlRepository<D>::update_store(const people::Store& st) {
  db_.prepare("UPDATE stores SET name=?, timezone=?, address=?, hours_json=? WHERE id=?")
      ->bind_all(st.name, st.timezone, st.address, hours_to_json(st.hours), st.id)
      .run();
}

template <class D>
bool SqlRepository<D>::store_exists(int64_t id) {
  auto s = db_.prepare("SELECT 1 FROM stores WHERE id = ?");
  s->bind(1, id);
  return s->step();
}

template <class D>
int64_t SqlRepository<D>::insert_department(const people::Department& d) {
  return D::insert(db_, "INSERT INTO departments(store_id, code, name, kind) VALUES (?,?,?,?)", d.store_id, d.code,
                   d.name, d.kind);
}

template <class D>
std::vector<people::Department> SqlRepository<D>::departments(std::optional<int64_t> store_id) {
  std::vector<people::Department> out;
  // Two placeholders, as PostgreSQL numbers each `?`; the cast gives the IS NULL operand
  // a type PostgreSQL cannot infer on its own (and is a no-op on SQLite).
  auto s = db_.prepare(kDeptCols + " WHERE CAST(? AS BIGINT) IS NULL OR store_id = ? ORDER BY store_id, id");
  s->bind_all(store_id, store_id);
  while (s->step()) out.push_back(read_dept(*s));
  return out;
}

template <class D>
std::optional<people::Department> SqlRepository<D>::department(int64_t id) {
  auto s = db_.prepare(kDeptCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_dept(*s);
}

template <class D>
std::vector<int64_t> SqlRepository<D>::ids(const std::string& sql, int64_t key) {
  std::vector<int64_t> out;
  auto s = db_.prepare(sql);
  s->bind(1, key);
  while (s->step()) out.push_back(s->i64(0));
  return out;
}

template <class D>
void SqlRepository<D>::fill_staff_links(people::Staff& p) {
  p.store_ids = ids("SELECT store_id FROM staff_stores WHERE staff_id = ? ORDER BY store_id", p.id);
  p.department_ids = ids("SELECT department_id FROM staff_departments WHERE staff_id = ? ORDER BY department_id", p.id);
}

template <class D>
int64_t SqlRepository<D>::insert_staff(const people::Staff& p) {
  const int64_t id = D::insert(
      db_,
      "INSERT INTO staff(username, display_name, role, phone, active, password_hash, email) VALUES (?,?,?,?,?,?,?)",
      p.username, p.display_name, p.role, p.phone, p.active, p.password_hash, p.email);
  for (auto s : p.store_ids) db_.prepare("INSERT INTO staff_stores VALUES (?,?)")->bind_all(id, s).run();
  for (auto d : p.department_ids) db_.prepare("INSERT INTO staff_departments VALUES (?,?)")->bind_all(id, d).run();
  return id;
}

template <class D>
void SqlRepository<D>::update_staff(const people::Staff& p) {
  db_.prepare("UPDATE staff SET display_name=?, role=?, phone=?, active=?, password_hash=?, email=? WHERE id=?")
      ->bind_all(p.display_name, p.role, p.phone, p.active, p.password_hash, p.email, p.id)
      .run();
  db_.prepare("DELETE FROM staff_stores WHERE staff_id = ?")->bind(1, p.id).run();
  db_.prepare("DELETE FROM staff_departments WHERE staff_id = ?")->bind(1, p.id).run();
  for (auto s : p.store_ids) db_.prepare("INSERT INTO staff_stores VALUES (?,?)")->bind_all(p.id, s).run();
  for (auto d : p.department_ids) db_.prepare("INSERT INTO staff_departments VALUES (?,?)")->bind_all(p.id, d).run();
}

template <class D>
std::optional<people::Staff> SqlRepository<D>::staff(int64_t id) {
  std::optional<people::Staff> p;
  {
    auto s = db_.prepare(kStaffCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    p = read_staff(*s);
  }
  fill_staff_links(*p);
  return p;
}

template <class D>
std::optional<people::Staff> SqlRepository<D>::staff_by_username(const std::string& username) {
  std::optional<people::Staff> p;
  {
    auto s = db_.prepare(kStaffCols + " WHERE username = ?");
    s->bind(1, username);
    if (!s->step()) return std::nullopt;
    p = read_staff(*s);
  }
  fill_staff_links(*p);
  return p;
}

template <class D>
std::vector<people::Staff> SqlRepository<D>::staff_list() {
  std::vector<people::Staff> out;
  {
    auto s = db_.prepare(kStaffCols + " ORDER BY id");
    while (s->step()) out.push_back(read_staff(*s));
  }
  for (auto& p : out) fill_staff_links(p);
  return out;
}

template <class D>
std::vector<people::Staff> SqlRepository<D>::staff_in_store(int64_t store_id, const std::string& role) {
  std::vector<people::Staff> out;
  {
    auto s =
        db_.prepare(kStaffCols +
                    " WHERE active = 1 AND role = ? AND id IN (SELECT staff_id FROM staff_stores WHERE store_id = ?)"
                    " ORDER BY id");
    s->bind_all(role, store_id);
    while (s->step()) out.push_back(read_staff(*s));
  }
  for (auto& p : out) fill_staff_links(p);
  return out;
}

template <class D>
int64_t SqlRepository<D>::insert_member(const people::Member& m) {
  // 0 means "no home store": NULL, so the foreign key does not apply.
  std::optional<int64_t> home;
  if (m.home_store_id) home = m.home_store_id;
  return D::insert(db_,
                   "INSERT INTO members(member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at) "
                   "VALUES (?,?,?,?,?,?,?,?)",
                   m.member_no, m.name, m.phone, m.tier, m.birthday, join(m.care_flags), home, m.created_at);
}

template <class D>
std::optional<people::Member> SqlRepository<D>::member(int64_t id) {
  auto s = db_.prepare(kMemberCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

template <class D>
std::optional<people::Member> SqlRepository<D>::member_by_phone(const std::string& phone) {
  auto s = db_.prepare(kMemberCols + " WHERE phone = ?");
  s->bind(1, phone);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

template <class D>
std::optional<people::Member> SqlRepository<D>::member_by_no(const std::string& no) {
  auto s = db_.prepare(kMemberCols + " WHERE member_no = ?");
  s->bind(1, no);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

// Sessions, API tokens, login throttling, idempotency keys, the audit log.

template <class D>
void SqlRepository<D>::insert_session(const std::string& digest, int64_t staff_id, int64_t created_at,
                                      int64_t expires_at) {
  db_.prepare("INSERT INTO sessions(digest, staff_id, created_at, expires_at) VALUES (?,?,?,?)")
      ->bind_all(digest, staff_id, created_at, expires_at)
      .run();
}

template <class D>
std::optional<int64_t> SqlRepository<D>::session_staff(const std::string& digest, int64_t now) {
  auto s = db_.prepare("SELECT staff_id FROM sessions WHERE digest = ? AND expires_at > ?");
  s->bind_all(digest, now);
  if (!s->step()) return std::nullopt;
  return s->i64(0);
}

template <class D>
void SqlRepository<D>::delete_session(const std::string& digest) {
  db_.prepare("DELETE FROM sessions WHERE digest = ?")->bind(1, digest).run();
}

template <class D>
int64_t SqlRepository<D>::insert_api_token(const ApiToken& t, const std::string& digest) {
  return D::insert(db_,
                   "INSERT INTO api_tokens(name, digest, staff_id, scopes, created_at, expires_at, revoked) "
                   "VALUES (?,?,?,?,?,?,0)",
                   t.name, digest, t.staff_id, join(t.scopes), t.created_at, t.expires_at);
}

template <class D>
std::optional<ApiToken> SqlRepository<D>::api_token(const std::string& digest, int64_t now) {
  auto s = db_.prepare(
      "SELECT id, name, staff_id, scopes, created_at, expires_at, revoked FROM api_tokens "
      "WHERE digest = ? AND revoked = 0 AND (expires_at IS NULL OR expires_at > ?)");
  s->bind_all(digest, now);
  if (!s->step()) return std::nullopt;
  return ApiToken{s->i64(0), s->text(1), s->i64(2), split(s->text(3)), s->i64(4), s->opt_i64(5), s->i64(6) != 0};
}

template <class D>
void SqlRepository<D>::record_login_failure(const std::string& username, const std::string& remote, int64_t at) {
  db_.prepare("INSERT INTO login_failures(username, remote, at) VALUES (?,?,?)")->bind_all(username, remote, at).run();
}

template <class D>
int SqlRepository<D>::login_failures_since(const std::string& username, int64_t since) {
  auto s = db_.prepare("SELECT COUNT(*) FROM login_failures WHERE username = ? AND at >= ?");
  s->bind_all(username, since);
  s->step();
  return static_cast<int>(s->i64(0));
}

template <class D>
void SqlRepository<D>::clear_login_failures(const std::string& username) {
  db_.prepare("DELETE FROM login_failures WHERE username = ?")->bind(1, username).run();
}

template <class D>
std::optional<IdempotentResult> SqlRepository<D>::idempotent(int64_t staff_id, const std::string& key) {
  auto s = db_.prepare("SELECT request_hash, status, body FROM idempotency WHERE staff_id = ? AND key = ?");
  s->bind_all(staff_id, key);
  if (!s->step()) return std::nullopt;
  return IdempotentResult{s->text(0), static_cast<int>(s->i64(1)), s->text(2)};
}

template <class D>
void SqlRepository<D>::put_idempotent(int64_t staff_id, const std::string& key, const IdempotentResult& r, int64_t at) {
  db_.prepare("INSERT INTO idempotency(staff_id, key, request_hash, status, body, created_at) VALUES (?,?,?,?,?,?)")
      ->bind_all(staff_id, key, r.request_hash, r.status, r.body, at)
      .run();
}

template <class D>
void SqlRepository<D>::append_audit(const AuditEntry& a) {
  db_.prepare(
         "INSERT INTO audit_log(actor_id, action, entity, entity_id, before_json, after_json, created_at) "
         "VALUES (?,?,?,?,?,?,?)")
      ->bind_all(a.actor_id, a.action, a.entity, a.entity_id, a.before_json, a.after_json, a.created_at)
      .run();
}

template <class D>
std::vector<AuditEntry> SqlRepository<D>::audit(const std::string& entity, int64_t entity_id) {
  std::vector<AuditEntry> out;
  auto s = db_.prepare(
      "SELECT id, actor_id, action, entity, entity_id, before_json, after_json, created_at FROM audit_log "
      "WHERE entity = ? AND entity_id = ? ORDER BY id");
  s->bind_all(entity, entity_id);
  while (s->step())
    out.push_back({s->i64(0), s->i64(1), s->text(2), s->text(3), s->i64(4), s->text(5), s->text(6), s->i64(7)});
  return out;
}

template <class D>
int64_t SqlRepository<D>::count(const std::string& table) {
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
    // "ticket_fts" (SQLite's search table) counts the backend's search table, so that
    // callers stay backend-neutral.
    auto s = db_.prepare(std::string("SELECT COUNT(*) FROM ") + (table == "ticket_fts" ? D::kSearchTable : t));
    s->step();
    return s->i64(0);
  }
  throw std::invalid_argument("count: unknown table " + table);
}

}  // namespace kefu::storage::sql
