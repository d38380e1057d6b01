#pragma once
// The repository methods whose SQL and logic are the same on SQLite and PostgreSQL,
// written once over a dialect D. The backends derive from SqlRepository<D> (see
// core/storage/sqlite/repository.hpp and core/storage/pg/repository.hpp) and add only what
// differs: search indexing, snapshots, ANALYZE, and SQLite's ticket cache.
//
// The member definitions live in storage/sql/repo_*.hpp, which only the backends'
// repository.cpp include: each instantiates SqlRepository<D> once, explicitly.
//
// A dialect D provides (each one is commented where it is defined):
//   using Db = …;                  the connection (prepare("SQL with ?") → StmtScope)
//   using Stmt = …;                its statement (bind/step/run/i64/text/opt_i64/is_null)
//   insert(db, sql, args…)         runs an INSERT, returns the new row's id
//   kNextTicketId                  SQL for the id insert_ticket gives the next ticket
//   kBytes                         appended to a text sort key so that it compares bytes
//   rare(condition)                marks a selective condition for the planner
//   kSearchFrom, kSearchId         the FROM of a full-text search, and the ticket id in it
//   match(terms, where, args)      the search conditions; false when nothing can match
//   prepare_per_run(db, sql)       prepares a statement whose best plan depends on the values
//   kSearchTable                   the search table count("ticket_fts") counts
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/storage/repository.hpp"

namespace kefu::storage::sql {

// A value bound to a statement built at run time (ticket filters).
using Value = std::variant<int64_t, std::string>;

template <class D>
class SqlRepository : public Repository {
 public:
  using Db = typename D::Db;
  using Stmt = typename D::Stmt;

  explicit SqlRepository(Db& db) : db_(db) {}

  int64_t insert_store(const people::Store&) override;
  std::vector<people::Store> stores() override;
  std::optional<people::Store> store(int64_t id) override;
  bool store_exists(int64_t id) override;
  int64_t insert_department(const people::Department&) override;
  std::vector<people::Department> departments(std::optional<int64_t> store_id) override;
  std::optional<people::Department> department(int64_t id) override;
  int64_t insert_staff(const people::Staff&) override;
  void update_staff(const people::Staff&) override;
  std::optional<people::Staff> staff(int64_t id) override;
  std::optional<people::Staff> staff_by_username(const std::string& username) override;
  std::vector<people::Staff> staff_list() override;
  std::vector<people::Staff> staff_in_store(int64_t store_id, const std::string& role) override;
  void update_store(const people::Store&) override;
  std::vector<sla::SpecialDay> special_days(int64_t store_id) override;
  void replace_special_days(int64_t store_id, const std::vector<sla::SpecialDay>&) override;

  void insert_session(const std::string& digest, int64_t staff_id, int64_t created_at, int64_t expires_at) override;
  std::optional<int64_t> session_staff(const std::string& digest, int64_t now) override;
  void delete_session(const std::string& digest) override;
  int64_t insert_api_token(const ApiToken&, const std::string& digest) override;
  std::optional<ApiToken> api_token(const std::string& digest, int64_t now) override;
  void record_login_failure(const std::string& username, const std::string& remote, int64_t at) override;
  int login_failures_since(const std::string& username, int64_t since) override;
  void clear_login_failures(const std::string& username) override;

  int64_t insert_member(const people::Member&) override;
  std::optional<people::Member> member(int64_t id) override;
  std::optional<people::Member> member_by_phone(const std::string& phone) override;
  std::optional<people::Member> member_by_no(const std::string& member_no) override;

  int64_t insert_ticket(ticket::Ticket&) override;
  std::optional<ticket::Ticket> ticket(int64_t id) override;
  std::optional<ticket::Ticket> ticket_by_number(const std::string& number) override;
  bool update_ticket(const ticket::Ticket&, int64_t expected_version) override;
  std::vector<ticket::Ticket> tickets(const TicketFilter&) override;
  void update_ticket_deadlines(const ticket::Ticket&) override;

  int64_t insert_event(const ticket::Event&) override;
  std::vector<ticket::Event> events(int64_t ticket_id) override;
  std::vector<TicketActivity> ticket_activity_after(int64_t after_id, int limit) override;
  int64_t last_event_id() override;
  int64_t insert_task(const ticket::Task&) override;
  bool update_task(const ticket::Task&, int64_t expected_version) override;
  std::optional<ticket::Task> task(int64_t id) override;
  std::vector<ticket::Task> tasks(int64_t ticket_id) override;
  int64_t insert_attachment(const ticket::Attachment&) override;
  std::vector<ticket::Attachment> attachments(int64_t ticket_id) override;
  std::optional<ticket::Attachment> attachment(int64_t id) override;

  int64_t insert_sla_policy(const SlaPolicyRecord&) override;
  bool update_sla_policy(const SlaPolicyRecord&, int64_t expected_version) override;
  std::vector<SlaPolicyRecord> sla_policies(bool include_retired) override;
  std::optional<SlaPolicyRecord> sla_policy(int64_t id) override;
  void insert_clock_events(int64_t ticket_id, const std::vector<sla::ClockEvent>&) override;
  std::vector<sla::ClockEvent> clock_events(int64_t ticket_id) override;
  std::vector<TicketClockRow> ticket_clock_rows(const std::vector<int64_t>& store_ids, int64_t from,
                                                int64_t to) override;
  std::vector<ticket::Ticket> callbacks_due(const std::vector<int64_t>& store_ids, int64_t before, int limit) override;
  TicketCounts ticket_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to, int64_t now) override;
  std::vector<int64_t> tickets_due_for_escalation(int64_t now, int limit) override;
  std::optional<int64_t> earliest_escalation() override;
  bool insert_fired_escalation(const FiredEscalation&) override;
  std::vector<FiredEscalation> fired_escalations(int64_t ticket_id) override;
  std::vector<int64_t> tasks_overdue(int64_t now, int limit) override;
  bool mark_task_escalated(int64_t task_id, int64_t at) override;

  int64_t insert_notification(const Notification&) override;
  std::vector<Notification> notifications(int64_t staff_id, std::optional<int64_t> before_id, bool unread_only,
                                          int limit) override;
  std::vector<Notification> notifications_after(int64_t after_id, int limit) override;
  int64_t unread_notifications(int64_t staff_id) override;
  bool mark_notification_read(int64_t staff_id, int64_t id, int64_t at) override;
  int64_t mark_all_notifications_read(int64_t staff_id, int64_t at) override;
  int64_t last_notification_id() override;
  int64_t insert_email(const OutboxEmail&) override;
  std::vector<OutboxEmail> emails_due(int64_t now, int limit) override;
  void mark_email_sent(int64_t id, int64_t at) override;
  void mark_email_failed(int64_t id, const std::string& error, int64_t next_attempt_at) override;

  std::vector<std::pair<std::string, int64_t>> authority_limits() override;
  void put_authority_limit(const std::string& role, int64_t amount_cents) override;
  int64_t insert_resolution(const ResolutionRecord&) override;
  bool update_resolution(const ResolutionRecord&, int64_t expected_version) override;
  std::optional<ResolutionRecord> resolution(int64_t id) override;
  std::vector<ResolutionRecord> resolutions(int64_t ticket_id) override;
  std::vector<ResolutionRecord> pending_resolutions(const std::vector<int64_t>& store_ids,
                                                    const std::vector<std::string>& approver_roles) override;
  bool insert_csat(const CsatRating&) override;
  std::optional<CsatRating> csat(int64_t ticket_id) override;
  void insert_ticket_contact(const TicketContact&) override;
  std::optional<TicketContact> ticket_contact(int64_t ticket_id) override;
  std::string sla_config_version() override;
  std::optional<std::string> setting(const std::string& key) override;
  std::string put_setting_if_absent(const std::string& key, const std::string& value) override;

  std::optional<IdempotentResult> idempotent(int64_t staff_id, const std::string& key) override;
  void put_idempotent(int64_t staff_id, const std::string& key, const IdempotentResult&, int64_t at) override;
  void append_audit(const AuditEntry&) override;
  std::vector<AuditEntry> audit(const std::string& entity, int64_t entity_id) override;
  int64_t count(const std::string& table) override;

  Db& connection() { return db_; }

 protected:
  // Called with a ticket's id before insert_ticket, update_ticket or
  // update_ticket_deadlines writes it (SQLite's writer invalidates its cache by it).
  virtual void touched(int64_t ticket_id) {}

  Db& db_;

 private:
  std::vector<int64_t> ids(const std::string& sql, int64_t key);
  void fill_staff_links(people::Staff&);
};

}  // namespace kefu::storage::sql
