#include "reports/app/schedules.hpp"

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/app/xlsx_writer.hpp"
#include "core/domain/error.hpp"
#include "notifications/domain/attachments.hpp"
#include "org/storage/org_store.hpp"
#include "reports/app/monthly.hpp"
#include "reports/domain/errors.hpp"
#include "reports/domain/schedule.hpp"
#include "sla/app/compliance_report.hpp"
#include "tickets/app/ticket_export.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kMaxRecipients = 20;
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

[[noreturn]] void invalid(const char* zh, const char* en, const char* field) {
  throw make_error(errors::kInvalidSchedule, {{"why", Text(zh, en)}}, field);
}

std::string zone_of(Context& c, std::optional<int64_t> store_id) {
  if (store_id)
    if (auto s = c.store<storage::OrgStore>().store(*store_id)) return s->timezone;
  return "Asia/Shanghai";
}

// The schedule's store must be the caller's; a chain-wide one is an admin's.
void check_reach(Context& c, std::optional<int64_t> store_id) {
  if (!store_id) {
    if (!c.actor.is_admin()) throw make_error(errors::kForbidden);
    return;
  }
  if (!c.actor.in_store(*store_id) || !c.store<storage::OrgStore>().store_exists(*store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
}

storage::ReportSchedule checked(Context& c, const ScheduleInput& in) {
  check_text("name", in.name, 60, true);
  const auto kind = reports::report_kind_from(in.report);
  if (!kind)
    throw make_error(errors::kInvalidEnum,
                     {{"field", "report"}, {"value", in.report}, {"allowed", "summary, tickets, sla"}}, "report");
  const auto f = reports::frequency_from(in.frequency);
  if (!f)
    throw make_error(errors::kInvalidEnum,
                     {{"field", "frequency"}, {"value", in.frequency}, {"allowed", "daily, weekly, monthly"}},
                     "frequency");
  if (in.hour < 0 || in.hour > 23) invalid("发送时间须为 0 到 23 点", "hour must be from 0 to 23", "hour");
  if (in.recipients.empty() || in.recipients.size() > kMaxRecipients)
    invalid("收件人须为 1 到 20 个", "1 to 20 recipients", "recipients");
  storage::ReportSchedule r;
  for (const auto& text : in.recipients) {
    const auto rec = reports::parse_recipient(text);
    if (!rec)
      invalid("收件人须为员工（staff:编号）或邮箱地址", "a recipient is staff:<id> or an email address", "recipients");
    if (rec->staff_id && !c.store<storage::OrgStore>().staff(*rec->staff_id))
      throw make_error(errors::kUnknownReference, {{"what", Text("员工", "staff member")}}, "recipients");
    const auto shown = reports::recipient_text(*rec);
    if (std::find(r.recipients.begin(), r.recipients.end(), shown) == r.recipients.end()) r.recipients.push_back(shown);
  }
  r.store_id = in.store_id;
  r.name = in.name;
  r.report = in.report;
  r.frequency = in.frequency;
  r.hour = in.hour;
  r.enabled = in.enabled;
  r.next_run_at = reports::next_run_after(*f, in.hour, zone_of(c, in.store_id), c.now_ms);
  return r;
}

storage::ReportSchedule reachable(Context& c, int64_t id) {
  auto r = c.store<storage::ReportScheduleStore>().schedule(id);
  const bool seen = r && (r->store_id ? c.actor.in_store(*r->store_id) : c.actor.is_admin());
  if (!seen) throw make_error(errors::kNotFound, {{"what", Text("定时报表", "report schedule")}});
  return *r;
}

// Who the run acts as: the system for the summary and SLA; for the ticket list an agent of
// the store(s), so member phones in the attachment are masked.
people::Actor run_actor(Context& c, const storage::ReportSchedule& s, bool masked) {
  people::Actor a{.staff_id = 0, .username = "system", .display_name = "系统", .role = "admin"};
  if (!masked) return a;
  a.role = "agent";
  if (s.store_id) {
    a.store_ids = {*s.store_id};
  } else {
    for (const auto& st : c.store<storage::OrgStore>().stores()) a.store_ids.push_back(st.id);
  }
  return a;
}

Table sla_table(const std::vector<sla::ComplianceRow>& rows) {
  Table t;
  t.name = "SLA 达标";
  t.columns = {{"类型", ColumnKind::text, 12},     {"指标", ColumnKind::text, 14},   {"总数", ColumnKind::integer, 8},
               {"达标", ColumnKind::integer, 8},   {"超时", ColumnKind::integer, 8}, {"进行中", ColumnKind::integer, 8},
               {"达标率", ColumnKind::percent, 10}};
  for (const auto& r : rows) {
    auto type = ticket::Type::parse(r.key);
    t.rows.push_back({type ? std::string(type->zh()) : r.key, std::string(sla::name_zh(r.metric)), r.total, r.met,
                      r.missed, r.open, r.rate < 0 ? Cell{} : Cell{r.rate}});
  }
  return t;
}

}  // namespace

std::string run_file_name(const storage::ReportSchedule& s, const std::string& period_label) {
  std::string label = period_label;
  std::replace(label.begin(), label.end(), ' ', '_');
  const auto f = reports::frequency_from(s.frequency);
  const auto k = reports::report_kind_from(s.report);
  return std::string(f ? reports::name_zh(*f) : "报表") + "-" + std::string(k ? reports::name_zh(*k) : "") + "-" +
         label + ".xlsx";
}

storage::ReportSchedule create_schedule(Context& c, const ScheduleInput& in) {
  require_role(c.actor, people::RoleCode::supervisor);
  require_scope(c.actor, "reports:write");
  check_reach(c, in.store_id);
  auto r = checked(c, in);
  r.created_by = c.actor.staff_id;
  r.created_at = r.updated_at = c.now_ms;
  r.id = c.store<storage::ReportScheduleStore>().insert_schedule(r);
  return r;
}

storage::ReportSchedule update_schedule(Context& c, int64_t id, const ScheduleInput& in) {
  require_role(c.actor, people::RoleCode::supervisor);
  require_scope(c.actor, "reports:write");
  const auto old = reachable(c, id);
  if (in.store_id != old.store_id) invalid("不能更改定时报表的门店", "a schedule's store cannot change", "store_id");
  auto r = checked(c, in);
  r.id = id;
  r.created_by = old.created_by;
  r.created_at = old.created_at;
  r.last_run_at = old.last_run_at;
  r.last_result = old.last_result;
  r.updated_at = c.now_ms;
  c.store<storage::ReportScheduleStore>().update_schedule(r);
  return r;
}

void delete_schedule(Context& c, int64_t id) {
  require_role(c.actor, people::RoleCode::supervisor);
  require_scope(c.actor, "reports:write");
  reachable(c, id);
  c.store<storage::ReportScheduleStore>().delete_schedule(id);
}

storage::ReportSchedule get_schedule(Context& c, int64_t id) {
  require_role(c.actor, people::RoleCode::supervisor);
  require_scope(c.actor, "reports:read");
  return reachable(c, id);
}

std::vector<storage::ReportSchedule> list_schedules(Context& c, std::optional<int64_t> store_id) {
  require_role(c.actor, people::RoleCode::supervisor);
  require_scope(c.actor, "reports:read");
  if (store_id) {
    check_reach(c, store_id);
    return c.store<storage::ReportScheduleStore>().schedules({*store_id}, false);
  }
  std::vector<int64_t> stores = c.actor.store_ids;
  if (c.actor.is_admin()) {
    stores.clear();
    for (const auto& s : c.store<storage::OrgStore>().stores()) stores.push_back(s.id);
  }
  return c.store<storage::ReportScheduleStore>().schedules(stores, c.actor.is_admin());
}

std::vector<storage::ReportSchedule> schedules_due(Context& c, int limit) {
  return c.store<storage::ReportScheduleStore>().schedules_due(c.now_ms, limit);
}

PreparedRun prepare_run(Context& c, const storage::ReportSchedule& s) {
  PreparedRun run;
  run.schedule = s;
  const auto zone = zone_of(c, s.store_id);
  const auto f = reports::frequency_from(s.frequency).value_or(reports::Frequency::daily);
  const auto kind = reports::report_kind_from(s.report).value_or(reports::ReportKind::summary);
  run.next_run_at = reports::next_run_after(f, s.hour, zone, std::max(c.now_ms, s.next_run_at));
  const auto period = reports::period_before(f, s.next_run_at, zone);

  const auto system = run_actor(c, s, false);
  Context sc{c.stores, system, c.now_ms, c.segmenter};
  ServicePeriod p{s.store_id, period.from, period.to, period.from - (period.to - period.from), period.label};
  const auto summary = service_summary(sc, p);
  std::vector<Table> sheets;
  if (kind == reports::ReportKind::summary) {
    sheets = summary_tables(summary);
  } else if (kind == reports::ReportKind::sla) {
    sheets = {sla_table(sla_compliance(sc, period.from, period.to, sla::Dimension::type, s.store_id))};
  } else {
    const auto agent = run_actor(c, s, true);
    Context ac{c.stores, agent, c.now_ms, c.segmenter};
    TicketQuery q;
    q.filter.store_id = s.store_id;
    q.filter.created_from = period.from;
    q.filter.created_to = period.to;
    sheets = {ticket_table(ac, q, true)};
  }
  for (auto& t : sheets) t.time_zone = zone;
  const std::string bytes = xlsx_workbook(sheets);
  const std::string title = std::string(reports::name_zh(f)) + "｜" + s.name + "（" + period.label + "）";
  const std::string html = summary_html(summary, title);
  const std::string text = summary_text(summary, title);
  const std::string packed = notify::pack_attachments({{run_file_name(s, period.label), kXlsxType, bytes}});

  auto& org = c.store<storage::OrgStore>();
  int skipped = 0;
  for (const auto& text_recipient : s.recipients) {
    const auto rec = reports::parse_recipient(text_recipient);
    if (!rec) continue;
    std::string to = rec->email;
    if (rec->staff_id) {
      const auto staff = org.staff(*rec->staff_id);
      to = staff && staff->active ? staff->email : "";
    }
    if (to.empty()) {
      ++skipped;
      continue;
    }
    storage::OutboxEmail e;
    e.to = to;
    e.subject = "【" + std::string(reports::name_zh(f)) + "】" + s.name + " " + period.label;
    e.body = text;
    e.html = html;
    e.attachments = packed;
    e.created_at = e.next_attempt_at = c.now_ms;
    run.emails.push_back(std::move(e));
  }
  run.result = "已发送 " + std::to_string(run.emails.size()) + " 封";
  if (skipped) run.result += "，" + std::to_string(skipped) + " 位收件人没有邮箱";
  return run;
}

bool commit_run(Context& c, const PreparedRun& run) {
  if (!c.store<storage::ReportScheduleStore>().record_run(run.schedule.id, run.schedule.next_run_at, run.next_run_at,
                                                          c.now_ms, run.result))
    return false;
  auto& outbox = c.store<storage::OutboxStore>();
  for (const auto& e : run.emails) outbox.insert_email(e);
  return true;
}

}  // namespace kefu::app
