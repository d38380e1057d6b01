// MergeStore over SQL, the same on SQLite and PostgreSQL.
#include "members/storage/merge_store.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

// Only the known tables reach the SQL text.
const std::string& checked(const std::string& table) {
  for (const char* t : kMemberRowTables)
    if (table == t) return table;
  throw std::invalid_argument("not a member row table: " + table);
}

std::string moved_text(const std::map<std::string, std::vector<int64_t>>& moved) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [table, ids] : moved) {
    auto list = nlohmann::json::array();
    for (auto id : ids) list.push_back(id);
    j[table] = std::move(list);
  }
  return j.dump();
}

std::map<std::string, std::vector<int64_t>> moved_of(const std::string& text) {
  std::map<std::string, std::vector<int64_t>> out;
  const auto j = nlohmann::json::parse(text);
  for (auto it = j.begin(); it != j.end(); ++it) {
    auto& ids = out[it.key()];
    for (const auto& id : it.value()) ids.push_back(id.get<int64_t>());
  }
  return out;
}

const std::string kCols =
    "SELECT id, kept_id, merged_id, moved, merged_at, merged_by, undone_at, undone_by FROM member_merges";

template <class S>
MergeRecord read_merge(const S& s) {
  return {s.i64(0), s.i64(1), s.i64(2), moved_of(s.text(3)), s.i64(4), s.opt_i64(5), s.opt_i64(6), s.opt_i64(7)};
}

template <class D>
class SqlMergeStore final : public MergeStore {
 public:
  SqlMergeStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<int64_t> member_rows(const std::string& table, int64_t member_id) override {
    auto s = db_.prepare("SELECT id FROM " + checked(table) + " WHERE member_id = ? ORDER BY id");
    s->bind(1, member_id);
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

  int64_t move_rows(const std::string& table, const std::vector<int64_t>& ids, int64_t from, int64_t to) override {
    int64_t moved = 0;
    constexpr std::size_t kChunk = 500;
    for (std::size_t i = 0; i < ids.size(); i += kChunk) {
      const std::size_t n = std::min(kChunk, ids.size() - i);
      auto s = db_.prepare("UPDATE " + checked(table) + " SET member_id = ? WHERE member_id = ? AND id IN (" +
                           sql::placeholders(n) + ")");
      s->bind(1, to);
      s->bind(2, from);
      for (std::size_t k = 0; k < n; ++k) s->bind(static_cast<int>(k + 3), ids[i + k]);
      s->run();
      moved += db_.changes();
    }
    return moved;
  }

  void set_merged_into(int64_t member_id, std::optional<int64_t> kept_id) override {
    db_.prepare("UPDATE members SET merged_into = ? WHERE id = ?")->bind_all(kept_id, member_id).run();
  }

  int64_t insert_merge(const MergeRecord& m) override {
    return D::insert(db_,
                     "INSERT INTO member_merges(kept_id, merged_id, moved, merged_at, merged_by, undone_at, undone_by) "
                     "VALUES (?,?,?,?,?,?,?)",
                     m.kept_id, m.merged_id, moved_text(m.moved), m.merged_at, m.merged_by, m.undone_at, m.undone_by);
  }

  std::optional<MergeRecord> merge(int64_t id) override {
    auto s = db_.prepare(kCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_merge(*s);
  }

  std::vector<MergeRecord> merges_of(int64_t member_id) override {
    auto s = db_.prepare(kCols + " WHERE kept_id = ? OR merged_id = ? ORDER BY id DESC");
    s->bind_all(member_id, member_id);
    std::vector<MergeRecord> out;
    while (s->step()) out.push_back(read_merge(*s));
    return out;
  }

  bool mark_undone(int64_t id, int64_t at, std::optional<int64_t> by) override {
    db_.prepare("UPDATE member_merges SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL")
        ->bind_all(at, by, id)
        .run();
    return db_.changes() == 1;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<MergeStore> MergeStore::open(Stores& s) { return sql::make_store<MergeStore, SqlMergeStore>(s); }

}  // namespace kefu::storage
