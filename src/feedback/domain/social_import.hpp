#pragma once
// The rules of a social-media import (微博, 大众点评, 小红书 exports) that need no file and no
// database: reading a post's time and rating as the platforms write them, and the key that
// makes a second import of the same post add nothing. Pure functions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kefu::feedback {

// China Standard Time (Asia/Shanghai has had no daylight saving since 1991): the zone of a
// time written without one.
inline constexpr int kChinaOffsetMinutes = 8 * 60;

// Milliseconds since the epoch from the ways exports write a time:
//   "2026-11-30 14:22", "2026/11/30 14:22:05", "2026.11.30", "2026年11月30日 14:22",
//   RFC 3339 ("2026-11-30T06:22:05Z", "…+08:00"), Unix seconds (10 digits) or ms (13).
// Without a zone the time is local at `offset_minutes`. nullopt for anything else
// (relative times such as "3小时前", impossible dates).
std::optional<int64_t> parse_post_time(std::string_view text, int offset_minutes = kChinaOffsetMinutes);

// 1–5 stars from "4", "4.5" (rounded half up), "40" (大众点评's 0–50 scale); nullopt for
// anything else, which the import leaves without a rating rather than skipping the post.
std::optional<int> parse_stars(std::string_view text);

// The item's source_ref: "<source name>:<post id>", or when the export has no id (or an
// unusably long one) "<source name>:#<hash of author, time and text>", so the same post
// gives the same key however often the file is imported.
std::string social_ref(std::string_view source_name, std::string_view post_id, std::string_view author,
                       std::string_view time, std::string_view text);

}  // namespace kefu::feedback
