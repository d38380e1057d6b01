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
// password_hash is computed by the caller (off the io threads).
people::Staff create_staff(Context&, people::Staff);

std::vector<people::Store> visible_stores(Context&);
std::vector<people::Department> visible_departments(Context&, std::optional<int64_t> store_id);
// Staff of the caller's stores; admins see everyone.
std::vector<people::Staff> visible_staff(Context&);

}  // namespace kefu::app
