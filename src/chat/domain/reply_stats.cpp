#include "chat/domain/reply_stats.hpp"

#include <algorithm>
#include <string_view>

namespace kefu::chat {
namespace {

// The "event" of an event message's JSON body, without a JSON library (domain code): the
// bodies are written by the use cases as {"event":"<word>",...} or with "event" later.
std::string_view event_of(const Message& m) {
  constexpr std::string_view key = "\"event\":\"";
  const auto at = m.body.find(key);
  if (at == std::string::npos) return {};
  const auto from = at + key.size();
  const auto to = m.body.find('"', from);
  return to == std::string::npos ? std::string_view{} : std::string_view(m.body).substr(from, to - from);
}

bool to_customer(const Message& m) { return m.sender == "agent" && (m.kind == "text" || m.kind == "photo"); }
bool from_customer(const Message& m) { return m.sender == "customer" && (m.kind == "text" || m.kind == "photo"); }

}  // namespace

int64_t ReplyStats::longest_gap_ms() const {
  return gaps_ms.empty() ? 0 : *std::max_element(gaps_ms.begin(), gaps_ms.end());
}

int ReplyStats::gaps_over(int64_t target_ms) const {
  return static_cast<int>(std::count_if(gaps_ms.begin(), gaps_ms.end(), [&](int64_t g) { return g > target_ms; }));
}

ReplyStats reply_stats(std::span<const Message> messages) {
  ReplyStats out;
  bool served = false;
  std::optional<int64_t> owed;   // the desk owes an answer since then (while served)
  bool waiting_message = false;  // the customer wrote while nobody served
  for (const auto& m : messages) {
    if (m.kind == "event") {
      const auto e = event_of(m);
      const bool to_agent =
          (e == "assigned") || (e == "transferred" && m.body.find("\"agent_id\"") != std::string::npos);
      if (to_agent) {
        if (!out.first_assigned_at) out.first_assigned_at = m.created_at;
        if (!served && waiting_message) owed = m.created_at;
        served = true;
        waiting_message = false;
      } else if (e == "queued" || e == "transferred" || e == "reopened") {
        if (owed) waiting_message = true;  // still unanswered: owed again once someone serves
        served = false;
        owed.reset();
      } else if (e == "ended") {
        if (owed) out.gaps_ms.push_back(m.created_at - *owed);
        served = false;
        owed.reset();
        waiting_message = false;
      }
      continue;
    }
    if (from_customer(m)) {
      if (served && !owed) owed = m.created_at;
      if (!served) waiting_message = true;
    } else if (to_customer(m)) {
      if (out.first_assigned_at && !out.first_reply_ms) out.first_reply_ms = m.created_at - *out.first_assigned_at;
      if (owed) out.gaps_ms.push_back(m.created_at - *owed);
      owed.reset();
    }
  }
  out.pending_since = owed;
  return out;
}

}  // namespace kefu::chat
