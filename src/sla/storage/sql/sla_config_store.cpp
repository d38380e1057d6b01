// SlaConfigStore over SQL, the same on SQLite and PostgreSQL.
#include "sla/storage/sla_config_store.hpp"

#include <nlohmann/json.hpp>
#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "sla/storage/sla_json.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kPolicyCols =
    "SELECT id, name, position, conditions_json, targets_json, ladder_json, active, updated_at, version "
    "FROM sla_policies";
template <class Stmt>
SlaPolicyRecord read_policy(const Stmt& s) {
  using nlohmann::json;
  SlaPolicyRecord r;
  r.policy.id = s.i64(0);
  r.policy.name = s.text(1);
  r.policy.position = static_cast<int>(s.i64(2));
  r.policy.conditions = conditions_from(json::parse(s.text(3)));
  r.policy.targets = targets_from(json::parse(s.text(4)));
  r.ladder = ladder_from(json::parse(s.text(5)));
  r.active = s.i64(6) != 0;
  r.updated_at = s.i64(7);
  r.version = s.i64(8);
  return r;
}

template <class D>
class SqlSlaConfigStore final : public SlaConfigStore {
 public:
  using Stmt = typename D::Stmt;
  SqlSlaConfigStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_sla_policy(const SlaPolicyRecord&) override;
  bool update_sla_policy(const SlaPolicyRecord&, int64_t expected_version) override;
  std::vector<SlaPolicyRecord> sla_policies(bool include_retired) override;
  std::optional<SlaPolicyRecord> sla_policy(int64_t id) override;
  std::vector<sla::SpecialDay> special_days(int64_t store_id) override;
  void replace_special_days(int64_t store_id, const std::vector<sla::SpecialDay>&) override;
  std::string sla_config_version() override;

 private:
  typename D::Db& db_;
};

template <class D>
int64_t SqlSlaConfigStore<D>::insert_sla_policy(const SlaPolicyRecord& r) {
  return D::insert(db_,
                   "INSERT INTO sla_policies(name, position, conditions_json, targets_json, ladder_json, active, "
                   "updated_at, version) VALUES (?,?,?,?,?,?,?,?)",
                   r.policy.name, r.policy.position, to_json(r.policy.conditions).dump(),
                   to_json(r.policy.targets).dump(), to_json(r.ladder).dump(), r.active, r.updated_at, r.version);
}

template <class D>
bool SqlSlaConfigStore<D>::update_sla_policy(const SlaPolicyRecord& r, int64_t expected_version) {
  db_.prepare(
         "UPDATE sla_policies SET name=?, position=?, conditions_json=?, targets_json=?, ladder_json=?, active=?, "
         "updated_at=?, version=? WHERE id=? AND version=?")
      ->bind_all(r.policy.name, r.policy.position, to_json(r.policy.conditions).dump(),
                 to_json(r.policy.targets).dump(), to_json(r.ladder).dump(), r.active, r.updated_at, r.version,
                 r.policy.id, expected_version)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::vector<SlaPolicyRecord> SqlSlaConfigStore<D>::sla_policies(bool include_retired) {
  std::vector<SlaPolicyRecord> out;
  auto s = db_.prepare(kPolicyCols + " WHERE active = 1 OR ? ORDER BY position, id");
  s->bind(1, include_retired);
  while (s->step()) out.push_back(read_policy(*s));
  return out;
}

template <class D>
std::optional<SlaPolicyRecord> SqlSlaConfigStore<D>::sla_policy(int64_t id) {
  auto s = db_.prepare(kPolicyCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_policy(*s);
}

template <class D>
std::vector<sla::SpecialDay> SqlSlaConfigStore<D>::special_days(int64_t store_id) {
  std::vector<sla::SpecialDay> out;
  auto s = db_.prepare(
      std::string("SELECT date, name, hours_json FROM store_special_days WHERE store_id = ? ORDER BY date") +
      D::kBytes);
  s->bind(1, store_id);
  while (s->step()) out.push_back({s->text(0), hours_from(nlohmann::json::parse(s->text(2))), s->text(1)});
  return out;
}

template <class D>
void SqlSlaConfigStore<D>::replace_special_days(int64_t store_id, const std::vector<sla::SpecialDay>& days) {
  db_.prepare("DELETE FROM store_special_days WHERE store_id = ?")->bind(1, store_id).run();
  for (const auto& d : days)
    db_.prepare("INSERT INTO store_special_days(store_id, date, name, hours_json) VALUES (?,?,?,?)")
        ->bind_all(store_id, d.date, d.name, to_json(d.hours).dump())
        .run();
}

template <class D>
std::string SqlSlaConfigStore<D>::sla_config_version() {
  auto s = db_.prepare(
      "SELECT (SELECT value FROM settings WHERE key = 'installation_id') || ':' || "
      "(SELECT value FROM settings WHERE key = 'sla_config_version')");
  s->step();
  return s->text(0);
}

}  // namespace

std::unique_ptr<SlaConfigStore> SlaConfigStore::open(Stores& s) {
  return make_store<SlaConfigStore, SqlSlaConfigStore>(s);
}
}  // namespace kefu::storage
