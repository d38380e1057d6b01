// CalibrationStore over SQL (tables qa_calibrations, qa_calibration_scores), the same on
// SQLite and PostgreSQL.
#include "quality/storage/calibration_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "quality/storage/qa_json.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "SELECT id, store_id, subject_kind, subject_id, staff_id, channel, scorecard_store_id, scorecard_version, title, "
    "status, final_marks, final_score_x10, created_by, created_at, closed_at FROM qa_calibrations";

std::vector<quality::Mark> marks_of(const std::string& text) {
  auto doc = nlohmann::json::parse(text, nullptr, false);
  return doc.is_array() ? marks_from_json(doc) : std::vector<quality::Mark>{};
}

template <class Stmt>
Calibration read_calibration(const Stmt& s) {
  Calibration c;
  c.id = s.i64(0);
  c.store_id = s.i64(1);
  c.subject_kind = quality::SubjectKind::of(s.text(2));
  c.subject_id = s.i64(3);
  c.staff_id = s.i64(4);
  c.channel = quality::ChannelKind::of(s.text(5));
  c.scorecard_store_id = s.i64(6);
  c.scorecard_version = s.i64(7);
  c.title = s.text(8);
  c.status = s.text(9);
  c.final_marks = marks_of(s.text(10));
  if (auto v = s.opt_i64(11)) c.final_score_x10 = static_cast<int>(*v);
  c.created_by = s.i64(12);
  c.created_at = s.i64(13);
  c.closed_at = s.opt_i64(14);
  return c;
}

std::optional<int64_t> wide(std::optional<int> v) {
  if (!v) return std::nullopt;
  return *v;
}

template <class D>
class SqlCalibrationStore final : public CalibrationStore {
 public:
  SqlCalibrationStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void insert_calibration(Calibration& c) override {
    c.id = D::insert(db_,
                     "INSERT INTO qa_calibrations(store_id, subject_kind, subject_id, staff_id, channel, "
                     "scorecard_store_id, scorecard_version, title, status, final_marks, final_score_x10, "
                     "created_by, created_at, closed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     c.store_id, c.subject_kind, c.subject_id, c.staff_id, c.channel, c.scorecard_store_id,
                     c.scorecard_version, c.title, c.status, marks_json(c.final_marks).dump(), wide(c.final_score_x10),
                     c.created_by, c.created_at, c.closed_at);
  }

  std::optional<Calibration> calibration(int64_t id) override {
    auto s = db_.prepare(kCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_calibration(*s);
  }

  void update_calibration(const Calibration& c) override {
    db_.prepare("UPDATE qa_calibrations SET status=?, final_marks=?, final_score_x10=?, closed_at=? WHERE id=?")
        ->bind_all(c.status, marks_json(c.final_marks).dump(), wide(c.final_score_x10), c.closed_at, c.id)
        .run();
  }

  std::vector<Calibration> list_calibrations(const std::vector<int64_t>& store_ids, int limit) override {
    std::string where = " WHERE 1=1";
    std::vector<Value> args;
    add_in(where, args, "store_id", store_ids);
    auto s = db_.prepare(kCols + where + " ORDER BY id DESC LIMIT ?");
    s->bind(bind_values(*s, args), static_cast<int64_t>(limit));
    std::vector<Calibration> out;
    while (s->step()) out.push_back(read_calibration(*s));
    return out;
  }

  void put_calibration_score(const CalibrationScore& c) override {
    db_.prepare(
           "INSERT INTO qa_calibration_scores(calibration_id, inspector_id, marks, score_x10, red_line, "
           "submitted_at) VALUES (?,?,?,?,?,?) ON CONFLICT(calibration_id, inspector_id) DO UPDATE SET "
           "marks = excluded.marks, score_x10 = excluded.score_x10, red_line = excluded.red_line, "
           "submitted_at = excluded.submitted_at")
        ->bind_all(c.calibration_id, c.inspector_id, marks_json(c.marks).dump(), static_cast<int64_t>(c.score_x10),
                   static_cast<int64_t>(c.red_line ? 1 : 0), c.submitted_at)
        .run();
  }

  std::vector<CalibrationScore> calibration_scores(int64_t calibration_id) override {
    auto s = db_.prepare(
        "SELECT calibration_id, inspector_id, marks, score_x10, red_line, submitted_at FROM qa_calibration_scores "
        "WHERE calibration_id = ? ORDER BY inspector_id");
    s->bind(1, calibration_id);
    std::vector<CalibrationScore> out;
    while (s->step())
      out.push_back(
          {s->i64(0), s->i64(1), marks_of(s->text(2)), static_cast<int>(s->i64(3)), s->i64(4) != 0, s->i64(5)});
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<CalibrationStore> CalibrationStore::open(Stores& s) {
  return make_store<CalibrationStore, SqlCalibrationStore>(s);
}

}  // namespace kefu::storage
