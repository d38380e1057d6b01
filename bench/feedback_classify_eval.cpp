// Quality and speed of the feedback classifier (src/feedback/domain/classifier.hpp) on a
// labelled review set (columns id,cat,label,review; label 1 positive, 0 negative):
// k-fold cross-validation (stratified, seeded) of two tasks, sentiment from `label` and
// topic from `cat` (the stand-in for a topic taxonomy), with the Naive Bayes baseline and
// logistic regression in the same run. Per method and task: accuracy and macro-F1 on the
// test folds (mean ± sd over folds), the time to train on a fold's training part (which
// includes reading the texts, the held-out split and the L2 choice), and predict latency
// (one text at a time, one thread: p50 / p99) and throughput. Then the time to train on
// every row of the file (~50,000).
//
//   build/feedback_classify_eval [file.csv] [folds]
//     default ../shared/data/online_shopping_10_cats.dev.csv, 5 folds
// No rule here or in the classifier is written for this data set.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "csv_record.hpp"
#include "feedback/domain/classifier.hpp"

using namespace kefu::feedback;
using Clock = std::chrono::steady_clock;

namespace {

using kefu::bench::read_record;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Stat {
  std::vector<double> v;
  double mean() const {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
  }
  double sd() const {
    if (v.size() < 2) return 0;
    const double m = mean();
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return std::sqrt(s / static_cast<double>(v.size() - 1));
  }
};

struct Result {
  Stat accuracy, macro_f1, train_s, train_rows;
  std::vector<double> class_f1;    // summed over folds, per label
  std::vector<double> latency_us;  // every test prediction of every fold
  double predict_s = 0;
};

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

const char* name(Method m) { return m == Method::naive_bayes ? "Naive Bayes" : "logistic regression (SGD)"; }

void cross_validate(const std::string& task, const std::vector<Example>& rows, int folds,
                    const kefu::kb::TextTools& tools) {
  std::map<std::string, int> index;
  for (const auto& e : rows) index.emplace(e.label, 0);
  std::vector<std::string> labels;
  for (auto& [l, i] : index) i = static_cast<int>(labels.size()), labels.push_back(l);
  std::vector<int> y;
  for (const auto& e : rows) y.push_back(index.at(e.label));
  const std::vector<int> fold = stratified_folds(y, labels.size(), folds, 2026);

  std::map<Method, Result> results;
  for (int f = 0; f < folds; ++f) {
    std::vector<Example> train;
    std::vector<std::size_t> test;
    for (std::size_t i = 0; i < rows.size(); ++i) fold[i] == f ? test.push_back(i) : train.push_back(rows[i]);
    for (Method m : {Method::naive_bayes, Method::logistic_regression}) {
      TrainOptions o;
      o.method = m;
      const auto start = Clock::now();
      const auto c = Classifier::train(train, o, 1, tools);
      Result& r = results[m];
      r.train_s.v.push_back(seconds_since(start));
      r.train_rows.v.push_back(static_cast<double>(train.size()));
      std::vector<int> truth, predicted;
      const auto predict_start = Clock::now();
      for (std::size_t i : test) {
        const auto t0 = Clock::now();
        const Prediction p = c->predict(rows[i].text);
        r.latency_us.push_back(seconds_since(t0) * 1e6);
        truth.push_back(y[i]);
        predicted.push_back(index.at(p.label));
      }
      r.predict_s += seconds_since(predict_start);
      const Scores s = score(truth, predicted, labels);
      r.accuracy.v.push_back(s.accuracy);
      r.macro_f1.v.push_back(s.macro_f1);
      r.class_f1.resize(labels.size());
      for (std::size_t c = 0; c < labels.size(); ++c) r.class_f1[c] += s.classes[c].f1 / folds;
      std::fprintf(stderr, "%s fold %d %s: accuracy %.4f macro-F1 %.4f train %.2f s (held-out l2 %.0e F1 %.4f)\n",
                   task.c_str(), f, name(m), s.accuracy, s.macro_f1, r.train_s.v.back(), c->report().l2,
                   c->report().held_out.macro_f1);
    }
  }
  for (const auto& [m, r] : results) {
    std::printf("| %s | %s | %.2f ± %.2f %% | %.2f ± %.2f %% | %.0f | %.2f s | %.0f µs | %.0f µs | %.0f /s |\n",
                task.c_str(), name(m), 100 * r.accuracy.mean(), 100 * r.accuracy.sd(), 100 * r.macro_f1.mean(),
                100 * r.macro_f1.sd(), r.train_rows.mean(), r.train_s.mean(), percentile(r.latency_us, 0.5),
                percentile(r.latency_us, 0.99), static_cast<double>(r.latency_us.size()) / r.predict_s);
  }
  // Per class, to stderr (the tables on stdout stay one per run): mean F1 over folds.
  std::fprintf(stderr, "\n| %s class | rows | Naive Bayes F1 | logistic regression F1 |\n|---|---:|---:|---:|\n",
               task.c_str());
  for (std::size_t c = 0; c < labels.size(); ++c)
    std::fprintf(stderr, "| %s | %ld | %.1f %% | %.1f %% |\n", labels[c].c_str(),
                 static_cast<long>(std::count(y.begin(), y.end(), static_cast<int>(c))),
                 100 * results[Method::naive_bayes].class_f1[c],
                 100 * results[Method::logistic_regression].class_f1[c]);
}

void time_full(const std::string& task, const std::vector<Example>& rows, const kefu::kb::TextTools& tools) {
  for (Method m : {Method::naive_bayes, Method::logistic_regression}) {
    TrainOptions o;
    o.method = m;
    const auto start = Clock::now();
    const auto c = Classifier::train(rows, o, 1, tools);
    const double s = seconds_since(start);
    std::printf("| %s | %s | %zu | %.2f s | %.2f %% | %.2f %% | %zu KB |\n", task.c_str(), name(m), rows.size(), s,
                100 * c->report().held_out.accuracy, 100 * c->report().held_out.macro_f1, c->save().size() / 1024);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/data/online_shopping_10_cats.dev.csv";
  const int folds = argc > 2 ? std::max(2, std::atoi(argv[2])) : 5;
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    return 2;
  }
  std::vector<Example> sentiment, topic;
  std::vector<std::string> f;
  read_record(in, f);  // header
  while (read_record(in, f)) {
    if (f.size() < 4) continue;
    sentiment.push_back({f[3], f[2] == "1" ? "positive" : "negative"});
    topic.push_back({f[3], f[1]});
  }
  const kefu::kb::TextTools tools{std::filesystem::exists(KEFU_JIEBA_DICT)
                                      ? kefu::text::Segmenter::load(KEFU_JIEBA_DICT)
                                      : kefu::text::Segmenter::builtin(),
                                  kefu::kb::T2s::load()};
  std::printf("%s: %zu rows, %d-fold cross-validation\n\n", path.c_str(), sentiment.size(), folds);
  std::printf(
      "| task | method | accuracy | macro-F1 | training rows | training time | predict p50 | predict p99 | "
      "throughput (1 thread) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
  cross_validate("sentiment", sentiment, folds, tools);
  cross_validate("topic", topic, folds, tools);
  std::printf(
      "\nTraining on every row (the held-out figures are the model's own 20 %% split):\n\n"
      "| task | method | rows | training time | held-out accuracy | held-out macro-F1 | saved model |\n"
      "|---|---|---:|---:|---:|---:|---:|\n");
  time_full("sentiment", sentiment, tools);
  time_full("topic", topic, tools);
  return 0;
}
