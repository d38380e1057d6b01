#include "callbacks/domain/rating.hpp"

#include "core/domain/error.hpp"
#include "core/text/normalize.hpp"

namespace kefu::csat {

void check_rating(int rating, const std::string& comment) {
  if (rating < kMinRating || rating > kMaxRating)
    throw invalid("rating", "评分须为 1 到 5 分", "The rating must be from 1 to 5", "invalid_rating");
  if (!text::is_valid_utf8(comment))
    throw invalid("comment", "评价内容不是有效的 UTF-8 文本", "The comment is not valid UTF-8", "invalid_utf8");
  if (text::utf8_length(comment) > kMaxCommentChars)
    throw invalid("comment", "评价内容不能超过 " + std::to_string(kMaxCommentChars) + " 个字",
                  "The comment may have at most " + std::to_string(kMaxCommentChars) + " characters", "too_long");
}

bool needs_service_recovery(int rating) { return rating <= 2; }

}  // namespace kefu::csat
