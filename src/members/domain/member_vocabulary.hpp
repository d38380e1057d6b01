#pragma once
// The closed vocabularies of members: tiers (等级) and special-care flags.
#include <string_view>

namespace kefu::people {

bool is_member_tier(std::string_view code);  // normal, silver, gold, platinum
bool is_care_flag(std::string_view code);    // elderly, disabled, pregnant

}  // namespace kefu::people
