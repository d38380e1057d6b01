#pragma once
// Stores, departments and staff as plain values.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "org/domain/role.hpp"

namespace kefu::people {

struct OpeningPeriod {
  int weekday = 0;    // 0 = Sunday .. 6 = Saturday, in the store's time zone
  std::string open;   // "10:00"
  std::string close;  // "22:00"
};

struct Store {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string timezone = "Asia/Shanghai";
  std::string address;
  std::vector<OpeningPeriod> hours;
};

struct Department {
  int64_t id = 0;
  int64_t store_id = 0;
  std::string code;
  std::string name;
  std::string kind;  // desk, floor, brand_counter, security, parking, property, cashier, member_center, other
};

struct Staff {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role;
  std::string phone;
  std::string email;  // where escalation notices go by email; empty = in-app only
  bool active = true;
  std::vector<int64_t> store_ids;
  std::vector<int64_t> department_ids;
  std::string password_hash;  // never leaves the storage/app layers
};

}  // namespace kefu::people
