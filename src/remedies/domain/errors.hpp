#pragma once
// The remedies' error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kAlreadyDecided{"already_decided", K::conflict, "该办结方案已处理（{status}），不能再次审批",
                                           "the resolution was already decided ({status})"};
inline constexpr ErrorCode kApprovalPending{"approval_pending", K::conflict, "{problem}", "{problem}"};
inline constexpr ErrorCode kInvalidAmount{"invalid_amount", K::invalid_input, "{problem}", "{problem}"};
inline constexpr ErrorCode kLimitsNotMonotone{"limits_not_monotone", K::invalid_input,
                                              "{higher}的授权额度（{high} 元）不能低于{lower}的（{low} 元）",
                                              "The limit of {higher} ({high} yuan) is below that of {lower} ({low} "
                                              "yuan)"};

}  // namespace kefu::errors
