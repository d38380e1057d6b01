#pragma once
// Calibration sessions (校准): several inspectors score the same ticket or conversation.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "quality/domain/scorecard.hpp"
#include "quality/domain/vocabulary.hpp"

namespace kefu::storage {

struct Calibration {
  int64_t id = 0;
  int64_t store_id = 0;
  quality::SubjectKind subject_kind;
  int64_t subject_id = 0;
  int64_t staff_id = 0;  // the agent whose work it is
  quality::ChannelKind channel;
  int64_t scorecard_store_id = 0;
  int64_t scorecard_version = 0;
  std::string title;
  std::string status;                      // "open" | "closed"
  std::vector<quality::Mark> final_marks;  // the agreed marks, once closed
  std::optional<int> final_score_x10;
  int64_t created_by = 0;
  int64_t created_at = 0;
  std::optional<int64_t> closed_at;
  friend bool operator==(const Calibration&, const Calibration&) = default;
};

struct CalibrationScore {
  int64_t calibration_id = 0;
  int64_t inspector_id = 0;
  std::vector<quality::Mark> marks;
  int score_x10 = 0;
  bool red_line = false;
  int64_t submitted_at = 0;
  friend bool operator==(const CalibrationScore&, const CalibrationScore&) = default;
};

class CalibrationStore : public Store {
 public:
  static std::unique_ptr<CalibrationStore> open(Stores&);

  // Sets c.id.
  virtual void insert_calibration(Calibration& c) = 0;
  virtual std::optional<Calibration> calibration(int64_t id) = 0;
  // Writes status, final marks and score, closed_at.
  virtual void update_calibration(const Calibration&) = 0;
  // Newest first; store_ids empty: every store.
  virtual std::vector<Calibration> list_calibrations(const std::vector<int64_t>& store_ids, int limit) = 0;
  // Inserts or replaces the inspector's score.
  virtual void put_calibration_score(const CalibrationScore&) = 0;
  // By inspector id.
  virtual std::vector<CalibrationScore> calibration_scores(int64_t calibration_id) = 0;
};

}  // namespace kefu::storage
