#include "feedback/domain/classifier.hpp"

#include <algorithm>
#include <cassert>
#include <map>

namespace kefu::feedback {

namespace {

int argmax(const std::vector<double>& p) { return static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin()); }

struct Data {
  std::vector<SparseVector> x;  // raw counts (Naive Bayes) or log-TF unit (logistic)
  std::vector<int> y;
};

Data subset(const Data& all, const std::vector<std::size_t>& rows) {
  Data out;
  out.x.reserve(rows.size());
  for (std::size_t r : rows) out.x.push_back(all.x[r]), out.y.push_back(all.y[r]);
  return out;
}

std::vector<float> class_weights(const std::vector<int>& y, std::size_t classes, bool balance) {
  if (!balance) return {};
  std::vector<double> n(classes, 0);
  for (int c : y) n[static_cast<std::size_t>(c)] += 1;
  std::vector<float> w;
  w.reserve(y.size());
  for (int c : y)
    w.push_back(static_cast<float>(static_cast<double>(y.size()) /
                                   (static_cast<double>(classes) * n[static_cast<std::size_t>(c)])));
  return w;
}

LinearModel fit(const Data& d, std::size_t classes, const TrainOptions& o, double l2, std::uint64_t seed) {
  if (o.method == Method::naive_bayes) return fit_naive_bayes(d.x, d.y, classes);
  SgdOptions sgd;
  sgd.l2 = l2;
  sgd.epochs = o.epochs;
  return fit_softmax(d.x, d.y, classes, class_weights(d.y, classes, o.balance_classes), sgd, seed);
}

Scores measure(const LinearModel& m, const Data& d, const std::vector<std::string>& labels) {
  std::vector<int> predicted;
  predicted.reserve(d.x.size());
  for (const auto& x : d.x) predicted.push_back(argmax(m.scores(x)));
  return score(d.y, predicted, labels);
}

}  // namespace

double Prediction::probability(std::string_view name) const {
  for (const auto& [l, p] : all)
    if (l == name) return p;
  return 0;
}

double Prediction::margin() const {
  double first = 0, second = 0;
  for (const auto& [l, p] : all) {
    if (p > first)
      second = first, first = p;
    else if (p > second)
      second = p;
  }
  return first - second;
}

Classifier::Classifier(std::shared_ptr<const Featurizer> featurizer, std::vector<std::string> labels, LinearModel model,
                       TrainingReport report)
    : featurizer_(std::move(featurizer)),
      labels_(std::move(labels)),
      model_(std::make_shared<const LinearModel>(std::move(model))),
      report_(std::move(report)) {}

std::optional<Classifier> Classifier::train(std::span<const Example> examples, const TrainOptions& options,
                                            std::uint64_t seed, const kb::TextTools& tools) {
  std::map<std::string, int> index;
  for (const auto& e : examples) index.emplace(e.label, 0);
  if (index.size() < 2 || examples.size() < 2) return std::nullopt;
  std::vector<std::string> labels;
  for (auto& [label, i] : index) i = static_cast<int>(labels.size()), labels.push_back(label);
  const std::size_t k = labels.size();

  auto featurizer = std::make_shared<const Featurizer>(tools);
  Data all;
  all.x.reserve(examples.size());
  for (const auto& e : examples) {
    SparseVector c = featurizer->counts(e.text);
    all.x.push_back(options.method == Method::naive_bayes ? std::move(c) : log_tf_unit(c));
    all.y.push_back(index.at(e.label));
  }

  TrainingReport report;
  report.method = options.method;
  report.examples = examples.size();
  const Split split = stratified_split(all.y, k, options.held_out, seed);
  const Data train = subset(all, split.train), held = subset(all, split.held_out);
  const std::vector<double> grid =
      options.method == Method::naive_bayes || options.l2_grid.empty() ? std::vector<double>{0} : options.l2_grid;
  bool first = true;
  LinearModel best;
  for (double l2 : grid) {
    LinearModel m = fit(train, k, options, l2, seed);
    Scores s = measure(m, held, labels);
    if (first || s.macro_f1 > report.held_out.macro_f1) {
      report.held_out = std::move(s), report.l2 = l2, best = std::move(m);
      first = false;
    }
  }
  report.trained_on = train.x.size();
  if (options.refit_on_all) {
    best = fit(all, k, options, report.l2, seed);
    report.trained_on = all.x.size();
  }
  return Classifier(std::move(featurizer), std::move(labels), std::move(best), std::move(report));
}

SparseVector Classifier::features(std::string_view text) const {
  SparseVector c = featurizer_->counts(text);
  return report_.method == Method::naive_bayes ? c : log_tf_unit(c);
}

Prediction Classifier::predict(std::string_view text) const {
  const std::vector<double> p = model_->probabilities(features(text));
  Prediction out;
  const int top = argmax(p);
  out.label = labels_[static_cast<std::size_t>(top)];
  out.score = p[static_cast<std::size_t>(top)];
  for (std::size_t c = 0; c < labels_.size(); ++c) out.all.emplace_back(labels_[c], p[c]);
  return out;
}

std::vector<std::size_t> least_certain(std::span<const Prediction> items, std::size_t k) {
  std::vector<std::pair<double, std::size_t>> by_margin;
  by_margin.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) by_margin.emplace_back(items[i].margin(), i);
  std::sort(by_margin.begin(), by_margin.end());
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < std::min(k, by_margin.size()); ++i) out.push_back(by_margin[i].second);
  return out;
}

}  // namespace kefu::feedback
