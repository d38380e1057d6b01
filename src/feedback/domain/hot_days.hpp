#pragma once
// The daily series the hot-issue test (spikes.hpp) reads, from counts the database adds up
// per store, topic and quarter of an hour (UTC). Pure: which local day a quarter falls on
// comes from the caller (the store's wall clock, local_days.hpp).
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "feedback/domain/spikes.hpp"

namespace kefu::feedback {

// Items of one store and effective topic said in one quarter of an hour (bucket: its start, ms).
struct TopicQuarter {
  int64_t store_id = 0;
  std::string topic;
  int64_t bucket = 0;
  int64_t count = 0;
  friend bool operator==(const TopicQuarter&, const TopicQuarter&) = default;
};

using DayOfStore = std::function<std::chrono::sys_days(int64_t store_id, int64_t ms)>;

// One series per store × topic with a count on some day in [from, today], each from
// max(from, the store's first day) to today (DailySeries::store is the store's id as text).
// `first_day`: per store, the local day of its first item: counting began then, so the days
// before it are unknown, not zero (a new store is not tested until it has history). A store
// missing from `first_day` starts at `from`.
std::vector<DailySeries> daily_series(const std::vector<TopicQuarter>& quarters,
                                      const std::map<int64_t, std::chrono::sys_days>& first_day,
                                      std::chrono::sys_days from, std::chrono::sys_days today,
                                      const DayOfStore& day_of);

}  // namespace kefu::feedback
