#pragma once
// The members' error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kMemberExists{"member_exists", K::conflict, "该手机号已注册会员 {member_no}",
                                         "a member with this phone exists: {member_no}"};
inline constexpr ErrorCode kIdentityTaken{"identity_taken", K::conflict, "该{kind}已属于会员 {member_no}",
                                          "this {kind} belongs to member {member_no}"};
inline constexpr ErrorCode kMemberMerged{"member_merged", K::conflict, "会员 {member_no} 已合并到其他会员",
                                         "member {member_no} has been merged into another member"};
inline constexpr ErrorCode kMergeInvalid{"merge_invalid", K::conflict, "无法合并：{reason}", "cannot merge: {reason}"};
inline constexpr ErrorCode kPointsInsufficient{"points_insufficient", K::conflict,
                                               "积分不足：余额 {balance}，需要 {needed}",
                                               "not enough points: balance {balance}, needed {needed}"};
inline constexpr ErrorCode kTooManyTags{"too_many_tags", K::invalid_input, "标签最多 {max} 个", "at most {max} tags"};

}  // namespace kefu::errors
