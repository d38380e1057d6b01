#pragma once
// The demo's quality inspection (质检), made through the real use cases at the times they
// happened, on the tickets and chats of the demo:
// - the chain's desk and chat scorecards saved once by the admin (the defaults with the
//   greeting weighted up), 上海店's settings (three days to appeal, three routine picks);
// - last week's sample of 上海店, drawn by 陈静 (supervisor) on Monday and scored through the
//   week, with comments on the exact event or message; one red line (a promise the policy
//   does not allow); 张敏's apology is what most often fails;
// - one appeal: an agent says the customer was calm and no apology was due; 王莉 (manager,
//   the second inspector) accepts and re-scores; others acknowledged their results;
// - coaching on the apology for the agent who failed it twice, acknowledged;
// - one calibration session: 陈静, 王莉 and the admin score the same item (a chat when one was
//   sampled), one item apart each, and close with the agreed score.
#include <cstdint>

#include "core/storage/stores.hpp"

namespace kefu::demo {

void load_demo_quality(storage::Stores&, int64_t now_ms);

}  // namespace kefu::demo
