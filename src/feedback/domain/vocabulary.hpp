#pragma once
// The feedback capability's closed vocabularies (core/domain/vocabulary.hpp): where an item
// came from, the touchpoint of the customer's journey it is about, and its sentiment.
#include <array>

#include "core/domain/vocabulary.hpp"

namespace kefu::feedback {

enum class SourceCode { form, desk, csat, ticket, chat, social, nps };
inline constexpr std::array<Term<SourceCode>, 7> kSources{{
    {SourceCode::form, "form", "顾客反馈表", "Feedback form"},
    {SourceCode::desk, "desk", "前台录入", "Entered at the desk"},
    {SourceCode::csat, "csat", "满意度评价", "CSAT comment"},
    {SourceCode::ticket, "ticket", "工单", "Ticket"},
    {SourceCode::chat, "chat", "在线会话", "Chat"},
    {SourceCode::social, "social", "社交媒体", "Social media"},
    {SourceCode::nps, "nps", "净推荐值调查", "NPS survey"},
}};
using Source = Closed<SourceCode, kSources>;

// The customer journey (顾客旅程) a retail store maps, in the order a customer walks it;
// `other` last. An item's touchpoint comes from the QR code's place, the channel, or staff.
enum class TouchpointCode { parking, entrance, floor, cashier, service_desk, after_sales, online, other };
inline constexpr std::array<Term<TouchpointCode>, 8> kTouchpoints{{
    {TouchpointCode::parking, "parking", "停车场", "Parking"},
    {TouchpointCode::entrance, "entrance", "入口与导购", "Entrance and wayfinding"},
    {TouchpointCode::floor, "floor", "楼层与专柜", "Floors and counters"},
    {TouchpointCode::cashier, "cashier", "收银", "Cashier"},
    {TouchpointCode::service_desk, "service_desk", "服务台", "Service desk"},
    {TouchpointCode::after_sales, "after_sales", "售后", "After-sales"},
    {TouchpointCode::online, "online", "线上", "Online"},
    {TouchpointCode::other, "other", "其他", "Other"},
}};
using Touchpoint = Closed<TouchpointCode, kTouchpoints>;

enum class SentimentCode { positive, negative };
inline constexpr std::array<Term<SentimentCode>, 2> kSentiments{{
    {SentimentCode::positive, "positive", "正面", "Positive"},
    {SentimentCode::negative, "negative", "负面", "Negative"},
}};
using Sentiment = Closed<SentimentCode, kSentiments>;

}  // namespace kefu::feedback
