#pragma once
// The customer page's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kTicketClosed{"ticket_closed", K::conflict, "工单已关闭，如需帮助请提交新的反馈",
                                         "this ticket is closed; please submit a new request"};
inline constexpr ErrorCode kTooManyAttempts{"too_many_attempts", K::too_many, "查询次数过多，请 {minutes} 分钟后再试",
                                            "too many attempts; try again in {minutes} minutes"};
inline constexpr ErrorCode kTooManyPhotos{"too_many_photos", K::conflict, "每个工单最多上传 {max} 张照片",
                                          "at most {max} photos per ticket"};

}  // namespace kefu::errors
