#include "demo/load_chat.hpp"

#include <array>
#include <string>
#include <vector>

#include "auth/app/auth.hpp"
#include "chat/app/canned.hpp"
#include "chat/app/chat_settings.hpp"
#include "chat/app/conversations.hpp"
#include "chat/app/desk.hpp"
#include "demo/random.hpp"
#include "demo/story.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;

struct Canned {
  const char* shortcut;
  const char* title;
  const char* body;
};
constexpr std::array<Canned, 8> kCanned{{
    {"hi", "问候", "您好，这里是商场在线客服，很高兴为您服务，请问有什么可以帮您？"},
    {"park", "停车收费",
     "会员当天消费满 200 元可在服务台或 APP 领取 2 小时停车券；非会员首小时 10 元，之后每小时 5 元。"},
    {"hours", "营业时间", "商场营业时间为每天 10:00–22:00，节假日以门口公告为准。"},
    {"return", "退换货", "请携带购物小票和商品到原专柜或一楼总服务台办理，未使用且吊牌完好的商品 7 天内可退换。"},
    {"points", "积分兑换", "积分可在 APP「会员中心」或服务台兑换停车券和礼品，100 积分可抵 1 元。"},
    {"lost", "失物招领", "请告诉我们物品特征和大致丢失位置，我们会联系保安部查找，找到后电话通知您。"},
    {"wait", "稍等", "好的，我帮您查询一下，请稍等片刻。"},
    {"bye", "结束语", "感谢您的咨询，祝您购物愉快！如有其他问题欢迎随时联系我们。"},
}};

// One past conversation: what the customer said first, the desk's answer, a follow-up.
struct Script {
  const char* queue;
  const char* name;
  const char* ask;
  const char* answer;
  const char* follow;
  const char* close;
  int rating;  // 0: not rated
};
constexpr std::array<Script, 8> kScripts{{
    {"parking", "李先生", "周末停车怎么收费？", "您好，会员当天消费满 200 元可领 2 小时停车券，非会员首小时 10 元。",
     "停车券在哪里领？", "一楼总服务台或 APP 会员中心都可以领取。", 5},
    {"returns", "王女士", "昨天买的运动鞋尺码小了，能换吗？",
     "您好，未穿着、吊牌完好的话 7 天内可以到原专柜换码，请带上小票。", "小票找不到了怎么办？",
     "会员购物可凭手机号在收银系统查记录，我们帮您联系专柜。", 4},
    {"members", "赵女士", "我的积分怎么突然少了一些？",
     "您好，积分每年 12 月 31 日清零上一年度未使用部分，我帮您查一下明细。", "好的，谢谢。",
     "查到是 1 月 1 日清零了 320 分，已把明细发到您的 APP 消息里。", 3},
    {"general", "陈先生", "请问商场几点关门？", "您好，每天 22:00 闭店，餐饮楼层营业到 22:30。", "地下超市呢？",
     "超市营业到 21:30。", 5},
    {"general", "刘女士", "我的孩子在三楼和我走散了！", "您好，请不要着急，已通知保安部，请告诉我们孩子的衣着和年龄。",
     "5 岁男孩，穿蓝色外套。", "保安已在三楼扶梯口找到孩子，请到三楼服务台接孩子。", 5},
    {"returns", "孙先生", "买的羽绒服洗了一次就起球了。", "很抱歉给您带来不便，属于质量问题的话可以按三包规定处理。",
     "那我需要带什么过去？", "请带商品和小票到二楼专柜，我们已提前通知专柜。", 2},
    {"parking", "周女士", "停车场出口缴费机坏了。", "感谢反馈，已通知停车场管理员现场处理。", "我现在急着走。",
     "管理员两分钟内到出口为您人工放行。", 4},
    {"general", "吴先生", "有没有可以借用的充电宝？", "一楼服务台可免费借用充电宝，需要登记手机号。",
     "好的，马上过去。", "不客气，祝您购物愉快。", 0},
}};
// The story's rising topic (story.hpp): the car parks' new payment system.
constexpr std::array<Script, 3> kPaymentScripts{{
    {"parking", "郑先生", "停车场新的缴费机扫码一直失败怎么办？",
     "很抱歉，新缴费系统这几天不稳定，出口已开人工收费通道。", "那我的停车券还能用吗？",
     "可以的，人工通道可以抵扣停车券，我已通知出口工作人员。", 3},
    {"parking", "钱女士", "我在小程序交了停车费，道闸不抬杆。", "请稍等，我帮您核对缴费记录。", "已经等了五分钟了。",
     "记录已补录，道闸已为您抬杆，给您添麻烦了。", 2},
    {"parking", "何先生", "新的停车缴费怎么用停车券抵扣？",
     "您好，在缴费页面勾选“停车券抵扣”即可，需先在小程序绑定车牌。", "绑定车牌在哪里？",
     "小程序「我的」-「车辆管理」里添加车牌就可以。", 4},
}};

people::Actor staff_actor(storage::Stores& r, const std::string& username) {
  for (const auto& s : r.get<storage::OrgStore>().staff_list())
    if (s.username == username) return app::actor_of(s);
  throw std::runtime_error("demo chat: no staff " + username);
}

void one_store(storage::Stores& r, int64_t store_id, const people::Actor& supervisor,
               const std::vector<people::Actor>& agents, int64_t now) {
  app::Context boss{r, supervisor, now - 8 * kDay, nullptr};
  for (const auto& c : kCanned)
    app::create_canned(boss, {.store_id = store_id, .shortcut = c.shortcut, .title = c.title, .body = c.body});
  auto settings = app::chat_settings(boss, store_id);
  settings.welcome = "您好，欢迎咨询在线客服！客服人员服务时间为每天 10:00–22:00。";
  // Parking questions are answered at once; a return is looked at with the receipt first.
  settings.queue_targets = {{"parking", {30, 90}}, {"returns", {120, 300}}};
  app::put_chat_settings(boss, settings);

  // Four weeks of chats, a few a day, each answered by one of the desk agents; parking
  // payment questions grow since the new system (story.hpp); now and then, at a busy
  // moment with nobody free, a customer gives up waiting.
  detail::Rng rng(static_cast<uint64_t>(store_id) * 7919 + 20261205);
  int n = 0;
  for (int day = 27; day >= 1; --day) {
    for (int k = 0; k < 4; ++k, ++n) {
      const bool payment = rng.percent(story::rising_percent(day * kDay / 1000) * 2);
      const auto& s = payment ? kPaymentScripts[rng.index(kPaymentScripts.size())] : kScripts[n % kScripts.size()];
      const auto& agent = agents[n % agents.size()];
      int64_t t = now - day * kDay + (10 + 3 * k) * kHour + (n * 7 % 50) * kMinute;
      const auto cust = people::customer_actor();
      if (rng.percent(6)) {  // abandoned in the queue
        app::Context c{r, cust, t, nullptr};
        auto started = app::start_chat(c, {.store_id = store_id,
                                           .queue = s.queue,
                                           .customer_name = s.name,
                                           .remote = "demo-" + std::to_string(store_id) + "-" + std::to_string(n)});
        app::Context c1{r, cust, t + 15'000, nullptr};
        app::customer_say(c1, started.token, "d1", s.ask);
        app::Context gone{r, cust, t + rng.between(90, 300) * 1000, nullptr};
        app::customer_end(gone, started.token);
        continue;
      }
      app::Context at{r, agent, t, nullptr};
      app::set_presence(at, "online");
      app::Context c{r, cust, t, nullptr};
      auto started = app::start_chat(
          c, {.store_id = store_id, .queue = s.queue, .customer_name = s.name, .remote = "demo-" + std::to_string(n)});
      const auto id = started.conversation.id;
      auto step = [&](int64_t dt) { t += dt; };
      step(15'000);
      app::Context c1{r, cust, t, nullptr};
      app::customer_say(c1, started.token, "d1", s.ask);
      const auto conv = app::chat_for_token(c1, started.token);
      const auto& who = conv.agent_id ? *std::find_if(agents.begin(), agents.end(),
                                                      [&](const auto& a) { return a.staff_id == *conv.agent_id; })
                                      : agent;
      // Answered within the queue's target (parking 30 s, the rest 60 s or more); now and
      // then, at a busy moment, later.
      const bool busy = rng.percent(12);
      step(busy ? rng.between(70, 150) * 1000 : rng.between(8, 25) * 1000);
      app::Context a1{r, who, t, nullptr};
      app::agent_say(a1, id, "d2", s.answer, false);
      step(40'000);
      app::Context c2{r, cust, t, nullptr};
      app::customer_say(c2, started.token, "d3", s.follow);
      step(busy ? rng.between(100, 240) * 1000 : rng.between(20, 80) * 1000);  // the reply-gap target: 90 s+
      app::Context a2{r, who, t, nullptr};
      app::agent_say(a2, id, "d4", s.close, false);
      step(60'000);
      app::Context a3{r, who, t, nullptr};
      app::end_chat(a3, id);
      if (s.rating) {
        step(20'000);
        app::Context c3{r, cust, t, nullptr};
        app::rate_chat(c3, started.token, s.rating, s.rating <= 2 ? "希望处理得再快一些" : "");
      }
      app::Context off{r, agent, t, nullptr};
      app::set_presence(off, "offline");
    }
  }
}

}  // namespace

void load_demo_chat(storage::Stores& r, int64_t now) {
  auto& org = r.get<storage::OrgStore>();
  struct StoreCrew {
    const char* code;
    const char* supervisor;
    std::vector<const char*> agents;
  };
  const std::vector<StoreCrew> crews = {{"SH01", "chenjing", {"zhangmin", "liuyang", "zhaoxue"}},
                                        {"CD01", "gaoyan", {"maxiaoyu", "luojie", "xuwen"}}};
  for (const auto& crew : crews) {
    int64_t store_id = 0;
    for (const auto& s : org.stores())
      if (s.code == crew.code) store_id = s.id;
    if (!store_id) continue;
    std::vector<people::Actor> agents;
    for (const auto* a : crew.agents) agents.push_back(staff_actor(r, a));
    one_store(r, store_id, staff_actor(r, crew.supervisor), agents, now);
  }
}

}  // namespace kefu::demo
