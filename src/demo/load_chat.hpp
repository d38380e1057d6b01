#pragma once
// The demo's live chat: each store's canned replies (快捷回复) and chat settings, and a week
// of past conversations (served, rated, one left as a message) so that the workspace,
// the live view and the chat report have something to show. Written in our own words.
#include <cstdint>

#include "core/storage/stores.hpp"

namespace kefu::demo {

void load_demo_chat(storage::Stores&, int64_t now_ms);

}  // namespace kefu::demo
