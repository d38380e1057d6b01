#pragma once
// The closed vocabularies of members: tiers (等级) and special-care flags (关怀标记).
#include <array>
#include <string_view>

#include "core/domain/vocabulary.hpp"

namespace kefu::people {

enum class TierCode { normal, silver, gold, platinum };
inline constexpr std::array<Term<TierCode>, 4> kTiers{{
    {TierCode::normal, "normal", "普通会员", "Standard"},
    {TierCode::silver, "silver", "银卡", "Silver"},
    {TierCode::gold, "gold", "金卡", "Gold"},
    {TierCode::platinum, "platinum", "白金卡", "Platinum"},
}};
using Tier = Closed<TierCode, kTiers>;

enum class CareFlagCode { elderly, disabled, pregnant };
inline constexpr std::array<Term<CareFlagCode>, 3> kCareFlags{{
    {CareFlagCode::elderly, "elderly", "老人", "Elderly"},
    {CareFlagCode::disabled, "disabled", "残障", "Disabled"},
    {CareFlagCode::pregnant, "pregnant", "孕妇", "Pregnant"},
}};
using CareFlag = Closed<CareFlagCode, kCareFlags>;

inline bool is_member_tier(std::string_view code) { return Tier::parse(code).has_value(); }
inline bool is_care_flag(std::string_view code) { return CareFlag::parse(code).has_value(); }

}  // namespace kefu::people
