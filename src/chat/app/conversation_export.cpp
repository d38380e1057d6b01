#include "chat/app/conversation_export.hpp"

#include <map>
#include <set>

#include "core/domain/error.hpp"
#include "members/domain/phone.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "reports/domain/errors.hpp"

namespace kefu::app {
namespace {

std::vector<Column> columns(bool zh) {
  using K = ColumnKind;
  auto h = [zh](const char* z, const char* e) { return std::string(zh ? z : e); };
  return {{h("会话号", "Conversation"), K::integer, 9},
          {h("门店", "Store"), K::text, 16},
          {h("队列", "Queue"), K::text, 10},
          {h("状态", "Status"), K::text, 8},
          {h("顾客", "Customer"), K::text, 10},
          {h("会员", "Member"), K::text, 22},
          {h("客服", "Agent"), K::text, 10},
          {h("创建时间", "Created"), K::date_time, 17},
          {h("接入时间", "Assigned"), K::date_time, 17},
          {h("首次回复时间", "First reply"), K::date_time, 17},
          {h("结束时间", "Ended"), K::date_time, 17},
          {h("结束原因", "End reason"), K::text, 10},
          {h("消息数", "Messages"), K::integer, 8},
          {h("评分", "Rating"), K::integer, 6},
          {h("评价", "Comment"), K::text, 24},
          {h("工单", "Ticket"), K::integer, 9}};
}

std::string status_label(const std::string& s, bool zh) {
  if (!zh) return s;
  if (s == "bot") return "机器人";
  if (s == "queued") return "排队中";
  if (s == "assigned") return "接待中";
  if (s == "ended") return "已结束";
  return s;
}

std::string end_reason_label(const std::string& s, bool zh) {
  if (!zh) return s;
  if (s == "customer") return "顾客结束";
  if (s == "agent") return "客服结束";
  if (s == "idle") return "超时结束";
  if (s == "offline_message") return "留言";
  return s;
}

Cell opt(std::optional<int64_t> v) { return v ? Cell{*v} : Cell{}; }

}  // namespace

Table conversation_table(Context& c, ConversationQuery q, bool zh, int max_rows) {
  auto& org = c.store<storage::OrgStore>();
  auto& members = c.store<storage::MemberStore>();
  std::map<int64_t, std::string> stores, staff, shown_members;
  std::string zone;
  for (auto& s : org.stores()) {
    stores[s.id] = s.name;
    if (zone.empty() && (q.store_id ? s.id == *q.store_id : c.actor.in_store(s.id))) zone = s.timezone;
  }
  for (auto& s : org.staff_list()) staff[s.id] = s.display_name;
  const bool full_phone = c.actor.sees_full_phone();
  auto member = [&](std::optional<int64_t> id) -> Cell {
    if (!id) return Cell{};
    auto [it, fresh] = shown_members.try_emplace(*id);
    if (fresh) {
      auto m = members.member(*id);
      it->second =
          m ? m->member_no + " " + (full_phone ? m->phone : people::mask_phone(m->phone)) : std::to_string(*id);
    }
    return it->second;
  };
  auto name = [](const std::map<int64_t, std::string>& m, std::optional<int64_t> id) -> Cell {
    if (!id) return Cell{};
    auto it = m.find(*id);
    return it == m.end() ? std::to_string(*id) : it->second;
  };

  Table t;
  t.name = zh ? "在线会话" : "Conversations";
  t.columns = columns(zh);
  if (!zone.empty()) t.time_zone = zone;
  q.limit = 200;
  std::set<int64_t> seen;
  for (;;) {
    const auto page = list_conversations(c, q);
    std::size_t fresh = 0;
    int64_t oldest = 0;
    for (const auto& v : page) {
      oldest = oldest == 0 ? v.active_at : std::min(oldest, v.active_at);
      if (!seen.insert(v.id).second) continue;
      ++fresh;
      if (static_cast<int64_t>(t.rows.size()) >= max_rows)
        throw make_error(errors::kExportTooLarge, {{"max", max_rows}}, "limit");
      t.rows.push_back({v.id, name(stores, v.store_id), v.queue, status_label(v.status, zh), v.customer_name,
                        member(v.member_id), name(staff, v.agent_id), v.created_at, opt(v.assigned_at),
                        opt(v.first_reply_at), opt(v.ended_at), end_reason_label(v.end_reason, zh), v.last_seq,
                        v.rating ? Cell{int64_t{*v.rating}} : Cell{}, v.rating_comment, opt(v.ticket_id)});
    }
    if (page.size() < 200 || fresh == 0) break;
    // Lists page by "activity below"; rows sharing the oldest activity are read again
    // (and skipped above) so none is lost.
    q.before = oldest + 1;
  }
  return t;
}

}  // namespace kefu::app
