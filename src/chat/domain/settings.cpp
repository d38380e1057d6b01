#include "chat/domain/settings.hpp"

#include <charconv>
#include <vector>

namespace kefu::chat {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t from = 0;;) {
    const auto at = s.find(sep, from);
    out.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

std::optional<int> number(std::string_view s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::string encode_queue_targets(const std::map<std::string, ReplyTargets>& targets) {
  std::string out;
  for (const auto& [queue, t] : targets) {
    if (!out.empty()) out += ';';
    out += queue + ':' + std::to_string(t.first_reply_seconds) + ':' + std::to_string(t.reply_gap_seconds);
  }
  return out;
}

std::optional<std::map<std::string, ReplyTargets>> decode_queue_targets(std::string_view text) {
  std::map<std::string, ReplyTargets> out;
  if (text.empty()) return out;
  for (auto item : split(text, ';')) {
    const auto parts = split(item, ':');
    if (parts.size() != 3 || parts[0].empty()) return std::nullopt;
    const auto first = number(parts[1]), gap = number(parts[2]);
    if (!first || !gap) return std::nullopt;
    out[std::string(parts[0])] = {*first, *gap};
  }
  return out;
}

}  // namespace kefu::chat
