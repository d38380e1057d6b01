#include "core/api/access.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

#include "auth/app/accounts.hpp"
#include "auth/domain/errors.hpp"
#include "core/api/module.hpp"
#include "core/api/services.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::api {

void RouteTable::add(std::string method, std::string path, Access access, HandlerFn handler) {
  routes_.push_back({std::move(method), std::move(path), access, handler, group_});
}

namespace {

// The codes `kefu routes` prints, as vocabularies (core/domain/vocabulary.hpp) rather than switches.
constexpr std::array<Term<Caller>, 3> kCallers{{
    {Caller::anyone, "anyone", "任何人", "Anyone"},
    {Caller::customer, "customer", "顾客链接", "Customer link"},
    {Caller::staff, "staff", "员工", "Staff"},
}};
constexpr std::array<Term<Reach>, 27> kReaches{{
    {Reach::none, "none", "无", "None"},
    {Reach::store, "store", "门店", "Store"},
    {Reach::ticket, "ticket", "工单", "Ticket"},
    {Reach::task, "task", "协办任务", "Task"},
    {Reach::resolution, "resolution", "办结方案", "Resolution"},
    {Reach::attachment, "attachment", "附件", "Attachment"},
    {Reach::member, "member", "会员", "Member"},
    {Reach::notification, "notification", "通知", "Notification"},
    {Reach::customer_link, "customer_link", "顾客链接", "Customer link"},
    {Reach::conversation, "conversation", "在线会话", "Conversation"},
    {Reach::canned_reply, "canned_reply", "快捷回复", "Canned reply"},
    {Reach::chat_link, "chat_link", "顾客会话链接", "Customer chat link"},
    {Reach::feedback_item, "feedback_item", "反馈", "Feedback item"},
    {Reach::feedback_place, "feedback_place", "反馈点位", "Feedback place"},
    {Reach::nps_campaign, "nps_campaign", "净推荐值调查", "NPS campaign"},
    {Reach::nps_invitation, "nps_invitation", "净推荐值邀请", "NPS invitation"},
    {Reach::feedback_action, "feedback_action", "整改措施", "Improvement action"},
    {Reach::purchase, "purchase", "购买记录", "Purchase"},
    {Reach::return_record, "return", "退换货记录", "Return"},
    {Reach::scorecard, "scorecard", "质检评分表", "Scorecard"},
    {Reach::qa_rule, "qa_rule", "自动质检规则", "Automatic quality rule"},
    {Reach::inspection, "inspection", "质检", "Quality inspection"},
    {Reach::calibration, "calibration", "质检校准", "Calibration session"},
    {Reach::coaching, "coaching", "辅导", "Coaching"},
    {Reach::case_entry, "case_entry", "案例", "Case library entry"},
    {Reach::staff_complaint, "staff_complaint", "员工被投诉", "Complaint against staff"},
    {Reach::report_schedule, "report_schedule", "定时报表", "Scheduled report"},
}};
std::string_view caller_code(Caller c) { return Closed<Caller, kCallers>(c).code(); }
std::string_view reach_code(Reach r) { return Closed<Reach, kReaches>(r).code(); }

}  // namespace

std::string route_table_json(const RouteTable& table) {
  auto out = nlohmann::json::array();
  for (const auto& r : table.routes()) {
    const auto& a = r.access;
    nlohmann::json access{{"caller", caller_code(a.caller)}, {"reach", reach_code(a.reach)}};
    if (a.caller == Caller::staff) {
      access["min_role"] = a.min_role.code();
      access["scope"] = a.scope ? nlohmann::json(a.scope->code()) : nlohmann::json(nullptr);
      access["owner_or"] = a.owner_or ? nlohmann::json(a.owner_or->code()) : nlohmann::json(nullptr);
    }
    out.push_back({{"method", r.method}, {"path", r.path}, {"group", r.group}, {"access", access}});
  }
  return out.dump(2);
}

void check_same_origin(const http::Request& req) {
  // A WebSocket handshake is a GET that no same-origin policy guards (cross-site WebSocket
  // hijacking): it is checked like a write.
  auto upgrade = req.header("upgrade");
  std::transform(upgrade.begin(), upgrade.end(), upgrade.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if ((req.method == "GET" || req.method == "HEAD") && upgrade != "websocket") return;
  if (!req.header("authorization").empty()) return;
  const auto site = req.header("sec-fetch-site");
  if (!site.empty()) {
    if (site != "same-origin" && site != "none") throw make_error(errors::kCrossSite);
    return;
  }
  const auto origin = req.header("origin");
  if (origin.empty()) return;
  const auto scheme_end = origin.find("://");
  const auto host = req.header("host");
  if (scheme_end == std::string::npos || host.empty() || origin.substr(scheme_end + 3) != host)
    throw make_error(errors::kCrossSite);
}

void enforce(Services& s, http::Request& req, const Access& access) {
  if (access.caller != Caller::staff) return;
  auto actor = authenticate(s, req);
  if (!actor.at_least(access.min_role))
    throw make_error(errors::kForbidden,
                     {{"reason", Text("需要" + std::string(access.min_role.zh()) + "或更高角色",
                                      "needs the role " + std::string(access.min_role.code()) + " or higher")}});
  if (access.scope && !actor.has_scope(*access.scope))
    throw make_error(errors::kForbidden,
                     {{"reason", Text("API 令牌缺少权限范围 " + std::string(access.scope->code()),
                                      "the API token lacks scope " + std::string(access.scope->code()))}});
  // After an admin's password reset the session may only sign out, say who it is and set
  // a new password (the /auth/ routes) and read the vocabularies, nothing else.
  // (One indexed lookup on a table that is empty but for people in that state.)
  if (!actor.via_token && !req.path.starts_with("/api/v1/auth/") && !req.path.starts_with("/api/v1/meta/") &&
      app::must_change_password(s.db.reader(), actor.staff_id))
    throw make_error(errors::kPasswordChangeRequired);
  req.caller = std::move(actor);
}

}  // namespace kefu::api
