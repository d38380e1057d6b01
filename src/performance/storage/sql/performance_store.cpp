// PerformanceStore over SQL, the same on SQLite and PostgreSQL.
#include "performance/storage/performance_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "performance/storage/rules_json.hpp"

namespace kefu::storage {
namespace {

using namespace sql;
using performance::CaseEntry;
using performance::StaffRecord;

const std::string kRecordCols =
    "SELECT id, store_id, ticket_id, kind, about_staff_id, summary, recorded_by, created_at, outcome, "
    "responsibility, action, reviewer_id, review_notes, reviewed_at, version FROM staff_records";

template <class Stmt>
StaffRecord read_record(const Stmt& s) {
  StaffRecord r;
  r.id = s.i64(0);
  r.store_id = s.i64(1);
  r.ticket_id = s.i64(2);
  r.kind = performance::RecordKind::of(s.text(3));
  r.about_staff_id = s.i64(4);
  r.summary = s.text(5);
  r.recorded_by = s.i64(6);
  r.created_at = s.i64(7);
  r.outcome = performance::Outcome::of(s.text(8));
  r.responsibility = performance::Responsibility::of(s.text(9));
  r.action = performance::Action::of(s.text(10));
  r.reviewer_id = s.opt_i64(11);
  r.review_notes = s.text(12);
  r.reviewed_at = s.opt_i64(13);
  r.version = s.i64(14);
  return r;
}

const std::string kCaseCols =
    "SELECT id, store_id, ticket_id, conversation_id, kind, title, lesson, tags, story, created_by, created_at, "
    "updated_at, version FROM case_entries";

template <class Stmt>
CaseEntry read_case(const Stmt& s) {
  CaseEntry e;
  e.id = s.i64(0);
  e.store_id = s.i64(1);
  e.ticket_id = s.opt_i64(2);
  e.conversation_id = s.opt_i64(3);
  e.kind = performance::CaseKind::of(s.text(4));
  e.title = s.text(5);
  e.lesson = s.text(6);
  e.tags = split(s.text(7));
  e.story = s.text(8);
  e.created_by = s.i64(9);
  e.created_at = s.i64(10);
  e.updated_at = s.i64(11);
  e.version = s.i64(12);
  return e;
}

// Tags are stored ",a,b," so that one tag is found exactly with LIKE '%,a,%'.
std::string tags_text(const std::vector<std::string>& tags) { return tags.empty() ? "" : "," + join(tags) + ","; }

std::string like_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return "%" + out + "%";
}

template <class D>
class SqlPerformanceStore final : public PerformanceStore {
 public:
  SqlPerformanceStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::optional<KpiRuleSet> rule_set(std::optional<int64_t> store_id) override {
    auto s = db_.prepare(std::string("SELECT store_id, body, updated_by, updated_at FROM kpi_rule_sets WHERE ") +
                         (store_id ? "store_id = ?" : "store_id IS NULL") + " ORDER BY id DESC LIMIT 1");
    if (store_id) s->bind(1, *store_id);
    if (!s->step()) return std::nullopt;
    auto body = nlohmann::json::parse(s->text(1));
    return KpiRuleSet{s->opt_i64(0), performance::kpi_rules_from(body.at("kpi")),
                      performance::bonus_rules_from(body.at("bonus")), s->i64(2), s->i64(3)};
  }

  void save_rule_set(const KpiRuleSet& r) override {
    auto del = db_.prepare(std::string("DELETE FROM kpi_rule_sets WHERE ") +
                           (r.store_id ? "store_id = ?" : "store_id IS NULL"));
    if (r.store_id) del->bind(1, *r.store_id);
    del->run();
    const nlohmann::json body{{"kpi", performance::kpi_rules_json(r.kpi)},
                              {"bonus", performance::bonus_rules_json(r.bonus)}};
    D::insert(db_, "INSERT INTO kpi_rule_sets(store_id, body, updated_by, updated_at) VALUES (?,?,?,?)", r.store_id,
              body.dump(), r.updated_by, r.updated_at);
  }

  bool insert_record(StaffRecord& r) override {
    auto s = db_.prepare("SELECT id FROM staff_records WHERE ticket_id = ? AND about_staff_id = ? AND kind = ?");
    s->bind_all(r.ticket_id, r.about_staff_id, std::string(r.kind.code()));
    if (s->step()) return false;
    r.id = D::insert(db_,
                     "INSERT INTO staff_records(store_id, ticket_id, kind, about_staff_id, summary, recorded_by, "
                     "created_at, outcome, responsibility, action, reviewer_id, review_notes, reviewed_at, version) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     r.store_id, r.ticket_id, std::string(r.kind.code()), r.about_staff_id, r.summary, r.recorded_by,
                     r.created_at, std::string(r.outcome.code()), std::string(r.responsibility.code()),
                     std::string(r.action.code()), r.reviewer_id, r.review_notes, r.reviewed_at, r.version);
    return true;
  }

  std::optional<StaffRecord> record(int64_t id) override {
    auto s = db_.prepare(kRecordCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_record(*s);
  }

  bool update_review(const StaffRecord& r, int64_t expected_version) override {
    db_.prepare(
           "UPDATE staff_records SET summary=?, outcome=?, responsibility=?, action=?, reviewer_id=?, review_notes=?, "
           "reviewed_at=?, version=? WHERE id=? AND version=?")
        ->bind_all(r.summary, std::string(r.outcome.code()), std::string(r.responsibility.code()),
                   std::string(r.action.code()), r.reviewer_id, r.review_notes, r.reviewed_at, r.version, r.id,
                   expected_version)
        .run();
    return db_.changes() == 1;
  }

  std::vector<StaffRecord> ticket_records(int64_t ticket_id) override {
    auto s = db_.prepare(kRecordCols + " WHERE ticket_id = ? ORDER BY id");
    s->bind(1, ticket_id);
    std::vector<StaffRecord> out;
    while (s->step()) out.push_back(read_record(*s));
    return out;
  }

  std::vector<StaffRecord> records(const StaffRecordFilter& f) override {
    std::string where = " WHERE created_at >= ? AND created_at < ?";
    std::vector<Value> args{f.from, f.to};
    add_in(where, args, "store_id", f.store_ids);
    add_eq(where, args, "about_staff_id", f.about_staff_id);
    if (f.kind) {
      where += " AND kind = ?";
      args.emplace_back(*f.kind);
    }
    if (f.outcome) {
      where += " AND outcome = ?";
      args.emplace_back(*f.outcome);
    }
    args.emplace_back(static_cast<int64_t>(f.limit));
    auto s = db_.prepare(kRecordCols + where + " ORDER BY created_at DESC, id DESC LIMIT ?");
    bind_values(*s, args);
    std::vector<StaffRecord> out;
    while (s->step()) out.push_back(read_record(*s));
    return out;
  }

  int64_t insert_case(const CaseEntry& e) override {
    return D::insert(db_,
                     "INSERT INTO case_entries(store_id, ticket_id, conversation_id, kind, title, lesson, tags, story, "
                     "created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     e.store_id, e.ticket_id, e.conversation_id, std::string(e.kind.code()), e.title, e.lesson,
                     tags_text(e.tags), e.story, e.created_by, e.created_at, e.updated_at, e.version);
  }

  std::optional<CaseEntry> case_entry(int64_t id) override {
    auto s = db_.prepare(kCaseCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_case(*s);
  }

  bool update_case(const CaseEntry& e, int64_t expected_version) override {
    db_.prepare(
           "UPDATE case_entries SET kind=?, title=?, lesson=?, tags=?, story=?, updated_at=?, version=? "
           "WHERE id=? AND version=?")
        ->bind_all(std::string(e.kind.code()), e.title, e.lesson, tags_text(e.tags), e.story, e.updated_at, e.version,
                   e.id, expected_version)
        .run();
    return db_.changes() == 1;
  }

  std::vector<CaseEntry> cases(const CaseFilter& f) override {
    std::string where = " WHERE 1=1";
    std::vector<Value> args;
    add_in(where, args, "store_id", f.store_ids);
    if (f.kind) {
      where += " AND kind = ?";
      args.emplace_back(*f.kind);
    }
    if (!f.query.empty()) {
      where +=
          " AND (title LIKE ? ESCAPE '\\' OR lesson LIKE ? ESCAPE '\\' OR story LIKE ? ESCAPE '\\' OR tags LIKE ? "
          "ESCAPE '\\')";
      for (int i = 0; i < 4; ++i) args.emplace_back(like_escaped(f.query));
    }
    if (!f.tag.empty()) {
      where += " AND tags LIKE ? ESCAPE '\\'";
      args.emplace_back(like_escaped("," + f.tag + ","));
    }
    if (f.before_id) {
      where += " AND id < ?";
      args.emplace_back(*f.before_id);
    }
    args.emplace_back(static_cast<int64_t>(f.limit));
    auto s = db_.prepare(kCaseCols + where + " ORDER BY id DESC LIMIT ?");
    bind_values(*s, args);
    std::vector<CaseEntry> out;
    while (s->step()) out.push_back(read_case(*s));
    return out;
  }

  std::vector<PersonRatings> ticket_ratings(int64_t store_id, int64_t from, int64_t to) override {
    auto s = db_.prepare(
        "SELECT t.owner_id, COUNT(*), SUM(r.rating) FROM tickets t JOIN csat_ratings r ON r.ticket_id = t.id "
        "WHERE t.store_id = ? AND t.created_at >= ? AND t.created_at < ? AND t.owner_id IS NOT NULL "
        "GROUP BY t.owner_id ORDER BY t.owner_id");
    s->bind_all(store_id, from, to);
    std::vector<PersonRatings> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), s->i64(2), s->i64(1)});
    return out;
  }

  std::vector<PersonRatings> chat_figures(int64_t store_id, int64_t from, int64_t to) override {
    auto s = db_.prepare(
        "SELECT agent_id, COUNT(*), COALESCE(SUM(rating), 0), COUNT(rating) FROM conversations "
        "WHERE store_id = ? AND created_at >= ? AND created_at < ? AND agent_id IS NOT NULL "
        "GROUP BY agent_id ORDER BY agent_id");
    s->bind_all(store_id, from, to);
    std::vector<PersonRatings> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), s->i64(2), s->i64(3)});
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<PerformanceStore> PerformanceStore::open(Stores& s) {
  return make_store<PerformanceStore, SqlPerformanceStore>(s);
}

}  // namespace kefu::storage
