#pragma once
// The demo's satisfaction ratings with comments (满意度评价): a sample of the closed tickets
// rated by their customers through the CSAT link, so the feedback inbox has CSAT comments
// too (they flow in as items, feedback/app/feedback_flow_ins.hpp). Only 3–5 stars: a low
// rating would open a service-recovery task on a long-closed ticket.
#include <cstdint>

#include "core/storage/stores.hpp"

namespace kefu::demo {

void load_demo_csat(storage::Stores&, int64_t now_ms);

}  // namespace kefu::demo
