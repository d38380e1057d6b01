#pragma once
// Personal-data rights' error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kPrivacySubjectRequired{"privacy_subject_required", K::invalid_input,
                                                   "请提供会员 ID 或手机号（二选一）",
                                                   "give a member id or a phone number (one of them)"};
inline constexpr ErrorCode kPrivacyNothingHeld{"privacy_nothing_held", K::not_found, "系统中没有此人的个人信息",
                                               "kefu holds no personal data on this person"};
inline constexpr ErrorCode kPrivacyRequestMove{"privacy_request_move", K::conflict, "该请求不能{move}：{reason}",
                                               "this request cannot be {move}: {reason}"};
inline constexpr ErrorCode kPrivacyExportGone{"privacy_export_gone", K::gone, "下载链接已使用或已过期，请重新导出",
                                              "this download link was used or has expired; export again"};

}  // namespace kefu::errors
