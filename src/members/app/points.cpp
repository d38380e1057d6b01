#include "members/app/points.hpp"

#include "members/storage/points_store.hpp"

namespace kefu::app {

std::optional<int64_t> record_points(Context& c, people::PointsEntry e) {
  if (!e.created_at) e.created_at = c.now_ms;
  return c.store<storage::PointsStore>().append(e);
}

int64_t record_points(Context& c, std::vector<people::PointsEntry> entries) {
  for (auto& e : entries)
    if (!e.created_at) e.created_at = c.now_ms;
  return c.store<storage::PointsStore>().append_many(entries);
}

int64_t points_balance(Context& c, int64_t member_id) { return c.store<storage::PointsStore>().balance(member_id); }

}  // namespace kefu::app
