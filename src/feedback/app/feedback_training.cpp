#include "feedback/app/feedback_training.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <map>

#include "feedback/domain/evaluation.hpp"
#include "feedback/domain/model_choice.hpp"

namespace kefu::app {

namespace {

constexpr std::uint64_t kSeed = 14;
constexpr int64_t kVersionsWithBytes = 5;  // issue 14: any fixed number makes training repeatable

std::string to_base64(const std::string& bytes) {
  if (bytes.empty()) return "";
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> from_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t n = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &n,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(n);
  return out;
}

std::optional<feedback::Classifier> load_one(const std::string& base64, const kb::TextTools& tools) {
  if (base64.empty()) return std::nullopt;
  const auto bytes = from_base64(base64);
  return bytes ? feedback::Classifier::load(*bytes, tools) : std::nullopt;
}

// More passes over a small set (the 333 seed sentences), the classifier's 8 over a large one.
feedback::TrainOptions options_for(std::size_t n) {
  feedback::TrainOptions o;
  o.epochs = static_cast<int>(std::clamp<std::size_t>(n ? 20000 / n : 30, 8, 30));
  return o;
}

struct Task {
  std::vector<feedback::Example> train, held;
};

// Accuracy and macro-F1 of `c` on the held-out examples (nullopt: no classifier).
std::optional<feedback::TaskFigure> measure(const std::optional<feedback::Classifier>& c,
                                            const std::vector<feedback::Example>& held) {
  if (!c) return std::nullopt;
  std::map<std::string, int> index;
  for (const auto& l : c->labels()) index.emplace(l, 0);
  for (const auto& e : held) index.emplace(e.label, 0);
  std::vector<std::string> labels;
  for (auto& [l, i] : index) i = static_cast<int>(labels.size()), labels.push_back(l);
  std::vector<int> truth, predicted;
  std::vector<bool> correct;
  for (const auto& e : held) {
    truth.push_back(index.at(e.label));
    predicted.push_back(index.at(c->predict(e.text).label));
    correct.push_back(truth.back() == predicted.back());
  }
  const auto s = feedback::score(truth, predicted, labels);
  return feedback::TaskFigure{held.size(), s.accuracy, s.macro_f1, std::move(correct)};
}

std::optional<int64_t> ppm(double v) { return static_cast<int64_t>(v * 1e6 + 0.5); }
std::optional<int64_t> ppm_of(const std::optional<feedback::TaskFigure>& f, bool macro) {
  return f ? ppm(macro ? f->macro_f1 : f->accuracy) : std::nullopt;
}

}  // namespace

std::shared_ptr<const ActiveClassifier> FeedbackModels::current() const {
  std::lock_guard lock(mu_);
  return current_;
}

void FeedbackModels::set(std::shared_ptr<const ActiveClassifier> next) {
  std::lock_guard lock(mu_);
  if (next && (!current_ || next->version > current_->version)) current_ = std::move(next);
}

Classification FeedbackModels::classify(std::string_view text) const {
  const auto active = current();
  return classify_with(active.get(), text);
}

Classification classify_with(const ActiveClassifier* active, std::string_view text) {
  Classification out;
  if (!active) return out;
  out.version = active->version;
  if (active->topic) out.topic = active->topic->predict(text);
  if (active->sentiment) out.sentiment = active->sentiment->predict(text);
  return out;
}

std::shared_ptr<const ActiveClassifier> load_version(const storage::FeedbackModel& m, const kb::TextTools& tools) {
  auto out = std::make_shared<ActiveClassifier>();
  out->version = m.id;
  out->topic = load_one(m.topic_model, tools);
  out->sentiment = load_one(m.sentiment_model, tools);
  if ((!m.topic_model.empty() && !out->topic) || (!m.sentiment_model.empty() && !out->sentiment)) return nullptr;
  return out;
}

TrainedVersion train_version(storage::Stores& reader, const kb::TextTools& tools, const ActiveClassifier* active,
                             const TrainingRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  auto& store = reader.get<storage::FeedbackModelStore>();
  const auto stamp = store.examples_stamp();
  const auto examples = store.training_examples();
  Task topic, sentiment;
  for (const auto& e : examples) {
    const bool held = feedback::held_out(e.text, e.origin);
    if (!e.topic.empty()) (held ? topic.held : topic.train).push_back({e.text, e.topic});
    if (!e.sentiment.empty()) (held ? sentiment.held : sentiment.train).push_back({e.text, e.sentiment});
  }
  auto next = std::make_shared<ActiveClassifier>();
  // The two tasks are independent: sentiment trains on a second thread meanwhile.
  auto sentiment_model = std::async(std::launch::async, [&] {
    return feedback::Classifier::train(sentiment.train, options_for(sentiment.train.size()), kSeed, tools);
  });
  next->topic = feedback::Classifier::train(topic.train, options_for(topic.train.size()), kSeed, tools);
  next->sentiment = sentiment_model.get();

  const feedback::VersionFigures candidate{measure(next->topic, topic.held), measure(next->sentiment, sentiment.held)};
  std::optional<feedback::VersionFigures> baseline;
  if (active)
    baseline = feedback::VersionFigures{measure(active->topic, topic.held), measure(active->sentiment, sentiment.held)};
  const auto refusal = feedback::refuse(candidate, baseline);

  storage::FeedbackModel r;
  r.trained_at = request.now, r.trained_by = request.by, r.trigger = request.trigger;
  r.examples = static_cast<int64_t>(examples.size()), r.examples_stamp = stamp;
  r.held_out_topic = static_cast<int64_t>(topic.held.size());
  r.held_out_sentiment = static_cast<int64_t>(sentiment.held.size());
  r.topic_accuracy_ppm = ppm_of(candidate.topic, false), r.topic_macro_f1_ppm = ppm_of(candidate.topic, true);
  r.sentiment_accuracy_ppm = ppm_of(candidate.sentiment, false);
  if (active) {
    r.baseline_id = active->version;
    r.baseline_topic_macro_f1_ppm = ppm_of(baseline->topic, true);
    r.baseline_sentiment_accuracy_ppm = ppm_of(baseline->sentiment, false);
  }
  if (next->topic) r.topic_model = to_base64(next->topic->save());
  if (next->sentiment) r.sentiment_model = to_base64(next->sentiment->save());
  r.active = !refusal;
  if (refusal) r.refused_zh = refusal->zh, r.refused_en = refusal->en;
  r.training_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  return {std::move(r), std::move(next)};
}

TrainedVersion keep_version(Context& c, TrainedVersion v) {
  auto& store = c.store<storage::FeedbackModelStore>();
  const auto active = store.active_model_id();
  if (v.record.active && active != v.record.baseline_id) {
    v.record.active = false;
    v.record.refused_zh = "训练期间已有其他版本启用（版本 " + std::to_string(active.value_or(0)) + "），请重新训练";
    v.record.refused_en = "another version became active while it trained (version " +
                          std::to_string(active.value_or(0)) + "); train again";
  }
  v.record.id = store.insert_model(v.record);
  // The bytes of the last few versions stay (to compare or go back); older ones keep figures only.
  store.drop_model_bytes_before(v.record.id - kVersionsWithBytes + 1);
  auto classifier = std::make_shared<ActiveClassifier>(*v.classifier);
  classifier->version = v.record.id;
  v.classifier = std::move(classifier);
  return v;
}

std::vector<storage::FeedbackModel> list_versions(Context& c, int64_t before_id, int limit) {
  return c.store<storage::FeedbackModelStore>().models(before_id, std::clamp(limit, 1, 100));
}

}  // namespace kefu::app
