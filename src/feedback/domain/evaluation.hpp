#pragma once
// Measuring a classifier on held-out examples: accuracy, per-class precision / recall /
// F1 and their macro average, and the seeded stratified split that sets examples aside.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kefu::feedback {

struct ClassScore {
  std::string label;
  std::size_t support = 0;  // held-out examples of this class
  double precision = 0, recall = 0, f1 = 0;
};

struct Scores {
  std::size_t n = 0;
  double accuracy = 0;
  double macro_f1 = 0;  // mean F1 over the classes with support > 0
  std::vector<ClassScore> classes;
};

// truth, predicted: class indexes (< labels.size()), one per example.
Scores score(const std::vector<int>& truth, const std::vector<int>& predicted, const std::vector<std::string>& labels);

// Splits example indexes 0..y.size()-1 in two, class by class: of each class's examples
// (in a seeded random order) round(fraction · n) go to the second part, at least one
// when the class has two or more and at most n − 1 (every class keeps a training
// example). Both parts are sorted. Deterministic for a seed.
struct Split {
  std::vector<std::size_t> train, held_out;
};
Split stratified_split(const std::vector<int>& y, std::size_t classes, double fraction, std::uint64_t seed);

// Assigns each example one of `folds` folds, class by class in a seeded random order
// (for cross-validation: every fold has about the same class mix).
std::vector<int> stratified_folds(const std::vector<int>& y, std::size_t classes, int folds, std::uint64_t seed);

}  // namespace kefu::feedback
