// ReportScheduleStore over SQL, the same on SQLite and PostgreSQL.
#include "reports/storage/report_schedule_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "id, store_id, name, report, frequency, hour, recipients, enabled, next_run_at, last_run_at, last_result, "
    "created_by, created_at, updated_at";

std::string join_lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

template <class S>
ReportSchedule read_schedule(S& s) {
  ReportSchedule r;
  r.id = s.i64(0);
  r.store_id = s.opt_i64(1);
  r.name = s.text(2);
  r.report = s.text(3);
  r.frequency = s.text(4);
  r.hour = static_cast<int>(s.i64(5));
  r.recipients = split_lines(s.text(6));
  r.enabled = s.i64(7) != 0;
  r.next_run_at = s.i64(8);
  r.last_run_at = s.opt_i64(9);
  r.last_result = s.text(10);
  r.created_by = s.i64(11);
  r.created_at = s.i64(12);
  r.updated_at = s.i64(13);
  return r;
}

template <class D>
class SqlReportScheduleStore final : public ReportScheduleStore {
 public:
  SqlReportScheduleStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_schedule(const ReportSchedule& r) override {
    return D::insert(db_,
                     "INSERT INTO report_schedules(store_id, name, report, frequency, hour, recipients, enabled, "
                     "next_run_at, last_run_at, last_result, created_by, created_at, updated_at) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     r.store_id, r.name, r.report, r.frequency, int64_t{r.hour}, join_lines(r.recipients),
                     int64_t{r.enabled ? 1 : 0}, r.next_run_at, r.last_run_at, r.last_result, r.created_by,
                     r.created_at, r.updated_at);
  }

  std::optional<ReportSchedule> schedule(int64_t id) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM report_schedules WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_schedule(*s);
  }

  std::vector<ReportSchedule> schedules(const std::vector<int64_t>& store_ids, bool include_chain) override {
    std::string where = store_ids.empty() ? "1 = 0" : "store_id IN (" + placeholders(store_ids.size()) + ")";
    if (include_chain) where = "(" + where + " OR store_id IS NULL)";
    auto s = db_.prepare("SELECT " + kCols + " FROM report_schedules WHERE " + where + " ORDER BY id");
    int i = 1;
    for (auto id : store_ids) s->bind(i++, id);
    std::vector<ReportSchedule> out;
    while (s->step()) out.push_back(read_schedule(*s));
    return out;
  }

  void update_schedule(const ReportSchedule& r) override {
    db_.prepare(
           "UPDATE report_schedules SET name = ?, report = ?, frequency = ?, hour = ?, recipients = ?, enabled = ?, "
           "next_run_at = ?, updated_at = ? WHERE id = ?")
        ->bind_all(r.name, r.report, r.frequency, int64_t{r.hour}, join_lines(r.recipients), int64_t{r.enabled ? 1 : 0},
                   r.next_run_at, r.updated_at, r.id)
        .run();
  }

  void delete_schedule(int64_t id) override {
    db_.prepare("DELETE FROM report_schedules WHERE id = ?")->bind_all(id).run();
  }

  std::vector<ReportSchedule> schedules_due(int64_t now, int limit) override {
    auto s = db_.prepare("SELECT " + kCols +
                         " FROM report_schedules WHERE enabled = 1 AND next_run_at <= ? ORDER BY next_run_at, id "
                         "LIMIT ?");
    s->bind_all(now, limit);
    std::vector<ReportSchedule> out;
    while (s->step()) out.push_back(read_schedule(*s));
    return out;
  }

  bool record_run(int64_t id, int64_t expected, int64_t next_run_at, int64_t ran_at,
                  const std::string& result) override {
    db_.prepare(
           "UPDATE report_schedules SET next_run_at = ?, last_run_at = ?, last_result = ? "
           "WHERE id = ? AND next_run_at = ?")
        ->bind_all(next_run_at, ran_at, result, id, expected)
        .run();
    return db_.changes() == 1;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ReportScheduleStore> ReportScheduleStore::open(Stores& s) {
  return make_store<ReportScheduleStore, SqlReportScheduleStore>(s);
}

}  // namespace kefu::storage
