#pragma once
// What the feedback classifier learns from and what it learned (issue 14, docs/feedback.md
// "Classification"): labelled examples (seeded, imported, or a staff correction of an item)
// and every trained model version with its held-out figures, the active one among them.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// A labelled text. topic: "" or a topic code; sentiment: "", "positive" or "negative"; at
// least one of them set. origin: seed | import | correction. Kept once per (origin, text).
struct FeedbackExample {
  int64_t id = 0;
  std::string text;
  std::string topic;
  std::string sentiment;
  std::string origin;
  std::optional<int64_t> item_id;  // the feedback item a correction was made on
  int64_t created_at = 0;
  std::optional<int64_t> created_by;
  int64_t updated_at = 0;
  friend bool operator==(const FeedbackExample&, const FeedbackExample&) = default;
};

enum class ExampleWrite { added, updated, unchanged };
struct ExamplePut {
  int64_t id = 0;
  ExampleWrite write = ExampleWrite::added;
};

// Newest first (keyset paging on id).
struct ExampleFilter {
  std::optional<std::string> origin;
  int64_t before_id = 0;  // 0: from the newest
  int limit = 100;
};

struct ExampleCounts {
  int64_t seed = 0, import = 0, correction = 0;
  friend bool operator==(const ExampleCounts&, const ExampleCounts&) = default;
};

// A trained version. Figures are millionths (the schema keeps no floating point); a figure
// is null when the version has no classifier for the task (or, for the baseline, when there
// was no active version). The models are the classifiers' save() bytes in base64 ("" none).
struct FeedbackModel {
  int64_t id = 0;  // the version
  int64_t trained_at = 0;
  std::optional<int64_t> trained_by;
  std::string trigger;  // on_demand | nightly | first
  int64_t examples = 0;
  std::string examples_stamp;  // FeedbackModelStore::examples_stamp() when training read them
  int64_t training_ms = 0;
  int64_t held_out_topic = 0, held_out_sentiment = 0;  // held-out examples per task
  std::optional<int64_t> topic_accuracy_ppm, topic_macro_f1_ppm, sentiment_accuracy_ppm;
  std::optional<int64_t> baseline_id;  // the active version it was compared with
  std::optional<int64_t> baseline_topic_macro_f1_ppm, baseline_sentiment_accuracy_ppm;
  std::string topic_model, sentiment_model;
  bool active = false;
  std::string refused_zh, refused_en;  // why it did not replace the active version ("" when it did)
  std::optional<int64_t> replaced_by;  // the version that replaced it as active
  std::optional<int64_t> replaced_at;
  friend bool operator==(const FeedbackModel&, const FeedbackModel&) = default;
};

class FeedbackModelStore : public Store {
 public:
  static std::unique_ptr<FeedbackModelStore> open(Stores&);

  // Keyed on (origin, text): a new example is added; a known one takes the new labels (and
  // item, updated_at) when they differ (updated), or is left alone (unchanged).
  virtual ExamplePut put_example(const FeedbackExample&) = 0;
  virtual std::optional<FeedbackExample> example(int64_t id) = 0;
  virtual std::vector<FeedbackExample> examples(const ExampleFilter&) = 0;
  virtual bool delete_example(int64_t id) = 0;
  // Every example, oldest first: what a training reads.
  virtual std::vector<FeedbackExample> training_examples() = 0;
  virtual ExampleCounts example_counts() = 0;
  // Changes whenever an example is added, changed or deleted.
  virtual std::string examples_stamp() = 0;

  // Stores the version (its id is ignored) and returns its id. An active one becomes the
  // only active version: the previous one is marked replaced by it at its trained_at.
  virtual int64_t insert_model(const FeedbackModel&) = 0;
  // With the model bytes.
  virtual std::optional<FeedbackModel> model(int64_t id) = 0;
  // Newest first, without the model bytes.
  virtual std::vector<FeedbackModel> models(int64_t before_id, int limit) = 0;
  virtual std::optional<int64_t> active_model_id() = 0;
  // Drops the model bytes of every version below `id` but the active one (their figures stay):
  // a version is a few MB at 50,000 examples. Returns how many lost their bytes.
  virtual int drop_model_bytes_before(int64_t id) = 0;

  // Feedback items no version has labelled yet (model_version null), newest first.
  virtual std::vector<int64_t> unclassified_items(int limit) = 0;
};

}  // namespace kefu::storage
