// ReturnPolicyStore over SQL (table return_policies), the same on SQLite and PostgreSQL.
#include "returns/storage/return_policy_store.hpp"
#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "returns/storage/policy_json.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "SELECT id, store_id, version, uses_defaults, document, note, created_by, created_at FROM return_policies";

template <class Stmt>
PolicyVersion read_version(const Stmt& s) {
  PolicyVersion v{s.i64(0), s.i64(1), s.i64(2), s.i64(3) != 0, {}, s.text(5), s.i64(6), s.i64(7)};
  // A stored document was validated when it was saved.
  auto doc = nlohmann::json::parse(s.text(4), nullptr, false);
  if (doc.is_object() && doc.contains("rules")) v.policy = policy_from_json(doc["rules"]);
  return v;
}

template <class D>
class SqlReturnPolicyStore final : public ReturnPolicyStore {
 public:
  SqlReturnPolicyStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::optional<PolicyVersion> current_policy(int64_t store_id) override {
    auto s = db_.prepare(kCols + " WHERE store_id = ? ORDER BY version DESC LIMIT 1");
    s->bind(1, store_id);
    if (!s->step()) return std::nullopt;
    return read_version(*s);
  }

  std::vector<PolicyVersion> policy_versions(int64_t store_id, int limit) override {
    auto s = db_.prepare(kCols + " WHERE store_id = ? ORDER BY version DESC LIMIT ?");
    s->bind_all(store_id, static_cast<int64_t>(limit));
    std::vector<PolicyVersion> out;
    while (s->step()) out.push_back(read_version(*s));
    return out;
  }

  bool insert_policy_version(const PolicyVersion& v) override {
    std::string doc = v.uses_defaults ? "{}" : nlohmann::json{{"rules", rules_json(v.policy)}}.dump();
    db_.prepare(
           "INSERT INTO return_policies(store_id, version, uses_defaults, document, note, created_by, created_at) "
           "VALUES (?,?,?,?,?,?,?) ON CONFLICT(store_id, version) DO NOTHING")
        ->bind_all(v.store_id, v.version, static_cast<int64_t>(v.uses_defaults ? 1 : 0), doc, v.note, v.created_by,
                   v.created_at)
        .run();
    return db_.changes() == 1;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ReturnPolicyStore> ReturnPolicyStore::open(Stores& s) {
  return make_store<ReturnPolicyStore, SqlReturnPolicyStore>(s);
}

}  // namespace kefu::storage
