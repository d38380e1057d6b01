// Quality inspection's JSON answers (render.hpp).
#include "quality/api/render.hpp"

#include "core/api/json_io.hpp"
#include "quality/storage/qa_json.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json score(std::optional<int> x10) {
  if (!x10) return nullptr;
  return *x10 / 10.0;
}

json list_of(const auto& rows, auto fn) {
  json out = json::array();
  for (const auto& r : rows) out.push_back(fn(r));
  return out;
}

}  // namespace

json render_scorecard(const app::ScorecardInForce& s) {
  return {{"store_id", s.store_id},
          {"channel", s.card.channel.code()},
          {"version", s.version},
          {"source_store_id", s.source_store_id},
          {"source_version", s.source_version},
          {"defaults", !s.saved.has_value()},
          {"items", storage::items_json(s.card.items)},
          {"note", s.saved ? json(s.saved->note) : json(nullptr)},
          {"updated_by", s.saved ? json(s.saved->created_by) : json(nullptr)},
          {"updated_at", s.saved ? json(s.saved->created_at) : json(nullptr)}};
}

json render_scorecard_version(const storage::ScorecardVersion& v) {
  return {{"store_id", v.store_id},
          {"channel", v.card.channel.code()},
          {"version", v.version},
          {"items", storage::items_json(v.card.items)},
          {"note", v.note},
          {"created_by", v.created_by},
          {"created_at", v.created_at}};
}

json render_settings(const app::SettingsInForce& s) {
  auto out = storage::settings_json(s.settings);
  out["store_id"] = s.store_id;
  out["source_store_id"] = s.source_store_id;
  out["defaults"] = s.defaults;
  return out;
}

json render_inspection(const storage::Inspection& i) {
  return {{"id", i.id},
          {"store_id", i.store_id},
          {"subject_kind", i.subject_kind.code()},
          {"subject_id", i.subject_id},
          {"staff_id", i.staff_id},
          {"channel", i.channel.code()},
          {"reason", i.reason.code()},
          {"week_start", i.week_start},
          {"scorecard_store_id", i.scorecard_store_id},
          {"scorecard_version", i.scorecard_version},
          {"status", i.status.code()},
          {"inspector_id", or_null(i.inspector_id)},
          {"marks", storage::marks_json(i.marks)},
          {"score", score(i.score_x10)},
          {"red_line", i.red_line},
          {"summary", i.summary},
          {"first_score", score(i.first_score_x10)},
          {"appeal_due_at", or_null(i.appeal_due_at)},
          {"appeal_reason", i.appeal_reason},
          {"appealed_at", or_null(i.appealed_at)},
          {"decided_by", or_null(i.decided_by)},
          {"decision_note", i.decision_note},
          {"decided_at", or_null(i.decided_at)},
          {"acknowledged_at", or_null(i.acknowledged_at)},
          {"submitted_at", or_null(i.submitted_at)},
          {"created_at", i.created_at},
          {"version", i.version}};
}

json render_comment(const storage::QaComment& c) {
  return {{"id", c.id},     {"anchor", c.anchor},       {"anchor_id", or_null(c.anchor_id)}, {"item", c.item},
          {"body", c.body}, {"author_id", c.author_id}, {"created_at", c.created_at}};
}

json render_coaching(const app::CoachingView& v) {
  const auto& c = v.coaching;
  return {{"id", c.id},
          {"inspection_id", c.inspection_id},
          {"store_id", c.store_id},
          {"staff_id", c.staff_id},
          {"item", c.item},
          {"material_kind", c.material_kind.code()},
          {"material_id", c.material_id},
          {"note", c.note},
          {"due_at", c.due_at},
          {"assigned_by", c.assigned_by},
          {"created_at", c.created_at},
          {"acknowledged_at", or_null(c.acknowledged_at)},
          {"before", score(v.before_x10)},
          {"next_inspection_id", or_null(v.next_inspection_id)},
          {"after", score(v.after_x10)},
          {"improved", or_null(v.improved)}};
}

json render_inspection_view(const app::InspectionView& v) {
  auto out = render_inspection(v.inspection);
  out["scorecard"] = storage::items_json(v.card.items);
  out["comments"] = list_of(v.comments, render_comment);
  out["coaching"] = list_of(v.coaching, render_coaching);
  out["improvements"] = list_of(v.improvements, render_coaching);
  return out;
}

json render_sample(const app::SampleResult& r) {
  return {{"candidates", r.candidates},
          {"already_inspected", r.already_inspected},
          {"seed", std::to_string(r.seed)},
          {"items", list_of(r.added, render_inspection)}};
}

json render_calibration(const storage::Calibration& c) {
  return {{"id", c.id},
          {"store_id", c.store_id},
          {"subject_kind", c.subject_kind.code()},
          {"subject_id", c.subject_id},
          {"staff_id", c.staff_id},
          {"channel", c.channel.code()},
          {"scorecard_store_id", c.scorecard_store_id},
          {"scorecard_version", c.scorecard_version},
          {"title", c.title},
          {"status", c.status},
          {"final_marks", storage::marks_json(c.final_marks)},
          {"final_score", score(c.final_score_x10)},
          {"created_by", c.created_by},
          {"created_at", c.created_at},
          {"closed_at", or_null(c.closed_at)}};
}

json render_calibration_view(const app::CalibrationView& v) {
  auto out = render_calibration(v.calibration);
  out["scorecard"] = storage::items_json(v.card.items);
  out["marks_hidden"] = v.marks_hidden;
  out["scores"] = list_of(v.scores, [&](const storage::CalibrationScore& s) {
    return json{{"inspector_id", s.inspector_id},
                {"marks", storage::marks_json(s.marks)},
                {"score", v.marks_hidden ? json(nullptr) : json(s.score_x10 / 10.0)},
                {"red_line", s.red_line},
                {"submitted_at", s.submitted_at}};
  });
  out["spread"] = list_of(v.spread, [](const quality::Spread& s) {
    json shares = json::array();
    for (int x : s.shares_x10) shares.push_back(x / 10.0);
    return json{{"item", s.item.empty() ? json(nullptr) : json(s.item)},
                {"values", shares},
                {"range", s.range_x10 / 10.0},
                {"stddev", s.stddev}};
  });
  return out;
}

json render_report(const app::QaReport& r) {
  return {{"by_staff", list_of(r.by_staff,
                               [](const app::StaffQa& s) {
                                 return json{{"staff_id", s.staff_id},
                                             {"average_score", s.average_score},
                                             {"inspections", s.inspections},
                                             {"red_lines", s.red_lines}};
                               })},
          {"by_item", list_of(r.by_item, [](const app::ItemQa& i) {
             return json{{"channel", i.channel},
                         {"item", i.item},
                         {"name", i.name},
                         {"red_line", i.red_line},
                         {"marked", i.marked},
                         {"failed", i.failed},
                         {"average_share", i.average_share}};
           })}};
}

}  // namespace kefu::api
