// One return decision with the default policy (issue 15): decide() over the 13 default
// rules for a spread of requests (categories, conditions, days, tiers, receipts), with
// the refund, points, a coupon and a gift explained in words, and the authority check.
//
//   ninja -j2 -C build returns_decision_bench
//   build/returns_decision_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "returns/domain/decision.hpp"

namespace {

using namespace kefu::returns;

constexpr int64_t kNow = 1'780'000'000'000;
constexpr int64_t kDay = 86'400'000;

struct Sample {
  Request request;
  Line line;
  std::string tier;
};

// 1,024 requests, fixed seed: every category, condition, tier and promotion, days 0..400.
const std::vector<Sample>& samples() {
  static const std::vector<Sample> all = [] {
    std::mt19937_64 rng{15};
    std::vector<Sample> v;
    const char* tiers[] = {"normal", "silver", "gold", "platinum", ""};
    for (int i = 0; i < 1024; ++i) {
      Sample s;
      s.request.condition = std::string(Condition::terms()[rng() % 4].code);
      s.request.quality_issue = rng() % 3 == 0;
      s.request.receipt = rng() % 5 != 0;
      s.line.category = std::string(Category::terms()[rng() % Category::terms().size()].code);
      s.line.promotion = std::string(Promotion::terms()[rng() % 3].code);
      s.line.quantity = 1 + rng() % 4;
      s.request.quantity = 1 + rng() % s.line.quantity;
      s.line.paid_fen = 1'000 + rng() % 500'000;
      s.line.points_earned = s.line.paid_fen / 100;
      s.line.purchased_at = kNow - static_cast<int64_t>(rng() % 400) * kDay;
      s.tier = tiers[rng() % 5];
      v.push_back(s);
    }
    return v;
  }();
  return all;
}

void BM_DecideDefaultPolicy(benchmark::State& state) {
  const Policy policy = default_policy();
  const Authority agent{"agent", kefu::remedy::default_limits()};
  const OrderTerms order{std::nullopt, {{"满500减50券", 5'000}}, {{"帆布袋", 3'900, 30'000}}};
  const auto& all = samples();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& s = all[i++ & 1023];
    auto v = decide(policy, s.request, s.line, order, s.tier, kNow, agent);
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecideDefaultPolicy);

}  // namespace

BENCHMARK_MAIN();
