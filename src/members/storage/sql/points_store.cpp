// PointsStore over SQL, the same on SQLite and PostgreSQL.
#include "members/storage/points_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

template <class D>
class SqlPointsStore final : public PointsStore {
 public:
  SqlPointsStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::optional<int64_t> append(const people::PointsEntry& e) override {
    if (!e.ref.empty()) {
      auto s = db_.prepare("SELECT id FROM member_points WHERE ref = ?");
      s->bind(1, e.ref);
      if (s->step()) return std::nullopt;
    }
    std::optional<int64_t> staff;
    if (e.staff_id) staff = e.staff_id;
    return D::insert(db_,
                     "INSERT INTO member_points(member_id, kind, points, reason, ref, staff_id, created_at) "
                     "VALUES (?,?,?,?,NULLIF(?, ''),?,?)",
                     e.member_id, std::string(e.kind.code()), e.points, e.reason, e.ref, staff, e.created_at);
  }

  int64_t append_many(const std::vector<people::PointsEntry>& entries) override {
    // Up to kRows rows to a multi-row INSERT: one round trip per 100 entries instead of two
    // per entry (on PostgreSQL the per-entry statements were most of a POS import's time).
    // A ref on file (the unique index) skips its row, like append().
    constexpr std::size_t kRows = 100;
    int64_t added = 0;
    for (std::size_t at = 0; at < entries.size(); at += kRows) {
      const std::size_t n = std::min(kRows, entries.size() - at);
      std::string sql = "INSERT INTO member_points(member_id, kind, points, reason, ref, staff_id, created_at) VALUES ";
      for (std::size_t i = 0; i < n; ++i) sql += i ? ",(?,?,?,?,NULLIF(?, ''),?,?)" : "(?,?,?,?,NULLIF(?, ''),?,?)";
      sql += " ON CONFLICT DO NOTHING";
      auto s = db_.prepare(sql);
      int k = 1;
      for (std::size_t i = at; i < at + n; ++i) {
        const auto& e = entries[i];
        std::optional<int64_t> staff;
        if (e.staff_id) staff = e.staff_id;
        s->bind(k++, e.member_id);
        s->bind(k++, std::string(e.kind.code()));
        s->bind(k++, e.points);
        s->bind(k++, e.reason);
        s->bind(k++, e.ref);
        s->bind(k++, staff);
        s->bind(k++, e.created_at);
      }
      s->run();
      added += db_.changes();
    }
    return added;
  }

  int64_t balance(int64_t member_id) override {
    auto s = db_.prepare("SELECT COALESCE(SUM(points), 0) FROM member_points WHERE member_id = ?");
    s->bind(1, member_id);
    s->step();
    return s->i64(0);
  }

  std::vector<people::PointsEntry> entries(int64_t member_id, std::optional<int64_t> before_id, int limit) override {
    auto s = db_.prepare(
        "SELECT id, member_id, kind, points, reason, ref, staff_id, created_at FROM member_points "
        "WHERE member_id = ? AND id < ? ORDER BY id DESC LIMIT ?");
    s->bind_all(member_id, before_id.value_or(INT64_MAX), static_cast<int64_t>(limit));
    std::vector<people::PointsEntry> out;
    while (s->step()) {
      people::PointsEntry e;
      e.id = s->i64(0);
      e.member_id = s->i64(1);
      e.kind = people::PointsKind::of(s->text(2));
      e.points = s->i64(3);
      e.reason = s->text(4);
      e.ref = s->text(5);  // NULL reads as ""
      e.staff_id = s->opt_i64(6).value_or(0);
      e.created_at = s->i64(7);
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<PointsStore> PointsStore::open(Stores& s) { return make_store<PointsStore, SqlPointsStore>(s); }

}  // namespace kefu::storage
