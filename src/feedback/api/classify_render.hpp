#pragma once
// The feedback classifier's JSON: a classification, an example, a model version.
#include <nlohmann/json.hpp>

#include "feedback/app/feedback_training.hpp"
#include "feedback/storage/feedback_model_store.hpp"

namespace kefu::api::classify_render {

// {version, topic: {label, score} | null, sentiment: {label, score} | null}; the sentiment's
// score is the probability of positive, its label positive when that is >= 0.5.
nlohmann::json classification(const app::Classification&);
nlohmann::json example(const storage::FeedbackExample&);
// Figures as fractions (0–1); without the model bytes.
nlohmann::json model(const storage::FeedbackModel&);

}  // namespace kefu::api::classify_render
