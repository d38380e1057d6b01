// PrivacyStore over SQL, the same on SQLite and PostgreSQL.
#include "privacy/storage/privacy_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kRequestCols =
    "id, member_id, phone, label, reason, state, requested_by, requested_at, decided_by, decided_at, decision_note, "
    "done_at, counts";

template <class Stmt>
ErasureRequest read_request(Stmt& s) {
  return {s.i64(0),  s.opt_i64(1), s.text(2),    s.text(3),    s.text(4),  privacy::RequestState::of(s.text(5)),
          s.i64(6),  s.i64(7),     s.opt_i64(8), s.opt_i64(9), s.text(10), s.opt_i64(11),
          s.text(12)};
}

template <class D>
class SqlPrivacyStore final : public PrivacyStore {
 public:
  SqlPrivacyStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_request(const ErasureRequest& r) override {
    return D::insert(db_,
                     "INSERT INTO privacy_requests(member_id, phone, label, reason, state, requested_by, requested_at, "
                     "decided_by, decided_at, decision_note, done_at, counts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     r.member_id, r.phone, r.label, r.reason, r.state, r.requested_by, r.requested_at, r.decided_by,
                     r.decided_at, r.decision_note, r.done_at, r.counts_json);
  }

  std::optional<ErasureRequest> request(int64_t id) override {
    auto s = db_.prepare("SELECT " + kRequestCols + " FROM privacy_requests WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_request(*s);
  }

  std::vector<ErasureRequest> requests(const std::string& state, int limit) override {
    auto s = db_.prepare("SELECT " + kRequestCols +
                         " FROM privacy_requests WHERE (? = '' OR state = ?) ORDER BY id DESC LIMIT ?");
    s->bind_all(state, state, int64_t{limit});
    std::vector<ErasureRequest> out;
    while (s->step()) out.push_back(read_request(*s));
    return out;
  }

  bool update_request(const ErasureRequest& r, privacy::RequestState expected) override {
    db_.prepare(
           "UPDATE privacy_requests SET phone = ?, label = ?, state = ?, decided_by = ?, decided_at = ?, "
           "decision_note = ?, done_at = ?, counts = ? WHERE id = ? AND state = ?")
        ->bind_all(r.phone, r.label, r.state, r.decided_by, r.decided_at, r.decision_note, r.done_at, r.counts_json,
                   r.id, expected)
        .run();
    return db_.changes() == 1;
  }

  std::vector<privacy::RetentionRule> saved_rules() override {
    auto s = db_.prepare("SELECT kind, enabled, days, updated_by, updated_at FROM privacy_retention ORDER BY kind");
    std::vector<privacy::RetentionRule> out;
    while (s->step()) {
      auto kind = privacy::RetentionKind::parse(s->text(0));
      if (!kind) continue;  // a kind a later version dropped
      out.push_back({*kind, s->i64(1) != 0, static_cast<int>(s->i64(2)), s->i64(3), s->i64(4)});
    }
    return out;
  }

  void put_rule(const privacy::RetentionRule& r) override {
    db_.prepare(
           "INSERT INTO privacy_retention(kind, enabled, days, updated_by, updated_at) VALUES (?,?,?,?,?) "
           "ON CONFLICT(kind) DO UPDATE SET enabled = excluded.enabled, days = excluded.days, "
           "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
        ->bind_all(r.kind, int64_t{r.enabled ? 1 : 0}, int64_t{r.days}, r.updated_by, r.updated_at)
        .run();
  }

  void insert_export(const ExportLink& l) override {
    db_.prepare(
           "INSERT INTO privacy_exports(digest, member_id, phone, created_by, created_at, expires_at, used_at) "
           "VALUES (?,?,?,?,?,?,?)")
        ->bind_all(l.digest, l.member_id, l.phone, l.created_by, l.created_at, l.expires_at, l.used_at)
        .run();
  }

  std::optional<ExportLink> take_export(const std::string& digest, int64_t now) override {
    std::optional<ExportLink> link;
    {
      auto s = db_.prepare(
          "SELECT digest, member_id, phone, created_by, created_at, expires_at, used_at FROM privacy_exports "
          "WHERE digest = ? AND used_at IS NULL AND expires_at > ?");
      s->bind_all(digest, now);
      if (!s->step()) return std::nullopt;
      link = ExportLink{s->text(0), s->opt_i64(1), s->text(2), s->i64(3), s->i64(4), s->i64(5), s->opt_i64(6)};
    }
    // The phone goes with the use: the row keeps who exported whom (member) and when.
    db_.prepare("UPDATE privacy_exports SET used_at = ?, phone = '' WHERE digest = ? AND used_at IS NULL")
        ->bind_all(now, digest)
        .run();
    if (db_.changes() != 1) return std::nullopt;
    return link;
  }

  int64_t delete_exports(int64_t before) override {
    db_.prepare("DELETE FROM privacy_exports WHERE expires_at < ?")->bind_all(before).run();
    return db_.changes();
  }

  std::vector<AuditEntry> privacy_audit(int64_t before_id, int limit) override {
    auto s = db_.prepare(
        "SELECT id, actor_id, action, entity, entity_id, before_json, after_json, created_at FROM audit_log "
        "WHERE action LIKE 'privacy.%' AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?");
    s->bind_all(before_id, before_id, int64_t{limit});
    std::vector<AuditEntry> out;
    while (s->step())
      out.push_back({s->i64(0), s->i64(1), s->text(2), s->text(3), s->i64(4), s->text(5), s->text(6), s->i64(7)});
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<PrivacyStore> PrivacyStore::open(Stores& s) { return make_store<PrivacyStore, SqlPrivacyStore>(s); }

}  // namespace kefu::storage
