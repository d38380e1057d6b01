// ActionStore over SQL, the same on SQLite and PostgreSQL.
#include "feedback/storage/action_store.hpp"

#include <algorithm>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "id, store_id, topic, title, plan, department_id, owner_id, due_unit, due_amount, due_at, state, window_days, "
    "created_by, created_at, updated_at, done_at, verify_at, verified_at, verdict, waiver_reason, waived_by, "
    "waived_at, escalation_level, escalated_at, next_escalation_at, told_at";
const std::string kPhotoCols =
    "id, action_id, update_id, sha256, content_type, filename, size, uploaded_by, created_at";

template <class S>
FeedbackAction read_action(const S& s) {
  FeedbackAction a;
  a.id = s.i64(0);
  a.store_id = s.i64(1);
  a.topic = s.text(2);
  a.title = s.text(3);
  a.plan = s.text(4);
  a.department_id = s.opt_i64(5);
  a.owner_id = s.opt_i64(6);
  a.due_unit = s.text(7);
  a.due_amount = static_cast<int>(s.i64(8));
  a.due_at = s.i64(9);
  a.state = s.text(10);
  a.window_days = static_cast<int>(s.i64(11));
  a.created_by = s.i64(12);
  a.created_at = s.i64(13);
  a.updated_at = s.i64(14);
  a.done_at = s.opt_i64(15);
  a.verify_at = s.opt_i64(16);
  a.verified_at = s.opt_i64(17);
  a.verdict = s.text(18);
  a.waiver_reason = s.text(19);
  a.waived_by = s.opt_i64(20);
  a.waived_at = s.opt_i64(21);
  a.escalation_level = static_cast<int>(s.i64(22));
  a.escalated_at = s.opt_i64(23);
  a.next_escalation_at = s.opt_i64(24);
  a.told_at = s.opt_i64(25);
  return a;
}

template <class S>
ActionPhoto read_photo(const S& s) {
  return {s.i64(0), s.i64(1), s.opt_i64(2), s.text(3), s.text(4), s.text(5), s.i64(6), s.i64(7), s.i64(8)};
}

template <class D>
class SqlActionStore final : public ActionStore {
 public:
  SqlActionStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_action(const FeedbackAction& a) override {
    return D::insert(
        db_,
        "INSERT INTO feedback_actions(store_id, topic, title, plan, department_id, owner_id, due_unit, due_amount, "
        "due_at, state, window_days, created_by, created_at, updated_at, done_at, verify_at, verified_at, verdict, "
        "waiver_reason, waived_by, waived_at, escalation_level, escalated_at, next_escalation_at, told_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        a.store_id, a.topic, a.title, a.plan, a.department_id, a.owner_id, a.due_unit, int64_t{a.due_amount}, a.due_at,
        a.state, int64_t{a.window_days}, a.created_by, a.created_at, a.updated_at, a.done_at, a.verify_at,
        a.verified_at, a.verdict, a.waiver_reason, a.waived_by, a.waived_at, int64_t{a.escalation_level},
        a.escalated_at, a.next_escalation_at, a.told_at);
  }

  std::optional<FeedbackAction> action(int64_t id) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM feedback_actions WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_action(*s);
  }

  void update_action(const FeedbackAction& a) override {
    db_.prepare(
           "UPDATE feedback_actions SET topic = ?, title = ?, plan = ?, department_id = ?, owner_id = ?, due_unit = ?, "
           "due_amount = ?, due_at = ?, state = ?, window_days = ?, updated_at = ?, done_at = ?, verify_at = ?, "
           "verified_at = ?, verdict = ?, waiver_reason = ?, waived_by = ?, waived_at = ?, escalation_level = ?, "
           "escalated_at = ?, next_escalation_at = ?, told_at = ? WHERE id = ?")
        ->bind_all(a.topic, a.title, a.plan, a.department_id, a.owner_id, a.due_unit, int64_t{a.due_amount}, a.due_at,
                   a.state, int64_t{a.window_days}, a.updated_at, a.done_at, a.verify_at, a.verified_at, a.verdict,
                   a.waiver_reason, a.waived_by, a.waived_at, int64_t{a.escalation_level}, a.escalated_at,
                   a.next_escalation_at, a.told_at, a.id)
        .run();
  }

  std::vector<FeedbackAction> list_actions(const ActionFilter& f) override {
    std::vector<Value> args;
    std::string where = "1 = 1";
    add_in(where, args, "store_id", f.store_ids);
    if (!f.state.empty()) {
      where += " AND state = ?";
      args.emplace_back(f.state);
    }
    add_eq(where, args, "department_id", f.department_id);
    if (f.overdue_at) {
      where += " AND state = 'open' AND due_at <= ?";
      args.emplace_back(*f.overdue_at);
    }
    if (f.before_id) {
      where += " AND id < ?";
      args.emplace_back(*f.before_id);
    }
    args.emplace_back(int64_t{std::max(1, f.limit)});
    auto s = db_.prepare("SELECT " + kCols + " FROM feedback_actions WHERE " + where + " ORDER BY id DESC LIMIT ?");
    bind_values(*s, args);
    std::vector<FeedbackAction> out;
    while (s->step()) out.push_back(read_action(*s));
    return out;
  }

  void link_tickets(int64_t action_id, const std::vector<int64_t>& ticket_ids) override {
    for (auto t : ticket_ids)
      db_.prepare("INSERT INTO feedback_action_tickets(action_id, ticket_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
          ->bind_all(action_id, t)
          .run();
  }

  std::vector<int64_t> tickets_of(int64_t action_id) override {
    auto s = db_.prepare("SELECT ticket_id FROM feedback_action_tickets WHERE action_id = ? ORDER BY ticket_id");
    s->bind(1, action_id);
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

  int64_t insert_update(const ActionUpdate& u) override {
    return D::insert(db_, "INSERT INTO feedback_action_updates(action_id, kind, note, by_staff, at) VALUES (?,?,?,?,?)",
                     u.action_id, u.kind, u.note, u.by, u.at);
  }

  std::vector<ActionUpdate> updates_of(int64_t action_id) override {
    auto s = db_.prepare(
        "SELECT id, action_id, kind, note, by_staff, at FROM feedback_action_updates WHERE action_id = ? ORDER BY id");
    s->bind(1, action_id);
    std::vector<ActionUpdate> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), s->text(2), s->text(3), s->opt_i64(4), s->i64(5)});
    return out;
  }

  int64_t insert_photo(const ActionPhoto& p) override {
    return D::insert(db_,
                     "INSERT INTO feedback_action_photos(action_id, update_id, sha256, content_type, filename, size, "
                     "uploaded_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
                     p.action_id, p.update_id, p.sha256, p.content_type, p.filename, p.size, p.uploaded_by,
                     p.created_at);
  }

  void attach_photos(int64_t action_id, int64_t update_id, const std::vector<int64_t>& photo_ids) override {
    for (auto id : photo_ids)
      db_.prepare("UPDATE feedback_action_photos SET update_id = ? WHERE id = ? AND action_id = ?")
          ->bind_all(update_id, id, action_id)
          .run();
  }

  std::vector<ActionPhoto> photos_of(int64_t action_id) override {
    auto s = db_.prepare("SELECT " + kPhotoCols + " FROM feedback_action_photos WHERE action_id = ? ORDER BY id");
    s->bind(1, action_id);
    std::vector<ActionPhoto> out;
    while (s->step()) out.push_back(read_photo(*s));
    return out;
  }

  bool photo_in_use(const std::string& sha256) override {
    auto s = db_.prepare("SELECT 1 FROM feedback_action_photos WHERE sha256 = ? LIMIT 1");
    s->bind(1, sha256);
    return s->step();
  }

  WindowFigures window(int64_t store_id, const std::string& topic, int64_t from, int64_t to) override {
    WindowFigures w;
    auto s = db_.prepare(
        "SELECT (SELECT COUNT(*) FROM feedback_items WHERE store_id = ? AND topic = ? AND said_at >= ? AND said_at < "
        "?), "
        "(SELECT COUNT(*) FROM tickets WHERE store_id = ? AND created_at >= ? AND created_at < ?) + "
        "(SELECT COUNT(*) FROM conversations WHERE store_id = ? AND created_at >= ? AND created_at < ?) + "
        "(SELECT COUNT(*) FROM feedback_items WHERE store_id = ? AND said_at >= ? AND said_at < ? "
        "AND ticket_id IS NULL AND conversation_id IS NULL)");
    s->bind_all(store_id, topic, from, to, store_id, from, to, store_id, from, to, store_id, from, to);
    if (s->step()) {
      w.items = s->i64(0);
      w.contacts = s->i64(1);
    }
    auto r = db_.prepare(
        "SELECT COALESCE(i.rating, r.rating) FROM feedback_items i LEFT JOIN csat_ratings r ON r.ticket_id = "
        "i.ticket_id WHERE i.store_id = ? AND i.topic = ? AND i.said_at >= ? AND i.said_at < ?");
    r->bind_all(store_id, topic, from, to);
    while (r->step()) {
      if (auto v = r->opt_i64(0)) {
        ++w.responses;
        if (*v >= 4) ++w.satisfied;
      }
    }
    return w;
  }

  std::vector<int64_t> due_for_escalation(int64_t now, int limit) override {
    return ids(
        "SELECT id FROM feedback_actions WHERE next_escalation_at <= ? AND state = 'open' "
        "ORDER BY next_escalation_at, id LIMIT ?",
        now, limit);
  }

  std::vector<int64_t> due_for_verification(int64_t now, int limit) override {
    return ids("SELECT id FROM feedback_actions WHERE verify_at <= ? AND state = 'done' ORDER BY verify_at, id LIMIT ?",
               now, limit);
  }

 private:
  std::vector<int64_t> ids(const std::string& sql, int64_t now, int limit) {
    auto s = db_.prepare(sql);
    s->bind_all(now, int64_t{std::max(1, limit)});
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ActionStore> ActionStore::open(Stores& s) { return make_store<ActionStore, SqlActionStore>(s); }

}  // namespace kefu::storage
