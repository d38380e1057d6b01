#pragma once
// The returns capability's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kReturnRefused{"return_refused", K::conflict,
                                          "按退换货政策不予受理（{rule}）：{words}[。{advice}]",
                                          "the return policy refuses this return ({rule}): {words}[. {advice}]"};

}  // namespace kefu::errors
