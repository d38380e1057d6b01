#include "performance/app/staff_records.hpp"

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "performance/app/kpi_rules.hpp"
#include "performance/domain/errors.hpp"
#include "performance/domain/month.hpp"
#include "performance/storage/performance_store.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

using performance::StaffRecord;

nlohmann::json snapshot(const StaffRecord& r) {
  return {{"kind", r.kind.code()},         {"about_staff_id", r.about_staff_id},        {"summary", r.summary},
          {"outcome", r.outcome.code()},   {"responsibility", r.responsibility.code()}, {"action", r.action.code()},
          {"review_notes", r.review_notes}};
}

Error not_found() { return make_error(errors::kNotFound, {{"what", Text("员工投诉/表扬记录", "staff record")}}); }

StaffRecord visible_record(Context& c, int64_t id) {
  auto r = c.store<storage::PerformanceStore>().record(id);
  if (!r || !c.actor.in_store(r->store_id)) throw not_found();
  if (!c.actor.at_least("supervisor") && r->about_staff_id != c.actor.staff_id)
    throw make_error(errors::kForbidden, {{"reason", Text("只能查看针对本人的记录", "only your own records")}});
  return *r;
}

}  // namespace

StaffRecord record_staff(Context& c, int64_t ticket_id, int64_t about_staff_id, const std::string& summary) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
  check_text("summary", summary, 500, false);
  auto t = ticket_in_store(c, ticket_id);
  if (t.type != "complaint" && t.type != "praise") throw make_error(errors::kNotComplaintOrPraise);
  auto person = c.store<storage::OrgStore>().staff(about_staff_id);
  if (!person || std::find(person->store_ids.begin(), person->store_ids.end(), t.store_id) == person->store_ids.end())
    throw make_error(errors::kUnknownReference, {{"what", Text("员工", "staff member")}}, "about_staff_id");
  StaffRecord r{
      .store_id = t.store_id,
      .ticket_id = t.id,
      .kind = t.type == "complaint" ? performance::RecordKind("complaint") : performance::RecordKind("praise"),
      .about_staff_id = about_staff_id,
      .summary = summary,
      .recorded_by = c.actor.staff_id,
      .created_at = c.now_ms};
  if (!c.store<storage::PerformanceStore>().insert_record(r)) throw make_error(errors::kAlreadyRecorded);
  const std::string what = r.kind == "complaint" ? "被投诉员工" : "被表扬员工";
  record_event(c, t.id, "note", "记录" + what + "：" + person->display_name + (summary.empty() ? "" : "——" + summary),
               {{"staff_record_id", r.id}, {"about_staff_id", about_staff_id}, {"kind", r.kind.code()}}, false);
  audit(c, "staff_record.create", "staff_record", r.id, nullptr, snapshot(r));
  return r;
}

StaffRecord review_complaint(Context& c, int64_t id, const Review& v) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
  auto r = visible_record(c, id);
  if (r.kind != "complaint") throw make_error(errors::kNotAComplaint);
  if (r.about_staff_id == c.actor.staff_id)
    throw make_error(errors::kForbidden,
                     {{"reason", Text("不能核实针对本人的投诉", "nobody reviews a complaint against themselves")}});
  if (v.outcome == "pending")
    throw make_error(errors::kInvalidField,
                     {{"field", "outcome"}, {"problem", Text("请选择核实结果", "choose an outcome")}}, "outcome");
  check_text("notes", v.notes, 1000, false);
  if (v.version && *v.version != r.version)
    throw make_error(errors::kVersionConflict, {{"what", Text("投诉记录", "staff record")}, {"version", r.version}});
  const auto before = snapshot(r);
  const int64_t expected = r.version;
  r.outcome = v.outcome;
  r.responsibility = v.responsibility;
  r.action = v.action;
  r.review_notes = v.notes;
  r.reviewer_id = c.actor.staff_id;
  r.reviewed_at = c.now_ms;
  r.version = expected + 1;
  if (!c.store<storage::PerformanceStore>().update_review(r, expected))
    throw make_error(errors::kVersionConflict, {{"what", Text("投诉记录", "staff record")}, {"version", r.version}});
  audit(c, "staff_record.review", "staff_record", r.id, before, snapshot(r));
  notify(c, {r.about_staff_id},
         {.kind = "staff_complaint_review",
          .ticket_id = r.ticket_id,
          .title = "针对您的投诉已核实：" + std::string(r.outcome.zh()),
          .body = "处理：" + std::string(r.action.zh()) + (v.notes.empty() ? "" : "\n说明：" + v.notes),
          .data = {{"staff_record_id", r.id}, {"outcome", r.outcome.code()}}});
  return r;
}

StaffRecord staff_record(Context& c, int64_t id) {
  require_scope(c.actor, "quality:read");
  return visible_record(c, id);
}

std::vector<StaffRecord> ticket_staff_records(Context& c, int64_t ticket_id) {
  require_scope(c.actor, "quality:read");
  auto t = ticket_in_store(c, ticket_id);
  auto out = c.store<storage::PerformanceStore>().ticket_records(t.id);
  if (!c.actor.at_least("supervisor"))
    std::erase_if(out, [&](const StaffRecord& r) { return r.about_staff_id != c.actor.staff_id; });
  return out;
}

std::vector<StaffRecord> staff_records(Context& c, const StaffRecordQuery& q) {
  require_scope(c.actor, "quality:read");
  require_store(c, q.store_id);
  storage::StaffRecordFilter f{.store_ids = {q.store_id},
                               .about_staff_id = q.staff_id,
                               .kind = q.kind,
                               .outcome = q.outcome,
                               .limit = std::clamp(q.limit, 1, 1000)};
  if (!c.actor.at_least("supervisor")) f.about_staff_id = c.actor.staff_id;
  if (q.kind) parse_enum<performance::RecordKind>("kind", *q.kind);
  if (q.outcome) parse_enum<performance::Outcome>("outcome", *q.outcome);
  if (q.month) {
    auto m = performance::parse_month(*q.month);
    if (!m) throw make_error(errors::kInvalidMonth, {}, "month");
    const auto cal = store_calendar(c.stores, q.store_id);
    const auto span = performance::month_span(*m, cal ? cal->spec().time_zone : "Asia/Shanghai");
    f.from = span.from;
    f.to = span.to;
  }
  return c.store<storage::PerformanceStore>().records(f);
}

}  // namespace kefu::app
