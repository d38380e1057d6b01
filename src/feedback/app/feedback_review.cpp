#include "feedback/app/feedback_review.hpp"

#include <algorithm>

#include "feedback/storage/feedback_model_store.hpp"
#include "feedback/storage/feedback_store.hpp"

namespace kefu::app {

namespace {

constexpr int kReviewWindow = 1000;  // unconfirmed items read for the queue, newest first

feedback::Label topic_label(const feedback::Prediction& p) { return {p.label, p.score}; }
feedback::Label sentiment_label(const feedback::Prediction& p) {
  const double positive = p.probability("positive");
  return {positive >= 0.5 ? "positive" : "negative", positive};
}

}  // namespace

void predict_into(const FeedbackModels* models, NewFeedback& in) {
  if (!models) return;
  const auto c = models->classify(in.text);
  if (!c.version || !c.topic || !c.sentiment) return;
  in.topic = topic_label(*c.topic);
  in.sentiment = sentiment_label(*c.sentiment);
  in.model_version = c.version;
}

std::vector<PendingItem> pending_items(Context& c, const std::vector<int64_t>& ids, int limit) {
  auto& items = c.store<storage::FeedbackStore>();
  std::vector<PendingItem> out;
  if (!ids.empty()) {
    for (auto id : ids)
      if (auto t = items.item(id); t && c.actor.in_store(t->store_id)) out.push_back({t->id, t->text});
    return out;
  }
  for (const auto& p : c.store<storage::FeedbackModelStore>().unclassified_items(std::clamp(limit, 1, 5000) * 2))
    if (static_cast<int>(out.size()) < limit)
      if (auto t = items.item(p); t && c.actor.in_store(t->store_id)) out.push_back({t->id, t->text});
  return out;
}

std::vector<Predicted> classify_pending(const FeedbackModels& models, const std::vector<PendingItem>& items) {
  std::vector<Predicted> out;
  for (const auto& i : items) out.push_back({i.id, models.classify(i.text)});
  return out;
}

int store_predictions(Context& c, const std::vector<Predicted>& predicted) {
  auto& items = c.store<storage::FeedbackStore>();
  int n = 0;
  for (const auto& p : predicted) {
    const auto& cl = p.classification;
    if (!cl.version || !cl.topic || !cl.sentiment) continue;
    items.set_prediction(p.id, topic_label(*cl.topic), sentiment_label(*cl.sentiment), cl.version);
    ++n;
  }
  return n;
}

std::vector<ReviewItem> review_queue(Context& c, const FeedbackModels* models, std::optional<int64_t> store_id,
                                     int limit) {
  std::vector<feedback::Item> unconfirmed;
  FeedbackQuery q{.store_id = store_id, .confirmed = false, .limit = kFeedbackPageMax};
  while (static_cast<int>(unconfirmed.size()) < kReviewWindow) {
    auto page = list_items(c, q);
    for (auto& t : page.items) unconfirmed.push_back(std::move(t));
    if (!page.next_before) break;
    q.before_id = page.next_before;
  }
  std::vector<feedback::Prediction> topics;
  std::vector<Classification> all;
  for (const auto& t : unconfirmed) {
    all.push_back(models ? models->classify(t.text) : Classification{});
    topics.push_back(all.back().topic.value_or(feedback::Prediction{}));
  }
  std::vector<ReviewItem> out;
  for (auto i : feedback::least_certain(topics, static_cast<std::size_t>(std::clamp(limit, 1, 100))))
    out.push_back({unconfirmed[i], all[i], topics[i].margin()});
  return out;
}

}  // namespace kefu::app
