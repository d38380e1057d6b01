#pragma once
// The members' error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kMemberExists{"member_exists", K::conflict, "该手机号已注册会员 {member_no}",
                                         "a member with this phone exists: {member_no}"};

}  // namespace kefu::errors
