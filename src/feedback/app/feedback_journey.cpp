#include "feedback/app/feedback_journey.hpp"

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/feedback_hot.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/domain/local_days.hpp"
#include "feedback/storage/feedback_stats_store.hpp"

namespace kefu::app {

JourneyMap customer_journey(Context& c, const JourneyQuery& q) {
  auto stores = feedback_stats_stores(c, q.store_id);
  if (q.to <= q.from)
    throw make_error(errors::kInvalidField,
                     {{"field", "to"}, {"problem", Text("应晚于开始时间", "it must be after from")}}, "to");
  if (q.to - q.from > kJourneyMaxDays * feedback::kDayMs)
    throw make_error(errors::kInvalidField,
                     {{"field", "from"},
                      {"problem", Text("时间范围最多 " + std::to_string(kJourneyMaxDays) + " 天",
                                       "the range is at most " + std::to_string(kJourneyMaxDays) + " days")}},
                     "from");
  if (stores.empty()) stores = {0};  // serves no store: sees nothing
  JourneyMap out{q, q.from - (q.to - q.from), {}};
  auto& stats = c.store<storage::FeedbackStatsStore>();
  out.journey = feedback::build_journey(stats.journey_counts({stores, q.from, q.to}),
                                        stats.journey_counts({stores, out.previous_from, q.from}));
  for (const auto& t : list_topics(c)) out.topic_names[t.code] = t.name;
  return out;
}

}  // namespace kefu::app
