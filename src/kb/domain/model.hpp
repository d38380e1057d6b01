#pragma once
// The re-ranker's learned parameters: a value the caller stores (save/parse) with the
// KB version it was trained on. A logistic regression over the standardised pair
// features gives P(query and question ask the same thing); a second, two-parameter
// logistic regression (calibration) turns the best and second-best candidate of a
// query into the confidence that the best one is right.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "kb/domain/features.hpp"

namespace kefu::kb {

struct RerankModel {
  bool trained = false;  // false: no training data; scores fall back to bm25_grams
  std::array<float, kFeatureCount> mean{};
  std::array<float, kFeatureCount> scale{};  // 1 / standard deviation (1 when constant)
  std::array<float, kFeatureCount> weights{};
  float bias = 0;
  // confidence = sigmoid(c[0] * top + c[1] * (top - second) + c[2]) over logits;
  // identity on the top probability when not calibrated.
  std::array<float, 3> calibration{1, 0, 0};
  bool calibrated = false;
  TokenWeights token_weights;  // for the learned_mismatch feature

  float logit(const Features& f) const;
  float probability(const Features& f) const;
  // top, second: logits of the best and second-best candidate (second = -inf when alone).
  float confidence(float top, float second) const;

  // A few lines of text ("kefu-kb-model 1" first); floats written in their shortest
  // round-trip form, so parse(save()) is the same model bit for bit.
  std::string save() const;
  // nullopt for anything else, including a model saved with other features (retrain).
  static std::optional<RerankModel> parse(std::string_view text);
};

}  // namespace kefu::kb
