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
// Account life (issue 11, hole 8).
inline constexpr ErrorCode kWrongPassword{"wrong_password", K::invalid_input, "当前密码不正确",
                                          "the current password is wrong"};
inline constexpr ErrorCode kWeakPassword{"weak_password", K::invalid_input, "密码太容易被猜到：{problem}",
                                         "the password is too easy to guess: {problem}"};
inline constexpr ErrorCode kPasswordUnchanged{"password_unchanged", K::invalid_input, "新密码不能与当前密码相同",
                                              "the new password must differ from the current one"};
inline constexpr ErrorCode kPasswordChangeRequired{"password_change_required", K::forbidden,
                                                   "管理员已重置您的密码，请先设置新密码",
                                                   "an admin reset your password: set a new one first"};
inline constexpr ErrorCode kNotYourself{"not_yourself", K::invalid_input, "不能对自己的账号执行此操作：{what}",
                                        "you cannot do this to your own account: {what}"};

}  // namespace kefu::errors
