#include "feedback/domain/hot_days.hpp"

#include <algorithm>
#include <utility>

namespace kefu::feedback {

using std::chrono::sys_days;

std::vector<DailySeries> daily_series(const std::vector<TopicQuarter>& quarters,
                                      const std::map<int64_t, sys_days>& first_day, sys_days from, sys_days today,
                                      const DayOfStore& day_of) {
  std::map<std::pair<int64_t, std::string>, DailySeries> by_key;
  for (const auto& q : quarters) {
    const sys_days day = day_of(q.store_id, q.bucket);
    if (day < from || day > today) continue;
    auto [it, fresh] = by_key.try_emplace({q.store_id, q.topic});
    DailySeries& s = it->second;
    if (fresh) {
      const auto first = first_day.find(q.store_id);
      s.topic = q.topic;
      s.store = std::to_string(q.store_id);
      s.first_day = first == first_day.end() ? from : std::clamp(first->second, from, today);
      s.counts.assign(static_cast<size_t>((today - s.first_day).count() + 1), 0);
    }
    if (day < s.first_day) continue;  // before the store's first item: cannot happen with true data
    s.counts[static_cast<size_t>((day - s.first_day).count())] += q.count;
  }
  std::vector<DailySeries> out;
  out.reserve(by_key.size());
  for (auto& [key, s] : by_key) out.push_back(std::move(s));
  return out;
}

}  // namespace kefu::feedback
