#include "demo/load.hpp"

#include <algorithm>
#include <map>

#include "auth/app/auth.hpp"
#include "callbacks/app/callback.hpp"
#include "demo/load_actions.hpp"
#include "demo/load_bot.hpp"
#include "demo/load_chat.hpp"
#include "demo/load_csat.hpp"
#include "demo/load_feedback.hpp"
#include "demo/load_kb.hpp"
#include "demo/load_performance.hpp"
#include "demo/load_purchases.hpp"
#include "demo/load_quality.hpp"
#include "demo/load_sla.hpp"
#include "members/domain/member.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::demo {
namespace {

struct Ids {
  std::map<std::string, int64_t> store, staff;
  std::map<std::string, people::Actor> actor;                         // by username
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
    s.id = ids.staff[p.username] = r.get<storage::OrgStore>().insert_staff(s);
    ids.actor[p.username] = app::actor_of(s);
  }
  for (const auto& m : cat.members) {
    people::Member pm{0,  m.member_no, m.name, m.phone, m.tier, m.birthday, m.care_flags, ids.store.at(m.home_store),
                      now};
    ids.member.push_back(r.get<storage::MemberStore>().insert_member(pm));
  }
}

// A ticket's history goes through the same use cases as the staff's requests: each step
// runs as the staff member who took it, at the time it happened (the Context's now), so
// the demo holds exactly what users would have made — timeline, audit entries, SLA clock
// events, search index — and a step the rules refuse fails the load.
void load_ticket(storage::Stores& r, const Ticket& dt, const Ids& ids, const text::Segmenter& seg, int64_t now_ms) {
  const int64_t created = dt.created_at * 1000;
  const auto& owner = ids.actor.at(dt.owner);
  app::Context c{r, owner, created, &seg};
  app::NewTicket in;
  in.store_id = ids.store.at(dt.store_code);
  in.department_id = ids.department.at({dt.store_code, dt.department_code});
  in.type = dt.type;
  in.channel = dt.channel;
  in.priority = dt.priority;
  in.subject = dt.subject;
  in.description = dt.description;
  in.category = dt.category;
  in.location = dt.location;
  if (dt.member_index >= 0) in.member_id = ids.member.at(dt.member_index);
  in.purchase_ref = dt.purchase_ref;
  auto t = app::create_ticket(c, in);
  // An online contact has no owner until someone claims it: the catalogue's owner did.
  if (!t.owner_id) t = app::claim_ticket(c, t.id);
  std::map<std::string, int64_t> open_tasks;  // department code → task id
  for (const auto& e : dt.events) {
    const int64_t at = created + e.offset_seconds * 1000;
    app::Context ec{r, ids.actor.at(e.actor), at, &seg};
    if (e.kind == "reply" || e.kind == "note") {
      app::add_message(ec, t.id, e.text, e.kind == "reply");
      if (auto it = open_tasks.find(e.department_code); !e.department_code.empty() && it != open_tasks.end()) {
        app::update_task(ec, it->second, {.status = "done", .result = e.text}, std::nullopt);
        open_tasks.erase(it);
      }
    } else if (e.kind == "status") {
      // The demo's stores close a resolved ticket by making its callback (回访).
      if (e.to_status == "closed")
        app::record_callback(ec, t.id, "satisfied", e.text);
      else
        app::change_status(ec, t.id, e.to_status, e.text, std::nullopt);
    } else if (e.kind == "task") {
      app::NewTask task{ids.department.at({dt.store_code, e.department_code}), std::nullopt, e.text,
                        created + e.due_offset_seconds * 1000};
      open_tasks[e.department_code] = app::create_task(ec, t.id, task).id;
    } else if (e.kind == "handover") {
      app::hand_over(ec, t.id, ids.staff.at(e.text), e.reason);
    }
  }
  // Escalation steps that fell due before now, as the scheduler would have fired them.
  auto settled = *r.get<storage::TicketStore>().ticket(t.id);
  app::Context settle{r, owner, now_ms, &seg};
  settle_demo_escalations(settle, settled);
  r.get<storage::TicketStore>().update_ticket_deadlines(settled);
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
  // A year of purchases, after the tickets (whose receipts they include).
  db.write_sync(
      [&](storage::Stores& r) { load_demo_purchases(r, cat, ids.store, ids.member, ids.actor.at("admin"), now); });
  db.write_sync([&](storage::Stores& r) { load_demo_chat(r, now); });
  db.write_sync([&](storage::Stores& r) { load_demo_kb(r, now); });
  db.write_sync([&](storage::Stores& r) { load_demo_bot(r, seg, now); });
  db.write_sync([&](storage::Stores& r) { load_demo_feedback(r, now); });
  db.write_sync([&](storage::Stores& r) { load_demo_actions(r, now); });
  db.write_sync([&](storage::Stores& r) { load_demo_csat(r, now); });     // CSAT comments, after the tickets
  db.write_sync([&](storage::Stores& r) { load_demo_quality(r, now); });  // after the CSAT ratings it samples by
  db.write_sync([&](storage::Stores& r) { load_demo_performance(r, now); });
  db.write_sync([](storage::Stores& r) { r.analyze(); });
}

}  // namespace kefu::demo
