#pragma once
// Calibration sessions (校准): inspectors of a store score the same ticket or chat on
// the same scorecard, see each one's marks side by side and the spread per item, and
// close the session with the marks they agreed on.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "quality/domain/calibration.hpp"
#include "quality/storage/calibration_store.hpp"

namespace kefu::app {

struct CalibrationView {
  storage::Calibration calibration;
  quality::Scorecard card;
  // Each inspector's score; until the caller has scored (or the session is closed) the
  // others' marks are hidden (empty) so that nobody copies, only who has scored shows.
  std::vector<storage::CalibrationScore> scores;
  bool marks_hidden = false;
  std::vector<quality::Spread> spread;  // empty while hidden
};

// Supervisors and above of the inspection's store, quality:write: a session on the
// subject of an inspection (its channel kind and scorecard version). Audited.
CalibrationView create_calibration(Context&, int64_t inspection_id, const std::string& title);

// quality:read, supervisors and above of the store (404 outside it).
CalibrationView calibration_view(Context&, int64_t id);
std::vector<storage::Calibration> list_calibrations(Context&, std::optional<int64_t> store_id);

// The caller's own score (again: replaces it) while the session is open; nobody scores
// their own work. quality:write, supervisors and above.
CalibrationView score_calibration(Context&, int64_t id, const std::vector<quality::Mark>&);

// Closes with the agreed marks. quality:write, supervisors and above. Audited.
CalibrationView close_calibration(Context&, int64_t id, const std::vector<quality::Mark>& agreed);

}  // namespace kefu::app
