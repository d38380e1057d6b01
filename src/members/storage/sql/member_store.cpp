// MemberStore over SQL, the same on SQLite and PostgreSQL.
#include "members/storage/member_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kMemberCols =
    "SELECT id, member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at, merged_into, "
    "tier_below_since FROM members";
template <class Stmt>
people::Member read_member(const Stmt& s) {
  people::Member m;
  m.id = s.i64(0);
  m.member_no = s.text(1);
  m.name = s.text(2);
  m.phone = s.text(3);
  m.tier = s.text(4);
  m.birthday = s.text(5);
  m.care_flags = split(s.text(6));
  m.home_store_id = s.opt_i64(7).value_or(0);
  m.created_at = s.i64(8);
  m.merged_into = s.opt_i64(9).value_or(0);
  m.tier_below_since = s.opt_i64(10).value_or(0);
  return m;
}

template <class D>
class SqlMemberStore final : public MemberStore {
 public:
  using Stmt = typename D::Stmt;
  SqlMemberStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_member(const people::Member&) override;
  std::optional<people::Member> member(int64_t id) override;
  std::optional<people::Member> member_by_phone(const std::string& phone) override;
  std::optional<people::Member> member_by_no(const std::string& member_no) override;

 private:
  typename D::Db& db_;
};

template <class D>
int64_t SqlMemberStore<D>::insert_member(const people::Member& m) {
  // 0 means "no home store": NULL, so the foreign key does not apply.
  std::optional<int64_t> home;
  if (m.home_store_id) home = m.home_store_id;
  return D::insert(db_,
                   "INSERT INTO members(member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at) "
                   "VALUES (?,?,?,?,?,?,?,?)",
                   m.member_no, m.name, m.phone, m.tier, m.birthday, join(m.care_flags), home, m.created_at);
}

template <class D>
std::optional<people::Member> SqlMemberStore<D>::member(int64_t id) {
  auto s = db_.prepare(kMemberCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

template <class D>
std::optional<people::Member> SqlMemberStore<D>::member_by_phone(const std::string& phone) {
  auto s = db_.prepare(kMemberCols + " WHERE phone = ?");
  s->bind(1, phone);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

template <class D>
std::optional<people::Member> SqlMemberStore<D>::member_by_no(const std::string& no) {
  auto s = db_.prepare(kMemberCols + " WHERE member_no = ?");
  s->bind(1, no);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

}  // namespace

std::unique_ptr<MemberStore> MemberStore::open(Stores& s) { return make_store<MemberStore, SqlMemberStore>(s); }
}  // namespace kefu::storage
