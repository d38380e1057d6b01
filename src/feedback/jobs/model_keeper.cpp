#include "feedback/jobs/model_keeper.hpp"

#include <spdlog/spdlog.h>

#include "feedback/app/feedback_learning.hpp"
#include "feedback/app/feedback_review.hpp"
#include "feedback/domain/model_choice.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::jobs {

namespace {

const people::Actor& keeper_actor() {
  static const people::Actor a{};
  return a;
}

std::string installation_zone(storage::Stores& r) {
  const auto stores = r.get<storage::OrgStore>().stores();
  return stores.empty() ? "Asia/Shanghai" : stores.front().timezone;
}

constexpr int kLabelBatch = 500;  // items labelled per look (~30 ms of classification)

}  // namespace

ModelKeeper::ModelKeeper(storage::Database& db, app::FeedbackModels& models, std::function<int64_t()> now_ms,
                         std::chrono::milliseconds tick)
    : db_(db), models_(models), now_ms_(std::move(now_ms)), tick_(tick) {}

ModelKeeper::~ModelKeeper() { stop(); }

void ModelKeeper::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void ModelKeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ModelKeeper::poke() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
  }
  cv_.notify_all();
}

std::string ModelKeeper::train(const std::string& trigger) {
  std::lock_guard training(models_.training());
  const auto active = models_.current();
  auto v = app::train_version(db_.reader(), models_.tools(), active.get(), {trigger, std::nullopt, now_ms_()});
  db_.write_sync([&](storage::Stores& w) {
    app::Context c{w, keeper_actor(), now_ms_(), nullptr};
    v = app::keep_version(c, std::move(v));
  });
  const auto& r = v.record;
  spdlog::info("feedback classifier: version {} ({}) from {} examples in {} ms: {}", r.id, trigger, r.examples,
               r.training_ms, r.active ? "active" : "refused: " + r.refused_en);
  if (r.active) models_.set(v.classifier);
  return "trained";
}

bool ModelKeeper::label_pending(storage::Stores& r) {
  if (!models_.current()) return false;
  std::vector<app::PendingItem> pending;
  for (auto id : r.get<storage::FeedbackModelStore>().unclassified_items(kLabelBatch))
    if (auto t = r.get<storage::FeedbackStore>().item(id)) pending.push_back({t->id, t->text});
  if (pending.empty()) return false;
  const auto predicted = app::classify_pending(models_, pending);
  db_.write_sync([&](storage::Stores& w) {
    app::Context c{w, keeper_actor(), now_ms_(), nullptr};
    app::store_predictions(c, predicted);
  });
  return true;
}

std::string ModelKeeper::run_once() {
  if (!seeded_) {
    int n = 0;
    db_.write_sync([&](storage::Stores& w) {
      app::Context c{w, keeper_actor(), now_ms_(), nullptr};
      n = app::seed_examples(c);
    });
    if (n) spdlog::info("feedback classifier: {} seed examples stored", n);
    seeded_ = true;
  }
  auto& r = db_.reader();
  auto& store = r.get<storage::FeedbackModelStore>();
  const auto active = store.active_model_id();
  const auto current = models_.current();
  if (!active) {
    if (store.models(0, 1).empty() && db_.lead("feedback-training")) return train("first");
  } else if (!current || current->version < *active) {
    const auto stored = store.model(*active);
    if (auto loaded = stored ? app::load_version(*stored, models_.tools()) : nullptr) {
      models_.set(std::move(loaded));
      return "loaded";
    }
    spdlog::warn("feedback classifier: version {} does not load", *active);
  }
  if (label_pending(r)) return "labelled";
  const auto night = feedback::nightly_date(now_ms_(), installation_zone(r));
  if (!night || *night == last_night_) return "";
  if (!db_.lead("feedback-training")) return "";
  last_night_ = *night;
  const auto newest = store.models(0, 1);
  if (!newest.empty() && newest.front().examples_stamp == store.examples_stamp()) return "";
  return train("nightly");
}

void ModelKeeper::run() {
  // A batch of items labelled: look again at once (a backlog drains at ~500 items a look).
  for (bool now = true;;) {
    {
      std::unique_lock lock(mu_);
      if (!now) cv_.wait_for(lock, tick_, [this] { return stopping_ || poked_; });
      if (stopping_) return;
      poked_ = false;
    }
    try {
      now = run_once() == "labelled";
    } catch (const std::exception& e) {
      spdlog::warn("feedback classifier: {}", e.what());
      now = false;
    }
  }
}

}  // namespace kefu::jobs
