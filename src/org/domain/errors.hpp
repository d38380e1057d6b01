#pragma once
// The organisation's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kUsernameTaken{"username_taken", K::conflict, "用户名已被使用", "the username is taken"};
inline constexpr ErrorCode kInvalidEmail{"invalid_email", K::invalid_input, "邮箱地址格式不正确",
                                         "not a valid email address"};
inline constexpr ErrorCode kInvalidTimeZone{"invalid_time_zone", K::invalid_input, "未知的时区：{zone}",
                                            "unknown time zone: {zone}"};

}  // namespace kefu::errors
