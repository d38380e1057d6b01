#pragma once
// The demo's improvement actions (整改措施), made through the real use cases at the times
// they happened, on the feedback of demo/load_feedback:
// - 上海店: the toilets — grouped from five weeks ago, the property department's head fixed
//   them (a progress note, then done three weeks ago), and the store's supervisor verified
//   the effect a week ago (before / after windows of 14 days): the board's effect size.
// - 上海店: queueing at the cashiers, opened three days ago, due within five business days.
// - 成都店: the returns desk, opened twelve days ago with a five-business-day deadline and
//   not done: overdue (the action keeper escalates it when the service starts).
#include <cstdint>

#include "core/storage/stores.hpp"

namespace kefu::demo {

void load_demo_actions(storage::Stores&, int64_t now_ms);

}  // namespace kefu::demo
