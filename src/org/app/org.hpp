#pragma once
// Stores, departments and staff: admins manage them, every staff member can read
// the stores and departments they work in (to pick a department or a colleague).
#include <optional>
#include <vector>

#include "core/app/context.hpp"
#include "org/domain/org.hpp"

namespace kefu::app {

people::Store create_store(Context&, people::Store);
people::Department create_department(Context&, people::Department);
// A new account's first half, slow on purpose (argon2id): only an admin may add staff
// (403, checked before anything else), the role is one (invalid_enum), the password
// follows the policy (auth/domain/password_policy.hpp); returns the
// staff with its password_hash. Run it off the io threads (core/api/support.hpp:
// write_after), then create_staff.
people::Staff prepare_staff(const people::Actor&, people::Staff, const std::string& role, const std::string& password);
// password_hash comes from prepare_staff.
people::Staff create_staff(Context&, people::Staff);

std::vector<people::Store> visible_stores(Context&);
std::vector<people::Department> visible_departments(Context&, std::optional<int64_t> store_id);
// Staff of the caller's stores; admins see everyone.
std::vector<people::Staff> visible_staff(Context&);

}  // namespace kefu::app
