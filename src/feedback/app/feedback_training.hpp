#pragma once
// Training the feedback classifier inside kefu and keeping the version in use (issue 14,
// docs/feedback.md "Classification").
//
// A version is two classifiers (feedback/domain/classifier.hpp): topics, learned from the
// examples with a topic, and sentiment, learned from those with a sentiment. Training reads
// every example, sets the held-out fifth aside (feedback/domain/model_choice.hpp: chosen by
// the text's hash, never a correction), trains on the rest, and measures the new version AND
// the active one on that same held-out part. The new version is kept either way; it becomes
// active only when it is not worse (model_choice.hpp says what that means), otherwise it is
// kept refused with the reason. Training is deterministic (a fixed seed): the same examples
// give the same version.
//
// Training 50,000 examples takes a few seconds of one core (docs/benchmarks.md): train_version
// runs off the io threads (the worker pool or the keeper's thread), against a reader; only
// keep_version runs in the write.
//
// FeedbackModels holds this node's active version, swapped whole when a newer active version
// is stored (here, or on another node: jobs/model_keeper.hpp); classify() is safe from any
// number of threads.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/app/context.hpp"
#include "feedback/domain/classifier.hpp"
#include "feedback/storage/feedback_model_store.hpp"

namespace kefu::app {

struct ActiveClassifier {
  int64_t version = 0;
  std::optional<feedback::Classifier> topic, sentiment;
};

struct Classification {
  int64_t version = 0;                            // 0: no model yet
  std::optional<feedback::Prediction> topic;      // nullopt: the version has no topic classifier
  std::optional<feedback::Prediction> sentiment;  // score of "positive": probability("positive")
};

class FeedbackModels {
 public:
  explicit FeedbackModels(kb::TextTools tools) : tools_(std::move(tools)) {}
  const kb::TextTools& tools() const { return tools_; }
  std::shared_ptr<const ActiveClassifier> current() const;
  // Installs `next` unless this node already has the same or a newer version.
  void set(std::shared_ptr<const ActiveClassifier> next);
  Classification classify(std::string_view text) const;
  // Held while training: one training at a time on a node.
  std::mutex& training() const { return training_; }

 private:
  kb::TextTools tools_;
  mutable std::mutex mu_, training_;
  std::shared_ptr<const ActiveClassifier> current_;
};

Classification classify_with(const ActiveClassifier* active, std::string_view text);

// A stored version's classifiers (nullptr when its bytes do not load).
std::shared_ptr<const ActiveClassifier> load_version(const storage::FeedbackModel&, const kb::TextTools&);

struct TrainingRequest {
  std::string trigger;  // on_demand | nightly | first
  std::optional<int64_t> by;
  int64_t now = 0;
};

struct TrainedVersion {
  storage::FeedbackModel record;                       // id 0 until kept
  std::shared_ptr<const ActiveClassifier> classifier;  // version 0 until kept
};

// Reads the examples through `reader` and trains; compares with `active` (null: none).
TrainedVersion train_version(storage::Stores& reader, const kb::TextTools&, const ActiveClassifier* active,
                             const TrainingRequest&);

// In the write: stores the version (active when it replaced, refused otherwise; refused too
// when another version became active while it trained) and returns it with its id.
TrainedVersion keep_version(Context&, TrainedVersion);

// The versions, newest first (GET /feedback/models), without their bytes.
std::vector<storage::FeedbackModel> list_versions(Context&, int64_t before_id, int limit);

}  // namespace kefu::app
