#pragma once
// Feedback migration 3 (intake): the photos a customer sends with the feedback form
// (feedback/storage/feedback_photo_store.hpp), listed in migrations.cpp. `digest` is the
// blob's sha256 in the attachments folder; `n` numbers an item's photos 1..3.
#include <string_view>

namespace kefu::storage::sql {

inline constexpr std::string_view kFeedbackIntakeMigration = R"SQL(
CREATE TABLE feedback_photos(
  id {id}, item_id {int} NOT NULL REFERENCES feedback_items(id), n {int} NOT NULL, digest TEXT NOT NULL,
  content_type TEXT NOT NULL, filename TEXT NOT NULL, size {int} NOT NULL, created_at {int} NOT NULL,
  UNIQUE(item_id, n));
CREATE INDEX feedback_photos_digest ON feedback_photos(digest);
)SQL";

}  // namespace kefu::storage::sql
