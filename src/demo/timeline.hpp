// The life of one ticket: replies, notes, status changes, collaboration tasks
// and hand-overs, fitted to the ticket's age and the store's opening hours.
#pragma once

#include <cstdint>
#include <vector>

#include "demo/catalog.hpp"
#include "demo/random.hpp"
#include "demo/slots.hpp"
#include "demo/texts.hpp"

namespace kefu::demo::detail {

struct TimelineInput {
  const Catalog& catalog;
  const Store& store;
  const Scenario& scenario;
  const Ticket& ticket;  // created_at, owner, type, channel, priority are used
  const Slots& slots;
  size_t resolution;  // index into scenario.resolutions (feedback is paired with it)
  int64_t now_unix;
};

// Events in time order; every event is inside the store's opening hours and no
// later than now_unix, and the status changes form a valid path from "new".
std::vector<Event> make_timeline(const TimelineInput& in, Rng& rng);

}  // namespace kefu::demo::detail
