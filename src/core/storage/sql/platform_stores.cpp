// The audit log, idempotency keys, settings and signing keys over SQL, the same on both engines.
#include "core/storage/platform_stores.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

template <class D>
class SqlAuditStore final : public AuditStore {
 public:
  using Stmt = typename D::Stmt;
  SqlAuditStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void append_audit(const AuditEntry&) override;
  std::vector<AuditEntry> audit(const std::string& entity, int64_t entity_id) override;

 private:
  typename D::Db& db_;
};

template <class D>
void SqlAuditStore<D>::append_audit(const AuditEntry& a) {
  db_.prepare(
         "INSERT INTO audit_log(actor_id, action, entity, entity_id, before_json, after_json, created_at) "
         "VALUES (?,?,?,?,?,?,?)")
      ->bind_all(a.actor_id, a.action, a.entity, a.entity_id, a.before_json, a.after_json, a.created_at)
      .run();
}

template <class D>
std::vector<AuditEntry> SqlAuditStore<D>::audit(const std::string& entity, int64_t entity_id) {
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
class SqlIdempotencyStore final : public IdempotencyStore {
 public:
  using Stmt = typename D::Stmt;
  SqlIdempotencyStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::optional<IdempotentResult> idempotent(int64_t staff_id, const std::string& key) override;
  void put_idempotent(int64_t staff_id, const std::string& key, const IdempotentResult&, int64_t at) override;

 private:
  typename D::Db& db_;
};

template <class D>
std::optional<IdempotentResult> SqlIdempotencyStore<D>::idempotent(int64_t staff_id, const std::string& key) {
  auto s = db_.prepare("SELECT request_hash, status, body FROM idempotency WHERE staff_id = ? AND key = ?");
  s->bind_all(staff_id, key);
  if (!s->step()) return std::nullopt;
  return IdempotentResult{s->text(0), static_cast<int>(s->i64(1)), s->text(2)};
}

template <class D>
void SqlIdempotencyStore<D>::put_idempotent(int64_t staff_id, const std::string& key, const IdempotentResult& r,
                                            int64_t at) {
  db_.prepare("INSERT INTO idempotency(staff_id, key, request_hash, status, body, created_at) VALUES (?,?,?,?,?,?)")
      ->bind_all(staff_id, key, r.request_hash, r.status, r.body, at)
      .run();
}

template <class D>
class SqlSettingStore final : public SettingStore {
 public:
  using Stmt = typename D::Stmt;
  SqlSettingStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::optional<std::string> setting(const std::string& key) override;
  std::string put_setting_if_absent(const std::string& key, const std::string& value) override;

 private:
  typename D::Db& db_;
};

template <class D>
std::optional<std::string> SqlSettingStore<D>::setting(const std::string& key) {
  auto s = db_.prepare("SELECT value FROM settings WHERE key = ?");
  s->bind(1, key);
  if (!s->step()) return std::nullopt;
  return s->text(0);
}

template <class D>
std::string SqlSettingStore<D>::put_setting_if_absent(const std::string& key, const std::string& value) {
  db_.prepare("INSERT INTO settings(key, value) VALUES (?,?) ON CONFLICT DO NOTHING")->bind_all(key, value).run();
  return *setting(key);
}

template <class D>
class SqlSigningKeyStore final : public SigningKeyStore {
 public:
  using Stmt = typename D::Stmt;
  SqlSigningKeyStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<SigningKey> signing_keys(const std::string& purpose) override {
    std::vector<SigningKey> out;
    auto s = db_.prepare(
        "SELECT id, purpose, secret, created_at, retired_at FROM signing_keys WHERE purpose = ? ORDER BY id");
    s->bind(1, purpose);
    while (s->step()) out.push_back({s->i64(0), s->text(1), s->text(2), s->i64(3), s->opt_i64(4)});
    return out;
  }
  int64_t insert_signing_key(const std::string& purpose, const std::string& secret_hex, int64_t created_at) override {
    return D::insert(db_, "INSERT INTO signing_keys(purpose, secret, created_at) VALUES (?,?,?)", purpose, secret_hex,
                     created_at);
  }
  int retire_signing_keys(const std::string& purpose, int64_t keep, int64_t at) override {
    db_.prepare("UPDATE signing_keys SET retired_at = ? WHERE purpose = ? AND id <> ? AND retired_at IS NULL")
        ->bind_all(at, purpose, keep)
        .run();
    return db_.changes();
  }
  int delete_signing_keys(const std::vector<int64_t>& ids) override {
    int n = 0;
    for (auto id : ids) {
      db_.prepare("DELETE FROM signing_keys WHERE id = ?")->bind(1, id).run();
      n += db_.changes();
    }
    return n;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<SigningKeyStore> SigningKeyStore::open(Stores& s) {
  return make_store<SigningKeyStore, SqlSigningKeyStore>(s);
}
std::unique_ptr<AuditStore> AuditStore::open(Stores& s) { return make_store<AuditStore, SqlAuditStore>(s); }
std::unique_ptr<IdempotencyStore> IdempotencyStore::open(Stores& s) {
  return make_store<IdempotencyStore, SqlIdempotencyStore>(s);
}
std::unique_ptr<SettingStore> SettingStore::open(Stores& s) { return make_store<SettingStore, SqlSettingStore>(s); }
}  // namespace kefu::storage
