#include "demo/load_csat.hpp"

#include <array>
#include <map>
#include <string>

#include "auth/app/auth.hpp"
#include "callbacks/app/csat.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kHour = 3'600'000;
constexpr int kEvery = 12;  // one closed ticket in this many is rated

struct Comment {
  int stars;
  const char* text;
};
// Our own words, as customers write them under a rating.
constexpr std::array<Comment, 16> kComments{{
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
}};

}  // namespace

void load_demo_csat(storage::Stores& r, int64_t now_ms) {
  std::map<int64_t, people::Actor> staff;
  for (const auto& s : r.get<storage::OrgStore>().staff_list()) staff[s.id] = app::actor_of(s);
  storage::TicketFilter f;
  f.statuses = {"closed"};
  f.sort = "created_at";
  f.descending = false;  // in time order: the link's signing key is made once and ages
  f.limit = 100000;
  int n = 0, rated = 0;
  for (const auto& t : r.get<storage::TicketStore>().tickets(f)) {
    if (n++ % kEvery != 0 || !t.owner_id || !t.closed_at || !staff.count(*t.owner_id)) continue;
    const int64_t at = *t.closed_at + 2 * kHour;
    if (at >= now_ms) continue;
    app::Context owner{r, staff.at(*t.owner_id), at, nullptr};
    const auto link = app::create_csat_link(owner, t.id);
    const auto& c = kComments[rated++ % kComments.size()];
    app::Context customer{r, people::customer_actor(), at + kHour, nullptr};
    app::rate(customer, link.token, c.stars, c.text);
  }
}

}  // namespace kefu::demo
