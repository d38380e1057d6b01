// Members (会员), by id, phone or member number.
#include <sstream>

#include "storage/pg/repository.hpp"

namespace kefu::storage::pg {
namespace {

const std::string kMemberCols =
    "SELECT id, member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at FROM members";

people::Member read_member(Stmt& s) {
  people::Member m;
  m.id = s.i64(0);
  m.member_no = s.text(1);
  m.name = s.text(2);
  m.phone = s.text(3);
  m.tier = s.text(4);
  m.birthday = s.text(5);
  std::stringstream in(s.text(6));
  for (std::string f; std::getline(in, f, ',');)
    if (!f.empty()) m.care_flags.push_back(f);
  m.home_store_id = s.opt_i64(7).value_or(0);
  m.created_at = s.i64(8);
  return m;
}

std::optional<people::Member> first_member(StmtScope& s) {
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

}  // namespace

int64_t PgRepository::insert_member(const people::Member& m) {
  std::string flags;
  for (const auto& f : m.care_flags) flags += (flags.empty() ? "" : ",") + f;
  auto s = db_.prepare(
      "INSERT INTO members(member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at) "
      "VALUES (?,?,?,?,?,?,?,?) RETURNING id");
  s->bind_all(m.member_no, m.name, m.phone, m.tier, m.birthday, flags);
  // 0 means "no home store": NULL, so the foreign key does not apply.
  if (m.home_store_id)
    s->bind(7, m.home_store_id);
  else
    s->bind_null(7);
  s->bind(8, m.created_at);
  s->step();
  return s->i64(0);
}

std::optional<people::Member> PgRepository::member(int64_t id) {
  auto s = db_.prepare(kMemberCols + " WHERE id = ?");
  s->bind(1, id);
  return first_member(s);
}

std::optional<people::Member> PgRepository::member_by_phone(const std::string& phone) {
  auto s = db_.prepare(kMemberCols + " WHERE phone = ?");
  s->bind(1, phone);
  return first_member(s);
}

std::optional<people::Member> PgRepository::member_by_no(const std::string& no) {
  auto s = db_.prepare(kMemberCols + " WHERE member_no = ?");
  s->bind(1, no);
  return first_member(s);
}

}  // namespace kefu::storage::pg
