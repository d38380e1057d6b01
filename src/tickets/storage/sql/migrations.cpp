// The schema of tickets: the rows, their timeline, collaboration tasks, attachments and
// the search index.
#include "tickets/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kTickets[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE tickets(
  id {id}, number TEXT NOT NULL UNIQUE, store_id {int} NOT NULL REFERENCES stores(id),
  department_id {int} REFERENCES departments(id), type TEXT NOT NULL, channel TEXT NOT NULL,
  priority TEXT NOT NULL, status TEXT NOT NULL, subject TEXT NOT NULL, description TEXT NOT NULL,
  category TEXT NOT NULL, location TEXT NOT NULL, member_id {int} REFERENCES members(id),
  purchase_ref TEXT NOT NULL, owner_id {int} REFERENCES staff(id), created_by {int} NOT NULL,
  created_at {int} NOT NULL, updated_at {int} NOT NULL, first_response_at {int}, resolved_at {int},
  closed_at {int}, reopen_count {int} NOT NULL DEFAULT 0, version {int} NOT NULL);
CREATE INDEX tickets_store_created ON tickets(store_id, created_at, id);
CREATE INDEX tickets_created ON tickets(created_at, id);
CREATE INDEX tickets_store_status ON tickets(store_id, status, created_at);
CREATE INDEX tickets_store_updated ON tickets(store_id, updated_at, id);
CREATE INDEX tickets_updated ON tickets(updated_at, id);
CREATE INDEX tickets_status ON tickets(status, created_at);
CREATE INDEX tickets_owner ON tickets(owner_id, status, created_at);
CREATE INDEX tickets_member ON tickets(member_id);
CREATE INDEX tickets_department ON tickets(department_id, status);
CREATE TABLE ticket_events(
  id {id}, ticket_id {int} NOT NULL REFERENCES tickets(id), kind TEXT NOT NULL,
  actor_id {int} NOT NULL, body TEXT NOT NULL, data TEXT NOT NULL, customer_visible {int} NOT NULL,
  created_at {int} NOT NULL);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);
CREATE TABLE tasks(
  id {id}, ticket_id {int} NOT NULL REFERENCES tickets(id),
  department_id {int} NOT NULL REFERENCES departments(id), assignee_id {int} REFERENCES staff(id),
  description TEXT NOT NULL, status TEXT NOT NULL, due_at {int} NOT NULL, result TEXT NOT NULL,
  created_by {int} NOT NULL, created_at {int} NOT NULL, updated_at {int} NOT NULL, version {int} NOT NULL);
CREATE INDEX tasks_ticket ON tasks(ticket_id);
CREATE INDEX tasks_department ON tasks(department_id, status);
CREATE TABLE attachments(
  id {id}, ticket_id {int} NOT NULL REFERENCES tickets(id), sha256 TEXT NOT NULL,
  content_type TEXT NOT NULL, filename TEXT NOT NULL, size {int} NOT NULL, uploaded_by {int} NOT NULL,
  created_at {int} NOT NULL);
CREATE INDEX attachments_ticket ON attachments(ticket_id);
)SQL",
     // Search: pre-segmented tokens (see core/text), so 2-character words match.
     .sqlite = "CREATE VIRTUAL TABLE ticket_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');",
     // The same pre-segmented tokens as SQLite's FTS5 table, kept as given, and a tsvector
     // of the simple configuration over the words FTS5's unicode61 tokenizer would make of
     // them (core/storage/pg/search.hpp): one lexeme per word, no stemming, 2-character
     // words too. The planner picks the GIN index or the id order by how common a word
     // is; with the default statistics every word outside the ~1,000 commonest looks like
     // 0.5 % of the tickets, and a word on no ticket at all was searched by walking every
     // row (measured: 170 ms at 100k tickets, seconds under load).
     .pg = R"SQL(
CREATE TABLE ticket_search(
  ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id), tokens TEXT NOT NULL, doc tsvector NOT NULL);
CREATE INDEX ticket_search_doc ON ticket_search USING gin(doc);
ALTER TABLE ticket_search ALTER COLUMN doc SET STATISTICS 1000;
)SQL",
     .legacy = 1},
    // The SLA deadlines a ticket carries (derived from its clocks, sla/), and the
    // escalation of overdue collaboration tasks.
    {.number = 2,
     .sql = R"SQL(
ALTER TABLE tickets ADD COLUMN sla_policy_id {int};
ALTER TABLE tickets ADD COLUMN first_response_due_at {int};
ALTER TABLE tickets ADD COLUMN resolution_due_at {int};
ALTER TABLE tickets ADD COLUMN callback_due_at {int};
ALTER TABLE tickets ADD COLUMN next_escalation_at {int};
-- The scheduler's only query: tickets whose next escalation is due.
CREATE INDEX tickets_next_escalation ON tickets(next_escalation_at) WHERE next_escalation_at IS NOT NULL;
CREATE INDEX tickets_callback_due ON tickets(store_id, callback_due_at) WHERE callback_due_at IS NOT NULL;
-- A collaboration task past its due time is escalated to its department's head once.
ALTER TABLE tasks ADD COLUMN escalated_at {int};
CREATE INDEX tasks_overdue ON tasks(due_at) WHERE escalated_at IS NULL AND status IN ('open', 'in_progress');
)SQL",
     // Live streams on other nodes hear of new timeline events (core/2's function).
     .pg = R"SQL(
CREATE TRIGGER ticket_events_changed AFTER INSERT ON ticket_events
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_notify_change();
)SQL",
     .legacy = 2},
    // The blob collector (`kefu blobs gc`) asks, file by file, whether a row names a blob.
    {.number = 3, .sql = "CREATE INDEX attachments_sha256 ON attachments(sha256);"},
    // The purchase line a ticket is about (returns at the desk; purchases/ is migrated
    // after tickets, so no REFERENCES here: the use case checks the line).
    {.number = 4, .sql = R"SQL(
ALTER TABLE tickets ADD COLUMN purchase_line_id {int};
CREATE INDEX tickets_purchase_line ON tickets(purchase_line_id) WHERE purchase_line_id IS NOT NULL;
)SQL"},
};

constexpr CountedTable kTables[] = {
    {"tickets"}, {"ticket_events"}, {"tasks"}, {"attachments"}, {"ticket_fts", "ticket_search"}};

}  // namespace

SchemaModule tickets_schema() { return {"tickets", kTickets, kTables}; }

}  // namespace kefu::storage::sql
