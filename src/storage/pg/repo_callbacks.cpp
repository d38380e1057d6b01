// Callbacks (回访) that fall due: the work list of the callback desk.
#include "storage/pg/repository.hpp"
#include "storage/pg/rows.hpp"

namespace kefu::storage::pg {

std::vector<ticket::Ticket> PgRepository::callbacks_due(const std::vector<int64_t>& store_ids, int64_t before,
                                                        int limit) {
  std::string in;
  for (std::size_t i = 0; i < store_ids.size(); ++i) in += i ? ",?" : "?";
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

}  // namespace kefu::storage::pg
