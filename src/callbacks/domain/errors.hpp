#pragma once
// The callbacks' and ratings' error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kCallbackNotDue{"callback_not_due", K::conflict,
                                           "该工单当前没有待办的回访（须已办结且回访未完成）",
                                           "this ticket has no callback due (it must be resolved and its callback not "
                                           "yet done)"};
inline constexpr ErrorCode kAlreadyRated{"already_rated", K::conflict, "该工单已评价过，感谢您的反馈",
                                         "this ticket has already been rated"};
inline constexpr ErrorCode kNotResolved{"not_resolved", K::conflict, "工单办结后才能邀请顾客评价",
                                        "the ticket must be resolved or closed before the customer rates it"};
inline constexpr ErrorCode kInvalidRating{"invalid_rating", K::invalid_input, "评分须为 1 到 5 分",
                                          "The rating must be from 1 to 5"};

}  // namespace kefu::errors
