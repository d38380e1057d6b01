#pragma once
// Members (会员).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/storage/stores.hpp"
#include "members/domain/member.hpp"

namespace kefu::storage {

class MemberStore : public Store {
 public:
  static std::unique_ptr<MemberStore> open(Stores&);

  virtual int64_t insert_member(const people::Member&) = 0;
  virtual std::optional<people::Member> member(int64_t id) = 0;
  virtual std::optional<people::Member> member_by_phone(const std::string& phone) = 0;
  virtual std::optional<people::Member> member_by_no(const std::string& member_no) = 0;
};

}  // namespace kefu::storage
