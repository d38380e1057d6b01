// CallbackStore over SQL, the same on SQLite and PostgreSQL.
#include "callbacks/storage/callback_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "reports/storage/report_marks.hpp"
#include "tickets/storage/sql/rows.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

template <class D>
class SqlCallbackStore final : public CallbackStore {
 public:
  using Stmt = typename D::Stmt;
  SqlCallbackStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<ticket::Ticket> callbacks_due(const std::vector<int64_t>& store_ids, int64_t before, int limit) override;
  bool insert_csat(const CsatRating&) override;
  std::optional<CsatRating> csat(int64_t ticket_id) override;

 private:
  typename D::Db& db_;
};

template <class D>
std::vector<ticket::Ticket> SqlCallbackStore<D>::callbacks_due(const std::vector<int64_t>& store_ids, int64_t before,
                                                               int limit) {
  const std::string in = placeholders(store_ids.size());
  auto s = db_.prepare("SELECT " + kTicketCols +
                       " FROM tickets t WHERE t.callback_due_at IS NOT NULL AND t.callback_due_at < ?" +
                       (store_ids.empty() ? std::string() : " AND t.store_id IN (" + in + ")") +
                       " ORDER BY t.callback_due_at, t.id LIMIT ?");
  int i = 1;
  s->bind(i++, before);
  for (auto id : store_ids) s->bind(i++, id);
  s->bind(i, limit);
  std::vector<ticket::Ticket> out;
  while (s->step()) out.push_back(read_ticket(*s));
  return out;
}

template <class D>
bool SqlCallbackStore<D>::insert_csat(const CsatRating& c) {
  db_.prepare(
         "INSERT INTO csat_ratings(ticket_id, rating, comment, created_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")
      ->bind_all(c.ticket_id, c.rating, c.comment, c.created_at)
      .run();
  if (db_.changes() != 1) return false;
  // The rating is part of the ticket's report facts (reports/storage/report_marks.hpp).
  if (report_marking()) db_.prepare(kMarkReportDirty)->bind(1, c.ticket_id).run();
  return true;
}

template <class D>
std::optional<CsatRating> SqlCallbackStore<D>::csat(int64_t ticket_id) {
  auto s = db_.prepare("SELECT ticket_id, rating, comment, created_at FROM csat_ratings WHERE ticket_id = ?");
  s->bind(1, ticket_id);
  if (!s->step()) return std::nullopt;
  return CsatRating{s->i64(0), static_cast<int>(s->i64(1)), s->text(2), s->i64(3)};
}

}  // namespace

std::unique_ptr<CallbackStore> CallbackStore::open(Stores& s) { return make_store<CallbackStore, SqlCallbackStore>(s); }
}  // namespace kefu::storage
