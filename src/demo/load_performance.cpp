#include "demo/load_performance.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/app/auth.hpp"
#include "callbacks/app/callback.hpp"
#include "org/storage/org_store.hpp"
#include "performance/app/case_library.hpp"
#include "performance/app/kpi_rules.hpp"
#include "performance/app/staff_records.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kHour = 3'600'000, kDay = 24 * kHour;

people::Actor actor(storage::Stores& r, const std::string& username) {
  for (const auto& s : r.get<storage::OrgStore>().staff_list())
    if (s.username == username) return app::actor_of(s);
  throw std::runtime_error("demo performance: no staff " + username);
}

// A complaint or praise about one of the desk's agents, as the supervisor took it on the
// hotline: the ticket, the supervisor's reply and resolution, the person named, the review.
struct Story {
  const char* agent;
  const char* type;
  int days_ago;
  const char* subject;
  const char* description;
  const char* reply;
  const char* summary;
  std::optional<app::Review> review;  // complaints; none = still waiting
};

const std::vector<Story>& stories() {
  static const std::vector<Story> k = {
      {"zhangmin", "complaint", 18, "投诉总服务台推诿“不归我们管”",
       "顾客在二楼专柜买的外套开线，到总服务台求助，客服说“这个不归我们管，您去找专柜”；顾客在专柜又被告知找商场，"
       "来回两趟后来电投诉。",
       "您好，非常抱歉让您来回奔波。这件事由我负责跟进，已联系专柜今天为您免费修补，完成后给您回电。",
       "首次接待时推给专柜，未按首问负责登记跟进。",
       app::Review{"upheld",
                   "personal",
                   "coaching",
                   "调取服务台录音，首问负责制未落实；安排一对一辅导，学习首问负责案例。",
                   {}}},
      {"zhaoxue", "complaint", 12, "投诉答应回电却两天没人联系",
       "顾客咨询退款进度，客服答应第二天回电，两天后仍无人联系，顾客再次来电投诉。",
       "您好，非常抱歉没有按约定回电。退款已于今天到账，请您查收；以后答应您的时间我们一定做到。",
       "答应次日回电，未建回访任务。",
       app::Review{"partly", "shared", "coaching", "个人未建回访任务；财务部门也晚一天反馈，双方各有责任。", {}}},
      {"liuyang", "complaint", 9, "投诉客服态度冷淡",
       "顾客要求退回已拆封的化妆品，被告知不符合退货规定，认为客服态度冷淡。",
       "您好，理解您的心情。已拆封的化妆品按规定不能无理由退货，我们为您申请了同品牌小样作为补偿。",
       "顾客认为解释退货规定时态度冷淡。",
       app::Review{"not_upheld", "none", "none", "录音显示用语规范、解释清楚，顾客不满的是退货规定本身。", {}}},
      {"sunhao", "complaint", 3, "投诉服务台催促离开",
       "闭店前二十分钟顾客在服务台办理开票，称客服一直催促、语气不耐烦。",
       "您好，非常抱歉给您不好的体验。发票已为您开好并寄出，我们会加强闭店前的服务提醒。", "闭店前办理业务时催促顾客。",
       std::nullopt},
      {"liuyang", "praise", 14, "表扬客服雨天借伞叫车",
       "顾客来电表扬：下大雨时总服务台客服主动借伞，帮忙叫车，还把两袋商品送到车边。",
       "感谢您的表扬，我们会转达给同事，欢迎再次光临。", "雨天主动借伞并帮忙叫车。", std::nullopt},
      {"zhangmin", "praise", 6, "表扬客服帮忙找回钱包",
       "顾客来信表扬：钱包遗失在三楼，客服调取监控陪同寻找，一小时后找回。",
       "感谢您的来信，能帮您找回钱包我们也很高兴。", "帮忙找回遗失的钱包，全程耐心。", std::nullopt},
  };
  return k;
}

}  // namespace

void load_demo_performance(storage::Stores& r, int64_t now) {
  int64_t sh = 0;
  for (const auto& s : r.get<storage::OrgStore>().stores())
    if (s.code == "SH01") sh = s.id;
  if (!sh) return;
  const auto chenjing = actor(r, "chenjing");
  const int64_t today = (now + 8 * kHour) / kDay * kDay - 8 * kHour;  // local midnight, UTC+8

  // The rules: CSAT and complaints weigh most; a base of 600 元.
  performance::BonusRules bonus = performance::default_bonus_rules();
  bonus.base_fen = 60000;
  bonus.per_praise_fen = 3000;
  bonus.per_complaint_fen = 15000;
  bonus.cap_fen = 120000;
  app::Context rules{r, chenjing, today - 40 * kDay + 10 * kHour, nullptr};
  app::save_kpi_rules(rules, sh,
                      {{"contacts", 10, 60},
                       {"first_response", 15, 30},
                       {"resolution", 10, 480},
                       {"sla_compliance", 15, 90},
                       {"csat", 20, 4.5},
                       {"praise", 5, 1},
                       {"complaints", 10, 0},
                       {"qa_score", 10, 85},
                       {"reopen_rate", 5, 5}},
                      bonus);

  // Only a demo with tickets gets the stories (the tests' empty demos stay empty).
  storage::TicketFilter any;
  any.store_ids = {sh};
  any.limit = 1;
  if (r.get<storage::TicketStore>().tickets(any).empty()) return;

  std::vector<int64_t> ticket_of;
  for (const auto& s : stories()) {
    const int64_t at = today - s.days_ago * kDay + 14 * kHour;
    app::Context opened{r, chenjing, at, nullptr};
    auto t = app::create_ticket(opened, {.store_id = sh,
                                         .type = s.type,
                                         .channel = "hotline",
                                         .subject = s.subject,
                                         .description = s.description,
                                         .category = "服务态度"});
    app::Context replied{r, chenjing, at + 20 * 60'000, nullptr};
    app::add_message(replied, t.id, s.reply, true);
    app::Context named{r, chenjing, at + 30 * 60'000, nullptr};
    auto rec = app::record_staff(named, t.id, actor(r, s.agent).staff_id, s.summary);
    if (s.review) {
      app::Context reviewed{r, chenjing, at + 26 * kHour, nullptr};
      app::review_complaint(reviewed, rec.id, *s.review);
    }
    // Resolved the next day; the newest complaint's review still waits.
    app::Context resolved{r, chenjing, at + 28 * kHour, nullptr};
    app::change_status(resolved, t.id, "resolved", "", std::nullopt);
    // The supervisor's callback (回访) that afternoon, as for every resolved complaint.
    if (at + 30 * kHour < now) {
      app::Context called{r, chenjing, at + 30 * kHour, nullptr};
      app::record_callback(called, t.id, "satisfied", "已回访，顾客接受处理结果。");
    }
    ticket_of.push_back(t.id);
  }

  // The case library, written by us from the stories above.
  struct Entry {
    std::size_t story;
    const char* kind;
    const char* title;
    const char* lesson;
    std::vector<std::string> tags;
  };
  const std::vector<Entry> entries = {
      {4,
       "good_practice",
       "雨天借伞叫车，把小事做到位",
       "顾客没开口之前先想到他的下一步：下雨、手里有东西、要去停车场。主动一步，胜过事后补救十步。",
       {"主动服务", "表扬"}},
      {0,
       "lesson",
       "“这个不归我们管”——首问负责不能推",
       "顾客找到谁，谁就是首问负责人：先登记、先安抚，再协调专柜，并告诉顾客什么时候给答复。",
       {"首问负责", "投诉", "话术"}},
      {1,
       "lesson",
       "答应回电就要建任务",
       "口头答应“明天给您回电”时，当场建回访任务，写清时间；不要靠记忆。",
       {"回访", "承诺", "投诉"}},
  };
  for (const auto& e : entries) {
    const auto& s = stories()[e.story];
    app::Context c{r, chenjing, today - (s.days_ago - 2) * kDay + 17 * kHour, nullptr};
    app::create_case(c, {.ticket_id = ticket_of[e.story],
                         .kind = performance::CaseKind::of(e.kind),
                         .title = e.title,
                         .lesson = e.lesson,
                         .tags = e.tags});
  }
}

}  // namespace kefu::demo
