#include "demo/load_actions.hpp"

#include <stdexcept>
#include <string>

#include "auth/app/auth.hpp"
#include "feedback/app/feedback_actions.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kHour = 3'600'000, kDay = 24 * kHour;

struct Who {
  storage::Stores& r;
  people::Actor actor(const std::string& username) {
    for (const auto& s : r.get<storage::OrgStore>().staff_list())
      if (s.username == username) return app::actor_of(s);
    throw std::runtime_error("demo actions: no staff " + username);
  }
  int64_t store(const std::string& code) {
    for (const auto& s : r.get<storage::OrgStore>().stores())
      if (s.code == code) return s.id;
    throw std::runtime_error("demo actions: no store " + code);
  }
  int64_t department(int64_t store, const std::string& code) {
    for (const auto& d : r.get<storage::OrgStore>().departments(store))
      if (d.code == code) return d.id;
    throw std::runtime_error("demo actions: no department " + code);
  }
};

}  // namespace

void load_demo_actions(storage::Stores& r, int64_t now) {
  Who who{r};
  const int64_t today = (now + 8 * kHour) / kDay * kDay - 8 * kHour;  // local midnight, UTC+8
  const int64_t sh = who.store("SH01"), cd = who.store("CD01");
  const auto chenjing = who.actor("chenjing"), xupeng = who.actor("xupeng"), gaoyan = who.actor("gaoyan");

  // 上海店's toilets: grouped, fixed, verified.
  app::ActionInput toilets;
  toilets.store_id = sh;
  toilets.topic = "cleanliness";
  toilets.title = "二楼洗手间保洁加密与设施维修";
  toilets.plan =
      "保洁巡查由每两小时一次改为每小时一次；更换损坏的隔间门锁和烘手机；洗手液、纸巾缺货时由巡查员当场补充。";
  toilets.department_id = who.department(sh, "property");
  toilets.owner_id = xupeng.staff_id;
  toilets.due_amount = 10;
  toilets.window_days = 14;
  toilets.hot_from = today - 49 * kDay;
  toilets.hot_to = today - 35 * kDay;
  app::Context created{r, chenjing, today - 35 * kDay + 15 * kHour, nullptr};
  const auto action = app::create_action(created, toilets);
  app::Context progress{r, xupeng, today - 28 * kDay + 11 * kHour, nullptr};
  app::add_action_update(progress, action.id, "已增加两名保洁员，巡查表贴在洗手间门口；门锁和烘手机已订货。", {});
  app::Context done{r, xupeng, today - 21 * kDay + 17 * kHour, nullptr};
  app::mark_action_done(done, action.id, "门锁、烘手机已全部更换，保洁按新频次执行一周。");
  app::Context verify{r, chenjing, today - 7 * kDay + 18 * kHour, nullptr};
  app::verify_action_now(verify, action.id);

  // 上海店's cashiers: opened three days ago.
  app::ActionInput queue;
  queue.store_id = sh;
  queue.topic = "queueing";
  queue.title = "周末高峰收银加开通道";
  queue.plan = "周六、周日 14:00–20:00 收银台至少开放六个通道；自助收银机故障当天报修。";
  queue.department_id = who.department(sh, "cashier");
  queue.owner_id = xupeng.staff_id;
  queue.window_days = 28;
  queue.hot_from = today - 10 * kDay;
  queue.hot_to = today - 3 * kDay;
  app::Context opened{r, chenjing, today - 3 * kDay + 16 * kHour, nullptr};
  app::create_action(opened, queue);

  // 成都店's returns desk: opened twelve days ago, not done.
  app::ActionInput returns;
  returns.store_id = cd;
  returns.topic = "returns";
  returns.title = "退换货一站式办理";
  returns.plan = "退换货在售后服务中心一处办结，不再让顾客往返专柜和收银台盖章；无小票时按会员消费记录查询。";
  returns.department_id = who.department(cd, "desk");
  returns.owner_id = gaoyan.staff_id;
  returns.due_amount = 5;
  returns.window_days = 28;
  returns.hot_from = today - 26 * kDay;
  returns.hot_to = today - 12 * kDay;
  app::Context late{r, gaoyan, today - 12 * kDay + 10 * kHour, nullptr};
  app::create_action(late, returns);
}

}  // namespace kefu::demo
