#pragma once
// The one narrow interface between use cases and a database. A Repository is one
// connection's view; the Database hands out a reader per thread and runs writes on
// its group-commit writer. Every backend (SQLite now, PostgreSQL later) passes the
// same contract suite (storage/contract_test.cpp).
//
// Errors: methods throw kefu::Error for expected conflicts (unique keys → conflict)
// and std::runtime_error for I/O failures. "Not found" is an empty optional.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/people/org.hpp"
#include "domain/ticket/ticket.hpp"

namespace kefu::storage {

struct TicketFilter {
  std::vector<int64_t> store_ids;  // scope: empty = every store (admins only)
  std::vector<std::string> statuses, types, priorities, channels;
  std::optional<int64_t> store_id, department_id, owner_id, member_id;
  std::optional<int64_t> created_from, created_to;  // [from, to) in ms
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

class Repository {
 public:
  virtual ~Repository() = default;

  // Organisation.
  virtual int64_t insert_store(const people::Store&) = 0;
  virtual std::vector<people::Store> stores() = 0;
  virtual std::optional<people::Store> store(int64_t id) = 0;
  virtual int64_t insert_department(const people::Department&) = 0;
  virtual std::vector<people::Department> departments(std::optional<int64_t> store_id) = 0;
  virtual std::optional<people::Department> department(int64_t id) = 0;
  virtual int64_t insert_staff(const people::Staff&) = 0;
  virtual void update_staff(const people::Staff&) = 0;
  virtual std::optional<people::Staff> staff(int64_t id) = 0;
  virtual std::optional<people::Staff> staff_by_username(const std::string& username) = 0;
  virtual std::vector<people::Staff> staff_list() = 0;

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
  // Replaces the ticket's search document (already segmented tokens).
  virtual void index_ticket(int64_t ticket_id, const std::string& tokens) = 0;

  virtual int64_t insert_event(const ticket::Event&) = 0;
  virtual std::vector<ticket::Event> events(int64_t ticket_id) = 0;

  virtual int64_t insert_task(const ticket::Task&) = 0;
  virtual bool update_task(const ticket::Task&, int64_t expected_version) = 0;
  virtual std::optional<ticket::Task> task(int64_t id) = 0;
  virtual std::vector<ticket::Task> tasks(int64_t ticket_id) = 0;

  virtual int64_t insert_attachment(const ticket::Attachment&) = 0;
  virtual std::vector<ticket::Attachment> attachments(int64_t ticket_id) = 0;
  virtual std::optional<ticket::Attachment> attachment(int64_t id) = 0;

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
};

}  // namespace kefu::storage
