#pragma once
// Words a retail service desk sees every day, added to the segmentation
// dictionary with a high frequency so they are kept whole (退货, not 退|货).
#include <span>
#include <string_view>

namespace kefu::text {

// Normalized (NFKC_Casefold) UTF-8, Chinese characters only, no duplicates.
std::span<const std::string_view> retail_terms();

}  // namespace kefu::text
