#pragma once
// Column lists and row readers shared by the repository methods of storage/sql/, over
// either backend's statement type (the same i64/text/opt_i64 API).
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/storage/repository.hpp"
#include "sla/storage/sla_json.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::storage::sql {

// The ticket columns of "tickets t", in read_ticket's order.
inline const std::string kTicketCols =
    "t.id, t.number, t.store_id, t.department_id, t.type, t.channel, t.priority, t.status, t.subject, "
    "t.description, t.category, t.location, t.member_id, t.purchase_ref, t.owner_id, t.created_by, t.created_at, "
    "t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.reopen_count, t.version, "
    "t.sla_policy_id, t.first_response_due_at, t.resolution_due_at, t.callback_due_at, t.next_escalation_at";

template <class Stmt>
ticket::Ticket read_ticket(const Stmt& s) {
  ticket::Ticket t;
  t.id = s.i64(0);
  t.number = s.text(1);
  t.store_id = s.i64(2);
  t.department_id = s.opt_i64(3);
  t.type = s.text(4);
  t.channel = s.text(5);
  t.priority = s.text(6);
  t.status = s.text(7);
  t.subject = s.text(8);
  t.description = s.text(9);
  t.category = s.text(10);
  t.location = s.text(11);
  t.member_id = s.opt_i64(12);
  t.purchase_ref = s.text(13);
  t.owner_id = s.opt_i64(14);
  t.created_by = s.i64(15);
  t.created_at = s.i64(16);
  t.updated_at = s.i64(17);
  t.first_response_at = s.opt_i64(18);
  t.resolved_at = s.opt_i64(19);
  t.closed_at = s.opt_i64(20);
  t.reopen_count = static_cast<int>(s.i64(21));
  t.version = s.i64(22);
  t.sla_policy_id = s.opt_i64(23);
  t.first_response_due_at = s.opt_i64(24);
  t.resolution_due_at = s.opt_i64(25);
  t.callback_due_at = s.opt_i64(26);
  t.next_escalation_at = s.opt_i64(27);
  return t;
}

inline const std::string kTaskCols =
    "SELECT id, ticket_id, department_id, assignee_id, description, status, due_at, result, created_by, "
    "created_at, updated_at, version FROM tasks";
template <class Stmt>
ticket::Task read_task(const Stmt& s) {
  return {s.i64(0), s.i64(1),  s.i64(2), s.opt_i64(3), s.text(4), s.text(5),
          s.i64(6), s.text(7), s.i64(8), s.i64(9),     s.i64(10), s.i64(11)};
}

inline const std::string kAttachmentCols =
    "SELECT id, ticket_id, sha256, content_type, filename, size, uploaded_by, created_at FROM attachments";
template <class Stmt>
ticket::Attachment read_attachment(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.i64(5), s.i64(6), s.i64(7)};
}

inline std::string hours_to_json(const std::vector<people::OpeningPeriod>& hours) {
  auto a = nlohmann::json::array();
  for (const auto& p : hours) a.push_back({{"weekday", p.weekday}, {"open", p.open}, {"close", p.close}});
  return a.dump();
}

inline std::vector<people::OpeningPeriod> hours_from_json(const std::string& s) {
  std::vector<people::OpeningPeriod> out;
  for (const auto& p : nlohmann::json::parse(s, nullptr, false))
    if (p.is_object()) out.push_back({p.value("weekday", 0), p.value("open", ""), p.value("close", "")});
  return out;
}

inline const std::string kStoreCols = "SELECT id, code, name, timezone, address, hours_json FROM stores";
template <class Stmt>
people::Store read_store(const Stmt& s) {
  return {s.i64(0), s.text(1), s.text(2), s.text(3), s.text(4), hours_from_json(s.text(5))};
}

inline const std::string kDeptCols = "SELECT id, store_id, code, name, kind FROM departments";
template <class Stmt>
people::Department read_dept(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4)};
}

inline const std::string kStaffCols =
    "SELECT id, username, display_name, role, phone, active, password_hash, email FROM staff";
template <class Stmt>
people::Staff read_staff(const Stmt& s) {
  people::Staff p;
  p.id = s.i64(0);
  p.username = s.text(1);
  p.display_name = s.text(2);
  p.role = s.text(3);
  p.phone = s.text(4);
  p.active = s.i64(5) != 0;
  p.password_hash = s.text(6);
  p.email = s.text(7);
  return p;
}

// Comma-separated lists (API token scopes, member care flags).
inline std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

inline std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

inline const std::string kMemberCols =
    "SELECT id, member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at FROM members";
template <class Stmt>
people::Member read_member(const Stmt& s) {
  people::Member m;
  m.id = s.i64(0);
  m.member_no = s.text(1);
  m.name = s.text(2);
  m.phone = s.text(3);
  m.tier = s.text(4);
  m.birthday = s.text(5);
  m.care_flags = split(s.text(6));
  m.home_store_id = s.opt_i64(7).value_or(0);
  m.created_at = s.i64(8);
  return m;
}

inline const std::string kPolicyCols =
    "SELECT id, name, position, conditions_json, targets_json, ladder_json, active, updated_at, version "
    "FROM sla_policies";
template <class Stmt>
SlaPolicyRecord read_policy(const Stmt& s) {
  using nlohmann::json;
  SlaPolicyRecord r;
  r.policy.id = s.i64(0);
  r.policy.name = s.text(1);
  r.policy.position = static_cast<int>(s.i64(2));
  r.policy.conditions = conditions_from(json::parse(s.text(3)));
  r.policy.targets = targets_from(json::parse(s.text(4)));
  r.ladder = ladder_from(json::parse(s.text(5)));
  r.active = s.i64(6) != 0;
  r.updated_at = s.i64(7);
  r.version = s.i64(8);
  return r;
}

// Columns from c: metric, kind, at, detail, target_minutes, target_mode, keep_elapsed.
template <class Stmt>
sla::ClockEvent read_clock_event(const Stmt& s, int c) {
  sla::ClockEvent e;
  e.metric = sla::metric_from(s.text(c)).value_or(sla::Metric::first_response);
  e.kind = sla::event_kind_from(s.text(c + 1)).value_or(sla::EventKind::activate);
  e.at = sla::from_unix_ms(s.i64(c + 2));
  e.detail = s.text(c + 3);
  if (auto minutes = s.opt_i64(c + 4))
    e.target = sla::Target{*minutes, sla::time_mode_from(s.text(c + 5)).value_or(sla::TimeMode::business)};
  e.keep_elapsed = s.i64(c + 6) != 0;
  return e;
}

inline const std::string kNotificationCols =
    "SELECT id, staff_id, kind, ticket_id, title, body, data, created_at, read_at FROM notifications";
template <class Stmt>
Notification read_notification(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.opt_i64(3), s.text(4), s.text(5), s.text(6), s.i64(7), s.opt_i64(8)};
}

inline const std::string kResolutionCols =
    "SELECT r.id, r.ticket_id, r.kind, r.compensation, r.amount_cents, r.description, r.status, r.requested_by, "
    "r.approver_role, r.decided_by, r.decision_reason, r.created_at, r.decided_at, r.version FROM resolutions r";
template <class Stmt>
ResolutionRecord read_resolution(const Stmt& s) {
  return {s.i64(0), s.i64(1),  s.text(2),    s.text(3),  s.i64(4),  s.text(5),     s.text(6),
          s.i64(7), s.text(8), s.opt_i64(9), s.text(10), s.i64(11), s.opt_i64(12), s.i64(13)};
}

// "?,?,…" for n values.
inline std::string placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

}  // namespace kefu::storage::sql
