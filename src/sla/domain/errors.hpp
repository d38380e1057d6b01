#pragma once
// The SLA capability's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kInvalidTarget{"invalid_target", K::invalid_input, "时限须为 {min} 至 {max} 分钟",
                                          "a target must be {min} to {max} minutes"};
inline constexpr ErrorCode kInvalidCalendar{"invalid_calendar", K::invalid_input, "{problem}", "{problem}"};
inline constexpr ErrorCode kInvalidClockEvent{"invalid_clock_event", K::conflict, "{metric}时钟不能「{event}」：{why}",
                                              "{metric} clock cannot {event}: {why}"};
inline constexpr ErrorCode kMissingCalendar{"missing_calendar", K::invalid_input, "工单 {ticket} 没有营业日历",
                                            "ticket {ticket} has no business calendar"};
inline constexpr ErrorCode kBusinessTimeOutOfRange{"business_time_out_of_range", K::invalid_input, "{problem}",
                                                   "{problem}"};
inline constexpr ErrorCode kDuplicatePosition{"duplicate_position", K::invalid_input,
                                              "顺序号 {position} 已被{other}使用",
                                              "position {position} is taken by {other}"};
inline constexpr ErrorCode kDuplicateId{"duplicate_id", K::invalid_input, "策略编号重复：{id}",
                                        "two policies share the id {id}"};
inline constexpr ErrorCode kEmptyCondition{"empty_condition", K::invalid_input, "{field} 至少要有一个取值",
                                           "{field} needs at least one value"};
inline constexpr ErrorCode kInvalidEscalationStep{"invalid_escalation_step", K::invalid_input, "{problem}",
                                                  "{problem}"};
inline constexpr ErrorCode kLadderOutOfOrder{"ladder_out_of_order", K::invalid_input,
                                             "升级步骤须按时间先后排列（先百分比，后超时后分钟）",
                                             "steps must be in time order: percent steps first, then minutes after "
                                             "breach"};

}  // namespace kefu::errors
