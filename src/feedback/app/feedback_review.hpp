#pragma once
// The classifier and the feedback items (issue 14): a prediction for an item on intake,
// labelling items stored without one (in a batch, or by the keeper in the background), and
// active learning — the review queue offers the unconfirmed items the version in use is least
// sure about first (feedback/domain/classifier.hpp: least_certain, the smallest margin
// between the top two topics); a staff confirmation stores a correction example
// (feedback_learning.hpp) the next version learns from.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/app/context.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/app/feedback_training.hpp"

namespace kefu::app {

// The prediction record_item() takes: nothing when no version is in use yet.
void predict_into(const FeedbackModels*, NewFeedback&);

// Labels items that have no prediction yet with the version in use: `ids` (of the caller's
// stores; others are skipped), or when empty the newest such items of the caller's stores, at
// most `limit`. The classification is done by the caller (classify_pending) off the write.
struct PendingItem {
  int64_t id = 0;
  std::string text;
};
std::vector<PendingItem> pending_items(Context&, const std::vector<int64_t>& ids, int limit);
struct Predicted {
  int64_t id = 0;
  Classification classification;
};
std::vector<Predicted> classify_pending(const FeedbackModels&, const std::vector<PendingItem>&);
// In the write: stores the predictions (a confirmed label stays as staff said). Returns how many.
int store_predictions(Context&, const std::vector<Predicted>&);

// GET /feedback/review: the caller's unconfirmed items (the newest 1,000 read), least certain
// first, at most `limit`, each with the version in use's reading of it.
struct ReviewItem {
  feedback::Item item;
  Classification classification;
  double margin = 0;  // top topic probability − the second (0–1): smaller is less certain
};
std::vector<ReviewItem> review_queue(Context&, const FeedbackModels*, std::optional<int64_t> store_id, int limit);

}  // namespace kefu::app
