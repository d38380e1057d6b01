#pragma once
// The customer journey map (顾客旅程地图, docs/feedback.md): per touchpoint, in the order a
// customer walks the store, the volume, sentiment and top topics of the feedback said in
// [from, to), against the period of the same length just before (feedback/domain/journey.hpp).
//
// Feedback items only: tickets of complaints, suggestions and praise reach the inbox as items
// (source ticket) with their touchpoint, so counting tickets as well would count them twice.
//
// Who: supervisors and above with feedback:read, of the stores they serve.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/app/context.hpp"
#include "feedback/domain/journey.hpp"

namespace kefu::app {

inline constexpr int kJourneyMaxDays = 366;

struct JourneyQuery {
  std::optional<int64_t> store_id;  // none: every store the caller serves, together
  int64_t from = 0;
  int64_t to = 0;
};

struct JourneyMap {
  JourneyQuery query;
  int64_t previous_from = 0;  // the period compared with: [previous_from, from)
  feedback::Journey journey;
  std::map<std::string, std::string> topic_names;  // code → zh-CN name, of the taxonomy in force
};

JourneyMap customer_journey(Context&, const JourneyQuery&);

}  // namespace kefu::app
