#pragma once
// A store's chat settings (在线客服设置): when an idle conversation ends, the reply targets
// the live view and the reports measure against, and the texts the customer sees. A store
// without its own row has the defaults below.
#include <cstdint>
#include <string>

namespace kefu::chat {

struct Settings {
  int64_t store_id = 0;
  int idle_end_minutes = 15;     // no message from either side for this long: the chat ends (reason idle)
  int first_reply_seconds = 60;  // target from assignment to the agent's first reply
  int reply_gap_seconds = 180;   // target from a customer's message to the agent's next reply
  std::string welcome;           // sent to the customer when the chat starts; empty: the built-in text
  std::string offline_text;      // shown when nobody is online; empty: the built-in text
};

// Bounds the settings form checks (minutes and seconds).
inline constexpr int kMaxIdleEndMinutes = 24 * 60;
inline constexpr int kMaxReplySeconds = 24 * 3600;
inline constexpr std::size_t kMaxSettingsText = 500;

}  // namespace kefu::chat
