#include "callbacks/domain/rating.hpp"

#include "callbacks/domain/errors.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"

namespace kefu::csat {

void check_rating(int rating, const std::string& comment) {
  if (rating < kMinRating || rating > kMaxRating) throw make_error(errors::kInvalidRating, {}, "rating");
  if (!text::is_valid_utf8(comment))
    throw make_error(errors::kInvalidUtf8, {{"what", Text("评价内容", "The comment")}}, "comment");
  if (text::utf8_length(comment) > kMaxCommentChars)
    throw make_error(errors::kTooLong, {{"what", Text("评价内容", "The comment")}, {"max", kMaxCommentChars}},
                     "comment");
}

bool needs_service_recovery(int rating) { return rating <= 2; }

}  // namespace kefu::csat
