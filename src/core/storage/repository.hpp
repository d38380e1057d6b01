#pragma once
// The one narrow interface between use cases and a database. A Repository is one
// connection's view; the Database hands out a reader per thread and runs writes on
// its group-commit writer. Every backend (SQLite now, PostgreSQL later) passes the
// same contract suite (core/storage/contract_test.cpp).
//
// Errors: methods throw kefu::Error for expected conflicts (unique keys → conflict)
// and std::runtime_error for I/O failures. "Not found" is an empty optional.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "org/domain/org.hpp"
#include "sla/domain/clock.hpp"
#include "sla/domain/escalation.hpp"
#include "sla/domain/policy.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::storage {

struct TicketFilter {
  std::vector<int64_t> store_ids;  // scope: empty = every store (admins only)
  std::vector<std::string> statuses, types, priorities, channels;
  std::optional<int64_t> store_id, department_id, owner_id, member_id;
  std::optional<int64_t> created_from, created_to;  // [from, to) in ms
  std::optional<int64_t> overdue_at;                // a running SLA clock's deadline is at or before this
  std::vector<std::string> search_terms;            // segmented query terms, AND-ed; empty = no search
  // Sorting: "created_at" | "updated_at" | "priority", ascending or descending.
  std::string sort = "created_at";
  bool descending = true;
  // Keyset pagination: the (sort key, id) of the last row of the previous page.
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
  int limit = 50;
};

struct AuditEntry {
  int64_t id = 0;
  int64_t actor_id = 0;
  std::string action;  // e.g. ticket.update, staff.create, auth.login_failed
  std::string entity;  // e.g. ticket
  int64_t entity_id = 0;
  std::string before_json;  // "" when nothing existed
  std::string after_json;
  int64_t created_at = 0;
};

struct ApiToken {
  int64_t id = 0;
  std::string name;
  int64_t staff_id = 0;
  std::vector<std::string> scopes;
  int64_t created_at = 0;
  std::optional<int64_t> expires_at;
  bool revoked = false;
};

struct IdempotentResult {
  std::string request_hash;
  int status = 0;
  std::string body;
};

// An SLA policy as an admin manages it: the domain policy, its escalation ladder, and
// whether it is in force (retired policies stay for the tickets that used them).
struct SlaPolicyRecord {
  sla::Policy policy;
  sla::Ladder ladder;
  bool active = true;
  int64_t updated_at = 0;
  int64_t version = 1;
};

struct FiredEscalation {
  int64_t ticket_id = 0;
  sla::Metric metric = sla::Metric::first_response;
  int generation = 0;
  int step = 0;
  int64_t due_at = 0;
  int64_t fired_at = 0;
};

// An in-app notice (通知) for one staff member.
struct Notification {
  int64_t id = 0;
  int64_t staff_id = 0;
  std::string kind;  // escalation, approval_request, approval_decided, service_recovery, …
  std::optional<int64_t> ticket_id;
  std::string title;
  std::string body;
  std::string data;  // JSON details
  int64_t created_at = 0;
  std::optional<int64_t> read_at;
};

// An email waiting to be sent (or sent) by the mailer.
struct OutboxEmail {
  int64_t id = 0;
  std::optional<int64_t> notification_id;
  std::string to;
  std::string subject;
  std::string body;
  int64_t created_at = 0;
  int64_t next_attempt_at = 0;
  int attempts = 0;
  std::optional<int64_t> sent_at;
  std::string last_error;
};

// A resolution (办结方案) of a ticket. status: applied (within the requester's authority
// or approved), pending (waiting for approver_role), rejected.
struct ResolutionRecord {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::string kind;
  std::string compensation;
  int64_t amount_cents = 0;
  std::string description;
  std::string status;
  int64_t requested_by = 0;
  std::string approver_role;  // empty when within the requester's authority
  std::optional<int64_t> decided_by;
  std::string decision_reason;
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;
  int64_t version = 1;
};

struct CsatRating {
  int64_t ticket_id = 0;
  int rating = 0;
  std::string comment;
  int64_t created_at = 0;
};

// The dashboard's counts over tickets in some stores (empty = all).
struct TicketCounts {
  std::vector<std::pair<std::string, int64_t>> by_type;     // created in the period
  std::vector<std::pair<std::string, int64_t>> by_channel;  // created in the period
  int64_t created = 0;                                      // in the period
  int64_t open = 0;                                         // not resolved or closed, any age
  int64_t overdue = 0;                                      // a running SLA clock past its deadline now
};

// What a customer gave when submitting a ticket on the mobile page (name optional,
// phone normalised): how they track it later. Not a member profile.
struct TicketContact {
  int64_t ticket_id = 0;
  std::string name;
  std::string phone;
  int64_t created_at = 0;
};

// One timeline event as the live streams announce it: which ticket, where, what kind.
struct TicketActivity {
  int64_t event_id = 0;
  int64_t ticket_id = 0;
  std::string number;
  int64_t store_id = 0;
  std::string kind;  // the timeline event's kind: created, reply, note, status, …
  int64_t created_at = 0;
};

// What the compliance report reads for one ticket.
struct TicketClockRow {
  ticket::Ticket ticket;
  std::vector<sla::ClockEvent> events;
};

class Repository {
 public:
  virtual ~Repository() = default;

  // Organisation.
  virtual int64_t insert_store(const people::Store&) = 0;
  virtual std::vector<people::Store> stores() = 0;
  virtual std::optional<people::Store> store(int64_t id) = 0;
  virtual bool store_exists(int64_t id) = 0;  // without reading the store (hot paths)
  virtual int64_t insert_department(const people::Department&) = 0;
  virtual std::vector<people::Department> departments(std::optional<int64_t> store_id) = 0;
  virtual std::optional<people::Department> department(int64_t id) = 0;
  virtual int64_t insert_staff(const people::Staff&) = 0;
  virtual void update_staff(const people::Staff&) = 0;
  virtual std::optional<people::Staff> staff(int64_t id) = 0;
  virtual std::optional<people::Staff> staff_by_username(const std::string& username) = 0;
  virtual std::vector<people::Staff> staff_list() = 0;
  // Active staff of a store with one role (admins are in every store but never listed).
  virtual std::vector<people::Staff> staff_in_store(int64_t store_id, const std::string& role) = 0;
  // Replaces a store's name, address, zone and weekly hours (code and id stay).
  virtual void update_store(const people::Store&) = 0;
  // The store's special days (holidays, extended hours), by date.
  virtual std::vector<sla::SpecialDay> special_days(int64_t store_id) = 0;
  virtual void replace_special_days(int64_t store_id, const std::vector<sla::SpecialDay>&) = 0;

  // Sessions, API tokens, login throttling. Tokens are stored as digests only.
  virtual void insert_session(const std::string& digest, int64_t staff_id, int64_t created_at, int64_t expires_at) = 0;
  virtual std::optional<int64_t> session_staff(const std::string& digest, int64_t now) = 0;
  virtual void delete_session(const std::string& digest) = 0;
  virtual int64_t insert_api_token(const ApiToken&, const std::string& digest) = 0;
  virtual std::optional<ApiToken> api_token(const std::string& digest, int64_t now) = 0;
  virtual void record_login_failure(const std::string& username, const std::string& remote, int64_t at) = 0;
  virtual int login_failures_since(const std::string& username, int64_t since) = 0;
  virtual void clear_login_failures(const std::string& username) = 0;

  // Members.
  virtual int64_t insert_member(const people::Member&) = 0;
  virtual std::optional<people::Member> member(int64_t id) = 0;
  virtual std::optional<people::Member> member_by_phone(const std::string& phone) = 0;
  virtual std::optional<people::Member> member_by_no(const std::string& member_no) = 0;

  // Tickets. update_ticket writes only when the stored version equals expected_version
  // and returns false otherwise (the caller reports the conflict).
  virtual int64_t insert_ticket(ticket::Ticket&) = 0;  // fills id and number
  virtual std::optional<ticket::Ticket> ticket(int64_t id) = 0;
  virtual std::optional<ticket::Ticket> ticket_by_number(const std::string& number) = 0;
  virtual bool update_ticket(const ticket::Ticket&, int64_t expected_version) = 0;
  virtual std::vector<ticket::Ticket> tickets(const TicketFilter&) = 0;
  // Writes only the SLA columns (policy, due times, next escalation), without a new
  // version: the scheduler's bookkeeping must not make an agent's edit a conflict.
  virtual void update_ticket_deadlines(const ticket::Ticket&) = 0;
  // Replaces the ticket's search document (already segmented tokens).
  virtual void index_ticket(int64_t ticket_id, const std::string& tokens) = 0;

  virtual int64_t insert_event(const ticket::Event&) = 0;
  virtual std::vector<ticket::Event> events(int64_t ticket_id) = 0;
  // The live streams of every node: timeline events after `after_id`, in id order.
  virtual std::vector<TicketActivity> ticket_activity_after(int64_t after_id, int limit) = 0;
  virtual int64_t last_event_id() = 0;

  virtual int64_t insert_task(const ticket::Task&) = 0;
  virtual bool update_task(const ticket::Task&, int64_t expected_version) = 0;
  virtual std::optional<ticket::Task> task(int64_t id) = 0;
  virtual std::vector<ticket::Task> tasks(int64_t ticket_id) = 0;

  virtual int64_t insert_attachment(const ticket::Attachment&) = 0;
  virtual std::vector<ticket::Attachment> attachments(int64_t ticket_id) = 0;
  virtual std::optional<ticket::Attachment> attachment(int64_t id) = 0;

  // SLA policies, ordered by position then id. update_sla_policy writes only when the
  // stored version equals expected_version.
  virtual int64_t insert_sla_policy(const SlaPolicyRecord&) = 0;
  virtual bool update_sla_policy(const SlaPolicyRecord&, int64_t expected_version) = 0;
  virtual std::vector<SlaPolicyRecord> sla_policies(bool include_retired) = 0;
  virtual std::optional<SlaPolicyRecord> sla_policy(int64_t id) = 0;

  // Clock events are append-only, per ticket in the order recorded.
  virtual void insert_clock_events(int64_t ticket_id, const std::vector<sla::ClockEvent>&) = 0;
  virtual std::vector<sla::ClockEvent> clock_events(int64_t ticket_id) = 0;
  // Tickets created in [from, to) in the given stores (empty = all) with their clock
  // events, oldest first, for the compliance report.
  virtual std::vector<TicketClockRow> ticket_clock_rows(const std::vector<int64_t>& store_ids, int64_t from,
                                                        int64_t to) = 0;
  // Tickets in the given stores (empty = all) whose callback (回访) falls due before
  // `before` (callback_due_at < before), soonest due first (ties by id), at most `limit`.
  virtual std::vector<ticket::Ticket> callbacks_due(const std::vector<int64_t>& store_ids, int64_t before,
                                                    int limit) = 0;

  // Counts for the dashboard: tickets created in [from, to) by type and channel, plus the
  // open and overdue (at `now`) ones.
  virtual TicketCounts ticket_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to, int64_t now) = 0;

  // The scheduler: ids of tickets whose next escalation is at or before `now`, oldest
  // first. insert_fired_escalation returns false when that step already fired.
  virtual std::vector<int64_t> tickets_due_for_escalation(int64_t now, int limit) = 0;
  virtual std::optional<int64_t> earliest_escalation() = 0;
  virtual bool insert_fired_escalation(const FiredEscalation&) = 0;
  virtual std::vector<FiredEscalation> fired_escalations(int64_t ticket_id) = 0;
  // Open collaboration tasks past due_at and not escalated yet, most overdue first;
  // mark_task_escalated returns false when it already was (exactly once).
  virtual std::vector<int64_t> tasks_overdue(int64_t now, int limit) = 0;
  virtual bool mark_task_escalated(int64_t task_id, int64_t at) = 0;

  // Notifications. notifications_after serves the live stream of every node: the next
  // ones after `after_id` for anyone, in id order.
  virtual int64_t insert_notification(const Notification&) = 0;
  virtual std::vector<Notification> notifications(int64_t staff_id, std::optional<int64_t> before_id, bool unread_only,
                                                  int limit) = 0;
  virtual std::vector<Notification> notifications_after(int64_t after_id, int limit) = 0;
  virtual int64_t unread_notifications(int64_t staff_id) = 0;
  virtual bool mark_notification_read(int64_t staff_id, int64_t id, int64_t at) = 0;
  virtual int64_t mark_all_notifications_read(int64_t staff_id, int64_t at) = 0;
  virtual int64_t last_notification_id() = 0;

  // The email outbox.
  virtual int64_t insert_email(const OutboxEmail&) = 0;
  virtual std::vector<OutboxEmail> emails_due(int64_t now, int limit) = 0;
  virtual void mark_email_sent(int64_t id, int64_t at) = 0;
  virtual void mark_email_failed(int64_t id, const std::string& error, int64_t next_attempt_at) = 0;

  // Authority limits (授权额度): role → largest amount in fen that role grants alone.
  virtual std::vector<std::pair<std::string, int64_t>> authority_limits() = 0;
  virtual void put_authority_limit(const std::string& role, int64_t amount_cents) = 0;

  virtual int64_t insert_resolution(const ResolutionRecord&) = 0;
  virtual bool update_resolution(const ResolutionRecord&, int64_t expected_version) = 0;
  virtual std::optional<ResolutionRecord> resolution(int64_t id) = 0;
  virtual std::vector<ResolutionRecord> resolutions(int64_t ticket_id) = 0;
  // Pending approvals in these stores (empty = all) for these approver roles.
  virtual std::vector<ResolutionRecord> pending_resolutions(const std::vector<int64_t>& store_ids,
                                                            const std::vector<std::string>& approver_roles) = 0;

  // One CSAT rating per ticket: insert_csat returns false when the ticket has one.
  virtual bool insert_csat(const CsatRating&) = 0;
  virtual std::optional<CsatRating> csat(int64_t ticket_id) = 0;

  // The customer contact of a ticket submitted on the mobile page (one per ticket).
  virtual void insert_ticket_contact(const TicketContact&) = 0;
  virtual std::optional<TicketContact> ticket_contact(int64_t ticket_id) = 0;

  // A token that changes whenever policies, special days or stores change (and differs
  // between databases): what in-process caches of the SLA configuration compare.
  virtual std::string sla_config_version() = 0;

  // Installation settings (e.g. the CSAT link key). put_setting_if_absent returns the
  // value in force afterwards.
  virtual std::optional<std::string> setting(const std::string& key) = 0;
  virtual std::string put_setting_if_absent(const std::string& key, const std::string& value) = 0;

  // Idempotency keys are per caller: (staff_id, key).
  virtual std::optional<IdempotentResult> idempotent(int64_t staff_id, const std::string& key) = 0;
  virtual void put_idempotent(int64_t staff_id, const std::string& key, const IdempotentResult&, int64_t at) = 0;

  // The audit log is append-only: the schema refuses UPDATE and DELETE.
  virtual void append_audit(const AuditEntry&) = 0;
  virtual std::vector<AuditEntry> audit(const std::string& entity, int64_t entity_id) = 0;

  // Counts for the demo loader, health and tests.
  virtual int64_t count(const std::string& table) = 0;

  // Read snapshots: between begin_snapshot and end_snapshot every read sees one
  // consistent state (and SQLite takes its read lock once instead of per query).
  // Nested calls are counted; only the outermost pair takes effect. Readers only.
  // A backend may keep a reader's snapshot open after end_snapshot and reuse it for
  // the next begin_snapshot when nothing has been committed since (by this process)
  // and it is young: every write acknowledged before begin_snapshot is visible, and
  // another process's commits within a few milliseconds. A thread that uses snapshots
  // therefore does all its reads inside them.
  virtual void begin_snapshot() = 0;
  virtual void end_snapshot() = 0;

  // Refreshes the query planner's statistics (after bulk loads).
  virtual void analyze() = 0;
};

// RAII for Repository::begin_snapshot/end_snapshot.
class Snapshot {
 public:
  explicit Snapshot(Repository& r) : r_(r) { r_.begin_snapshot(); }
  ~Snapshot() { r_.end_snapshot(); }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

 private:
  Repository& r_;
};

// A database: one writer with group commit, and per-thread readers.
class Database {
 public:
  virtual ~Database() = default;
  // This thread's read connection (snapshot per call; never writes).
  virtual Repository& reader() = 0;
  // Queues job to run on the writer inside a transaction shared with other queued
  // jobs (group commit). done(nullptr) runs after the commit is durable; done(error)
  // when the job threw (its own changes are rolled back, others' are kept) or the
  // commit failed. done runs on the writer thread: keep it short.
  using Job = std::function<void(Repository&)>;
  using Done = std::function<void(std::exception_ptr)>;
  virtual void write(Job job, Done done) = 0;
  // Runs job through the same queue and waits for its commit (CLI, demo, tests).
  void write_sync(Job job);
  // Waits for everything queued so far to commit; further writes still work.
  virtual void flush() = 0;
  virtual std::string backend() const = 0;

  // Several nodes on one database. watch_changes runs on_change (on a background
  // thread, briefly) soon after any node commits a timeline event or a notification;
  // a single-process backend has no other writers and never calls it. An empty function
  // stops watching (before what on_change refers to goes away). lead(name) tells
  // whether this process holds the named singleton role (the SLA scheduler) right now,
  // taking it when it is free; a holder that dies loses it.
  virtual void watch_changes(std::function<void()> on_change) {}
  virtual bool lead(const std::string& role) { return true; }
};

}  // namespace kefu::storage
