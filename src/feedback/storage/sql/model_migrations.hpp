#pragma once
// Feedback migration 2: what the classifier learns from and what it learned
// (feedback_model_store.hpp), wired into the feedback schema (migrations.cpp). Examples are
// kept once per (origin, text), texts at most 500 characters (the index stays within
// PostgreSQL's B-tree row limit); a correction's example goes with its item. Figures are
// millionths; the models are base64 text.
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

inline constexpr Migration kFeedbackModelMigration = {.number = 2, .sql = R"SQL(
CREATE TABLE feedback_examples(
  id {id}, text TEXT NOT NULL, topic TEXT NOT NULL, sentiment TEXT NOT NULL, origin TEXT NOT NULL,
  item_id {int} REFERENCES feedback_items(id) ON DELETE CASCADE, created_at {int} NOT NULL,
  created_by {int} REFERENCES staff(id), updated_at {int} NOT NULL);
CREATE UNIQUE INDEX feedback_examples_text ON feedback_examples(origin, text);
CREATE INDEX feedback_examples_item ON feedback_examples(item_id);
CREATE TABLE feedback_models(
  id {id}, trained_at {int} NOT NULL, trained_by {int} REFERENCES staff(id), trigger_kind TEXT NOT NULL,
  examples {int} NOT NULL, examples_stamp TEXT NOT NULL, training_ms {int} NOT NULL,
  held_out_topic {int} NOT NULL, held_out_sentiment {int} NOT NULL, topic_accuracy_ppm {int},
  topic_macro_f1_ppm {int}, sentiment_accuracy_ppm {int}, baseline_id {int},
  baseline_topic_macro_f1_ppm {int}, baseline_sentiment_accuracy_ppm {int}, active {int} NOT NULL,
  refused_zh TEXT NOT NULL, refused_en TEXT NOT NULL, replaced_by {int}, replaced_at {int},
  topic_model TEXT NOT NULL, sentiment_model TEXT NOT NULL);
CREATE INDEX feedback_models_active ON feedback_models(active);
)SQL"};

}  // namespace kefu::storage::sql
