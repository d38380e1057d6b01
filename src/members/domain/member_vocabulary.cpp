#include "members/domain/member_vocabulary.hpp"

#include <algorithm>
#include <array>

namespace kefu::people {
namespace {
constexpr std::array<std::string_view, 4> kTiers{"normal", "silver", "gold", "platinum"};
constexpr std::array<std::string_view, 3> kCareFlags{"elderly", "disabled", "pregnant"};
}  // namespace

bool is_member_tier(std::string_view code) { return std::find(kTiers.begin(), kTiers.end(), code) != kTiers.end(); }

bool is_care_flag(std::string_view code) {
  return std::find(kCareFlags.begin(), kCareFlags.end(), code) != kCareFlags.end();
}

}  // namespace kefu::people
