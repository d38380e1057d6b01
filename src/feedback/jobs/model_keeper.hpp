#pragma once
// Keeps the feedback classifier (feedback/app/feedback_training.hpp) in step on every node:
// at start it stores the seed set once and, when no version exists yet, trains the first one
// (trigger "first"); then every `tick` (and at once after poke()) it loads a newer active
// version stored by any node, and once a night (03:00–06:00 in the installation's time zone:
// the first store's, else Asia/Shanghai) retrains when the examples changed since the newest
// version (trigger "nightly"). Items stored without a prediction (a flow-in that had none)
// are labelled with the version in use. Training runs on this thread, never on an io thread. With
// several nodes on PostgreSQL only the node that leads "feedback-training" trains
// (Database::lead); the others load what it stored.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/storage/database.hpp"
#include "feedback/app/feedback_training.hpp"

namespace kefu::jobs {

class ModelKeeper {
 public:
  ModelKeeper(storage::Database& db, app::FeedbackModels& models, std::function<int64_t()> now_ms,
              std::chrono::milliseconds tick = std::chrono::seconds(10));
  ~ModelKeeper();
  ModelKeeper(const ModelKeeper&) = delete;
  ModelKeeper& operator=(const ModelKeeper&) = delete;

  void start();
  void stop();
  void poke();
  // One look now; what it did: "" (nothing), "loaded", "trained", "labelled" (items stored
  // without a prediction got one, at most 500 a look).
  std::string run_once();

 private:
  void run();
  std::string train(const std::string& trigger);
  bool label_pending(storage::Stores& reader);
  storage::Database& db_;
  app::FeedbackModels& models_;
  std::function<int64_t()> now_ms_;
  std::chrono::milliseconds tick_;
  bool seeded_ = false;
  std::string last_night_;  // the local date of the last nightly look
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false, poked_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
