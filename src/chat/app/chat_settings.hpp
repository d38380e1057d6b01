#pragma once
// A store's chat settings (在线客服设置, chat/domain/settings.hpp): when idle chats end, the
// reply targets, the welcome and offline texts. A store without its own row has the
// defaults.
#include <cstdint>

#include "chat/domain/settings.hpp"
#include "core/app/context.hpp"

namespace kefu::app {

// The store's settings or the defaults, without an access check (for the chat's own use
// cases and jobs).
chat::Settings chat_settings(Context&, int64_t store_id);
// Staff of the store (admins: any store); 404 not_found otherwise.
chat::Settings get_chat_settings(Context&, int64_t store_id);
// Supervisors and above of the store (403 below, 404 outside their stores). Bounds:
// idle_end_minutes 1..kMaxIdleEndMinutes, first_reply_seconds and reply_gap_seconds
// 1..kMaxReplySeconds, welcome and offline_text at most kMaxSettingsText characters
// (empty: the built-in text), bot_answer and bot_suggest probabilities in 0..1 with
// bot_suggest ≤ bot_answer; generative: base_url http:// (no https), a model when enabled,
// timeout_ms 500..60000, texts at most kMaxGenerativeText. keep_api_key: the stored API
// key stays (the form never sees it). Audited (chat_settings.update on the store; the API
// key never, only whether one is set).
chat::Settings put_chat_settings(Context&, chat::Settings, bool keep_api_key = false);

}  // namespace kefu::app
