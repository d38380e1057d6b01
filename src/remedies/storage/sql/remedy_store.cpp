// RemedyStore over SQL (table resolutions), the same on SQLite and PostgreSQL.
#include "remedies/storage/remedy_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kRemedyCols =
    "SELECT r.id, r.ticket_id, r.kind, r.compensation, r.amount_cents, r.description, r.status, r.requested_by, "
    "r.approver_role, r.decided_by, r.decision_reason, r.created_at, r.decided_at, r.version FROM resolutions r";
template <class Stmt>
Remedy read_remedy(const Stmt& s) {
  return {s.i64(0), s.i64(1),  s.text(2),    s.text(3),  s.i64(4),  s.text(5),     s.text(6),
          s.i64(7), s.text(8), s.opt_i64(9), s.text(10), s.i64(11), s.opt_i64(12), s.i64(13)};
}

template <class D>
class SqlRemedyStore final : public RemedyStore {
 public:
  using Stmt = typename D::Stmt;
  SqlRemedyStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<std::pair<std::string, int64_t>> authority_limits() override;
  void put_authority_limit(const std::string& role, int64_t amount_cents) override;
  int64_t insert_remedy(const Remedy&) override;
  bool update_remedy(const Remedy&, int64_t expected_version) override;
  std::optional<Remedy> remedy(int64_t id) override;
  std::vector<Remedy> remedies(int64_t ticket_id) override;
  std::vector<Remedy> pending_remedies(const std::vector<int64_t>& store_ids,
                                       const std::vector<std::string>& approver_roles) override;

 private:
  typename D::Db& db_;
};

template <class D>
std::vector<std::pair<std::string, int64_t>> SqlRemedyStore<D>::authority_limits() {
  std::vector<std::pair<std::string, int64_t>> out;
  auto s = db_.prepare(std::string("SELECT role, amount_cents FROM authority_limits ORDER BY role") + D::kBytes);
  while (s->step()) out.emplace_back(s->text(0), s->i64(1));
  return out;
}

template <class D>
void SqlRemedyStore<D>::put_authority_limit(const std::string& role, int64_t amount_cents) {
  db_.prepare(
         "INSERT INTO authority_limits(role, amount_cents) VALUES (?,?) "
         "ON CONFLICT(role) DO UPDATE SET amount_cents = excluded.amount_cents")
      ->bind_all(role, amount_cents)
      .run();
}

template <class D>
int64_t SqlRemedyStore<D>::insert_remedy(const Remedy& r) {
  return D::insert(
      db_,
      "INSERT INTO resolutions(ticket_id, kind, compensation, amount_cents, description, status, requested_by, "
      "approver_role, decided_by, decision_reason, created_at, decided_at, version) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
      r.ticket_id, r.kind, r.compensation, r.amount_cents, r.description, r.status, r.requested_by, r.approver_role,
      r.decided_by, r.decision_reason, r.created_at, r.decided_at, r.version);
}

template <class D>
bool SqlRemedyStore<D>::update_remedy(const Remedy& r, int64_t expected_version) {
  db_.prepare(
         "UPDATE resolutions SET status=?, decided_by=?, decision_reason=?, decided_at=?, version=? "
         "WHERE id=? AND version=?")
      ->bind_all(r.status, r.decided_by, r.decision_reason, r.decided_at, r.version, r.id, expected_version)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::optional<Remedy> SqlRemedyStore<D>::remedy(int64_t id) {
  auto s = db_.prepare(kRemedyCols + " WHERE r.id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_remedy(*s);
}

template <class D>
std::vector<Remedy> SqlRemedyStore<D>::remedies(int64_t ticket_id) {
  std::vector<Remedy> out;
  auto s = db_.prepare(kRemedyCols + " WHERE r.ticket_id = ? ORDER BY r.id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_remedy(*s));
  return out;
}

template <class D>
std::vector<Remedy> SqlRemedyStore<D>::pending_remedies(const std::vector<int64_t>& store_ids,
                                                        const std::vector<std::string>& roles) {
  std::string sql = kRemedyCols + " JOIN tickets t ON t.id = r.ticket_id WHERE r.status = 'pending'";
  if (!store_ids.empty()) sql += " AND t.store_id IN (" + placeholders(store_ids.size()) + ")";
  if (roles.empty()) return {};
  sql += " AND r.approver_role IN (" + placeholders(roles.size()) + ") ORDER BY r.id";
  auto s = db_.prepare(sql);
  int i = 0;
  for (auto id : store_ids) s->bind(++i, id);
  for (const auto& r : roles) s->bind(++i, r);
  std::vector<Remedy> out;
  while (s->step()) out.push_back(read_remedy(*s));
  return out;
}

}  // namespace

std::unique_ptr<RemedyStore> RemedyStore::open(Stores& s) { return make_store<RemedyStore, SqlRemedyStore>(s); }
}  // namespace kefu::storage
