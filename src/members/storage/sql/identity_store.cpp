// IdentityStore over SQL, the same on SQLite and PostgreSQL.
#include "members/storage/identity_store.hpp"

#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

const std::string kCols = "SELECT id, member_id, kind, value, added_at, added_by FROM member_identities";

template <class S>
MemberIdentity read_identity(const S& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.text(3), s.i64(4), s.opt_i64(5)};
}

template <class D>
class SqlIdentityStore final : public IdentityStore {
 public:
  SqlIdentityStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::optional<int64_t> add_identity(const MemberIdentity& i) override {
    if (identity(i.kind, i.value)) return std::nullopt;
    return D::insert(db_,
                     "INSERT INTO member_identities(member_id, kind, value, added_at, added_by) VALUES (?,?,?,?,?)",
                     i.member_id, i.kind, i.value, i.added_at, i.added_by);
  }

  bool remove_identity(int64_t member_id, const std::string& kind, const std::string& value) override {
    db_.prepare("DELETE FROM member_identities WHERE member_id = ? AND kind = ? AND value = ?")
        ->bind_all(member_id, kind, value)
        .run();
    return db_.changes() == 1;
  }

  std::vector<MemberIdentity> identities(int64_t member_id) override {
    auto s = db_.prepare(kCols + " WHERE member_id = ? ORDER BY id");
    s->bind(1, member_id);
    std::vector<MemberIdentity> out;
    while (s->step()) out.push_back(read_identity(*s));
    return out;
  }

  std::optional<MemberIdentity> identity(const std::string& kind, const std::string& value) override {
    auto s = db_.prepare(kCols + " WHERE kind = ? AND value = ?");
    s->bind_all(kind, value);
    if (!s->step()) return std::nullopt;
    return read_identity(*s);
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<IdentityStore> IdentityStore::open(Stores& s) {
  return sql::make_store<IdentityStore, SqlIdentityStore>(s);
}

}  // namespace kefu::storage
