// ReportStore over SQL, the same on SQLite and PostgreSQL.
#include "reports/storage/report_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "reports/storage/sql/report_rows.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

std::vector<std::string> measure_columns() {
  std::vector<std::string> out;
  for (auto c : split(kMeasureCols)) out.push_back(c.substr(c.find_first_not_of(' ')));
  return out;
}

template <class D>
class SqlReportStore final : public ReportStore {
 public:
  using Stmt = typename D::Stmt;
  SqlReportStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  TicketCounts ticket_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to, int64_t now) override;
  std::vector<DirtyMark> dirty(int limit) override;
  void clear_dirty(const std::vector<DirtyMark>&) override;
  int64_t mark_all_dirty() override;
  std::vector<reports::TicketFact> facts(const std::vector<int64_t>& ticket_ids) override;
  void put_facts(const std::vector<reports::TicketFact>&) override;
  void add_rollups(const reports::Rollups& delta) override;
  std::vector<RollupRow> rollup_rows(const RollupQuery&) override;
  reports::Rollups rollups() override;
  void clear_reports() override;

 private:
  typename D::Db& db_;
};

template <class D>
TicketCounts SqlReportStore<D>::ticket_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to,
                                              int64_t now) {
  const std::string in = placeholders(store_ids.size());
  const std::string scope = store_ids.empty() ? std::string() : " AND store_id IN (" + in + ")";
  auto bind_stores = [&](Stmt& s, int first) {
    for (std::size_t i = 0; i < store_ids.size(); ++i) s.bind(first + static_cast<int>(i), store_ids[i]);
  };
  TicketCounts out;
  for (const char* col : {"type", "channel"}) {
    auto s =
        db_.prepare(std::string("SELECT ") + col + ", COUNT(*) FROM tickets WHERE created_at >= ? AND created_at < ?" +
                    scope + " GROUP BY 1 ORDER BY 2 DESC, " + col + D::kBytes);
    s->bind(1, from).bind(2, to);
    bind_stores(*s, 3);
    auto& into = std::string(col) == "type" ? out.by_type : out.by_channel;
    while (s->step()) {
      into.emplace_back(s->text(0), s->i64(1));
      if (std::string(col) == "type") out.created += s->i64(1);
    }
  }
  {
    auto s = db_.prepare(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE first_response_due_at <= ? OR resolution_due_at <= ? OR "
        "callback_due_at <= ?) "
        "FROM tickets WHERE status NOT IN ('resolved', 'closed')" +
        scope);
    s->bind(1, now).bind(2, now).bind(3, now);
    bind_stores(*s, 4);
    s->step();
    out.open = s->i64(0);
    out.overdue = s->i64(1);
  }
  {  // resolved tickets whose callback is late count as overdue too
    auto s = db_.prepare(
        "SELECT COUNT(*) FROM tickets WHERE status IN ('resolved', 'closed') AND callback_due_at <= ?" + scope);
    s->bind(1, now);
    bind_stores(*s, 2);
    s->step();
    out.overdue += s->i64(0);
  }
  return out;
}

template <class D>
std::vector<DirtyMark> SqlReportStore<D>::dirty(int limit) {
  auto s = db_.prepare("SELECT ticket_id, seq FROM report_dirty ORDER BY ticket_id LIMIT ?");
  s->bind(1, static_cast<int64_t>(limit));
  std::vector<DirtyMark> out;
  while (s->step()) out.push_back({s->i64(0), s->i64(1)});
  return out;
}

template <class D>
void SqlReportStore<D>::clear_dirty(const std::vector<DirtyMark>& marks) {
  for (const auto& m : marks)
    db_.prepare("DELETE FROM report_dirty WHERE ticket_id = ? AND seq = ?")->bind_all(m.ticket_id, m.seq).run();
}

template <class D>
int64_t SqlReportStore<D>::mark_all_dirty() {
  db_.prepare(
         "INSERT INTO report_dirty(ticket_id, seq) SELECT id, 1 FROM tickets WHERE true "
         "ON CONFLICT (ticket_id) DO UPDATE SET seq = report_dirty.seq + 1")
      ->run();
  auto s = db_.prepare("SELECT COUNT(*) FROM report_dirty");
  s->step();
  return s->i64(0);
}

template <class D>
std::vector<reports::TicketFact> SqlReportStore<D>::facts(const std::vector<int64_t>& ids) {
  std::vector<reports::TicketFact> out;
  for (std::size_t at = 0; at < ids.size(); at += 100) {
    const std::size_t n = std::min<std::size_t>(100, ids.size() - at);
    auto s = D::prepare_per_run(db_, "SELECT " + kFactCols + " FROM ticket_facts WHERE ticket_id IN (" +
                                         placeholders(n) + ") ORDER BY ticket_id");
    for (std::size_t i = 0; i < n; ++i) s->bind(static_cast<int>(i + 1), ids[at + i]);
    while (s->step()) out.push_back(read_fact(*s));
  }
  return out;
}

template <class D>
void SqlReportStore<D>::put_facts(const std::vector<reports::TicketFact>& facts) {
  static const std::string sql = [] {
    std::string update;
    for (const char* c : {"store_id", "department_id", "owner_id",    "first_owner_id",  "type",
                          "channel",  "priority",      "category",    "complaint_cause", "day",
                          "hour",     "created_at",    "frt_ms",      "resolution_ms",   "resolved",
                          "fcr",      "reopened",      "handed_over", "frt_missed",      "resolution_missed",
                          "sla_met",  "sla_missed",    "csat"})
      update += std::string(update.empty() ? "" : ", ") + c + " = excluded." + c;
    return "INSERT INTO ticket_facts(" + kFactCols + ") VALUES (" + placeholders(24) +
           ") ON CONFLICT (ticket_id) DO UPDATE SET " + update;
  }();
  for (const auto& f : facts) {
    std::optional<int64_t> csat;
    if (f.csat) csat = *f.csat;
    db_.prepare(sql)
        ->bind_all(f.ticket_id, f.store_id, f.department_id, f.owner_id, f.first_owner_id, f.type, f.channel,
                   f.priority, f.category, f.complaint_cause, static_cast<int64_t>(f.day), static_cast<int64_t>(f.hour),
                   f.created_at, f.frt_ms, f.resolution_ms, f.resolved, f.fcr, f.reopened, f.handed_over, f.frt_missed,
                   f.resolution_missed, f.sla_met, f.sla_missed, csat)
        .run();
  }
}

template <class D>
void SqlReportStore<D>::add_rollups(const reports::Rollups& delta) {
  static const std::string sql = [] {
    std::string update;
    for (const auto& c : measure_columns())
      update += std::string(update.empty() ? "" : ", ") + c + " = report_rollups." + c + " + excluded." + c;
    return "INSERT INTO report_rollups(dim, day, store_id, key, " + kMeasureCols + ") VALUES (" + placeholders(17) +
           ") ON CONFLICT (dim, day, store_id, key) DO UPDATE SET " + update;
  }();
  for (const auto& [k, m] : delta) {
    if (m == reports::Measures{}) continue;
    db_.prepare(sql)
        ->bind_all(k.dim, static_cast<int64_t>(k.day), k.store_id, k.key, m.contacts, m.resolved, m.frt_n, m.frt_sum_ms,
                   m.res_n, m.res_sum_ms, m.sla_met, m.sla_missed, m.fcr, m.reopened, m.csat_n, m.csat_sum, m.csat_good)
        .run();
    if (m.contacts < 0)
      db_.prepare("DELETE FROM report_rollups WHERE dim = ? AND day = ? AND store_id = ? AND key = ? AND contacts = 0")
          ->bind_all(k.dim, static_cast<int64_t>(k.day), k.store_id, k.key)
          .run();
  }
}

template <class D>
std::vector<RollupRow> SqlReportStore<D>::rollup_rows(const RollupQuery& q) {
  using G = RollupQuery::Group;
  std::string group = q.group == G::key     ? "key, 0, 0"
                      : q.group == G::day   ? "'', day, 0"
                      : q.group == G::store ? "'', 0, store_id"
                                            : "key, day, 0";
  std::string by = q.group == G::key     ? "key"
                   : q.group == G::day   ? "day"
                   : q.group == G::store ? "store_id"
                                         : "key, day";
  std::string sums;
  for (const auto& c : measure_columns()) sums += ", SUM(" + c + ")";
  std::string sql = "SELECT " + group + sums + " FROM report_rollups WHERE dim = ? AND day >= ? AND day <= ?";
  if (!q.store_ids.empty()) sql += " AND store_id IN (" + placeholders(q.store_ids.size()) + ")";
  sql += " GROUP BY " + by + " ORDER BY " + by;
  auto s = D::prepare_per_run(db_, sql);
  s->bind(1, q.dim).bind(2, static_cast<int64_t>(q.from_day)).bind(3, static_cast<int64_t>(q.to_day));
  for (std::size_t i = 0; i < q.store_ids.size(); ++i) s->bind(static_cast<int>(4 + i), q.store_ids[i]);
  std::vector<RollupRow> out;
  while (s->step())
    out.push_back(
        {.key = s->text(0), .day = static_cast<int>(s->i64(1)), .store_id = s->i64(2), .m = read_measures(*s, 3)});
  return out;
}

template <class D>
reports::Rollups SqlReportStore<D>::rollups() {
  auto s = db_.prepare("SELECT dim, day, store_id, key, " + kMeasureCols + " FROM report_rollups");
  reports::Rollups out;
  while (s->step())
    out.emplace(reports::RollupKey{s->text(0), static_cast<int>(s->i64(1)), s->i64(2), s->text(3)},
                read_measures(*s, 4));
  return out;
}

template <class D>
void SqlReportStore<D>::clear_reports() {
  db_.prepare("DELETE FROM ticket_facts")->run();
  db_.prepare("DELETE FROM report_rollups")->run();
}

}  // namespace

std::unique_ptr<ReportStore> ReportStore::open(Stores& s) { return make_store<ReportStore, SqlReportStore>(s); }
}  // namespace kefu::storage
