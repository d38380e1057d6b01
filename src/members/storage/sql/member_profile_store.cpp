// MemberProfileStore over SQL, the same on SQLite and PostgreSQL.
#include "members/storage/member_profile_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

// Characters (not bytes) in a UTF-8 text: substr counts characters on both engines.
int64_t chars(const std::string& s) {
  int64_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

template <class D>
class SqlMemberProfileStore final : public MemberProfileStore {
 public:
  SqlMemberProfileStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void update_profile(const people::Member& m) override {
    std::optional<int64_t> home, below;
    if (m.home_store_id) home = m.home_store_id;
    if (m.tier_below_since) below = m.tier_below_since;
    db_.prepare(
           "UPDATE members SET name = ?, tier = ?, birthday = ?, care_flags = ?, home_store_id = ?, "
           "tier_below_since = ? WHERE id = ?")
        ->bind_all(m.name, m.tier, m.birthday, join(m.care_flags), home, below, m.id)
        .run();
  }

  std::vector<std::string> tags(int64_t member_id) override {
    auto s = db_.prepare("SELECT tag FROM member_tags WHERE member_id = ? ORDER BY tag");
    s->bind(1, member_id);
    std::vector<std::string> out;
    while (s->step()) out.push_back(s->text(0));
    return out;
  }

  void set_tags(int64_t member_id, const std::vector<std::string>& tags) override {
    db_.prepare("DELETE FROM member_tags WHERE member_id = ?")->bind_all(member_id).run();
    for (const auto& t : tags)
      db_.prepare("INSERT INTO member_tags(member_id, tag) VALUES (?,?)")->bind_all(member_id, t).run();
  }

  std::vector<people::ConsentRecord> consents(int64_t member_id) override {
    auto s = db_.prepare(
        "SELECT id, member_id, channel, granted, at, staff_id, source FROM member_consents WHERE member_id = ? "
        "ORDER BY at, id");
    s->bind(1, member_id);
    std::vector<people::ConsentRecord> out;
    while (s->step())
      out.push_back({s->i64(0), s->i64(1), s->text(2), s->i64(3) != 0, s->i64(4), s->opt_i64(5), s->text(6)});
    return out;
  }

  int64_t add_consent(const people::ConsentRecord& r) override {
    return D::insert(
        db_, "INSERT INTO member_consents(member_id, channel, granted, at, staff_id, source) VALUES (?,?,?,?,?,?)",
        r.member_id, r.channel, int64_t{r.granted ? 1 : 0}, r.at, r.staff_id, r.source);
  }

  int64_t add_event(const MemberEvent& e) override {
    return D::insert(db_, "INSERT INTO member_events(member_id, at, kind, detail, staff_id) VALUES (?,?,?,?,?)",
                     e.member_id, e.at, e.kind, e.detail, e.staff_id);
  }

  std::vector<MemberEvent> events(int64_t member_id, int64_t before_id, int limit) override {
    auto s = db_.prepare(
        "SELECT id, member_id, at, kind, detail, staff_id FROM member_events WHERE member_id = ? AND id < ? "
        "ORDER BY id DESC LIMIT ?");
    s->bind_all(member_id, before_id > 0 ? before_id : INT64_MAX, int64_t{limit});
    std::vector<MemberEvent> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), s->i64(2), s->text(3), s->text(4), s->opt_i64(5)});
    return out;
  }

  std::vector<people::Member> search(const MemberFilter& f) override {
    std::string where = " WHERE merged_into IS NULL AND id > ?";
    std::vector<Value> args{f.after_id};
    if (!f.name_prefix.empty()) {
      where += " AND substr(name, 1, ?) = ?";
      args.emplace_back(chars(f.name_prefix));
      args.emplace_back(f.name_prefix);
    }
    if (!f.tier.empty()) {
      where += " AND tier = ?";
      args.emplace_back(f.tier);
    }
    if (!f.tag.empty()) {
      where += " AND id IN (SELECT member_id FROM member_tags WHERE tag = ?)";
      args.emplace_back(f.tag);
    }
    add_in(where, args, "home_store_id", f.home_store_ids);
    add_eq(where, args, "home_store_id", f.home_store_id);
    auto s = db_.prepare(
        "SELECT id, member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at, merged_into, "
        "tier_below_since FROM members" +
        where + " ORDER BY id LIMIT ?");
    const int next = bind_values(*s, args);
    s->bind(next, int64_t{f.limit});
    std::vector<people::Member> out;
    while (s->step()) {
      people::Member m;
      m.id = s->i64(0);
      m.member_no = s->text(1);
      m.name = s->text(2);
      m.phone = s->text(3);
      m.tier = s->text(4);
      m.birthday = s->text(5);
      m.care_flags = split(s->text(6));
      m.home_store_id = s->opt_i64(7).value_or(0);
      m.created_at = s->i64(8);
      m.merged_into = s->opt_i64(9).value_or(0);
      m.tier_below_since = s->opt_i64(10).value_or(0);
      out.push_back(m);
    }
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<MemberProfileStore> MemberProfileStore::open(Stores& s) {
  return sql::make_store<MemberProfileStore, SqlMemberProfileStore>(s);
}

}  // namespace kefu::storage
