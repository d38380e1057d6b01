// AuthStore over SQL, the same on SQLite and PostgreSQL.
#include "auth/storage/auth_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

template <class D>
class SqlAuthStore final : public AuthStore {
 public:
  using Stmt = typename D::Stmt;
  SqlAuthStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void insert_session(const std::string& digest, int64_t staff_id, int64_t created_at, int64_t expires_at) override;
  std::optional<int64_t> session_staff(const std::string& digest, int64_t now) override;
  void delete_session(const std::string& digest) override;
  std::vector<Session> sessions_of(int64_t staff_id, int64_t now) override;
  int delete_sessions_of(int64_t staff_id, const std::string& keep) override;
  int64_t insert_api_token(const ApiToken&, const std::string& digest) override;
  std::optional<ApiToken> api_token(const std::string& digest, int64_t now) override;
  std::vector<ApiToken> api_tokens() override;
  std::optional<ApiToken> revoke_api_token(int64_t id, int64_t at) override;
  void set_password_change_required(int64_t staff_id, bool required, int64_t at) override;
  bool password_change_required(int64_t staff_id) override;

 private:
  typename D::Db& db_;
};

template <class D>
void SqlAuthStore<D>::insert_session(const std::string& digest, int64_t staff_id, int64_t created_at,
                                     int64_t expires_at) {
  db_.prepare("INSERT INTO sessions(digest, staff_id, created_at, expires_at) VALUES (?,?,?,?)")
      ->bind_all(digest, staff_id, created_at, expires_at)
      .run();
}

template <class D>
std::optional<int64_t> SqlAuthStore<D>::session_staff(const std::string& digest, int64_t now) {
  auto s = db_.prepare("SELECT staff_id FROM sessions WHERE digest = ? AND expires_at > ?");
  s->bind_all(digest, now);
  if (!s->step()) return std::nullopt;
  return s->i64(0);
}

template <class D>
void SqlAuthStore<D>::delete_session(const std::string& digest) {
  db_.prepare("DELETE FROM sessions WHERE digest = ?")->bind(1, digest).run();
}

template <class D>
std::vector<Session> SqlAuthStore<D>::sessions_of(int64_t staff_id, int64_t now) {
  std::vector<Session> out;
  auto s = db_.prepare(
      "SELECT digest, created_at, expires_at FROM sessions WHERE staff_id = ? AND expires_at > ? "
      "ORDER BY created_at DESC, digest");
  s->bind_all(staff_id, now);
  while (s->step()) out.push_back({s->text(0), s->i64(1), s->i64(2)});
  return out;
}

template <class D>
int SqlAuthStore<D>::delete_sessions_of(int64_t staff_id, const std::string& keep) {
  auto s = db_.prepare("SELECT COUNT(*) FROM sessions WHERE staff_id = ? AND digest <> ?");
  s->bind_all(staff_id, keep);
  s->step();
  const auto n = static_cast<int>(s->i64(0));
  db_.prepare("DELETE FROM sessions WHERE staff_id = ? AND digest <> ?")->bind_all(staff_id, keep).run();
  return n;
}

template <class D>
int64_t SqlAuthStore<D>::insert_api_token(const ApiToken& t, const std::string& digest) {
  return D::insert(db_,
                   "INSERT INTO api_tokens(name, digest, staff_id, scopes, created_at, expires_at, revoked) "
                   "VALUES (?,?,?,?,?,?,0)",
                   t.name, digest, t.staff_id, join(t.scopes), t.created_at, t.expires_at);
}

template <class D>
std::optional<ApiToken> SqlAuthStore<D>::api_token(const std::string& digest, int64_t now) {
  auto s = db_.prepare(
      "SELECT id, name, staff_id, scopes, created_at, expires_at, revoked FROM api_tokens "
      "WHERE digest = ? AND revoked = 0 AND (expires_at IS NULL OR expires_at > ?)");
  s->bind_all(digest, now);
  if (!s->step()) return std::nullopt;
  return ApiToken{s->i64(0), s->text(1), s->i64(2), split(s->text(3)), s->i64(4), s->opt_i64(5), s->i64(6) != 0};
}

constexpr const char* kTokenCols =
    "SELECT id, name, staff_id, scopes, created_at, expires_at, revoked, revoked_at FROM api_tokens ";

template <class D>
std::vector<ApiToken> SqlAuthStore<D>::api_tokens() {
  std::vector<ApiToken> out;
  auto s = db_.prepare(std::string(kTokenCols) + "ORDER BY id DESC");
  while (s->step())
    out.push_back(
        {s->i64(0), s->text(1), s->i64(2), split(s->text(3)), s->i64(4), s->opt_i64(5), s->i64(6) != 0, s->opt_i64(7)});
  return out;
}

template <class D>
std::optional<ApiToken> SqlAuthStore<D>::revoke_api_token(int64_t id, int64_t at) {
  db_.prepare("UPDATE api_tokens SET revoked = 1, revoked_at = ? WHERE id = ? AND revoked = 0")->bind_all(at, id).run();
  auto s = db_.prepare(std::string(kTokenCols) + "WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return ApiToken{s->i64(0), s->text(1),    s->i64(2),      split(s->text(3)),
                  s->i64(4), s->opt_i64(5), s->i64(6) != 0, s->opt_i64(7)};
}

template <class D>
void SqlAuthStore<D>::set_password_change_required(int64_t staff_id, bool required, int64_t at) {
  db_.prepare("DELETE FROM password_change_required WHERE staff_id = ?")->bind(1, staff_id).run();
  if (required)
    db_.prepare("INSERT INTO password_change_required(staff_id, since) VALUES (?,?)")->bind_all(staff_id, at).run();
}

template <class D>
bool SqlAuthStore<D>::password_change_required(int64_t staff_id) {
  auto s = db_.prepare("SELECT 1 FROM password_change_required WHERE staff_id = ?");
  s->bind(1, staff_id);
  return s->step();
}

}  // namespace

std::unique_ptr<AuthStore> AuthStore::open(Stores& s) { return make_store<AuthStore, SqlAuthStore>(s); }
}  // namespace kefu::storage
