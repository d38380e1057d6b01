#pragma once
// The error codes of exports and reports (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kExportTooLarge{"export_too_large", K::invalid_input,
                                           "一次最多导出 {max} 行，请缩小筛选范围（如缩短时间段或选择门店）",
                                           "an export holds at most {max} rows; narrow the filters (a shorter "
                                           "period, one store)"};
inline constexpr ErrorCode kInvalidSchedule{"invalid_schedule", K::invalid_input, "定时报表设置无效：{why}",
                                            "invalid report schedule: {why}"};

}  // namespace kefu::errors
