#pragma once
// The demo's FAQ bot: 成都店 (CD01) lets the bot answer its parking queue first, and ten days
// of past bot chats there — answered and confirmed, guesses tapped, apologies, 转人工 and
// hand-overs taken by an agent — went through the real bot (the demo knowledge base's matcher),
// so that 机器人运营 and 学习记录 have something to show. Customers' words are ours.
#include <cstdint>

#include "core/storage/stores.hpp"
#include "core/text/segmenter.hpp"

namespace kefu::demo {

void load_demo_bot(storage::Stores&, const text::Segmenter&, int64_t now_ms);

}  // namespace kefu::demo
