// ReportStore over SQL, the same on SQLite and PostgreSQL.
#include "reports/storage/report_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

template <class D>
class SqlReportStore final : public ReportStore {
 public:
  using Stmt = typename D::Stmt;
  SqlReportStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  TicketCounts ticket_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to, int64_t now) override;

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

}  // namespace

std::unique_ptr<ReportStore> ReportStore::open(Stores& s) { return make_store<ReportStore, SqlReportStore>(s); }
}  // namespace kefu::storage
