// The schema of quality inspection (质检): migration 1 holds the manual side — scorecards
// (one row per saved version), the settings (sampling and the appeal window), inspections
// with their per-message comments, calibration sessions and coaching. Migration 2 belongs
// to the automatic checks (auto_*). Every table names staff and tickets/conversations by
// id only; no customer is copied here.
#include "quality/storage/sql/migrations.hpp"

#include "quality/storage/sql/auto_migration.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kQuality[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE qa_scorecards(
  id {id}, store_id {int} NOT NULL, channel TEXT NOT NULL, version {int} NOT NULL, document TEXT NOT NULL,
  note TEXT NOT NULL, created_by {int} NOT NULL, created_at {int} NOT NULL);
CREATE UNIQUE INDEX qa_scorecards_version ON qa_scorecards(store_id, channel, version);
CREATE TABLE qa_settings(
  store_id {int} PRIMARY KEY, document TEXT NOT NULL, updated_by {int} NOT NULL, updated_at {int} NOT NULL);
CREATE TABLE qa_inspections(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), subject_kind TEXT NOT NULL, subject_id {int} NOT NULL,
  staff_id {int} NOT NULL REFERENCES staff(id), channel TEXT NOT NULL, reason TEXT NOT NULL,
  week_start {int} NOT NULL, scorecard_store_id {int} NOT NULL, scorecard_version {int} NOT NULL,
  status TEXT NOT NULL, inspector_id {int}, marks TEXT NOT NULL, score_x10 {int}, red_line {int} NOT NULL,
  summary TEXT NOT NULL, first_score_x10 {int}, appeal_due_at {int}, appeal_reason TEXT NOT NULL,
  appealed_at {int}, decided_by {int}, decision_note TEXT NOT NULL, decided_at {int},
  acknowledged_at {int}, submitted_at {int}, created_at {int} NOT NULL, updated_at {int} NOT NULL,
  version {int} NOT NULL);
CREATE INDEX qa_inspections_store ON qa_inspections(store_id, status, created_at);
CREATE INDEX qa_inspections_staff ON qa_inspections(staff_id, submitted_at);
CREATE INDEX qa_inspections_subject ON qa_inspections(subject_kind, subject_id);
CREATE TABLE qa_comments(
  id {id}, inspection_id {int} NOT NULL REFERENCES qa_inspections(id), anchor TEXT NOT NULL,
  anchor_id {int}, item TEXT NOT NULL, body TEXT NOT NULL, author_id {int} NOT NULL, created_at {int} NOT NULL);
CREATE INDEX qa_comments_inspection ON qa_comments(inspection_id, id);
CREATE TABLE qa_calibrations(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), subject_kind TEXT NOT NULL, subject_id {int} NOT NULL,
  staff_id {int} NOT NULL, channel TEXT NOT NULL, scorecard_store_id {int} NOT NULL,
  scorecard_version {int} NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, final_marks TEXT NOT NULL,
  final_score_x10 {int}, created_by {int} NOT NULL, created_at {int} NOT NULL, closed_at {int});
CREATE INDEX qa_calibrations_store ON qa_calibrations(store_id, created_at);
CREATE TABLE qa_calibration_scores(
  calibration_id {int} NOT NULL REFERENCES qa_calibrations(id), inspector_id {int} NOT NULL,
  marks TEXT NOT NULL, score_x10 {int} NOT NULL, red_line {int} NOT NULL, submitted_at {int} NOT NULL,
  PRIMARY KEY(calibration_id, inspector_id));
CREATE TABLE qa_coaching(
  id {id}, inspection_id {int} NOT NULL REFERENCES qa_inspections(id), store_id {int} NOT NULL,
  staff_id {int} NOT NULL, item TEXT NOT NULL, material_kind TEXT NOT NULL, material_id {int} NOT NULL,
  note TEXT NOT NULL, due_at {int} NOT NULL, assigned_by {int} NOT NULL, created_at {int} NOT NULL,
  acknowledged_at {int});
CREATE INDEX qa_coaching_staff ON qa_coaching(staff_id, created_at);
CREATE INDEX qa_coaching_inspection ON qa_coaching(inspection_id);
)SQL"},
    kQualityAutoMigration,  // the automatic checks (auto_migration.hpp)
};

constexpr CountedTable kTables[] = {
    {"qa_scorecards"},         {"qa_settings"}, {"qa_inspections"}, {"qa_comments"},  {"qa_calibrations"},
    {"qa_calibration_scores"}, {"qa_coaching"}, {"qa_auto_rules"},  {"qa_auto_hits"}, {"qa_auto_cursors"}};

}  // namespace

SchemaModule quality_schema() { return {"quality", kQuality, kTables}; }

}  // namespace kefu::storage::sql
