#include "org/app/org.hpp"

#include "auth/domain/password.hpp"
#include "auth/domain/password_policy.hpp"

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "org/domain/calendar_values.hpp"
#include "org/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

void check_hhmm(const std::string& s) {
  if (!people::is_clock_time(s))
    throw make_error(errors::kInvalidTime,
                     {{"what", Text("营业时间", "opening hours")},
                      {"problem", Text("格式应为 HH:MM（00:00–24:00）", "write them HH:MM (00:00-24:00)")}},
                     "hours");
}

bool is_department_kind(const std::string& k) {
  for (const char* known :
       {"desk", "floor", "brand_counter", "security", "parking", "property", "cashier", "member_center", "other"})
    if (k == known) return true;
  return false;
}

}  // namespace

people::Store create_store(Context& c, people::Store s) {
  require_role(c.actor, "admin");
  check_text("code", s.code, 20, true);
  check_text("name", s.name, 100, true);
  check_text("address", s.address, 200, false);
  check_text("timezone", s.timezone, 64, true);
  if (!people::is_time_zone(s.timezone)) throw make_error(errors::kInvalidTimeZone, {{"zone", s.timezone}}, "timezone");
  for (const auto& p : s.hours) {
    if (p.weekday < 0 || p.weekday > 6)
      throw make_error(
          errors::kInvalidTime,
          {{"what", Text("营业时间", "opening hours")}, {"problem", Text("星期应为 0–6", "weekday must be 0-6")}},
          "hours");
    check_hhmm(p.open);
    check_hhmm(p.close);
    if (p.open >= p.close)
      throw make_error(errors::kInvalidTime,
                       {{"what", Text("营业时间", "opening hours")},
                        {"problem", Text("开门时间须早于关门时间", "open must be before close")}},
                       "hours");
  }
  s.id = c.store<storage::OrgStore>().insert_store(s);
  audit(c, "store.create", "store", s.id, nullptr, {{"code", s.code}, {"name", s.name}, {"timezone", s.timezone}});
  return s;
}

people::Department create_department(Context& c, people::Department d) {
  require_role(c.actor, "admin");
  check_text("code", d.code, 40, true);
  check_text("name", d.name, 100, true);
  check_enum("kind", d.kind, is_department_kind(d.kind));
  if (!c.store<storage::OrgStore>().store(d.store_id))
    throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store_id");
  d.id = c.store<storage::OrgStore>().insert_department(d);
  audit(c, "department.create", "department", d.id, nullptr, {{"store_id", d.store_id}, {"name", d.name}});
  return d;
}

people::Staff prepare_staff(const people::Actor& actor, people::Staff s, const std::string& role,
                            const std::string& password) {
  require_role(actor, "admin");
  s.role = parse_enum<people::Role>("role", role);
  check_text("password", password, people::kMaxPasswordLength, true);
  people::check_new_password(password, s.username, "password");
  s.password_hash = people::hash_password(password);
  return s;
}

people::Staff create_staff(Context& c, people::Staff s) {
  require_role(c.actor, "admin");
  check_text("username", s.username, 40, true);
  check_text("display_name", s.display_name, 50, true);
  check_text("email", s.email, 200, false);
  // Escalation emails go here: one plain address, nothing a mail header could misread.
  if (!s.email.empty() &&
      (s.email.find('@') == std::string::npos || s.email.find_first_of(" \t\r\n<>,;\"()") != std::string::npos))
    throw make_error(errors::kInvalidEmail, {}, "email");
  for (auto id : s.store_ids)
    if (!c.store<storage::OrgStore>().store(id))
      throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store_ids");
  for (auto id : s.department_ids)
    if (!c.store<storage::OrgStore>().department(id))
      throw make_error(errors::kUnknownReference, {{"what", Text("部门", "department")}}, "department_ids");
  if (c.store<storage::OrgStore>().staff_by_username(s.username)) throw make_error(errors::kUsernameTaken);
  s.id = c.store<storage::OrgStore>().insert_staff(s);
  audit(c, "staff.create", "staff", s.id, nullptr,
        {{"username", s.username}, {"role", s.role}, {"store_ids", s.store_ids}, {"email", s.email}});
  return s;
}

std::vector<people::Store> visible_stores(Context& c) {
  std::vector<people::Store> out;
  for (auto& s : c.store<storage::OrgStore>().stores())
    if (c.actor.in_store(s.id)) out.push_back(std::move(s));
  return out;
}

std::vector<people::Department> visible_departments(Context& c, std::optional<int64_t> store_id) {
  std::vector<people::Department> out;
  for (auto& d : c.store<storage::OrgStore>().departments(store_id))
    if (c.actor.in_store(d.store_id)) out.push_back(std::move(d));
  return out;
}

std::vector<people::Staff> visible_staff(Context& c) {
  std::vector<people::Staff> out;
  for (auto& s : c.store<storage::OrgStore>().staff_list()) {
    bool shares = c.actor.is_admin() ||
                  std::any_of(s.store_ids.begin(), s.store_ids.end(), [&](int64_t id) { return c.actor.in_store(id); });
    if (shares) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kefu::app
