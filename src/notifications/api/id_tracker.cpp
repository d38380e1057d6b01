#include "notifications/api/id_tracker.hpp"

namespace kefu::api {

bool IdTracker::accept(int64_t id, int64_t now_ms) {
  if (id <= floor_ || seen_.contains(id)) return false;
  if (id > top_) {
    for (int64_t missing = top_ + 1; missing < id && holes_.size() < 10000; ++missing)
      if (!seen_.contains(missing)) holes_.emplace(missing, now_ms);
    top_ = id;
  }
  holes_.erase(id);
  seen_.insert(id);
  return true;
}

void IdTracker::settle(int64_t now_ms) {
  std::erase_if(holes_, [&](const auto& h) { return now_ms - h.second >= grace_ms_; });
  const int64_t new_floor = holes_.empty() ? top_ : holes_.begin()->first - 1;
  if (new_floor > floor_) {
    floor_ = new_floor;
    seen_.erase(seen_.begin(), seen_.upper_bound(floor_));
  }
}

}  // namespace kefu::api
