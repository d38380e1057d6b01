// PLACEHOLDER until the feedback foundation lands: migration 1 is the lead's.
#include "feedback/storage/sql/migrations.hpp"

#include "feedback/storage/sql/model_migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kFeedback[] = {
    {.number = 1, .sql = "CREATE TABLE feedback_items(id {id});"},
    kFeedbackModelMigration,
};

constexpr CountedTable kTables[] = {{"feedback_items"}, {"feedback_examples"}, {"feedback_models"}};

}  // namespace

SchemaModule feedback_schema() { return {"feedback", kFeedback, kTables}; }

}  // namespace kefu::storage::sql
