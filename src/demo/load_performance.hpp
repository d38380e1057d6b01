#pragma once
// The demo's staff KPIs (绩效), through the real use cases at the times they happened:
// - 上海店's KPI and bonus rules, set by its supervisor (CSAT and complaints weigh most;
//   a base of 600 元 with bands; praise +30 元, an upheld complaint -150 元);
// - complaints against staff on a few of 上海店's complaint tickets of this month and last,
//   reviewed by the supervisor with different outcomes, and praise on praise tickets;
// - three case-library entries written by us (a good practice, two lessons).
// Tickets are taken as the demo made them (the newest complaint and praise tickets with an
// owner); with none, that part is skipped.
#include <cstdint>

#include "core/storage/stores.hpp"

namespace kefu::demo {

void load_demo_performance(storage::Stores&, int64_t now_ms);

}  // namespace kefu::demo
