#pragma once
// Ticket use cases. Each takes a Context (caller, repository, now) and plain inputs,
// enforces role and store scope, writes the timeline and the audit log, and throws
// kefu::Error for what the caller did wrong. A ticket outside the caller's stores
// is reported as not found, never as forbidden.
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "core/storage/platform_stores.hpp"
#include "tickets/domain/ticket.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {

struct NewTicket {
  int64_t store_id = 0;
  std::optional<int64_t> department_id;
  std::string type;
  std::string channel;
  std::string priority;  // empty = default for the type
  std::string subject;
  std::string description;
  std::string category;
  std::string location;
  std::optional<int64_t> member_id;
  std::string purchase_ref;
  // A purchase line of the ticket's store (400 unknown_reference otherwise); an empty
  // purchase_ref is filled with its receipt number.
  std::optional<int64_t> purchase_line_id;
  // new_ticket_tokens(…) computed before the write (segmenting off the writer thread);
  // empty = create_ticket segments itself.
  std::optional<std::string> search_tokens;
};
ticket::Ticket create_ticket(Context&, const NewTicket&);
// The search tokens of a new ticket's own fields (its number is added when it is stored).
std::string new_ticket_tokens(const text::Segmenter&, const NewTicket&);

// Reads one ticket in the caller's scope.
ticket::Ticket get_ticket(Context&, int64_t id);

struct TicketPatch {
  std::optional<std::string> subject, description, category, location, priority, type, purchase_ref;
  std::optional<std::optional<int64_t>> department_id, member_id, purchase_line_id;  // inner nullopt clears
};
// expected_version must equal the stored version (optimistic concurrency): a
// mismatch is version_conflict (409), or precondition_failed (412) when the version
// came from an If-Match header.
ticket::Ticket update_ticket(Context&, int64_t id, const TicketPatch&, int64_t expected_version,
                             bool from_if_match = false);

ticket::Ticket change_status(Context&, int64_t id, const std::string& to, const std::string& comment,
                             std::optional<int64_t> expected_version);

// A reply is seen by the customer (and counts as the first response); a note is internal.
ticket::Event add_message(Context&, int64_t id, const std::string& body, bool reply);

// An online contact without an owner is claimed by the first agent who takes it.
ticket::Ticket claim_ticket(Context&, int64_t id);
// Ownership moves only here: explicit, with a reason, on the timeline and audited.
ticket::Ticket hand_over(Context&, int64_t id, int64_t to_staff_id, const std::string& reason);

struct NewTask {
  int64_t department_id = 0;
  std::optional<int64_t> assignee_id;
  std::string description;
  int64_t due_at = 0;
};
ticket::Task create_task(Context&, int64_t ticket_id, const NewTask&);
struct TaskChange {
  std::optional<std::string> status, result;
  std::optional<int64_t> assignee_id, due_at;
};
ticket::Task update_task(Context&, int64_t task_id, const TaskChange&, std::optional<int64_t> expected_version);

// What add_attachment checks before it writes (tickets:write, the ticket in the caller's
// stores: 403/404): an upload runs it before any byte reaches the blob folder.
void check_attachment_allowed(Context&, int64_t ticket_id);
ticket::Attachment add_attachment(Context&, int64_t ticket_id, const ticket::Attachment&);
// An attachment of a ticket in the caller's stores (404 otherwise).
ticket::Attachment get_attachment(Context&, int64_t attachment_id);

struct Timeline {
  std::vector<ticket::Event> events;
  std::vector<ticket::Task> tasks;
  std::vector<ticket::Attachment> attachments;
};
Timeline timeline(Context&, int64_t ticket_id);

struct TicketQuery {
  storage::TicketFilter filter;  // scope is applied by list_tickets
  std::string text;              // free-text search, segmented here
};
std::vector<ticket::Ticket> list_tickets(Context&, TicketQuery query);

std::vector<storage::AuditEntry> ticket_audit(Context&, int64_t ticket_id);

}  // namespace kefu::app
