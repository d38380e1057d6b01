// Calibration sessions (calibration.hpp).
#include "quality/app/calibration.hpp"

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "quality/app/inspections.hpp"
#include "quality/app/scorecards.hpp"
#include "quality/domain/errors.hpp"
#include "quality/storage/qa_json.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

storage::Calibration in_reach(Context& c, int64_t id) {
  auto s = c.store<storage::CalibrationStore>().calibration(id);
  if (!s || !c.actor.in_store(s->store_id))
    throw make_error(errors::kNotFound, {{"what", Text("校准", "calibration")}});
  return *s;
}

CalibrationView view_of(Context& c, storage::Calibration s) {
  CalibrationView v;
  v.card = scorecard_of(c, s.scorecard_store_id, s.channel, s.scorecard_version);
  v.scores = c.store<storage::CalibrationStore>().calibration_scores(s.id);
  const bool scored = std::any_of(v.scores.begin(), v.scores.end(), [&](const storage::CalibrationScore& x) {
    return x.inspector_id == c.actor.staff_id;
  });
  v.marks_hidden = s.status == "open" && !scored;
  if (v.marks_hidden) {
    for (auto& x : v.scores) {
      x.marks.clear();
      x.score_x10 = 0;
      x.red_line = false;
    }
  } else {
    std::vector<std::vector<quality::Mark>> marks;
    for (const auto& x : v.scores) marks.push_back(x.marks);
    if (!marks.empty()) v.spread = quality::spread(v.card, marks);
  }
  v.calibration = std::move(s);
  return v;
}

void require_inspector(Context& c) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
}

}  // namespace

CalibrationView create_calibration(Context& c, int64_t inspection_id, const std::string& title) {
  require_inspector(c);
  check_text("title", title, 100, true);
  auto i = inspection_in_reach(c, inspection_id);
  storage::Calibration s;
  s.store_id = i.store_id;
  s.subject_kind = i.subject_kind;
  s.subject_id = i.subject_id;
  s.staff_id = i.staff_id;
  s.channel = i.channel;
  s.scorecard_store_id = i.scorecard_store_id;
  s.scorecard_version = i.scorecard_version;
  s.title = title;
  s.status = "open";
  s.created_by = c.actor.staff_id;
  s.created_at = c.now_ms;
  c.store<storage::CalibrationStore>().insert_calibration(s);
  audit(c, "qa_calibration.create", "qa_calibration", s.id, nullptr,
        {{"inspection_id", i.id},
         {"subject_kind", s.subject_kind.code()},
         {"subject_id", s.subject_id},
         {"title", title}});
  return view_of(c, s);
}

CalibrationView calibration_view(Context& c, int64_t id) {
  require_scope(c.actor, "quality:read");
  require_role(c.actor, "supervisor");
  return view_of(c, in_reach(c, id));
}

std::vector<storage::Calibration> list_calibrations(Context& c, std::optional<int64_t> store_id) {
  require_scope(c.actor, "quality:read");
  require_role(c.actor, "supervisor");
  std::vector<int64_t> stores;
  if (store_id) {
    require_qa_store(c, *store_id, false);
    stores = {*store_id};
  } else if (!c.actor.is_admin()) {
    stores = c.actor.store_ids;
    if (stores.empty()) return {};
  }
  return c.store<storage::CalibrationStore>().list_calibrations(stores, 200);
}

CalibrationView score_calibration(Context& c, int64_t id, const std::vector<quality::Mark>& marks) {
  require_inspector(c);
  auto s = in_reach(c, id);
  if (s.status != "open") throw make_error(errors::kQaCalibrationClosed);
  if (s.staff_id == c.actor.staff_id) throw make_error(errors::kQaOwnWork);
  auto card = scorecard_of(c, s.scorecard_store_id, s.channel, s.scorecard_version);
  auto score = quality::score(card, marks);
  c.store<storage::CalibrationStore>().put_calibration_score(
      {s.id, c.actor.staff_id, marks, score.score_x10, score.red_line, c.now_ms});
  return view_of(c, s);
}

CalibrationView close_calibration(Context& c, int64_t id, const std::vector<quality::Mark>& agreed) {
  require_inspector(c);
  auto s = in_reach(c, id);
  if (s.status != "open") throw make_error(errors::kQaCalibrationClosed);
  auto card = scorecard_of(c, s.scorecard_store_id, s.channel, s.scorecard_version);
  auto score = quality::score(card, agreed);
  s.status = "closed";
  s.final_marks = agreed;
  s.final_score_x10 = score.score_x10;
  s.closed_at = c.now_ms;
  c.store<storage::CalibrationStore>().update_calibration(s);
  audit(c, "qa_calibration.close", "qa_calibration", s.id, nullptr,
        {{"final_score_x10", score.score_x10}, {"marks", storage::marks_json(agreed)}});
  return view_of(c, s);
}

}  // namespace kefu::app
