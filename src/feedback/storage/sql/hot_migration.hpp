#pragma once
// Feedback migration 6 (hot issues and the digest): the notices sent about a spike (kind
// hot, period = the store's local day) or a weekly digest (kind digest, period = the ISO
// week), one row each, so that a manager is told once whatever node or restart sends it
// (feedback/storage/feedback_stats_store.hpp). Listed in migrations.cpp.
#include <string_view>

namespace kefu::storage::sql {

inline constexpr std::string_view kFeedbackHotMigration = R"SQL(
CREATE TABLE feedback_notices(
  id {id}, kind TEXT NOT NULL, store_id {int} NOT NULL REFERENCES stores(id), topic TEXT NOT NULL,
  period TEXT NOT NULL, sent_at {int} NOT NULL, recipients {int} NOT NULL, UNIQUE(kind, store_id, topic, period));
)SQL";

}  // namespace kefu::storage::sql
