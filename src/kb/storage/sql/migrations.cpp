// The schema of the knowledge base (知识库): entries, their drafts, versions and per-store
// answers; the category tree, synonym groups and small talk; what the matcher learned from. Lists (similar questions,
// keywords, synonyms) and a draft's or version's content are JSON text
// (kb/storage/faq_json.hpp): they are read and written whole.
#include "kb/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kKb[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE kb_categories(
  id {id}, parent_id {int} REFERENCES kb_categories(id), name TEXT NOT NULL, position {int} NOT NULL);
CREATE INDEX kb_categories_parent ON kb_categories(parent_id);
CREATE TABLE kb_entries(
  id {id}, external_id TEXT, category_id {int} REFERENCES kb_categories(id), status TEXT NOT NULL,
  audience TEXT NOT NULL, question TEXT NOT NULL, similar_questions TEXT NOT NULL, answer TEXT NOT NULL,
  keywords TEXT NOT NULL, valid_from {int}, valid_to {int}, version {int} NOT NULL,
  created_at {int} NOT NULL, created_by {int} NOT NULL REFERENCES staff(id), updated_at {int} NOT NULL,
  updated_by {int} NOT NULL REFERENCES staff(id), published_at {int}, published_by {int} REFERENCES staff(id));
CREATE UNIQUE INDEX kb_entries_external ON kb_entries(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX kb_entries_category ON kb_entries(category_id);
CREATE TABLE kb_drafts(
  entry_id {int} PRIMARY KEY REFERENCES kb_entries(id), content TEXT NOT NULL, updated_at {int} NOT NULL,
  updated_by {int} NOT NULL REFERENCES staff(id));
CREATE TABLE kb_versions(
  entry_id {int} NOT NULL REFERENCES kb_entries(id), version {int} NOT NULL, content TEXT NOT NULL,
  variants TEXT NOT NULL, published_at {int} NOT NULL, published_by {int} NOT NULL REFERENCES staff(id),
  PRIMARY KEY(entry_id, version));
CREATE TABLE kb_variants(
  entry_id {int} NOT NULL REFERENCES kb_entries(id), store_id {int} NOT NULL REFERENCES stores(id),
  answer TEXT NOT NULL, updated_at {int} NOT NULL, updated_by {int} NOT NULL REFERENCES staff(id),
  PRIMARY KEY(entry_id, store_id));
CREATE INDEX kb_variants_store ON kb_variants(store_id);
CREATE TABLE kb_synonyms(
  id {id}, words TEXT NOT NULL, updated_at {int} NOT NULL, updated_by {int} NOT NULL REFERENCES staff(id));
CREATE TABLE kb_small_talk(
  id {id}, pattern TEXT NOT NULL, reply TEXT NOT NULL, updated_at {int} NOT NULL,
  updated_by {int} NOT NULL REFERENCES staff(id));
)SQL"},
    // What the matcher learns from besides the entries (kb/domain/learning.hpp). The
    // conversation and ticket are kept as plain ids: the knowledge base does not depend on
    // the chat or ticket schema, and a signal outlives neither in meaning.
    {.number = 2, .sql = R"SQL(
CREATE TABLE kb_signals(
  id {id}, query TEXT NOT NULL, entry_id {int} NOT NULL REFERENCES kb_entries(id), source TEXT NOT NULL,
  store_id {int} REFERENCES stores(id), conversation_id {int}, ticket_id {int}, created_at {int} NOT NULL,
  created_by {int} REFERENCES staff(id), updated_at {int} NOT NULL, revoked_at {int},
  revoked_by {int} REFERENCES staff(id));
CREATE INDEX kb_signals_entry ON kb_signals(entry_id);
CREATE INDEX kb_signals_query ON kb_signals(query, entry_id);
CREATE TABLE kb_pairs(
  id {id}, a TEXT NOT NULL, b TEXT NOT NULL, same {int} NOT NULL, source TEXT NOT NULL,
  created_at {int} NOT NULL, created_by {int} REFERENCES staff(id), updated_at {int} NOT NULL,
  revoked_at {int}, revoked_by {int} REFERENCES staff(id));
CREATE UNIQUE INDEX kb_pairs_texts ON kb_pairs(a, b);
)SQL"},
};

constexpr CountedTable kTables[] = {{"kb_categories"}, {"kb_entries"},  {"kb_drafts"},
                                    {"kb_versions"},   {"kb_variants"}, {"kb_synonyms"},
                                    {"kb_small_talk"}, {"kb_signals"},  {"kb_pairs"}};

}  // namespace

SchemaModule kb_schema() { return {"kb", kKb, kTables}; }

}  // namespace kefu::storage::sql
