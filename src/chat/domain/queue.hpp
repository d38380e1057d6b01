#pragma once
// The chat's closed vocabularies: skill queues (技能组) and agents' presence.
#include <array>

#include "core/domain/vocabulary.hpp"

namespace kefu::chat {

enum class QueueCode { general, returns, members, parking };
inline constexpr std::array<Term<QueueCode>, 4> kQueues{{
    {QueueCode::general, "general", "一般咨询", "General"},
    {QueueCode::returns, "returns", "退换货", "Returns & exchanges"},
    {QueueCode::members, "members", "会员", "Members"},
    {QueueCode::parking, "parking", "停车", "Parking"},
}};
using Queue = Closed<QueueCode, kQueues>;

enum class PresenceCode { online, away, offline };
inline constexpr std::array<Term<PresenceCode>, 3> kPresences{{
    {PresenceCode::online, "online", "在线", "Online"},
    {PresenceCode::away, "away", "离开", "Away"},
    {PresenceCode::offline, "offline", "离线", "Offline"},
}};
using PresenceTerm = Closed<PresenceCode, kPresences>;

// Concurrent chats an agent takes when no supervisor has set a number: front-line agents
// carry the most, people who also supervise or manage fewer.
int default_capacity(std::string_view role);

// The longest message a customer or agent may send, in characters.
inline constexpr std::size_t kMaxMessageChars = 2000;

}  // namespace kefu::chat
