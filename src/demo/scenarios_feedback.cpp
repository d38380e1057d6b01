// Lost & found (失物招领), suggestion (建议) and praise (表扬) scenarios.
#include "demo/texts.hpp"

namespace kefu::demo::detail {
namespace {

void add_lost_found(std::vector<Scenario>& out) {
  out.push_back({
      .type = "lost_found",
      .weight = 60,
      .priority = "P4",
      .category = "失物招领",
      .task_department = "security",
      .task_percent = 70,
      .locations = {"3F 女装区", "5F 美食广场", "1F 中庭", "B1 超市", "2F 洗手间附近", "4F 影院入口", "5F 儿童区",
                    "B2 停车场 {zone}"},
      .subjects = {"遗失{item}", "寻找遗失的{item}", "顾客丢失{item}求助"},
      .descriptions =
          {"{customer}称{time}在{location}附近休息时把{item}落下了，回去找已经不见了，请求帮忙查找。",
           "{customer}来电说{time}在{location}附近发现{item}不见了，不确定是丢在商场还是出租车上，留了电话。",
           "{customer}带着孩子逛到{location}时发现{item}丢了，只记得之前在{floor}休息过，非常着急。"},
      .tasks = {"请保安部调取{location}{time}前后的监控，查找顾客遗失的{item}。"},
      .feedback = {"保安部反馈：监控显示物品被保洁员拾获，已交到总服务台。",
                   "保安部反馈：监控未拍到物品去向，已通知各岗位留意。"},
      .resolutions = {"{hello}，您遗失的{item}已找到，请携带身份证件到1F总服务台认领。",
                      "{hello}，很遗憾暂未找到您的{item}，信息已登记，保留期内如有拾获会第一时间联系您。"},
  });
  out.push_back({
      .type = "lost_found",
      .weight = 40,
      .priority = "P4",
      .category = "失物招领",
      .channel = "service_desk",
      .hold = true,
      .locations = {"3F 试衣间", "5F 美食广场", "1F 中庭", "B1 超市 收银区", "4F 影院入口", "2F 洗手间附近"},
      .subjects = {"拾获{item}", "登记拾获物品：{item}"},
      .descriptions = {"保洁员在{location}拾获{item}，已交到服务台登记，物品暂存保险柜，等待失主认领。",
                       "{customer}在{location}捡到{item}交到服务台，留下联系方式，希望能早点物归原主。",
                       "{location}的工作人员巡场时发现顾客遗留的{item}，已送到服务台拍照登记。"},
      .resolutions = {"失主已凭身份证认领{item}，当面核对物品完好并签字确认。",
                      "保留期满无人认领，{item}已按规定登记移交处理。"},
      .waits = {"招领信息已通过广播和商场公众号发布，失主认领后会及时告知拾获人。"},
  });
}

void add_suggestions(std::vector<Scenario>& out) {
  const auto suggestion = [&](int weight, std::string_view category, std::string_view department, Texts subjects,
                              Texts descriptions, Texts resolutions, Texts locations) {
    out.push_back({
        .type = "suggestion",
        .weight = weight,
        .priority = "P4",
        .category = category,
        .task_department = department,
        .task_percent = department.empty() ? 0 : 45,
        .locations = std::move(locations),
        .subjects = std::move(subjects),
        .descriptions = std::move(descriptions),
        .tasks = {"收到顾客建议“{subject}”，请评估可行性并在{due}答复改进计划。"},
        .feedback = {"{dept}反馈：建议可行，已列入下月改进计划。", "{dept}反馈：已评估，建议合理，将按计划推进落实。"},
        .resolutions = std::move(resolutions),
    });
  };
  suggestion(20, "收银", "cashier", {"建议增设自助收银机|建议高峰期多开收银台", "建议设置快速结账通道"},
             {"{customer}建议超市多装几台自助收银机，周末晚上排队太久，只买一两样东西也要排很长的队。",
              "{customer}建议设一个五件以下商品的快速通道，买瓶水也要跟推满购物车的人一起排队太浪费时间。"},
             {"{hello}，感谢您的建议，超市计划下月新增四台自助收银机，并试行快速结账通道。"}, {"B1 超市 收银区"});
  suggestion(18, "环境设施", "property", {"建议各楼层增加休息座椅|希望多设些休息区"},
             {"{customer}陪家人逛街，发现{floor}几乎没有能坐的地方，建议在扶梯旁和中庭多放些座椅，方便老人休息。",
              "{customer}说带孩子逛累了只能坐在台阶上，希望商场多设一些带靠背的休息椅。"},
             {"{hello}，谢谢您的建议，我们已在中庭和各楼层扶梯口增设了休息座椅，欢迎体验。"},
             {"3F 女装区", "4F 男装区", "1F 中庭", "2F 鞋包区"});
  suggestion(14, "停车", "parking", {"建议优化停车场指示牌", "建议增加反向寻车机"},
             {"{customer}建议停车场每根柱子都标上区域和编号，现在B1和B2颜色差不多，很容易走错层。",
              "{customer}建议在停车场电梯口装反向寻车机，输入车牌就能显示车停在哪里。"},
             {"{hello}，感谢您的建议，停车场指引标识将在本月内更新，寻车功能也会上线到小程序。"},
             {"B1 停车场", "B2 停车场 {zone}"});
  suggestion(12, "会员积分", "member_center", {"建议小程序增加积分明细", "希望小程序能查电子小票"},
             {"{customer}建议小程序能看到每笔积分的来源和到期时间，现在只显示总数，不知道哪些快过期了。",
              "{customer}希望小程序能查电子小票，纸质小票容易丢，退换货时很麻烦。"},
             {"{hello}，谢谢您的建议，积分明细和电子小票查询已列入小程序下个版本的更新计划。"}, {"1F 会员中心"});
  suggestion(10, "环境设施", "property", {"建议增设母婴室|母婴室数量不够"},
             {"{customer}建议在{floor}也增设母婴室，现在只有5F有，带宝宝逛低楼层时喂奶很不方便。"},
             {"{hello}，感谢您的建议，我们正在评估在2F增设母婴室，确定后会在公众号公告。"},
             {"2F 鞋包区", "3F 女装区", "1F 中庭"});
  suggestion(8, "营业信息", "", {"建议周末延长营业时间"},
             {"{customer}建议周五周六晚上营业到23点，看完电影出来很多店已经关门了，想逛一会儿都不行。"},
             {"{hello}，感谢您的建议，我们会结合客流情况评估节假日延时营业，有调整会提前公告。"}, {"1F 总服务台"});
  suggestion(8, "招商建议", "floor", {"希望引进更多平价品牌|建议丰富品牌种类"},
             {"{customer}建议商场多引进一些平价的儿童用品品牌，现在选择太少，价格也偏高。",
              "{customer}说想买运动装备只能去别的商场，建议增加几个专业运动品牌。"},
             {"{hello}，谢谢您的建议，已转交招商部门，后续品牌调整会在公众号发布。"}, {"1F 总服务台"});
}

void add_praise(std::vector<Scenario>& out) {
  const Texts thanks = {"{hello}，感谢您的表扬，我们已转达给当事员工，并纳入本月服务之星评选。",
                        "{hello}，非常感谢您的肯定，这是对我们工作最大的鼓励，期待您再次光临。"};
  out.push_back({
      .type = "praise",
      .weight = 30,
      .priority = "P4",
      .category = "服务态度",
      .locations = {"1F 总服务台"},
      .subjects = {"表扬服务台员工热心帮忙", "表扬服务台员工雨天送伞"},
      .descriptions =
          {"{customer}表扬服务台工作人员，前几天丢了{item}，工作人员陪着调监控找了一个多小时，最后找回来了。",
           "{customer}说上次下雨借伞时，服务台员工主动把伞送到停车场电梯口，服务特别贴心，希望商场给予表扬。"},
      .resolutions = thanks,
  });
  out.push_back({
      .type = "praise",
      .weight = 30,
      .priority = "P4",
      .category = "服务态度",
      .goods = {"服装", "化妆品", "鞋包", "黄金珠宝", "家电"},
      .task_department = "floor",
      .task_percent = 40,
      .subjects = {"表扬{brand}导购耐心专业", "表扬{brand}柜员服务周到"},
      .descriptions =
          {"{customer}表扬{brand}专柜导购（工号{badge}），陪着挑{product}"
           "试了一个多小时，没有一点不耐烦，还提醒活动怎么用最划算。",
           "{customer}称{brand}柜员（工号{badge}）得知是给母亲买生日礼物，主动帮忙包装还写了贺卡，非常感动。"},
      .tasks = {"请楼层管理部在晨会上通报表扬{brand}专柜工号{badge}的员工，并反馈到品牌方。"},
      .feedback = {"楼层管理部反馈：已在晨会通报表扬，并书面告知品牌方。"},
      .resolutions = thanks,
  });
  out.push_back({
      .type = "praise",
      .weight = 18,
      .priority = "P4",
      .category = "服务态度",
      .task_department = "security",
      .task_percent = 30,
      .locations = {"B2 停车场 {zone}", "1F 东门", "1F 中庭"},
      .subjects = {"表扬保安主动帮忙", "感谢保安热心相助"},
      .descriptions = {"{customer}表扬{location}的保安，看她推着婴儿车还提着大包小包，主动帮忙把东西送到车上。",
                       "{customer}说家里老人在{location}迷了路，保安耐心陪着找到家人，还送了一瓶水，全家都很感激。"},
      .tasks = {"请保安部对{location}当班保安提出表扬，并纳入月度考核加分。"},
      .feedback = {"保安部反馈：已在班组会上表扬当班队员并记考核加分。"},
      .resolutions = thanks,
  });
  out.push_back({
      .type = "praise",
      .weight = 14,
      .priority = "P4",
      .category = "收银",
      .locations = {"B1 超市 收银区", "1F 收银台"},
      .subjects = {"表扬收银员细心负责", "收银员主动帮忙省钱"},
      .descriptions =
          {"{customer}表扬超市收银员（工号{badge}），发现有件商品的优惠没用上，主动帮忙重新结算，省了二十多块钱。",
           "{customer}说收银员（工号{badge}）看她抱着孩子不方便，主动帮忙装袋，还提醒别忘了拿小票。"},
      .resolutions = thanks,
  });
}

}  // namespace

void add_feedback_scenarios(std::vector<Scenario>& out) {
  add_lost_found(out);
  add_suggestions(out);
  add_praise(out);
}

}  // namespace kefu::demo::detail
