#include "bot/app/asides.hpp"

#include "bot/domain/hours.hpp"
#include "core/domain/error.hpp"
#include "public_tickets/app/public_tickets.hpp"
#include "sla/app/sla.hpp"

namespace kefu::app {
namespace {

using nlohmann::json;

json day_json(const bot::DayHours& d) {
  auto periods = json::array();
  for (const auto& p : d.periods) periods.push_back({{"open", p.open}, {"close", p.close}});
  return {{"date", d.date}, {"weekday", d.weekday}, {"periods", periods}, {"special", d.special}, {"name", d.name}};
}

json ticket_text(const bot::TicketQuery& q, const std::string& text) {
  return {{"act", "ticket_status"}, {"found", false}, {"number", q.number}, {"text", text}};
}

}  // namespace

json hours_reply(Context& c, int64_t store_id) {
  const auto calendar = store_calendar(c.stores, store_id);
  const auto h = bot::store_hours(*calendar, sla::from_unix_ms(c.now_ms));
  json out{{"act", "hours"}, {"text", bot::hours_text(h)}, {"today", day_json(h.today)}, {"open_now", h.open_now}};
  if (h.tomorrow) out["tomorrow"] = day_json(*h.tomorrow);
  if (!h.next_open.empty()) out["next_open"] = h.next_open;
  return out;
}

json ticket_reply(Context& c, const bot::TicketQuery& q, const std::string& remote) {
  if (!q.complete())
    return ticket_text(q, "请把工单登记的手机号和查询码（6 位，见受理回执或短信）连同工单号 " + q.number +
                              " 一起发给我，例如：" + q.number + " 13800138000 AB3CDE");
  std::optional<PublicAccess> access;
  try {
    access = track_ticket(c, {q.number, q.phone, q.code, remote});
  } catch (const Error& e) {
    if (e.code() != "too_many_attempts") throw;
    return ticket_text(q, "查询次数过多，请稍后再试，或点击「转人工」联系客服。");
  }
  if (!access) return ticket_text(q, "没有找到与该手机号和查询码相符的工单，请核对后再试。");
  const auto v = public_ticket_view(c, access->token);
  return {{"act", "ticket_status"},
          {"found", true},
          {"number", v.number},
          {"subject", v.subject},
          {"status", v.status},
          {"status_zh", v.status_zh},
          {"store_name", v.store_name},
          {"updated_at", v.updated_at},
          {"text", "工单 " + v.number + "（" + v.subject + "）当前状态：" + v.status_zh + "。"}};
}

}  // namespace kefu::app
