#pragma once
// Stores (门店), departments and staff.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "org/domain/org.hpp"

namespace kefu::storage {

class OrgStore : public Store {
 public:
  static std::unique_ptr<OrgStore> open(Stores&);

  virtual int64_t insert_store(const people::Store&) = 0;
  virtual std::vector<people::Store> stores() = 0;
  virtual std::optional<people::Store> store(int64_t id) = 0;
  virtual bool store_exists(int64_t id) = 0;  // without reading the store (hot paths)
  // Replaces a store's name, address, zone and weekly hours (code and id stay).
  virtual void update_store(const people::Store&) = 0;

  virtual int64_t insert_department(const people::Department&) = 0;
  virtual std::vector<people::Department> departments(std::optional<int64_t> store_id) = 0;
  virtual std::optional<people::Department> department(int64_t id) = 0;

  virtual int64_t insert_staff(const people::Staff&) = 0;
  virtual void update_staff(const people::Staff&) = 0;
  virtual std::optional<people::Staff> staff(int64_t id) = 0;
  virtual std::optional<people::Staff> staff_by_username(const std::string& username) = 0;
  virtual std::vector<people::Staff> staff_list() = 0;
  // Active staff of a store with one role (admins are in every store but never listed).
  virtual std::vector<people::Staff> staff_in_store(int64_t store_id, const std::string& role) = 0;
};

}  // namespace kefu::storage
