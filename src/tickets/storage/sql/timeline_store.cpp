// TimelineStore over SQL, the same on SQLite and PostgreSQL.
#include "tickets/storage/timeline_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kAttachmentCols =
    "SELECT id, ticket_id, sha256, content_type, filename, size, uploaded_by, created_at FROM attachments";
template <class Stmt>
ticket::Attachment read_attachment(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.i64(5), s.i64(6), s.i64(7)};
}

template <class D>
class SqlTimelineStore final : public TimelineStore {
 public:
  using Stmt = typename D::Stmt;
  SqlTimelineStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_event(const ticket::Event&) override;
  std::vector<ticket::Event> events(int64_t ticket_id) override;
  std::vector<TicketActivity> ticket_activity_after(int64_t after_id, int limit) override;
  int64_t last_event_id() override;
  int64_t insert_attachment(const ticket::Attachment&) override;
  std::vector<ticket::Attachment> attachments(int64_t ticket_id) override;
  std::optional<ticket::Attachment> attachment(int64_t id) override;
  bool blob_in_use(const std::string& sha256) override;

 private:
  typename D::Db& db_;
};

template <class D>
int64_t SqlTimelineStore<D>::insert_event(const ticket::Event& e) {
  return D::insert(db_,
                   "INSERT INTO ticket_events(ticket_id, kind, actor_id, body, data, customer_visible, created_at) "
                   "VALUES (?,?,?,?,?,?,?)",
                   e.ticket_id, e.kind, e.actor_id, e.body, e.data, e.customer_visible, e.created_at);
}

template <class D>
std::vector<ticket::Event> SqlTimelineStore<D>::events(int64_t ticket_id) {
  std::vector<ticket::Event> out;
  auto s = db_.prepare(
      "SELECT id, ticket_id, kind, actor_id, body, data, customer_visible, created_at FROM ticket_events "
      "WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step())
    out.push_back({s->i64(0), s->i64(1), s->text(2), s->i64(3), s->text(4), s->text(5), s->i64(6) != 0, s->i64(7)});
  return out;
}

template <class D>
std::vector<TicketActivity> SqlTimelineStore<D>::ticket_activity_after(int64_t after_id, int limit) {
  std::vector<TicketActivity> out;
  auto s = db_.prepare(
      "SELECT e.id, e.ticket_id, t.number, t.store_id, e.kind, e.created_at FROM ticket_events e "
      "JOIN tickets t ON t.id = e.ticket_id WHERE e.id > ? ORDER BY e.id LIMIT ?");
  s->bind_all(after_id, static_cast<int64_t>(limit));
  while (s->step()) out.push_back({s->i64(0), s->i64(1), s->text(2), s->i64(3), s->text(4), s->i64(5)});
  return out;
}

template <class D>
int64_t SqlTimelineStore<D>::last_event_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM ticket_events");
  return s->step() ? s->i64(0) : 0;
}

template <class D>
int64_t SqlTimelineStore<D>::insert_attachment(const ticket::Attachment& a) {
  return D::insert(db_,
                   "INSERT INTO attachments(ticket_id, sha256, content_type, filename, size, uploaded_by, created_at) "
                   "VALUES (?,?,?,?,?,?,?)",
                   a.ticket_id, a.sha256, a.content_type, a.filename, a.size, a.uploaded_by, a.created_at);
}

template <class D>
std::vector<ticket::Attachment> SqlTimelineStore<D>::attachments(int64_t ticket_id) {
  std::vector<ticket::Attachment> out;
  auto s = db_.prepare(kAttachmentCols + " WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_attachment(*s));
  return out;
}

template <class D>
std::optional<ticket::Attachment> SqlTimelineStore<D>::attachment(int64_t id) {
  auto s = db_.prepare(kAttachmentCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_attachment(*s);
}

template <class D>
bool SqlTimelineStore<D>::blob_in_use(const std::string& sha256) {
  auto s = db_.prepare("SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1");
  s->bind(1, sha256);
  return s->step();
}

}  // namespace

std::unique_ptr<TimelineStore> TimelineStore::open(Stores& s) { return make_store<TimelineStore, SqlTimelineStore>(s); }
}  // namespace kefu::storage
