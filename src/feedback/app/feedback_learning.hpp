#pragma once
// What the feedback classifier learns from (issue 14, docs/feedback.md "Classification"):
// the seed set stored once, examples imported through the API (CSV or JSON Lines), the
// staff's corrections of items, listing and deleting them.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "feedback/storage/feedback_model_store.hpp"

namespace kefu::app {

// A fresh installation's examples: the seed set (feedback/domain/seed_examples.hpp) is
// stored as origin "seed" when no example of that origin and no version exist yet (so an
// admin's deletions stay deleted). Returns how many were stored.
int seed_examples(Context&);

// POST /feedback/examples. format "csv" (a header naming the columns text, topic, sentiment
// in any order; RFC 4180) or "jsonl" (one object {text, topic?, sentiment?} a line). A row
// needs a text of 1–500 characters and a topic of the taxonomy and/or a sentiment
// (positive | negative); a row that has not is skipped with the reason. Idempotent: a row
// already imported is unchanged, one imported with other labels is updated.
struct SkippedRow {
  int line = 0;
  std::string code;  // required | too_long | unknown_topic | unknown_sentiment | unreadable
  std::string message_zh, message_en;
};
struct ImportReport {
  int rows = 0, added = 0, updated = 0, unchanged = 0;
  std::vector<SkippedRow> skipped;
};
ImportReport import_examples(Context&, const std::string& format, const std::string& text);

std::vector<storage::FeedbackExample> list_examples(Context&, const storage::ExampleFilter&);
storage::ExampleCounts count_examples(Context&);
// not_found when there is none.
void delete_example(Context&, int64_t id);

// A staff confirmation or correction of an item's topic and/or sentiment becomes an example
// of origin "correction" (one per text: a later correction relabels it). Either label may be
// "" (not said). Returns the example's id, or nullopt when neither label is set.
std::optional<int64_t> record_correction(Context&, std::optional<int64_t> item_id, const std::string& text,
                                         const std::string& topic, const std::string& sentiment);

// The topic codes examples may carry: the taxonomy's.
std::set<std::string> topic_codes(Context&);

}  // namespace kefu::app
