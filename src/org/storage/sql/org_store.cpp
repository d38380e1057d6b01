// OrgStore over SQL, the same on SQLite and PostgreSQL.
#include "org/storage/org_store.hpp"

#include <nlohmann/json.hpp>
#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

std::string hours_to_json(const std::vector<people::OpeningPeriod>& hours) {
  auto a = nlohmann::json::array();
  for (const auto& p : hours) a.push_back({{"weekday", p.weekday}, {"open", p.open}, {"close", p.close}});
  return a.dump();
}

std::vector<people::OpeningPeriod> hours_from_json(const std::string& s) {
  std::vector<people::OpeningPeriod> out;
  for (const auto& p : nlohmann::json::parse(s, nullptr, false))
    if (p.is_object()) out.push_back({p.value("weekday", 0), p.value("open", ""), p.value("close", "")});
  return out;
}

const std::string kStoreCols = "SELECT id, code, name, timezone, address, hours_json FROM stores";
template <class Stmt>
people::Store read_store(const Stmt& s) {
  return {s.i64(0), s.text(1), s.text(2), s.text(3), s.text(4), hours_from_json(s.text(5))};
}

const std::string kDeptCols = "SELECT id, store_id, code, name, kind FROM departments";
template <class Stmt>
people::Department read_dept(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4)};
}

const std::string kStaffCols =
    "SELECT id, username, display_name, role, phone, active, password_hash, email FROM staff";
template <class Stmt>
people::Staff read_staff(const Stmt& s) {
  people::Staff p;
  p.id = s.i64(0);
  p.username = s.text(1);
  p.display_name = s.text(2);
  p.role = people::Role::of(s.text(3));
  p.phone = s.text(4);
  p.active = s.i64(5) != 0;
  p.password_hash = s.text(6);
  p.email = s.text(7);
  return p;
}

template <class D>
class SqlOrgStore final : public OrgStore {
 public:
  using Stmt = typename D::Stmt;
  SqlOrgStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_store(const people::Store&) override;
  std::vector<people::Store> stores() override;
  std::optional<people::Store> store(int64_t id) override;
  bool store_exists(int64_t id) override;
  void update_store(const people::Store&) override;
  int64_t insert_department(const people::Department&) override;
  std::vector<people::Department> departments(std::optional<int64_t> store_id) override;
  std::optional<people::Department> department(int64_t id) override;
  int64_t insert_staff(const people::Staff&) override;
  void update_staff(const people::Staff&) override;
  std::optional<people::Staff> staff(int64_t id) override;
  std::optional<people::Staff> staff_by_username(const std::string& username) override;
  std::vector<people::Staff> staff_list() override;
  std::vector<people::Staff> staff_in_store(int64_t store_id, const std::string& role) override;

 private:
  typename D::Db& db_;

  std::vector<int64_t> ids(const std::string& sql, int64_t key);
  void fill_staff_links(people::Staff&);
};

template <class D>
int64_t SqlOrgStore<D>::insert_store(const people::Store& st) {
  return D::insert(db_, "INSERT INTO stores(code, name, timezone, address, hours_json) VALUES (?,?,?,?,?)", st.code,
                   st.name, st.timezone, st.address, hours_to_json(st.hours));
}

template <class D>
std::vector<people::Store> SqlOrgStore<D>::stores() {
  std::vector<people::Store> out;
  auto s = db_.prepare(kStoreCols + " ORDER BY id");
  while (s->step()) out.push_back(read_store(*s));
  return out;
}

template <class D>
std::optional<people::Store> SqlOrgStore<D>::store(int64_t id) {
  auto s = db_.prepare(kStoreCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_store(*s);
}

template <class D>
bool SqlOrgStore<D>::store_exists(int64_t id) {
  auto s = db_.prepare("SELECT 1 FROM stores WHERE id = ?");
  s->bind(1, id);
  return s->step();
}

template <class D>
void SqlOrgStore<D>::update_store(const people::Store& st) {
  db_.prepare("UPDATE stores SET name=?, timezone=?, address=?, hours_json=? WHERE id=?")
      ->bind_all(st.name, st.timezone, st.address, hours_to_json(st.hours), st.id)
      .run();
}

template <class D>
int64_t SqlOrgStore<D>::insert_department(const people::Department& d) {
  return D::insert(db_, "INSERT INTO departments(store_id, code, name, kind) VALUES (?,?,?,?)", d.store_id, d.code,
                   d.name, d.kind);
}

template <class D>
std::vector<people::Department> SqlOrgStore<D>::departments(std::optional<int64_t> store_id) {
  std::vector<people::Department> out;
  // Two placeholders, as PostgreSQL numbers each `?`; the cast gives the IS NULL operand
  // a type PostgreSQL cannot infer on its own (and is a no-op on SQLite).
  auto s = db_.prepare(kDeptCols + " WHERE CAST(? AS BIGINT) IS NULL OR store_id = ? ORDER BY store_id, id");
  s->bind_all(store_id, store_id);
  while (s->step()) out.push_back(read_dept(*s));
  return out;
}

template <class D>
std::optional<people::Department> SqlOrgStore<D>::department(int64_t id) {
  auto s = db_.prepare(kDeptCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_dept(*s);
}

template <class D>
int64_t SqlOrgStore<D>::insert_staff(const people::Staff& p) {
  const int64_t id = D::insert(
      db_,
      "INSERT INTO staff(username, display_name, role, phone, active, password_hash, email) VALUES (?,?,?,?,?,?,?)",
      p.username, p.display_name, p.role, p.phone, p.active, p.password_hash, p.email);
  for (auto s : p.store_ids) db_.prepare("INSERT INTO staff_stores VALUES (?,?)")->bind_all(id, s).run();
  for (auto d : p.department_ids) db_.prepare("INSERT INTO staff_departments VALUES (?,?)")->bind_all(id, d).run();
  return id;
}

template <class D>
void SqlOrgStore<D>::update_staff(const people::Staff& p) {
  db_.prepare("UPDATE staff SET display_name=?, role=?, phone=?, active=?, password_hash=?, email=? WHERE id=?")
      ->bind_all(p.display_name, p.role, p.phone, p.active, p.password_hash, p.email, p.id)
      .run();
  db_.prepare("DELETE FROM staff_stores WHERE staff_id = ?")->bind(1, p.id).run();
  db_.prepare("DELETE FROM staff_departments WHERE staff_id = ?")->bind(1, p.id).run();
  for (auto s : p.store_ids) db_.prepare("INSERT INTO staff_stores VALUES (?,?)")->bind_all(p.id, s).run();
  for (auto d : p.department_ids) db_.prepare("INSERT INTO staff_departments VALUES (?,?)")->bind_all(p.id, d).run();
}

template <class D>
std::optional<people::Staff> SqlOrgStore<D>::staff(int64_t id) {
  std::optional<people::Staff> p;
  {
    auto s = db_.prepare(kStaffCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    p = read_staff(*s);
  }
  fill_staff_links(*p);
  return p;
}

template <class D>
std::optional<people::Staff> SqlOrgStore<D>::staff_by_username(const std::string& username) {
  std::optional<people::Staff> p;
  {
    auto s = db_.prepare(kStaffCols + " WHERE username = ?");
    s->bind(1, username);
    if (!s->step()) return std::nullopt;
    p = read_staff(*s);
  }
  fill_staff_links(*p);
  return p;
}

template <class D>
std::vector<people::Staff> SqlOrgStore<D>::staff_list() {
  std::vector<people::Staff> out;
  {
    auto s = db_.prepare(kStaffCols + " ORDER BY id");
    while (s->step()) out.push_back(read_staff(*s));
  }
  for (auto& p : out) fill_staff_links(p);
  return out;
}

template <class D>
std::vector<people::Staff> SqlOrgStore<D>::staff_in_store(int64_t store_id, const std::string& role) {
  std::vector<people::Staff> out;
  {
    auto s =
        db_.prepare(kStaffCols +
                    " WHERE active = 1 AND role = ? AND id IN (SELECT staff_id FROM staff_stores WHERE store_id = ?)"
                    " ORDER BY id");
    s->bind_all(role, store_id);
    while (s->step()) out.push_back(read_staff(*s));
  }
  for (auto& p : out) fill_staff_links(p);
  return out;
}

template <class D>
std::vector<int64_t> SqlOrgStore<D>::ids(const std::string& sql, int64_t key) {
  std::vector<int64_t> out;
  auto s = db_.prepare(sql);
  s->bind(1, key);
  while (s->step()) out.push_back(s->i64(0));
  return out;
}

template <class D>
void SqlOrgStore<D>::fill_staff_links(people::Staff& p) {
  p.store_ids = ids("SELECT store_id FROM staff_stores WHERE staff_id = ? ORDER BY store_id", p.id);
  p.department_ids = ids("SELECT department_id FROM staff_departments WHERE staff_id = ? ORDER BY department_id", p.id);
}

}  // namespace

std::unique_ptr<OrgStore> OrgStore::open(Stores& s) { return make_store<OrgStore, SqlOrgStore>(s); }
}  // namespace kefu::storage
