// QaAutoRuleStore over SQL, the same on SQLite and PostgreSQL.
#include "quality/storage/auto_rule_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "id, code, store_id, name, kind, phrases, seconds, threshold, red_line, enabled, version, updated_at, updated_by";

// Phrases are kept one a line (a phrase has no line break: the use case checks it).
std::string join_lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}
std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    const auto end = s.find('\n', start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

template <class S>
quality::AutoRule read_rule(S& s) {
  quality::AutoRule r;
  r.id = s.i64(0);
  r.code = s.text(1);
  r.store_id = s.i64(2);
  r.name = s.text(3);
  r.kind = quality::Kind::of(s.text(4));
  r.phrases = split_lines(s.text(5));
  r.seconds = s.i64(6);
  r.threshold = static_cast<int>(s.i64(7));
  r.red_line = s.i64(8) != 0;
  r.enabled = s.i64(9) != 0;
  r.version = static_cast<int>(s.i64(10));
  r.updated_at = s.i64(11);
  r.updated_by = s.i64(12);
  return r;
}

template <class D>
class SqlQaAutoRuleStore final : public QaAutoRuleStore {
 public:
  SqlQaAutoRuleStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  bool insert_rule(quality::AutoRule& r) override {
    auto taken = db_.prepare("SELECT 1 FROM qa_auto_rules WHERE store_id = ? AND code = ?");
    taken->bind_all(r.store_id, r.code);
    if (taken->step()) return false;
    r.version = 1;
    r.id = D::insert(db_,
                     "INSERT INTO qa_auto_rules(code, store_id, name, kind, phrases, seconds, threshold, red_line, "
                     "enabled, version, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     r.code, r.store_id, r.name, std::string(r.kind.code()), join_lines(r.phrases), r.seconds,
                     int64_t{r.threshold}, r.red_line, r.enabled, int64_t{r.version}, r.updated_at, r.updated_by);
    return true;
  }

  bool update_rule(quality::AutoRule& r, int version) override {
    db_.prepare(
           "UPDATE qa_auto_rules SET name = ?, phrases = ?, seconds = ?, threshold = ?, red_line = ?, enabled = ?, "
           "version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")
        ->bind_all(r.name, join_lines(r.phrases), r.seconds, int64_t{r.threshold}, r.red_line, r.enabled,
                   int64_t{version + 1}, r.updated_at, r.updated_by, r.id, int64_t{version})
        .run();
    if (db_.changes() != 1) return false;
    r.version = version + 1;
    return true;
  }

  bool delete_rule(int64_t id) override {
    db_.prepare("DELETE FROM qa_auto_rules WHERE id = ?")->bind_all(id).run();
    return db_.changes() == 1;
  }

  std::optional<quality::AutoRule> rule(int64_t id) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM qa_auto_rules WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_rule(*s);
  }

  std::vector<quality::AutoRule> rules_for(int64_t store_id) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM qa_auto_rules WHERE store_id IN (0, ?) ORDER BY store_id, code" +
                         std::string(D::kBytes));
    s->bind(1, store_id);
    std::vector<quality::AutoRule> out;
    while (s->step()) out.push_back(read_rule(*s));
    return out;
  }

  std::vector<quality::AutoRule> all_rules() override {
    auto s = db_.prepare("SELECT " + kCols + " FROM qa_auto_rules ORDER BY store_id, code" + D::kBytes);
    std::vector<quality::AutoRule> out;
    while (s->step()) out.push_back(read_rule(*s));
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<QaAutoRuleStore> QaAutoRuleStore::open(Stores& s) {
  return make_store<QaAutoRuleStore, SqlQaAutoRuleStore>(s);
}

}  // namespace kefu::storage
