// Internal building blocks of generate(): each part of the catalogue.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "demo/catalog.hpp"
#include "demo/random.hpp"

namespace kefu::demo::detail {

// Hands out unique mainland mobile numbers (1[3-9]x + 8 digits).
class PhoneBook {
 public:
  std::string next(Rng& rng);

 private:
  std::unordered_set<std::string> used_;
};

// org.cpp: the fixed organisation.
std::vector<Store> make_stores();
std::vector<Department> make_departments();
std::vector<Staff> make_staff(Rng& rng, PhoneBook& phones);

// members.cpp
std::vector<Member> make_members(Rng& rng, PhoneBook& phones, int count, int64_t now_unix,
                                 const std::vector<Store>& stores);

// tickets.cpp: tickets sorted by created_at, with their timelines.
std::vector<Ticket> make_tickets(uint64_t seed, int64_t now_unix, int count, int days, const Catalog& catalog);

// Staff lookups shared by tickets.cpp and timeline.cpp.
bool works_at(const Staff& staff, std::string_view store_code);
bool in_department(const Staff& staff, std::string_view department_code);
// Usernames of the store's staff with that role (and department, when not empty).
std::vector<std::string> staff_with(const Catalog& catalog, std::string_view store_code, std::string_view role,
                                    std::string_view department_code = {});

}  // namespace kefu::demo::detail
