#pragma once
// A customer's satisfaction rating (满意度评价): 1 (很不满意) .. 5 (很满意) and an optional
// comment. Low ratings call for service recovery (服务补救): someone calls the customer back.
#include <cstddef>
#include <string>

namespace kefu::csat {

inline constexpr int kMinRating = 1;
inline constexpr int kMaxRating = 5;
inline constexpr std::size_t kMaxCommentChars = 500;  // code points, not bytes

// Throws kefu::Error (invalid_input):
//   code invalid_rating, field "rating": unless 1 <= rating <= 5;
//   code invalid_utf8, field "comment": the comment is not well-formed UTF-8;
//   code too_long, field "comment": more than 500 characters (code points).
// An empty comment is fine.
void check_rating(int rating, const std::string& comment);

// Ratings of 2 or less need service recovery.
bool needs_service_recovery(int rating);

}  // namespace kefu::csat
