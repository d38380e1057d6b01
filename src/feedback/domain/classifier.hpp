#pragma once
// The feedback classifier (issue 14): learns labels (a topic of the admin's taxonomy, or
// the sentiment positive / negative) from labelled texts inside an installation. Pure:
// no I/O; the text tools are passed in, the model is saved to and loaded from a string.
//
// Training (Classifier::train):
//  1. the labels are the distinct labels of the examples, sorted (byte order);
//  2. a stratified, seeded part of the examples (options.held_out, 20 %) is set aside;
//  3. Naive Bayes: fitted on the rest and measured on the held-out part;
//     logistic regression: fitted on the rest once per L2 strength of options.l2_grid,
//     the one with the best held-out macro-F1 wins (the first on a tie);
//  4. the model kept is fitted again on all examples with the chosen settings
//     (options.refit_on_all); the TrainingReport keeps the held-out figures of step 3.
// Same examples, options and seed → the same model, byte for byte (save()).
// Fewer than two labels, or fewer than two examples: nothing to learn, train() returns
// nullopt.
//
// Sentiment: train with the labels "positive" and "negative"; the sentiment score is
// prediction.probability("positive").
//
// A Classifier is immutable once built; predict() is const and safe to call from many
// threads at once.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "feedback/domain/evaluation.hpp"
#include "feedback/domain/linear_model.hpp"
#include "feedback/domain/text_features.hpp"

namespace kefu::feedback {

struct Example {
  std::string text;
  std::string label;
};

enum class Method { naive_bayes, logistic_regression };

struct TrainOptions {
  Method method = Method::logistic_regression;
  double held_out = 0.2;
  std::vector<double> l2_grid = {1e-4, 1e-6, 1e-8};
  int epochs = 8;
  // Weigh each example by n / (classes · n_class), so a rare topic counts as much as a
  // common one in the loss (logistic regression only).
  bool balance_classes = true;
  bool refit_on_all = true;
};

struct TrainingReport {
  Method method = Method::logistic_regression;
  std::size_t examples = 0;    // all labelled examples given
  std::size_t trained_on = 0;  // the model kept learned from this many
  double l2 = 0;               // the chosen L2 strength (logistic regression)
  Scores held_out;             // measured on the held-out part (n = its size)
};

struct Prediction {
  std::string label;                                 // the most probable label
  double score = 0;                                  // its probability
  std::vector<std::pair<std::string, double>> all;   // every label, in labels() order
  double probability(std::string_view label) const;  // 0 for an unknown label
  double margin() const;                             // top probability − the second
};

class Classifier {
 public:
  static std::optional<Classifier> train(std::span<const Example> examples, const TrainOptions& options,
                                         std::uint64_t seed, const kb::TextTools& tools);

  Prediction predict(std::string_view text) const;

  const std::vector<std::string>& labels() const { return labels_; }
  const TrainingReport& report() const { return report_; }

  // A self-contained binary string (the labels, the report and the weights).
  std::string save() const;
  // nullopt when bytes is not a saved classifier of this format.
  static std::optional<Classifier> load(std::string_view bytes, const kb::TextTools& tools);

 private:
  Classifier(std::shared_ptr<const Featurizer> featurizer, std::vector<std::string> labels, LinearModel model,
             TrainingReport report);
  SparseVector features(std::string_view text) const;

  std::shared_ptr<const Featurizer> featurizer_;
  std::vector<std::string> labels_;
  std::shared_ptr<const LinearModel> model_;
  TrainingReport report_;
};

// Active learning: the indexes of the k items whose top two probabilities are closest
// (smallest margin first; ties by index), the ones worth confirming first.
std::vector<std::size_t> least_certain(std::span<const Prediction> items, std::size_t k);

}  // namespace kefu::feedback
