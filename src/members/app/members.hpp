#pragma once
#include <optional>
#include <string>

#include "core/app/context.hpp"
#include "members/domain/member.hpp"

namespace kefu::app {

struct NewMember {
  std::string name;
  std::string phone;  // as typed; normalised here
  std::string tier = "normal";
  std::string birthday;
  std::vector<std::string> care_flags;
  std::optional<int64_t> home_store_id;
};
// Registers a member; a phone already on file is a conflict (code member_exists).
people::Member create_member(Context&, const NewMember&);
people::Member get_member(Context&, int64_t id);
// Looks up by phone (any common spelling) or member number; nullopt when unknown.
std::optional<people::Member> find_member(Context&, const std::string& phone_or_number);

}  // namespace kefu::app
