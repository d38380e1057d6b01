#pragma once
// Quality inspection's JSON answers: every entity's fields are listed once, here.
// Scores go out as numbers of 0 … 100 with one decimal (score_x10 / 10).
#include <nlohmann/json.hpp>

#include "quality/app/calibration.hpp"
#include "quality/app/coaching.hpp"
#include "quality/app/inspections.hpp"
#include "quality/app/qa_summary.hpp"
#include "quality/app/sampling.hpp"
#include "quality/app/scorecards.hpp"

namespace kefu::api {

nlohmann::json render_scorecard(const app::ScorecardInForce&);
nlohmann::json render_scorecard_version(const storage::ScorecardVersion&);
nlohmann::json render_settings(const app::SettingsInForce&);
nlohmann::json render_inspection(const storage::Inspection&);
nlohmann::json render_inspection_view(const app::InspectionView&);
nlohmann::json render_comment(const storage::QaComment&);
nlohmann::json render_coaching(const app::CoachingView&);
nlohmann::json render_sample(const app::SampleResult&);
nlohmann::json render_calibration(const storage::Calibration&);
nlohmann::json render_calibration_view(const app::CalibrationView&);
nlohmann::json render_report(const app::QaReport&);

}  // namespace kefu::api
