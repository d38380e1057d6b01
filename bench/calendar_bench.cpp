// Deadline computation per ticket over a business calendar with holidays (issue 3).
// A Shanghai mall open 10:00–14:00 and 14:30–22:00 every day (11.5 h), with the 30
// public-holiday days of 2024 closed; tickets start at 1,024 instants spread over 2024.
//
//   ninja -j2 -C build calendar_bench
//   build/calendar_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "sla/domain/calendar.hpp"

namespace {

using namespace kefu::sla;

CalendarSpec mall(const char* zone) {
  CalendarSpec s;
  s.time_zone = zone;
  for (int wd = 0; wd < 7; ++wd) {
    s.weekly.push_back({wd, "10:00", "14:00"});
    s.weekly.push_back({wd, "14:30", "22:00"});
  }
  const char* closed[] = {"2024-01-01", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14",
                          "2024-02-15", "2024-02-16", "2024-02-17", "2024-04-04", "2024-04-05", "2024-04-06",
                          "2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05", "2024-06-10",
                          "2024-09-15", "2024-09-16", "2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03",
                          "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07", "2024-12-25", "2024-12-31"};
  for (const char* d : closed) s.special_days.push_back({d, {}, "holiday"});
  return s;
}

// Ticket creation times: uniform over 2024, to the millisecond, fixed seed.
const std::vector<Instant>& starts() {
  static const std::vector<Instant> all = [] {
    std::mt19937_64 rng{42};
    const int64_t begin = 1'704'038'400'000;  // 2024-01-01 00:00 +08:00
    std::uniform_int_distribution<int64_t> in_2024{begin, begin + 366LL * 86'400'000};
    std::vector<Instant> v;
    for (int i = 0; i < 1024; ++i) v.push_back(from_unix_ms(in_2024(rng)));
    return v;
  }();
  return all;
}

void add_minutes(benchmark::State& state, const char* zone) {
  const BusinessCalendar cal{mall(zone)};
  const auto& from = starts();
  const int64_t minutes = state.range(0);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(add_business_minutes(cal, from[i++ & 1023], minutes));
  }
}

void BM_AddBusinessMinutes(benchmark::State& state) { add_minutes(state, "Asia/Shanghai"); }
// 60 min, one business day (11.5 h), 30 business days.
BENCHMARK(BM_AddBusinessMinutes)->Arg(60)->Arg(690)->Arg(30 * 690);

// The same in a zone with daylight saving (two offset changes a year).
void BM_AddBusinessMinutesBerlin(benchmark::State& state) { add_minutes(state, "Europe/Berlin"); }
BENCHMARK(BM_AddBusinessMinutesBerlin)->Arg(60)->Arg(30 * 690);

void BM_BusinessMinutesBetweenOneYear(benchmark::State& state) {
  const BusinessCalendar cal{mall("Asia/Shanghai")};
  const auto& from = starts();
  size_t i = 0;
  for (auto _ : state) {
    auto t = from[i++ & 1023];
    benchmark::DoNotOptimize(business_minutes_between(cal, t, t + std::chrono::days{365}));
  }
}
BENCHMARK(BM_BusinessMinutesBetweenOneYear);

void BM_BuildCalendar(benchmark::State& state) {
  const auto spec = mall("Asia/Shanghai");
  for (auto _ : state) {
    BusinessCalendar cal{spec};
    benchmark::DoNotOptimize(&cal);
  }
}
BENCHMARK(BM_BuildCalendar);

}  // namespace

BENCHMARK_MAIN();
