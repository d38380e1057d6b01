// The schema of feedback (反馈): the topic taxonomy (empty until an admin first edits it:
// until then the defaults of feedback/domain/topics.hpp apply, so that a fresh database
// holds no rows and a transfer can fill it), places with QR codes, and the items of the one inbox
// (feedback/domain/item.hpp). Scores are kept in millionths (the schema has no
// floating-point columns). action_id is not a reference: the actions' table comes later in
// this module and items are grouped and ungrouped freely.
#include "feedback/storage/sql/migrations.hpp"

#include "feedback/storage/sql/actions_migration.hpp"
#include "feedback/storage/sql/hot_migration.hpp"
#include "feedback/storage/sql/intake_migration.hpp"
#include "feedback/storage/sql/model_migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kFeedback[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE feedback_topics(
  code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, position {int} NOT NULL, active {int} NOT NULL);
CREATE TABLE feedback_places(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), name TEXT NOT NULL, touchpoint TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE, active {int} NOT NULL, created_at {int} NOT NULL);
CREATE INDEX feedback_places_store ON feedback_places(store_id, name);
CREATE TABLE feedback_items(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), place_id {int} REFERENCES feedback_places(id),
  touchpoint TEXT NOT NULL, source TEXT NOT NULL, source_ref TEXT NOT NULL, said_at {int} NOT NULL,
  received_at {int} NOT NULL, text TEXT NOT NULL, rating {int}, member_id {int} REFERENCES members(id),
  contact_phone TEXT NOT NULL, author TEXT NOT NULL, ticket_id {int} REFERENCES tickets(id),
  conversation_id {int} REFERENCES conversations(id), action_id {int}, entered_by {int} REFERENCES staff(id),
  topic_predicted TEXT NOT NULL, topic_score_ppm {int} NOT NULL, sentiment_predicted TEXT NOT NULL,
  sentiment_score_ppm {int} NOT NULL, model_version {int}, topic_confirmed {int} NOT NULL,
  sentiment_confirmed {int} NOT NULL, topic TEXT NOT NULL, sentiment TEXT NOT NULL,
  confirmed_by {int} REFERENCES staff(id), confirmed_at {int});
CREATE INDEX feedback_items_store_time ON feedback_items(store_id, said_at);
CREATE INDEX feedback_items_time ON feedback_items(said_at);
CREATE UNIQUE INDEX feedback_items_ref ON feedback_items(source, source_ref) WHERE source_ref <> '';
CREATE INDEX feedback_items_action ON feedback_items(action_id) WHERE action_id IS NOT NULL;
CREATE INDEX feedback_items_ticket ON feedback_items(ticket_id) WHERE ticket_id IS NOT NULL;
)SQL"},
    kFeedbackModelMigration,                         // the classifier's examples and versions (model_migrations.hpp)
    {.number = 3, .sql = kFeedbackIntakeMigration},  // the form's photos (intake_migration.hpp)
    // 4: the column mappings of social-media imports, per source name (feedback/storage/import_mapping_store.hpp).
    {.number = 4, .sql = R"SQL(
CREATE TABLE feedback_import_mappings(
  source_name TEXT PRIMARY KEY, text_column TEXT NOT NULL, time_column TEXT NOT NULL, author_column TEXT NOT NULL,
  rating_column TEXT NOT NULL, post_id_column TEXT NOT NULL, store_column TEXT NOT NULL,
  store_id {int} REFERENCES stores(id), updated_by {int} REFERENCES staff(id), updated_at {int} NOT NULL);
)SQL"},
    // NPS (净推荐值, feedback/domain/nps_campaign.hpp): campaigns, their stores, and the
    // invitations that carry their answer (one link, one answer: no responses table).
    {.number = 5, .sql = R"SQL(
CREATE TABLE nps_campaigns(
  id {id}, name TEXT NOT NULL, trigger_kind TEXT NOT NULL, question TEXT NOT NULL, starts_at {int} NOT NULL,
  ends_at {int} NOT NULL, sample_ppm {int} NOT NULL, sample_size {int} NOT NULL, cap_days {int} NOT NULL,
  link_days {int} NOT NULL, seed {int} NOT NULL, active {int} NOT NULL, created_by {int} REFERENCES staff(id),
  created_at {int} NOT NULL, updated_at {int} NOT NULL);
CREATE TABLE nps_campaign_stores(
  campaign_id {int} NOT NULL REFERENCES nps_campaigns(id), store_id {int} NOT NULL REFERENCES stores(id),
  PRIMARY KEY(campaign_id, store_id));
CREATE TABLE nps_invitations(
  id {id}, campaign_id {int} NOT NULL REFERENCES nps_campaigns(id), store_id {int} NOT NULL REFERENCES stores(id),
  member_id {int} REFERENCES members(id), phone TEXT NOT NULL, member_tier TEXT NOT NULL,
  ticket_id {int} REFERENCES tickets(id), token_digest TEXT NOT NULL, sent_at {int} NOT NULL,
  expires_at {int} NOT NULL, opened_at {int}, answered_at {int}, score {int}, reason TEXT NOT NULL,
  category TEXT NOT NULL, feedback_item_id {int} REFERENCES feedback_items(id),
  recovery_ticket_id {int} REFERENCES tickets(id));
CREATE UNIQUE INDEX nps_invitations_digest ON nps_invitations(token_digest) WHERE token_digest <> '';
CREATE INDEX nps_invitations_campaign ON nps_invitations(campaign_id, sent_at);
CREATE INDEX nps_invitations_store ON nps_invitations(store_id, sent_at);
CREATE INDEX nps_invitations_member ON nps_invitations(member_id, sent_at) WHERE member_id IS NOT NULL;
CREATE INDEX nps_invitations_phone ON nps_invitations(phone, sent_at) WHERE phone <> '';
CREATE INDEX nps_invitations_ticket ON nps_invitations(ticket_id) WHERE ticket_id IS NOT NULL;
)SQL"},
    {.number = 6, .sql = kFeedbackHotMigration},  // notices of hot issues and digests (hot_migration.hpp)
    {.number = 7, .sql = kFeedbackActionsSql},    // improvement actions (actions_migration.hpp)
    // 8: the classifier's background pass asks every few seconds for items without a
    // prediction (FeedbackModelStore::unclassified_items); without this index that question
    // walks the whole table once every item is labelled.
    {.number = 8, .sql = R"SQL(
CREATE INDEX feedback_items_unlabelled ON feedback_items(id) WHERE model_version IS NULL;
)SQL"},
};

constexpr CountedTable kTables[] = {
    {"feedback_topics"},         {"feedback_places"},         {"feedback_items"},        {"feedback_examples"},
    {"feedback_models"},         {"feedback_photos"},         {"feedback_notices"},      {"feedback_import_mappings"},
    {"nps_campaigns"},           {"nps_campaign_stores"},     {"nps_invitations"},       {"feedback_actions"},
    {"feedback_action_tickets"}, {"feedback_action_updates"}, {"feedback_action_photos"}};

}  // namespace

SchemaModule feedback_schema() { return {"feedback", kFeedback, kTables}; }

}  // namespace kefu::storage::sql
