#pragma once
// Quality inspection's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kQaWrongState{"qa_wrong_state", K::conflict, "该质检当前为「{status}」，不能{move}",
                                         "the inspection is {status}: it cannot be {move}"};
inline constexpr ErrorCode kQaAppealClosed{"qa_appeal_closed", K::conflict, "申诉期已过（截止 {due}），不能再申诉",
                                           "the appeal window closed at {due}"};
inline constexpr ErrorCode kQaNotYours{"qa_not_yours", K::forbidden, "只有被质检的客服本人可以{move}",
                                       "only the agent inspected may {move} it"};
inline constexpr ErrorCode kQaSameInspector{"qa_same_inspector", K::forbidden,
                                            "申诉须由另一位质检员处理，原质检员不能处理自己的评分",
                                            "an appeal is decided by another inspector, not the one who scored it"};
inline constexpr ErrorCode kQaOwnWork{"qa_own_work", K::forbidden, "不能质检自己处理的工单或会话",
                                      "nobody inspects their own work"};
inline constexpr ErrorCode kQaCalibrationClosed{"qa_calibration_closed", K::conflict, "该校准已结束，不能再评分",
                                                "the calibration session is closed"};

}  // namespace kefu::errors
