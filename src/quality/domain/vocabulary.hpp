#pragma once
// The closed vocabularies of quality inspection (质检).
#include <array>

#include "core/domain/vocabulary.hpp"

namespace kefu::quality {

// Which scorecard applies: desk tickets, hotline tickets (channel hotline) or chats.
enum class ChannelKindCode { desk, hotline, chat };
inline constexpr std::array<Term<ChannelKindCode>, 3> kChannelKinds{{
    {ChannelKindCode::desk, "desk", "工单", "Desk ticket"},
    {ChannelKindCode::hotline, "hotline", "热线", "Hotline"},
    {ChannelKindCode::chat, "chat", "在线会话", "Chat"},
}};
using ChannelKind = Closed<ChannelKindCode, kChannelKinds>;

// What an inspection looks at.
enum class SubjectKindCode { ticket, conversation };
inline constexpr std::array<Term<SubjectKindCode>, 2> kSubjectKinds{{
    {SubjectKindCode::ticket, "ticket", "工单", "Ticket"},
    {SubjectKindCode::conversation, "conversation", "在线会话", "Conversation"},
}};
using SubjectKind = Closed<SubjectKindCode, kSubjectKinds>;

// Why an item was drawn into the sample (抽检原因), in the order they are drawn.
enum class ReasonCode { auto_flag, low_csat, complaint, reopened, routine, manual };
inline constexpr std::array<Term<ReasonCode>, 6> kReasons{{
    {ReasonCode::auto_flag, "auto_flag", "自动质检命中", "Flagged by an automatic check"},
    {ReasonCode::low_csat, "low_csat", "低满意度", "Low CSAT"},
    {ReasonCode::complaint, "complaint", "投诉", "Complaint"},
    {ReasonCode::reopened, "reopened", "重开", "Reopened"},
    {ReasonCode::routine, "routine", "例行抽检", "Routine sample"},
    {ReasonCode::manual, "manual", "手动加入", "Added by hand"},
}};
using Reason = Closed<ReasonCode, kReasons>;

// An inspection's states (inspection_status.hpp has the moves).
enum class StatusCode { queued, scored, acknowledged, appealed, upheld, rescored };
inline constexpr std::array<Term<StatusCode>, 6> kStatuses{{
    {StatusCode::queued, "queued", "待质检", "To inspect"},
    {StatusCode::scored, "scored", "已评分", "Scored"},
    {StatusCode::acknowledged, "acknowledged", "已确认", "Acknowledged"},
    {StatusCode::appealed, "appealed", "申诉中", "Appealed"},
    {StatusCode::upheld, "upheld", "申诉驳回", "Appeal upheld"},
    {StatusCode::rescored, "rescored", "申诉成立已改分", "Appeal accepted, re-scored"},
}};
using Status = Closed<StatusCode, kStatuses>;

// How one scorecard item was marked.
enum class ResultCode { pass, partial, fail, na };
inline constexpr std::array<Term<ResultCode>, 4> kResults{{
    {ResultCode::pass, "pass", "达标", "Pass"},
    {ResultCode::partial, "partial", "部分达标", "Partial"},
    {ResultCode::fail, "fail", "未达标", "Fail"},
    {ResultCode::na, "na", "不适用", "N/A"},
}};
using Result = Closed<ResultCode, kResults>;

// What a coaching assignment asks the agent to study.
enum class MaterialCode { case_entry, kb_article };
inline constexpr std::array<Term<MaterialCode>, 2> kMaterials{{
    {MaterialCode::case_entry, "case_entry", "案例库", "Case library entry"},
    {MaterialCode::kb_article, "kb_article", "知识库文章", "Knowledge-base article"},
}};
using Material = Closed<MaterialCode, kMaterials>;

}  // namespace kefu::quality
