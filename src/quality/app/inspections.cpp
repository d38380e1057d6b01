// Inspections, comments, acknowledgement, appeal and decision (inspections.hpp).
#include "quality/app/inspections.hpp"

#include <algorithm>
#include <set>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "quality/app/scorecards.hpp"
#include "quality/domain/errors.hpp"
#include "quality/domain/inspection_status.hpp"
#include "quality/storage/qa_json.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kDay = 86'400'000;
constexpr std::size_t kCommentMax = 500;
constexpr std::size_t kSummaryMax = 1000;

Error not_found() { return make_error(errors::kNotFound, {{"what", Text("质检记录", "inspection")}}); }

nlohmann::json snapshot(const storage::Inspection& i) {
  return {{"status", i.status.code()},
          {"score_x10", i.score_x10 ? nlohmann::json(*i.score_x10) : nlohmann::json(nullptr)},
          {"red_line", i.red_line},
          {"marks", storage::marks_json(i.marks)},
          {"appeal_reason", i.appeal_reason},
          {"decision_note", i.decision_note}};
}

bool is_agent_of(const people::Actor& a, const storage::Inspection& i) {
  return a.staff_id == i.staff_id || a.is_admin();  // an admin may act for the agent
}

quality::Who who(const people::Actor& a, const storage::Inspection& i) {
  return {.is_agent = a.staff_id == i.staff_id,
          .is_inspector = a.at_least("supervisor") && a.has_scope("quality:write"),
          .first_inspector = i.inspector_id && *i.inspector_id == a.staff_id};
}

std::string status_zh(quality::Status s) { return std::string(s.term().zh); }
std::string status_en(quality::Status s) { return std::string(s.term().en); }

quality::Status move(Context& c, const storage::Inspection& i, quality::Move m, quality::Who w) {
  auto r = quality::check_move(i.status, m, w, c.now_ms, i.appeal_due_at);
  if (r.refusal.empty()) return r.next;
  const std::string mv(quality::move_code(m));
  if (r.refusal == "qa_wrong_state")
    throw make_error(errors::kQaWrongState,
                     {{"status", Text(status_zh(i.status), status_en(i.status))}, {"move", Text(mv)}});
  if (r.refusal == "qa_appeal_closed")
    throw make_error(errors::kQaAppealClosed, {{"due", std::to_string(i.appeal_due_at.value_or(0))}});
  if (r.refusal == "qa_not_yours") throw make_error(errors::kQaNotYours, {{"move", Text(mv)}});
  if (r.refusal == "qa_same_inspector") throw make_error(errors::kQaSameInspector);
  if (r.refusal == "qa_own_work") throw make_error(errors::kQaOwnWork);
  throw make_error(errors::kForbidden);
}

void save(Context& c, storage::Inspection& i) {
  const int64_t expected = i.version;
  i.version = expected + 1;
  i.updated_at = c.now_ms;
  if (!c.store<storage::InspectionStore>().update_inspection(i, expected))
    throw make_error(errors::kVersionConflict, {{"what", Text("质检记录", "inspection")}});
}

void check_comment(const storage::Inspection& i, const CommentInput& in, const quality::Scorecard& card,
                   const std::string& field) {
  check_text(field + ".body", in.body, kCommentMax, true);
  const bool anchored = in.anchor == "event" || in.anchor == "message";
  check_enum(field + ".anchor", in.anchor, anchored || in.anchor.empty());
  auto fit = [&](bool ok, const Text& problem) {
    if (!ok) throw make_error(errors::kInvalidField, {{"field", field + ".anchor"}, {"problem", problem}}, field);
  };
  fit(!anchored || (in.anchor_id && *in.anchor_id > 0), Text("需要消息或事件编号", "anchor_id is required"));
  fit(in.anchor != "event" || i.subject_kind == "ticket", Text("工单事件只能用于工单", "events belong to tickets"));
  fit(in.anchor != "message" || i.subject_kind == "conversation",
      Text("会话消息只能用于在线会话", "messages belong to conversations"));
  if (!in.item.empty() &&
      std::none_of(card.items.begin(), card.items.end(), [&](const quality::Item& x) { return x.id == in.item; }))
    throw make_error(errors::kInvalidField,
                     {{"field", field + ".item"}, {"problem", Text("评分表中没有这一项", "no such item")}},
                     field + ".item");
}

storage::QaComment insert_comment(Context& c, const storage::Inspection& i, const CommentInput& in) {
  storage::QaComment out{0,       i.id,    in.anchor,        in.anchor.empty() ? std::nullopt : in.anchor_id,
                         in.item, in.body, c.actor.staff_id, c.now_ms};
  c.store<storage::InspectionStore>().insert_qa_comment(out);
  return out;
}

std::string score_text(const storage::Inspection& i) {
  int s = i.score_x10.value_or(0);
  return std::to_string(s / 10) + (s % 10 ? "." + std::to_string(s % 10) : "");
}

void tell_agent(Context& c, const storage::Inspection& i, const std::string& title, const std::string& kind) {
  Notice n;
  n.kind = kind;
  if (i.subject_kind == "ticket") n.ticket_id = i.subject_id;
  n.title = title;
  n.body = i.red_line ? "触犯红线，本次得分为 0" : "得分 " + score_text(i);
  n.data = {{"inspection_id", i.id}};
  notify(c, {i.staff_id}, n);
}

}  // namespace

storage::Inspection inspection_in_reach(Context& c, int64_t id) {
  auto i = c.store<storage::InspectionStore>().inspection(id);
  if (!i || !c.actor.in_store(i->store_id)) throw not_found();
  return *i;
}

std::vector<storage::Inspection> list_inspections(Context& c, const InspectionQuery& q) {
  require_scope(c.actor, "quality:read");
  storage::InspectionFilter f;
  f.limit = std::clamp(q.limit, 1, 500);
  if (q.status) check_enum("status", *q.status, quality::Status::parse(*q.status).has_value());
  if (q.store_id) {
    require_qa_store(c, *q.store_id, false);
    f.store_ids = {*q.store_id};
  } else if (!c.actor.is_admin()) {
    f.store_ids = c.actor.store_ids;
    if (f.store_ids.empty()) return {};
  }
  if (q.status) f.statuses = {*q.status};
  f.staff_id = q.staff_id;
  if (q.mine || !c.actor.at_least("supervisor")) {
    f.staff_id = c.actor.staff_id;
    auto out = c.store<storage::InspectionStore>().list_inspections(f);
    std::erase_if(out, [](const storage::Inspection& i) { return i.status == "queued"; });
    return out;
  }
  return c.store<storage::InspectionStore>().list_inspections(f);
}

InspectionView inspection_view(Context& c, int64_t id) {
  require_scope(c.actor, "quality:read");
  auto i = inspection_in_reach(c, id);
  const bool own = i.staff_id == c.actor.staff_id;
  if (!own && !c.actor.at_least("supervisor")) throw make_error(errors::kForbidden);
  if (own && !c.actor.at_least("supervisor") && i.status == "queued") throw not_found();
  InspectionView v;
  v.card = scorecard_of(c, i.scorecard_store_id, i.channel, i.scorecard_version);
  v.comments = c.store<storage::InspectionStore>().qa_comments(i.id);
  auto& coaching = c.store<storage::CoachingStore>();
  v.coaching = coaching_views(c, coaching.list_coaching({.inspection_id = i.id}));
  for (auto& cv : coaching_views(c, coaching.list_coaching({.staff_id = i.staff_id, .limit = 50})))
    if (cv.next_inspection_id == i.id) v.improvements.push_back(cv);
  v.inspection = std::move(i);
  return v;
}

storage::Inspection submit_inspection(Context& c, int64_t id, const SubmitInput& in) {
  require_scope(c.actor, "quality:write");
  auto i = inspection_in_reach(c, id);
  auto next = move(c, i, quality::Move::submit, who(c.actor, i));
  check_text("summary", in.summary, kSummaryMax, false);
  auto card = scorecard_of(c, i.scorecard_store_id, i.channel, i.scorecard_version);
  for (std::size_t k = 0; k < in.comments.size(); ++k)
    check_comment(i, in.comments[k], card, "comments[" + std::to_string(k) + "]");
  auto s = quality::score(card, in.marks);
  const auto before = snapshot(i);
  i.status = next;
  i.inspector_id = c.actor.staff_id;
  i.marks = in.marks;
  i.score_x10 = s.score_x10;
  i.red_line = s.red_line;
  i.summary = in.summary;
  i.submitted_at = c.now_ms;
  i.appeal_due_at = c.now_ms + qa_settings(c, i.store_id).settings.appeal_days * kDay;
  save(c, i);
  for (const auto& cm : in.comments) insert_comment(c, i, cm);
  audit(c, "qa_inspection.submit", "qa_inspection", i.id, before, snapshot(i));
  tell_agent(c, i, "质检结果已出，请查看并确认", "qa_result");
  return i;
}

storage::QaComment add_qa_comment(Context& c, int64_t id, const CommentInput& in) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
  auto i = inspection_in_reach(c, id);
  if (i.staff_id == c.actor.staff_id) throw make_error(errors::kQaOwnWork);
  check_comment(i, in, scorecard_of(c, i.scorecard_store_id, i.channel, i.scorecard_version), "comment");
  auto out = insert_comment(c, i, in);
  audit(c, "qa_inspection.comment", "qa_inspection", i.id, nullptr,
        {{"anchor", in.anchor},
         {"anchor_id", out.anchor_id ? nlohmann::json(*out.anchor_id) : nullptr},
         {"item", in.item},
         {"body", in.body}});
  return out;
}

storage::Inspection acknowledge_inspection(Context& c, int64_t id) {
  require_scope(c.actor, "quality:write");
  auto i = inspection_in_reach(c, id);
  auto w = who(c.actor, i);
  w.is_agent = is_agent_of(c.actor, i);
  auto next = move(c, i, quality::Move::acknowledge, w);
  const auto before = snapshot(i);
  i.status = next;
  i.acknowledged_at = c.now_ms;
  save(c, i);
  audit(c, "qa_inspection.acknowledge", "qa_inspection", i.id, before, snapshot(i));
  return i;
}

storage::Inspection appeal_inspection(Context& c, int64_t id, const std::string& reason) {
  require_scope(c.actor, "quality:write");
  auto i = inspection_in_reach(c, id);
  auto w = who(c.actor, i);
  w.is_agent = is_agent_of(c.actor, i);
  auto next = move(c, i, quality::Move::appeal, w);
  check_text("reason", reason, kCommentMax, true);
  const auto before = snapshot(i);
  i.status = next;
  i.appeal_reason = reason;
  i.appealed_at = c.now_ms;
  save(c, i);
  audit(c, "qa_inspection.appeal", "qa_inspection", i.id, before, snapshot(i));
  std::set<int64_t> to;
  for (const char* role : {"supervisor", "manager"})
    for (const auto& s : c.store<storage::OrgStore>().staff_in_store(i.store_id, role))
      if (s.id != i.inspector_id.value_or(0) && s.id != i.staff_id) to.insert(s.id);
  Notice n{"qa_appeal", std::nullopt, "质检申诉待处理", reason, {{"inspection_id", i.id}}};
  if (i.subject_kind == "ticket") n.ticket_id = i.subject_id;
  notify(c, {to.begin(), to.end()}, n);
  return i;
}

storage::Inspection decide_appeal(Context& c, int64_t id, const AppealDecision& d) {
  require_scope(c.actor, "quality:write");
  auto i = inspection_in_reach(c, id);
  auto next = move(c, i, d.accept ? quality::Move::accept : quality::Move::uphold, who(c.actor, i));
  check_text("note", d.note, kCommentMax, true);
  const auto before = snapshot(i);
  if (d.accept) {
    if (!d.marks) throw make_error(errors::kRequired, {{"what", Text("重新评分", "the new marks")}}, "marks");
    auto s = quality::score(scorecard_of(c, i.scorecard_store_id, i.channel, i.scorecard_version), *d.marks);
    i.first_score_x10 = i.score_x10;
    i.marks = *d.marks;
    i.score_x10 = s.score_x10;
    i.red_line = s.red_line;
  }
  i.status = next;
  i.decided_by = c.actor.staff_id;
  i.decision_note = d.note;
  i.decided_at = c.now_ms;
  save(c, i);
  audit(c, d.accept ? "qa_inspection.accept" : "qa_inspection.uphold", "qa_inspection", i.id, before, snapshot(i));
  tell_agent(c, i, d.accept ? "申诉成立，已重新评分" : "申诉未通过，原评分维持", "qa_appeal_decided");
  return i;
}

}  // namespace kefu::app
