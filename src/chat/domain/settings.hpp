#pragma once
// A store's chat settings (在线客服设置): when an idle conversation ends, the reply targets
// the live view and the reports measure against, and the texts the customer sees. A store
// without its own row has the defaults below.
//
// Reply targets are the store's, and a queue may have its own (停车 questions are answered
// in seconds, a 退换货 case needs a look at the receipt first): targets_for(queue) is the
// queue's pair when it has one, else the store's.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::chat {

struct ReplyTargets {
  int first_reply_seconds = 60;  // target from assignment to the agent's first reply
  int reply_gap_seconds = 180;   // target from a customer's message to the agent's next reply
  friend bool operator==(const ReplyTargets&, const ReplyTargets&) = default;
};

// Optional generative answers (bot/domain/phrasing.hpp): an OpenAI-compatible chat endpoint
// that phrases the bot's answer from the matched entries. Off by default.
struct Generative {
  bool enabled = false;
  std::string base_url;  // http://host:port[/prefix]; the bot POSTs {base_url}/v1/chat/completions
  std::string model;
  std::string api_key;  // stored; never rendered (masked) nor logged nor audited
  int timeout_ms = 8000;
  friend bool operator==(const Generative&, const Generative&) = default;
};
inline constexpr int kMinGenerativeTimeoutMs = 500, kMaxGenerativeTimeoutMs = 60'000;
inline constexpr std::size_t kMaxGenerativeText = 500;

struct Settings {
  int64_t store_id = 0;
  int idle_end_minutes = 15;  // no message from either side for this long: the chat ends (reason idle)
  int first_reply_seconds = ReplyTargets{}.first_reply_seconds;
  int reply_gap_seconds = ReplyTargets{}.reply_gap_seconds;
  std::string welcome;       // sent to the customer when the chat starts; empty: the built-in text
  std::string offline_text;  // shown when nobody is online; empty: the built-in text
  std::map<std::string, ReplyTargets> queue_targets;  // queue code → its own targets
  // Queues whose chats the FAQ bot answers first (智能客服, bot/domain/turn.hpp); empty: none.
  std::vector<std::string> bot_queues;
  // The bot's thresholds, as the matcher's calibrated confidence (bot::Thresholds): answer
  // on its own at or above bot_answer, offer guesses at or above bot_suggest. Kept to
  // thousandths.
  double bot_answer = 0.6;
  double bot_suggest = 0.3;
  Generative generative;

  bool bot_answers(std::string_view queue) const {
    for (const auto& q : bot_queues)
      if (q == queue) return true;
    return false;
  }

  ReplyTargets targets_for(std::string_view queue) const {
    if (auto it = queue_targets.find(std::string(queue)); it != queue_targets.end()) return it->second;
    return {first_reply_seconds, reply_gap_seconds};
  }
};

// Bounds the settings form checks (minutes and seconds).
inline constexpr int kMaxIdleEndMinutes = 24 * 60;
inline constexpr int kMaxReplySeconds = 24 * 3600;
inline constexpr std::size_t kMaxSettingsText = 500;

// The queues' own targets as stored in one text column: "returns:120:300;parking:30:90"
// (queue:first:gap, by queue code). decode gives nullopt for text that is not in this form.
std::string encode_queue_targets(const std::map<std::string, ReplyTargets>&);
std::optional<std::map<std::string, ReplyTargets>> decode_queue_targets(std::string_view);

}  // namespace kefu::chat
