#include <sstream>

#include "storage/sqlite/repository.hpp"

namespace kefu::storage::sqlite {
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

}  // namespace

int64_t SqliteRepository::insert_member(const people::Member& m) {
  std::string flags;
  for (const auto& f : m.care_flags) flags += (flags.empty() ? "" : ",") + f;
  auto s = db_.prepare(
      "INSERT INTO members(member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at) "
      "VALUES (?,?,?,?,?,?,?,?)");
  s->bind_all(m.member_no, m.name, m.phone, m.tier, m.birthday, flags);
  if (m.home_store_id)
    s->bind(7, m.home_store_id);
  else
    s->bind_null(7);
  s->bind(8, m.created_at);
  s->run();
  return db_.last_insert_id();
}

std::optional<people::Member> SqliteRepository::member(int64_t id) {
  auto s = db_.prepare(kMemberCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

std::optional<people::Member> SqliteRepository::member_by_phone(const std::string& phone) {
  auto s = db_.prepare(kMemberCols + " WHERE phone = ?");
  s->bind(1, phone);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

std::optional<people::Member> SqliteRepository::member_by_no(const std::string& no) {
  auto s = db_.prepare(kMemberCols + " WHERE member_no = ?");
  s->bind(1, no);
  if (!s->step()) return std::nullopt;
  return read_member(*s);
}

}  // namespace kefu::storage::sqlite
