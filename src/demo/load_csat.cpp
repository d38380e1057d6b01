#include "demo/load_csat.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

#include "auth/app/auth.hpp"
#include "callbacks/app/csat.hpp"
#include "demo/random.hpp"
#include "demo/story.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kHour = 3'600'000;
constexpr int kEvery = 6;          // one closed ticket in this many is rated
constexpr int kSlippingEvery = 5;  // the story's slipping agent, this last month: one in five

struct Comment {
  int stars;
  const char* text;
};
// Our own words, as customers write them under a rating.
constexpr std::array<Comment, 24> kComments{{
    {5, "客服小姐姐很耐心，一次就帮我处理好了"},
    {5, "回访电话很及时，问题解决得很彻底，点赞"},
    {5, "退款当天就到账了，比预想的快"},
    {4, "处理结果满意，就是第一次打电话没人接"},
    {4, "态度很好，下次希望能直接在服务台办完"},
    {5, "值班经理亲自过来道歉，还送了停车券，很有诚意"},
    {4, "整体不错，换货流程再简单一点就更好了"},
    {3, "问题是解决了，但是前后等了三天才有人联系我"},
    {3, "处理还行，就是来回跑了两趟服务台"},
    {3, "补偿一般般，希望以后能先把商品质量把好关"},
    {5, "保安大哥帮我找到了孩子的外套，非常感谢"},
    {4, "电话里说得很清楚，按说明去办很顺利"},
    {3, "结果可以接受，不过客服一开始不太清楚政策"},
    {5, "售后师傅上门很准时，修得也好"},
    {4, "专柜主动帮我联系了厂家，挺负责的"},
    {3, "退货要求的材料太多了，希望简化"},
    {2, "说好当天回电话，结果第二天我自己打过去才有人理"},
    {2, "接待的客服很不耐烦，解释了好几遍才听明白"},
    {1, "问题没解决就把单子关了，还得我再跑一趟"},
    {2, "答复前后不一致，一会儿说能退一会儿说不能退"},
    {1, "态度敷衍，感觉根本没把我的事当回事"},
    {2, "等了很久没有任何进展，也没人主动告知"},
    {3, "最后是主管出面才解决的，一开始的客服不太上心"},
    {4, "后来换了一位客服，处理得挺好"},
}};

// Stars as customers give them: mostly 4–5; the story's slipping agent this last month
// far more 1–3 (story.hpp).
int stars(bool slipping, detail::Rng& rng) {
  static constexpr int kSteady[] = {1, 4, 13, 32, 50};  // 1..5 stars, percent
  static constexpr int kSlipping[] = {12, 28, 28, 20, 12};
  return 1 + static_cast<int>(rng.weighted(slipping ? kSlipping : kSteady));
}

const char* comment(int stars, detail::Rng& rng) {
  std::vector<const char*> fitting;
  for (const auto& c : kComments)
    if (c.stars == stars) fitting.push_back(c.text);
  return fitting.empty() ? "" : rng.pick(fitting);
}

}  // namespace

void load_demo_csat(storage::Stores& r, int64_t now_ms) {
  std::map<int64_t, people::Actor> staff;
  std::map<int64_t, people::Actor> supervisor;  // by store: who follows a low rating up
  int64_t slipping_id = 0;
  for (const auto& s : r.get<storage::OrgStore>().staff_list()) {
    staff[s.id] = app::actor_of(s);
    if (s.username == story::kSlippingAgent) slipping_id = s.id;
    if (s.username == "chenjing" || s.username == "gaoyan")
      for (auto id : s.store_ids) supervisor.emplace(id, app::actor_of(s));
  }
  storage::TicketFilter f;
  f.statuses = {"closed"};
  f.sort = "created_at";
  f.descending = false;  // in time order: the link's signing key is made once and ages
  f.limit = 100000;
  detail::Rng rng(20261205);
  int n = 0, n_slipping = 0;
  for (const auto& t : r.get<storage::TicketStore>().tickets(f)) {
    if (!t.owner_id || !t.closed_at || !staff.count(*t.owner_id)) continue;
    const bool slipping =
        *t.owner_id == slipping_id && story::within_days(*t.closed_at / 1000, now_ms / 1000, story::kSlippingDays);
    if (slipping ? n_slipping++ % kSlippingEvery != 0 : n++ % kEvery != 0) continue;
    const int64_t at = *t.closed_at + 2 * kHour;
    if (at + 2 * kHour >= now_ms) continue;
    app::Context owner{r, staff.at(*t.owner_id), at, nullptr};
    const auto link = app::create_csat_link(owner, t.id);
    const int given = stars(slipping, rng);
    app::Context customer{r, people::customer_actor(), at + kHour, nullptr};
    const auto rated = app::rate(customer, link.token, given, comment(given, rng));
    // A low rating opens a service-recovery task; the supervisor calls the customer back.
    const int64_t done = at + kHour + rng.between(2, 20) * kHour;
    if (rated.recovery_task_id && done < now_ms && supervisor.count(t.store_id)) {
      app::Context boss{r, supervisor.at(t.store_id), done, nullptr};
      app::update_task(boss, *rated.recovery_task_id,
                       {.status = "done", .result = "已致电顾客致歉并说明处理情况，顾客表示接受。"}, std::nullopt);
    }
  }
}

}  // namespace kefu::demo
