#include "bot/domain/intents.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/text/normalize.hpp"
#include "members/domain/phone.hpp"
#include "public_tickets/domain/tracking_code.hpp"

namespace kefu::bot {
namespace {

// Ways of asking for opening hours. Matched as parts of the canonical text, so 商场今天几点
// 关门 and 请问营业时间是 both ask. Kept short on purpose: a phrase here shadows any FAQ
// entry on hours (the calendar is the truth for today).
constexpr std::array<std::string_view, 18> kHours{"营业时间",   "几点开门",     "几点关门",   "几点营业", "几点打烊",
                                                  "开门时间",   "关门时间",     "营业到几点", "开到几点", "几点下班",
                                                  "今天营业吗", "今天开门吗",   "还开门吗",   "还营业吗", "开门了吗",
                                                  "几点钟开门", "openinghours", "opentoday"};

bool alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }
bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Run {
  std::size_t at;
  std::string text;
};

// Maximal runs of ASCII letters and digits in the normalised (lower-case) text.
std::vector<Run> runs(const std::string& s) {
  std::vector<Run> out;
  for (std::size_t i = 0; i < s.size();) {
    if (!alnum(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && alnum(s[j])) ++j;
    out.push_back({i, s.substr(i, j - i)});
    i = j;
  }
  return out;
}

// KF + at least 12 digits (yymmdd and an id of six or more digits).
bool is_number(std::string_view r) { return r.size() >= 14 && r.substr(0, 2) == "kf" && digits(r.substr(2)); }

}  // namespace

bool asks_for_hours(std::string_view canonical) {
  std::string s(canonical);
  std::erase(s, ' ');
  return std::any_of(kHours.begin(), kHours.end(), [&](auto w) { return s.find(w) != std::string::npos; });
}

const std::vector<std::string>& hours_prototypes() {
  static const std::vector<std::string> kPrototypes{"商场几点开门", "商场几点关门", "商场的营业时间", "今天营业吗"};
  return kPrototypes;
}

std::optional<TicketQuery> ticket_query(std::string_view text) {
  const auto s = text::normalize(text);
  const auto found = runs(s);
  TicketQuery q;
  std::vector<bool> used(found.size(), false);
  for (std::size_t i = 0; i < found.size() && q.number.empty(); ++i)
    if (is_number(found[i].text)) {
      q.number = found[i].text;
      std::transform(q.number.begin(), q.number.end(), q.number.begin(), [](char c) {
        return c == 'k' ? 'K' : c == 'f' ? 'F' : c;
      });
      used[i] = true;
    }
  if (q.number.empty()) return std::nullopt;
  // The phone: digit runs joined across spaces and dashes (138 0013 8000, 138-0013-8000).
  for (std::size_t i = 0; i < found.size() && q.phone.empty(); ++i) {
    if (used[i] || !digits(found[i].text)) continue;
    std::string joined = found[i].text;
    std::size_t j = i;
    while (j + 1 < found.size() && !used[j + 1] && digits(found[j + 1].text) && joined.size() < 15) {
      const auto gap =
          s.substr(found[j].at + found[j].text.size(), found[j + 1].at - found[j].at - found[j].text.size());
      if (gap.find_first_not_of(" -") != std::string::npos) break;
      joined += found[j + 1].text;
      ++j;
    }
    if (joined.size() < 7) continue;
    if (auto phone = people::normalize_phone(joined)) {
      q.phone = *phone;
      for (auto k = i; k <= j; ++k) used[k] = true;
    }
  }
  for (std::size_t i = 0; i < found.size() && q.code.empty(); ++i)
    if (!used[i] && found[i].text.size() == ticket::kTrackingCodeLength)
      q.code = ticket::normalize_tracking_code(found[i].text);
  return q;
}

}  // namespace kefu::bot
