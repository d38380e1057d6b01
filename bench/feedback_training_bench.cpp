// The feedback classifier as kefu runs it (docs/benchmarks.md, "Feedback classification in
// kefu"): training a version from 50,000 stored examples through the use case
// (app::train_version: read from SQLite, split, train both tasks, measure the new and the
// active version on the held-out part) and keeping it, then classify latency (one thread)
// and throughput (two threads) of the version in use.
//
//   feedback_training_bench [online_shopping_10_cats.dev.csv]
// With the file: its reviews (topic from `cat`, sentiment from `label`), read at run time.
// Without: 50,000 synthetic texts made from the seed set (a seed sentence with one or two
// other sentences of the same topic and a filler), so the numbers need no data file.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "core/storage/open.hpp"
#include "csv_record.hpp"
#include "feedback/app/feedback_training.hpp"
#include "feedback/domain/seed_examples.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using kefu::storage::FeedbackExample;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::vector<FeedbackExample> from_file(const std::string& path, std::size_t n) {
  std::ifstream in(path);
  std::vector<std::string> f;
  kefu::bench::read_record(in, f);  // header: id,cat,label,review
  std::vector<FeedbackExample> out;
  while (out.size() < n && kefu::bench::read_record(in, f))
    if (f.size() >= 4 && !f[3].empty())
      out.push_back({.text = f[3].substr(0, 1500),
                     .topic = f[1],
                     .sentiment = f[2] == "1" ? "positive" : "negative",
                     .origin = "import"});
  return out;
}

std::vector<FeedbackExample> synthetic(std::size_t n) {
  const auto seeds = kefu::feedback::seed_examples();
  const char* fillers[] = {"",           "今天",       "上周末",         "说实话，",
                           "希望改进。", "就这样吧。", "第二次遇到了。", "带孩子来的，"};
  std::mt19937_64 rng(14);
  std::vector<FeedbackExample> out;
  while (out.size() < n) {
    const auto& a = seeds[rng() % seeds.size()];
    std::string text = std::string(fillers[rng() % 8]) + std::string(a.text);
    for (int k = 0; k < 2; ++k) {
      const auto& b = seeds[rng() % seeds.size()];
      if (b.topic == a.topic) text += "，" + std::string(b.text);
    }
    text += "（" + std::to_string(out.size()) + "）";  // distinct texts
    out.push_back(
        {.text = text, .topic = std::string(a.topic), .sentiment = std::string(a.sentiment), .origin = "import"});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  constexpr std::size_t kExamples = 50000;
  const bool from_data = argc > 1;
  auto rows = from_data ? from_file(argv[1], kExamples) : synthetic(kExamples);
  const kefu::kb::TextTools tools{std::filesystem::exists(KEFU_JIEBA_DICT)
                                      ? kefu::text::Segmenter::load(KEFU_JIEBA_DICT)
                                      : kefu::text::Segmenter::builtin(),
                                  kefu::kb::T2s::load()};
  const auto path = std::filesystem::temp_directory_path() / "kefu-feedback-training-bench.db";
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  auto db = kefu::storage::open_database("sqlite://" + path.string(), true);
  auto t = Clock::now();
  db->write_sync([&](kefu::storage::Stores& w) {
    auto& store = w.get<kefu::storage::FeedbackModelStore>();
    for (auto& r : rows) store.put_example(r);
  });
  std::printf("examples: %zu (%s), stored in %.0f ms\n", rows.size(), from_data ? argv[1] : "synthetic", ms_since(t));

  kefu::app::FeedbackModels models(tools);
  std::vector<double> train_ms;
  for (int run = 0; run < 3; ++run) {
    const auto active = models.current();
    t = Clock::now();
    auto v = kefu::app::train_version(db->reader(), tools, active.get(), {"on_demand", std::nullopt, 1});
    train_ms.push_back(ms_since(t));
    const auto& r = v.record;
    if (!r.topic_accuracy_ppm || !r.sentiment_accuracy_ppm) return 1;
    std::printf(
        "training %d: %.0f ms (topic held-out n=%lld accuracy %.4f macro-F1 %.4f; sentiment n=%lld "
        "accuracy %.4f; model %.1f MB base64) %s\n",
        run + 1, train_ms.back(), static_cast<long long>(r.held_out_topic), *r.topic_accuracy_ppm / 1e6,
        *r.topic_macro_f1_ppm / 1e6, static_cast<long long>(r.held_out_sentiment), *r.sentiment_accuracy_ppm / 1e6,
        (r.topic_model.size() + r.sentiment_model.size()) / 1e6, r.active ? "active" : r.refused_en.c_str());
    if (run == 0) {
      const kefu::people::Actor nobody{};
      db->write_sync([&](kefu::storage::Stores& w) {
        kefu::app::Context c{w, nobody, 1, nullptr};
        v = kefu::app::keep_version(c, std::move(v));
      });
      models.set(v.classifier);
    }
  }
  std::sort(train_ms.begin(), train_ms.end());
  std::printf("training median: %.0f ms\n", train_ms[1]);

  std::vector<std::string> texts;
  for (std::size_t i = 0; i < 20000; ++i) texts.push_back(rows[(i * 7919) % rows.size()].text);
  std::vector<double> us;
  us.reserve(texts.size());
  for (const auto& text : texts) {
    t = Clock::now();
    const auto c = models.classify(text);
    us.push_back(ms_since(t) * 1000);
    if (!c.topic) return 1;
  }
  std::sort(us.begin(), us.end());
  std::printf("classify (1 thread, %zu texts): p50 %.0f us, p99 %.0f us\n", us.size(), us[us.size() / 2],
              us[us.size() * 99 / 100]);
  t = Clock::now();
  std::vector<std::thread> threads;
  for (int k = 0; k < 2; ++k)
    threads.emplace_back([&, k] {
      for (std::size_t i = static_cast<std::size_t>(k); i < texts.size(); i += 2) models.classify(texts[i]);
    });
  for (auto& th : threads) th.join();
  std::printf("classify throughput (2 threads): %.0f texts/s\n", texts.size() / (ms_since(t) / 1000));
  return 0;
}
