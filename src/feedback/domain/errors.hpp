#pragma once
// The feedback capability's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kNpsAnswered{"nps_answered", K::conflict, "该问卷已回答，感谢您的反馈",
                                        "this survey has already been answered"};
inline constexpr ErrorCode kNotDetractor{"not_detractor", K::conflict, "只有 0–6 分的回答可以创建服务补救工单",
                                         "only an answer of 0 to 6 opens a service-recovery ticket"};

}  // namespace kefu::errors
