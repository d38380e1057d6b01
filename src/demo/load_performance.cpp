#include "demo/load_performance.hpp"

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/app/auth.hpp"
#include "core/domain/error.hpp"
#include "org/storage/org_store.hpp"
#include "performance/app/case_library.hpp"
#include "performance/app/kpi_rules.hpp"
#include "performance/app/staff_records.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kHour = 3'600'000;

people::Actor actor(storage::Stores& r, const std::string& username) {
  for (const auto& s : r.get<storage::OrgStore>().staff_list())
    if (s.username == username) return app::actor_of(s);
  throw std::runtime_error("demo performance: no staff " + username);
}

// The store's newest tickets of a type owned by an agent, one per owner while there are
// enough owners, created before `now`.
std::vector<ticket::Ticket> owned(storage::Stores& r, int64_t store, const std::string& type, int64_t now, int limit) {
  storage::TicketFilter f;
  f.store_ids = {store};
  f.types = {type};
  f.created_to = now;
  f.limit = 200;
  auto all = r.get<storage::TicketStore>().tickets(f);
  std::vector<ticket::Ticket> out;
  std::set<int64_t> owners, taken;
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& t : all) {
      if (!t.owner_id || static_cast<int>(out.size()) >= limit || taken.count(t.id)) continue;
      auto s = r.get<storage::OrgStore>().staff(*t.owner_id);
      if (!s || s->role != "agent") continue;
      if (pass == 0 && !owners.insert(*t.owner_id).second) continue;
      taken.insert(t.id);
      out.push_back(t);
    }
  return out;
}

struct Complaint {
  const char* summary;
  app::Review review;
};

}  // namespace

void load_demo_performance(storage::Stores& r, int64_t now) {
  int64_t sh = 0;
  for (const auto& s : r.get<storage::OrgStore>().stores())
    if (s.code == "SH01") sh = s.id;
  if (!sh) return;
  const auto chenjing = actor(r, "chenjing");

  // The rules: CSAT and complaints weigh most; a base of 600 元.
  performance::BonusRules bonus = performance::default_bonus_rules();
  bonus.base_fen = 60000;
  bonus.per_praise_fen = 3000;
  bonus.per_complaint_fen = 15000;
  bonus.cap_fen = 120000;
  app::Context rules{r, chenjing, now - 40 * 24 * kHour, nullptr};
  app::save_kpi_rules(rules, sh,
                      {{"contacts", 10, 60},
                       {"first_response", 15, 30},
                       {"resolution", 10, 480},
                       {"sla_compliance", 15, 90},
                       {"csat", 25, 4.5},
                       {"praise", 5, 1},
                       {"complaints", 15, 0},
                       {"qa_score", 0, 90},
                       {"reopen_rate", 5, 5}},
                      bonus);

  // Complaints against the staff who handled them, reviewed a day later.
  const std::vector<Complaint> complaints = {
      {"顾客反映首次答复时说“这个不归我们管”，让其自己去找专柜，未主动联系。",
       {"upheld", "personal", "coaching", "调取通话录音，首问负责制未落实；安排一对一辅导，学习首问负责案例。", {}}},
      {"顾客称等候回电超过两天无人联系。",
       {"partly", "shared", "coaching", "答应次日回电但未建回访任务；协办部门也未按时反馈，双方各有责任。", {}}},
      {"顾客认为客服态度冷淡。",
       {"not_upheld", "none", "none", "录音显示客服用语规范、解释清楚，顾客不满的是退货规定本身。", {}}},
      {"顾客反映客服当面催促其离开，语气不耐烦。",
       {"upheld", "personal", "warning", "现场监控与同事证言一致，已口头警告并重新学习服务用语。", {}}},
  };
  auto tickets = owned(r, sh, "complaint", now, static_cast<int>(complaints.size()));
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const auto& t = tickets[i];
    try {
      app::Context named{r, chenjing, std::max(t.created_at, now - 20 * 24 * kHour) + kHour, nullptr};
      auto rec = app::record_staff(named, t.id, *t.owner_id, complaints[i].summary);
      app::Context reviewed{r, chenjing, std::min(now, named.now_ms + 24 * kHour), nullptr};
      if (i + 1 < complaints.size()) app::review_complaint(reviewed, rec.id, complaints[i].review);  // the last waits
    } catch (const Error&) {
      // A ticket the demo made differently (its owner left the store): the story goes on without it.
    }
  }
  const char* praise[] = {"顾客来信表扬：雨天主动借伞并帮忙叫车。", "顾客致电表扬：帮忙找回遗失的钱包，全程耐心。"};
  auto praised = owned(r, sh, "praise", now, 2);
  for (std::size_t i = 0; i < praised.size(); ++i) {
    app::Context named{r, chenjing, std::max(praised[i].created_at, now - 20 * 24 * kHour) + kHour, nullptr};
    app::record_staff(named, praised[i].id, *praised[i].owner_id, praise[i]);
  }

  // The case library: written by us, from the tickets above.
  struct Entry {
    const char* kind;
    const char* title;
    const char* lesson;
    std::vector<std::string> tags;
    const char* story;
  };
  const std::vector<Entry> entries = {
      {"good_practice",
       "雨天借伞叫车，把小事做到位",
       "顾客没开口之前先想到他的下一步：下雨、手里有东西、要去停车场。主动一步，胜过事后补救十步。",
       {"主动服务", "表扬"},
       "傍晚突降大雨，一位顾客提着两袋商品在一楼门口等雨停。总服务台客服主动递上共享雨伞，"
       "询问去向后帮忙叫了车，并把商品送到车边。顾客次日来电表扬。"},
      {"lesson",
       "“这个不归我们管”——首问负责不能推",
       "顾客找到谁，谁就是首问负责人：先登记、先安抚，再协调专柜，并告诉顾客什么时候给答复。",
       {"首问负责", "投诉", "话术"},
       "顾客在专柜购买的外套开线，到总服务台求助。客服回答“这个不归我们管，您去找专柜”。"
       "顾客在专柜又被告知需要找商场，来回两次后投诉。核实后属实，已安排辅导。"},
      {"lesson",
       "答应回电就要建任务",
       "口头答应“明天给您回电”时，当场建回访任务或协办任务，写清时间；不要靠记忆。",
       {"回访", "承诺", "投诉"},
       "顾客咨询退款进度，客服答应次日回电，但没有建任务；财务部门的反馈也晚了一天。"
       "两天后顾客来电投诉无人联系。核实为部分属实：个人未建任务，协办部门未按时反馈。"},
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    std::optional<int64_t> source;
    if (i == 0 && !praised.empty()) source = praised[0].id;
    if (i > 0 && tickets.size() >= i) source = tickets[i - 1].id;
    if (!source) continue;  // an entry needs its ticket
    app::Context c{r, chenjing, now - static_cast<int64_t>(10 - 3 * i) * 24 * kHour, nullptr};
    app::create_case(c, {.ticket_id = source,
                         .kind = performance::CaseKind::of(e.kind),
                         .title = e.title,
                         .lesson = e.lesson,
                         .tags = e.tags,
                         .story = std::string(e.story)});
  }
}

}  // namespace kefu::demo
