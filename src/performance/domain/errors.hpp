#pragma once
// The performance capability's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kNotComplaintOrPraise{
    "not_complaint_or_praise", K::conflict, "只有投诉或表扬类工单可以记录被投诉/被表扬的员工",
    "only a complaint or praise ticket can name staff for a complaint or praise"};
inline constexpr ErrorCode kAlreadyRecorded{"already_recorded", K::conflict, "该工单已就此员工记录过",
                                            "this ticket already names this person"};
inline constexpr ErrorCode kNotAComplaint{"not_a_complaint", K::conflict, "只有投诉记录需要核实",
                                          "only a complaint is reviewed"};
inline constexpr ErrorCode kInvalidMonth{"invalid_month", K::invalid_input, "月份格式应为 YYYY-MM",
                                         "the month must be YYYY-MM"};

}  // namespace kefu::errors
