#include "feedback/domain/intake.hpp"

#include <array>
#include <utility>

#include "core/text/trim.hpp"

namespace kefu::feedback {
namespace {

bool has(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }

bool any_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (has(text, w)) return true;
  return false;
}

// "1F", "B2", "12F" as a floor mark: a digit or B before an F, or B before a digit.
bool names_floor(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const char a = s[i], b = s[i + 1];
    if ((a >= '0' && a <= '9') && (b == 'F' || b == 'f')) return true;
    if ((a == 'B' || a == 'b') && b >= '1' && b <= '9') return true;
  }
  return any_of(s, {"楼", "层", "专柜", "柜台"});
}

}  // namespace

std::string_view touchpoint_of_channel(std::string_view channel) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kByChannel{{
      {"service_desk", "service_desk"},
      {"hotline", "service_desk"},
      {"floor_desk", "floor"},
      {"brand_counter", "floor"},
      {"cashier", "cashier"},
      {"app", "online"},
      {"live_chat", "online"},
      {"bot_handoff", "online"},
      {"email", "online"},
      {"social_media", "online"},
      {"comment_box", "other"},
  }};
  for (const auto& [c, t] : kByChannel)
    if (c == channel) return t;
  return "other";
}

std::string_view touchpoint_of_location(std::string_view location) {
  if (any_of(location, {"停车", "车库", "车位", "parking"})) return "parking";
  if (any_of(location, {"收银", "cashier"})) return "cashier";
  if (any_of(location, {"服务台", "客服中心"})) return "service_desk";
  if (any_of(location, {"售后", "维修"})) return "after_sales";
  if (any_of(location, {"入口", "出口", "门口", "大门", "正门", "东门", "西门", "南门", "北门", "entrance"}))
    return "entrance";
  if (names_floor(location)) return "floor";
  return "";
}

std::string_view touchpoint_of_ticket(std::string_view channel, std::string_view location) {
  const auto from_location = touchpoint_of_location(location);
  return from_location.empty() ? touchpoint_of_channel(channel) : from_location;
}

bool is_feedback_ticket_type(std::string_view type) {
  return type == "complaint" || type == "suggestion" || type == "praise";
}

std::string ticket_ref(int64_t id) { return "ticket:" + std::to_string(id); }
std::string csat_ref(int64_t ticket_id) { return "csat:" + std::to_string(ticket_id); }
std::string conversation_ref(int64_t id) { return "conversation:" + std::to_string(id); }

std::string transcript_text(const std::vector<std::string>& lines, std::size_t max_chars) {
  std::string out;
  for (const auto& line : lines) {
    const auto t = text::trimmed(line);
    if (t.empty()) continue;
    if (!out.empty()) out += '\n';
    out += t;
  }
  // Over the limit: the first max_chars - 1 characters and "…" (UTF-8 lead bytes counted).
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < out.size(); ++i)
    if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80) starts.push_back(i);
  if (starts.size() <= max_chars) return out;
  if (max_chars == 0) return {};
  return out.substr(0, starts[max_chars - 1]) + "…";
}

}  // namespace kefu::feedback
