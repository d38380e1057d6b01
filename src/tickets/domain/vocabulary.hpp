#pragma once
// The closed vocabularies of a ticket (PRODUCT.md glossary), each defined once here:
// codes for JSON and the database, zh-CN and English labels (core/domain/vocabulary.hpp).
#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "core/domain/vocabulary.hpp"

namespace kefu::ticket {

enum class TypeCode { inquiry, complaint, return_, lost_found, service_request, suggestion, praise };
inline constexpr std::array<Term<TypeCode>, 7> kTypes{{
    {TypeCode::inquiry, "inquiry", "咨询", "Inquiry"},
    {TypeCode::complaint, "complaint", "投诉", "Complaint"},
    {TypeCode::return_, "return", "退换货", "Return/exchange"},
    {TypeCode::lost_found, "lost_found", "失物招领", "Lost & found"},
    {TypeCode::service_request, "service_request", "便民服务", "Service request"},
    {TypeCode::suggestion, "suggestion", "建议", "Suggestion"},
    {TypeCode::praise, "praise", "表扬", "Praise"},
}};
using Type = Closed<TypeCode, kTypes>;

enum class ChannelCode {
  service_desk,
  floor_desk,
  brand_counter,
  cashier,
  hotline,
  app,
  social_media,
  comment_box,
  bot_handoff,
  email,
  live_chat
};
inline constexpr std::array<Term<ChannelCode>, 11> kChannels{{
    {ChannelCode::service_desk, "service_desk", "总服务台", "Service desk"},
    {ChannelCode::floor_desk, "floor_desk", "楼层服务台", "Floor desk"},
    {ChannelCode::brand_counter, "brand_counter", "品牌专柜", "Brand counter"},
    {ChannelCode::cashier, "cashier", "收银台", "Cashier"},
    {ChannelCode::hotline, "hotline", "客服热线", "Hotline"},
    {ChannelCode::app, "app", "APP/网页", "App/web"},
    {ChannelCode::social_media, "social_media", "社交媒体", "Social media"},
    {ChannelCode::comment_box, "comment_box", "意见箱", "Comment box"},
    {ChannelCode::bot_handoff, "bot_handoff", "智能客服转人工", "Bot handoff"},
    {ChannelCode::email, "email", "电子邮件", "Email"},
    {ChannelCode::live_chat, "live_chat", "在线客服", "Live chat"},
}};
using Channel = Closed<ChannelCode, kChannels>;

// Most urgent first. The labels say what each level is for; short_label() is the tag.
enum class PriorityCode { p1, p2, p3, p4 };
inline constexpr std::array<Term<PriorityCode>, 4> kPriorities{{
    {PriorityCode::p1, "P1", "P1 紧急（安全/食品/媒体曝光）", "P1 urgent (safety, food, media exposure)"},
    {PriorityCode::p2, "P2", "P2 高（有索赔的投诉）", "P2 high (complaint with a claim)"},
    {PriorityCode::p3, "P3", "P3 中（一般投诉）", "P3 medium (ordinary complaint)"},
    {PriorityCode::p4, "P4", "P4 低（咨询及其他）", "P4 low (inquiries and the rest)"},
}};
using Priority = Closed<PriorityCode, kPriorities>;
inline constexpr std::array<Term<PriorityCode>, 4> kPriorityTags{{
    {PriorityCode::p1, "P1", "P1 紧急", "P1 urgent"},
    {PriorityCode::p2, "P2", "P2 高", "P2 high"},
    {PriorityCode::p3, "P3", "P3 中", "P3 medium"},
    {PriorityCode::p4, "P4", "P4 低", "P4 low"},
}};
constexpr const Term<PriorityCode>& short_label(Priority p) { return kPriorityTags[p.rank()]; }

// The status machine is in status.hpp.
enum class StatusCode { new_, in_progress, waiting_customer, waiting_internal, resolved, closed };
inline constexpr std::array<Term<StatusCode>, 6> kStatuses{{
    {StatusCode::new_, "new", "新建", "New"},
    {StatusCode::in_progress, "in_progress", "处理中", "In progress"},
    {StatusCode::waiting_customer, "waiting_customer", "待顾客回复", "Waiting on customer"},
    {StatusCode::waiting_internal, "waiting_internal", "待内部协办", "Waiting on internal"},
    {StatusCode::resolved, "resolved", "已办结", "Resolved"},
    {StatusCode::closed, "closed", "已关闭", "Closed"},
}};
using Status = Closed<StatusCode, kStatuses>;

enum class TaskStatusCode { open, in_progress, done, cancelled };
inline constexpr std::array<Term<TaskStatusCode>, 4> kTaskStatuses{{
    {TaskStatusCode::open, "open", "待处理", "Open"},
    {TaskStatusCode::in_progress, "in_progress", "处理中", "In progress"},
    {TaskStatusCode::done, "done", "已完成", "Done"},
    {TaskStatusCode::cancelled, "cancelled", "已取消", "Cancelled"},
}};
using TaskStatus = Closed<TaskStatusCode, kTaskStatuses>;

// An open task still owes work (open or in progress).
constexpr bool is_open(TaskStatus s) { return s == "open" || s == "in_progress"; }

// Online channels have no person at the desk: their owner is whoever claims first.
constexpr bool is_online(Channel c) {
  return c == "app" || c == "social_media" || c == "bot_handoff" || c == "email" || c == "live_chat";
}

// The default priority when the desk does not choose one.
constexpr Priority default_priority(Type t) { return t == "complaint" ? Priority("P3") : Priority("P4"); }

// The same questions about codes read at run time (requests, policy conditions).
inline std::span<const Term<TypeCode>> types() { return kTypes; }
inline std::span<const Term<ChannelCode>> channels() { return kChannels; }
inline std::span<const Term<PriorityCode>> priorities() { return kPriorities; }
inline std::span<const Term<StatusCode>> statuses() { return kStatuses; }
inline std::span<const Term<TaskStatusCode>> task_statuses() { return kTaskStatuses; }
inline bool is_type(std::string_view code) { return Type::parse(code).has_value(); }
inline bool is_channel(std::string_view code) { return Channel::parse(code).has_value(); }
inline bool is_priority(std::string_view code) { return Priority::parse(code).has_value(); }
inline bool is_status(std::string_view code) { return Status::parse(code).has_value(); }
inline bool is_task_status(std::string_view code) { return TaskStatus::parse(code).has_value(); }
inline bool is_online_channel(std::string_view code) {
  auto c = Channel::parse(code);
  return c && is_online(*c);
}
template <RuntimeCode S>
std::string_view default_priority(const S& type) {
  auto t = Type::parse(type);
  return default_priority(t ? *t : Type()).code();
}

}  // namespace kefu::ticket
