#include "chat/domain/reply_stats.hpp"

#include <algorithm>

namespace kefu::chat {

int64_t ReplyStats::longest_gap_ms() const {
  return gaps_ms.empty() ? 0 : *std::max_element(gaps_ms.begin(), gaps_ms.end());
}

int ReplyStats::gaps_over(int64_t target_ms) const {
  return static_cast<int>(std::count_if(gaps_ms.begin(), gaps_ms.end(), [&](int64_t g) { return g > target_ms; }));
}

ReplyStats reply_stats(std::span<const Turn> turns) {
  using What = Turn::What;
  ReplyStats out;
  bool served = false;
  std::optional<int64_t> owed;   // the desk owes an answer since then (while served)
  bool waiting_message = false;  // the customer wrote while nobody served
  for (const auto& t : turns) {
    switch (t.what) {
      case What::served:
        if (!out.first_assigned_at) out.first_assigned_at = t.at;
        if (!served && waiting_message) owed = t.at;
        served = true;
        waiting_message = false;
        break;
      case What::unserved:
        if (owed) waiting_message = true;  // still unanswered: owed again once someone serves
        served = false;
        owed.reset();
        break;
      case What::ended:
        if (owed) out.gaps_ms.push_back(t.at - *owed);
        served = false;
        owed.reset();
        waiting_message = false;
        break;
      case What::customer:
        if (served && !owed) owed = t.at;
        if (!served) waiting_message = true;
        break;
      case What::agent:
        if (out.first_assigned_at && !out.first_reply_ms) out.first_reply_ms = t.at - *out.first_assigned_at;
        if (owed) out.gaps_ms.push_back(t.at - *owed);
        owed.reset();
        break;
    }
  }
  out.pending_since = owed;
  return out;
}

}  // namespace kefu::chat
