#pragma once
// A member (会员) as a plain value.
#include <cstdint>
#include <string>
#include <vector>

namespace kefu::people {

struct Member {
  int64_t id = 0;
  std::string member_no;
  std::string name;
  std::string phone;  // normalised
  std::string tier = "normal";
  std::string birthday;  // YYYY-MM-DD or empty
  std::vector<std::string> care_flags;
  int64_t home_store_id = 0;
  int64_t created_at = 0;
  int64_t merged_into = 0;       // the member this record was merged into (合并); 0: not merged
  int64_t tier_below_since = 0;  // when the 12-month spend fell below the tier (tier_rules.hpp); 0: not below
};

}  // namespace kefu::people
