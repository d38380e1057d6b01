#pragma once
// Migration 2 of the quality capability: the automatic checks' rules, hits and the job's
// cursors (listed in quality's migrations.cpp beside migration 1).
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// store_id 0 is the chain (no store row); a store's rule of a code overrides the chain's.
// A hit is unique per rule and message (message_ref: a ticket event id or a chat seq).
inline constexpr Migration kQualityAutoMigration{.number = 2, .sql = R"SQL(
CREATE TABLE qa_auto_rules(
  id {id}, code TEXT NOT NULL, store_id {int} NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  phrases TEXT NOT NULL, seconds {int} NOT NULL, threshold {int} NOT NULL, red_line {int} NOT NULL,
  enabled {int} NOT NULL, version {int} NOT NULL, updated_at {int} NOT NULL, updated_by {int} NOT NULL,
  UNIQUE(store_id, code));
CREATE TABLE qa_auto_hits(
  id {id}, rule_code TEXT NOT NULL, rule_kind TEXT NOT NULL, rule_name TEXT NOT NULL,
  subject_kind TEXT NOT NULL, subject_id {int} NOT NULL, message_ref {int} NOT NULL,
  staff_id {int} REFERENCES staff(id), store_id {int} NOT NULL REFERENCES stores(id), red_line {int} NOT NULL,
  excerpt TEXT NOT NULL, detail TEXT NOT NULL, at {int} NOT NULL,
  UNIQUE(rule_code, subject_kind, subject_id, message_ref));
CREATE INDEX qa_auto_hits_store_at ON qa_auto_hits(store_id, at);
CREATE INDEX qa_auto_hits_subject ON qa_auto_hits(subject_kind, subject_id);
CREATE TABLE qa_auto_cursors(name TEXT PRIMARY KEY, position {int} NOT NULL);
CREATE INDEX qa_conversations_ended ON conversations(ended_at, id) WHERE ended_at IS NOT NULL;
)SQL"};

}  // namespace kefu::storage::sql
