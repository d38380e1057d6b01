// TaskStore over SQL, the same on SQLite and PostgreSQL.
#include "tickets/storage/task_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kTaskCols =
    "SELECT id, ticket_id, department_id, assignee_id, description, status, due_at, result, created_by, "
    "created_at, updated_at, version FROM tasks";
template <class Stmt>
ticket::Task read_task(const Stmt& s) {
  return {s.i64(0), s.i64(1),  s.i64(2), s.opt_i64(3), s.text(4), ticket::TaskStatus::of(s.text(5)),
          s.i64(6), s.text(7), s.i64(8), s.i64(9),     s.i64(10), s.i64(11)};
}

template <class D>
class SqlTaskStore final : public TaskStore {
 public:
  using Stmt = typename D::Stmt;
  SqlTaskStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_task(const ticket::Task&) override;
  bool update_task(const ticket::Task&, int64_t expected_version) override;
  std::optional<ticket::Task> task(int64_t id) override;
  std::vector<ticket::Task> tasks(int64_t ticket_id) override;
  std::vector<int64_t> tasks_overdue(int64_t now, int limit) override;
  bool mark_task_escalated(int64_t task_id, int64_t at) override;

 private:
  typename D::Db& db_;
};

template <class D>
int64_t SqlTaskStore<D>::insert_task(const ticket::Task& t) {
  return D::insert(db_,
                   "INSERT INTO tasks(ticket_id, department_id, assignee_id, description, status, due_at, result, "
                   "created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   t.ticket_id, t.department_id, t.assignee_id, t.description, t.status, t.due_at, t.result,
                   t.created_by, t.created_at, t.updated_at, t.version);
}

template <class D>
bool SqlTaskStore<D>::update_task(const ticket::Task& t, int64_t expected_version) {
  db_.prepare(
         "UPDATE tasks SET assignee_id=?, description=?, status=?, due_at=?, result=?, updated_at=?, version=? "
         "WHERE id=? AND version=?")
      ->bind_all(t.assignee_id, t.description, t.status, t.due_at, t.result, t.updated_at, t.version, t.id,
                 expected_version)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::optional<ticket::Task> SqlTaskStore<D>::task(int64_t id) {
  auto s = db_.prepare(kTaskCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_task(*s);
}

template <class D>
std::vector<ticket::Task> SqlTaskStore<D>::tasks(int64_t ticket_id) {
  std::vector<ticket::Task> out;
  auto s = db_.prepare(kTaskCols + " WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_task(*s));
  return out;
}

template <class D>
std::vector<int64_t> SqlTaskStore<D>::tasks_overdue(int64_t now, int limit) {
  std::vector<int64_t> out;
  auto s = db_.prepare(
      "SELECT id FROM tasks WHERE escalated_at IS NULL AND status IN ('open', 'in_progress') AND due_at <= ? "
      "ORDER BY due_at, id LIMIT ?");
  s->bind_all(now, limit);
  while (s->step()) out.push_back(s->i64(0));
  return out;
}

template <class D>
bool SqlTaskStore<D>::mark_task_escalated(int64_t task_id, int64_t at) {
  db_.prepare("UPDATE tasks SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")->bind_all(at, task_id).run();
  return db_.changes() == 1;
}

}  // namespace

std::unique_ptr<TaskStore> TaskStore::open(Stores& s) { return make_store<TaskStore, SqlTaskStore>(s); }
}  // namespace kefu::storage
