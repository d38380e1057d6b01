#include "feedback/api/classify_render.hpp"
#include "core/api/json_io.hpp"

namespace kefu::api::classify_render {

using nlohmann::json;

namespace {

json fraction(const std::optional<int64_t>& ppm) { return ppm ? json(static_cast<double>(*ppm) / 1e6) : json(nullptr); }

}  // namespace

json classification(const app::Classification& c) {
  json out{{"version", c.version ? json(c.version) : json(nullptr)}, {"topic", nullptr}, {"sentiment", nullptr}};
  if (c.topic) out["topic"] = {{"label", c.topic->label}, {"score", c.topic->score}};
  if (c.sentiment) {
    const double p = c.sentiment->probability("positive");
    out["sentiment"] = {{"label", p >= 0.5 ? "positive" : "negative"}, {"score", p}};
  }
  return out;
}

json example(const storage::FeedbackExample& e) {
  return {{"id", e.id},
          {"text", e.text},
          {"topic", e.topic.empty() ? json(nullptr) : json(e.topic)},
          {"sentiment", e.sentiment.empty() ? json(nullptr) : json(e.sentiment)},
          {"origin", e.origin},
          {"item_id", or_null(e.item_id)},
          {"created_at", e.created_at},
          {"created_by", or_null(e.created_by)},
          {"updated_at", e.updated_at}};
}

json model(const storage::FeedbackModel& m) {
  return {{"id", m.id},
          {"trained_at", m.trained_at},
          {"trained_by", or_null(m.trained_by)},
          {"trigger", m.trigger},
          {"examples", m.examples},
          {"training_ms", m.training_ms},
          {"held_out", {{"topic", m.held_out_topic}, {"sentiment", m.held_out_sentiment}}},
          {"topic_accuracy", fraction(m.topic_accuracy_ppm)},
          {"topic_macro_f1", fraction(m.topic_macro_f1_ppm)},
          {"sentiment_accuracy", fraction(m.sentiment_accuracy_ppm)},
          {"baseline", m.baseline_id ? json{{"id", *m.baseline_id},
                                            {"topic_macro_f1", fraction(m.baseline_topic_macro_f1_ppm)},
                                            {"sentiment_accuracy", fraction(m.baseline_sentiment_accuracy_ppm)}}
                                     : json(nullptr)},
          {"active", m.active},
          {"refused", m.refused_en.empty() ? json(nullptr) : json{{"zh", m.refused_zh}, {"en", m.refused_en}}},
          {"replaced_by", or_null(m.replaced_by)},
          {"replaced_at", or_null(m.replaced_at)}};
}

}  // namespace kefu::api::classify_render
