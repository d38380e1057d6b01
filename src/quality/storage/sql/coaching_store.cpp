// CoachingStore over SQL (table qa_coaching), the same on SQLite and PostgreSQL.
#include "quality/storage/coaching_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "SELECT id, inspection_id, store_id, staff_id, item, material_kind, material_id, note, due_at, assigned_by, "
    "created_at, acknowledged_at FROM qa_coaching";

template <class Stmt>
Coaching read_coaching(const Stmt& s) {
  return {s.i64(0), s.i64(1),  s.i64(2), s.i64(3), s.text(4), quality::Material::of(s.text(5)),
          s.i64(6), s.text(7), s.i64(8), s.i64(9), s.i64(10), s.opt_i64(11)};
}

template <class D>
class SqlCoachingStore final : public CoachingStore {
 public:
  SqlCoachingStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void insert_coaching(Coaching& c) override {
    c.id = D::insert(db_,
                     "INSERT INTO qa_coaching(inspection_id, store_id, staff_id, item, material_kind, material_id, "
                     "note, due_at, assigned_by, created_at, acknowledged_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     c.inspection_id, c.store_id, c.staff_id, c.item, c.material_kind, c.material_id, c.note, c.due_at,
                     c.assigned_by, c.created_at, c.acknowledged_at);
  }

  std::optional<Coaching> coaching(int64_t id) override {
    auto s = db_.prepare(kCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_coaching(*s);
  }

  bool acknowledge_coaching(int64_t id, int64_t at) override {
    db_.prepare("UPDATE qa_coaching SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL")
        ->bind_all(at, id)
        .run();
    return db_.changes() == 1;
  }

  std::vector<Coaching> list_coaching(const CoachingFilter& f) override {
    std::string where = " WHERE 1=1";
    std::vector<Value> args;
    add_in(where, args, "store_id", f.store_ids);
    add_eq(where, args, "staff_id", f.staff_id);
    add_eq(where, args, "inspection_id", f.inspection_id);
    auto s = db_.prepare(kCols + where + " ORDER BY id DESC LIMIT ?");
    s->bind(bind_values(*s, args), static_cast<int64_t>(f.limit));
    std::vector<Coaching> out;
    while (s->step()) out.push_back(read_coaching(*s));
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<CoachingStore> CoachingStore::open(Stores& s) { return make_store<CoachingStore, SqlCoachingStore>(s); }

}  // namespace kefu::storage
