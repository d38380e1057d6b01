// KbLearningStore over SQL, the same on SQLite and PostgreSQL.
#include "kb/storage/kb_learning_store.hpp"

#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

constexpr const char* kSignalColumns =
    "id, query, entry_id, source, store_id, conversation_id, ticket_id, created_at, created_by, updated_at, "
    "revoked_at, revoked_by";
constexpr const char* kPairColumns =
    "id, a, b, same, source, created_at, created_by, updated_at, revoked_at, revoked_by";

template <class S>
kb::Signal signal_row(S& s) {
  return {s.i64(0),     s.text(1), s.i64(2),     s.text(3), s.opt_i64(4),  s.opt_i64(5),
          s.opt_i64(6), s.i64(7),  s.opt_i64(8), s.i64(9),  s.opt_i64(10), s.opt_i64(11)};
}

template <class S>
kb::Pair pair_row(S& s) {
  return {s.i64(0), s.text(1),    s.text(2), s.i64(3) != 0, s.text(4),
          s.i64(5), s.opt_i64(6), s.i64(7),  s.opt_i64(8),  s.opt_i64(9)};
}

template <class D>
class SqlKbLearningStore final : public KbLearningStore {
 public:
  SqlKbLearningStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_signal(const kb::Signal& g) override {
    // One question counts once per conversation (or ticket, or none): a second click finds it.
    auto s = db_.prepare(
        "SELECT id FROM kb_signals WHERE query = ? AND entry_id = ? AND source = ? "
        "AND COALESCE(conversation_id, 0) = ? AND COALESCE(ticket_id, 0) = ? ORDER BY id LIMIT 1");
    s->bind_all(g.query, g.entry_id, g.source, g.conversation_id.value_or(0), g.ticket_id.value_or(0));
    if (s->step()) return s->i64(0);
    return D::insert(
        db_,
        "INSERT INTO kb_signals(query, entry_id, source, store_id, conversation_id, ticket_id, created_at, "
        "created_by, updated_at, revoked_at, revoked_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        g.query, g.entry_id, g.source, g.store_id, g.conversation_id, g.ticket_id, g.created_at, g.created_by,
        g.updated_at, g.revoked_at, g.revoked_by);
  }

  std::optional<kb::Signal> signal(int64_t id) override {
    auto s = db_.prepare(std::string("SELECT ") + kSignalColumns + " FROM kb_signals WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return signal_row(*s);
  }

  std::vector<kb::Signal> signals(const LearningFilter& f) override {
    auto s = listing(std::string("SELECT ") + kSignalColumns + " FROM kb_signals", f, true);
    std::vector<kb::Signal> out;
    while (s->step()) out.push_back(signal_row(*s));
    return out;
  }

  bool set_signal_revoked(int64_t id, bool revoked, std::optional<int64_t> by, int64_t at) override {
    return set_revoked("kb_signals", id, revoked, by, at);
  }

  PairWrite put_pair(const kb::Pair& p) override {
    auto s = db_.prepare("SELECT id, same, revoked_at FROM kb_pairs WHERE a = ? AND b = ?");
    s->bind_all(p.a, p.b);
    if (!s->step()) {
      D::insert(db_,
                "INSERT INTO kb_pairs(a, b, same, source, created_at, created_by, updated_at, revoked_at, revoked_by) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                p.a, p.b, static_cast<int64_t>(p.same), p.source, p.created_at, p.created_by, p.updated_at,
                p.revoked_at, p.revoked_by);
      return PairWrite::added;
    }
    const auto id = s->i64(0);
    if ((s->i64(1) != 0) == p.same && !s->opt_i64(2)) return PairWrite::unchanged;
    db_.prepare("UPDATE kb_pairs SET same = ?, updated_at = ?, revoked_at = NULL, revoked_by = NULL WHERE id = ?")
        ->bind_all(static_cast<int64_t>(p.same), p.updated_at, id)
        .run();
    return PairWrite::updated;
  }

  std::optional<kb::Pair> pair(int64_t id) override {
    auto s = db_.prepare(std::string("SELECT ") + kPairColumns + " FROM kb_pairs WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return pair_row(*s);
  }

  std::vector<kb::Pair> pairs(const LearningFilter& f) override {
    auto s = listing(std::string("SELECT ") + kPairColumns + " FROM kb_pairs", f, false);
    std::vector<kb::Pair> out;
    while (s->step()) out.push_back(pair_row(*s));
    return out;
  }

  bool set_pair_revoked(int64_t id, bool revoked, std::optional<int64_t> by, int64_t at) override {
    return set_revoked("kb_pairs", id, revoked, by, at);
  }

  std::vector<kb::Signal> active_signals() override {
    auto s =
        db_.prepare(std::string("SELECT ") + kSignalColumns + " FROM kb_signals WHERE revoked_at IS NULL ORDER BY id");
    std::vector<kb::Signal> out;
    while (s->step()) out.push_back(signal_row(*s));
    return out;
  }

  std::vector<kb::Pair> active_pairs() override {
    auto s = db_.prepare(std::string("SELECT ") + kPairColumns + " FROM kb_pairs WHERE revoked_at IS NULL ORDER BY id");
    std::vector<kb::Pair> out;
    while (s->step()) out.push_back(pair_row(*s));
    return out;
  }

  LearningCounts counts() override {
    auto s = db_.prepare(
        "SELECT (SELECT COUNT(*) FROM kb_signals WHERE revoked_at IS NULL), "
        "(SELECT COUNT(*) FROM kb_signals WHERE revoked_at IS NOT NULL), "
        "(SELECT COUNT(*) FROM kb_pairs WHERE revoked_at IS NULL), "
        "(SELECT COUNT(*) FROM kb_pairs WHERE revoked_at IS NOT NULL)");
    s->step();
    return {s->i64(0), s->i64(1), s->i64(2), s->i64(3)};
  }

  std::string stamp() override {
    auto s = db_.prepare(
        "SELECT (SELECT COUNT(*) FROM kb_signals), (SELECT COALESCE(MAX(updated_at), 0) FROM kb_signals), "
        "(SELECT COUNT(*) FROM kb_pairs), (SELECT COALESCE(MAX(updated_at), 0) FROM kb_pairs)");
    s->step();
    std::string out;
    for (int i = 0; i < 4; ++i) out += (i ? ":" : "") + std::to_string(s->i64(i));
    return out;
  }

 private:
  // The listing's statement, values bound in order: source, entry, before id, limit.
  auto listing(std::string sql, const LearningFilter& f, bool has_entry) {
    sql += " WHERE 1 = 1";
    if (f.source) sql += " AND source = ?";
    if (has_entry && f.entry_id) sql += " AND entry_id = ?";
    if (f.revoked) sql += *f.revoked ? " AND revoked_at IS NOT NULL" : " AND revoked_at IS NULL";
    if (f.before_id) sql += " AND id < ?";
    sql += " ORDER BY id DESC LIMIT ?";
    auto s = db_.prepare(sql);
    int i = 0;
    if (f.source) s->bind(++i, *f.source);
    if (has_entry && f.entry_id) s->bind(++i, *f.entry_id);
    if (f.before_id) s->bind(++i, f.before_id);
    s->bind(++i, static_cast<int64_t>(f.limit));
    return s;
  }

  bool set_revoked(const char* table, int64_t id, bool revoked, std::optional<int64_t> by, int64_t at) {
    const std::optional<int64_t> when = revoked ? std::optional<int64_t>(at) : std::nullopt;
    const std::optional<int64_t> who = revoked ? by : std::nullopt;
    db_.prepare(std::string("UPDATE ") + table + " SET revoked_at = ?, revoked_by = ?, updated_at = ? WHERE id = ?")
        ->bind_all(when, who, at, id)
        .run();
    return db_.changes() == 1;
  }

  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<KbLearningStore> KbLearningStore::open(Stores& s) {
  return make_store<KbLearningStore, SqlKbLearningStore>(s);
}

}  // namespace kefu::storage
