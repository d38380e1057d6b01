#pragma once
// The demo's staff KPIs (绩效), through the real use cases at the times they happened:
// - 上海店's KPI and bonus rules, set by its supervisor (CSAT and complaints weigh most;
//   a base of 600 元 with bands; praise +30 元, an upheld complaint -150 元);
// - four complaints against desk agents taken on the hotline by the supervisor over the
//   last three weeks, each answered, the agent named and reviewed (属实 with coaching,
//   部分属实, 不属实; the newest still waiting), and two praise calls;
// - three case-library entries written by us from those stories (the story is the
//   ticket's messages, anonymised).
// A demo without tickets (the tests' small ones) gets the rules only.
#include <cstdint>

#include "core/storage/stores.hpp"

namespace kefu::demo {

void load_demo_performance(storage::Stores&, int64_t now_ms);

}  // namespace kefu::demo
