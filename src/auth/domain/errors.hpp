#pragma once
// The auth capability's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kInvalidCredentials{"invalid_credentials", K::unauthenticated, "用户名或密码错误",
                                               "wrong username or password"};
inline constexpr ErrorCode kLoginLocked{"login_locked", K::too_many, "登录失败次数过多，请 {minutes} 分钟后再试",
                                        "too many failed logins; try again in {minutes} minutes"};
inline constexpr ErrorCode kNotASession{"not_a_session", K::invalid_input, "API 令牌不能登出，请由管理员吊销",
                                        "API tokens cannot log out; an admin revokes them"};

}  // namespace kefu::errors
