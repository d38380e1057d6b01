// When tickets arrive: a weighted table of half-hour slots inside the stores'
// opening hours. Weekends, evenings and holidays weigh more.
#pragma once

#include <cstdint>
#include <vector>

#include "demo/catalog.hpp"
#include "demo/random.hpp"

namespace kefu::demo::detail {

struct TimeSlot {
  int64_t start;
  int64_t length;
  uint64_t cumulative;  // weight of this and all earlier slots
  size_t store;
};

// Slots covering [from, to) for all stores; empty when no store is open then.
std::vector<TimeSlot> time_slots(const std::vector<Store>& stores, int64_t from, int64_t to);
// A slot drawn with the slots' weights; slots must not be empty.
const TimeSlot& pick_slot(const std::vector<TimeSlot>& slots, Rng& rng);

}  // namespace kefu::demo::detail
