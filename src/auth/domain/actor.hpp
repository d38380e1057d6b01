#pragma once
// Who is calling, and what that lets them do. Roles (lowest to highest):
// agent, dept_head, supervisor, manager, admin. Staff see only the stores they
// belong to; admins see every store. API tokens act for a staff member and are
// further narrowed by scopes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "org/domain/role.hpp"

namespace kefu::people {

// API token scopes. "x:write" implies "x:read"; "admin" implies every scope.
enum class ScopeCode {
  tickets_read,
  tickets_write,
  members_read,
  members_write,
  chat_read,
  chat_write,
  kb_read,
  kb_write,
  feedback_read,
  feedback_write,
  purchases_read,
  purchases_write,
  returns_read,
  returns_write,
  reports_read,
  reports_write,
  quality_read,
  quality_write,
  admin
};
inline constexpr std::array<Term<ScopeCode>, 19> kScopes{{
    {ScopeCode::tickets_read, "tickets:read", "读取工单", "Read tickets"},
    {ScopeCode::tickets_write, "tickets:write", "读写工单", "Read and write tickets"},
    {ScopeCode::members_read, "members:read", "读取会员", "Read members"},
    {ScopeCode::members_write, "members:write", "读写会员", "Read and write members"},
    {ScopeCode::chat_read, "chat:read", "读取在线会话", "Read chat conversations"},
    {ScopeCode::chat_write, "chat:write", "在线会话收发", "Read and write chat conversations"},
    {ScopeCode::kb_read, "kb:read", "读取知识库", "Read the knowledge base"},
    {ScopeCode::kb_write, "kb:write", "编辑知识库", "Edit the knowledge base"},
    {ScopeCode::feedback_read, "feedback:read", "读取反馈", "Read feedback"},
    {ScopeCode::feedback_write, "feedback:write", "处理反馈与整改", "Handle feedback and improvement actions"},
    {ScopeCode::purchases_read, "purchases:read", "读取购买记录", "Read purchases"},
    {ScopeCode::purchases_write, "purchases:write", "写入购买记录（收银系统对接）",
     "Write purchases (POS integration)"},
    {ScopeCode::returns_read, "returns:read", "读取退换货政策与判定", "Read return policies and decisions"},
    {ScopeCode::returns_write, "returns:write", "编辑退换货政策", "Edit return policies"},
    {ScopeCode::reports_read, "reports:read", "读取报表、绩效与导出", "Read reports, KPIs and exports"},
    {ScopeCode::reports_write, "reports:write", "设置报表、绩效规则与定时报表",
     "Set up reports, KPI rules and scheduled reports"},
    {ScopeCode::quality_read, "quality:read", "读取质检结果", "Read quality inspections"},
    {ScopeCode::quality_write, "quality:write", "质检评分、申诉与规则", "Score, appeal and set quality rules"},
    {ScopeCode::admin, "admin", "管理", "Administration"},
}};
using Scope = Closed<ScopeCode, kScopes>;

// For codes read at run time.
bool is_role(std::string_view role);
// Rank used for "at least supervisor" checks: agent 1, dept_head 2, supervisor 3, manager 4,
// admin 5; 0 for a code that is no role.
int role_rank(std::string_view role);

struct Actor {
  int64_t staff_id = 0;
  std::string username;
  std::string display_name;
  Role role;
  std::vector<int64_t> store_ids;       // stores this person serves
  std::vector<int64_t> department_ids;  // departments this person belongs to
  std::vector<std::string> scopes;      // empty for a console session (all its role allows)
  bool via_token = false;
  // A customer on the mobile page (customer_actor()): no role, no store, no scope, whatever
  // `role` holds; every staff check refuses it.
  bool customer = false;

  bool is_admin() const { return !customer && role == "admin"; }
  bool at_least(Role min) const { return !customer && role.rank() >= min.rank(); }
  bool in_store(int64_t store_id) const;
  bool in_department(int64_t department_id) const;
  // A console session has every scope its role allows; a token only those it names.
  bool has_scope(Scope scope) const;
  // Full phone numbers are for supervisors and above; agents and department heads see them masked.
  bool sees_full_phone() const { return at_least("supervisor"); }
  // Sensitive personal data (PIPL 敏感个人信息: a member's birthday and care flags such as
  // pregnant or disabled) is for supervisors and above; others see only that care is needed.
  bool sees_sensitive_data() const { return at_least("supervisor"); }
};

// The caller of the customer's page (public_tickets): staff_id 0, no role, no reach. What
// a customer may touch is decided by the use case from their link, never by this actor.
const Actor& customer_actor();

}  // namespace kefu::people
