// InspectionStore over SQL (tables qa_inspections, qa_comments), the same on SQLite and PostgreSQL.
#include "quality/storage/inspection_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "quality/storage/qa_json.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "SELECT id, store_id, subject_kind, subject_id, staff_id, channel, reason, week_start, scorecard_store_id, "
    "scorecard_version, status, inspector_id, marks, score_x10, red_line, summary, first_score_x10, appeal_due_at, "
    "appeal_reason, appealed_at, decided_by, decision_note, decided_at, acknowledged_at, submitted_at, created_at, "
    "updated_at, version FROM qa_inspections";

std::optional<int> opt_int(std::optional<int64_t> v) {
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<int64_t> opt_wide(std::optional<int> v) {
  if (!v) return std::nullopt;
  return *v;
}

template <class Stmt>
Inspection read_inspection(const Stmt& s) {
  Inspection i;
  i.id = s.i64(0);
  i.store_id = s.i64(1);
  i.subject_kind = quality::SubjectKind::of(s.text(2));
  i.subject_id = s.i64(3);
  i.staff_id = s.i64(4);
  i.channel = quality::ChannelKind::of(s.text(5));
  i.reason = quality::Reason::of(s.text(6));
  i.week_start = s.i64(7);
  i.scorecard_store_id = s.i64(8);
  i.scorecard_version = s.i64(9);
  i.status = quality::Status::of(s.text(10));
  i.inspector_id = s.opt_i64(11);
  auto marks = nlohmann::json::parse(s.text(12), nullptr, false);
  if (marks.is_array()) i.marks = marks_from_json(marks);
  i.score_x10 = opt_int(s.opt_i64(13));
  i.red_line = s.i64(14) != 0;
  i.summary = s.text(15);
  i.first_score_x10 = opt_int(s.opt_i64(16));
  i.appeal_due_at = s.opt_i64(17);
  i.appeal_reason = s.text(18);
  i.appealed_at = s.opt_i64(19);
  i.decided_by = s.opt_i64(20);
  i.decision_note = s.text(21);
  i.decided_at = s.opt_i64(22);
  i.acknowledged_at = s.opt_i64(23);
  i.submitted_at = s.opt_i64(24);
  i.created_at = s.i64(25);
  i.updated_at = s.i64(26);
  i.version = s.i64(27);
  return i;
}

template <class D>
class SqlInspectionStore final : public InspectionStore {
 public:
  SqlInspectionStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void insert_inspection(Inspection& i) override {
    i.id = D::insert(db_,
                     "INSERT INTO qa_inspections(store_id, subject_kind, subject_id, staff_id, channel, reason, "
                     "week_start, scorecard_store_id, scorecard_version, status, inspector_id, marks, score_x10, "
                     "red_line, summary, first_score_x10, appeal_due_at, appeal_reason, appealed_at, decided_by, "
                     "decision_note, decided_at, acknowledged_at, submitted_at, created_at, updated_at, version) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     i.store_id, i.subject_kind, i.subject_id, i.staff_id, i.channel, i.reason, i.week_start,
                     i.scorecard_store_id, i.scorecard_version, i.status, i.inspector_id, marks_json(i.marks).dump(),
                     opt_wide(i.score_x10), static_cast<int64_t>(i.red_line ? 1 : 0), i.summary,
                     opt_wide(i.first_score_x10), i.appeal_due_at, i.appeal_reason, i.appealed_at, i.decided_by,
                     i.decision_note, i.decided_at, i.acknowledged_at, i.submitted_at, i.created_at, i.updated_at,
                     i.version);
  }

  std::optional<Inspection> inspection(int64_t id) override {
    auto s = db_.prepare(kCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_inspection(*s);
  }

  bool update_inspection(const Inspection& i, int64_t expected) override {
    db_.prepare(
           "UPDATE qa_inspections SET store_id=?, subject_kind=?, subject_id=?, staff_id=?, channel=?, reason=?, "
           "week_start=?, scorecard_store_id=?, scorecard_version=?, status=?, inspector_id=?, marks=?, "
           "score_x10=?, red_line=?, summary=?, first_score_x10=?, appeal_due_at=?, appeal_reason=?, "
           "appealed_at=?, decided_by=?, decision_note=?, decided_at=?, acknowledged_at=?, submitted_at=?, "
           "updated_at=?, version=? WHERE id=? AND version=?")
        ->bind_all(i.store_id, i.subject_kind, i.subject_id, i.staff_id, i.channel, i.reason, i.week_start,
                   i.scorecard_store_id, i.scorecard_version, i.status, i.inspector_id, marks_json(i.marks).dump(),
                   opt_wide(i.score_x10), static_cast<int64_t>(i.red_line ? 1 : 0), i.summary,
                   opt_wide(i.first_score_x10), i.appeal_due_at, i.appeal_reason, i.appealed_at, i.decided_by,
                   i.decision_note, i.decided_at, i.acknowledged_at, i.submitted_at, i.updated_at, i.version, i.id,
                   expected)
        .run();
    return db_.changes() == 1;
  }

  std::vector<Inspection> list_inspections(const InspectionFilter& f) override {
    std::string where = " WHERE 1=1";
    std::vector<Value> args;
    add_in(where, args, "store_id", f.store_ids);
    add_eq(where, args, "staff_id", f.staff_id);
    add_eq(where, args, "inspector_id", f.inspector_id);
    add_in(where, args, "status", f.statuses);
    if (f.submitted_from) {
      where += " AND submitted_at >= ?";
      args.emplace_back(*f.submitted_from);
    }
    if (f.submitted_to) {
      where += " AND submitted_at < ?";
      args.emplace_back(*f.submitted_to);
    }
    where += f.oldest_submitted_first ? " ORDER BY submitted_at, id" : " ORDER BY id DESC";
    auto s = db_.prepare(kCols + where + " LIMIT ?");
    int next = bind_values(*s, args);
    s->bind(next, static_cast<int64_t>(f.limit));
    std::vector<Inspection> out;
    while (s->step()) out.push_back(read_inspection(*s));
    return out;
  }

  std::vector<std::pair<std::string, int64_t>> inspected_subjects(int64_t store_id, int64_t since) override {
    auto s = db_.prepare("SELECT subject_kind, subject_id FROM qa_inspections WHERE store_id = ? AND created_at >= ?");
    s->bind_all(store_id, since);
    std::vector<std::pair<std::string, int64_t>> out;
    while (s->step()) out.emplace_back(s->text(0), s->i64(1));
    return out;
  }

  void insert_qa_comment(QaComment& c) override {
    c.id = D::insert(db_,
                     "INSERT INTO qa_comments(inspection_id, anchor, anchor_id, item, body, author_id, created_at) "
                     "VALUES (?,?,?,?,?,?,?)",
                     c.inspection_id, c.anchor, c.anchor_id, c.item, c.body, c.author_id, c.created_at);
  }

  std::vector<QaComment> qa_comments(int64_t inspection_id) override {
    auto s = db_.prepare(
        "SELECT id, inspection_id, anchor, anchor_id, item, body, author_id, created_at FROM qa_comments "
        "WHERE inspection_id = ? ORDER BY id");
    s->bind(1, inspection_id);
    std::vector<QaComment> out;
    while (s->step())
      out.push_back({s->i64(0), s->i64(1), s->text(2), s->opt_i64(3), s->text(4), s->text(5), s->i64(6), s->i64(7)});
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<InspectionStore> InspectionStore::open(Stores& s) {
  return make_store<InspectionStore, SqlInspectionStore>(s);
}

}  // namespace kefu::storage
