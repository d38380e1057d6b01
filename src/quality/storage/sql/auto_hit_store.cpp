// QaAutoHitStore over SQL, the same on SQLite and PostgreSQL.
#include "quality/storage/auto_hit_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "id, rule_code, rule_kind, rule_name, subject_kind, subject_id, message_ref, staff_id, store_id, red_line, "
    "excerpt, detail, at";

template <class S>
QaAutoHit read_hit(S& s) {
  return {s.i64(0),     s.text(1), s.text(2),     s.text(3),  s.text(4),  s.i64(5), s.i64(6),
          s.opt_i64(7), s.i64(8),  s.i64(9) != 0, s.text(10), s.text(11), s.i64(12)};
}

// " WHERE at >= ? [AND at < ?] [AND store_id IN (…)]"
std::string period(std::vector<Value>& args, const std::vector<int64_t>& store_ids, int64_t from, int64_t to) {
  std::string where = " WHERE at >= ?";
  args.emplace_back(from);
  if (to) {
    where += " AND at < ?";
    args.emplace_back(to);
  }
  add_in(where, args, "store_id", store_ids);
  return where;
}

template <class D>
class SqlQaAutoHitStore final : public QaAutoHitStore {
 public:
  SqlQaAutoHitStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  bool insert_hit(QaAutoHit& h) override {
    auto known = db_.prepare(
        "SELECT id FROM qa_auto_hits WHERE rule_code = ? AND subject_kind = ? AND subject_id = ? AND message_ref = ?");
    known->bind_all(h.rule_code, h.subject_kind, h.subject_id, h.message_ref);
    if (known->step()) return false;
    h.id = D::insert(db_,
                     "INSERT INTO qa_auto_hits(rule_code, rule_kind, rule_name, subject_kind, subject_id, message_ref, "
                     "staff_id, store_id, red_line, excerpt, detail, at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     h.rule_code, h.rule_kind, h.rule_name, h.subject_kind, h.subject_id, h.message_ref, h.staff_id,
                     h.store_id, h.red_line, h.excerpt, h.detail, h.at);
    return true;
  }

  std::vector<QaAutoHit> hits(const QaAutoHitQuery& q) override {
    std::vector<Value> args;
    std::string where = period(args, q.store_ids, q.from, q.to);
    add_eq(where, args, "staff_id", q.staff_id);
    add_eq(where, args, "subject_id", q.subject_id);
    if (!q.rule_code.empty()) where += " AND rule_code = ?", args.emplace_back(q.rule_code);
    if (!q.subject_kind.empty()) where += " AND subject_kind = ?", args.emplace_back(q.subject_kind);
    if (q.red_line) where += " AND red_line = ?", args.emplace_back(int64_t{*q.red_line ? 1 : 0});
    add_lt(where, args, q.before_id);
    auto s = db_.prepare("SELECT " + kCols + " FROM qa_auto_hits" + where + " ORDER BY id DESC LIMIT ?");
    s->bind(bind_values(*s, args), int64_t{q.limit});
    std::vector<QaAutoHit> out;
    while (s->step()) out.push_back(read_hit(*s));
    return out;
  }

  std::vector<QaAutoHitCount> hit_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to) override {
    std::vector<Value> args;
    const auto where = period(args, store_ids, from, to);
    auto s = db_.prepare("SELECT rule_code, staff_id, COUNT(*), SUM(red_line) FROM qa_auto_hits" + where +
                         " GROUP BY rule_code, staff_id ORDER BY rule_code" + std::string(D::kBytes) + ", staff_id");
    bind_values(*s, args);
    std::vector<QaAutoHitCount> out;
    while (s->step()) out.push_back({s->text(0), s->opt_i64(1), s->i64(2), s->i64(3)});
    return out;
  }

  std::vector<QaFlagged> flagged(const std::vector<int64_t>& store_ids, int64_t from, int64_t to, int limit) override {
    std::vector<Value> args;
    const auto where = period(args, store_ids, from, to);
    // The staff member of the subject's latest hit: the hit with the greatest id.
    auto s = db_.prepare(
        "SELECT g.subject_kind, g.subject_id, g.store_id, h.staff_id, g.n, g.red, g.last_at FROM ("
        "SELECT subject_kind, subject_id, MIN(store_id) AS store_id, COUNT(*) AS n, SUM(red_line) AS red, "
        "MAX(at) AS last_at, MAX(id) AS last_id FROM qa_auto_hits" +
        where +
        " GROUP BY subject_kind, subject_id) g JOIN qa_auto_hits h ON h.id = g.last_id "
        "ORDER BY g.red DESC, g.n DESC, g.last_at DESC, g.subject_kind, g.subject_id LIMIT ?");
    s->bind(bind_values(*s, args), int64_t{limit});
    std::vector<QaFlagged> out;
    while (s->step()) out.push_back({s->text(0), s->i64(1), s->i64(2), s->opt_i64(3), s->i64(4), s->i64(5), s->i64(6)});
    return out;
  }

 private:
  static void add_lt(std::string& where, std::vector<Value>& args, const std::optional<int64_t>& before) {
    if (!before) return;
    where += " AND id < ?";
    args.emplace_back(*before);
  }
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<QaAutoHitStore> QaAutoHitStore::open(Stores& s) {
  return make_store<QaAutoHitStore, SqlQaAutoHitStore>(s);
}

}  // namespace kefu::storage
