#include "tickets/app/tickets.hpp"

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/storage/platform_stores.hpp"
#include "core/text/search_text.hpp"
#include "feedback/app/feedback_flow_ins.hpp"
#include "feedback/app/nps_survey.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "purchases/storage/purchase_store.hpp"
#include "quality/app/auto_checks.hpp"
#include "remedies/domain/errors.hpp"
#include "remedies/storage/remedy_store.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/record.hpp"
#include "tickets/domain/errors.hpp"
#include "tickets/domain/status.hpp"
#include "tickets/domain/vocabulary.hpp"
#include "tickets/storage/task_store.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kSubjectMax = 200, kDescriptionMax = 5000, kShortMax = 100, kRefMax = 64, kMessageMax = 5000;

Error version_conflict(int64_t stored) {
  return make_error(errors::kVersionConflict, {{"what", Text("工单", "ticket")}, {"version", stored}});
}

void check_department(Context& c, std::optional<int64_t> department_id, int64_t store_id) {
  if (!department_id) return;
  auto d = c.store<storage::OrgStore>().department(*department_id);
  if (!d || d->store_id != store_id)
    throw make_error(errors::kUnknownReference,
                     {{"what", Text("部门", "department")}, {"where", Text("或不属于该门店", "in this store")}},
                     "department_id");
}

void check_member(Context& c, std::optional<int64_t> member_id) {
  if (member_id && !c.store<storage::MemberStore>().member(*member_id))
    throw make_error(errors::kUnknownReference, {{"what", Text("会员", "member")}}, "member_id");
}

// The line must be a sold line of a purchase in the ticket's store; its receipt number.
std::string check_purchase_line(Context& c, std::optional<int64_t> line_id, int64_t store_id) {
  if (!line_id) return {};
  auto& p = c.store<storage::PurchaseStore>();
  auto line = p.line(*line_id);
  auto order = line ? p.order(line->order_id) : std::nullopt;
  if (!order || order->store_id != store_id || line->quantity <= 0)
    throw make_error(errors::kUnknownReference,
                     {{"what", Text("购买行", "purchase line")}, {"where", Text("或不属于该门店", "in this store")}},
                     "purchase_line_id");
  return order->receipt_no;
}

void save(Context& c, ticket::Ticket& t, int64_t expected_version) {
  t.version = expected_version + 1;
  t.updated_at = c.now_ms;
  if (!c.store<storage::TicketStore>().update_ticket(t, expected_version))
    throw version_conflict(c.store<storage::TicketStore>().ticket(t.id)->version);
}

}  // namespace

ticket::Ticket create_ticket(Context& c, const NewTicket& in) {
  require_scope(c.actor, "tickets:write");
  check_enum("type", in.type, ticket::is_type(in.type));
  check_enum("channel", in.channel, ticket::is_channel(in.channel));
  if (!in.priority.empty()) check_enum("priority", in.priority, ticket::is_priority(in.priority));
  check_text("subject", in.subject, kSubjectMax, true);
  check_text("description", in.description, kDescriptionMax, false);
  check_text("category", in.category, kShortMax, false);
  check_text("location", in.location, kShortMax, false);
  check_text("purchase_ref", in.purchase_ref, kRefMax, false);
  if (!c.actor.in_store(in.store_id) || !c.store<storage::OrgStore>().store_exists(in.store_id))
    throw make_error(
        errors::kUnknownReference,
        {{"what", Text("门店", "store")}, {"where", Text("或不在您的服务范围内", "or outside your stores")}},
        "store_id");
  check_department(c, in.department_id, in.store_id);
  check_member(c, in.member_id);
  const auto receipt_no = check_purchase_line(c, in.purchase_line_id, in.store_id);

  ticket::Ticket t;
  t.store_id = in.store_id;
  t.department_id = in.department_id;
  t.type = ticket::Type::of(in.type);  // checked above
  t.channel = ticket::Channel::of(in.channel);
  t.priority = in.priority.empty() ? ticket::default_priority(t.type) : ticket::Priority::of(in.priority);
  t.subject = in.subject;
  t.description = in.description;
  t.category = in.category;
  t.location = in.location;
  t.member_id = in.member_id;
  t.purchase_ref = in.purchase_ref.empty() ? receipt_no : in.purchase_ref;
  t.purchase_line_id = in.purchase_line_id;
  // 首问负责制: whoever registers a contact owns it; online contacts wait to be claimed.
  if (!ticket::is_online_channel(in.channel)) t.owner_id = c.actor.staff_id;
  t.created_by = c.actor.staff_id;
  t.created_at = t.updated_at = c.now_ms;
  auto clock_events = start_sla(c, t);
  c.store<storage::TicketStore>().insert_ticket(t);
  record_clock_events(c, t.id, clock_events);
  record_event(
      c, t.id, "created", t.subject,
      {{"channel", t.channel}, {"owner_id", t.owner_id ? nlohmann::json(*t.owner_id) : nlohmann::json(nullptr)}},
      false);
  audit(c, "ticket.create", "ticket", t.id, nullptr, snapshot(t));
  if (in.search_tokens && c.segmenter)
    c.store<storage::TicketStore>().index_ticket(
        t.id, text::index_document(*c.segmenter, t.number) + " " + *in.search_tokens);
  else
    reindex(c, t, /*has_messages=*/false);
  feedback_from_ticket(c, t);  // a complaint, suggestion or praise is feedback too
  return t;
}

std::string new_ticket_tokens(const text::Segmenter& seg, const NewTicket& in) {
  // The fields in reindex()'s order, after the number.
  return text::index_document(
      seg, in.subject + " " + in.description + " " + in.category + " " + in.location + " " + in.purchase_ref);
}

ticket::Ticket get_ticket(Context& c, int64_t id) {
  require_scope(c.actor, "tickets:read");
  auto t = c.store<storage::TicketStore>().ticket(id);
  if (!t || !c.actor.in_store(t->store_id)) throw make_error(errors::kNotFound, {{"what", Text("工单", "ticket")}});
  return *t;
}

ticket::Ticket update_ticket(Context& c, int64_t id, const TicketPatch& p, int64_t expected_version,
                             bool from_if_match) {
  require_scope(c.actor, "tickets:write");
  auto t = get_ticket(c, id);
  require_owner_or(c.actor, t, "supervisor");
  if (t.version != expected_version && from_if_match)
    throw make_error(errors::kPreconditionFailed, {{"what", Text("工单", "ticket")}});
  if (t.version != expected_version) throw version_conflict(t.version);
  check_optional_text("subject", p.subject, kSubjectMax);
  if (p.subject) check_text("subject", *p.subject, kSubjectMax, true);
  check_optional_text("description", p.description, kDescriptionMax);
  check_optional_text("category", p.category, kShortMax);
  check_optional_text("location", p.location, kShortMax);
  check_optional_text("purchase_ref", p.purchase_ref, kRefMax);
  if (p.priority) check_enum("priority", *p.priority, ticket::is_priority(*p.priority));
  if (p.type) check_enum("type", *p.type, ticket::is_type(*p.type));
  if (p.department_id) check_department(c, *p.department_id, t.store_id);
  if (p.member_id) check_member(c, *p.member_id);
  std::string receipt_no;
  if (p.purchase_line_id) receipt_no = check_purchase_line(c, *p.purchase_line_id, t.store_id);

  auto before = snapshot(t);
  if (p.subject) t.subject = *p.subject;
  if (p.description) t.description = *p.description;
  if (p.category) t.category = *p.category;
  if (p.location) t.location = *p.location;
  if (p.purchase_ref) t.purchase_ref = *p.purchase_ref;
  if (p.priority) t.priority = ticket::Priority::of(*p.priority);  // checked above
  if (p.type) t.type = ticket::Type::of(*p.type);
  if (p.department_id) t.department_id = *p.department_id;
  if (p.member_id) t.member_id = *p.member_id;
  if (p.purchase_line_id) t.purchase_line_id = *p.purchase_line_id;
  if (!receipt_no.empty() && !p.purchase_ref && t.purchase_ref.empty()) t.purchase_ref = receipt_no;
  std::string why;
  if (t.priority.code() != before["priority"])
    why += "优先级 " + before["priority"].get<std::string>() + "→" + std::string(t.priority.code());
  if (t.type.code() != before["type"])
    why += (why.empty() ? "" : "，") + std::string("类型 ") + before["type"].get<std::string>() + "→" +
           std::string(t.type.code());
  if (snapshot(t)["member_id"] != before["member_id"]) why += (why.empty() ? "" : "，") + std::string("会员变更");
  if (!why.empty()) sla_reapply(c, t, why);
  save(c, t, expected_version);
  nlohmann::json changed = nlohmann::json::object();
  auto after = snapshot(t);
  for (auto& [k, v] : after.items())
    if (k != "version" && before[k] != v) changed[k] = {{"from", before[k]}, {"to", v}};
  record_event(c, t.id, "updated", "", changed, false);
  audit(c, "ticket.update", "ticket", t.id, before, after);
  reindex(c, t);
  return t;
}

ticket::Ticket change_status(Context& c, int64_t id, const std::string& to_code, const std::string& comment,
                             std::optional<int64_t> expected_version) {
  require_scope(c.actor, "tickets:write");
  const auto to = parse_enum<ticket::Status>("status", to_code);
  check_text("comment", comment, kMessageMax, false);
  auto t = get_ticket(c, id);
  require_owner_or(c.actor, t, "supervisor");
  if (expected_version && *expected_version != t.version) throw version_conflict(t.version);
  if (!ticket::can_transition(t.status, to))
    throw make_error(errors::kInvalidTransition,
                     {{"what", Text("工单状态", "ticket")}, {"from", std::string(t.status.code())}, {"to", to_code}});
  if (!t.owner_id) throw make_error(errors::kUnclaimed, {{"then", Text("处理", "working on it")}});
  if (to == "resolved")
    for (const auto& r : c.store<storage::RemedyStore>().remedies(t.id))
      if (r.status == "pending")
        throw make_error(
            errors::kApprovalPending,
            {{"problem", Text("办结方案正在等待审批，审批通过后自动办结",
                              "a resolution awaits approval; the ticket is resolved when it is approved")}});
  auto before = snapshot(t);
  const ticket::Status from = t.status;
  t.status = to;
  if (ticket::is_reopen(from, to)) {
    ++t.reopen_count;
    t.resolved_at.reset();
    t.closed_at.reset();
  }
  if (to == "resolved") t.resolved_at = c.now_ms;
  if (to == "closed") t.closed_at = c.now_ms;
  sla_on_transition(c, t, from, to);
  save(c, t, t.version);
  record_event(c, t.id, "status", comment, {{"from", from}, {"to", to}}, false);
  audit(c, "ticket.status", "ticket", t.id, before, snapshot(t));
  if (to == "resolved") invite_after_resolution(c, t);  // NPS (feedback/app/nps_survey.hpp)
  return t;
}

ticket::Event add_message(Context& c, int64_t id, const std::string& body, bool reply) {
  require_scope(c.actor, "tickets:write");
  check_text("body", body, kMessageMax, true);
  auto t = get_ticket(c, id);
  // Under first-contact ownership the customer hears from the owner (or a supervisor);
  // colleagues contribute internal notes.
  if (reply) require_owner_or(c.actor, t, "supervisor");
  if (reply && ticket::is_finished(t.status))
    throw make_error(errors::kTicketFinished, {{"advice", Text("请先重新打开再回复", "reopen it before replying")}});
  auto e = record_event(c, t.id, reply ? "reply" : "note", body, nullptr, reply);
  if (reply) auto_check_ticket_reply(c, t, e, !t.first_response_at);  // 自动质检, same write
  if (reply && !t.first_response_at) {
    // The first reply to the customer fulfils first response; it moves a new ticket into work.
    t.first_response_at = c.now_ms;
    sla_on_first_reply(c, t);
    if (t.status == "new" && t.owner_id) {
      t.status = "in_progress";
      sla_on_transition(c, t, "new", "in_progress");
      record_event(c, t.id, "status", "", {{"from", "new"}, {"to", "in_progress"}, {"by", "first_reply"}}, false);
    }
  }
  save(c, t, t.version);
  audit(c, reply ? "ticket.reply" : "ticket.note", "ticket", t.id, nullptr, {{"event_id", e.id}, {"body", body}});
  reindex(c, t);
  return e;
}

ticket::Ticket claim_ticket(Context& c, int64_t id) {
  require_scope(c.actor, "tickets:write");
  auto t = get_ticket(c, id);
  if (t.owner_id) throw make_error(errors::kAlreadyOwned);
  auto before = snapshot(t);
  t.owner_id = c.actor.staff_id;
  save(c, t, t.version);
  record_event(c, t.id, "claimed", "", {{"owner_id", c.actor.staff_id}}, false);
  audit(c, "ticket.claim", "ticket", t.id, before, snapshot(t));
  return t;
}

ticket::Ticket hand_over(Context& c, int64_t id, int64_t to_staff_id, const std::string& reason) {
  require_scope(c.actor, "tickets:write");
  check_text("reason", reason, 500, true);
  auto t = get_ticket(c, id);
  require_owner_or(c.actor, t, "supervisor");
  if (ticket::is_finished(t.status))
    throw make_error(errors::kTicketFinished,
                     {{"advice", Text("不能再移交；请先重新打开", "reopen it before handing it over")}});
  auto to = c.store<storage::OrgStore>().staff(to_staff_id);
  if (!to || !to->active ||
      (to->role != "admin" && std::find(to->store_ids.begin(), to->store_ids.end(), t.store_id) == to->store_ids.end()))
    throw make_error(errors::kUnknownReference,
                     {{"what", Text("接收人", "the new owner")},
                      {"where", Text("或不在该门店", "among the active staff of this store")}},
                     "to_staff_id");
  if (t.owner_id == to_staff_id) throw make_error(errors::kSameOwner);
  auto before = snapshot(t);
  auto from = t.owner_id;
  t.owner_id = to_staff_id;
  save(c, t, t.version);
  record_event(c, t.id, "handover", reason,
               {{"from", from ? nlohmann::json(*from) : nlohmann::json(nullptr)}, {"to", to_staff_id}}, false);
  audit(c, "ticket.handover", "ticket", t.id, before, snapshot(t));
  return t;
}

ticket::Attachment get_attachment(Context& c, int64_t attachment_id) {
  auto a = c.store<storage::TimelineStore>().attachment(attachment_id);
  if (!a) throw make_error(errors::kNotFound, {{"what", Text("附件", "attachment")}});
  get_ticket(c, a->ticket_id);  // store scope: 404 outside the caller's stores
  return *a;
}

void check_attachment_allowed(Context& c, int64_t ticket_id) {
  require_scope(c.actor, "tickets:write");
  get_ticket(c, ticket_id);
}

ticket::Attachment add_attachment(Context& c, int64_t ticket_id, const ticket::Attachment& in) {
  require_scope(c.actor, "tickets:write");
  auto t = get_ticket(c, ticket_id);
  ticket::Attachment a = in;
  a.ticket_id = t.id;
  a.uploaded_by = c.actor.staff_id;
  a.created_at = c.now_ms;
  a.id = c.store<storage::TimelineStore>().insert_attachment(a);
  record_event(c, t.id, "attachment", a.filename, {{"attachment_id", a.id}, {"sha256", a.sha256}}, false);
  audit(c, "ticket.attachment", "ticket", t.id, nullptr, {{"attachment_id", a.id}, {"sha256", a.sha256}});
  return a;
}

Timeline timeline(Context& c, int64_t ticket_id) {
  auto t = get_ticket(c, ticket_id);
  return {c.store<storage::TimelineStore>().events(t.id), c.store<storage::TaskStore>().tasks(t.id),
          c.store<storage::TimelineStore>().attachments(t.id)};
}

std::vector<ticket::Ticket> list_tickets(Context& c, TicketQuery q) {
  require_scope(c.actor, "tickets:read");
  if (!c.actor.is_admin()) {
    q.filter.store_ids = c.actor.store_ids;
    if (q.filter.store_ids.empty()) return {};
  }
  if (!q.text.empty()) {
    check_text("q", q.text, 200, false);
    q.filter.search_terms = c.segmenter ? text::query_terms(*c.segmenter, q.text) : std::vector<std::string>{};
    if (q.filter.search_terms.empty()) return {};
  }
  for (const auto& v : q.filter.statuses) check_enum("status", v, ticket::is_status(v));
  for (const auto& v : q.filter.types) check_enum("type", v, ticket::is_type(v));
  for (const auto& v : q.filter.priorities) check_enum("priority", v, ticket::is_priority(v));
  for (const auto& v : q.filter.channels) check_enum("channel", v, ticket::is_channel(v));
  q.filter.limit = std::clamp(q.filter.limit, 1, 200);
  return c.store<storage::TicketStore>().tickets(q.filter);
}

std::vector<storage::AuditEntry> ticket_audit(Context& c, int64_t ticket_id) {
  auto t = get_ticket(c, ticket_id);
  if (!c.actor.at_least("supervisor") && t.owner_id != c.actor.staff_id) throw make_error(errors::kForbidden);
  return c.store<storage::AuditStore>().audit("ticket", t.id);
}

}  // namespace kefu::app
