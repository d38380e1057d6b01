#include "demo/load.hpp"

#include <algorithm>
#include <map>

#include "demo/load_sla.hpp"
#include "members/domain/member.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/task_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::demo {
namespace {

struct Ids {
  std::map<std::string, int64_t> store, staff;
  std::map<std::pair<std::string, std::string>, int64_t> department;  // (store code, department code)
  std::vector<int64_t> member;
};

void load_org(storage::Stores& r, const Catalog& cat, const std::string& password_hash, Ids& ids, int64_t now) {
  for (const auto& s : cat.stores) {
    people::Store st{0, s.code, s.name, s.timezone, s.address, {}};
    for (const auto& p : s.hours) st.hours.push_back({p.weekday, p.open, p.close});
    ids.store[s.code] = r.get<storage::OrgStore>().insert_store(st);
    for (const auto& d : cat.departments)
      ids.department[{s.code, d.code}] =
          r.get<storage::OrgStore>().insert_department({0, ids.store[s.code], d.code, d.name, d.kind});
  }
  for (const auto& p : cat.staff) {
    people::Staff s{0, p.username, p.display_name, people::Role::of(p.role), p.phone, "", true, {}, {}, password_hash};
    for (const auto& code : p.store_codes) {
      s.store_ids.push_back(ids.store.at(code));
      for (const auto& d : p.department_codes) s.department_ids.push_back(ids.department.at({code, d}));
    }
    ids.staff[p.username] = r.get<storage::OrgStore>().insert_staff(s);
  }
  for (const auto& m : cat.members) {
    people::Member pm{0,  m.member_no, m.name, m.phone, m.tier, m.birthday, m.care_flags, ids.store.at(m.home_store),
                      now};
    ids.member.push_back(r.get<storage::MemberStore>().insert_member(pm));
  }
}

void load_ticket(storage::Stores& r, const Ticket& dt, const Ids& ids, const text::Segmenter& seg, int64_t now_ms) {
  const int64_t created = dt.created_at * 1000;
  ticket::Ticket t;
  t.store_id = ids.store.at(dt.store_code);
  t.department_id = ids.department.at({dt.store_code, dt.department_code});
  t.type = ticket::Type::of(dt.type);
  t.channel = ticket::Channel::of(dt.channel);
  t.priority = ticket::Priority::of(dt.priority);
  t.subject = dt.subject;
  t.description = dt.description;
  t.category = dt.category;
  t.location = dt.location;
  if (dt.member_index >= 0) t.member_id = ids.member.at(dt.member_index);
  t.purchase_ref = dt.purchase_ref;
  t.owner_id = ids.staff.at(dt.owner);
  t.created_by = *t.owner_id;
  t.created_at = t.updated_at = created;
  people::Actor actor{.staff_id = *t.owner_id, .role = "agent"};
  app::Context c{r, actor, created, &seg};
  auto clock_events = app::start_sla(c, t);
  r.get<storage::TicketStore>().insert_ticket(t);
  app::record_clock_events(c, t.id, clock_events);
  app::record_event(c, t.id, "created", t.subject, {{"channel", t.channel}}, false);
  app::audit(c, "ticket.create", "ticket", t.id, nullptr, app::snapshot(t));
  std::map<std::string, int64_t> open_tasks;  // department code → task id
  std::string status = "new";
  for (const auto& e : dt.events) {
    const int64_t at = created + e.offset_seconds * 1000;
    people::Actor by{.staff_id = ids.staff.at(e.actor), .role = "agent"};
    app::Context ec{r, by, at, &seg};
    if (e.kind == "reply" || e.kind == "note") {
      app::record_event(ec, t.id, e.kind, e.text, nullptr, e.kind == "reply");
      if (e.kind == "reply" && !t.first_response_at) {
        t.first_response_at = at;
        app::sla_on_first_reply(ec, t);
      }
      if (auto it = open_tasks.find(e.department_code); !e.department_code.empty() && it != open_tasks.end()) {
        auto task = *r.get<storage::TaskStore>().task(it->second);
        task.status = "done";
        task.result = e.text;
        task.updated_at = at;
        task.version = 2;
        r.get<storage::TaskStore>().update_task(task, 1);
        app::record_event(ec, t.id, "task_updated", e.text, {{"task_id", task.id}, {"from", "open"}, {"to", "done"}},
                          false);
        open_tasks.erase(it);
      }
    } else if (e.kind == "status") {
      app::record_event(ec, t.id, "status", "", {{"from", status}, {"to", e.to_status}}, false);
      app::sla_on_transition(ec, t, ticket::Status::of(status), ticket::Status::of(e.to_status));
      // The demo's stores close a ticket after its callback (回访) was made.
      if (e.to_status == "closed") app::sla_on_callback_done(ec, t);
      if (e.to_status == "resolved") t.resolved_at = at;
      if (e.to_status == "closed") t.closed_at = at;
      if (e.to_status == "in_progress" && (status == "resolved" || status == "closed")) {
        ++t.reopen_count;
        t.resolved_at.reset();
        t.closed_at.reset();
      }
      status = e.to_status;
    } else if (e.kind == "task") {
      auto dept = ids.department.at({dt.store_code, e.department_code});
      ticket::Task task{0,  t.id,        dept, std::nullopt, e.text, "open", created + e.due_offset_seconds * 1000,
                        "", by.staff_id, at,   at,           1};
      task.id = r.get<storage::TaskStore>().insert_task(task);
      open_tasks[e.department_code] = task.id;
      app::record_event(ec, t.id, "task_created", e.text, {{"task_id", task.id}, {"department_id", dept}}, false);
    } else if (e.kind == "handover") {
      auto to = ids.staff.at(e.text);
      app::record_event(ec, t.id, "handover", e.reason, {{"from", *t.owner_id}, {"to", to}}, false);
      t.owner_id = to;
    }
    t.updated_at = at;
  }
  t.status = ticket::Status::of(status);
  app::Context settle{r, actor, now_ms, &seg};
  settle_demo_escalations(settle, t);
  t.version = 1 + static_cast<int64_t>(dt.events.size());
  r.get<storage::TicketStore>().update_ticket(t, 1);
  app::reindex(c, t);
}

}  // namespace

void load(storage::Database& db, const Catalog& cat, const text::Segmenter& seg, const std::string& hash, int64_t now,
          const std::function<void(std::size_t, std::size_t)>& progress) {
  Ids ids;
  db.write_sync([&](storage::Stores& r) {
    load_org(r, cat, hash, ids, now);
    std::vector<int64_t> stores;
    for (const auto& [code, id] : ids.store) stores.push_back(id);
    load_demo_sla(r, stores, now);
  });
  constexpr std::size_t kChunk = 2000;
  for (std::size_t i = 0; i < cat.tickets.size(); i += kChunk) {
    db.write_sync([&](storage::Stores& r) {
      for (std::size_t j = i; j < std::min(cat.tickets.size(), i + kChunk); ++j)
        load_ticket(r, cat.tickets[j], ids, seg, now);
    });
    if (progress) progress(std::min(cat.tickets.size(), i + kChunk), cat.tickets.size());
  }
  db.write_sync([](storage::Stores& r) { r.analyze(); });
}

}  // namespace kefu::demo
