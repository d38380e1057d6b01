#include "tickets/app/ticket_export.hpp"

#include <map>

#include "members/domain/phone.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "reports/domain/errors.hpp"
#include "tickets/domain/listing.hpp"

namespace kefu::app {
namespace {

// Names of stores, departments and staff, read once per export.
struct Names {
  std::map<int64_t, people::Store> stores;
  std::map<int64_t, std::string> departments, staff;

  explicit Names(storage::OrgStore& org) {
    for (auto& s : org.stores()) stores[s.id] = s;
    for (auto& d : org.departments(std::nullopt)) departments[d.id] = d.name;
    for (auto& s : org.staff_list()) staff[s.id] = s.display_name;
  }
  template <class M>
  static Cell of(const M& m, std::optional<int64_t> id) {
    if (!id) return Cell{};
    auto it = m.find(*id);
    return it == m.end() ? Cell{std::to_string(*id)} : Cell{it->second};
  }
};

std::vector<Column> columns(bool zh) {
  using K = ColumnKind;
  auto h = [zh](const char* z, const char* e) { return std::string(zh ? z : e); };
  return {{h("工单号", "Number"), K::text, 18},
          {h("门店", "Store"), K::text, 16},
          {h("部门", "Department"), K::text, 12},
          {h("类型", "Type"), K::text, 8},
          {h("渠道", "Channel"), K::text, 10},
          {h("优先级", "Priority"), K::text, 10},
          {h("状态", "Status"), K::text, 8},
          {h("主题", "Subject"), K::text, 36},
          {h("分类", "Category"), K::text, 12},
          {h("首问负责人", "Owner"), K::text, 12},
          {h("创建时间", "Created"), K::date_time, 17},
          {h("首次响应时间", "First response"), K::date_time, 17},
          {h("办结时间", "Resolved"), K::date_time, 17},
          {h("关闭时间", "Closed"), K::date_time, 17},
          {h("重开次数", "Reopened"), K::integer, 9},
          {h("会员", "Member"), K::text, 22}};
}

Cell time_cell(std::optional<int64_t> ms) { return ms ? Cell{*ms} : Cell{}; }

template <class V>
std::string label(const V& v, bool zh) {
  return std::string(zh ? v.zh() : v.en());
}

class MemberCells {
 public:
  MemberCells(storage::MemberStore& members, bool full_phone) : members_(members), full_phone_(full_phone) {}
  Cell of(std::optional<int64_t> id) {
    if (!id) return Cell{};
    auto [it, fresh] = shown_.try_emplace(*id);
    if (fresh) {
      if (auto m = members_.member(*id))
        it->second = m->member_no + " " + (full_phone_ ? m->phone : people::mask_phone(m->phone));
      else
        it->second = std::to_string(*id);
    }
    return it->second;
  }

 private:
  storage::MemberStore& members_;
  bool full_phone_;
  std::map<int64_t, std::string> shown_;
};

}  // namespace

Table ticket_table(Context& c, TicketQuery q, bool zh, int max_rows) {
  Names names(c.store<storage::OrgStore>());
  MemberCells members(c.store<storage::MemberStore>(), c.actor.sees_full_phone());
  Table t;
  t.name = zh ? "工单" : "Tickets";
  t.columns = columns(zh);
  if (q.filter.store_id) {
    if (auto it = names.stores.find(*q.filter.store_id); it != names.stores.end()) t.time_zone = it->second.timezone;
  } else if (!c.actor.store_ids.empty()) {
    if (auto it = names.stores.find(c.actor.store_ids.front()); it != names.stores.end())
      t.time_zone = it->second.timezone;
  }
  q.filter.limit = 200;
  q.filter.after_key.reset();
  q.filter.after_id.reset();
  for (;;) {
    const auto page = list_tickets(c, q);
    if (static_cast<int64_t>(t.rows.size() + page.size()) > max_rows)
      throw make_error(errors::kExportTooLarge, {{"max", max_rows}}, "limit");
    for (const auto& k : page) {
      auto store = names.stores.find(k.store_id);
      t.rows.push_back(
          {k.number, store == names.stores.end() ? Cell{std::to_string(k.store_id)} : Cell{store->second.name},
           Names::of(names.departments, k.department_id), label(k.type, zh), label(k.channel, zh),
           label(k.priority, zh), label(k.status, zh), k.subject, k.category, Names::of(names.staff, k.owner_id),
           k.created_at, time_cell(k.first_response_at), time_cell(k.resolved_at), time_cell(k.closed_at),
           int64_t{k.reopen_count}, members.of(k.member_id)});
    }
    if (page.size() < 200) break;
    const auto cursor = ticket::parse_cursor(ticket::cursor_of(page.back(), q.filter.sort), q.filter.sort);
    if (!cursor) break;
    q.filter.after_key = cursor->key;
    q.filter.after_id = cursor->id;
  }
  return t;
}

}  // namespace kefu::app
